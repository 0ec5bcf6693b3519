/**
 * "Connect my own Gmail" in real Firefox ESR — the same path as test/e2e/personal.spec.ts in Chromium: an Odoo
 * 19.0 user who is not an administrator, signed in at https://acme.odoo.com (a real login form), connects the
 * popup to Odoo (the real permission grant), is offered the short path, clicks it, and Google's two screens
 * (the stand-in: choose the account, Allow) send the browser back to Odoo's preferences
 * (`/odoo/my-preferences/<uid>`, captures fact 25), where the background runs the user's test (fact 26).
 * Every host is the real one on port 443, served on this machine by `startSiteProxy`.
 */
import { afterEach, expect, it } from 'vitest';
import { ADMIN, companyClientForPersonalServers, USER1 } from '../fake-odoo/db.ts';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { googleSite, odooSite } from '../support/sites.ts';
import { extensionStorage } from './console-replica.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, tabOpenedAt, waitForStep } from './harness.ts';
import { type SiteProxy, startSiteProxy } from './site-proxy.ts';

const ODOO = 'https://acme.odoo.com';
const CLIENT = { clientId: '123456789012-personal.apps.googleusercontent.com', clientSecret: 'GOCSPX-personal-firefox' };
let odoo: FakeOdoo;
let proxy: SiteProxy;
let firefox: FirefoxSession;

afterEach(async () => {
  await firefox?.close();
  await proxy?.close();
  await odoo?.stop();
});

it('a user who is not an administrator connects their own Gmail: the consent, the return to the preferences, the test', async () => {
  odoo = await startFakeOdoo({ version: '19.0', users: [ADMIN, USER1], proxyMode: true });
  odoo.db.params.set('web.base.url', ODOO);
  companyClientForPersonalServers(odoo.db, CLIENT, `${ODOO}/google_gmail/confirm`, ['user1@gmail.com']);
  odoo.google.signIn('user1@gmail.com');
  odoo.google.accountChooser = true;
  proxy = await startSiteProxy({ 'acme.odoo.com': odooSite(odoo), 'accounts.google.com': googleSite(odoo) });
  firefox = await launchFirefox({ prefs: proxy.prefs, acceptInsecureCerts: true });

  const tab = await firefox.browser.newPage();
  await tab.goto(`${ODOO}/web/login`);
  await tab.type('#login', 'user1');
  await tab.type('#password', 'user1');
  await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
  const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
  await popup.type(await fieldByLabel(popup, 'Odoo URL'), ODOO);
  await clickButton(popup, 'Connect to Odoo');
  await waitForStep(popup, 'odoo', 'attention');
  // The short path, with the account Odoo will accept named first (fact 25).
  await popup.waitForFunction(
    () => (document.querySelector('section.personal')?.textContent ?? '').includes('choose user1@gmail.com — your Odoo address'),
    { timeout: 20_000, polling: 250 },
  );

  const consent = tabOpenedAt(firefox, 'https://accounts.google.com/');
  await clickButton(popup, 'Connect my own Gmail');
  const google = await consent;
  const chooser = await google.waitForSelector('button[name="chosen"]');
  await Promise.all([google.waitForNavigation(), chooser?.click()]);
  const allow = await google.waitForSelector('button[value="allow"]');
  await Promise.all([google.waitForNavigation(), allow?.click()]);
  await google.waitForFunction((url: string) => location.href === url, { timeout: 20_000 }, `${ODOO}/odoo/my-preferences/5`);
  await popup.waitForFunction(
    () =>
      (globalThis as unknown as { browser: typeof chrome }).browser.storage.local
        .get('personal')
        .then((s) => (s.personal as { status?: string } | undefined)?.status === 'connected'),
    { timeout: 20_000, polling: 250 },
  );
  expect((await extensionStorage(popup, 'local')).personal).toMatchObject({
    status: 'connected',
    uid: 5,
    email: 'user1@gmail.com',
    server: "User One's outgoing email",
    error: null,
  });
  expect([...odoo.db.table('ir.mail_server').values()]).toEqual([
    expect.objectContaining({ active: true, owner_user_id: 5, smtp_user: 'user1@gmail.com', smtp_authentication: 'gmail' }),
  ]);
  // Every Odoo RPC came with the user's session cookie.
  const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
  expect(rpc.every((r) => r.authenticated)).toBe(true);
});
