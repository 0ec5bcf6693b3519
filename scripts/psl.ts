/**
 * Writes `public/psl.txt`, the public suffix list the background reads on first use
 * (lib/background/public-suffix.ts): Google's authorized domain is the registrable domain under it, and
 * its redirect URI must end in a suffix it lists (google-console.md §5.5, §5.6).
 *
 *   node scripts/psl.ts        (the file is committed; run again after updating tldts)
 *
 * The rules are read from the installed tldts (a dev dependency, kept as the test oracle:
 * test/unit/public-suffix.test.ts compares the lookup with it and fails when this file is out of date),
 * so the extension and its oracle always hold the same list. tldts ships the list as a flat trie
 * (dist/es6/src/data/trie.js: per node a flag — 1 ICANN, 2 private — and its edges' labels); this walks
 * it back into the list's own text format: one rule a line, `*.` wildcards, `!` exceptions, and the
 * ICANN and private sections between the list's markers. Nothing else is kept: no comment of the list,
 * no JavaScript — the file is data, loaded on demand, and in no bundle.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');
export const PSL_FILE = resolve(ROOT, 'public/psl.txt');
const TLDTS = resolve(ROOT, 'node_modules/tldts');

interface FlatTrie {
  nodeFlags: Uint8Array;
  edgeStart: ArrayLike<number>;
  edgeLength: ArrayLike<number>;
  edgeChild: ArrayLike<number>;
  labelText: string;
  rulesRoot: number;
  exceptionsRoot: number;
}

const ICANN = 1;
const PRIVATE = 2;

/** Every rule under `root`, as the list writes it (labels left to right), with its node's flag. */
function rulesUnder(trie: FlatTrie, root: number): { rule: string; flag: number }[] {
  const offsets: number[] = [];
  for (let edge = 0, offset = 0; edge < trie.edgeLength.length; edge += 1) {
    offsets.push(offset);
    offset += trie.edgeLength[edge] ?? 0;
  }
  const out: { rule: string; flag: number }[] = [];
  const visit = (node: number, labels: string[]) => {
    const flag = trie.nodeFlags[node] ?? 0;
    if (flag !== 0) out.push({ rule: labels.join('.'), flag });
    for (let edge = trie.edgeStart[node] ?? 0; edge < (trie.edgeStart[node + 1] ?? 0); edge += 1) {
      const start = offsets[edge] ?? 0;
      const label = trie.labelText.slice(start, start + (trie.edgeLength[edge] ?? 0));
      visit(trie.edgeChild[edge] ?? 0, [label, ...labels]);
    }
  };
  visit(root, []);
  return out;
}

/** Sorted by their labels from the right, so each top-level domain's rules sit together (and compress). */
const byLabelsFromRight = (a: string, b: string) => {
  const ka = a.replace(/^!/, '').split('.').reverse().join('.');
  const kb = b.replace(/^!/, '').split('.').reverse().join('.');
  return ka < kb ? -1 : ka > kb ? 1 : a < b ? -1 : a > b ? 1 : 0;
};

/** The text of public/psl.txt for the installed tldts. */
export async function pslText(): Promise<string> {
  const version = (JSON.parse(readFileSync(resolve(TLDTS, 'package.json'), 'utf8')) as { version: string }).version;
  const trie = (await import(pathToFileURL(resolve(TLDTS, 'dist/es6/src/data/trie.js')).href)) as FlatTrie;
  const all = [
    ...rulesUnder(trie, trie.rulesRoot),
    ...rulesUnder(trie, trie.exceptionsRoot).map((r) => ({ ...r, rule: `!${r.rule}` })),
  ];
  const section = (flag: number) =>
    all
      .filter((r) => (r.flag & flag) !== 0)
      .map((r) => r.rule)
      .sort(byLabelsFromRight);
  return [
    '// The Public Suffix List (https://publicsuffix.org/list/), Mozilla Public License 2.0',
    '// (https://mozilla.org/MPL/2.0/): its rules only, without comments.',
    `// Written by scripts/psl.ts from tldts ${version}; do not edit.`,
    '// ===BEGIN ICANN DOMAINS===',
    ...section(ICANN),
    '// ===END ICANN DOMAINS===',
    '// ===BEGIN PRIVATE DOMAINS===',
    ...section(PRIVATE),
    '// ===END PRIVATE DOMAINS===',
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await pslText();
  writeFileSync(PSL_FILE, text);
  console.log(
    `public/psl.txt: ${text.split('\n').filter((l) => l && !l.startsWith('//')).length} rules, ${Buffer.byteLength(text)} bytes`,
  );
}
