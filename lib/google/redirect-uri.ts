/**
 * Google's rules for an OAuth client's "Authorized redirect URI" and "Authorized domain", applied to
 * what Odoo will send. Source: ../shared/reference/google-console.md §5.5 (top private domain) and
 * §5.6 (redirect URI validation rules: https except localhost, no raw IP except loopback, TLD on the
 * public suffix list, no userinfo, no fragment, no wildcard).
 */
import { getDomain, parse } from 'tldts';
import { type Msg, msg } from '../i18n';
import { isLoopbackHost } from '../setup/odoo-url';

/** Odoo's callback path (google_gmail/controllers/main.py, every version 15.0–19.0). */
export const GMAIL_CALLBACK_PATH = '/google_gmail/confirm';

/**
 * The redirect URI Odoo sends to Google: `url_join(get_base_url(), '/google_gmail/confirm')` with
 * werkzeug's `url_join`, i.e. an RFC 3986 join: the absolute path replaces any path in
 * `web.base.url` (reference odoo-gmail.md §3, §9).
 */
export function redirectUriFromBaseUrl(webBaseUrl: string): string | null {
  try {
    const base = new URL(webBaseUrl.trim());
    if (base.protocol !== 'https:' && base.protocol !== 'http:') return null;
    return new URL(GMAIL_CALLBACK_PATH, base).href;
  } catch {
    return null;
  }
}

/** The registrable ("top private") domain Google wants on the Branding page, or null if none exists. */
export function authorizedDomainFor(hostname: string): string | null {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (isLoopbackHost(host) || parse(host).isIp) return null;
  return getDomain(host, { allowPrivateDomains: true });
}

/** Problems Google's client form will raise for this redirect URI (empty when it will accept it). */
export function googleRedirectUriProblems(uri: string): Msg[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [msg('err.redirect.invalid')];
  }
  const problems: Msg[] = [];
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) problems.push(msg('err.redirect.https'));
  const info = parse(url.hostname, { allowPrivateDomains: true });
  if (info.isIp && !loopback) problems.push(msg('err.redirect.ip', { host: url.hostname }));
  if (!info.isIp && !loopback && !info.isIcann && !info.isPrivate) {
    problems.push(msg('err.redirect.tld', { host: url.hostname }));
  }
  if (url.username || url.password) problems.push(msg('err.redirect.userinfo'));
  if (url.hash) problems.push(msg('err.redirect.fragment'));
  if (uri.includes('*')) problems.push(msg('err.redirect.wildcard'));
  return problems;
}
