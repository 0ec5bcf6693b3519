/**
 * One Chromium session for the benchmark's baselines: the real extension (the production build) and the
 * empty one (test/fixtures/empty-extension, built with the same WXT into .cache/bench-empty) loaded side
 * by side, so both are measured in the same run, alternating, under the same load.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { launchBrowser } from '../../test/e2e/fixtures.ts';
import { ratioInterval } from './stats.ts';

export const EMPTY_DIR = resolve('.cache/bench-empty/chrome-mv3');

export interface Pair {
  context: BrowserContext;
  /** Extension ids. */
  real: string;
  empty: string;
  close: () => Promise<void>;
}

export async function launchPair(realDir: string, emptyDir = EMPTY_DIR): Promise<Pair> {
  const dir = mkdtempSync(join(tmpdir(), 'gmail-odoo-bench-'));
  // The tests' own launch (flags: docs/evidence/toolchain.md §6), with both unpacked extensions loaded.
  const context = await launchBrowser(dir, { extensionDir: `${realDir},${emptyDir}` });
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    while (context.serviceWorkers().length < 2) await context.waitForEvent('serviceworker');
    const ids: Record<string, string> = {};
    for (const sw of context.serviceWorkers()) {
      const name = await sw.evaluate(() => chrome.runtime.getManifest().name);
      ids[name === 'bench-empty' ? 'empty' : 'real'] = new URL(sw.url()).host;
    }
    if (!ids.real || !ids.empty) throw new Error(`extensions not both loaded: ${JSON.stringify(ids)}`);
    return { context, real: ids.real, empty: ids.empty, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? Number.NaN;
}
export const ms = (x: number) => `${x.toFixed(1)} ms`;
/**
 * `p50 A vs B empty = R×`: the real extension's median beside the empty one's, and their ratio; for the median,
 * with the ratio's 95% bootstrap interval (./stats.ts) — what one run of this many opens can tell.
 */
export function versus(real: number[], empty: number[], p = 50): string {
  const ratio = `p${p} ${ms(percentile(real, p))} vs ${ms(percentile(empty, p))} empty = ${(percentile(real, p) / percentile(empty, p)).toFixed(2)}×`;
  if (p !== 50) return ratio;
  const [low, high] = ratioInterval(real, empty);
  return `${ratio} (95% interval ${low.toFixed(2)}–${high.toFixed(2)}×)`;
}
