/**
 * `npm start`'s demo of the Google side (scripts/demo.ts) in the browser it is made for: Chromium
 * launched with the demo's own flags (`--host-resolver-rules`, `--ignore-certificate-errors-spki-list`)
 * and NO Playwright routing — every page comes from the demo's one local TLS server at its real address:
 * the fake Odoo at https://acme.odoo.com, the replica Console at https://console.cloud.google.com,
 * Google's consent stand-in at https://accounts.google.com. The test never tells the stand-in about the
 * client: it learns it from the replica (`demoSink`), as in the demo.
 *
 * The person's journey, as a demo viewer makes it: sign in to Odoo, Connect to Odoo, Create project,
 * one click per Console page, Save in Odoo and connect, Allow → "Gmail is connected to Odoo". Every
 * request the browser made went to a demo host (nothing left the machine).
 *
 * As in journey.spec.ts, Chromium's permission prompt for the Odoo origin cannot be answered by a test
 * driver: a copy of the e2e build whose manifest holds that one origin stands for the person's Allow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Demo, startDemo } from '../../scripts/demo.ts';
import { assistant, CONSOLE } from './console-fixtures.ts';
import { expect, extensionAllowing, launchBrowser, notified, openPopup, serviceWorkerOf, stepRow, test } from './fixtures.ts';
import { openedBy } from './odoo-helpers.ts';

test('npm start --demo-google: the whole journey at the real addresses, served by the demo alone', async () => {
  test.setTimeout(180_000);
  const demo: Demo = await startDemo();
  const ORIGIN = demo.odooOrigin;
  const GMAIL = demo.gmail;
  const REDIRECT_URI = `${ORIGIN}/google_gmail/confirm`;
  const dir = mkdtempSync(join(tmpdir(), 'gmail-odoo-demo-e2e-'));
  const extension = extensionAllowing(dir, ORIGIN);
  const context = await launchBrowser(join(dir, 'profile'), { extraArgs: demo.chromiumArgs, extensionDir: extension });
  const hostsAsked = new Set<string>();
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'http:' || url.protocol === 'https:') hostsAsked.add(url.host);
  });
  try {
    const sw = await serviceWorkerOf(context);
    const extensionId = new URL(sw.url()).host;

    // --- Odoo, signed in through its own form at https://acme.odoo.com (a real TLS connection to the demo).
    const odooTab = context.pages()[0] ?? (await context.newPage());
    await odooTab.goto(`${ORIGIN}/web/login`);
    await odooTab.getByLabel('Email').fill('admin');
    await odooTab.getByLabel('Password').fill('admin');
    await odooTab.getByRole('button', { name: 'Log in' }).click();
    await odooTab.waitForURL((url) => url.origin === ORIGIN && (url.pathname === '/web' || url.pathname.startsWith('/odoo')));
    expect(demo.odoo.db.params.get('web.base.url')).toBe(ORIGIN);

    // --- The popup: Connect to Odoo; the Gmail address comes from Odoo.
    const popup = await openPopup(context, extensionId);
    await popup.getByLabel('Odoo URL').fill(ORIGIN);
    await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
    await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
    await expect(popup.getByLabel('Gmail address')).toHaveValue(GMAIL);
    await expect(popup.getByRole('status', { name: 'Authorized redirect URI' })).toHaveText(REDIRECT_URI);

    // --- "Set up Google Cloud for Odoo": the replica Console, at its real address, with the extension's real
    // content-script matches — every page by itself, then the Odoo side, up to Google's consent page.
    const page = await openedBy(
      context,
      (url) => url.startsWith(`${CONSOLE}/projectcreate`),
      () => popup.getByRole('button', { name: 'Set up Google Cloud for Odoo' }).click(),
    );
    await popup.close();
    await expect(page).toHaveTitle('Google Cloud console (replica)');
    const a = assistant(page);
    // The User Data Policy box is the person's to tick (agreements stay the person's).
    await expect(a.panel).toHaveAttribute('data-state', 'agreement', { timeout: 30_000 });
    await page.locator('#app input[data-check="agree"]').click();
    // Google's consent page: the stand-in, at accounts.google.com, opened by the extension.
    const google = await openedBy(
      context,
      (url) => url.startsWith('https://accounts.google.com/'),
      async () => undefined,
    );
    await expect(a.status).toContainText(`choose ${GMAIL} there and click Allow`);
    const clientId = demo.odoo.db.params.get('google_gmail_client_id') ?? '';
    expect(clientId).toMatch(/\.apps\.googleusercontent\.com$/);
    // Google learned the client from the replica's own post, nothing from the test.
    expect(demo.odoo.google.clients.get(clientId)).toMatchObject({
      clientSecret: demo.odoo.db.params.get('google_gmail_client_secret'),
      redirectUris: [REDIRECT_URI],
      testUsers: [GMAIL],
    });
    await google.getByRole('button', { name: GMAIL }).click(); // "Choose an account"
    await google.getByRole('button', { name: 'Allow' }).click();
    await google.waitForURL((url) => url.origin === ORIGIN);
    expect(String(demo.odoo.mailServers()[0]?.google_gmail_refresh_token)).toMatch(/^1\/\/0g/);
    await notified(sw, 'gmail-monitor-connected');

    // Nothing left the machine: every page and call went to a host the demo serves.
    expect([...hostsAsked].sort()).toEqual(['accounts.google.com', 'acme.odoo.com', 'console.cloud.google.com']);
    console.log(`demo: ${[...hostsAsked].sort().join(', ')} — all answered by the demo at 127.0.0.1:${demo.tlsPort}`);
  } finally {
    await context.close();
    await demo.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
