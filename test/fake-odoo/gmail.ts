/**
 * google_gmail's server-side logic (`google.gmail.mixin`, odoo-gmail.md §1.2–§4) and a stand-in for
 * Gmail's SMTP server, shared by the `ir.mail_server` model and the `/google_gmail/confirm` route.
 */
import { createHmac } from 'node:crypto';
import type { Db, RecordValues } from './db.ts';
import { userError } from './errors.ts';
import { werkzeugQuotePlus } from './wire.ts';

export const MAIL_SERVER = 'ir.mail_server';
/** Models inheriting the mixin (§1.6 check 4). fetchmail.server is models/fetchmail_server.ts (captures fact 16). */
export const GMAIL_MODELS = new Set(['ir.mail_server', 'fetchmail.server']);

/** Python's `repr()` of `(scope, (model, id))`, the message `tools.misc.hmac` signs. */
const pyTupleRepr = (scope: string, model: string, id: number) => `('${scope}', ('${model}', ${id}))`;

/** `_get_gmail_csrf_token()`: HMAC-SHA256 keyed by `database.secret`, scope `google_gmail_oauth`, message (model, id) (§1.2). */
export function gmailCsrfToken(db: Db, model: string, id: number): string {
  const secret = db.params.get('database.secret') ?? '';
  return createHmac('sha256', secret)
    .update(pyTupleRepr('google_gmail_oauth', model, id))
    .digest('hex');
}

/** `get_base_url()` + '/google_gmail/confirm' (§3, §9): always from `web.base.url`. */
export function gmailRedirectUri(db: Db): string {
  return new URL('/google_gmail/confirm', db.params.get('web.base.url') ?? '').href;
}

/**
 * `_compute_gmail_uri` (§3): Google's consent URL, or false when the client ID or secret is missing.
 * `state` is `json.dumps({'model', 'id', 'csrf_token'})` — Python's separators `, ` and `: `.
 */
/** 19.0 Enterprise without the database's own Client ID and secret: Odoo's relay (§3, §4). */
export function usesRelay(db: Db): boolean {
  const own = db.params.get('google_gmail_client_id') && db.params.get('google_gmail_client_secret');
  return !own && db.profile.major >= 19 && db.edition === 'enterprise';
}

export function gmailUri(db: Db, model: string, id: number | false): string | false {
  const clientId = db.params.get('google_gmail_client_id');
  const secret = db.params.get('google_gmail_client_secret');
  if (usesRelay(db) && id !== false) {
    // §3: `<IAP>/api/mail_oauth/1/gmail?db_uuid=…&callback_url=<base>/google_gmail/iap_confirm?model=…&rec_id=…&csrf_token=…`
    const callback = new URL('/google_gmail/iap_confirm', db.params.get('web.base.url') ?? '');
    callback.searchParams.set('model', model);
    callback.searchParams.set('rec_id', String(id));
    callback.searchParams.set('csrf_token', gmailCsrfToken(db, model, id));
    return db.relay.startUrl(db.params.get('database.uuid') ?? '', callback.href);
  }
  if (!clientId || !secret) return false;
  const csrf = id === false ? false : gmailCsrfToken(db, model, id);
  const state = `{"model": "${model}", "id": ${id === false ? 'false' : id}, "csrf_token": ${csrf === false ? 'false' : `"${csrf}"`}}`;
  // werkzeug's `url_encode` (captures fact 9, step 22): `,` stays as it is, a space is `+`.
  const params = Object.entries({
    client_id: clientId,
    redirect_uri: gmailRedirectUri(db),
    response_type: 'code',
    scope: db.gmail.scope,
    access_type: 'offline',
    prompt: 'consent',
    state,
  })
    .map(([k, v]) => `${werkzeugQuotePlus(k)}=${werkzeugQuotePlus(v)}`)
    .join('&');
  return `https://accounts.google.com/o/oauth2/v2/auth?${params}`;
}

/**
 * `_fetch_gmail_token` (§4): POST a form to Google's token endpoint; not OK → "An error occurred when
 * fetching the access token." (Google's own error is thrown away). `requests` encodes a Python `False`
 * as the text `False`: with no refresh token stored (or no secret), that is what Google receives
 * (captures fact 11, step 21).
 */
function fetchGmailToken(db: Db, grantType: string, values: Record<string, string | false>) {
  const form: Record<string, string | false> = {
    client_id: db.params.get('google_gmail_client_id') ?? false,
    client_secret: db.params.get('google_gmail_client_secret') ?? false,
    grant_type: grantType,
    redirect_uri: gmailRedirectUri(db),
    ...values,
  };
  const answer = db.google.token(Object.fromEntries(Object.entries(form).map(([k, v]) => [k, v === false ? 'False' : v])));
  if (answer.status !== 200) throw userError('An error occurred when fetching the access token.');
  return answer.json;
}

/** `_fetch_gmail_refresh_token(code)` → (refresh_token, access_token, expiration). */
export function fetchRefreshToken(db: Db, code: string) {
  const json = fetchGmailToken(db, 'authorization_code', { code });
  return {
    refresh: String(json.refresh_token),
    access: String(json.access_token),
    expiration: Math.floor(Date.now() / 1000) + Number(json.expires_in),
  };
}

/**
 * `_generate_oauth2_string(user, refresh_token)` (§1.2): refreshes the access token when missing or
 * expired (within 10 s from 18.0-late), writes it back on the record, returns the access token.
 */
export function accessTokenFor(db: Db, record: RecordValues): string {
  const now = Math.floor(Date.now() / 1000);
  const expiration = Number(record.google_gmail_access_token_expiration || 0);
  if (record.google_gmail_access_token && expiration - 10 > now) return String(record.google_gmail_access_token);
  if (usesRelay(db)) {
    // 19.0 EE without own credentials: the relay refreshes it (§4), with its own error text.
    const got = db.relay.accessToken(String(record.google_gmail_refresh_token || ''), db.params.get('database.uuid') ?? '');
    if (!got) throw userError('Oops, we could not authenticate you. Please try again later.');
    record.google_gmail_access_token = got.access;
    record.google_gmail_access_token_expiration = now + got.expiresIn;
    return got.access;
  }
  const stored = record.google_gmail_refresh_token;
  const json = fetchGmailToken(db, 'refresh_token', { refresh_token: typeof stored === 'string' && stored ? stored : false });
  record.google_gmail_access_token = String(json.access_token);
  record.google_gmail_access_token_expiration = now + Number(json.expires_in);
  return String(json.access_token);
}

export const isGmailServer = (db: Db, r: RecordValues): boolean =>
  db.gmail.flag15 ? r.use_google_gmail_service === true : r.smtp_authentication === 'gmail';

const GMAIL_BAD_CREDENTIALS =
  '5.7.8 Username and Password not accepted. For more information, go to\n5.7.8  https://support.google.com/mail/?p=BadCredentials d2e1a72fcca58-7a1b2c3d4e5f - gsmtp';

/** Gmail's session id in its replies ("… bde3f996 - gsmtp"); random, as in the recordings. */
const gsmtpId = () =>
  Math.floor(Math.random() * 0xffffffff)
    .toString(16)
    .padStart(8, '0');

/**
 * Gmail's answer to MAIL FROM on a session that is not authenticated, as Odoo quotes it (`%r` of the
 * reply bytes: a backslash and an `n`, not a line break, between the two lines; captures fact 12, steps 40–41).
 */
function senderRefused(emailFrom: string, style: 'gmail334' | 'direct535'): string {
  const reply =
    style === 'gmail334'
      ? `5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials ${gsmtpId()} - gsmtp`
      : `5.7.0 Authentication Required. For more information, go to\\n5.7.0  https://support.google.com/mail/?p=WantAuthError ${gsmtpId()} - gsmtp`;
  return `The server refused the sender address (${emailFrom}) with error b'${reply}'`;
}

/**
 * The SMTP session Odoo opens to smtp.gmail.com (§5, captures fact 12): EHLO, STARTTLS, EHLO, the login.
 * For a Gmail server the login is `AUTH XOAUTH2` with the access token (refreshed first when Odoo's
 * cached one has expired — a refused refresh is the UserError "An error occurred when fetching the access
 * token."), and Odoo **ignores Gmail's reply**: whether Gmail took the token only shows at MAIL FROM.
 */
function smtpLogin(db: Db, record: RecordValues): { authenticated: boolean; refusal: 'gmail334' | 'direct535' } {
  if (record.smtp_host !== 'smtp.gmail.com') {
    throw userError('No response received. Check server address and port number.\n [Errno -2] Name or service not known');
  }
  if (record.smtp_port !== 587 || record.smtp_encryption !== 'starttls') {
    throw userError(
      'An SMTP exception occurred. Check port number and connection security type.\n STARTTLS extension not supported by server.',
    );
  }
  // Base connect(): the user is passed only for 'login' (15.0 keeps it, §1.3); Gmail servers log in with XOAUTH2.
  const user = typeof record.smtp_user === 'string' && record.smtp_user ? record.smtp_user : null;
  if (isGmailServer(db, record)) {
    if (!user) return { authenticated: false, refusal: 'direct535' };
    const access = accessTokenFor(db, record);
    return { authenticated: db.google.accountOfAccessToken(access) === user.toLowerCase(), refusal: db.google.smtpRejection };
  }
  // Password login to Gmail without an app password (P13): smtplib's login() raises, Odoo quotes it.
  if (user) throw userError(`Server replied with following exception:\n ${GMAIL_BAD_CREDENTIALS}`);
  // Never authenticated (empty Username, P12: Gmail answers 530 5.7.0 at MAIL FROM).
  return { authenticated: false, refusal: 'direct535' };
}

/**
 * `test_smtp_connection()` (§5, captures fact 12): the login above, then MAIL FROM, RCPT TO, DATA. A token
 * Gmail refuses (revoked at Google while Odoo still caches it, or granted for another account) is only
 * noticed at MAIL FROM, as "The server refused the sender address (…) with error b'5.7.8 …'" (Gmail's
 * 334-then-535) or "… b'5.7.0 Authentication Required …'" (an immediate 535). Never at login.
 * The sender is `from_filter` when it is an address, `<mail.default.from>@<domain>` for a domain, else the
 * current user's e-mail: a server created over RPC without `from_filter` tests as the administrator,
 * and one without an e-mail (19.0 without demo data) gets "Please configure an email on the current
 * user…" (captures fact 8, nofromfilter-02/08).
 */
export function simulateSmtpTest(db: Db, record: RecordValues, currentUserEmail: string | false): void {
  const session = smtpLogin(db, record);
  const filter = typeof record.from_filter === 'string' ? record.from_filter : '';
  let emailFrom: string;
  if (filter.includes('@')) emailFrom = filter;
  else if (filter) emailFrom = `${db.params.get('mail.default.from') ?? 'odoo'}@${filter}`;
  else if (currentUserEmail) emailFrom = currentUserEmail;
  else {
    throw userError(
      'Please configure an email on the current user to simulate sending an email message via this outgoing server',
    );
  }
  if (!session.authenticated) throw userError(senderRefused(emailFrom, session.refusal));
}

/**
 * `mail.mail.send()` through `record` (captures steps 31–33): the same login, then MAIL FROM the mail's
 * sender. Throws the UserError a refusal raises; `mail.mail` turns it into `state: 'exception'`.
 */
export function simulateSmtpSend(db: Db, record: RecordValues, emailFrom: string): void {
  const session = smtpLogin(db, record);
  if (!session.authenticated) throw userError(senderRefused(emailFrom, session.refusal));
}
