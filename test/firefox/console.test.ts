/**
 * The Google Cloud Console assistant in real Firefox ESR: the replica Console (test/fixtures/console/)
 * at Google's real URLs, the loader declared in the manifest, the assistant injected by the background
 * (`scripting.executeScript`), a step filled on the replica, the client's credentials captured from
 * Google's "OAuth client created" dialog and written to the fake Odoo from the popup.
 */
import type { Page } from 'puppeteer-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import {
  CONFIGURED,
  CONSOLE,
  consoleTab,
  domText,
  extensionStorage,
  panel,
  panelControl,
  replicaLoads,
  replicaLog,
  replicaModel,
  replicaState,
  seedSetup,
  waitForPanel,
} from './console-replica.ts';
import { clickButton, type FirefoxSession, fieldByLabel, launchFirefox, loginToOdoo, waitForStep } from './harness.ts';

const ACME = 'https://acme.odoo.com';
const PROJECT = 'odoo-123456';
const at = (path: string) => `${CONSOLE}${path}?project=${PROJECT}`;

let firefox: FirefoxSession;
let odoo: FakeOdoo | undefined;
beforeEach(async () => {
  firefox = await launchFirefox();
});
afterEach(async () => {
  await firefox.close();
  await odoo?.stop();
  odoo = undefined;
});

/** The popup page as a tab, used to seed and read the extension's storage. */
const extensionPage = () => firefox.openExtensionPage('popup.html', { ready: 'form.setup' });

/** Fills and creates the OAuth client on the replica; returns the created client once captured. */
async function createClient(page: Page, redirectUri: string) {
  await page.goto(at('/auth/clients/create'));
  const before = await waitForPanel(page, { main: 'Fill in and create OAuth client Odoo' });
  expect(before.text).toContain(redirectUri);
  await (await panelControl(page, 'Fill in and create OAuth client Odoo')).click();
  const after = await waitForPanel(page, { status: /and its secret are captured ✓/ }, 40_000);
  const client = (await replicaState(page)).clients[0];
  if (!client) throw new Error('no client was created on the replica');
  expect(after.status).toContain(`Client ID ${client.id} and its secret are captured ✓`);
  // The panel shows the ID, never the secret — even while Google's dialog shows it.
  expect(after.text).not.toContain(client.secret);
  return client;
}

/** Closes Google's "OAuth client created" dialog with its OK button (a real click). */
async function closeCreatedDialog(page: Page) {
  const ok = await page.waitForSelector('mat-dialog-container[role="dialog"] ::-p-text(OK)');
  await ok?.click();
  await page.waitForFunction(() => !document.querySelector('mat-dialog-container'));
}

describe('the Console assistant in Firefox', () => {
  it('fills the create-client page of the new UI: the page model got each value, the client is created, the secret captured', async () => {
    const ext = await extensionPage();
    await seedSetup(ext, ACME);
    const page = await consoleTab(firefox, { ui: 'new', seed: CONFIGURED() });
    const redirectUri = `${ACME}/google_gmail/confirm`;

    const client = await createClient(page, redirectUri);

    // What the Console's form model received, in order, through the events Angular listens to.
    const log = await replicaLog(page);
    const last = (name: string) => log.filter((e) => e.name === name).at(-1)?.value;
    expect(last('applicationType')).toBe('Web application');
    expect(last('displayName')).toBe('Odoo');
    expect(last('redirectUris.1')).toBe(redirectUri);
    expect(log.some((e) => e.name.startsWith('origins'))).toBe(false);
    // What Google stored.
    expect(client).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [redirectUri], origins: [] });

    // The secret: in storage.session only, never in storage.local, never in the Console's DOM.
    expect((await extensionStorage(ext, 'session')).credentials).toMatchObject({
      clientId: client.id,
      clientSecret: client.secret,
      source: 'console',
    });
    expect(JSON.stringify(await extensionStorage(ext, 'local'))).not.toContain(client.secret);
    await closeCreatedDialog(page);
    expect(await domText(page)).not.toContain(client.secret);
    expect((await extensionStorage(ext, 'local')).progress).toMatchObject({ client: { state: 'done' } });
  });

  it('a field that is not there: guided manual mode, the other values filled, nothing created', async () => {
    const ext = await extensionPage();
    await seedSetup(ext, ACME);
    const page = await consoleTab(firefox, { ui: 'new', seed: CONFIGURED(), missing: ['displayName'] });
    await page.goto(at('/auth/clients/create'));
    await waitForPanel(page, { main: 'Fill in and create OAuth client Odoo' });
    await (await panelControl(page, 'Fill in and create OAuth client Odoo')).click();
    const shown = await waitForPanel(
      page,
      { status: 'Some fields could not be filled. Do these by hand — nothing else was clicked.' },
      30_000,
    );
    expect(shown.text).toContain('Find "Name" and enter Odoo');
    expect(shown.text).toContain('The field was not found on this page.');
    expect(await replicaModel(page)).toMatchObject({
      applicationType: 'Web application',
      'redirectUris.1': `${ACME}/google_gmail/confirm`,
    });
    expect((await replicaState(page)).clients).toEqual([]);
    expect((await extensionStorage(ext, 'local')).progress).toMatchObject({
      client: { state: 'attention', note: { key: 'console.note.notFound' } },
    });
  });

  it('loads the assistant after a single-page navigation from a page outside the journey', async () => {
    const ext = await extensionPage();
    await seedSetup(ext, ACME);
    const page = await consoleTab(firefox, { ui: 'new', seed: CONFIGURED() });
    await page.goto(at('/apis/library'));
    await page.waitForSelector('nav a');
    expect(await page.$('gmail-odoo-assistant')).toBeNull();
    // The Console's own menu: history.pushState, no reload.
    const branding = await page.waitForSelector('nav ::-p-text(Branding)');
    await branding?.click();
    await waitForPanel(page, { main: 'Fill in and save authorized domain odoo.com' });
    expect(await replicaLoads(page)).toBe(1);
    await (await panelControl(page, 'Fill in and save authorized domain odoo.com')).click();
    // Saved, then on to Audience by itself: a new document, where the loader asks for the assistant again.
    await page.waitForFunction(() => location.pathname === '/auth/audience', { timeout: 20_000 });
    await waitForPanel(page, { main: 'Fill in and save test user me@gmail.com' });
    expect((await replicaState(page)).consent?.domains).toEqual(['odoo.com']);
    expect(await page.$$eval('gmail-odoo-assistant', (els) => els.length)).toBe(1);
  });
});

describe('credentials from the Console into Odoo, in Firefox', () => {
  it('captured from "OAuth client created", saved to the fake Odoo from the popup, then wiped', async () => {
    odoo = await startFakeOdoo();
    const redirectUri = `${odoo.origin}/google_gmail/confirm`;
    // The person signs in to Odoo and connects the popup to it (the real permission grant).
    await loginToOdoo(await firefox.browser.newPage(), odoo);
    let popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    await popup.type(await fieldByLabel(popup, 'Odoo URL'), odoo.origin);
    await popup.type(await fieldByLabel(popup, 'Gmail address'), 'me@gmail.com');
    await clickButton(popup, 'Personal Gmail');
    await clickButton(popup, 'Connect to Odoo');
    await waitForStep(popup, 'odoo', 'done');

    // On the Console: the client is created with Odoo's own redirect URI, its ID and secret captured.
    const page = await consoleTab(firefox, { ui: 'new', seed: CONFIGURED() });
    const client = await createClient(page, redirectUri);
    await closeCreatedDialog(page);
    expect(await domText(page)).not.toContain(client.secret);
    expect(odoo.db.params.get('google_gmail_client_id')).toBeUndefined();

    // Back in the popup: the credentials wait to be saved; the secret is not shown.
    await popup.close();
    popup = await firefox.openExtensionPage('popup.html', { ready: 'li[data-step="credentials"]' });
    await popup.waitForSelector(`::-p-text(Ready to save: Client ID ${client.id} (captured on the Google Cloud Console).)`);
    expect(await popup.content()).not.toContain(client.secret);
    await clickButton(popup, 'Save to Odoo');
    await waitForStep(popup, 'credentials', 'done');

    // Odoo has them (ir.config_parameter, as the settings form writes them) …
    expect(odoo.db.params.get('google_gmail_client_id')).toBe(client.id);
    expect(odoo.db.params.get('google_gmail_client_secret')).toBe(client.secret);
    const writes = odoo.requests.filter((r) => r.model === 'res.config.settings');
    expect(writes.map((r) => r.rpcMethod)).toEqual(expect.arrayContaining(['create', 'execute']));
    expect(writes.every((r) => r.authenticated)).toBe(true);
    // … and the extension no longer holds the secret anywhere.
    const session = await extensionStorage(popup, 'session');
    expect(session.credentials).toBeUndefined();
    expect(JSON.stringify(session)).not.toContain(client.secret);
    expect(JSON.stringify(await extensionStorage(popup, 'local'))).not.toContain(client.secret);
    expect((await panel(page)).text).not.toContain(client.secret);
  });
});
