/**
 * `npm test`: every check, in order, then one table and one plain line `N passed, N failed` that sums
 * them all (CI reads that line, not the tools' own summaries).
 *
 * Suites: typecheck (tsc), lint (biome, import cycles included), layers (the dependency rules of
 * docs/architecture.md, scripts/layers.ts), dupes (copy-paste, jscpd), unit (vitest), build (wxt,
 * production and e2e), size (the production build against scripts/size-budget.ts), e2e (playwright +
 * Debian Chromium); build-firefox, firefox-lint (web-ext lint),
 * store (the zips), firefox (Firefox ESR over WebDriver BiDi). The browsers are Debian's, installed with apt-get when missing
 * (scripts/debian-packages.ts), so a fresh machine needs nothing by hand. A check that cannot report
 * (crashed, a browser that could not be installed) counts as one failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM, ensureDebianPackages, FIREFOX, FIREFOX_VI } from './debian-packages.ts';

interface Result {
  suite: string;
  passed: number;
  failed: number;
  skipped: number;
  seconds: number;
  note?: string;
}

const bin = (name: string) => resolve('node_modules/.bin', name);
const cache = resolve('.cache/test');
rmSync(cache, { recursive: true, force: true });
mkdirSync(cache, { recursive: true });
const only = process.argv.slice(2);
const results: Result[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): { ok: boolean; seconds: number } {
  const start = Date.now();
  console.log(`\n$ ${[cmd.replace(`${resolve('node_modules/.bin')}/`, ''), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: r.status === 0, seconds: (Date.now() - start) / 1000 };
}

function check(suite: string, cmd: string, args: string[]) {
  if (only.length && !only.includes(suite)) return;
  const r = run(cmd, args);
  results.push({ suite, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, skipped: 0, seconds: r.seconds });
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

/**
 * A script that prints one line per check and ends with `<prefix>: N passed, N failed` (store-check,
 * the size gate): each of its checks counts, and a script that ends without that line counts as one failure.
 */
function counted(suite: string, script: string, prefix: string) {
  if (only.length && !only.includes(suite)) return;
  const start = Date.now();
  console.log(`\n$ node ${script}`);
  const r = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  process.stdout.write(r.stdout ?? '');
  process.stderr.write(r.stderr ?? '');
  const m = new RegExp(`^${prefix}: (\\d+) passed, (\\d+) failed$`, 'm').exec(r.stdout ?? '');
  const seconds = (Date.now() - start) / 1000;
  results.push(
    m
      ? { suite, passed: Number(m[1]), failed: Number(m[2]) || (r.status === 0 ? 0 : 1), skipped: 0, seconds }
      : { suite, passed: 0, failed: 1, skipped: 0, seconds, note: `${script} did not report` },
  );
}

check('typecheck', bin('tsc'), ['--noEmit']);
check('lint', bin('biome'), ['check', '.']);
check('layers', process.execPath, ['scripts/layers.ts']);

// dupes: copy-paste (jscpd, .jscpd.json). At most MAX_CLONES clones: a block pasted rather than shared is
// a fix made once and missed once. The count is printed so that it only ever goes down.
const MAX_CLONES = 7;
if (!only.length || only.includes('dupes')) {
  const out = resolve(cache, 'jscpd');
  const r = run(bin('jscpd'), ['--config', '.jscpd.json', '--reporters', 'json', '--output', out, '--silent']);
  const json = readJson<{ statistics: { total: { clones: number } } }>(resolve(out, 'jscpd-report.json'));
  const clones = json?.statistics.total.clones;
  if (clones !== undefined) console.log(`dupes: ${clones} clones (at most ${MAX_CLONES})`);
  const ok = r.ok && clones !== undefined && clones <= MAX_CLONES;
  results.push({
    suite: 'dupes',
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    skipped: 0,
    seconds: r.seconds,
    note: clones === undefined ? 'jscpd did not report' : `${clones} clones, at most ${MAX_CLONES}`,
  });
}

if (!only.length || only.includes('unit')) {
  const out = resolve(cache, 'vitest.json');
  const r = run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
  results.push(
    json
      ? {
          suite: 'unit',
          passed: json.numPassedTests,
          failed: json.numFailedTests,
          skipped: json.numPendingTests + json.numTodoTests,
          seconds: r.seconds,
        }
      : { suite: 'unit', passed: 0, failed: 1, skipped: 0, seconds: r.seconds, note: 'vitest did not report' },
  );
}

check('build', bin('wxt'), ['build']);
// size: the production build just made against scripts/size-budget.ts (one check per budget).
counted('size', 'scripts/size.ts', 'size');
check('build-e2e', bin('wxt'), ['build', '--mode', 'e2e']);

if (!only.length || only.includes('e2e')) {
  if (!ensureDebianPackages([CHROMIUM])) {
    console.error(
      `\n${CHROMIUM.file} is missing and could not be installed (apt-get install -y chromium), or set CHROMIUM_PATH.`,
    );
    results.push({ suite: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'no chromium' });
  } else {
    const out = resolve(cache, 'playwright.json');
    const r = run(bin('playwright'), ['test'], { PW_JSON: out });
    const json = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(out);
    results.push(
      json
        ? {
            suite: 'e2e',
            passed: json.stats.expected + json.stats.flaky,
            failed: json.stats.unexpected,
            skipped: json.stats.skipped,
            seconds: r.seconds,
            ...(json.stats.flaky ? { note: `${json.stats.flaky} passed on retry` } : {}),
          }
        : { suite: 'e2e', passed: 0, failed: 1, skipped: 0, seconds: r.seconds, note: 'playwright did not report' },
    );
  }
}

// --- Firefox and store packages ------------------------------------------------------------------
// build-firefox: the Firefox package (MV3) and its e2e build; firefox-lint: web-ext lint with every
// warning justified (scripts/firefox-lint.ts); store: both zips and the AMO sources zip as a reviewer
// opens them (scripts/store-check.ts); firefox: real Firefox ESR over WebDriver BiDi (test/firefox/).
check('build-firefox', bin('wxt'), ['build', '-b', 'firefox']);
check('build-firefox-e2e', bin('wxt'), ['build', '-b', 'firefox', '--mode', 'e2e']);
check('firefox-lint', process.execPath, ['scripts/firefox-lint.ts']);

counted('store', 'scripts/store-check.ts', 'store-check');

if (!only.length || only.includes('firefox')) {
  if (!ensureDebianPackages([FIREFOX, FIREFOX_VI])) {
    console.error(
      `\n${FIREFOX.file} is missing and could not be installed (apt-get install -y firefox-esr firefox-esr-l10n-vi), or set FIREFOX_PATH.`,
    );
    results.push({ suite: 'firefox', passed: 0, failed: 1, skipped: 0, seconds: 0, note: 'no firefox-esr' });
  } else {
    const out = resolve(cache, 'vitest-firefox.json');
    const r = run(bin('vitest'), [
      'run',
      '-c',
      'vitest.firefox.config.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${out}`,
    ]);
    const json = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(out);
    results.push(
      json
        ? {
            suite: 'firefox',
            passed: json.numPassedTests,
            failed: json.numFailedTests,
            skipped: json.numPendingTests + json.numTodoTests,
            seconds: r.seconds,
          }
        : { suite: 'firefox', passed: 0, failed: 1, skipped: 0, seconds: r.seconds, note: 'vitest did not report' },
    );
  }
}
// --- end of Firefox and store packages ------------------------------------------------------------

const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`\n${pad('suite', 18)}${pad('passed', 8)}${pad('failed', 8)}${pad('skipped', 9)}${pad('seconds', 9)}note`);
for (const r of results) {
  console.log(
    `${pad(r.suite, 18)}${pad(r.passed, 8)}${pad(r.failed, 8)}${pad(r.skipped, 9)}${pad(r.seconds.toFixed(1), 9)}${r.note ?? ''}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
// exitCode, not exit(): CI reads this last line through a pipe, which exit() may cut short.
process.exitCode = failed === 0 && results.length > 0 ? 0 : 1;
