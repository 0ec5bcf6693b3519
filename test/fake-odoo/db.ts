/**
 * The fake database: users and their sessions, system parameters, modules, and a generic record
 * store that models grow into (ir.mail_server, res.config.settings …). Tests read it to assert what
 * the extension really wrote.
 */
import { randomBytes } from 'node:crypto';
import { type GmailFacts, gmailFacts } from './gmail-facts.ts';
import { FakeRelay } from './gmail-relay.ts';
import { FakeGoogle } from './google.ts';
import { type Edition, gmailModuleVersion, profileFor, type VersionProfile } from './profiles.ts';

export interface User {
  id: number;
  login: string;
  password: string;
  name: string;
  email: string | false;
  /** `base.group_system` (Settings › Administration). */
  isSystem: boolean;
  /** `base.group_erp_manager` or superuser (`is_admin` in session_info). */
  isAdmin: boolean;
  /** `tz` in `user_context`; the recorded administrators have none (captures step 05). */
  tz?: string | false;
}

export interface Session {
  sid: string;
  uid: number | null;
  /**
   * 18.0+: logged in, no request since. The first request of such a session records the device it comes
   * from and so saves the session again (a `Set-Cookie` on baseurl-02 / probe-08 of 18.0–19.0, not 16–17).
   */
  fresh?: boolean;
}

export interface ModuleRecord {
  id: number;
  name: string;
  state: 'uninstallable' | 'uninstalled' | 'installed' | 'to upgrade' | 'to remove' | 'to install';
  /** Version in the database (Odoo's field name; label "Installed Version"). */
  latest_version: string | false;
  /** Version of the code on disk (Odoo's field name; label "Latest Version"). */
  installed_version: string;
}

/** A many2one is stored as its id and read as `[id, display name]`. */
export type FieldValue = string | number | boolean | null | number[] | [number, string] | false;
export type RecordValues = Record<string, FieldValue>;

export interface DbOptions {
  version?: string;
  /** `server_version` when it is not what the recordings show for `version` (profiles.ts, captures fact 5). */
  serverVersion?: string;
  edition?: Edition;
  db?: string;
  /** `web.base.url`; by default the server's own origin, as after an admin's login (§9). */
  baseUrl?: string;
  /** google_gmail's state; `outdated` = installed with an older version in the database (§8.5). */
  gmail?: 'installed' | 'outdated' | 'uninstalled' | 'absent';
  users?: User[];
  /**
   * The `website` module with these pages (`website.page` URLs, e.g. `/privacy`); absent: no website, so
   * `website.page` is an unknown model (KeyError 15–17, NotFound 18–19; captures fact 1).
   */
  website?: { pages: string[] };
}

export const ADMIN: User = {
  id: 2,
  login: 'admin',
  password: 'admin',
  name: 'Mitchell Admin',
  email: 'admin@example.com',
  isSystem: true,
  isAdmin: true,
};
export const DEMO: User = {
  id: 6,
  login: 'demo',
  password: 'demo',
  name: 'Marc Demo',
  email: 'mark.brown23@example.com',
  isSystem: false,
  isAdmin: false,
};

/** The personal-server recordings' second user (captures personal-03): an internal user, not an administrator. */
export const USER1: User = {
  id: 5,
  login: 'user1',
  password: 'user1',
  name: 'User One',
  email: 'user1@gmail.com',
  isSystem: false,
  isAdmin: false,
};

/**
 * The administrator's part of 19.0's personal servers, done beforehand (captures fact 23): "Use Custom Email
 * Servers" on, the company's client saved in Odoo and known to Google for `redirectUri`, with its test users.
 */
export function companyClientForPersonalServers(
  db: Db,
  client: { clientId: string; clientSecret: string },
  redirectUri: string,
  testUsers: string[],
): void {
  db.params.set('base_setup.default_external_email_server', 'True');
  db.params.set('google_gmail_client_id', client.clientId);
  db.params.set('google_gmail_client_secret', client.clientSecret);
  db.google.registerClient({ ...client, redirectUris: [redirectUri], testUsers });
}

export class Db {
  profile: VersionProfile;
  edition: Edition;
  name: string;
  users = new Map<number, User>();
  sessions = new Map<string, Session>();
  params = new Map<string, string>();
  modules = new Map<string, ModuleRecord>();
  records = new Map<string, Map<number, RecordValues>>();
  /** The website module's pages, or null without a website (DbOptions.website). */
  website: { pages: string[] } | null;
  /** Per-version google_gmail behaviour (gmail-facts.ts). */
  gmail: GmailFacts;
  /** Google's side, which this Odoo's server talks to in-process (google.ts). */
  google = new FakeGoogle();
  /** Odoo's Gmail relay (19.0 Enterprise without own credentials, gmail-relay.ts). */
  relay = new FakeRelay(this.google);
  private nextIds = new Map<string, number>();
  private paramIds = new Map<string, number>();

  constructor(opts: DbOptions, origin: string) {
    this.edition = opts.edition ?? 'community';
    this.profile = profileFor(opts.version ?? '17.0', opts.serverVersion, this.edition);
    this.name = opts.db ?? 'acme';
    this.website = opts.website ? { pages: [...opts.website.pages] } : null;
    for (const user of opts.users ?? [ADMIN, DEMO]) this.users.set(user.id, { ...user });
    this.params.set('web.base.url', opts.baseUrl ?? origin);
    this.params.set('database.uuid', 'c0ffee00-0000-4000-8000-000000000000');
    // The key of Odoo's `tools.misc.hmac` (google_gmail's csrf_token in `state`, §1.2).
    this.params.set('database.secret', randomBytes(16).toString('hex'));
    this.gmail = gmailFacts(this.profile);
    const code = gmailModuleVersion(this.profile);
    const gmail = opts.gmail ?? 'installed';
    this.modules.set('mail', {
      id: 10,
      name: 'mail',
      state: 'installed',
      latest_version: `${this.profile.major}.0.1.10`,
      installed_version: `${this.profile.major}.0.1.10`,
    });
    if (gmail !== 'absent') {
      // The outdated case of the seed's "Forbidden" FAQ: code upgraded, database still on the
      // first (copy/paste code) version 0.1 (odoo-gmail.md §7).
      const db = gmail === 'uninstalled' ? false : gmail === 'outdated' ? `${this.profile.major}.0.0.1` : code;
      this.modules.set('google_gmail', {
        id: 42,
        name: 'google_gmail',
        state: gmail === 'uninstalled' ? 'uninstalled' : 'installed',
        latest_version: db,
        installed_version: code,
      });
    }
  }

  /**
   * `res.users.authenticate` (§9, captures fact 6): when a Settings administrator logs in, Odoo sets
   * `web.base.url` to the address the login came through (`request.httprequest.url_root`), unless
   * `web.base.url.freeze` is set. Every version does it, at every such login.
   */
  adminLoggedInFrom(user: User, baseLocation: string): void {
    if (!user.isSystem || this.params.get('web.base.url.freeze')) return;
    this.params.set('web.base.url', baseLocation);
  }

  /** google_gmail's Python code is loaded (installed, possibly with an outdated database version). */
  gmailInstalled(): boolean {
    const m = this.modules.get('google_gmail');
    return m?.state === 'installed' || m?.state === 'to upgrade';
  }

  /**
   * A new session id in the series' format (captures fact 4): 40 hex characters in 15.0–17.0, an
   * 84-character URL-safe token in 18.0+.
   */
  newSid(): string {
    return this.profile.major >= 18 ? randomBytes(63).toString('base64url') : randomBytes(20).toString('hex');
  }

  /** A stored session (a login: `uid` set). */
  newSession(uid: number | null = null): Session {
    const session: Session = { sid: this.newSid(), uid };
    this.sessions.set(session.sid, session);
    return session;
  }

  /** The database id of an `ir.config_parameter` row, given in the order the keys were first seen. */
  paramId(key: string): number {
    for (const k of this.params.keys()) if (!this.paramIds.has(k)) this.paramIds.set(k, this.paramIds.size + 1);
    return this.paramIds.get(key) ?? 0;
  }

  /**
   * What Odoo's neutralization (16.0+; Odoo.sh staging, duplicates, `odoo-bin neutralize`) does to the
   * records this fake keeps, from base's `neutralize.sql` (odoo-gmail.md §9.1): every outgoing server
   * archived (tokens kept), one active dummy server at `invalid:1025`, and `database.is_neutralized` set.
   * (The fake runs no crons, so stopping them changes nothing here.)
   */
  neutralize(): void {
    if (this.profile.major < 16) throw new Error('Odoo neutralizes databases from 16.0 on');
    const servers = this.table('ir.mail_server');
    for (const server of servers.values()) server.active = false;
    const id = this.nextId('ir.mail_server');
    servers.set(id, {
      id,
      name: 'neutralization - disable emails',
      smtp_host: 'invalid',
      smtp_port: 1025,
      smtp_encryption: 'none',
      smtp_authentication: 'login',
      active: true,
    });
    this.params.set('database.is_neutralized', 'true');
  }

  table(model: string): Map<number, RecordValues> {
    let table = this.records.get(model);
    if (!table) {
      table = new Map();
      this.records.set(model, table);
    }
    return table;
  }

  nextId(model: string): number {
    const id = this.nextIds.get(model) ?? 1;
    this.nextIds.set(model, id + 1);
    return id;
  }
}

/**
 * Odoo domains in Polish notation: `&`, `|`, `!` prefix operators and `[field, op, value]` leaves,
 * with the implicit AND between consecutive terms (odoo/osv/expression.py).
 */
export type Leaf = [string, string, unknown];

function matchLeaf(record: Record<string, unknown>, leaf: Leaf): boolean {
  const [field, op, value] = leaf;
  const actual = record[field];
  const empty = actual === null || actual === undefined || actual === false || actual === '';
  switch (op) {
    case '=':
      return actual === value || (value === false && empty);
    case '!=':
      return value === false ? !empty : actual !== value;
    case 'in':
      return Array.isArray(value) && value.includes(actual);
    case 'not in':
      return Array.isArray(value) && !value.includes(actual);
    case 'ilike':
      return typeof actual === 'string' && actual.toLowerCase().includes(String(value).toLowerCase());
    case '=ilike':
      return typeof actual === 'string' && actual.toLowerCase() === String(value).toLowerCase();
    default:
      throw new Error(`Unsupported domain operator ${op}`);
  }
}

export function matchDomain(record: Record<string, unknown>, domain: unknown[]): boolean {
  let pos = 0;
  const term = (): boolean => {
    const t = domain[pos++];
    if (t === '&') return term() && term();
    if (t === '|') {
      const a = term();
      const b = term();
      return a || b;
    }
    if (t === '!') return !term();
    if (!Array.isArray(t) || t.length !== 3) throw new Error(`Unsupported domain term ${JSON.stringify(t)}`);
    return matchLeaf(record, t as Leaf);
  };
  let result = true;
  while (pos < domain.length) result = term() && result;
  return result;
}

/** `active_test` (default true): archived records are left out unless the domain mentions `active`. */
export function activeFilter(domain: unknown[], context: unknown): (r: Record<string, unknown>) => boolean {
  const activeTest = (context as { active_test?: unknown } | undefined)?.active_test !== false;
  const mentionsActive = domain.some((t) => Array.isArray(t) && t[0] === 'active');
  return (r) => !activeTest || mentionsActive || !('active' in r) || r.active !== false;
}
