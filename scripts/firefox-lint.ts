/**
 * `web-ext lint` (Mozilla's addons-linter, what AMO runs on upload) on the Firefox build, held to:
 * 0 errors, and no warning or notice that is not justified in JUSTIFIED below — the one list of
 * accepted findings, which docs/firefox.md points to. Each justification also states a premise that is
 * checked here against the sources, so a justification cannot silently go stale.
 *
 *   node scripts/firefox-lint.ts [.output/firefox-mv3]    (build first: wxt build -b firefox)
 *
 * Prints every finding and a verdict; exits 1 on an error or an unjustified finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

interface Finding {
  code: string;
  file?: string;
  line?: number;
  column?: number;
  message: string;
  description?: string;
}

interface Justified {
  code: string;
  /** The bundle files it may appear in. */
  file: RegExp;
  why: string;
  /** A fact about our own sources the justification relies on; returns the problem, or null. */
  premise: () => string | null;
}

const SOURCE_DIRS = ['entrypoints', 'components', 'lib'];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx)$/.test(name)) out.push(path);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(dir)) walk(dir);
  return out;
}

/** Source text without comments (a rough cut: enough that prose about eval does not count as eval). */
const code = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
const ourCodeUses = (pattern: RegExp) => sourceFiles().filter((f) => pattern.test(code(f)));

export const JUSTIFIED: Justified[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^chunks\/popup-[\w-]+\.js$/,
    why:
      "Preact's renderer assigns `innerHTML` only for the `dangerouslySetInnerHTML` prop. No component of ours " +
      'uses that prop or touches innerHTML/outerHTML/insertAdjacentHTML, so every text reaches the DOM as text nodes.',
    premise: () => {
      const ours = ourCodeUses(/dangerouslySetInnerHTML|\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write/);
      return ours.length ? `our own code writes HTML: ${ours.join(', ')}` : null;
    },
  },
];

export interface LintVerdict {
  errors: Finding[];
  justified: { finding: Finding; why: string }[];
  unjustified: Finding[];
  brokenPremises: string[];
  counts: { errors: number; warnings: number; notices: number };
}

export function lintFirefoxBuild(dir: string): LintVerdict {
  const r = spawnSync(resolve('node_modules/.bin/web-ext'), ['lint', '--source-dir', dir, '--output', 'json', '--no-input'], {
    encoding: 'utf8',
    maxBuffer: 32 * 1024 * 1024,
  });
  const text = r.stdout ?? '';
  const start = text.indexOf('{');
  if (start < 0) throw new Error(`web-ext lint printed no JSON (exit ${r.status}): ${r.stderr}`);
  const report = JSON.parse(text.slice(start)) as {
    errors: Finding[];
    warnings: Finding[];
    notices: Finding[];
    count: number;
  };
  const justified: LintVerdict['justified'] = [];
  const unjustified: Finding[] = [];
  const used = new Set<Justified>();
  for (const finding of [...report.warnings, ...report.notices]) {
    const entry = JUSTIFIED.find((j) => j.code === finding.code && j.file.test(finding.file ?? ''));
    if (entry) {
      used.add(entry);
      justified.push({ finding, why: entry.why });
    } else unjustified.push(finding);
  }
  const brokenPremises = [...used].flatMap((j) => {
    const problem = j.premise();
    return problem ? [`${j.code}: ${problem}`] : [];
  });
  return {
    errors: report.errors,
    justified,
    unjustified,
    brokenPremises,
    counts: { errors: report.errors.length, warnings: report.warnings.length, notices: report.notices.length },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? '.output/firefox-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.error(`${dir}/manifest.json is missing: build first (npx wxt build -b firefox).`);
    process.exit(1);
  }
  const v = lintFirefoxBuild(dir);
  const where = (f: Finding) => `${f.file ?? '?'}${f.line ? `:${f.line}:${f.column ?? 0}` : ''}`;
  console.log(`web-ext lint ${dir}: ${v.counts.errors} errors, ${v.counts.warnings} warnings, ${v.counts.notices} notices`);
  for (const f of v.errors) console.log(`  ERROR       ${f.code} ${where(f)} — ${f.message}`);
  for (const f of v.unjustified) console.log(`  UNJUSTIFIED ${f.code} ${where(f)} — ${f.message}: ${f.description ?? ''}`);
  for (const { finding, why } of v.justified) console.log(`  justified   ${finding.code} ${where(finding)} — ${why}`);
  for (const p of v.brokenPremises) console.log(`  PREMISE BROKEN ${p}`);
  const ok = v.errors.length === 0 && v.unjustified.length === 0 && v.brokenPremises.length === 0;
  console.log(ok ? 'firefox-lint: ok' : 'firefox-lint: FAILED');
  process.exitCode = ok ? 0 : 1; // not exit(): the lines still in the pipe would be lost
}
