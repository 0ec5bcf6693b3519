/**
 * The repository's own conventions (CONTRIBUTING.md › Rules), checked so that a successor can trust them:
 * - every evidence citation resolves to a heading of docs/evidence/ — a `§` section, a field-notes row
 *   (`P` and its number), a fact of the Odoo recordings (`captures fact` and its number);
 * - no reference to a tracker outside the repository (the word "issue" followed by a number): features
 *   are named by what they do;
 * - no path into the team's documents outside the repository;
 * - README.md stays a front door.
 *
 * Which document a `§` belongs to: the document named last before it on the same line (its file name,
 * with or without `.md`, or `2026` right before the `§` for google-console-2026.md); on a line naming
 * none, the file's default — the first document the file names (its header), or, inside
 * docs/evidence/, the document itself.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve('.');
const EVIDENCE = join(ROOT, 'docs/evidence');

/** Where the rules apply: the code, its tests and scripts, the locales, every document. */
const SCANNED_DIRS = ['lib', 'entrypoints', 'components', 'scripts', 'test', 'locales', 'docs', 'public', '.ci'];
const SCANNED_ROOT_FILES = /\.(ts|md|json)$/;
const TEXT = /\.(ts|tsx|js|mjs|md|yml|yaml|html|css|json|txt)$|^run$/;
/** Recorded wire traffic of real Odoo (data as it was captured) and generated lockfiles are not ours to word. */
const SKIPPED = [/^test\/fixtures\/odoo\/recorded\/\d/, /^package-lock\.json$/, /(^|\/)node_modules\//];

function walk(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = [
  ...readdirSync(ROOT).filter((f) => SCANNED_ROOT_FILES.test(f) && statSync(join(ROOT, f)).isFile()),
  ...SCANNED_DIRS.flatMap((d) => walk(join(ROOT, d)).map((f) => relative(ROOT, f))),
]
  .filter((f) => TEXT.test(basename(f)) && !SKIPPED.some((re) => re.test(f)))
  .sort();

const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

// ── The anchors: headings of docs/evidence/*.md ──

/** `## §3`, `### §3.6 …`, `### P6 …`, `### Fact 12 …` */
const HEADING = /^#{1,6} (§\d+(?:\.\d+)*[a-z]?|P\d+|Fact \d+)(?=[\s:.—-]|$)/gm;
const DOCS = readdirSync(EVIDENCE)
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => f.replace(/\.md$/, ''));
const anchors = new Map(
  DOCS.map((doc) => [doc, new Set([...read(`docs/evidence/${doc}.md`).matchAll(HEADING)].map((m) => m[1] ?? ''))]),
);

// ── Citations ──

/**
 * A document's name in text: its file name (`.md` optional for the distinctive ones), `2026` right
 * before a `§`. Longest names first, so google-console-2026 is not read as google-console.
 */
const DOC_NAME =
  /(?:docs\/evidence\/)?\b(google-console-2026|google-console|odoo-gmail|odoo-captures|field-notes|odoo-guide)(?:\.md)?\b|\b(toolchain|style)\.md\b|\b(2026)(?=\s*§)/g;
const docOf = (m: RegExpMatchArray): string => (m[3] ? 'google-console-2026' : (m[1] ?? m[2] ?? ''));

const ID = String.raw`\d+(?:\.\d+)*[a-z]?`;
/** A section: the sign, then an id such as 3.6 or 7c; a range to a second id has both ends checked. */
const SECTION = new RegExp(String.raw`§ ?(${ID})(?:\s*[–-]\s*§?(${ID}))?`, 'g');
/** `P6`, `P1–P3` — rows of field-notes.md. */
const ROW = /\bP(\d{1,2})\b(?:\s*[–-]\s*P?(\d{1,2})\b)?/g;
/** `captures fact 12`, `captures facts 1–14`, `captures fact 5, 16`. */
const FACT = /\bcaptures facts? (\d+(?:\s*(?:,|and|–|-)\s*\d+\b)*)/g;

interface Citation {
  where: string;
  doc: string | null;
  id: string;
}

function citationsOf(file: string): Citation[] {
  const text = read(file);
  const own = file.startsWith('docs/evidence/') && DOCS.includes(basename(file, '.md')) ? basename(file, '.md') : null;
  const first = text.match(new RegExp(DOC_NAME.source));
  const fallback = own ?? (first ? docOf(first) : null);
  const out: Citation[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    const names = [...line.matchAll(DOC_NAME)];
    for (const m of line.matchAll(SECTION)) {
      const named = names.filter((n) => (n.index ?? 0) < (m.index ?? 0)).at(-1);
      const doc = named ? docOf(named) : fallback;
      for (const id of [m[1], m[2]]) if (id) out.push({ where, doc, id: `§${id}` });
    }
    for (const m of line.matchAll(ROW)) for (const n of [m[1], m[2]]) if (n) out.push({ where, doc: 'field-notes', id: `P${n}` });
    for (const m of line.matchAll(FACT))
      for (const n of (m[1] ?? '').match(/\d+/g) ?? []) out.push({ where, doc: 'odoo-captures', id: `Fact ${n}` });
  });
  return out;
}

const citations = files.flatMap(citationsOf);

/** Every line of the checked files that matches, as `file:line: text`. */
const linesMatching = (pattern: RegExp): string[] =>
  files.flatMap((f) =>
    read(f)
      .split('\n')
      .flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])),
  );

describe('evidence citations', () => {
  it('docs/evidence/ has the documents the code cites, each with its anchors', () => {
    for (const doc of ['google-console', 'google-console-2026', 'odoo-gmail', 'odoo-captures', 'field-notes', 'toolchain'])
      expect({ doc, anchors: (anchors.get(doc)?.size ?? 0) > 5 }).toEqual({ doc, anchors: true });
  });

  it('every § section, field-notes row and captures fact cited resolves to a heading of docs/evidence/', () => {
    expect(citations.length).toBeGreaterThan(800);
    const unresolved = citations
      .filter((c) => !(c.doc && anchors.get(c.doc)?.has(c.id)))
      .map((c) => `${c.where}: ${c.id} of ${c.doc ?? '(no document named in the file)'}`);
    expect(unresolved).toEqual([]);
  });

  it('no path into documents outside the repository', () => {
    const outside = /\.\.\/shared\/|\bshared\/(?:reference|odoo-captures|seed)\b/;
    expect(linesMatching(outside)).toEqual([]);
  });
});

describe('features are named, not numbered', () => {
  it('no reference to a tracker outside the repository (the word "issue" and a number) in code, tests, locales or docs', () => {
    const numbered = /\bissues?\s*#?\d+/i;
    expect(linesMatching(numbered)).toEqual([]);
  });
});

describe('README.md', () => {
  it('is a front door of at most 150 lines; the rest is in docs/', () => {
    const lines = read('README.md').trimEnd().split('\n').length;
    expect(lines).toBeLessThanOrEqual(150);
  });
});
