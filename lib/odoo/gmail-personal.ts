/**
 * Odoo 19 personal mail servers (captures facts 23–28): each user may send through their own Gmail, on the
 * company's Client ID and secret. The preferences' "Gmail" choice is `res.users.action_setup_outgoing_mail_server`
 * with `["gmail"]` (fact 23): it creates an archived `ir.mail_server` owned by the user, for the user's own
 * address, and answers Google's consent URL (fact 24). Odoo's confirm route then checks that the Google
 * account is that address (fact 25) and sends the browser back to `/odoo/my-preferences/<uid>`; the test is
 * `res.users.action_test_outgoing_mail_server` (fact 26). A user may neither call `open_google_gmail_uri` nor
 * read `ir.mail_server` (fact 24), so everything here goes through `res.users`, except the administrator's
 * list of who has connected (fact 28), whose refresh tokens are counted, never read.
 */
import * as z from 'zod/mini';
import { callParsed } from './call';
import { OdooRpcError } from './errors';
import { ActUrl, type ConsentUrl, Notification, parseConsentUrl, readTestFailure, type TestReading } from './gmail-connection';
import { TOKEN_FIELD } from './gmail-schema';
import { GmailSetupError } from './gmail-setup';
import type { RpcOptions } from './rpc';
import { Falsy, Id, Many2one } from './schemas';

/** Fact 27: Odoo 19 sends at most this many e-mails a minute through a personal server when the parameter is unset. */
export const PERSONAL_LIMIT_DEFAULT = 30;
export const PERSONAL_LIMIT_PARAM = 'mail.server.personal.limit.minutes';

/** The preferences' fields (fact 23; personal-06/11/27). */
export const PersonalUserRow = z.lazy(() =>
  z.looseObject({
    id: Id,
    email: z.optional(z.union([z.string(), Falsy])),
    has_external_mail_server: z.optional(z.boolean()),
    outgoing_mail_server_id: z.optional(Many2one),
    outgoing_mail_server_type: z.optional(z.union([z.string(), Falsy])),
  }),
);

export const PERSONAL_FIELDS = ['email', 'has_external_mail_server', 'outgoing_mail_server_id', 'outgoing_mail_server_type'];

export interface PersonalUser {
  /** The address Odoo will check the Google account against (fact 25). */
  email: string | null;
  /** Settings › "Use Custom Email Servers" is on (fact 23). */
  customServers: boolean;
  /** The user's active personal server (fact 25: pending ones read false), with its type. */
  server: { id: number; name: string; type: string } | null;
}

/** The user's own preferences fields: one call (a user may read their own record). */
export async function readPersonalUser(origin: string, uid: number, opts: RpcOptions = {}): Promise<PersonalUser> {
  const [row] = await callParsed(origin, 'res.users', 'read', [[uid], PERSONAL_FIELDS], z.array(PersonalUserRow), opts);
  if (!row) throw new OdooRpcError('badReply', 'Unexpected reply to res.users.read');
  const server = Array.isArray(row.outgoing_mail_server_id) ? row.outgoing_mail_server_id : null;
  return {
    email: typeof row.email === 'string' && row.email ? row.email : null,
    customServers: row.has_external_mail_server === true,
    server: server ? { id: server[0], name: server[1], type: String(row.outgoing_mail_server_type || 'default') } : null,
  };
}

/** What stops "Gmail" in the preferences, in Odoo's words (fact 23), read in English (the client sends en_US). */
export const SETUP_READINGS = ['customServersOff', 'noCredentials', 'unknown'] as const;
export type SetupReading = (typeof SETUP_READINGS)[number];

export function readSetupFailure(text: string): SetupReading {
  const t = text.toLowerCase();
  if (t.includes('not allowed to create a personal mail server')) return 'customServersOff';
  if (t.includes('configure your gmail credentials')) return 'noCredentials';
  return 'unknown';
}

export type PersonalConsent = { ok: true; consent: ConsentUrl } | { ok: false; odooText: string; reading: SetupReading };

/**
 * "Gmail" in the preferences: the pending personal server (created, or the same one again with its tokens,
 * fact 28) and Google's consent URL for it (fact 24). Odoo's UserErrors are the failure, kept verbatim.
 * One round trip.
 */
export async function openPersonalConsent(origin: string, opts: RpcOptions = {}): Promise<PersonalConsent> {
  let action: z.infer<typeof ActUrl>;
  try {
    action = await callParsed(origin, 'res.users', 'action_setup_outgoing_mail_server', ['gmail'], ActUrl, opts);
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') {
      const odooText = error.details.odooMessage ?? error.message;
      return { ok: false, odooText, reading: readSetupFailure(odooText) };
    }
    throw error;
  }
  const consent = parseConsentUrl(action.url);
  if (!consent) throw new GmailSetupError('noConsentUrl');
  return { ok: true, consent };
}

export type PersonalTest = { ok: true } | { ok: false; odooText: string; reading: TestReading };

/** The preferences' Test (fact 26): a success notification, or Odoo's UserError kept verbatim. One round trip. */
export async function testPersonalServer(origin: string, opts: RpcOptions = {}): Promise<PersonalTest> {
  let result: z.infer<typeof Notification>;
  try {
    result = await callParsed(origin, 'res.users', 'action_test_outgoing_mail_server', [], Notification, opts);
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') {
      const odooText = error.details.odooMessage ?? error.message;
      return { ok: false, odooText, reading: readTestFailure(odooText) };
    }
    throw error;
  }
  if (result.tag === 'display_notification' && result.params?.type === 'success') return { ok: true };
  const odooText = result.params?.message ?? result.tag;
  return { ok: false, odooText, reading: readTestFailure(odooText) };
}

/**
 * The per-minute limit of personal servers (fact 27), for an administrator: the parameter, or Odoo's 30 when
 * it is unset or not a whole number. One round trip.
 */
export async function readPersonalLimit(origin: string, opts: RpcOptions = {}): Promise<number> {
  const value = await callParsed(
    origin,
    'ir.config_parameter',
    'get_param',
    [PERSONAL_LIMIT_PARAM],
    z.union([z.string(), z.literal(false), z.null()]),
    opts,
  );
  const n = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isFinite(n) && n > 0 ? n : PERSONAL_LIMIT_DEFAULT;
}

// ---------------------------------------------------------------------------------------------
// The administrator's view (fact 28): every personal server, archived (pending) ones included.

export const PersonalServerRow = z.lazy(() =>
  z.looseObject({
    id: Id,
    active: z.optional(z.boolean()),
    owner_user_id: z.optional(Many2one),
    smtp_user: z.optional(z.union([z.string(), Falsy])),
  }),
);

export interface PersonalServer {
  id: number;
  owner: { id: number; name: string };
  address: string | null;
  /** Active: consented with the owner's own address (fact 25); archived: still pending. */
  active: boolean;
  /** A refresh token is stored: counted by a search on it, never read. */
  token: boolean;
}

/** The administrator's list: the servers, and the e-mails a minute each may send (fact 27). */
export interface PersonalList {
  servers: PersonalServer[];
  limit: number;
}

const OWNED = ['owner_user_id', '!=', false];

/**
 * Who has connected their own Gmail: the personal servers and, beside them, the ids of those holding a
 * refresh token (a search on the token: only ids travel). The two go out together: one round trip.
 */
export async function listPersonalServers(origin: string, opts: RpcOptions = {}): Promise<PersonalServer[]> {
  const everyone = { context: { active_test: false }, ...opts };
  const [rows, withToken] = await Promise.all([
    callParsed(origin, 'ir.mail_server', 'search_read', [[OWNED]], z.array(PersonalServerRow), {
      kwargs: { fields: ['active', 'owner_user_id', 'smtp_user'] },
      ...everyone,
    }),
    callParsed(
      origin,
      'ir.mail_server',
      'search_read',
      [[OWNED, [TOKEN_FIELD, '!=', false]]],
      z.array(z.looseObject({ id: Id })),
      { kwargs: { fields: ['id'] }, ...everyone },
    ),
  ]);
  const tokens = new Set(withToken.map((r) => r.id));
  return rows.flatMap((r) =>
    Array.isArray(r.owner_user_id)
      ? [
          {
            id: r.id,
            owner: { id: r.owner_user_id[0], name: r.owner_user_id[1] },
            address: typeof r.smtp_user === 'string' && r.smtp_user ? r.smtp_user : null,
            active: r.active !== false,
            token: tokens.has(r.id),
          },
        ]
      : [],
  );
}
