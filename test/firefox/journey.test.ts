/**
 * The whole journey in real Firefox ESR, from an empty Google Cloud project to a green Test Connection —
 * the same journey as test/e2e/journey.spec.ts in Chromium: the popup connects to the Odoo at
 * https://acme.odoo.com (real permission grant, the session cookie of a real login), "Create project Odoo
 * on Google Cloud" opens the Console in a tab of the extension's and creates the project, the assistant
 * walks the replica Console of the new UI with one click per page — consent screen, authorized domain,
 * test user, OAuth client — and captures the ID and secret; "Save in Odoo and connect" on its panel saves
 * them in Odoo, creates the mail server and opens Google's consent page (the fake Google), whose Allow
 * sends the browser back to Odoo; the extension then says so ("Gmail is connected to Odoo").
 *
 * Every host is the real one on port 443, served on this machine by `startSiteProxy` (Firefox's HTTPS
 * proxy): the tabs the extension opens itself are reached too, which per-page interception cannot do.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { STEP_IDS } from '../../lib/setup/steps.ts';
import { ADMIN } from '../fake-odoo/db.ts';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import {
  CONSOLE,
  domText,
  extensionStorage,
  panelControl,
  replicaHtml,
  replicaState,
  tickPolicyBox,
  waitForPanel,
} from './console-replica.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, stepState, waitForStep } from './harness.ts';
import { googleSite, htmlSite, odooSite, type SiteProxy, startSiteProxy } from './site-proxy.ts';

const ODOO = 'https://acme.odoo.com';
const GMAIL = 'me@gmail.com';
let odoo: FakeOdoo;
let proxy: SiteProxy;
let firefox: FirefoxSession;

beforeEach(async () => {
  odoo = await startFakeOdoo({ users: [{ ...ADMIN, email: GMAIL }], proxyMode: true });
  // Odoo's own idea of its address (System Parameters › web.base.url): the public HTTPS name.
  odoo.db.params.set('web.base.url', ODOO);
  const replica = htmlSite(replicaHtml({ ui: 'new', accountType: 'personal', email: GMAIL }));
  proxy = await startSiteProxy({
    'acme.odoo.com': odooSite(odoo),
    'console.cloud.google.com': replica,
    'accounts.google.com': googleSite(odoo),
  });
  firefox = await launchFirefox({ prefs: proxy.prefs, acceptInsecureCerts: true });
});
afterEach(async () => {
  await firefox.close();
  await proxy.close();
  await odoo.stop();
});

/** Clicks a control of the assistant's panel (a real click) and waits for the page to reach `path`. */
async function press(page: Page, label: string, path: string, timeout = 30_000) {
  await (await panelControl(page, label)).click();
  await page.waitForFunction((p: string) => location.pathname === p, { timeout }, path);
}

/** The tab the extension opens on `url…`, as a page to drive. */
async function tabOpenedAt(firefox: FirefoxSession, prefix: string): Promise<Page> {
  const target = await firefox.browser.waitForTarget((t) => t.url().startsWith(prefix), { timeout: 30_000 });
  const page = await target.page();
  if (!page) throw new Error(`no page for ${target.url()}`);
  return page;
}

it('the whole journey: Odoo connected, the Console walked one click per page, Odoo set up from the panel, Gmail connected, Test Connection green', async () => {
  // The person is signed in to Odoo (a real login form: Firefox holds the HttpOnly session cookie).
  const tab = await firefox.browser.newPage();
  await tab.goto(`${ODOO}/web/login`);
  await tab.type('#login', 'admin');
  await tab.type('#password', 'admin');
  await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
  let popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
  await popup.type(await fieldByLabel(popup, 'Odoo URL'), ODOO);
  await clickButton(popup, 'Connect to Odoo');
  await waitForStep(popup, 'odoo', 'done');
  // The Gmail address is proposed from the Odoo user, the account type guessed from it.
  await popup.waitForFunction(
    (gmail: string) => (document.querySelector<HTMLInputElement>('input[type="email"]')?.value ?? '') === gmail,
    {},
    GMAIL,
  );
  const redirectUri = `${ODOO}/google_gmail/confirm`;

  // 1. The popup's next step: one click opens the Console's "New project" (a tab the extension opens)
  // and creates the project there; once the Console proves it, the journey goes on by itself.
  const opened = tabOpenedAt(firefox, `${CONSOLE}/projectcreate`);
  await clickButton(popup, 'Create project Odoo on Google Cloud');
  const page = await opened;
  await page.waitForFunction(() => location.pathname === '/auth/overview' && /^\?project=odoo-\d{6}$/.test(location.search), {
    timeout: 30_000,
  });
  const projectId = new URL(page.url()).searchParams.get('project') ?? '';
  expect((await replicaState(page)).projects).toEqual([expect.objectContaining({ id: projectId, name: 'Odoo' })]);

  // 2.–4. One click per page: the app (Get started + the wizard), the authorized domain, the test user.
  await waitForPanel(page, { main: 'Fill in and create the app Odoo (External)' });
  await (await panelControl(page, 'Fill in and create the app Odoo (External)')).click();
  // The User Data Policy box stays the person's to tick (issue 12, part 6); then the wizard goes on by itself.
  await tickPolicyBox(page);
  await page.waitForFunction(() => location.pathname === '/auth/branding', { timeout: 30_000 });
  expect((await replicaState(page)).consent).toMatchObject({ appName: 'Odoo', audience: 'external' });
  await waitForPanel(page, { main: 'Fill in and save authorized domain odoo.com' });
  await press(page, 'Fill in and save authorized domain odoo.com', '/auth/audience');
  await waitForPanel(page, { main: `Fill in and save test user ${GMAIL}` });
  await press(page, `Fill in and save test user ${GMAIL}`, '/auth/clients/create');
  expect((await replicaState(page)).consent).toMatchObject({ domains: ['odoo.com'], testUsers: [GMAIL] });

  // 5. The OAuth client (§3.6) and 6. its ID and secret captured (§3.7).
  await waitForPanel(page, { main: 'Fill in and create OAuth client Odoo', contains: redirectUri });
  await (await panelControl(page, 'Fill in and create OAuth client Odoo')).click();
  await waitForPanel(page, { status: /and its secret are captured ✓/ }, 40_000);
  const client = (await replicaState(page)).clients[0];
  if (!client) throw new Error('no client was created');
  expect(client).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [redirectUri], origins: [] });
  // Google's side learns what its Console created (the replica and the stand-in are separate fakes).
  odoo.google.registerClient({
    clientId: client.id,
    clientSecret: client.secret,
    redirectUris: client.redirectUris,
    audience: 'external',
    publishing: 'testing',
    testUsers: [GMAIL],
  });
  odoo.google.signIn(GMAIL);

  // 7. Odoo from the same panel: one click saves the credentials, creates the server, opens Google's page.
  const consent = tabOpenedAt(firefox, 'https://accounts.google.com/');
  await (await panelControl(page, `Save in Odoo and connect ${GMAIL}`)).click();
  const google = await consent;
  expect(odoo.db.params.get('google_gmail_client_id')).toBe(client.id);
  expect(odoo.db.params.get('google_gmail_client_secret')).toBe(client.secret);
  // 17.0's Gmail server (odoo-gmail.md §8.4), created once.
  expect(odoo.mailServers()).toEqual([
    expect.objectContaining({
      name: `Gmail (${GMAIL})`,
      smtp_host: 'smtp.gmail.com',
      smtp_port: 587,
      smtp_encryption: 'starttls',
      smtp_authentication: 'gmail',
      smtp_user: GMAIL,
      from_filter: GMAIL,
    }),
  ]);

  // 8. Google's consent: Allow → Odoo's /google_gmail/confirm → the server's form; the token is there.
  const allow = await google.waitForSelector('button[value="allow"]');
  await Promise.all([google.waitForNavigation(), allow?.click()]);
  await google.waitForFunction((origin: string) => location.origin === origin, { timeout: 20_000 }, ODOO);
  expect(String(odoo.mailServers()[0]?.google_gmail_refresh_token)).toMatch(/^1\/\/0g/);

  // 9. The extension says it: back on Odoo's form, it checked the token and ran Test Connection — green,
  // on its toolbar badge. (Its "Gmail is connected to Odoo" notification is asserted in Chromium,
  // test/e2e/journey.spec.ts: headless Firefox has no notification service to keep one open.)
  await popup.close();
  popup = await firefox.openExtensionPage('popup.html', { ready: 'li[data-step="test"]' });
  await popup.waitForFunction(
    () => (globalThis as unknown as { browser: typeof chrome }).browser.action.getBadgeText({}).then((text) => text === 'OK'),
    { timeout: 20_000, polling: 250 },
  );
  expect((await extensionStorage(popup, 'local')).monitor).toMatchObject({ trigger: 'connect', status: 'ok', token: true });
  for (const id of STEP_IDS) {
    await waitForStep(popup, id, 'done');
    expect({ id, state: (await stepState(popup, id)).state }).toEqual({ id, state: 'done' });
  }

  // The secret went to Odoo only: not in the extension's storage, not in the Console's page.
  expect(JSON.stringify(await extensionStorage(popup, 'session'))).not.toContain(client.secret);
  expect(JSON.stringify(await extensionStorage(popup, 'local'))).not.toContain(client.secret);
  expect(await domText(page).then((t) => t.replace(/<mat-dialog-container[\s\S]*<\/mat-dialog-container>/, ''))).not.toContain(
    client.secret,
  );
  // Every Odoo RPC came with the session cookie.
  const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
  expect(rpc.length).toBeGreaterThan(5);
  expect(rpc.every((r) => r.authenticated)).toBe(true);
  // Every other HTTPS connection is Firefox's own (its settings service), refused by the proxy.
  const others = proxy.connects.filter((c) => !c.served).map((c) => c.host);
  expect(others.filter((host) => !/\.(mozilla\.(com|net|org)|firefox\.com)$/.test(host))).toEqual([]);
});
