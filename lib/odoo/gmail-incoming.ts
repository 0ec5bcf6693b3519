/**
 * Incoming Gmail: an IMAP `fetchmail.server` on the same Google client as the outgoing server (captures
 * facts 15–22; odoo-gmail.md §1.4). The version's Gmail type is read from Odoo's own `fields_get`, never
 * guessed from the version string: 15.0 — `server_type = 'imap'` plus the boolean
 * `use_google_gmail_service`; 16.0+ — `server_type = 'gmail'` (fact 15). RPC runs no onchange, so host,
 * port, SSL and user are written explicitly. The consent is the outgoing server's (same client, same
 * redirect URI, fact 16); "Test & Confirm" (`button_confirm_login`) moves the server from "Not Confirmed"
 * to "Confirmed" (fact 17). Fetch Now is never called: with nowhere to route them, real Odoo marks the
 * messages read in Gmail and keeps nothing (fact 20) — the Last Fetch Date says whether Odoo's cron
 * fetches (fact 19).
 */
import * as z from 'zod/mini';
import { callParsed } from './call';
import { OdooRpcError } from './errors';
import { ActUrl, type ConsentUrl, parseConsentUrl } from './gmail-connection';
import { countRefreshToken, type FieldsGetReply, readFields } from './gmail-schema';
import { GmailSetupError, IdReply } from './gmail-setup';
import type { ImapReading, IncomingSchema } from './incoming-shapes';
import type { RpcOptions } from './rpc';
import { Falsy, Id, Many2one } from './schemas';

export { IMAP_READINGS, type ImapReading, IncomingSchema } from './incoming-shapes';

export const FETCHMAIL = 'fetchmail.server';
/** Fact 15 / odoo-gmail.md §1.4: what Odoo's onchange would fill in for a Gmail server. */
export const GMAIL_IMAP = { host: 'imap.gmail.com', port: 993, ssl: true } as const;

// ---------------------------------------------------------------------------------------------
// The version's Gmail type (fact 15).

const selectionValues = (fields: FieldsGetReply, name: string) => (fields[name]?.selection ?? []).map(([v]) => String(v));

export function incomingSchemaFromFields(fields: FieldsGetReply): IncomingSchema | null {
  const names = Object.keys(fields);
  if (fields.use_google_gmail_service?.type === 'boolean' && selectionValues(fields, 'server_type').includes('imap')) {
    return { kind: 'flag15', fields: names };
  }
  if (selectionValues(fields, 'server_type').includes('gmail')) return { kind: 'type16', fields: names };
  return null;
}

/** `fields_get` of `fetchmail.server`: null when google_gmail's incoming side is not loaded. One round trip. */
export async function detectIncomingSchema(origin: string, opts: RpcOptions = {}): Promise<IncomingSchema | null> {
  return incomingSchemaFromFields(await readFields(origin, 'fetchmail.server', opts));
}

/** The values of this version's Gmail IMAP server for `gmail` (fact 15: every field given, no onchange runs). */
export function incomingServerValues(schema: IncomingSchema, gmail: string): Record<string, string | number | boolean> {
  const common = { server: GMAIL_IMAP.host, port: GMAIL_IMAP.port, is_ssl: GMAIL_IMAP.ssl, user: gmail };
  return schema.kind === 'flag15'
    ? { ...common, server_type: 'imap', use_google_gmail_service: true }
    : { ...common, server_type: 'gmail' };
}

const isGmailIncoming = (schema: IncomingSchema, row: Record<string, unknown>) =>
  schema.kind === 'flag15' ? row.use_google_gmail_service === true && row.server_type === 'imap' : row.server_type === 'gmail';

// ---------------------------------------------------------------------------------------------
// Find or create — never a second server for the address.

export const IncomingRow = z.lazy(() =>
  z.looseObject({
    id: Id,
    name: z.optional(z.union([z.string(), Falsy])),
    active: z.optional(z.boolean()),
    server: z.optional(z.union([z.string(), Falsy])),
    port: z.optional(z.union([z.int(), Falsy])),
    is_ssl: z.optional(z.boolean()),
    user: z.optional(z.union([z.string(), Falsy])),
    server_type: z.optional(z.union([z.string(), Falsy])),
    use_google_gmail_service: z.optional(z.boolean()),
    state: z.optional(z.union([z.enum(['draft', 'done']), Falsy])),
    /** Last Fetch Date, `YYYY-MM-DD HH:MM:SS` in UTC (fact 19). */
    date: z.optional(z.union([z.string(), Falsy])),
    object_id: z.optional(Many2one),
    /** 19.0: the first failure since the last successful fetch (fact 22). */
    error_date: z.optional(z.union([z.string(), Falsy])),
    error_message: z.optional(z.union([z.string(), Falsy])),
  }),
);
export type IncomingRow = z.infer<typeof IncomingRow>;

const valueFields = (schema: IncomingSchema, gmail: string) => Object.keys(incomingServerValues(schema, gmail));

/** The fields every version has (fact 15): what a lookup reads before the version's type is known. */
const LOOKUP_FIELDS = ['id', 'name', 'active', 'state', 'server', 'port', 'is_ssl', 'user', 'server_type'];

/**
 * Incoming servers whose Username is the address, archived ones included. Preference: one on
 * imap.gmail.com, then an active one, then the oldest. Without `schema` (looked up beside `fields_get`),
 * 15.0's `use_google_gmail_service` is not read, so an existing 15.0 server is written again.
 */
export async function findIncomingServer(
  origin: string,
  gmail: string,
  schema: IncomingSchema | null = null,
  opts: RpcOptions = {},
): Promise<IncomingRow | null> {
  const fields = schema ? [...new Set([...LOOKUP_FIELDS, ...valueFields(schema, gmail)])] : LOOKUP_FIELDS;
  const rows = await callParsed(origin, 'fetchmail.server', 'search_read', [[['user', '=ilike', gmail]]], z.array(IncomingRow), {
    kwargs: { fields },
    context: { active_test: false },
    ...opts,
  });
  const rank = (r: IncomingRow) => (r.server === GMAIL_IMAP.host ? 0 : 2) + (r.active === false ? 1 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0] ?? null;
}

export interface IncomingWritten {
  id: number;
  action: 'created' | 'updated' | 'unchanged';
  name: string;
}

/**
 * The incoming server for `gmail`: the one `findIncomingServer` found (looked up here when not given),
 * written only where it differs, or a new one; then read back. Depth: the lookup (1, or 0 when given),
 * then create/write and its read-back (2) — none when the server already holds the values.
 */
export async function upsertIncomingServer(
  origin: string,
  gmail: string,
  schema: IncomingSchema,
  opts: RpcOptions & { existing?: IncomingRow | null } = {},
): Promise<IncomingWritten> {
  const { existing: given, ...rpc } = opts;
  const values = incomingServerValues(schema, gmail);
  const existing = given === undefined ? await findIncomingServer(origin, gmail, schema, rpc) : given;
  const name = existing?.name ? existing.name : `Gmail IMAP (${gmail})`;
  let id: number;
  let action: IncomingWritten['action'];
  if (existing) {
    id = existing.id;
    const update: Record<string, unknown> = Object.fromEntries(
      Object.entries(values).filter(([k, v]) => (existing as Record<string, unknown>)[k] !== v),
    );
    if (existing.active === false) update.active = true;
    if (!existing.name) update.name = name;
    if (Object.keys(update).length === 0) return { id, action: 'unchanged', name };
    await callParsed(origin, 'fetchmail.server', 'write', [[id], update], z.unknown(), rpc);
    action = 'updated';
  } else {
    id = await callParsed(origin, 'fetchmail.server', 'create', [{ name, ...values }], IdReply, rpc);
    action = 'created';
  }
  const [row] = await callParsed(origin, 'fetchmail.server', 'read', [[id], Object.keys(values)], z.array(IncomingRow), rpc);
  const written = row as Record<string, unknown> | undefined;
  if (!written || Object.entries(values).some(([k, v]) => written[k] !== v) || !isGmailIncoming(schema, written)) {
    throw new GmailSetupError('serverNotSaved');
  }
  return { id, action, name };
}

// ---------------------------------------------------------------------------------------------
// Consent and Test & Confirm (facts 16–18).

/** `open_google_gmail_uri` on the incoming server: Google's consent URL, as for outgoing (fact 16). One round trip. */
export async function openIncomingConsent(origin: string, serverId: number, opts: RpcOptions = {}): Promise<ConsentUrl> {
  const action = await callParsed(origin, 'fetchmail.server', 'open_google_gmail_uri', [[serverId]], ActUrl, opts);
  const consent = parseConsentUrl(action.url);
  if (!consent) throw new GmailSetupError('noConsentUrl');
  return consent;
}

/**
 * Odoo's texts, matched in English (the client sends `lang: en_US`): "…fetching the access token." — no
 * refresh token yet, or Google revoked it (fact 18); "[AUTHENTICATIONFAILED] Invalid credentials" — Gmail's
 * IMAP refused the access token (fact 18; 19.0 raises it as `imaplib.error`, fact 22); "Please configure
 * your Gmail credentials." — no client ID / secret (fact 16).
 */
export function readImapFailure(text: string): ImapReading {
  const t = text.toLowerCase();
  if (t.includes('fetching the access token') || t.includes('invalid_grant')) return 'tokenRevoked';
  if (t.includes('authenticationfailed') || t.includes('invalid credentials')) return 'imapRefused';
  if (t.includes('configure your gmail credentials')) return 'noCredentials';
  return 'unknown';
}

export type ConfirmOutcome = { ok: true } | { ok: false; odooText: string; reading: ImapReading };

/**
 * "Test & Confirm": `true` and the server is Confirmed (fact 17); a UserError keeps the state and is
 * the failure, kept verbatim (fact 18). Other errors (session, network) are thrown. One round trip.
 */
export async function confirmIncomingServer(origin: string, serverId: number, opts: RpcOptions = {}): Promise<ConfirmOutcome> {
  try {
    await callParsed(origin, 'fetchmail.server', 'button_confirm_login', [[serverId]], z.unknown(), opts);
    return { ok: true };
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') {
      const odooText = error.details.odooMessage ?? error.message;
      return { ok: false, odooText, reading: readImapFailure(odooText) };
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The server as Odoo has it, and where its mail lands (facts 19–22).

/** Where fetched mail goes: a target model, an alias for the address, or nowhere (fact 20). */
export type MailLanding =
  | { kind: 'model'; name: string }
  | { kind: 'alias'; alias: string; name: string }
  /** No alias and no target model: Odoo fetches, keeps nothing, and Gmail's copies are marked read (fact 20). */
  | { kind: 'nowhere' };

export const AliasRow = z.lazy(() =>
  z.looseObject({
    id: Id,
    alias_name: z.optional(z.union([z.string(), Falsy])),
    alias_model_id: z.optional(Many2one),
  }),
);

export type IncomingState =
  | { exists: false }
  | {
      exists: true;
      /** Configured as this version's Gmail IMAP server. */
      gmail: boolean;
      confirmed: boolean;
      /** A refresh token is stored (counted, never read); null when Odoo refused the count. */
      token: boolean | null;
      /** Last Fetch Date as a Unix time in ms, null when it never fetched (fact 19). */
      lastFetch: number | null;
      /** 19.0's stored failure (fact 22), null elsewhere or when the last fetch succeeded. */
      lastError: { at: number | null; text: string } | null;
      landing: MailLanding;
    };

/** Odoo's UTC datetime (`2026-12-05 23:19:11`) as a Unix time in ms. */
export function odooTime(v: unknown): number | null {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(v)) return null;
  const t = Date.parse(`${v.replace(' ', 'T')}Z`);
  return Number.isNaN(t) ? null : t;
}

/** The refresh token's presence on the incoming server, counted (the token never travels). */
async function countIncomingToken(origin: string, serverId: number, opts: RpcOptions): Promise<boolean | null> {
  try {
    const count = await countRefreshToken(origin, 'fetchmail.server', serverId, opts);
    return count > 0;
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') return null;
    throw error;
  }
}

/** An alias whose name is the address's local part (not recorded: the alias domain is not compared). */
async function aliasFor(origin: string, gmail: string, opts: RpcOptions): Promise<MailLanding | null> {
  const local = gmail.split('@')[0] ?? '';
  if (!local) return null;
  try {
    const rows = await callParsed(origin, 'mail.alias', 'search_read', [[['alias_name', '=ilike', local]]], z.array(AliasRow), {
      kwargs: { fields: ['alias_name', 'alias_model_id'], limit: 1 },
      ...opts,
    });
    const row = rows[0];
    if (!row || !Array.isArray(row.alias_model_id)) return null;
    return { kind: 'alias', alias: String(row.alias_name || local), name: row.alias_model_id[1] };
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') return null;
    throw error;
  }
}

/**
 * The incoming server now — exists, Gmail type, Confirmed, token, Last Fetch Date, 19.0's last error —
 * and where its mail lands: the record, the token count and the alias lookup go out together, one round trip.
 */
export async function readIncomingServer(
  origin: string,
  serverId: number,
  gmail: string,
  schema: IncomingSchema,
  opts: RpcOptions = {},
): Promise<IncomingState> {
  const errorFields = ['error_date', 'error_message'].filter((f) => schema.fields.includes(f));
  const fields = ['state', 'date', 'object_id', ...valueFields(schema, gmail), ...errorFields];
  const [rows, token, alias] = await Promise.all([
    callParsed(origin, 'fetchmail.server', 'search_read', [[['id', '=', serverId]]], z.array(IncomingRow), {
      kwargs: { fields },
      context: { active_test: false },
      ...opts,
    }),
    countIncomingToken(origin, serverId, opts),
    aliasFor(origin, gmail, opts),
  ]);
  const row = rows[0];
  if (!row) return { exists: false };
  const landing: MailLanding = Array.isArray(row.object_id)
    ? { kind: 'model', name: row.object_id[1] }
    : (alias ?? { kind: 'nowhere' });
  return {
    exists: true,
    gmail: isGmailIncoming(schema, row),
    confirmed: row.state === 'done',
    token,
    lastFetch: odooTime(row.date),
    lastError: typeof row.error_message === 'string' ? { at: odooTime(row.error_date), text: row.error_message } : null,
    landing,
  };
}
