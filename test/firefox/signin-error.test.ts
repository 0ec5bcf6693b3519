/**
 * The troubleshooter's content script in real Firefox ESR: Google's sign-in error
 * page (test/fixtures/google/sign-in-pages.ts) served at Google's real URL through BiDi interception,
 * the content script declared for `https://accounts.google.com/signin/oauth/error*` runs, the background makes the diagnosis, and the page's panel shows it;
 * the popup's checklist turns the step "needs attention".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signInErrorHtml, signInErrorUrl } from '../fixtures/google/sign-in-pages.ts';
import { FAKE_CLIENT_ID } from '../support/builders';
import { extensionStorage, seedSetup, waitForPanel } from './console-replica.ts';
import { type FirefoxSession, launchFirefox, routeConsole, waitForStep } from './harness.ts';

const ACME = 'https://acme.odoo.com';
const GMAIL = 'me@gmail.com';
const CLIENT_ID = FAKE_CLIENT_ID;

let firefox: FirefoxSession;
beforeEach(async () => {
  firefox = await launchFirefox();
});
afterEach(async () => {
  await firefox.close();
});

describe('Google sign-in error pages in Firefox', () => {
  it('access_denied: the panel names the address to add as test user, the checklist says so too', async () => {
    const extensionPage = await firefox.openExtensionPage('popup.html', { ready: 'form.setup' });
    await seedSetup(extensionPage, ACME, GMAIL);
    // Firefox grants a content script's match as a host permission, widened to the host: the extension
    // holds https://accounts.google.com/* here (Chrome keeps the exact match). docs/store-listing.md › Permissions says so.
    // Nothing broader comes with it.
    const granted = (await extensionPage.evaluate('globalThis.browser.permissions.getAll()')) as { origins: string[] };
    expect(granted.origins.filter((o) => o.includes('accounts.google.com'))).toEqual(['https://accounts.google.com/*']);
    expect(granted.origins.filter((o) => !o.endsWith('.google.com/*'))).toEqual([]);

    const page = await firefox.browser.newPage();
    const { requested } = await routeConsole(
      page,
      { '*': (url) => signInErrorHtml({ code: 'access_denied', clientId: url.searchParams.get('client_id') ?? '' }) },
      new Set(['accounts.google.com']),
    );
    await page.goto(signInErrorUrl({ code: 'access_denied', clientId: CLIENT_ID }));
    const shown = await waitForPanel(page, { contains: `${GMAIL} is not one of its test users` });
    expect(shown.text).toContain('Google refused the sign-in: access_denied');
    expect(shown.text).toContain('Open Audience › Test users');
    expect(requested[0]).toMatch(/^https:\/\/accounts\.google\.com\/signin\/oauth\/error\?/);

    // Stored for the popup (no secret in it), and the test-user step needs attention with the fix.
    const local = await extensionStorage(extensionPage, 'local');
    expect(JSON.stringify(local.diagnoses)).toContain('access_denied');
    const popup = await firefox.openExtensionPage('popup.html', { ready: 'li[data-step="testUser"]' });
    expect(await waitForStep(popup, 'testUser', 'attention')).toContain(`add ${GMAIL}`);
  });
});
