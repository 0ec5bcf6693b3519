/**
 * What the public suffix list says of a host, as the rules of ./redirect-uri.ts take it: Google's
 * authorized domain is the registrable ("top private") domain, private registries included
 * (google-console.md §5.5), and a redirect URI's host must end in a suffix the list knows (§5.6).
 *
 * The list itself (≈ 160 KB) is in no bundle: the background looks hosts up (lib/background/public-suffix.ts,
 * with ./suffix-list.ts) and stores the facts of the hosts it knows (lib/state/host-facts.ts); the popup
 * reads them with its snapshot. A host without facts is **not known yet** — never a problem, never "none".
 */

export interface SuffixFacts {
  /** The host ends in a suffix of the list, ICANN or private section (tldts' `isIcann || isPrivate`). */
  listed: boolean;
  /** The registrable domain, private registries included (`acme.github.io`), or null (the host is a suffix itself). */
  domain: string | null;
}

/** Facts per host, keyed by `suffixKey(host)`. */
export type HostFacts = Readonly<Record<string, SuffixFacts>>;

/** A host as the list reads it: lower case, without the trailing dots of a fully qualified name. */
export const suffixKey = (hostname: string): string => hostname.toLowerCase().replace(/(.)\.+$/, '$1');

/** The facts known for `hostname`, or undefined while the background has not looked it up. */
export function suffixFactsOf(facts: HostFacts, hostname: string): SuffixFacts | undefined {
  const key = suffixKey(hostname);
  return Object.hasOwn(facts, key) ? facts[key] : undefined;
}
