/**
 * Playwright fixtures: a fresh Chromium profile with the built extension, its service worker and id,
 * the popup opened as a window of its own (as a person sees it, it is not a tab of the page), and a
 * fake Odoo per test. Recipe: docs/evidence/toolchain.md §6.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page, type Worker } from '@playwright/test';
import { type FakeOdoo, type FakeOdooOptions, startFakeOdoo } from '../fake-odoo/server.ts';

export const EXTENSION_DIR = resolve(process.env.EXTENSION_DIR ?? '.output/chrome-mv3-e2e');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium with the extension loaded. `lang`: its UI language (on Linux Chromium takes it from --lang
 * and the LANGUAGE environment variable); `extraArgs`: e.g. `--host-resolver-rules` to serve a
 * real-looking Odoo domain from this machine; `extensionDir`: another unpacked build (e.g. a copy whose
 * manifest grants that domain up front).
 */
export async function launchBrowser(
  userDataDir: string,
  {
    lang = 'en',
    extraArgs = [],
    extensionDir = EXTENSION_DIR,
  }: { lang?: 'en' | 'vi'; extraArgs?: string[]; extensionDir?: string } = {},
): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    env: { ...process.env, LANGUAGE: lang, LANG: lang === 'vi' ? 'vi_VN.UTF-8' : 'en_US.UTF-8' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--lang=${lang === 'vi' ? 'vi' : 'en-US'}`,
      ...extraArgs,
    ],
  });
}

export async function serviceWorkerOf(context: BrowserContext): Promise<Worker> {
  const [sw] = context.serviceWorkers();
  return sw ?? context.waitForEvent('serviceworker');
}

/**
 * Opens the popup page in a popup window, as `chrome.windows.create` does for small UIs. `query` tells
 * this window apart from another copy of the popup (the real toolbar popup, see journey.spec.ts).
 */
export async function openPopup(context: BrowserContext, extensionId: string, query = '', heading = 'Checklist'): Promise<Page> {
  const sw = await serviceWorkerOf(context);
  const url = `chrome-extension://${extensionId}/popup.html${query}`;
  const [page] = await Promise.all([
    context.waitForEvent('page', (p) => p.url().startsWith(url)),
    sw.evaluate((u) => chrome.windows.create({ url: u, type: 'popup', width: 420, height: 700 }), url),
  ]);
  await page.waitForLoadState('domcontentloaded');
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  return page;
}

/**
 * A copy of the e2e build whose manifest also holds `origin`: Chromium's permission prompt for the Odoo
 * origin cannot be answered by a test driver (wxt.config.ts, e2e mode), so the copy stands for the person's
 * "Allow" — permissions.request() then resolves at once and the same code runs. Returns its folder.
 */
export function extensionAllowing(dir: string, origin: string): string {
  const extension = join(dir, 'extension');
  cpSync(EXTENSION_DIR, extension, { recursive: true });
  const manifestFile = join(extension, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), `${origin}/*`];
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return extension;
}

/** Waits for the extension's notification `id` (the monitor's "Gmail is connected to Odoo", …). */
export async function notified(sw: Worker, id: string): Promise<void> {
  await expect
    .poll(() => sw.evaluate(() => chrome.notifications.getAll().then((n) => Object.keys(n))), { timeout: 20_000 })
    .toContain(id);
}

/** Signs in through Odoo's own login form, so the browser holds a real HttpOnly session cookie. */
export async function loginToOdoo(page: Page, odoo: FakeOdoo, login = 'admin', password = login): Promise<void> {
  await page.goto(`${odoo.origin}/web/login`);
  await page.getByLabel('Email').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname === '/web' || url.pathname.startsWith('/odoo'));
}

/** The checklist row of a step: its state and its one-line "what next". */
export function stepRow(popup: Page, id: string) {
  const row = popup.locator(`li[data-step="${id}"]`);
  return { row, state: () => row.getAttribute('data-state'), next: row.locator('.step-next') };
}

interface Fixtures {
  userDataDir: string;
  context: BrowserContext;
  extensionId: string;
  odooOptions: FakeOdooOptions;
  odoo: FakeOdoo;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'gmail-odoo-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  context: async ({ userDataDir }, use) => {
    const context = await launchBrowser(userDataDir);
    await use(context);
    await context.close();
  },
  extensionId: async ({ context }, use) => {
    const sw = await serviceWorkerOf(context);
    await use(new URL(sw.url()).host);
  },
  odooOptions: [{}, { option: true }],
  odoo: async ({ odooOptions }, use) => {
    const odoo = await startFakeOdoo(odooOptions);
    await use(odoo);
    await odoo.stop();
  },
});

export { expect };
