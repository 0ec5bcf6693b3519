/**
 * Google's rules for an OAuth client's "Authorized redirect URI" and "Authorized domain", applied to
 * what Odoo will send. Source: docs/evidence/google-console.md §5.5 (top private domain) and
 * §5.6 (redirect URI validation rules: https except localhost, no raw IP except loopback, TLD on the
 * public suffix list, no userinfo, no fragment, no wildcard).
 *
 * What the public suffix list says of a host comes in as `HostFacts` (./suffix-facts.ts), looked up by the
 * background: a host it has not looked up yet has no authorized domain *yet* and no TLD problem.
 */
import { type Msg, msg } from '../i18n';
import { isIpHost, isLoopbackHost, parseUrl } from '../url';
import { type HostFacts, suffixFactsOf, suffixKey } from './suffix-facts';

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

/**
 * The registrable ("top private") domain Google wants on the Branding page; null if none exists (a loopback
 * name, an IP, a public suffix); undefined while the list's facts for the host are not known yet.
 */
export function authorizedDomainFor(hostname: string, facts: HostFacts): string | null | undefined {
  const host = suffixKey(hostname);
  if (isLoopbackHost(host) || isIpHost(host)) return null;
  return suffixFactsOf(facts, host)?.domain;
}

/** Whether `hostname` waits for the list's facts: a name (not loopback, not an IP) not looked up yet. */
export const suffixPending = (hostname: string, facts: HostFacts): boolean => authorizedDomainFor(hostname, facts) === undefined;

/** Problems Google's client form will raise for this redirect URI (empty when it will accept it). */
export function googleRedirectUriProblems(uri: string, facts: HostFacts): Msg[] {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return [msg('err.redirect.invalid')];
  }
  const problems: Msg[] = [];
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) problems.push(msg('err.redirect.https'));
  const ip = isIpHost(suffixKey(url.hostname));
  if (ip && !loopback) problems.push(msg('err.redirect.ip', { host: url.hostname }));
  // Not known yet: no problem (the background's facts arrive with the next snapshot).
  if (!ip && !loopback && suffixFactsOf(facts, url.hostname)?.listed === false) {
    problems.push(msg('err.redirect.tld', { host: url.hostname }));
  }
  if (url.username || url.password) problems.push(msg('err.redirect.userinfo'));
  if (url.hash) problems.push(msg('err.redirect.fragment'));
  if (uri.includes('*')) problems.push(msg('err.redirect.wildcard'));
  return problems;
}

/** True when Google's client form accepts `uri` as a Web application client's redirect URI (§5.6). */
export const acceptsRedirectUri = (uri: string, facts: HostFacts): boolean => googleRedirectUriProblems(uri, facts).length === 0;

/**
 * A redirect URI Google refuses, and what to change on Odoo's side instead. Nothing in the extension
 * advises registering such a URI: Google's form would refuse it (§5.6: https only, localhost exempt;
 * no raw IP but loopback), and our own popup says so (`err.redirect.*`).
 */
export interface RedirectRefusal {
  /** The redirect URI Odoo sends (or will send), as Odoo writes it. */
  uri: string;
  /** Google's rules it breaks, in plain words. */
  problems: Msg[];
  /**
   * The value for `web.base.url` (then frozen) that makes Odoo send a URI Google accepts: the https
   * version of the address. Null when there is none (a raw public IP, a private name).
   */
  httpsBaseUrl: string | null;
  /** Odoo Online or odoo.sh: Odoo S.A. runs the TLS proxy, so proxy_mode is not the person's to set. */
  odooHosted: boolean;
  /** The fix on Odoo's side, in words (`diag.refused.*`). */
  fix: Msg;
}

/**
 * Odoo Online (`<db>.odoo.com`) and odoo.sh (`*.odoo.com` hosts, odoo-gmail.md §9); a saas~ version
 * (lib/odoo/version.ts) is Odoo Online also behind a custom domain.
 */
export const isOdooHostedName = (hostname: string): boolean => /\.odoo\.com\.?$/i.test(hostname);

/** The https version of the address behind `url` whose redirect URI Google accepts, or null. */
function httpsBaseUrlFor(url: URL, origin: URL | null, facts: HostFacts): string | null {
  const candidates = [
    // The address the person uses, when it is https: what the TLS proxy serves, with its port (P1, P2).
    origin?.protocol === 'https:' ? origin.origin : null,
    // Otherwise the same host over https on the default port: a plain-http port (8069) does not speak TLS.
    url.hostname ? `https://${url.hostname}` : null,
  ];
  for (const candidate of candidates) {
    const redirect = candidate ? redirectUriFromBaseUrl(candidate) : null;
    if (candidate && redirect && acceptsRedirectUri(redirect, facts)) return candidate;
  }
  return null;
}

/**
 * Null when Google accepts `uri` (https, or http on localhost / 127.0.0.1 / [::1]); otherwise why not
 * and the Odoo-side fix: `web.base.url` set to the https address and frozen (odoo-gmail.md §9), with
 * `proxy_mode` and X-Forwarded-Proto/Host reaching Odoo for a self-hosted server seen over http
 * (field-notes.md P1) — not for Odoo Online or odoo.sh, where Odoo runs the proxy.
 */
export function redirectUriRefusal(
  uri: string,
  context: { facts: HostFacts; origin?: string | null; saas?: boolean },
): RedirectRefusal | null {
  const problems = googleRedirectUriProblems(uri, context.facts);
  if (problems.length === 0) return null;
  const url = parseUrl(uri.trim());
  const origin = context.origin ? parseUrl(context.origin) : null;
  const httpsBaseUrl = url ? httpsBaseUrlFor(url, origin, context.facts) : null;
  const odooHosted =
    !!context.saas || (!!url && isOdooHostedName(url.hostname)) || (!!origin && isOdooHostedName(origin.hostname));
  const redirectUri = httpsBaseUrl ? (redirectUriFromBaseUrl(httpsBaseUrl) ?? '') : '';
  const fix = !httpsBaseUrl
    ? msg('diag.refused.fixName', { uri })
    : url?.protocol === 'http:' && !odooHosted
      ? msg('diag.refused.fixProxy', { uri, baseUrl: httpsBaseUrl, redirectUri })
      : msg('diag.refused.fixBaseUrl', { uri, baseUrl: httpsBaseUrl, redirectUri });
  return { uri, problems, httpsBaseUrl, odooHosted, fix };
}
