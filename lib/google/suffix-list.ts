/**
 * The public suffix list's algorithm (https://publicsuffix.org/list/: exact rules, `*.` wildcards, `!`
 * exceptions, and the default rule `*`) over the list's own text format, as packaged in public/psl.txt
 * (scripts/psl.ts). Background only (lib/background/public-suffix.ts loads the list): the popup reads the
 * facts it stored (./suffix-facts.ts).
 *
 * It walks the rules the way tldts does (the library this replaced, now the tests' oracle:
 * test/unit/public-suffix.test.ts): labels from the right, an exact label before a wildcard, the deepest
 * rule met wins, an exception first and minus its left-most label; a hostname tldts would refuse (a
 * character outside letters, digits, `-`, `_` and non-ASCII; an empty, over-long or hyphen-edged label) has
 * no suffix.
 */
import { isIpHost } from '../url';
import { type SuffixFacts, suffixKey } from './suffix-facts';

const ICANN = 1;
const PRIVATE = 2;

interface Node {
  /** 0: no rule ends here; else ICANN and/or PRIVATE: the section(s) of the rule ending here. */
  flags: number;
  /** Null for a leaf (most rules): a Map per node would double the first lookup's cost. */
  children: Map<string, Node> | null;
}

export interface SuffixList {
  rules: Node;
  exceptions: Node;
}

/** The list from its text: one rule a line (first word), the sections between the list's own markers. */
export function parseSuffixList(text: string): SuffixList {
  const list: SuffixList = { rules: { flags: 0, children: null }, exceptions: { flags: 0, children: null } };
  let section = ICANN;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    start = end + 1;
    if (line.startsWith('//')) {
      if (line.startsWith('// ===BEGIN PRIVATE DOMAINS===')) section = PRIVATE;
      else if (line.startsWith('// ===BEGIN ICANN DOMAINS===')) section = ICANN;
      continue;
    }
    const space = line.search(/\s/);
    const rule = (space === -1 ? line : line.slice(0, space)).toLowerCase();
    if (!rule) continue;
    const exception = rule.startsWith('!');
    let at = exception ? list.exceptions : list.rules;
    const labels = (exception ? rule.slice(1) : rule).split('.');
    for (let i = labels.length - 1; i >= 0; i -= 1) {
      const label = labels[i] ?? '';
      at.children ??= new Map();
      let next = at.children.get(label);
      if (!next) {
        next = { flags: 0, children: null };
        at.children.set(label, next);
      }
      at = next;
    }
    at.flags |= section;
  }
  return list;
}

/** The deepest rule under `root` that `labels` (right to left) meet: how many labels it spans, and its flags. */
function walk(root: Node, labels: readonly string[]): { depth: number; flags: number } | null {
  let at = root;
  let match: { depth: number; flags: number } | null = null;
  for (const [i, label] of labels.entries()) {
    const next = at.children?.get(label) ?? (label === '' ? undefined : at.children?.get('*'));
    if (!next) break;
    at = next;
    if (at.flags !== 0) match = { depth: i + 1, flags: at.flags };
  }
  return match;
}

/**
 * tldts' hostname check (tldts-core is-valid.ts): letters, digits, `-`, `_` and non-ASCII; labels of at most
 * 63 characters, none empty but a leading one, none starting or ending with `-`; 255 characters at most.
 * What it refuses has no suffix and no domain.
 */
function validHostname(host: string): boolean {
  if (host.length === 0 || host.length > 255 || !/^[a-z0-9\-_.\u0080-\uffff]*$/.test(host)) return false;
  const labels = host.split('.');
  return labels.every(
    (label, i) =>
      label.length <= 63 &&
      !label.startsWith('-') &&
      !label.endsWith('-') &&
      (label !== '' || i === 0 || i === labels.length - 1),
  );
}

export interface PublicSuffix {
  /** The public suffix (the default rule `*` gives the last label). */
  suffix: string;
  icann: boolean;
  private: boolean;
}

/** The public suffix of `host` (a hostname as `suffixKey` gives it), or null for an IP or an invalid name. */
export function publicSuffix(list: SuffixList, host: string): PublicSuffix | null {
  if (isIpHost(host) || !validHostname(host)) return null;
  const labels = host.split('.').reverse();
  const exception = walk(list.exceptions, labels);
  const rule = exception ? null : walk(list.rules, labels);
  const depth = exception ? exception.depth - 1 : (rule?.depth ?? 1);
  const flags = exception?.flags ?? rule?.flags ?? 0;
  return {
    suffix: labels.slice(0, depth).reverse().join('.'),
    icann: (flags & ICANN) !== 0,
    private: (flags & PRIVATE) !== 0,
  };
}

/** The registrable domain: the suffix and one more label (tldts-core domain.ts), or null when the host is a suffix. */
function domainOf(suffix: string, host: string): string | null {
  let leadingDots = 0;
  while (leadingDots < host.length && host[leadingDots] === '.') leadingDots += 1;
  if (suffix.length === host.length - leadingDots) return null;
  const dot = host.lastIndexOf('.', host.length - suffix.length - 2);
  return dot === -1 ? host : host.slice(dot + 1);
}

/** What the list says of `hostname` (any case, trailing dots allowed). */
export function suffixFacts(list: SuffixList, hostname: string): SuffixFacts {
  const host = suffixKey(hostname);
  const found = publicSuffix(list, host);
  if (!found) return { listed: false, domain: null };
  return { listed: found.icann || found.private, domain: domainOf(found.suffix, host) };
}
