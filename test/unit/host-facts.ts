/**
 * The public suffix list as the tests read it: public/psl.txt, the file the extension packages, through the
 * extension's own matcher (lib/google/suffix-list.ts) — what the background stores for the popup.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HostFacts } from '@/lib/google/suffix-facts';
import { parseSuffixList, suffixFacts } from '@/lib/google/suffix-list';
import { parseUrl } from '@/lib/url';

export const PSL_TEXT = readFileSync(resolve('public/psl.txt'), 'utf8');
export const SUFFIX_LIST = parseSuffixList(PSL_TEXT);

/** The facts of each host named — a URL's host, or a bare hostname — as the background would store them. */
export function knownHosts(...urlsOrHosts: (string | null | undefined)[]): HostFacts {
  const hosts = urlsOrHosts.flatMap((v) => (v ? [parseUrl(v.trim())?.hostname || v] : []));
  return Object.fromEntries(hosts.map((h) => [h.toLowerCase().replace(/(.)\.+$/, '$1'), suffixFacts(SUFFIX_LIST, h)]));
}
