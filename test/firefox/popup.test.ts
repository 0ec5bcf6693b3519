/**
 * The popup checklist in real Firefox ESR against the fake Odoo: the same journey as
 * test/e2e/popup.spec.ts in Chromium, plus what only Firefox does — the permission is granted by the
 * extension's own `permissions.request()` (no pre-grant in the Firefox test build), the background is an
 * event page, and Firefox closes the popup when its permission doorhanger opens.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, loginToOdoo, stepState, waitForStep } from './harness.ts';

const ODOO_PATTERN = 'http://127.0.0.1/*';

let firefox: FirefoxSession;
let odoo: FakeOdoo;

beforeEach(async () => {
  odoo = await startFakeOdoo();
  firefox = await launchFirefox();
});
afterEach(async () => {
  await firefox?.close();
  await odoo?.stop();
});

/** What the extension holds for the fake Odoo's origin, read from an extension page. */
const originGranted = (page: import('puppeteer-core').Page) =>
  page.evaluate(
    (pattern) => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: [pattern] }),
    ODOO_PATTERN,
  );

describe('popup in Firefox against the fake Odoo', () => {
  it('17.0 administrator: Connect asks for the origin, probes with the session cookie, checklist turns green', async () => {
    const tab = await firefox.browser.newPage();
    await loginToOdoo(tab, odoo);

    const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    // Nothing granted before the click: the Firefox test build carries no pre-grant.
    expect(await originGranted(popup)).toBe(false);
    const manifest = await popup.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getManifest(),
    );
    expect(manifest.host_permissions).not.toContain(ODOO_PATTERN);
    expect(manifest.optional_host_permissions).toContain('http://*/*');

    await popup.type(await fieldByLabel(popup, 'Odoo URL'), odoo.origin);
    await clickButton(popup, 'Connect to Odoo');

    expect(await waitForStep(popup, 'odoo', 'done')).toBe('Logged in to db acme as an administrator (Odoo 17.0 Community)');
    expect((await stepState(popup, 'module')).state).toBe('done');

    // The extension's own permissions.request() granted exactly the fake Odoo's origin.
    expect(await originGranted(popup)).toBe(true);
    const all = await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll());
    expect(all.origins).toContain(ODOO_PATTERN);
    expect(all.origins).not.toContain('http://*/*');

    // Every RPC from Firefox's background page carried the HttpOnly SameSite=Lax session cookie.
    const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
    expect(rpc.map((r) => r.rpcMethod ?? r.path)).toEqual(['/web/session/get_session_info', 'read', 'search_read']);
    expect(rpc.every((r) => r.authenticated)).toBe(true);
  });
});
