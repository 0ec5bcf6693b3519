/**
 * The benchmark's rows measured against an empty extension in the same run: the popup's first paint and
 * layout shift (popup.ts), the service worker's wake-up (worker.ts). Builds the empty extension
 * (test/fixtures/empty-extension → .cache/bench-empty) and loads it beside the production build.
 *
 *   node scripts/bench/baselines.ts [RUNS]   these rows alone, printed (the production build must exist)
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launchPair, ms, percentile, versus } from './browser.ts';
import { measurePopup } from './popup.ts';
import { measureWorker } from './worker.ts';

export interface BaselineRow {
  measure: string;
  value: string;
  goal: string;
  method: string;
}

export async function baselines(prod: string, runs: number, log: (line: string) => void): Promise<BaselineRow[]> {
  log('empty extension: wxt build test/fixtures/empty-extension');
  const build = spawnSync('npx', ['wxt', 'build', 'test/fixtures/empty-extension'], { encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`empty extension build failed: ${build.stderr.slice(-2000)}`);
  const pair = await launchPair(prod);
  try {
    log(`popup: ${runs} opens each, popup.html and the empty page, alternating`);
    const p = await measurePopup(pair, runs);
    log(`service worker: ${runs} wakes each, alternating`);
    const w = await measureWorker(pair, runs);
    const same = `production build and test/fixtures/empty-extension (same WXT) in one Chromium, ${runs} each, alternating; the interval: 95% percentile bootstrap of the ratio of medians (scripts/bench/stats.ts)`;
    const pages = `${same}; popup.html and the empty page opened as tabs`;
    return [
      {
        measure: 'popup: first contentful paint',
        value: versus(p.fcp.real, p.fcp.empty),
        goal: '≤ 1.3× empty',
        method: `${pages}; paint timeline first-contentful-paint`,
      },
      {
        measure: 'popup: checklist rendered',
        value: versus(p.checklist.real, p.checklist.empty),
        goal: '≤ 1.3× empty',
        method: `${pages}; mark gmail-odoo:checklist (popup: checklist drawn from the stored snapshot; empty page: storage read, one line written)`,
      },
      {
        measure: 'popup: layout shift',
        value: `max ${Math.max(...p.shift.real).toFixed(4)}, p50 ${percentile(p.shift.real, 50).toFixed(4)} (empty: max ${Math.max(...p.shift.empty).toFixed(4)})`,
        goal: '0',
        method: `${pages}; PerformanceObserver layout-shift summed from the first byte to two frames after the mark`,
      },
      {
        measure: 'service worker: wake-up → reply',
        value: `${versus(w.real, w.empty)}; p95 ${ms(percentile(w.real, 95))} vs ${ms(percentile(w.empty, 95))}`,
        goal: '≤ 1.5× empty (p50)',
        method: `${same}; both workers stopped (CDP ServiceWorker.stopAllWorkers, until each reports stopped), then pendingCredentials (sent by the popup on open) from an extension page, runtime.sendMessage → reply`,
      },
    ];
  } finally {
    await pair.close();
  }
}

if (import.meta.main) {
  const rows = await baselines(resolve('.output/chrome-mv3'), Number(process.argv[2] ?? 20), (l) => console.error(l));
  for (const r of rows) console.log(`${r.measure}: ${r.value} (goal ${r.goal})`);
}
