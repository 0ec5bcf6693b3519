/**
 * The popup checklist in real Firefox ESR against the fake Odoo: the same journey as
 * test/e2e/popup.spec.ts in Chromium, plus what only Firefox does — the permission is granted by the
 * extension's own `permissions.request()` (no pre-grant in the Firefox test build), the background is an
 * event page, and Firefox closes the popup when its permission doorhanger opens.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { FAKE_CLIENT_ID } from '../support/builders';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, loginToOdoo, stepState, waitForStep } from './harness.ts';

const ODOO_PATTERN = 'http://127.0.0.1/*';

let firefox: FirefoxSession;
let odoo: FakeOdoo;

beforeEach(async () => {
  odoo = await startFakeOdoo();
});
afterEach(async () => {
  await firefox.close();
  await odoo?.stop();
});

/** What the extension holds for the fake Odoo's origin, read from an extension page. */
const originGranted = (page: import('puppeteer-core').Page) =>
  page.evaluate(
    (pattern) => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: [pattern] }),
    ODOO_PATTERN,
  );

describe('popup in Firefox against the fake Odoo', () => {
  beforeEach(async () => {
    firefox = await launchFirefox();
  });

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
    // The session first; then the probe's reads leave together (lib/odoo/probe.ts), so they may arrive in any order.
    const [first, ...together] = rpc.map((r) => r.rpcMethod ?? r.path);
    expect(first).toBe('/web/session/get_session_info');
    expect(together.sort()).toEqual(['get_param', 'get_param', 'get_param', 'read', 'search_read']);
    expect(rpc.every((r) => r.authenticated)).toBe(true);
  });

  it('the doorhanger closes the popup right after the request: the background still saves and probes', async () => {
    await loginToOdoo(await firefox.browser.newPage(), odoo);
    const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    // What Firefox does when the permission prompt opens: the popup document goes away as soon as the
    // request is made. Nothing the popup would do after that (await the grant, ask for the probe) runs.
    await popup.evaluate(() => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser.permissions;
      const request = api.request.bind(api);
      api.request = ((p: chrome.permissions.Permissions) => {
        const pending = request(p);
        setTimeout(() => window.close(), 0);
        return pending;
      }) as typeof api.request;
    });
    await popup.type(await fieldByLabel(popup, 'Odoo URL'), odoo.origin);
    await clickButton(popup, 'Connect to Odoo');

    const again = await firefox.openExtensionPage('popup.html', { ready: 'li[data-step="odoo"]' });
    expect(await waitForStep(again, 'odoo', 'done')).toBe('Logged in to db acme as an administrator (Odoo 17.0 Community)');
    expect(await originGranted(again)).toBe(true);
    const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
    expect(rpc.length).toBeGreaterThan(0);
    expect(rpc.every((r) => r.authenticated)).toBe(true);
  });

  it('a revoked origin is shown, nothing is sent to Odoo, and Connect asks again', async () => {
    await loginToOdoo(await firefox.browser.newPage(), odoo);
    const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    await popup.type(await fieldByLabel(popup, 'Odoo URL'), odoo.origin);
    await clickButton(popup, 'Connect to Odoo');
    await waitForStep(popup, 'odoo', 'done');

    // The person turns the site off in about:addons › Permissions (same API, same events).
    await popup.evaluate(
      (pattern) => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: [pattern] }),
      ODOO_PATTERN,
    );
    expect(await waitForStep(popup, 'odoo', 'attention')).toBe(
      `Access to ${odoo.origin} was not allowed — press Connect to Odoo and accept the browser's prompt.`,
    );
    const before = odoo.requests.length;

    // Asking again is a click away, and the grant comes back from the real request.
    await clickButton(popup, 'Connect to Odoo');
    await waitForStep(popup, 'odoo', 'done');
    expect(await originGranted(popup)).toBe(true);
    expect(odoo.requests.length).toBeGreaterThan(before);
  });
});

describe('the Console host permission is revocable in Firefox', () => {
  beforeEach(async () => {
    firefox = await launchFirefox();
  });

  it('granted at install; when taken away the popup says so, and one click asks again', async () => {
    const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup' });
    const api = 'globalThis.browser.permissions';
    const consoleGranted = () =>
      popup.evaluate(
        `${api}.contains({ origins: ['https://console.cloud.google.com/*', 'https://console.developers.google.com/*'] })`,
      );
    expect(await consoleGranted()).toBe(true);
    expect(await popup.$('.notice')).toBeNull();

    // What about:addons › Permissions does when the person turns the Console off.
    expect(await popup.evaluate(`${api}.remove({ origins: ['https://console.cloud.google.com/*'] })`)).toBe(true);
    await popup.waitForSelector('.notice', { timeout: 10_000 });
    expect(await consoleGranted()).toBe(false);

    await clickButton(popup, 'Allow on Google Cloud Console');
    await popup.waitForSelector('.notice', { hidden: true, timeout: 10_000 });
    expect(await consoleGranted()).toBe(true);
  });
});

describe('the background is an event page', () => {
  it('is declared as non-persistent scripts, keeps storage.session and its alarm, and answers after it was suspended', async () => {
    // Suspend an idle event page after 1 s instead of 30 s.
    firefox = await launchFirefox({ prefs: { 'extensions.background.idle.timeout': 1000 } });
    await loginToOdoo(await firefox.browser.newPage(), odoo);
    const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    // The manifest as shipped (getManifest() would return Firefox's normalized copy).
    const manifest = await popup.evaluate(() => fetch('/manifest.json').then((r) => r.json()));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background).toEqual({ scripts: ['background.js'] });

    await popup.type(await fieldByLabel(popup, 'Odoo URL'), odoo.origin);
    await clickButton(popup, 'Connect to Odoo');
    await waitForStep(popup, 'odoo', 'done');
    const probes = () => odoo.requests.filter((r) => r.path === '/web/session/get_session_info').length;
    expect(probes()).toBe(1);

    // Idle well past the timeout, so Firefox suspends the event page; the next click wakes it, and
    // everything it needs comes from storage (no module state survives a suspension).
    const backgroundRunning = () =>
      popup.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.extension
          .getViews()
          .some((w) => w.location.pathname.includes('background')),
      );
    // The secret's store is storage.session: in Firefox it lives in the parent process's memory, so
    // it outlives the event page (and dies with the browser), unlike a module variable.
    const clientId = FAKE_CLIENT_ID;
    const reply = await popup.evaluate(
      (data) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
          id: 1,
          type: 'setCredentials',
          data,
          timestamp: Date.now(),
        }),
      { clientId, clientSecret: 'GOCSPX-abcdefghijklmnopqrstuvwxyz01', source: 'paste' },
    );
    expect(reply).toMatchObject({ res: { ok: true, value: { clientId } } });
    const sessionStore = () =>
      popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.get(null));
    const local = () =>
      popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(null));
    expect(Object.keys(await sessionStore())).toContain('credentials');
    expect(JSON.stringify(await local())).not.toContain('GOCSPX-');

    // The monitor's schedule is an alarm, created at install: it outlives the event page (the alarm,
    // not a timer, wakes it — no timer could survive the suspension below).
    const monitorAlarm = () =>
      popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.alarms.get('gmail-monitor'));
    expect(await monitorAlarm()).toMatchObject({ name: 'gmail-monitor', periodInMinutes: 360 });

    expect(await backgroundRunning()).toBe(true);
    await expect.poll(backgroundRunning, { timeout: 10_000, interval: 250 }).toBe(false);
    expect(await sessionStore()).toMatchObject({ credentials: { clientId, source: 'paste' } });
    expect(await monitorAlarm()).toMatchObject({ name: 'gmail-monitor', periodInMinutes: 360 });
    await clickButton(popup, 'Connect to Odoo');
    await expect.poll(probes, { timeout: 15_000 }).toBe(2);
    expect(await waitForStep(popup, 'odoo', 'done')).toContain('Logged in to db acme');
    expect(await backgroundRunning()).toBe(true);
  });
});
