/**
 * The troubleshooter in Chromium: Google's sign-in error pages are replicas
 * (test/fixtures/google/sign-in-pages.ts) served at Google's real URLs; the fake Odoo's Google stand-in
 * refuses the way Google does, and its refusal is turned into the redirect to the error page that
 * Google performs. The diagnosis must appear on the page (panel) and in the popup's checklist, and
 * disappear once the fix is proven by a green connect.
 */
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { parseSignInError } from '../../lib/google/auth-error.ts';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { signInErrorHtml, signInErrorUrl } from '../fixtures/google/sign-in-pages.ts';
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, openPopup, stepRow, test } from './fixtures.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  connectedPopup,
  credentialsAndServer,
  GMAIL,
  googleReady,
  openedBy,
  panel,
  storageArea,
} from './odoo-helpers.ts';

const isGoogle = (url: string) => url.startsWith('https://accounts.google.com/');

/**
 * accounts.google.com answered by the fake's Google, except that a refusal becomes Google's redirect to
 * `/signin/oauth/error?authError=…`, which is answered with the replica of that page (google-console.md §6.1, §6.2).
 */
async function routeGoogleWithErrorPages(context: BrowserContext, odoo: FakeOdoo): Promise<void> {
  await context.route('https://accounts.google.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/signin/oauth/error')) {
      const e = parseSignInError(url.href);
      const html = signInErrorHtml({
        code: e?.code ?? 'unknown',
        ...(e?.redirectUri ? { redirectUri: e.redirectUri } : {}),
        ...(e?.clientId ? { clientId: e.clientId } : {}),
      });
      return route.fulfill({ status: 400, contentType: 'text/html; charset=utf-8', body: html });
    }
    const answer = odoo.google.handleBrowser(url);
    const code = /Error \d{3}: ([a-z_]+)/.exec(answer.body)?.[1];
    if (url.pathname === '/o/oauth2/v2/auth' && answer.status >= 400 && code) {
      const location = signInErrorUrl({
        code,
        redirectUri: url.searchParams.get('redirect_uri') ?? '',
        clientId: url.searchParams.get('client_id') ?? '',
      });
      return route.fulfill({ status: 302, headers: { location } });
    }
    return route.fulfill({ status: answer.status, headers: answer.headers, body: answer.body });
  });
}

const pagePanel = (page: Page) => page.getByRole('region', { name: 'Gmail for Odoo assistant' });
const beforeConnect = (popup: Page) => popup.getByRole('region', { name: 'Before you connect' });

async function diagnoses(context: BrowserContext): Promise<{ id: string; step: string }[]> {
  return ((await storageArea(context, 'local')).diagnoses as { id: string; step: string }[] | undefined) ?? [];
}

/** The fix from a warning's button: the address in use proposed, confirmed, and web.base.url set and frozen. */
async function freezeFrom(warning: Locator, odoo: FakeOdoo): Promise<void> {
  await warning.getByRole('button', { name: 'Set web.base.url and freeze it…' }).click();
  await expect(warning.getByLabel("Odoo's address (web.base.url)")).toHaveValue(odoo.origin);
  await warning.getByRole('button', { name: 'This address is right — set and freeze' }).click();
  await expect.poll(() => odoo.db.params.get('web.base.url.freeze')).toBe('True');
  expect(odoo.db.params.get('web.base.url')).toBe(odoo.origin);
}

test.describe('redirect_uri_mismatch from web.base.url', () => {
  // Odoo's web.base.url points elsewhere than the address in use (an admin signed in through another
  // host after the person did — Odoo rewrites it at every admin login, captures fact 6): Odoo sends that
  // redirect URI, which the client does not list (P1–P3).
  // The other address is https (proxy_mode forwards it), so Google would accept it: a URI to register,
  // unlike an http one (found when real Odoo was recorded).
  test.use({ odooOptions: { version: '18.0', proxyMode: true } });

  test('diagnosed on Google’s page and in the checklist; freezing the right address makes the connect green', async ({
    context,
    extensionId,
    odoo,
  }) => {
    test.slow();
    await routeGoogleWithErrorPages(context, odoo);
    googleReady(odoo);
    const popup = await connectedPopup(context, extensionId, odoo, 'admin', () => odoo.loginFrom('https://odoo.acme.com'));
    expect(odoo.db.params.get('web.base.url')).toBe('https://odoo.acme.com');
    const p = panel(popup);
    await credentialsAndServer(popup);

    // Prevented first: the popup already says web.base.url is another address, and offers to freeze.
    const warning = beforeConnect(popup).locator('li[data-warning^="baseUrl"]');
    await expect(warning).toContainText('https://odoo.acme.com');

    // The person connects anyway: Google refuses, the page explains.
    const sent = 'https://odoo.acme.com/google_gmail/confirm';
    const google = await openedBy(context, isGoogle, () => p.getByRole('button', { name: 'Connect your Gmail account' }).click());
    await google.waitForURL(/\/signin\/oauth\/error/);
    const onPage = pagePanel(google);
    await expect(onPage.getByRole('heading', { name: 'Google refused the sign-in: redirect_uri_mismatch' })).toBeVisible();
    await expect(onPage).toContainText(`Odoo sent the redirect URI ${sent}`);
    await expect(onPage.locator('code')).toHaveText(sent);
    await expect(onPage.getByRole('button', { name: 'Copy Value to add:' })).toBeVisible();
    await expect(onPage.getByRole('link', { name: 'Open the OAuth client' })).toHaveAttribute(
      'href',
      /^https:\/\/console\.cloud\.google\.com\/auth\/clients\//,
    );
    // The client secret never reaches Google's page (the panel's shadow root included).
    const shown = await google.evaluate(
      () => `${document.documentElement.outerHTML}${document.querySelector('gmail-odoo-assistant')?.shadowRoot?.innerHTML ?? ''}`,
    );
    expect(shown).toContain(sent);
    expect(shown).not.toContain(CLIENT_SECRET);

    // …and the popup's checklist: the client step needs attention, with the fix.
    const client = stepRow(popup, 'client');
    await expect(client.row).toHaveAttribute('data-state', 'attention');
    await expect(client.row).toContainText('Google refused the sign-in: redirect_uri_mismatch');
    await expect(client.next).toContainText(`add ${sent} exactly`);
    expect((await diagnoses(context)).map((d) => d.id)).toEqual(['redirect_uri_mismatch']);
    await google.close();

    // The fix: confirm the address the person uses and freeze it (one click to open, one to confirm).
    await freezeFrom(warning, odoo);
    await expect(beforeConnect(popup).locator('li[data-warning^="baseUrl"]')).toHaveCount(0);

    // Connect again: the stand-in Google accepts, Odoo holds the token, the diagnosis is gone.
    const again = await openedBy(context, isGoogle, () => p.getByRole('button', { name: 'Connect your Gmail account' }).click());
    await again.getByRole('button', { name: 'Allow' }).click();
    await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'done');
    await expect.poll(() => diagnoses(context)).toEqual([]);
    await expect(client.row).not.toHaveAttribute('data-state', 'attention');
    expect(odoo.google.tokenRequests.map((r) => [r.redirect_uri, r.ok])).toEqual([[`${odoo.origin}/google_gmail/confirm`, true]]);
  });
});

// Found when real Odoo was recorded: real Odoo rewrites web.base.url at every administrator login to the address it came
// through (captures fact 6). The popup showed the redirect URI read at Connect to Odoo as Odoo's own.
test('web.base.url moved by an admin login elsewhere: the reopened popup shows the URI Odoo sends now, says so, and freezes it', async ({
  context,
  extensionId,
  odoo,
}) => {
  let popup = await connectedPopup(context, extensionId, odoo);
  const redirect = (page: Page) => page.locator('.values .copy-field').filter({ hasText: 'Authorized redirect URI' });
  await expect(redirect(popup).locator('output')).toHaveText(`${odoo.origin}/google_gmail/confirm`);
  await popup.close();

  // Another administrator signs in through http://localhost:<port>: Odoo now sends that redirect URI.
  const elsewhere = `http://localhost:${new URL(odoo.origin).port}`;
  await odoo.loginFrom(elsewhere);
  expect(odoo.db.params.get('web.base.url')).toBe(elsewhere);

  popup = await openPopup(context, extensionId);
  await expect(redirect(popup).locator('output')).toHaveText(`${elsewhere}/google_gmail/confirm`);
  await expect(redirect(popup)).toContainText(`it changed (it was ${odoo.origin})`);
  const warning = beforeConnect(popup).locator('li[data-warning="webBaseUrlChanged"]');
  await expect(warning).toContainText('Odoo changed its web.base.url');
  await expect(warning).toContainText(`It was ${odoo.origin} and is now ${elsewhere}`);

  // The fix, on the spot: the address in use, confirmed and frozen.
  await freezeFrom(warning, odoo);
  await expect(beforeConnect(popup).locator('li[data-warning="webBaseUrlChanged"]')).toHaveCount(0);
  await expect(redirect(popup).locator('output')).toHaveText(`${odoo.origin}/google_gmail/confirm`);
  // Frozen: the next admin login elsewhere no longer moves it.
  await odoo.loginFrom(elsewhere);
  expect(odoo.db.params.get('web.base.url')).toBe(odoo.origin);
});

test('access_denied: the address is not a test user — Audience link and the address to add', async ({
  context,
  extensionId,
  odoo,
}) => {
  await routeGoogleWithErrorPages(context, odoo);
  const popup = await connectedPopup(context, extensionId, odoo);
  const page = await context.newPage();
  await page.goto(signInErrorUrl({ code: 'access_denied', clientId: CLIENT_ID }));
  const onPage = pagePanel(page);
  await expect(onPage.getByRole('heading', { name: 'Google refused the sign-in: access_denied' })).toBeVisible();
  await expect(onPage).toContainText(`${GMAIL} is not one of its test users`);
  await expect(onPage.locator('code')).toHaveText(GMAIL);
  await expect(onPage.getByRole('link', { name: 'Open Audience › Test users' })).toHaveAttribute(
    'href',
    'https://console.cloud.google.com/auth/audience',
  );
  // The panel is accessible (axe on the panel only: Google's page is not ours).
  const counts = await expectNoSeriousA11yViolations(page, 'sign-in error panel', { include: 'gmail-odoo-assistant' });
  expect(counts.passes).toBeGreaterThan(3);
  const testUser = stepRow(popup, 'testUser');
  await expect(testUser.row).toHaveAttribute('data-state', 'attention');
  await expect(testUser.next).toContainText(`add ${GMAIL}`);
});

test('Vietnamese error page without authError: the code is read from "Lỗi 400: …"', async ({ context, extensionId, odoo }) => {
  await routeGoogleWithErrorPages(context, odoo);
  const popup = await connectedPopup(context, extensionId, odoo);
  const page = await context.newPage();
  const url = `https://accounts.google.com/signin/oauth/error/v2?client_id=${CLIENT_ID}&flowName=GeneralOAuthFlow`;
  const sent = 'https://www.example.com/google_gmail/confirm';
  await page.route(url, (route) =>
    route.fulfill({
      status: 400,
      contentType: 'text/html; charset=utf-8',
      body: signInErrorHtml({ code: 'redirect_uri_mismatch', lang: 'vi', redirectUri: sent, v2: true }),
    }),
  );
  await page.goto(url);
  const onPage = pagePanel(page);
  await expect(onPage.getByRole('heading', { name: 'Google refused the sign-in: redirect_uri_mismatch' })).toBeVisible();
  await expect(onPage.locator('code')).toHaveText(sent);
  await expect(stepRow(popup, 'client').row).toHaveAttribute('data-state', 'attention');
});

test.describe('Odoo answers "Forbidden" on /google_gmail/confirm', () => {
  test.use({ odooOptions: { version: '15.0', gmail: 'outdated' } });

  test('with the module outdated: diagnosed on Odoo’s page and in the module step', async ({ context, extensionId, odoo }) => {
    const popup = await connectedPopup(context, extensionId, odoo);
    // Prevented first: "Before you connect" points at the Odoo side's module upgrade.
    await expect(popup.locator('li[data-warning="moduleOutdated"]')).toContainText('The Google Gmail module is outdated');
    const page = context.pages().find((p) => p.url().startsWith(odoo.origin)) ?? (await context.newPage());
    await page.goto(`${odoo.origin}/google_gmail/confirm?code=4%2F0Ab&state=not-json`);
    await expect(page.getByRole('heading', { name: 'Forbidden', exact: true })).toBeVisible();
    const onPage = pagePanel(page);
    await expect(onPage.getByRole('heading', { name: 'Odoo answered "Forbidden" when Google sent you back' })).toBeVisible();
    await expect(onPage).toContainText('upgrade Google Gmail');
    await expect(onPage.getByRole('link', { name: 'Open Odoo Apps' })).toHaveAttribute('href', `${odoo.origin}/odoo/apps`);
    // The panel on Odoo's page (injected, not declared) is as accessible as the others.
    const counts = await expectNoSeriousA11yViolations(page, 'Odoo confirm-page panel', { include: 'gmail-odoo-assistant' });
    expect(counts.passes).toBeGreaterThan(5);
    const module = stepRow(popup, 'module');
    await expect(module.row).toHaveAttribute('data-state', 'attention');
    await expect(module.next).toContainText('upgrade Google Gmail');
    expect((await diagnoses(context)).map((d) => d.id)).toEqual(['forbiddenOutdated']);
  });
});
