/**
 * A stand-in for Google's side of the OAuth dance, under the tests' control:
 * - the consent page at `https://accounts.google.com/o/oauth2/v2/auth` (a browser request: the e2e tests
 *   route `accounts.google.com` here with Playwright), whose "Allow" redirects to the client's
 *   `redirect_uri` with `code` and `state`, and "Cancel" with `error=access_denied`;
 * - the token endpoint `https://oauth2.googleapis.com/token` and userinfo, which the fake Odoo calls
 *   in-process, the way Odoo's server calls Google (odoo-gmail.md §4).
 *
 * Google's refusals follow what users report (field-notes.md §2): P1 `redirect_uri_mismatch` (Error 400),
 * P5 `access_denied` for a non-test user of an External app in Testing (Error 403), P10 a client that is
 * not a Web application, P6 `invalid_grant` "Token has been expired or revoked." for a revoked token.
 */
import { randomBytes } from 'node:crypto';

export interface GoogleClient {
  clientId: string;
  clientSecret: string;
  /** Authorized redirect URIs of the Web-application client. */
  redirectUris: string[];
  audience: 'internal' | 'external';
  publishing: 'testing' | 'production';
  testUsers: string[];
  /** Internal apps accept only accounts of this Workspace domain. */
  workspaceDomain?: string;
}

export interface BrowserAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Grant {
  clientId: string;
  redirectUri: string;
  account: string;
  scope: string;
}

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
const token = (prefix: string) => `${prefix}${randomBytes(24).toString('base64url')}`;

export class FakeGoogle {
  clients = new Map<string, GoogleClient>();
  /** The Google account signed in in the browser (the one the consent page offers). */
  account: string | null = null;
  /**
   * How Gmail's SMTP refuses an XOAUTH2 token it does not accept (captures fact 12): `gmail334` — Gmail's
   * own way, a `334` challenge then `535 5.7.8` — or `direct535`, an immediate `535` after which the next
   * command gets `530 5.7.0 Authentication Required`. Odoo ignores the AUTH reply either way, so the
   * refusal surfaces at MAIL FROM.
   */
  smtpRejection: 'gmail334' | 'direct535' = 'gmail334';
  /**
   * Google's "Choose an account" page before the consent screen, as a person meets it (one more click):
   * off by default, on where a test counts the person's actions (the whole journey).
   */
  accountChooser = false;
  /**
   * Calls to the token endpoint, without secrets or tokens: what a test may assert on. `refresh_token` is
   * kept only when it is the literal `False` Odoo posts when it has none (captures fact 11, step 21).
   */
  tokenRequests: { grant_type: string; client_id: string; redirect_uri: string; ok: boolean; refresh_token?: 'False' }[] = [];
  private pending = new Map<string, Grant & { state: string }>();
  private codes = new Map<string, Grant & { used: boolean }>();
  private refreshTokens = new Map<string, Grant & { revoked: boolean }>();
  private accessTokens = new Map<string, { account: string; expiresAt: number }>();

  registerClient(client: Partial<GoogleClient> & Pick<GoogleClient, 'clientId' | 'clientSecret' | 'redirectUris'>): void {
    this.clients.set(client.clientId, { audience: 'external', publishing: 'testing', testUsers: [], ...client });
  }

  signIn(account: string): void {
    this.account = account.toLowerCase();
  }

  /**
   * The person removed the app's access, changed their password, or 7 days of Testing passed (P6, P8):
   * Google revokes the grant — its refresh tokens and the access tokens issued from them. Whoever cached
   * an access token (Odoo, for up to an hour) still holds it; Google just no longer accepts it.
   */
  revokeAll(): void {
    for (const grant of this.refreshTokens.values()) grant.revoked = true;
    this.accessTokens.clear();
  }

  /** Undo `revokeAll` (the recordings' stand-in let the same refresh token work again, steps 42–43). */
  restoreAll(): void {
    for (const grant of this.refreshTokens.values()) grant.revoked = false;
  }

  /** The account a refresh token was granted for (the fake Gmail SMTP server checks it). */
  accountOfRefreshToken(refreshToken: string): string | null {
    const grant = this.refreshTokens.get(refreshToken);
    return grant && !grant.revoked ? grant.account : null;
  }

  accountOfAccessToken(accessToken: string): string | null {
    const t = this.accessTokens.get(accessToken);
    return t && t.expiresAt > Date.now() ? t.account : null;
  }

  /** A browser request to https://accounts.google.com/… */
  handleBrowser(url: URL): BrowserAnswer {
    if (url.pathname === '/o/oauth2/v2/auth' || url.pathname === '/o/oauth2/auth') return this.authorize(url);
    if (url.pathname === '/o/oauth2/approve') return this.approve(url);
    return this.page(404, 'Not Found', '<h1>404.</h1><p>That’s an error.</p>');
  }

  private page(status: number, title: string, body: string): BrowserAnswer {
    return {
      status,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main>${body}</main></body></html>`,
    };
  }

  private errorPage(status: number, heading: string, code: string, detail: string, url: URL): BrowserAnswer {
    // Google's error page: a heading, "Error <status>: <code>", and "Request details" with the parameters.
    const details = [...url.searchParams.entries()]
      .filter(([k]) => k !== 'state')
      .map(([k, v]) => `<li>${esc(k)}=${esc(v)}</li>`)
      .join('');
    return this.page(
      status,
      'Error',
      `<h1>${esc(heading)}</h1><p>${esc(detail)}</p><p><strong>Error ${status}: ${esc(code)}</strong></p><details><summary>Request details</summary><ul>${details}</ul></details>`,
    );
  }

  private authorize(url: URL): BrowserAnswer {
    const q = url.searchParams;
    const client = this.clients.get(q.get('client_id') ?? '');
    if (!client) {
      return this.errorPage(401, 'Access blocked: Authorization Error', 'invalid_client', 'The OAuth client was not found.', url);
    }
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!client.redirectUris.includes(redirectUri)) {
      // P1: the redirect URI Odoo sends (from web.base.url) is not registered on the client.
      return this.errorPage(
        400,
        'Access blocked: This app’s request is invalid',
        'redirect_uri_mismatch',
        'You can’t sign in because this app sent an invalid request.',
        url,
      );
    }
    if (q.get('response_type') !== 'code' || !(q.get('scope') ?? '').split(' ').includes('https://mail.google.com/')) {
      return this.errorPage(
        400,
        'Access blocked: Authorization Error',
        'invalid_request',
        'Some requested scopes are invalid.',
        url,
      );
    }
    if (!this.account) {
      return this.page(200, 'Sign in - Google Accounts', '<h1>Sign in</h1><p>to continue to Odoo</p>');
    }
    const account = this.account;
    if (this.accountChooser && q.get('chosen') !== account) {
      // "Choose an account": the signed-in account, to click; the request goes on with it.
      const hidden = [...q.entries()].map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('');
      return this.page(
        200,
        'Sign in - Google Accounts',
        `<h1>Choose an account</h1><p>to continue to Odoo</p><form method="get" action="${esc(url.pathname)}">${hidden}<button type="submit" name="chosen" value="${esc(account)}">${esc(account)}</button></form>`,
      );
    }
    if (client.audience === 'internal' && client.workspaceDomain && !account.endsWith(`@${client.workspaceDomain}`)) {
      return this.errorPage(
        403,
        'Access blocked: Odoo can only be used within its organization',
        'org_internal',
        `${account} is not in the organization.`,
        url,
      );
    }
    if (client.audience === 'external' && client.publishing === 'testing' && !client.testUsers.includes(account)) {
      // P5: External app in Testing, and this account is not a test user.
      return this.errorPage(
        403,
        'Access blocked: Odoo has not completed the Google verification process',
        'access_denied',
        'Odoo has not completed the Google verification process. The app is currently being tested, and can only be accessed by developer-approved testers.',
        url,
      );
    }
    const id = randomBytes(8).toString('hex');
    this.pending.set(id, {
      clientId: client.clientId,
      redirectUri,
      account,
      scope: q.get('scope') ?? '',
      state: q.get('state') ?? '',
    });
    // The offline/consent parameters are what make Google return a refresh token (§3).
    const offline = q.get('access_type') === 'offline' && q.get('prompt') === 'consent';
    return this.page(
      200,
      'Sign in - Google Accounts',
      `<h1>Odoo wants access to your Google Account</h1><p class="account">${esc(account)}</p>
<p>This will allow Odoo to: Read, compose, send, and permanently delete all your email from Gmail</p>
<form method="get" action="/o/oauth2/approve"><input type="hidden" name="id" value="${id}"><input type="hidden" name="offline" value="${offline ? '1' : '0'}">
<button type="submit" name="consent" value="deny">Cancel</button> <button type="submit" name="consent" value="allow">Allow</button></form>`,
    );
  }

  private approve(url: URL): BrowserAnswer {
    const id = url.searchParams.get('id') ?? '';
    const pending = this.pending.get(id);
    if (!pending) return this.page(400, 'Error', '<h1>Something went wrong</h1>');
    this.pending.delete(id);
    const target = new URL(pending.redirectUri);
    if (url.searchParams.get('consent') !== 'allow') {
      target.searchParams.set('error', 'access_denied');
      target.searchParams.set('state', pending.state);
    } else {
      const code = token('4/0A');
      this.codes.set(code, { ...pending, used: false });
      target.searchParams.set('state', pending.state);
      target.searchParams.set('code', code);
      target.searchParams.set('scope', pending.scope);
    }
    return { status: 302, headers: { location: target.href, 'content-type': 'text/html' }, body: '' };
  }

  /**
   * POST https://oauth2.googleapis.com/token (form fields as Odoo sends them, §4): strings, a Python
   * `False` arriving as the text `False` (captures fact 11) — which is no refresh token Google knows, so
   * `invalid_grant`.
   */
  token(form: Record<string, string | undefined>): { status: number; json: Record<string, unknown> } {
    const grantType = String(form.grant_type ?? '');
    const record = (ok: boolean) =>
      this.tokenRequests.push({
        grant_type: grantType,
        client_id: String(form.client_id ?? ''),
        redirect_uri: String(form.redirect_uri ?? ''),
        ok,
        ...(form.refresh_token === 'False' ? { refresh_token: 'False' as const } : {}),
      });
    const client = this.clients.get(String(form.client_id ?? ''));
    if (!client || client.clientSecret !== form.client_secret) {
      record(false);
      return { status: 401, json: { error: 'invalid_client', error_description: 'Unauthorized' } };
    }
    if (grantType === 'authorization_code') {
      const grant = this.codes.get(String(form.code ?? ''));
      if (!grant || grant.used || grant.clientId !== client.clientId || grant.redirectUri !== form.redirect_uri) {
        record(false);
        return { status: 400, json: { error: 'invalid_grant', error_description: 'Bad Request' } };
      }
      grant.used = true;
      const refresh = token('1//0g');
      this.refreshTokens.set(refresh, { ...grant, revoked: false });
      const access = token('ya29.');
      this.accessTokens.set(access, { account: grant.account, expiresAt: Date.now() + 3599_000 });
      record(true);
      return {
        status: 200,
        json: { access_token: access, expires_in: 3599, refresh_token: refresh, scope: grant.scope, token_type: 'Bearer' },
      };
    }
    if (grantType === 'refresh_token') {
      const grant = this.refreshTokens.get(String(form.refresh_token ?? ''));
      if (!grant || grant.revoked || grant.clientId !== client.clientId) {
        record(false);
        return { status: 400, json: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      }
      const access = token('ya29.');
      this.accessTokens.set(access, { account: grant.account, expiresAt: Date.now() + 3599_000 });
      record(true);
      return { status: 200, json: { access_token: access, expires_in: 3599, scope: grant.scope, token_type: 'Bearer' } };
    }
    record(false);
    return { status: 400, json: { error: 'unsupported_grant_type' } };
  }

  /** GET https://www.googleapis.com/oauth2/v2/userinfo (19.0's e-mail check, §1.6). */
  userinfo(accessToken: string): { status: number; json: Record<string, unknown> } {
    const account = this.accountOfAccessToken(accessToken);
    if (!account) return { status: 401, json: { error: { code: 401, status: 'UNAUTHENTICATED' } } };
    return { status: 200, json: { email: account, verified_email: true } };
  }
}
