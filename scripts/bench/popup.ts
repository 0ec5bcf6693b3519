/**
 * The popup's first paint against an empty extension page (scripts/bench/browser.ts): both opened as a
 * tab of their own extension, alternating, `runs` times each. Per open: first contentful paint (the
 * paint timeline), "checklist rendered" (the mark `gmail-odoo:checklist` the popup sets once its
 * checklist is drawn from the stored snapshot, entrypoints/popup/App.tsx; the empty page sets it once it
 * has read storage and written its line) and the layout shift summed over the open (PerformanceObserver
 * `layout-shift`, from the first byte to two frames after the mark).
 */
import type { Pair } from './browser.ts';

export interface PopupRuns {
  fcp: { real: number[]; empty: number[] };
  checklist: { real: number[]; empty: number[] };
  shift: { real: number[]; empty: number[] };
}

/** Runs in the page before its own scripts: keeps every layout shift of this document. */
function observeShifts() {
  const w = window as unknown as { __shift: number; __shiftObserver: PerformanceObserver };
  w.__shift = 0;
  const add = (list: PerformanceEntry[]) => {
    for (const e of list as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!e.hadRecentInput) w.__shift += e.value;
  };
  w.__shiftObserver = new PerformanceObserver((l) => add(l.getEntries()));
  w.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
}

export async function measurePopup({ context, real, empty }: Pair, runs: number): Promise<PopupRuns> {
  const out: PopupRuns = { fcp: { real: [], empty: [] }, checklist: { real: [], empty: [] }, shift: { real: [], empty: [] } };
  const urls = { real: `chrome-extension://${real}/popup.html`, empty: `chrome-extension://${empty}/empty.html` };
  for (let i = 0; i < runs; i++) {
    for (const kind of i % 2 === 0 ? (['real', 'empty'] as const) : (['empty', 'real'] as const)) {
      const page = await context.newPage();
      await page.addInitScript(observeShifts);
      await page.goto(urls[kind]);
      await page.waitForFunction(
        () =>
          performance.getEntriesByName('gmail-odoo:checklist').length > 0 &&
          performance.getEntriesByName('first-contentful-paint').length > 0,
      );
      const r = await page.evaluate(
        () =>
          new Promise<{ fcp: number; checklist: number; shift: number }>((done) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const w = window as unknown as { __shift: number; __shiftObserver: PerformanceObserver };
                for (const e of w.__shiftObserver.takeRecords() as (PerformanceEntry & {
                  value: number;
                  hadRecentInput: boolean;
                })[])
                  if (!e.hadRecentInput) w.__shift += e.value;
                done({
                  fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
                  checklist: performance.getEntriesByName('gmail-odoo:checklist')[0]?.startTime ?? Number.NaN,
                  shift: w.__shift,
                });
              }),
            ),
          ),
      );
      await page.close();
      out.fcp[kind].push(r.fcp);
      out.checklist[kind].push(r.checklist);
      out.shift[kind].push(r.shift);
    }
  }
  return out;
}
