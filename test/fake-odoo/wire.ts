/**
 * What Odoo's HTTP layer (werkzeug 2.2, markupsafe, Python's urllib) puts on the wire around the
 * answers: escaped HTML pages, redirect bodies, the quoting of `?redirect=`, the session cookie. Pure
 * functions; server.ts decides when each applies.
 */
import type { VersionProfile } from './profiles.ts';

/** markupsafe's `escape`: what werkzeug's pages and QWeb's `t-esc` apply (`&#39;`, `&#34;`). */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c] ?? c);

/**
 * werkzeug's HTTPException page (captures fact 3, steps 25 and probe-01…04): `description` is HTML
 * already (Odoo passes escaped text, 19.0 adds `<br><br>`).
 */
export function werkzeugPage(status: number, title: string, description: string): string {
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${description}</p>\n`;
}

/** The body of `werkzeug.utils.redirect` (captures steps 23, 27, 47). */
export function redirectBody(location: string): string {
  const href = escapeHtml(location);
  return `<!doctype html>\n<html lang=en>\n<title>Redirecting...</title>\n<h1>Redirecting...</h1>\n<p>You should be redirected automatically to the target URL: <a href="${href}">${href}</a>. If not, click the link.\n`;
}

/** werkzeug 2.2's `_always_safe`: characters its URL functions never quote. */
const WERKZEUG_SAFE = /[A-Za-z0-9\-._~$!'()*+,;]/;

/** Percent-encodes `s` as UTF-8, keeping the characters `keep` accepts; a space becomes `+`. */
function quotePlus(s: string, keep: (c: string) => boolean): string {
  let out = '';
  for (const c of s) {
    if (c === ' ') out += '+';
    else if (keep(c)) out += c;
    else for (const b of Buffer.from(c, 'utf8')) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** Python's `urllib.parse.quote_plus(s, safe='')` (what `urlencode` does to a value). */
export const pyQuotePlus = (s: string): string => quotePlus(s, (c) => /[A-Za-z0-9\-._~]/.test(c));

/** werkzeug's `url_quote_plus(s, safe='')`: its always-safe set without `+`. */
export const werkzeugQuotePlus = (s: string): string => quotePlus(s, (c) => c !== '+' && WERKZEUG_SAFE.test(c));

/**
 * werkzeug 2.2's `request.url` for a raw query: `uri_to_iri` decodes the escapes of always-safe
 * characters (`%2C` becomes `,`) and keeps the others (`%7B`, `%22`, `%3A` stay).
 */
export function werkzeugIriQuery(rawQuery: string): string {
  return rawQuery.replace(/%([0-9A-Fa-f]{2})/g, (quoted, hex: string) => {
    const c = String.fromCharCode(Number.parseInt(hex, 16));
    return WERKZEUG_SAFE.test(c) ? c : quoted;
  });
}

/**
 * Where an anonymous visitor of an `auth='user'` page is sent (captures fact 10, step 27): 15.0 quotes
 * the whole URL (`http%3A%2F%2F…%3Fstate%3D%257B…,%2B…`), 16.0+ the path and raw query
 * (`%2Fgoogle_gmail%2Fconfirm%3Fstate%3D%257B…%252C%2B…`).
 */
export function loginRedirect(profile: VersionProfile, host: string, path: string, rawQuery: string | null): string {
  if (profile.major <= 15) {
    const url = `http://${host}${path}${rawQuery ? `?${werkzeugIriQuery(rawQuery)}` : ''}`;
    return `/web/login?redirect=${werkzeugQuotePlus(url)}`;
  }
  return `/web/login?redirect=${pyQuotePlus(`${path}?${rawQuery ?? ''}`)}`;
}

/** An HTTP date (`Expires=`), as werkzeug writes it. */
export const httpDate = (ms: number): string => new Date(ms).toUTCString();

const DAY = 24 * 60 * 60;

/**
 * The `session_id` cookie (captures fact 4): HttpOnly, `Path=/`, no `Secure` nor `SameSite` (over http,
 * the only way recorded); `Max-Age` 90 days in 15.0, 7 days from 16.0 — with `Expires` 90 days (15.0),
 * 7 days (16.0) or, as 17.0+ write it, a year ahead.
 */
export function sessionCookie(profile: VersionProfile, sid: string, now = Date.now()): string {
  const maxAge = profile.major <= 15 ? 90 * DAY : 7 * DAY;
  const expires = profile.major >= 17 ? 365 * DAY : maxAge;
  return `session_id=${sid}; Expires=${httpDate(now + expires * 1000)}; Max-Age=${maxAge}; HttpOnly; Path=/`;
}

/** 17.0+ `/web/session/destroy` also deletes the company-switcher cookie (captures step 50). */
export const deletedCidsCookie = (now = Date.now()): string =>
  `cids=; Expires=${httpDate(now + 365 * DAY * 1000)}; Max-Age=0; Path=/`;
