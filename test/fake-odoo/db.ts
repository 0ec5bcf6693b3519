/**
 * The fake database: users and their sessions, system parameters, modules, and a generic record
 * store that models grow into (ir.mail_server, res.config.settings …). Tests read it to assert what
 * the extension really wrote.
 */
import { randomBytes } from 'node:crypto';
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
}

export interface Session {
  sid: string;
  uid: number | null;
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

export type FieldValue = string | number | boolean | null | number[] | false;
export type RecordValues = Record<string, FieldValue>;

export interface DbOptions {
  version?: string;
  edition?: Edition;
  db?: string;
  /** `web.base.url`; by default the server's own origin, as after an admin's login (§9). */
  baseUrl?: string;
  /** google_gmail's state; `outdated` = installed with an older version in the database (§8.5). */
  gmail?: 'installed' | 'outdated' | 'uninstalled' | 'absent';
  users?: User[];
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

export class Db {
  profile: VersionProfile;
  edition: Edition;
  name: string;
  users = new Map<number, User>();
  sessions = new Map<string, Session>();
  params = new Map<string, string>();
  modules = new Map<string, ModuleRecord>();
  records = new Map<string, Map<number, RecordValues>>();
  private nextIds = new Map<string, number>();

  constructor(opts: DbOptions, origin: string) {
    this.profile = profileFor(opts.version ?? '17.0');
    this.edition = opts.edition ?? 'community';
    this.name = opts.db ?? 'acme';
    for (const user of opts.users ?? [ADMIN, DEMO]) this.users.set(user.id, { ...user });
    this.params.set('web.base.url', opts.baseUrl ?? origin);
    this.params.set('database.uuid', 'c0ffee00-0000-4000-8000-000000000000');
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

  newSession(uid: number | null = null): Session {
    const session = { sid: randomBytes(20).toString('hex'), uid };
    this.sessions.set(session.sid, session);
    return session;
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

/** Odoo domains, the subset the extension sends: implicit AND of `[field, op, value]` leaves. */
export type Leaf = [string, string, unknown];
export function matchDomain(record: Record<string, unknown>, domain: unknown[]): boolean {
  return domain.every((term) => {
    if (term === '&') return true;
    if (!Array.isArray(term) || term.length !== 3) throw new Error(`Unsupported domain term ${JSON.stringify(term)}`);
    const [field, op, value] = term as Leaf;
    const actual = record[field];
    switch (op) {
      case '=':
        return actual === value || (value === false && (actual === null || actual === undefined || actual === false));
      case '!=':
        return actual !== value;
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
  });
}
