/**
 * The journey in real Firefox ESR, from an empty Google Cloud project to Odoo holding the OAuth client
 * and its Gmail mail server: the popup connects to an Odoo at https://acme.odoo.com (TLS front, real
 * permission grant, session cookie), the Console assistant walks the replica Console of the new UI —
 * project, consent screen, authorized domain, test user, OAuth client — capturing the client's ID and
 * secret, and the popup saves them to Odoo and creates the mail server. (Google's consent screen for
 * "Connect your Gmail account" is covered in Chromium, test/e2e/odoo-flow.spec.ts: it needs Google's
 * own host routed in a tab the extension opens.)
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { CONSOLE, consoleTab, domText, extensionStorage, panelControl, replicaState, waitForPanel } from './console-replica.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, stepState, waitForStep } from './harness.ts';
import { startTlsFront, type TlsFront } from './tls-front.ts';

const HOST = 'acme.odoo.com';
const GMAIL = 'me@gmail.com';
let odoo: FakeOdoo;
let front: TlsFront;
let firefox: FirefoxSession;

beforeEach(async () => {
  odoo = await startFakeOdoo();
  front = await startTlsFront(odoo, HOST);
  // Odoo's own idea of its address (System Parameters › web.base.url): the public HTTPS name.
  odoo.db.params.set('web.base.url', front.origin);
  firefox = await launchFirefox({ prefs: { 'network.dns.localDomains': HOST }, acceptInsecureCerts: true });
});
afterEach(async () => {
  await firefox.close();
  await front.close();
  await odoo.stop();
});

/** Clicks a control of the assistant's panel (a real click) and waits for the panel to show `then`. */
async function press(page: Page, label: string, then: Parameters<typeof waitForPanel>[1], timeout?: number) {
  await (await panelControl(page, label)).click();
  return waitForPanel(page, then, timeout);
}

it('Odoo connected, the Console walked from project to captured client, credentials and mail server in Odoo', async () => {
  // The person signs in to Odoo, then connects the popup to it.
  const tab = await firefox.browser.newPage();
  await tab.goto(`${front.origin}/web/login`);
  await tab.type('#login', 'admin');
  await tab.type('#password', 'admin');
  await Promise.all([tab.waitForNavigation(), tab.click('button[type="submit"]')]);
  let popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
  await popup.type(await fieldByLabel(popup, 'Odoo URL'), front.origin);
  await popup.type(await fieldByLabel(popup, 'Gmail address'), GMAIL);
  await clickButton(popup, 'Personal Gmail');
  await clickButton(popup, 'Connect to Odoo');
  await waitForStep(popup, 'odoo', 'done');
  const redirectUri = `${front.origin}/google_gmail/confirm`;

  // 1. Create project (§3.1).
  const page = await consoleTab(firefox, { ui: 'new', accountType: 'personal', email: GMAIL });
  await page.goto(`${CONSOLE}/projectcreate?previousPage=%2Fhome%2Fdashboard`);
  await waitForPanel(page, { main: 'Fill in and create project Odoo' });
  const created = await press(page, 'Fill in and create project Odoo', { status: /^Project odoo-\d{6} is your Odoo project ✓$/ });
  const projectId = /Project (odoo-\d{6})/.exec(created.status ?? '')?.[1] ?? '';
  expect(new URL(page.url()).searchParams.get('project')).toBe(projectId);

  // 2. Consent screen: Get started, then the wizard (§3.2). The panel's links are ordinary links: a new
  // document each time, where the loader asks for the assistant again.
  await press(page, 'Next: consent screen (Google Auth Platform)', { main: 'Fill in: open the setup (Get started)' });
  expect(page.url()).toBe(`${CONSOLE}/auth/overview?project=${projectId}`);
  await press(page, 'Fill in: open the setup (Get started)', { main: 'Fill in and create the app Odoo (External)' });
  await press(
    page,
    'Fill in and create the app Odoo (External)',
    { status: 'Google Auth Platform is set up for this project ✓' },
    30_000,
  );
  expect((await replicaState(page)).consent).toMatchObject({ appName: 'Odoo', audience: 'external' });

  // 3. Branding › authorized domain (§3.3): odoo.com for acme.odoo.com.
  await press(page, 'Next: Branding', { main: 'Fill in and save authorized domain odoo.com' });
  await press(page, 'Fill in and save authorized domain odoo.com', { status: 'odoo.com is saved as an authorized domain ✓' });

  // 4. Audience › test user (§3.4).
  await press(page, 'Next: Audience (test user)', { main: `Fill in and save test user ${GMAIL}` });
  await press(page, `Fill in and save test user ${GMAIL}`, { status: `${GMAIL} is saved as a test user ✓` });
  expect((await replicaState(page)).consent).toMatchObject({ domains: ['odoo.com'], testUsers: [GMAIL] });

  // 5. The OAuth client (§3.6) and 6. its ID and secret captured (§3.7).
  await press(page, 'Next: create the OAuth client', { main: 'Fill in and create OAuth client Odoo', contains: redirectUri });
  await press(page, 'Fill in and create OAuth client Odoo', { status: /and its secret are captured ✓/ }, 40_000);
  const client = (await replicaState(page)).clients[0];
  if (!client) throw new Error('no client was created');
  expect(client).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [redirectUri], origins: [] });
  const ok = await page.waitForSelector('mat-dialog-container[role="dialog"] ::-p-text(OK)');
  await ok?.click();
  expect(await domText(page)).not.toContain(client.secret);

  // 7. Back in the popup: every Console step done on evidence; the credentials go to Odoo, then the server.
  await popup.close();
  popup = await firefox.openExtensionPage('popup.html', { ready: 'li[data-step="credentials"]' });
  for (const id of ['project', 'consent', 'domain', 'testUser', 'client']) {
    expect({ id, state: (await stepState(popup, id)).state }).toEqual({ id, state: 'done' });
  }
  await clickButton(popup, 'Save to Odoo');
  await waitForStep(popup, 'credentials', 'done');
  expect(odoo.db.params.get('google_gmail_client_id')).toBe(client.id);
  expect(odoo.db.params.get('google_gmail_client_secret')).toBe(client.secret);
  expect(JSON.stringify(await extensionStorage(popup, 'session'))).not.toContain(client.secret);
  expect(JSON.stringify(await extensionStorage(popup, 'local'))).not.toContain(client.secret);

  await clickButton(popup, 'Create the mail server');
  await waitForStep(popup, 'server', 'done');
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
  // Every RPC came from the extension with the session cookie.
  const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
  expect(rpc.length).toBeGreaterThan(5);
  expect(rpc.every((r) => r.authenticated)).toBe(true);
});
