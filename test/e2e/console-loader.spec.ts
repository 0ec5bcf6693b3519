/**
 * How the Console assistant is loaded (docs/console.md › How the assistant is loaded): the
 * manifest's content script is a small loader; the assistant's bundle is injected by the background only
 * when a page of the journey shows — after a single-page navigation too — once per document, into the top
 * frame. Which scripts ran in the page is read from Chromium's DevTools protocol (`Debugger.scriptParsed`
 * lists the extension's content scripts with their isolated world).
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { assistant, CONFIGURED, CONSOLE, replicaLoads, replicaState, seedSetup, serveConsole } from './console-fixtures.ts';
import { expect, test } from './fixtures.ts';

const LOADER = '/content-scripts/console.js';
const ASSISTANT = '/console-assistant.js';
/** The part holding the client-create page's step, injected right after the core (docs/console.md › Parts). */
const CLIENT_STEPS = '/console-step-client-create.js';

/** Every script Chromium parses in the page, with when; and the extension's isolated world. */
async function watchScripts(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const parsed: { url: string; at: number; world: number }[] = [];
  let extensionWorld = 0;
  cdp.on('Debugger.scriptParsed', (e) => {
    if (e.url.startsWith('chrome-extension://'))
      parsed.push({ url: new URL(e.url).pathname, at: Date.now(), world: e.executionContextId });
  });
  cdp.on('Runtime.executionContextCreated', (e) => {
    if (e.context.origin.startsWith('chrome-extension://')) extensionWorld = e.context.id;
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Debugger.enable');
  return {
    parsed,
    count: (path: string) => parsed.filter((p) => p.url === path).length,
    reset: () => parsed.splice(0),
    /** Runs an expression in the extension's isolated world of the page (where the loader runs). */
    async inExtensionWorld<T>(expression: string): Promise<T> {
      const r = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: extensionWorld,
        awaitPromise: true,
        returnByValue: true,
      });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
      return r.result.value as T;
    },
  };
}

/** The replica Console of a configured project, the setup saved, and the scripts the page parses watched. */
async function configuredConsole(context: BrowserContext) {
  await serveConsole(context, { seed: CONFIGURED() });
  await seedSetup(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, scripts: await watchScripts(page) };
}

test('the assistant loads only on journey pages, after a single-page navigation too, once per document', async ({ context }) => {
  const { page, scripts } = await configuredConsole(context);
  const a = assistant(page);

  // A Console page outside the journey: the loader runs, the assistant does not come.
  await page.goto(`${CONSOLE}/apis/library?project=odoo-123456`);
  await expect.poll(() => scripts.count(LOADER)).toBe(1);
  const loaderAt = scripts.parsed[0]?.at ?? 0;
  // A negative needs a window: far longer than the injection takes on a journey page (measured below).
  await page.waitForTimeout(2000);
  expect(scripts.count(ASSISTANT)).toBe(0);
  expect(await page.locator('gmail-odoo-assistant').count()).toBe(0);

  // The Console's own menu: a single-page navigation to Branding. Now the assistant comes, once.
  const clickedAt = Date.now();
  await page.getByRole('navigation').getByRole('link', { name: 'Branding' }).click();
  await expect(a.main).toHaveText('Fill in and save authorized domain odoo.com');
  expect(scripts.count(ASSISTANT)).toBe(1);
  const injectedAt = scripts.parsed.find((p) => p.url === ASSISTANT)?.at ?? 0;
  expect(injectedAt).toBeGreaterThan(clickedAt);
  expect(injectedAt - loaderAt).toBeGreaterThan(2000);
  const latency = injectedAt - clickedAt;
  console.log(`assistant injected ${latency} ms after the navigation (the negative window above: 2000 ms)`);
  expect(latency).toBeLessThan(2000);

  // It stays the only one: the next pages are the assistant's own business.
  await page.getByRole('navigation').getByRole('link', { name: 'Audience' }).click();
  await expect(a.main).toHaveText('Fill in and save test user me@gmail.com');
  expect(scripts.count(ASSISTANT)).toBe(1);
  expect(await replicaLoads(page)).toBe(1);

  // A second request for the same document (as a retried message would make): the background injects
  // again, the copy sees the running assistant and does not start — one panel, and it still works.
  const reply = await scripts.inExtensionWorld<{ res?: { ok: boolean } }>(
    `chrome.runtime.sendMessage({ id: 1, type: 'loadConsoleAssistant', data: { page: 'audience' }, timestamp: Date.now() })`,
  );
  expect(reply.res).toEqual({ ok: true, value: null });
  await expect.poll(() => scripts.count(ASSISTANT)).toBe(2);
  expect(await page.locator('gmail-odoo-assistant').count()).toBe(1);
  await expect(a.main).toHaveText('Fill in and save test user me@gmail.com');
  // Saved, then the journey goes on to the next page: a new document — loader, then the assistant and its page's part at once.
  scripts.reset();
  await a.main.click();
  await page.waitForURL(/\/auth\/clients\/create\?project=odoo-123456$/);
  expect((await replicaState(page)).consent?.testUsers).toEqual(['me@gmail.com']);
  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  expect(scripts.parsed.map((p) => p.url)).toEqual([LOADER, ASSISTANT, CLIENT_STEPS]);
});

test('a page in the journey opened directly: loader first, then the assistant and its part in the same isolated world', async ({
  context,
}) => {
  const { page, scripts } = await configuredConsole(context);
  await page.goto(`${CONSOLE}/auth/clients/create?project=odoo-123456`);
  await expect(assistant(page).main).toHaveText('Fill in and create OAuth client Odoo');
  expect(scripts.parsed.map((p) => p.url)).toEqual([LOADER, ASSISTANT, CLIENT_STEPS]);
  // Both run in the extension's isolated world, not in the Console's own world.
  expect(new Set(scripts.parsed.map((p) => p.world)).size).toBe(1);
  expect(await page.evaluate(() => '__gmailOdooAssistant' in window)).toBe(false);
  expect(await scripts.inExtensionWorld<boolean>('globalThis.__gmailOdooAssistant instanceof AbortSignal')).toBe(true);
});
