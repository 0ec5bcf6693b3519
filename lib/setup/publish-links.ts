/**
 * The two links Google wants on Branding before "Publish app" (google-console-2026.md §1: "An App home
 * page and an App privacy policy link on your authorized domains are required"): what a person or the
 * Odoo website may give, and what Google would take — an https page whose registrable domain is one of
 * the app's authorized domains.
 */
import { authorizedDomainFor } from '../google/redirect-uri';
import type { HostFacts } from '../google/suffix-facts';
import { type Msg, msg } from '../i18n';
import { parseUrl } from '../url';

export type LinkCheck = { ok: true; value: string } | { ok: false; error: Msg };

/**
 * An https page on one of `authorized` (the app's authorized domains). `facts`: what the public suffix list
 * says of the link's host (the background looks it up first: lib/background/publish-links.ts).
 */
export function checkPublishLink(raw: string, authorized: readonly string[], facts: HostFacts): LinkCheck {
  const value = raw.trim();
  const url = parseUrl(value);
  if (!url?.hostname) return { ok: false, error: msg('publishLinks.err.invalid', { value }) };
  if (url.protocol !== 'https:') return { ok: false, error: msg('publishLinks.err.https', { value }) };
  const domain = authorizedDomainFor(url.hostname, facts);
  const allowed = authorized.map((d) => d.toLowerCase());
  if (!domain || !allowed.includes(domain)) {
    return { ok: false, error: msg('publishLinks.err.domain', { value, domains: allowed.join(', ') || '—' }) };
  }
  return { ok: true, value: url.href };
}

/**
 * The links an Odoo website gives: its home page and, when it has one, its privacy page — on the address
 * Odoo sends to Google (web.base.url), which is on the authorized domain by construction.
 */
export function websiteLinks(baseUrl: string, privacyPath: string | null): { home: string | null; privacy: string | null } {
  const base = parseUrl(baseUrl);
  if (base?.protocol !== 'https:') return { home: null, privacy: null };
  return {
    home: new URL('/', base).href,
    privacy: privacyPath ? new URL(privacyPath, base).href : null,
  };
}
