/**
 * The session cookie on a real-looking HTTPS Odoo domain, from Firefox's background page
 * (toolchain.md §11 left this unchecked): `https://acme.odoo.com:<port>` resolves to this machine
 * (pref network.dns.localDomains) and a TLS front with a throw-away self-signed certificate forwards to
 * the fake Odoo. The login form sets `session_id` (HttpOnly, SameSite=Lax) for acme.odoo.com; the
 * extension's probe from the background must carry it — site-based cookie rules (SameSite, Firefox's
 * Total Cookie Protection) apply to a domain here, not to a bare IP as in popup.test.ts.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, waitForStep } from './harness.ts';
import { startTlsFront, type TlsFront } from './tls-front.ts';

const HOST = 'acme.odoo.com';
let odoo: FakeOdoo;
let front: TlsFront;
let origin: string;
let firefox: FirefoxSession;

beforeEach(async () => {
  odoo = await startFakeOdoo({ proxyMode: true });
  front = await startTlsFront(odoo, HOST);
  origin = front.origin;
  firefox = await launchFirefox({ prefs: { 'network.dns.localDomains': HOST }, acceptInsecureCerts: true });
});
afterEach(async () => {
  await firefox.close();
  await front.close();
  await odoo.stop();
});

it('Firefox background fetches to https://acme.odoo.com carry the HttpOnly SameSite=Lax session cookie', async () => {
  const tab = await firefox.browser.newPage();
  await tab.goto(`${origin}/web/login`);
  await tab.type('#login', 'admin');
  await tab.type('#password', 'admin');
  await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
  expect(new URL(tab.url()).host).toBe(new URL(origin).host);

  const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
  await popup.type(await fieldByLabel(popup, 'Odoo URL'), origin);
  await clickButton(popup, 'Connect to Odoo');
  expect(await waitForStep(popup, 'odoo', 'done')).toBe('Logged in to db acme as an administrator (Odoo 17.0 Community)');

  const granted = await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll());
  expect(granted.origins).toContain(`https://${HOST}/*`);
  const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
  // The session first; then the probe's reads leave together (lib/odoo/probe.ts), so they may arrive in any order.
  const [first, ...together] = rpc.map((r) => r.rpcMethod ?? r.path);
  expect(first).toBe('/web/session/get_session_info');
  expect(together.sort()).toEqual(['get_param', 'get_param', 'get_param', 'read', 'search_read']);
  expect(rpc.every((r) => r.authenticated)).toBe(true);
  // The requests came from the extension (its moz-extension:// origin), not from the Odoo tab.
  expect(rpc.every((r) => r.origin === undefined || r.origin.startsWith('moz-extension://'))).toBe(true);
});
