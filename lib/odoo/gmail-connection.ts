/**
 * Connecting the Gmail account and proving it works (odoo-gmail.md §6, §8.4, §5, §10 steps 5–7):
 * the consent URL from `open_google_gmail_uri`, the refresh token's presence (as a boolean only —
 * the token never reaches the extension when Odoo can count instead), and Test Connection with a
 * plain-language reading of Odoo's failure text.
 */
import * as z from 'zod/mini';
import { callParsed } from './call';
import { OdooRpcError } from './errors';
import { countRefreshToken, type ServerSchema, STAMP_FIELD, stampOf, TOKEN_FIELD } from './gmail-schema';
import { GmailSetupError } from './gmail-setup';
import type { RpcOptions } from './rpc';

// ---------------------------------------------------------------------------------------------
// Consent URL (§6): `{'type': 'ir.actions.act_url', 'url': …}`; 19.0 adds `target: 'self'`.

export const ActUrl = z.lazy(() => z.looseObject({ type: z.literal('ir.actions.act_url'), url: z.string() }));

export interface ConsentUrl {
  url: string;
  /** Google's consent page (own credentials), or another host (19.0 Enterprise's IAP relay, §3). */
  via: 'google' | 'relay';
  /** The `redirect_uri` Odoo put in the URL — what must be registered on the client (§3, P1). */
  redirectUri: string | null;
  clientId: string | null;
}

export function parseConsentUrl(raw: string): ConsentUrl | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:') return null;
  const google = url.hostname === 'accounts.google.com';
  return {
    url: url.href,
    via: google ? 'google' : 'relay',
    redirectUri: google ? url.searchParams.get('redirect_uri') : null,
    clientId: google ? url.searchParams.get('client_id') : null,
  };
}

export async function openGmailConsent(origin: string, serverId: number, opts: RpcOptions = {}): Promise<ConsentUrl> {
  const action = await callParsed(origin, 'ir.mail_server', 'open_google_gmail_uri', [[serverId]], ActUrl, opts);
  const consent = parseConsentUrl(action.url);
  if (!consent) throw new GmailSetupError('noConsentUrl');
  return consent;
}

// ---------------------------------------------------------------------------------------------
// Token presence (§8.4): "Gmail Token Valid" is only "a refresh token is stored".

export type TokenPresence = 'present' | 'absent' | 'serverMissing';

export const IdRows = z.lazy(() => z.array(z.looseObject({ id: z.number() })));

/**
 * Whether the record's refresh token is set. `search_count` with the token in the domain (works for
 * admins in 15–19, §8.4) returns a number, so the token itself never travels. Where the field cannot
 * be searched (master: computed, non-stored, §1.2), the field is read and turned into a boolean on the spot;
 * a record that is gone then reads as no token (the caller learns that it is gone from its own read).
 * `count: false` goes straight to that read (the caller remembers this Odoo refused the count); `countRefused`
 * says that Odoo refused it as a field it cannot search (its `ValueError`), not for a passing reason.
 */
async function refreshTokenStored(
  origin: string,
  serverId: number,
  opts: RpcOptions & { count?: boolean },
): Promise<{ stored: boolean; countRefused: boolean }> {
  const { count: tryCount = true, ...rpc } = opts;
  let countRefused = false;
  if (tryCount) {
    try {
      const count = await countRefreshToken(origin, 'ir.mail_server', serverId, rpc);
      return { stored: count > 0, countRefused: false };
    } catch (error) {
      if (!(error instanceof OdooRpcError) || error.kind !== 'odooError') throw error;
      countRefused = error.details.odooName === 'builtins.ValueError';
    }
  }
  try {
    const [row] = await callParsed(
      origin,
      'ir.mail_server',
      'read',
      [[serverId], [TOKEN_FIELD]],
      // Only its truthiness is kept: the value is dropped inside the schema.
      z.array(
        z.pipe(
          z.object({ [TOKEN_FIELD]: z.unknown() }),
          z.transform((r: { [TOKEN_FIELD]: unknown }) => ({ present: !!r[TOKEN_FIELD] })),
        ),
      ),
      rpc,
    );
    return { stored: !!row?.present, countRefused };
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') return { stored: false, countRefused };
    throw error;
  }
}

/** First whether the record still exists (archived included), then whether its refresh token is set. */
export async function gmailTokenPresence(origin: string, serverId: number, opts: RpcOptions = {}): Promise<TokenPresence> {
  const rows = await callParsed(origin, 'ir.mail_server', 'search_read', [[['id', '=', serverId]]], IdRows, {
    kwargs: { fields: ['id'] },
    context: { active_test: false },
    ...opts,
  });
  if (rows.length === 0) return 'serverMissing';
  return (await refreshTokenStored(origin, serverId, opts)).stored ? 'present' : 'absent';
}

/**
 * What the extension knows of the server when it reads a failed Test Connection. Odoo's text alone
 * misleads: real Odoo sends `AUTH XOAUTH2` and ignores Gmail's reply, so a token Gmail refuses surfaces
 * at MAIL FROM with the same 5.7.0 / 5.7.8 texts as an empty Username or a password login (captures
 * fact 12). The record tells them apart.
 */
export interface ServerFacts {
  /** On Gmail OAuth: `smtp_authentication = 'gmail'` (16+), `use_google_gmail_service` (15.0). */
  gmailOAuth: boolean;
  /** The Username (`smtp_user`), null when empty. */
  username: string | null;
  /** A refresh token is stored (counted, never read). */
  token: boolean;
}

export type GmailServerState =
  | { exists: false }
  | {
      exists: true;
      facts: ServerFacts;
      /** false: archived — Odoo sends nothing through it, whatever its token (a neutralized copy archives every server, §9.1). */
      active: boolean;
      /**
       * `google_gmail_access_token_expiration` (a Unix time in Odoo's clock, not a secret): Odoo writes it
       * each time it gets a token from Google — at the consent's callback and at each refresh. A value
       * other than the one seen before "Connect" is the sign of a token newer than the connect.
       */
      tokenStamp: number | null;
    };

export const ServerFactsRow = z.lazy(() =>
  z.looseObject({
    id: z.number(),
    active: z.optional(z.boolean()),
    smtp_user: z.optional(z.union([z.string(), z.literal(false), z.null()])),
    smtp_authentication: z.optional(z.union([z.string(), z.literal(false), z.null()])),
    use_google_gmail_service: z.optional(z.boolean()),
    google_gmail_access_token_expiration: z.optional(z.union([z.number(), z.literal(false), z.null()])),
  }),
);

/**
 * The server as Odoo has it now — exists, archived or not, Username, authentication type, token, token stamp — in one
 * round trip: the record's read and the token count go out together. `kind` is the schema the
 * extension detected when it wrote the server (`fields_get`, §8.4), so only fields of this version are
 * asked for. `countToken: false`: this Odoo refused the count before, the token is read as a boolean at once
 * (still one round trip); `tokenCountRefused` says it refused it now.
 */
export async function readGmailServer(
  origin: string,
  serverId: number,
  kind: ServerSchema['kind'],
  opts: RpcOptions & { countToken?: boolean } = {},
): Promise<GmailServerState & { tokenCountRefused: boolean }> {
  const { countToken = true, ...rpc } = opts;
  const fields = ['smtp_user', kind === 'flag15' ? 'use_google_gmail_service' : 'smtp_authentication', 'active', STAMP_FIELD];
  const [rows, token] = await Promise.all([
    callParsed(origin, 'ir.mail_server', 'search_read', [[['id', '=', serverId]]], z.array(ServerFactsRow), {
      kwargs: { fields },
      context: { active_test: false },
      ...rpc,
    }),
    refreshTokenStored(origin, serverId, { ...rpc, count: countToken }),
  ]);
  const row = rows[0];
  const tokenCountRefused = token.countRefused;
  if (!row) return { exists: false, tokenCountRefused };
  return {
    exists: true,
    facts: {
      gmailOAuth: kind === 'flag15' ? row.use_google_gmail_service === true : row.smtp_authentication === 'gmail',
      username: typeof row.smtp_user === 'string' && row.smtp_user.trim() ? row.smtp_user.trim() : null,
      token: token.stored,
    },
    active: row.active !== false,
    tokenStamp: stampOf(row.google_gmail_access_token_expiration),
    tokenCountRefused,
  };
}

/** The token stamp alone (before "Connect"): null when there is none, or it cannot be read. */
export async function readTokenStamp(origin: string, serverId: number, opts: RpcOptions = {}): Promise<number | null> {
  try {
    const rows = await callParsed(origin, 'ir.mail_server', 'search_read', [[['id', '=', serverId]]], z.array(ServerFactsRow), {
      kwargs: { fields: [STAMP_FIELD] },
      context: { active_test: false },
      ...opts,
    });
    return stampOf(rows[0]?.google_gmail_access_token_expiration);
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Test Connection (§5).

/** What a failed Test Connection most likely means, in the and the pain table's terms. */
export const TEST_READINGS = [
  /** invalid_grant / "An error occurred when fetching the access token." — expired or revoked (P6, P8). */
  'tokenRevoked',
  /**
   * A Gmail OAuth server with a Username and a token, refused at MAIL FROM with 5.7.0 / 5.7.8: Gmail no
   * longer accepts the access token Odoo still caches (revoked at Google within the hour, or granted to
   * another account). Odoo says "fetching the access token" only once its copy expires (captures fact 12).
   */
  'tokenRefused',
  /** 535 5.7.8 "Username and Password not accepted" — not on Gmail OAuth, or another account consented (P13, P14). */
  'badCredentials',
  /** 5.7.57 / 5.7.0 "Authentication Required" — empty Username, XOAUTH2 never sent (P12). */
  'noUsername',
  /** "The server refused the sender address" — from_filter / sender identity (P15). */
  'senderRefused',
  /** "Please configure an email on the current user…" — no from_filter and no e-mail on the user (P15). */
  'noUserEmail',
  /** "Please configure your Gmail credentials." — Client ID / secret missing in Settings. */
  'noCredentials',
  /** Odoo could not reach smtp.gmail.com (DNS, firewall, wrong host/port). */
  'gmailUnreachable',
  /** TLS/SMTP negotiation: encryption or port wrong. */
  'security',
  /** 19.0 IAP relay refused (Enterprise without own credentials). */
  'relay',
  'unknown',
] as const;
export type TestReading = (typeof TEST_READINGS)[number];

/**
 * Matched on language-independent parts (SMTP codes, Google's error codes) and on the English texts.
 * `facts`, when known, decide what an authentication refusal means: Odoo's words are the same for a
 * refused token, an empty Username and a password login (captures fact 12), the record is not.
 */
export function readTestFailure(text: string, facts?: ServerFacts): TestReading {
  const t = text.toLowerCase();
  if (t.includes('invalid_grant') || t.includes('fetching the access token') || t.includes('expired or revoked')) {
    return 'tokenRevoked';
  }
  const notAuthenticated =
    t.includes('5.7.57') ||
    t.includes('5.7.0') ||
    t.includes('authentication required') ||
    t.includes('client not authenticated');
  const credentialsRefused = t.includes('535') || t.includes('5.7.8') || t.includes('username and password not accepted');
  if (facts && (notAuthenticated || credentialsRefused)) {
    if (!facts.username) return 'noUsername';
    if (!facts.gmailOAuth) return 'badCredentials';
    // On Gmail OAuth, with a Username: XOAUTH2 went out. With a token stored, Gmail refused that token.
    return facts.token ? 'tokenRefused' : 'tokenRevoked';
  }
  if (notAuthenticated) return 'noUsername';
  if (credentialsRefused) return 'badCredentials';
  if (t.includes('refused the sender address')) return 'senderRefused';
  if (t.includes('configure an email on the current user')) return 'noUserEmail';
  if (t.includes('configure your gmail credentials')) return 'noCredentials';
  if (t.includes('no response received') || t.includes('invalid server name') || t.includes('closed the connection')) {
    return 'gmailUnreachable';
  }
  if (t.includes('ssl exception') || t.includes('smtp exception') || t.includes('starttls')) return 'security';
  if (t.includes('could not authenticate you') || t.includes('active subscription') || t.includes('try again later')) {
    return 'relay';
  }
  return 'unknown';
}

export type TestOutcome = { ok: true } | { ok: false; odooText: string; reading: TestReading };

export const Notification = z.lazy(() =>
  z.looseObject({
    type: z.literal('ir.actions.client'),
    tag: z.string(),
    params: z.optional(z.looseObject({ type: z.optional(z.string()), message: z.optional(z.string()) })),
  }),
);

/**
 * `test_smtp_connection` on the record. Success is a `display_notification` action whose
 * `params.type == 'success'` (its message is translated, so it is not matched). A UserError is the
 * failure: its text is kept verbatim. Other errors (session, network) are thrown to the caller.
 */
export async function testGmailConnection(
  origin: string,
  serverId: number,
  opts: RpcOptions & { facts?: ServerFacts } = {},
): Promise<TestOutcome> {
  const { facts, ...rpc } = opts;
  let result: z.infer<typeof Notification>;
  try {
    result = await callParsed(origin, 'ir.mail_server', 'test_smtp_connection', [[serverId]], Notification, rpc);
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') {
      const odooText = error.details.odooMessage ?? error.message;
      return { ok: false, odooText, reading: readTestFailure(odooText, facts) };
    }
    throw error;
  }
  if (result.tag === 'display_notification' && result.params?.type === 'success') return { ok: true };
  const odooText = result.params?.message ?? `${result.tag} ${result.params?.type ?? ''}`.trim();
  return { ok: false, odooText, reading: readTestFailure(odooText, facts) };
}
