/**
 * The size gate (`npm test`, suite `size`; `npm run size`): each budget of scripts/size-budget.ts against
 * the production build in `.output/chrome-mv3` (`wxt build` first). Prints every file with its raw and
 * gzip -9 bytes, then one line per budget with its total and limit, `size: N passed, N failed`, and exits
 * 1 when a budget is exceeded or its files are missing.
 *
 *   node scripts/size.ts [DIR]    another build folder (default .output/chrome-mv3)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS, type Budget } from './size-budget.ts';

export interface Measured {
  budget: Budget;
  files: { path: string; raw: number; gzip: number }[];
  /** Raw or gzip bytes, as the budget measures. */
  total: number;
  ok: boolean;
  /** With `perPage`: the page counted (the heaviest). */
  page?: string;
  /** Why it could not be measured (a file missing). */
  problem?: string;
}

interface Manifest {
  content_scripts?: { matches?: string[]; js?: string[]; css?: string[] }[];
}

/** The files a budget counts in the build folder `dir`, before the `perPage` addition. */
function filesOf(dir: string, b: Budget): string[] {
  const out = [...(b.files ?? [])];
  if (b.page) {
    const html = readFileSync(join(dir, b.page), 'utf8');
    for (const m of html.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)) if (m[1] && !out.includes(m[1])) out.push(m[1]);
  }
  if (b.contentScriptsOn) {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    for (const cs of manifest.content_scripts ?? [])
      if (cs.matches?.includes(b.contentScriptsOn)) out.push(...(cs.js ?? []), ...(cs.css ?? []));
  }
  return out;
}

/**
 * The stylesheets a page holds itself (`<style>`, scripts/inline-css.ts puts its own there): counted as the
 * files they were, each under the page's name.
 */
function inlineOf(dir: string, b: Budget): { path: string; bytes: Buffer }[] {
  if (!b.page) return [];
  const html = readFileSync(join(dir, b.page), 'utf8');
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m, i) => ({
    path: `${b.page} <style>${i > 0 ? ` ${i + 1}` : ''}`,
    bytes: Buffer.from(m[1] ?? '', 'utf8'),
  }));
}

export function measureBudgets(dir: string): Measured[] {
  const sized = (path: string, bytes: Buffer) => ({ path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  const size = (path: string) => sized(path, readFileSync(join(dir, path)));
  return BUDGETS.map((budget) => {
    let paths: string[];
    let inline: { path: string; bytes: Buffer }[];
    try {
      paths = filesOf(dir, budget);
      inline = inlineOf(dir, budget);
    } catch (error) {
      return { budget, files: [], total: 0, ok: false, problem: String(error).split('\n')[0] };
    }
    const missing = paths.filter((p) => !existsSync(join(dir, p)));
    if (paths.length === 0 || missing.length > 0)
      return {
        budget,
        files: [],
        total: 0,
        ok: false,
        problem: missing.length ? `missing: ${missing.join(', ')}` : 'no file found',
      };
    const files = [...paths.map(size), ...inline.map((f) => sized(f.path, f.bytes))];
    if (budget.perPage) {
      const extra = Object.entries(budget.perPage);
      const gone = [...new Set(extra.flatMap(([, more]) => more))].filter((p) => !existsSync(join(dir, p)));
      if (gone.length > 0) return { budget, files: [], total: 0, ok: false, problem: `missing: ${gone.join(', ')}` };
      const weight = (more: string[]) => more.map(size).reduce((n, f) => n + f[budget.measure], 0);
      const [page, heaviest] = extra.sort((a, b) => weight(b[1]) - weight(a[1]))[0] ?? [];
      if (heaviest) files.push(...heaviest.map(size));
      if (page) return done(budget, files, page);
    }
    return done(budget, files);
  });
}

function done(budget: Budget, files: Measured['files'], page?: string): Measured {
  const total = files.reduce((n, f) => n + f[budget.measure], 0);
  return { budget, files, total, ok: total <= budget.limit, ...(page ? { page } : {}) };
}

export const bytes = (n: number) => `${n.toLocaleString('en-US')} B`;
export const limitText = (b: Budget) =>
  `≤ ${bytes(b.limit)} ${b.measure} (${b.limit / 1024} KB)${b.goal ? `; goal ${b.goal / 1024} KB, not reached` : ''}`;

if (import.meta.main) {
  const dir = resolve(process.argv[2] ?? '.output/chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json'))) {
    console.log(`FAIL no build in ${dir}: run \`npx wxt build\` first`);
    console.log('size: 0 passed, 1 failed');
    process.exitCode = 1;
  } else report(dir);
}

function report(dir: string) {
  const results = measureBudgets(dir);
  for (const r of results) {
    console.log(
      `${r.ok ? 'ok  ' : 'FAIL'} ${r.budget.label}${r.page ? ` (heaviest page: ${r.page})` : ''}: ${r.problem ?? `${bytes(r.total)} ${r.budget.measure}`}, limit ${limitText(r.budget)}`,
    );
    for (const f of r.files) console.log(`       ${f.path}: ${bytes(f.raw)} raw, ${bytes(f.gzip)} gzip`);
    if (!r.ok && !r.problem)
      console.log(`       over by ${bytes(r.total - r.budget.limit)} — scripts/size-budget.ts holds the limits`);
  }
  const failed = results.filter((r) => !r.ok).length;
  console.log(`size: ${results.length - failed} passed, ${failed} failed`);
  // exitCode, not exit(): a pipe may still hold the last lines (it shrinks to a page under load), and exit() drops them.
  process.exitCode = failed ? 1 : 0;
}
