/**
 * The size gate (scripts/size.ts) on a build folder of its own: each budget of scripts/size-budget.ts
 * passes at its limit and fails one byte over it, counts the files it says it counts (what popup.html
 * loads or holds inline, the Console's content scripts, the part injected beside the assistant on its heaviest page), and fails when a file is
 * missing — so the gate cannot silently pass on a renamed bundle.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { STEP_PARTS } from '../../lib/console/groups/pages.ts';
import { measureBudgets } from '../../scripts/size.ts';
import { BUDGETS } from '../../scripts/size-budget.ts';

const root = mkdtempSync(join(tmpdir(), 'size-gate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Random bytes: gzip cannot shrink them, so a file's gzip size is its raw size plus a few bytes. */
const noise = (n: number) => randomBytes(n);

const MANIFEST = JSON.stringify({
  background: { service_worker: 'background.js' },
  content_scripts: [
    { matches: ['https://console.cloud.google.com/*'], js: ['content-scripts/console.js'] },
    { matches: ['https://accounts.google.com/signin/oauth/error*'], js: ['content-scripts/signin-error.js'] },
  ],
});
const POPUP_HTML =
  '<script type="module" crossorigin src="/chunks/popup-abc.js"></script><link rel="stylesheet" crossorigin href="/assets/popup-def.css">';

function build(name: string, files: Record<string, Buffer | string>): string {
  const dir = join(root, name);
  const all = { 'manifest.json': MANIFEST, 'popup.html': POPUP_HTML, ...files };
  for (const [path, body] of Object.entries(all)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), body);
  }
  return dir;
}

/** Every step part the background injects with the assistant (lib/console/groups/pages.ts), small. */
const STEP_FILES = Object.fromEntries(STEP_PARTS.map((part) => [`console-${part}.js`, noise(100)]));
const small = {
  ...STEP_FILES,
  'chunks/popup-abc.js': noise(1000),
  'assets/popup-def.css': noise(200),
  'background.js': noise(1000),
  'console-assistant.js': noise(1000),
  'content-scripts/console.js': noise(1000),
  'content-scripts/signin-error.js': noise(200_000),
};
const byLabel = (dir: string, label: string) => {
  const m = measureBudgets(dir).find((r) => r.budget.label === label);
  if (!m) throw new Error(`no budget ${label}`);
  return m;
};

describe('size gate (scripts/size.ts)', () => {
  it('passes a small build and counts exactly the files each budget names', () => {
    const dir = build('small', small);
    const results = measureBudgets(dir);
    expect(results.map((r) => [r.budget.label, r.ok])).toEqual(BUDGETS.map((b) => [b.label, true]));
    expect(byLabel(dir, 'popup JS + CSS').files.map((f) => f.path)).toEqual(['chunks/popup-abc.js', 'assets/popup-def.css']);
    expect(byLabel(dir, 'Console loader (content script on every Console page)').files.map((f) => f.path)).toEqual([
      'content-scripts/console.js',
    ]);
    const popup = byLabel(dir, 'popup JS + CSS');
    const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
    expect(popup.total).toBe(gz(small['chunks/popup-abc.js']) + gz(small['assets/popup-def.css']));
  });

  it.each(BUDGETS.map((b) => [b.label, b] as const))('fails one byte over the limit: %s', (label, budget) => {
    // A file in the budget grown until the total is just over; gzip of noise is raw + a few bytes.
    const target =
      budget.page !== undefined
        ? 'chunks/popup-abc.js'
        : budget.contentScriptsOn !== undefined
          ? 'content-scripts/console.js'
          : (budget.files?.[0] ?? '');
    let n = budget.limit - 400;
    let over = byLabel(build(`grow-${n}`, { ...small, [target]: noise(n) }), label);
    while (over.ok) {
      n += Math.max(1, budget.limit - over.total + 1);
      over = byLabel(build(`grow-${label.length}-${n}`, { ...small, [target]: noise(n) }), label);
    }
    expect(over.total).toBeGreaterThan(budget.limit);
    expect(over.total - budget.limit).toBeLessThan(64);
    expect(over.ok).toBe(false);
  });

  it('counts a stylesheet the page holds itself (<style>) as the file it was', () => {
    const css = 'main{padding:12px 14px 16px}header{display:flex;gap:10px}'.repeat(20);
    const dir = build('inline-style', {
      ...small,
      'popup.html': `<script type="module" crossorigin src="/chunks/popup-abc.js"></script><style>${css}</style>`,
    });
    const popup = byLabel(dir, 'popup JS + CSS');
    expect(popup.files.map((f) => f.path)).toEqual(['chunks/popup-abc.js', 'popup.html <style>']);
    const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;
    expect(popup.total).toBe(gz(small['chunks/popup-abc.js']) + gz(Buffer.from(css)));
  });

  it('adds what is injected beside the assistant on the page where it weighs most', () => {
    const dir = build('injected', {
      ...small,
      'console-step-branding.js': noise(3000),
      'console-step-audience.js': noise(2000),
      // Loaded on a click, never with the core on a page: not counted, however heavy.
      'console-report.js': noise(5000),
    });
    const assistant = byLabel(dir, 'Console assistant');
    expect(assistant.files.map((f) => f.path)).toEqual(['console-assistant.js', 'console-step-branding.js']);
    expect(assistant.page).toBe('branding');
  });

  it('fails when the part of a journey page is missing', () => {
    const rest: Record<string, Buffer> = { ...small };
    delete rest['console-step-client-details.js'];
    const r = byLabel(build('missing-part', rest), 'Console assistant');
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/missing: console-step-client-details\.js/);
  });

  it('fails when a counted file is missing', () => {
    const { 'background.js': _gone, ...rest } = small;
    const r = byLabel(build('missing', rest), 'background');
    expect(r.ok).toBe(false);
    expect(r.problem).toMatch(/missing: background\.js/);
  });
});
