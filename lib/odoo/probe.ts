/**
 * The first look at an Odoo: who is logged in, which version, and whether the Gmail module is ready.
 * Sequence from odoo-gmail.md §10 steps 1–2. The result is plain data (stored, shown in the popup);
 * it never contains a token or a secret.
 */
import * as z from 'zod/mini';
import { OdooRpcError } from './errors';
import { callKw, jsonRpc, type RpcOptions } from './rpc';
import { ModuleRow, ParamValue, SessionInfo, UserRow } from './schemas';
import { parseOdooVersion } from './version';

export const PROBE_STATUSES = [
  'ok',
  'notLoggedIn',
  'notAdmin',
  'notOdoo',
  'unreachable',
  'timeout',
  'serverError',
  'permissionDenied',
] as const;
export type ProbeStatus = (typeof PROBE_STATUSES)[number];

export const ModuleInfo = z.lazy(() =>
  z.object({
    state: z.enum(['installed', 'uninstalled', 'uninstallable', 'to upgrade', 'to remove', 'to install', 'missing']),
    /** Version recorded in the database (Odoo's `latest_version`, label "Installed Version"). */
    dbVersion: z.nullable(z.string()),
    /** Version of the code on disk (Odoo's `installed_version`, label "Latest Version"). */
    codeVersion: z.nullable(z.string()),
    outdated: z.boolean(),
  }),
);
export type ModuleInfo = z.infer<typeof ModuleInfo>;

export const ProbeResult = z.lazy(() =>
  z.object({
    origin: z.string(),
    at: z.number(),
    status: z.enum(PROBE_STATUSES),
    /** HTTP status or Odoo's own message, for the details line. */
    detail: z.optional(z.string()),
    odoo: z.optional(
      z.object({
        db: z.string(),
        version: z.string(),
        major: z.number(),
        minor: z.number(),
        saas: z.boolean(),
        edition: z.enum(['community', 'enterprise']),
        isSystem: z.boolean(),
        baseUrl: z.nullable(z.string()),
        /** `web.base.url.freeze` is set (true), not set (false), or could not be read (null / absent). */
        baseUrlFrozen: z.optional(z.nullable(z.boolean())),
        /**
         * The value `baseUrl` replaced when Odoo was seen to change it (an administrator's login through
         * another address, captures fact 6), and when that was seen. Gone once frozen.
         */
        baseUrlWas: z.optional(z.object({ value: z.string(), at: z.number() })),
        userName: z.nullable(z.string()),
        userEmail: z.nullable(z.string()),
        /** The user's id (session_info's `uid`): 19.0's preferences are `/odoo/my-preferences/<uid>` (captures fact 25). */
        uid: z.optional(z.int()),
        /**
         * `database.is_neutralized` is set (true): a copy made safe for testing (odoo-gmail.md §9.1), where
         * Odoo sends and fetches no mail by design. false: not set; null / absent: could not be read.
         */
        neutralized: z.optional(z.nullable(z.boolean())),
        /**
         * The Client ID Odoo holds (`google_gmail_client_id`, not a secret): the same one on two origins is the
         * sign of a copy of a database (lib/setup/databases.ts). null: none set, or it could not be read.
         */
        clientId: z.optional(z.nullable(z.string())),
      }),
    ),
    gmailModule: z.optional(ModuleInfo),
  }),
);
export type ProbeResult = z.infer<typeof ProbeResult>;

const str = (v: string | false | null | undefined): string | null => (typeof v === 'string' && v !== '' ? v : null);
/** A system parameter's value as read: its text, or null when unset, empty or not a parameter's reply. */
const paramString = (raw: unknown): string | null => {
  const parsed = ParamValue.safeParse(raw);
  return parsed.success ? str(parsed.data) : null;
};

export function moduleInfoFrom(rows: ModuleRow[]): ModuleInfo {
  const row = rows.find((r) => r.name === 'google_gmail');
  if (!row) return { state: 'missing', dbVersion: null, codeVersion: null, outdated: false };
  const dbVersion = str(row.latest_version);
  const codeVersion = str(row.installed_version);
  const outdated = row.state === 'to upgrade' || (row.state === 'installed' && !!codeVersion && dbVersion !== codeVersion);
  return { state: row.state, dbVersion, codeVersion, outdated };
}

/** Turns a failed first request into a status a person can act on. */
export function statusFromError(error: unknown): { status: ProbeStatus; detail?: string } {
  if (!(error instanceof OdooRpcError)) return { status: 'unreachable', detail: String(error) };
  switch (error.kind) {
    case 'network':
      return { status: 'unreachable', detail: error.message };
    case 'timeout':
      return { status: 'timeout' };
    case 'sessionExpired':
      return { status: 'notLoggedIn' };
    case 'accessDenied':
      return { status: 'notAdmin', detail: error.details.odooMessage ?? error.message };
    case 'http': {
      const status = error.details.status ?? 0;
      // 404/405: the path does not exist there; anything 5xx: Odoo or its proxy is failing.
      return status >= 500 ? { status: 'serverError', detail: String(status) } : { status: 'notOdoo', detail: String(status) };
    }
    case 'notJson':
    case 'notRpc':
    case 'badReply':
      return { status: 'notOdoo', detail: error.kind };
    case 'odooError':
      return { status: 'serverError', detail: error.details.odooMessage ?? error.message };
  }
}

export async function probeOdoo(origin: string, opts: RpcOptions = {}): Promise<ProbeResult> {
  const at = Date.now();
  let raw: unknown;
  try {
    raw = await jsonRpc(origin, '/web/session/get_session_info', {}, opts);
  } catch (error) {
    return { origin, at, ...statusFromError(error) };
  }
  const parsed = SessionInfo.safeParse(raw);
  if (!parsed.success) return { origin, at, status: 'notOdoo', detail: 'session_info' };
  const info = parsed.data;
  if (!info.uid) return { origin, at, status: 'notLoggedIn' };
  const version = parseOdooVersion(info.server_version_info, info.server_version);
  if (!version) return { origin, at, status: 'notOdoo', detail: 'server_version_info' };

  const isSystem = info.is_system === true;
  const sessionBaseUrl = str(info['web.base.url']);
  // Every read after session_info depends only on its uid and is_system, so they go out together: one
  // round trip instead of four (a far Odoo costs 150–300 ms each). Each settles on its own, and each keeps
  // the meaning it had when they ran one after the other.
  const [users, baseParam, modules, frozen, neutralized, clientId] = await Promise.allSettled([
    callKw(origin, 'res.users', 'read', [[info.uid], ['email', 'login']], {}, opts),
    // Not every version puts it in session_info; the parameter itself is readable by admins (§9).
    isSystem && !sessionBaseUrl ? callKw(origin, 'ir.config_parameter', 'get_param', ['web.base.url'], {}, opts) : null,
    isSystem
      ? callKw(
          origin,
          'ir.module.module',
          'search_read',
          [[['name', 'in', ['google_gmail']]]],
          { fields: ['name', 'state', 'latest_version', 'installed_version'] },
          opts,
        )
      : null,
    isSystem ? readBaseUrlFreeze(origin, opts) : null,
    isSystem ? readNeutralized(origin, opts) : null,
    isSystem ? callKw(origin, 'ir.config_parameter', 'get_param', ['google_gmail_client_id'], {}, opts) : null,
  ]);

  let userEmail: string | null = null;
  // The address is only a proposal for the form; a refusal here changes nothing else.
  const userRows = users.status === 'fulfilled' ? z.array(UserRow).safeParse(users.value) : null;
  if (userRows?.success) {
    const row = userRows.data[0];
    userEmail = str(row?.email) ?? (str(row?.login)?.includes('@') ? str(row?.login) : null);
  }

  // Computed values fall back to the origin when the parameter could not be read, and say so.
  const param = baseParam.status === 'fulfilled' ? paramString(baseParam.value) : null;
  const odoo = {
    db: info.db,
    version: version.label,
    major: version.major,
    minor: version.minor,
    saas: version.saas,
    edition: version.edition,
    isSystem,
    baseUrl: sessionBaseUrl ?? param,
    userName: str(info.name),
    userEmail,
    uid: info.uid,
  };
  if (!isSystem) return { origin, at, status: 'notAdmin', odoo };

  if (modules.status === 'rejected') {
    const s = statusFromError(modules.reason);
    // Lost the connection or the session between two calls: report that, not a half-known Odoo.
    if (s.status === 'notLoggedIn' || s.status === 'unreachable' || s.status === 'timeout') return { origin, at, ...s };
    return { origin, at, status: 'ok', odoo, detail: s.detail ?? s.status };
  }
  const rows = z.array(ModuleRow).safeParse(modules.value);
  if (!rows.success) return { origin, at, status: 'ok', odoo, detail: 'module-read' };
  return {
    origin,
    at,
    status: 'ok',
    odoo: {
      ...odoo,
      baseUrlFrozen: frozen.status === 'fulfilled' ? frozen.value : null,
      neutralized: neutralized.status === 'fulfilled' ? neutralized.value : null,
      clientId: clientId.status === 'fulfilled' ? paramString(clientId.value) : null,
    },
    gmailModule: moduleInfoFrom(rows.data),
  };
}

/**
 * `web.base.url.freeze` (odoo-gmail.md §9): while it is unset, Odoo rewrites `web.base.url` each time an
 * administrator signs in from another address, which silently changes the redirect URI (P3).
 */
export function readBaseUrlFreeze(origin: string, opts: RpcOptions = {}): Promise<boolean | null> {
  return readParamSet(origin, 'web.base.url.freeze', opts);
}

/**
 * `database.is_neutralized` (odoo-gmail.md §9.1): Odoo's neutralization (16.0+, Odoo.sh staging and
 * duplicated databases) sets it to `true` after archiving every mail server and stopping the crons.
 */
export function readNeutralized(origin: string, opts: RpcOptions = {}): Promise<boolean | null> {
  return readParamSet(origin, 'database.is_neutralized', opts);
}

/**
 * Whether a system parameter is set: any non-empty value counts, as Odoo itself only tests the value's
 * truth (`if ICP.get_param(key):`). null when it cannot be read.
 */
async function readParamSet(origin: string, key: string, opts: RpcOptions): Promise<boolean | null> {
  try {
    const value = ParamValue.parse(await callKw(origin, 'ir.config_parameter', 'get_param', [key], {}, opts));
    return value !== false && value !== '';
  } catch {
    return null;
  }
}

export interface BaseUrlRead {
  baseUrl: string | null;
  /** null: not read (or could not be). */
  frozen: boolean | null;
}

/**
 * The stored probe with what was just read. A changed value keeps the one it replaced in `baseUrlWas`
 * (the oldest one the person may have registered, if it changed twice); freezing clears it, since a
 * frozen value no longer moves. Returns whether the value changed now.
 */
export function withBaseUrl(probe: ProbeResult, read: BaseUrlRead, at = Date.now()): { probe: ProbeResult; changed: boolean } {
  const odoo = probe.odoo;
  if (!odoo || !read.baseUrl) return { probe, changed: false };
  const frozen = read.frozen ?? odoo.baseUrlFrozen ?? null;
  const changed = !!odoo.baseUrl && odoo.baseUrl !== read.baseUrl;
  const was = frozen === true ? undefined : changed ? (odoo.baseUrlWas ?? { value: odoo.baseUrl ?? '', at }) : odoo.baseUrlWas;
  // Back to the value it replaced: nothing changed after all.
  const settled = was && was.value === read.baseUrl ? undefined : was;
  const { baseUrlWas: _old, ...rest } = odoo;
  return {
    probe: {
      ...probe,
      odoo: { ...rest, baseUrl: read.baseUrl, baseUrlFrozen: frozen, ...(settled ? { baseUrlWas: settled } : {}) },
    },
    changed,
  };
}
