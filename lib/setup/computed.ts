/**
 * The values a person would otherwise work out by hand from the guide, computed from what Odoo
 * itself reports. Nothing here is guessed from the database name (odoo-gmail.md §9: "Never derive
 * the redirect URI from the DB name; use web.base.url").
 */
import {
  authorizedDomainFor,
  googleRedirectUriProblems,
  type RedirectRefusal,
  redirectUriFromBaseUrl,
  redirectUriRefusal,
  suffixPending,
} from '../google/redirect-uri';
import type { HostFacts } from '../google/suffix-facts';
import { type Msg, msg } from '../i18n';

/** Seed guide: "rename the Project name to `Odoo`" and "enter `Odoo` in the App name field". */
export const PROJECT_NAME = 'Odoo';
export const APP_NAME = 'Odoo';
export const CLIENT_NAME = 'Odoo';

export interface ComputedValues {
  /** Where the redirect URI comes from: Odoo's `web.base.url`, or (before a probe) the origin typed. */
  source: 'webBaseUrl' | 'origin';
  redirectUri: string | null;
  /**
   * Set when Google refuses `redirectUri` (http behind a TLS proxy, a raw IP): then it is never shown
   * as a value to register, and this carries the fix on Odoo's side (google-console.md §5.6, P1).
   */
  redirectRefusal: RedirectRefusal | null;
  /** The registrable domain of the redirect URI's host; null when there is none (or while `pending`). */
  authorizedDomain: string | null;
  /**
   * The public suffix list's facts for the redirect URI's host have not reached the popup yet (the
   * background looks them up when the address or web.base.url changes): `authorizedDomain` is not known
   * yet, rather than absent, and Google's TLD rule is not checked yet.
   */
  pending: boolean;
  projectName: string;
  appName: string;
  /** Things Google or Odoo will object to, in plain words. */
  problems: Msg[];
}

/**
 * `facts`: what the public suffix list says of the hosts (lib/google/suffix-facts.ts); `saas`: Odoo reports a
 * saas~ version (Odoo Online: Odoo runs the proxy, so no proxy_mode advice).
 */
export function computeValues(odooOrigin: string, webBaseUrl: string | null, facts: HostFacts, saas = false): ComputedValues {
  const base = webBaseUrl?.trim() ? webBaseUrl.trim() : odooOrigin;
  const redirectUri = redirectUriFromBaseUrl(base);
  const problems: Msg[] = [];
  let authorizedDomain: string | null = null;
  let pending = false;
  if (!redirectUri) {
    problems.push(msg('err.baseUrl.invalid', { value: base }));
  } else {
    const redirect = new URL(redirectUri);
    authorizedDomain = authorizedDomainFor(redirect.hostname, facts) ?? null;
    pending = suffixPending(redirect.hostname, facts);
    problems.push(...googleRedirectUriProblems(redirectUri, facts));
    const baseUrl = new URL(base);
    if (baseUrl.pathname !== '/' && baseUrl.pathname !== '') {
      problems.push(msg('warn.baseUrl.path', { path: baseUrl.pathname }));
    }
    if (webBaseUrl && baseUrl.origin !== odooOrigin) {
      problems.push(msg('warn.baseUrl.differs', { baseUrl: baseUrl.origin, origin: odooOrigin }));
    }
  }
  return {
    source: webBaseUrl?.trim() ? 'webBaseUrl' : 'origin',
    redirectUri,
    redirectRefusal: redirectUri ? redirectUriRefusal(redirectUri, { facts, origin: odooOrigin, saas }) : null,
    authorizedDomain,
    pending,
    projectName: PROJECT_NAME,
    appName: APP_NAME,
    problems,
  };
}
