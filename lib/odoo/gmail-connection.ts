/**
 * Connecting the Gmail account and proving it works (odoo-gmail.md §6, §8.4, §5, §10 steps 5–7):
 * the consent URL from `open_google_gmail_uri`, the refresh token's presence (as a boolean only —
 * the token never reaches the extension when Odoo can count instead), and Test Connection with a
 * plain-language reading of Odoo's failure text.
 */
import { z } from 'zod';
import { callParsed } from './call';
import { TOKEN_FIELD } from './gmail-schema';
import { GmailSetupError } from './gmail-setup';
import { OdooRpcError, type RpcOptions } from './rpc';

// ---------------------------------------------------------------------------------------------
// Consent URL (§6): `{'type': 'ir.actions.act_url', 'url': …}`; 19.0 adds `target: 'self'`.

const ActUrl = z.object({ type: z.literal('ir.actions.act_url'), url: z.string() }).loose();

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

const IdRows = z.array(z.object({ id: z.number() }).loose());

/**
 * First whether the record still exists (archived included), then whether its refresh token is set.
 * `search_count` with the token in the domain (works for admins in 15–19, §8.4) returns a number, so
 * the token itself never travels. Where the field cannot be searched (master: computed, non-stored),
 * the field is read and turned into a boolean on the spot.
 */
export async function gmailTokenPresence(origin: string, serverId: number, opts: RpcOptions = {}): Promise<TokenPresence> {
  const rows = await callParsed(origin, 'ir.mail_server', 'search_read', [[['id', '=', serverId]]], IdRows, {
    kwargs: { fields: ['id'] },
    context: { active_test: false },
    ...opts,
  });
  if (rows.length === 0) return 'serverMissing';
  try {
    const count = await callParsed(
      origin,
      'ir.mail_server',
      'search_count',
      [
        [
          ['id', '=', serverId],
          [TOKEN_FIELD, '!=', false],
        ],
      ],
      z.number().int(),
      { context: { active_test: false }, ...opts },
    );
    return count > 0 ? 'present' : 'absent';
  } catch (error) {
    if (!(error instanceof OdooRpcError) || error.kind !== 'odooError') throw error;
  }
  const [row] = await callParsed(
    origin,
    'ir.mail_server',
    'read',
    [[serverId], [TOKEN_FIELD]],
    // Only its truthiness is kept: the value is dropped inside the schema.
    z.array(z.object({ [TOKEN_FIELD]: z.unknown() }).transform((r) => ({ present: !!r[TOKEN_FIELD] }))),
    opts,
  );
  return row?.present ? 'present' : 'absent';
}

// ---------------------------------------------------------------------------------------------
// Test Connection (§5).

/** What a failed Test Connection most likely means, in the and the pain table's terms. */
export const TEST_READINGS = [
  /** invalid_grant / "An error occurred when fetching the access token." — expired or revoked (P6, P8). */
  'tokenRevoked',
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

/** Matched on language-independent parts (SMTP codes, Google's error codes) and on the English texts. */
export function readTestFailure(text: string): TestReading {
  const t = text.toLowerCase();
  if (t.includes('invalid_grant') || t.includes('fetching the access token') || t.includes('expired or revoked')) {
    return 'tokenRevoked';
  }
  if (
    t.includes('5.7.57') ||
    t.includes('5.7.0') ||
    t.includes('authentication required') ||
    t.includes('client not authenticated')
  ) {
    return 'noUsername';
  }
  if (t.includes('535') || t.includes('5.7.8') || t.includes('username and password not accepted')) return 'badCredentials';
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

const Notification = z
  .object({
    type: z.literal('ir.actions.client'),
    tag: z.string(),
    params: z.object({ type: z.string().optional(), message: z.string().optional() }).loose().optional(),
  })
  .loose();

/**
 * `test_smtp_connection` on the record. Success is a `display_notification` action whose
 * `params.type == 'success'` (its message is translated, so it is not matched). A UserError is the
 * failure: its text is kept verbatim. Other errors (session, network) are thrown to the caller.
 */
export async function testGmailConnection(origin: string, serverId: number, opts: RpcOptions = {}): Promise<TestOutcome> {
  let result: z.infer<typeof Notification>;
  try {
    result = await callParsed(origin, 'ir.mail_server', 'test_smtp_connection', [[serverId]], Notification, opts);
  } catch (error) {
    if (error instanceof OdooRpcError && error.kind === 'odooError') {
      const odooText = error.details.odooMessage ?? error.message;
      return { ok: false, odooText, reading: readTestFailure(odooText) };
    }
    throw error;
  }
  if (result.tag === 'display_notification' && result.params?.type === 'success') return { ok: true };
  const odooText = result.params?.message ?? `${result.tag} ${result.params?.type ?? ''}`.trim();
  return { ok: false, odooText, reading: readTestFailure(odooText) };
}
