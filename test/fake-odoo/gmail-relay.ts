/**
 * Odoo's Gmail relay (19.0 Enterprise, IAP; odoo-gmail.md §0, §1.6, §3, §4): a database without its
 * own Google Client ID and secret connects Gmail through `https://gmail.api.odoo.com`, an OAuth client
 * Google knows as Odoo's. The hops (§1.6): the database → `<IAP>/api/mail_oauth/1/gmail?db_uuid&callback_url`
 * → Google's consent → `<IAP>/api/mail_oauth/1/gmail_callback` → `<DB>/google_gmail/iap_confirm?model&rec_id
 * &csrf_token&access_token&refresh_token&expiration`. Access tokens are then refreshed through
 * `GET <IAP>/api/mail_oauth/1/gmail_access_token?refresh_token&db_uuid` (§4), in-process here.
 *
 * UNVERIFIED (the reference names the routes, not the relay's answers): real Odoo makes the first call
 * server-side and gets back a URL on gmail.api.odoo.com; this stand-in has the database send the browser
 * to `<IAP>/api/mail_oauth/1/gmail` directly. The extension only sees a consent URL that is not Google's
 * (`via: 'relay'`), then the return to the record's form — the same either way.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserAnswer, FakeGoogle } from './google.ts';

export const RELAY_ORIGIN = 'https://gmail.api.odoo.com';
const CALLBACK = `${RELAY_ORIGIN}/api/mail_oauth/1/gmail_callback`;
/** Odoo's own OAuth client at Google: a published External app (no test users needed). */
export const RELAY_CLIENT = {
  clientId: '605880540785-odoo-iap-gmail-relay.apps.googleusercontent.com',
  clientSecret: randomBytes(12).toString('hex'),
  redirectUris: [CALLBACK],
  audience: 'external' as const,
  publishing: 'production' as const,
};
const SCOPE = 'https://mail.google.com/ https://www.googleapis.com/auth/userinfo.email';

export class FakeRelay {
  /** What the relay was asked, without tokens: for assertions. */
  requests: { path: string; dbUuid: string | null }[] = [];
  private pending = new Map<string, string>();
  private readonly google: FakeGoogle;

  // No parameter property: Node runs these files with type stripping only (npm start, the bench).
  constructor(google: FakeGoogle) {
    this.google = google;
    google.registerClient(RELAY_CLIENT);
  }

  /** The URL the database sends the browser to (`_compute_gmail_uri` on 19.0 EE without credentials). */
  startUrl(dbUuid: string, callbackUrl: string): string {
    const url = new URL('/api/mail_oauth/1/gmail', RELAY_ORIGIN);
    url.searchParams.set('db_uuid', dbUuid);
    url.searchParams.set('callback_url', callbackUrl);
    return url.href;
  }

  /** A browser request to https://gmail.api.odoo.com/… */
  handleBrowser(url: URL): BrowserAnswer {
    this.requests.push({ path: url.pathname, dbUuid: url.searchParams.get('db_uuid') });
    if (url.pathname === '/api/mail_oauth/1/gmail') {
      const callback = url.searchParams.get('callback_url');
      if (!callback || !url.searchParams.get('db_uuid')) return text(400, 'Bad Request');
      const state = randomBytes(8).toString('hex');
      this.pending.set(state, callback);
      const consent = new URL('https://accounts.google.com/o/oauth2/v2/auth');
      for (const [k, v] of Object.entries({
        client_id: RELAY_CLIENT.clientId,
        redirect_uri: CALLBACK,
        response_type: 'code',
        scope: SCOPE,
        access_type: 'offline',
        prompt: 'consent',
        state,
      }))
        consent.searchParams.set(k, v);
      return redirect(consent.href);
    }
    if (url.pathname === '/api/mail_oauth/1/gmail_callback') {
      const callback = this.pending.get(url.searchParams.get('state') ?? '');
      if (!callback) return text(400, 'Bad Request');
      this.pending.delete(url.searchParams.get('state') ?? '');
      const back = new URL(callback);
      if (url.searchParams.get('error')) {
        back.searchParams.set('error', url.searchParams.get('error') ?? '');
        return redirect(back.href);
      }
      const answer = this.google.token({
        client_id: RELAY_CLIENT.clientId,
        client_secret: RELAY_CLIENT.clientSecret,
        grant_type: 'authorization_code',
        redirect_uri: CALLBACK,
        code: url.searchParams.get('code') ?? '',
      });
      if (answer.status !== 200) return text(502, 'Bad Gateway');
      back.searchParams.set('access_token', String(answer.json.access_token));
      back.searchParams.set('refresh_token', String(answer.json.refresh_token));
      back.searchParams.set('expiration', String(Math.floor(Date.now() / 1000) + Number(answer.json.expires_in)));
      return redirect(back.href);
    }
    return text(404, 'Not Found');
  }

  /** `GET <IAP>/api/mail_oauth/1/gmail_access_token` (§4): a fresh access token, or null (revoked). */
  accessToken(refreshToken: string, dbUuid: string): { access: string; expiresIn: number } | null {
    this.requests.push({ path: '/api/mail_oauth/1/gmail_access_token', dbUuid });
    const answer = this.google.token({
      client_id: RELAY_CLIENT.clientId,
      client_secret: RELAY_CLIENT.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
    });
    return answer.status === 200 ? { access: String(answer.json.access_token), expiresIn: Number(answer.json.expires_in) } : null;
  }
}

const text = (status: number, body: string): BrowserAnswer => ({ status, headers: { 'content-type': 'text/plain' }, body });
const redirect = (location: string): BrowserAnswer => ({
  status: 302,
  headers: { location, 'content-type': 'text/html' },
  body: '',
});
