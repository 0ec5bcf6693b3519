/**
 * `npm test`: every check, in order, then one table and one plain line `N passed, N failed` that sums
 * them all (CI reads that line, not the tools' own summaries).
 *
 * Suites: typecheck (tsc), lint (biome), unit (vitest), build (wxt, production and e2e), e2e
 * (playwright + Debian Chromium). A check that cannot report counts (crashed, missing browser)
 * counts as one failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

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

check('typecheck', bin('tsc'), ['--noEmit']);
check('lint', bin('biome'), ['check', '.']);

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
check('build-e2e', bin('wxt'), ['build', '--mode', 'e2e']);

if (!only.length || only.includes('e2e')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\n${chromium} is missing: install Debian's Chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
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

const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`\n${pad('suite', 12)}${pad('passed', 8)}${pad('failed', 8)}${pad('skipped', 9)}${pad('seconds', 9)}note`);
for (const r of results) {
  console.log(
    `${pad(r.suite, 12)}${pad(r.passed, 8)}${pad(r.failed, 8)}${pad(r.skipped, 9)}${pad(r.seconds.toFixed(1), 9)}${r.note ?? ''}`,
  );
}
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
