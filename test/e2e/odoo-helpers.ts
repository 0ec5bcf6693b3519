/**
 * Helpers for the Odoo-side e2e specs: Google's consent page routed to the fake Odoo's Google
 * stand-in (test/fake-odoo/google.ts), the popup's "Set up Odoo" panel, and reads of the extension's
 * storage, badge, alarms and notifications from its service worker.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { FAKE_CLIENT_ID } from '../support/builders.ts';
import { expect, loginToOdoo, openPopup, serviceWorkerOf, stepRow } from './fixtures.ts';

export const CLIENT_ID = FAKE_CLIENT_ID;
export const CLIENT_SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';
export const GMAIL = 'odoo.sender@gmail.com';

/** Every browser request to accounts.google.com is answered by the fake's Google. */
export async function routeGoogle(context: BrowserContext, odoo: FakeOdoo): Promise<void> {
  await context.route('https://accounts.google.com/**', async (route) => {
    const answer = odoo.google.handleBrowser(new URL(route.request().url()));
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
  // Odoo's Gmail relay (19.0 Enterprise without own credentials), a hop on the way to Google's consent.
  await context.route('https://gmail.api.odoo.com/**', async (route) => {
    const answer = odoo.relay.handleBrowser(new URL(route.request().url()));
    await route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
}

/** A Web-application client registered with the redirect URI Odoo will send, GMAIL signed in and a test user. */
export function googleReady(odoo: FakeOdoo, account = GMAIL, testUsers = [GMAIL]): void {
  odoo.google.registerClient({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [`${odoo.origin}/google_gmail/confirm`],
    testUsers,
  });
  odoo.google.signIn(account);
}

/** Signed in to the fake Odoo, popup open, setup saved with GMAIL (personal) and probed. */
export async function connectedPopup(
  context: BrowserContext,
  extensionId: string,
  odoo: FakeOdoo,
  login = 'admin',
  /** After the person's own login (which set web.base.url to the address in use), before Connect to Odoo. */
  afterLogin?: () => Promise<unknown>,
): Promise<Page> {
  await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo, login);
  await afterLogin?.();
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel('Odoo URL').fill(odoo.origin);
  await popup.getByLabel('Gmail address').fill(GMAIL);
  await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', login === 'admin' ? 'done' : 'attention');
  return popup;
}

/**
 * Runs `action` and returns the page it opened whose URL matches. A new tab starts as about:blank,
 * so the URL is polled rather than read at the 'page' event.
 */
export async function openedBy(
  context: BrowserContext,
  test: (url: string) => boolean,
  action: () => Promise<void>,
): Promise<Page> {
  const before = new Set(context.pages());
  await action();
  let found: Page | undefined;
  await expect
    .poll(() => {
      found = context.pages().find((page) => !before.has(page) && test(page.url()));
      return !!found;
    })
    .toBe(true);
  return found as Page;
}

export const panel = (popup: Page) => popup.getByRole('region', { name: 'Set up Odoo' });

export async function pasteCredentials(popup: Page, clientId = CLIENT_ID, secret = CLIENT_SECRET): Promise<void> {
  const p = panel(popup);
  await p.getByRole('textbox', { name: 'Client ID', exact: true }).fill(clientId);
  await p.getByLabel('Client secret').fill(secret);
  await p.getByRole('button', { name: 'Save to Odoo' }).click();
}

/** "Create the mail server", then its step done. */
export async function createMailServer(popup: Page): Promise<void> {
  await panel(popup).getByRole('button', { name: 'Create the mail server' }).click();
  await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'done');
}

/** The credentials saved in Odoo, then the mail server created: both steps done. */
export async function credentialsAndServer(popup: Page): Promise<void> {
  await pasteCredentials(popup);
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
  await createMailServer(popup);
}

export async function sw(context: BrowserContext) {
  return serviceWorkerOf(context);
}

export async function storageArea(context: BrowserContext, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  const worker = await serviceWorkerOf(context);
  return worker.evaluate((a) => chrome.storage[a].get(null), area);
}

/**
 * storage.session without the public suffix list's facts about the Odoo hosts (`hostFacts`: whether a host's
 * suffix is listed and its registrable domain, written by the background whenever it knows a host — public
 * data, no secret). The checks that the secret is gone compare what remains with {}.
 */
export function sessionBesidesHostFacts(session: Record<string, unknown>): Record<string, unknown> {
  const { hostFacts: _publicFacts, ...rest } = session;
  return rest;
}

export async function badgeText(context: BrowserContext): Promise<string> {
  const worker = await serviceWorkerOf(context);
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

/** Fires the monitor's own alarm now (an unpacked extension may schedule it this soon), as Chrome would. */
export async function fireMonitorAlarm(context: BrowserContext): Promise<void> {
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(() => chrome.alarms.create('gmail-monitor', { when: Date.now() + 50, periodInMinutes: 360 }));
}

/** The ir.mail_server request bodies the extension sent (to assert exact payloads). */
export function rpcBodies(odoo: FakeOdoo, model: string, method: string): { args: unknown[]; kwargs: Record<string, unknown> }[] {
  return odoo.requests
    .filter((r) => r.model === model && r.rpcMethod === method && r.body)
    .map((r) => (JSON.parse(r.body ?? '{}') as { params: { args: unknown[]; kwargs: Record<string, unknown> } }).params);
}
