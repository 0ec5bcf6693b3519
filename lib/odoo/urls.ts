/**
 * Every address of Odoo the extension builds or accepts: what counts as an Odoo address and why a
 * typed value is refused, and the links into Odoo's backend in the URL scheme of its version.
 *
 * The extension talks to one Odoo *origin* (scheme, host, port). A person may type `acme.odoo.com`,
 * paste `https://acme.odoo.com/odoo/discuss` from the address bar, or run Odoo on
 * `http://localhost:8069`; each gets either the origin or a message that says what to change, with a
 * corrected value to use when one can be derived.
 */
import { type Msg, msg } from '../i18n';
import { isLoopbackHost, parseUrl } from '../url';

export type OdooUrlResult =
  | { ok: true; origin: string; host: string; isLoopback: boolean; warnings: Msg[] }
  | { ok: false; error: Msg; suggestion?: string };

/** Odoo S.A.'s own sites: a person who types these means "my Odoo", not odoo.com itself. */
const ODOO_COMPANY_HOSTS = new Set(['odoo.com', 'www.odoo.com', 'odoo.sh', 'www.odoo.sh']);

const isIpv4 = (h: string) => /^\d{1,3}(\.\d{1,3}){3}$/.test(h);
const isIpv6 = (h: string) => h.startsWith('[');

/** `acme.odoo.com`, `localhost:8069`, `10.0.0.5:8069/web` — a host typed without a scheme. */
function suggestWithScheme(raw: string): string | undefined {
  const hostPart = raw.split(/[/?#]/, 1)[0] ?? '';
  if (!/^[^\s:@]+(:\d{1,5})?$/.test(hostPart) || (!hostPart.includes('.') && !hostPart.startsWith('localhost'))) {
    return undefined;
  }
  const hostname = hostPart.replace(/:\d+$/, '');
  const scheme = isLoopbackHost(hostname) ? 'http' : 'https';
  const url = parseUrl(`${scheme}://${hostPart}`);
  return url ? url.origin : undefined;
}

export function parseOdooUrl(input: string): OdooUrlResult {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: msg('err.odooUrl.empty') };
  if (/\s/.test(raw)) {
    const compact = raw.replace(/\s+/g, '');
    const fixed = parseOdooUrl(compact);
    return { ok: false, error: msg('err.odooUrl.spaces'), ...(fixed.ok ? { suggestion: fixed.origin } : {}) };
  }

  // A scheme is letters followed by ':' — but `localhost:8069` also looks like one.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  const looksLikeHostPort = /^[^/:]+:\d+(\/|$)/.test(raw);
  if (!scheme || looksLikeHostPort) {
    const suggestion = suggestWithScheme(raw);
    // Never propose a value that would be refused in turn (`odoo.com` → Odoo's own site): say that instead.
    const fixed = suggestion ? parseOdooUrl(suggestion) : null;
    if (fixed && !fixed.ok) return fixed;
    return { ok: false, error: msg('err.odooUrl.noScheme'), ...(suggestion ? { suggestion } : {}) };
  }
  if (scheme !== 'http' && scheme !== 'https') {
    return { ok: false, error: msg('err.odooUrl.scheme', { scheme }) };
  }
  if (!/^https?:\/\/[^/]/i.test(raw)) return { ok: false, error: msg('err.odooUrl.invalid') };

  const url = parseUrl(raw);
  if (!url || url.hostname === '') return { ok: false, error: msg('err.odooUrl.invalid') };

  const hostname = url.hostname;
  if (url.username || url.password) {
    return { ok: false, error: msg('err.odooUrl.credentials'), suggestion: url.origin };
  }
  if (hostname.endsWith('.')) {
    return {
      ok: false,
      error: msg('err.odooUrl.host', { host: hostname }),
      suggestion: url.origin.replace(/\.(?=(:\d+)?$)/, ''),
    };
  }
  // The URL parser reads IPv4 shorthand and hex (`192.168.1` → 192.168.0.1, `0x7f.1` → 127.0.0.1):
  // an address the person did not type. A typed IP must be the four numbers it stands for.
  const typedHost = /^https?:\/\/([^/?#:]*)/i.exec(raw)?.[1]?.toLowerCase() ?? '';
  if (isIpv4(hostname) && typedHost !== hostname) return { ok: false, error: msg('err.odooUrl.host', { host: typedHost }) };
  const isLoopback = isLoopbackHost(hostname);
  if (!isLoopback && !isIpv4(hostname) && !isIpv6(hostname)) {
    const labels = hostname.split('.');
    const validLabel = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
    if (labels.length < 2 || !labels.every((l) => validLabel.test(l)) || /^\d+$/.test(labels.at(-1) ?? '')) {
      return { ok: false, error: msg('err.odooUrl.host', { host: hostname }) };
    }
  }
  if (ODOO_COMPANY_HOSTS.has(hostname)) return { ok: false, error: msg('err.odooUrl.odooSite') };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '' || /[?#]$/.test(raw)) {
    return { ok: false, error: msg('err.odooUrl.path'), suggestion: url.origin };
  }

  const warnings: Msg[] = [];
  if (url.protocol === 'http:' && !isLoopback) warnings.push(msg('warn.odooUrl.http'));
  return { ok: true, origin: url.origin, host: url.host, isLoopback, warnings };
}

/** The host-permission pattern for exactly one origin (match patterns ignore the port). */
export const originPattern = (origin: string): string => `${new URL(origin).protocol}//${new URL(origin).hostname}/*`;

/**
 * A tab's origin, when the tab looks like an Odoo backend or login page. Used only to prefill the
 * field; the probe decides whether it really is Odoo.
 */
export function odooOriginFromTabUrl(tabUrl: string | undefined): string | null {
  if (!tabUrl) return null;
  const url = parseUrl(tabUrl);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return null;
  const looksLikeOdoo =
    /^\/(web|odoo)(\/|$|\?|#)/.test(`${url.pathname}`) ||
    url.pathname === '/web' ||
    url.pathname === '/odoo' ||
    (url.hostname.endsWith('.odoo.com') && !ODOO_COMPANY_HOSTS.has(url.hostname));
  if (!looksLikeOdoo) return null;
  const parsed = parseOdooUrl(url.origin);
  return parsed.ok ? parsed.origin : null;
}

/**
 * Odoo's newer URL scheme: 17.2+ and 18+ address the backend as `/odoo/...`, older versions as `/web#...`
 * (odoo-gmail.md §1.6 step 9). The one place that decides it; every backend link below asks here.
 */
export const usesOdooPaths = (major: number | undefined, minor = 0): boolean =>
  (major ?? 0) >= 18 || (major === 17 && minor >= 2);

/** Odoo's settings page, in the URL scheme of its version. */
export function odooSettingsLink(origin: string, major: number | undefined, minor = 0): string {
  return usesOdooPaths(major, minor) ? `${origin}/odoo/settings` : `${origin}/web#action=base_setup.action_general_configuration`;
}

/** The list of outgoing mail servers, in the URL scheme of the version. */
export function odooMailServersLink(origin: string, major: number | undefined, minor = 0): string {
  return usesOdooPaths(major, minor)
    ? `${origin}/odoo/action-base.action_ir_mail_server_list`
    : `${origin}/web#action=base.action_ir_mail_server_list`;
}

/** One outgoing server's form, in the URL scheme of the version (odoo-gmail.md §1.6 step 9). */
export function odooMailServerLink(origin: string, id: number, major?: number, minor?: number): string {
  return usesOdooPaths(major, minor)
    ? `${origin}/odoo/ir.mail_server/${id}`
    : `${origin}/web#id=${id}&model=ir.mail_server&view_type=form`;
}
