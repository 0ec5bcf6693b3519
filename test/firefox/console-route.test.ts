/**
 * The harness piece that the Console journeys stand on: Google's real Console URLs answered
 * with local replica HTML through BiDi interception, in real Firefox, with the extension's install-time
 * host permission for the Console in effect on that tab.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { type FirefoxSession, launchFirefox, routeConsole } from './harness.ts';

const REPLICA = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>New Project – Google Cloud console</title></head>
<body><main><h1>New Project</h1><label for="name">Project name</label><input id="name" formcontrolname="projectName"></main></body></html>`;

let firefox: FirefoxSession;
let odoo: FakeOdoo;
beforeEach(async () => {
  odoo = await startFakeOdoo();
  firefox = await launchFirefox();
});
afterEach(async () => {
  await firefox.close();
  await odoo.stop();
});

describe('routeConsole', () => {
  it('serves a replica at the real Console URL, 404s unknown Console paths, lets other hosts through', async () => {
    const page = await firefox.browser.newPage();
    const route = await routeConsole(page, {
      '/projectcreate': REPLICA,
      '/auth/clients': (url) => `<!doctype html><title>Clients</title><p id="project">${url.searchParams.get('project')}</p>`,
    });

    await page.goto('https://console.cloud.google.com/projectcreate?previousPage=%2Fwelcome');
    expect(page.url()).toBe('https://console.cloud.google.com/projectcreate?previousPage=%2Fwelcome');
    expect(await page.title()).toBe('New Project – Google Cloud console');
    expect(await page.$eval('input[formcontrolname="projectName"]', (el) => el.id)).toBe('name');

    await page.goto('https://console.cloud.google.com/auth/clients?project=odoo-123');
    expect(await page.$eval('#project', (el) => el.textContent)).toBe('odoo-123');

    const missing = await page.goto('https://console.cloud.google.com/apis/dashboard');
    expect(missing?.status()).toBe(404);

    // A non-Console host is not touched by the route (the fake Odoo answers it).
    await page.goto(`${odoo.origin}/web/login`);
    expect(await page.title()).toBe('Login | Odoo');
    expect(odoo.requests.some((r) => r.path === '/web/login')).toBe(true);

    expect(route.requested.filter((u) => !u.endsWith('/favicon.ico'))).toEqual([
      'https://console.cloud.google.com/projectcreate?previousPage=%2Fwelcome',
      'https://console.cloud.google.com/auth/clients?project=odoo-123',
      'https://console.cloud.google.com/apis/dashboard',
    ]);
  });

  it('the extension holds the Console host permission and sees the routed tab as Google', async () => {
    const page = await firefox.browser.newPage();
    await routeConsole(page, { '/projectcreate': REPLICA });
    await page.goto('https://console.cloud.google.com/projectcreate');

    const ext = await firefox.openExtensionPage('popup.html', { ready: 'form.setup' });
    const seen = await ext.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const granted = await api.permissions.contains({
        origins: ['https://console.cloud.google.com/*', 'https://console.developers.google.com/*'],
      });
      // Only a host permission lets tabs.query match (and read) a tab's URL without the "tabs" permission.
      const tabs = await api.tabs.query({ url: 'https://console.cloud.google.com/*' });
      return { granted, urls: tabs.map((t) => t.url) };
    });
    expect(seen).toEqual({ granted: true, urls: ['https://console.cloud.google.com/projectcreate'] });
  });
});
