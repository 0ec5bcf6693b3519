/**
 * Why Google says `redirect_uri_mismatch`: the redirect URI Odoo sent must equal, character for
 * character, one registered on the OAuth client (google-console.md §5.6: "matching at authorization
 * time is exact (scheme, host, port, path, trailing slash)"). This module names each difference
 * between two URIs in terms a person can act on.
 *
 * It reads the URIs as written (not through `new URL`, which would hide an explicit `:443`, the case
 * of a host or a Unicode host that Google compares as typed) and compares part by part.
 */

export type UriDifference =
  /** `http` vs `https` — typically Odoo behind a proxy without proxy_mode (field-notes P1). */
  | 'scheme'
  /** `www.acme.com` vs `acme.com`. */
  | 'www'
  /** Another host altogether: alias, custom domain vs `*.odoo.com`, staging, IP vs name (P3, P19). */
  | 'host'
  /** Same host in other letter case: hosts are case-insensitive, but Google compares the string. */
  | 'hostCase'
  /** Same host, once in Unicode and once in punycode (`münchen.de` / `xn--mnchen-3ya.de`). */
  | 'idn'
  /** Different ports (`:8069` vs none), P2. */
  | 'port'
  /** One has the scheme's default port written out (`:443`, `:80`), the other not. */
  | 'defaultPort'
  /** Different paths (`/odoo/google_gmail/confirm`, a typo). */
  | 'path'
  /** Only a trailing slash differs. */
  | 'trailingSlash'
  /** Same path in other letter case: paths are case-sensitive. */
  | 'pathCase'
  /** One has a query string. */
  | 'query'
  /** One has a `#fragment` (never allowed in a redirect URI). */
  | 'fragment'
  /** Leading or trailing spaces (pasted with the value). */
  | 'whitespace';

export interface RawUri {
  scheme: string;
  host: string;
  port: string | null;
  path: string;
  query: string | null;
  fragment: string | null;
}

const RAW = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#:]*|\[[^\]]*\])(?::(\d*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

export function readRawUri(value: string): RawUri | null {
  const m = RAW.exec(value.trim());
  if (!m) return null;
  return {
    scheme: m[1] ?? '',
    host: m[2] ?? '',
    port: m[3] === undefined || m[3] === '' ? null : m[3],
    path: m[4] ?? '',
    query: m[5] ?? null,
    fragment: m[6] ?? null,
  };
}

const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443' };

/** The host in ASCII form (punycode), lower case, as browsers and DNS see it. */
export function asciiHost(host: string): string {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return host.toLowerCase();
  }
}

const stripWww = (h: string) => h.replace(/^www\./, '');

/** Every difference between `a` and `b`; empty when Google would consider them the same URI. */
export function compareUris(a: string, b: string): UriDifference[] {
  if (a === b) return [];
  const diffs: UriDifference[] = [];
  if (a.trim() !== a || b.trim() !== b) diffs.push('whitespace');
  const x = readRawUri(a);
  const y = readRawUri(b);
  if (!x || !y) return diffs.length ? diffs : ['host'];

  if (x.scheme.toLowerCase() !== y.scheme.toLowerCase()) diffs.push('scheme');

  if (x.host !== y.host) {
    const ax = asciiHost(x.host);
    const ay = asciiHost(y.host);
    if (ax === ay) {
      if (x.host.toLowerCase() === y.host.toLowerCase()) diffs.push('hostCase');
      else diffs.push('idn');
    } else if (stripWww(ax) === stripWww(ay)) diffs.push('www');
    else diffs.push('host');
  }

  if (x.port !== y.port) {
    const px = x.port ?? DEFAULT_PORTS[x.scheme.toLowerCase()] ?? null;
    const py = y.port ?? DEFAULT_PORTS[y.scheme.toLowerCase()] ?? null;
    const sameScheme = x.scheme.toLowerCase() === y.scheme.toLowerCase();
    diffs.push(sameScheme && px === py ? 'defaultPort' : 'port');
  }

  if (x.path !== y.path) {
    const trim = (p: string) => p.replace(/\/+$/, '');
    if (trim(x.path) === trim(y.path)) diffs.push('trailingSlash');
    else if (x.path.toLowerCase() === y.path.toLowerCase()) diffs.push('pathCase');
    else diffs.push('path');
  }
  if ((x.query ?? '') !== (y.query ?? '')) diffs.push('query');
  if ((x.fragment ?? null) !== (y.fragment ?? null)) diffs.push('fragment');
  return diffs;
}

export interface MismatchInput {
  /** The `redirect_uri` the authorization request carried (Google's "Request details"). */
  sent: string;
  /** The URIs registered on the OAuth client, as far as the extension knows them. */
  registered: string[];
  /** What Odoo computes now: `web.base.url` + `/google_gmail/confirm`, when known. */
  expected?: string | null;
}

export interface MismatchDiagnosis {
  /** The registered URI closest to the one sent (fewest differences), if any is known. */
  closest: string | null;
  /** How the sent URI differs from the closest registered one. */
  differences: UriDifference[];
  /** True when the URI sent is already registered (the client may be another one, or not yet saved). */
  alreadyRegistered: boolean;
  /** The sent URI differs from what Odoo computes from web.base.url right now. */
  sentDiffersFromExpected: UriDifference[];
}

export function diagnoseMismatch({ sent, registered, expected }: MismatchInput): MismatchDiagnosis {
  let closest: string | null = null;
  let differences: UriDifference[] = [];
  for (const uri of registered) {
    const d = compareUris(sent, uri);
    if (closest === null || d.length < differences.length) {
      closest = uri;
      differences = d;
    }
  }
  return {
    closest,
    differences,
    alreadyRegistered: registered.includes(sent),
    sentDiffersFromExpected: expected ? compareUris(sent, expected) : [],
  };
}
