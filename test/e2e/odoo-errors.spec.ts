/**
 * The Odoo side when things go wrong (the failures the Odoo side must survive) and the other ways in: not an
 * administrator, the session expiring mid-flow, Odoo down, Odoo answering 500 or an HTML page,
 * the module missing or outdated, credentials from a JSON file or from the Console, Google's
 * Cancel, and the wrong Google account chosen.
 */
import { expect, loginToOdoo, openPopup, stepRow, test } from './fixtures.ts';
import {
  badgeText,
  CLIENT_ID,
  CLIENT_SECRET,
  connectedPopup,
  createMailServer,
  credentialsAndServer,
  GMAIL,
  googleReady,
  openedBy,
  panel,
  pasteCredentials,
  routeGoogle,
  sessionBesidesHostFacts,
  storageArea,
  sw,
} from './odoo-helpers.ts';

const isGoogle = (url: string) => url.startsWith('https://accounts.google.com/');

test('not an administrator any more: Odoo refuses the settings, the secret is kept', async ({ context, extensionId, odoo }) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  // Someone signs in as a regular user in the same browser after the check.
  const tab = context.pages()[0];
  if (!tab) throw new Error('no tab');
  await tab.goto(`${odoo.origin}/web/session/logout`);
  await loginToOdoo(tab, odoo, 'demo');

  await pasteCredentials(popup);
  const credentials = stepRow(popup, 'credentials');
  await expect(credentials.row).toHaveAttribute('data-state', 'attention');
  await expect(credentials.next).toHaveText('Odoo refused: Only administrators can change the settings');
  await expect(panel(popup).getByRole('alert')).toHaveText('Odoo refused: Only administrators can change the settings');
  expect(odoo.db.params.has('google_gmail_client_id')).toBe(false);
  // Not confirmed by Odoo, so the secret stays (session storage only) for a retry.
  expect(JSON.stringify(await storageArea(context, 'session'))).toContain(CLIENT_SECRET);
  expect(JSON.stringify(await storageArea(context, 'local'))).not.toContain(CLIENT_SECRET);

  await panel(popup).getByRole('button', { name: 'Create the mail server' }).click();
  await expect(stepRow(popup, 'server').next).toContainText(
    "Odoo refused: You are not allowed to access 'Mail Server' (ir.mail_server) records.",
  );
  expect(odoo.mailServers()).toEqual([]);
});

test('a regular user sees no Odoo actions at all', async ({ context, extensionId, odoo }) => {
  const popup = await connectedPopup(context, extensionId, odoo, 'demo');
  await expect(stepRow(popup, 'odoo').next).toContainText('You are not an administrator of db acme');
  await expect(panel(popup)).toHaveCount(0);
});

test('session expired mid-flow: "sign in to Odoo again", never a red token', async ({ context, extensionId, odoo }) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  await createMailServer(popup);

  odoo.expireSessions();
  await p.getByRole('button', { name: 'Test Connection' }).click();
  await expect(p.locator('.monitor-status')).toHaveAttribute('data-status', 'signedOut');
  await expect(
    p.getByText('Your Odoo session has ended — sign in to Odoo again. This says nothing about the Gmail token.'),
  ).toBeVisible();
  await expect(stepRow(popup, 'odoo').next).toHaveText('Not logged in — open Odoo and sign in, then check again.');
  expect(await badgeText(context)).toBe('?');
  const worker = await sw(context);
  expect(await worker.evaluate(() => chrome.notifications.getAll())).toEqual({});

  // Sign in again, check again: the flow continues where it was.
  await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
  await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
  await panel(popup).getByRole('button', { name: 'Update the mail server' }).click();
  await expect(stepRow(popup, 'server').next).toContainText('Odoo updated the Gmail server');
  expect(odoo.mailServers()).toHaveLength(1);

  // Expired while saving: the error is the sign-in one, stored for a popup opened later.
  odoo.expireSessions();
  await pasteCredentials(popup);
  await expect(stepRow(popup, 'credentials').next).toHaveText('Your Odoo session has ended — sign in to Odoo again, then retry.');
  await popup.close();
  const reopened = await openPopup(context, extensionId);
  await expect(stepRow(reopened, 'credentials').next).toHaveText(
    'Your Odoo session has ended — sign in to Odoo again, then retry.',
  );
});

test('Odoo down, answering 500, answering an HTML page', async ({ context, extensionId, odoo }) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  await createMailServer(popup);

  odoo.setFault({ kind: 'status', status: 500, contentType: 'text/html', body: '<h1>Internal Server Error</h1>' });
  await pasteCredentials(popup);
  await expect(stepRow(popup, 'credentials').next).toHaveText(
    'Odoo answered with HTTP 500 instead of data — it may be down, restarting, or behind a failing proxy.',
  );

  odoo.setFault({
    kind: 'status',
    status: 200,
    contentType: 'text/html',
    body: '<html><form action="/sso/login"></form></html>',
  });
  await p.getByRole('button', { name: 'Save to Odoo' }).click();
  await expect(stepRow(popup, 'credentials').next).toHaveText(
    'Odoo answered with a web page instead of data — a proxy, a login wall or a maintenance page is in the way.',
  );
  await p.getByRole('button', { name: 'Test Connection' }).click();
  await expect(p.locator('.monitor-status')).toHaveAttribute('data-status', 'serverError');
  await expect(p.getByText('Odoo answered with an error — the token could not be checked.')).toBeVisible();

  odoo.setFault(null);
  await odoo.stop();
  await p.getByRole('button', { name: 'Test Connection' }).click();
  await expect(p.getByText('Odoo could not be reached — the token could not be checked.')).toBeVisible();
  await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'attention');
  expect(await badgeText(context)).toBe('?');
  await odoo.restart();
});

test.describe('16.0 without the Gmail module', () => {
  test.use({ odooOptions: { version: '16.0', gmail: 'uninstalled' } });
  test('one button installs it, then the probe confirms', async ({ context, extensionId, odoo }) => {
    const popup = await connectedPopup(context, extensionId, odoo);
    const p = panel(popup);
    await expect(stepRow(popup, 'module').row).toHaveAttribute('data-state', 'todo');
    // Nothing to write yet: the server's Gmail fields do not exist.
    await p.getByRole('button', { name: 'Create the mail server' }).click();
    await expect(stepRow(popup, 'server').next).toHaveText('Install Google Gmail in Odoo first.');
    await p.getByRole('button', { name: 'Install Google Gmail' }).click();
    await expect(stepRow(popup, 'module').row).toHaveAttribute('data-state', 'done');
    expect(odoo.db.modules.get('google_gmail')).toMatchObject({ state: 'installed', latest_version: '16.0.1.2' });
    expect(odoo.requests.filter((r) => r.rpcMethod === 'button_immediate_install')).toHaveLength(1);
    await expect(p.getByRole('button', { name: 'Install Google Gmail' })).toHaveCount(0);
    await createMailServer(popup);
  });
});

test.describe('15.0 with the module outdated', () => {
  test.use({ odooOptions: { version: '15.0', gmail: 'outdated' } });
  test('connecting is held back until the upgrade ("Forbidden" otherwise)', async ({ context, extensionId, odoo }) => {
    const popup = await connectedPopup(context, extensionId, odoo);
    const p = panel(popup);
    await createMailServer(popup);
    await p.getByRole('button', { name: 'Connect your Gmail account' }).click();
    await expect(stepRow(popup, 'connect').next).toContainText('Upgrade Google Gmail first');
    await p.getByRole('button', { name: 'Upgrade Google Gmail' }).click();
    await expect(stepRow(popup, 'module').next).toHaveText('Google Gmail 15.0.1.0 is installed.');
    expect(odoo.requests.filter((r) => r.rpcMethod === 'button_immediate_upgrade')).toHaveLength(1);
  });
});

const jsonFile = (name: string, data: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(data)),
});

test('credentials from a client_secret JSON file; a Desktop client file is refused', async ({ context, extensionId, odoo }) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  const desktop = jsonFile('client_secret_1-desktop.json', { installed: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET } });
  const web = jsonFile('client_secret_1-web.json', {
    web: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, project_id: 'odoo-1' },
  });

  const file = p.getByLabel('Or import the client_secret….json file Google downloaded');
  await file.setInputFiles(desktop);
  await expect(p.getByText('This JSON is for a Desktop app client. Odoo needs a Web application client')).toBeVisible();
  expect(JSON.stringify(await storageArea(context, 'session'))).not.toContain(CLIENT_SECRET);

  await file.setInputFiles(web);
  await expect(p.getByText(`Ready to save: Client ID ${CLIENT_ID} (from the imported file).`)).toBeVisible();
  await p.getByRole('button', { name: 'Save to Odoo' }).click();
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
  expect(odoo.db.params.get('google_gmail_client_secret')).toBe(CLIENT_SECRET);
  expect(JSON.stringify(await storageArea(context, 'session'))).not.toContain(CLIENT_SECRET);
});

test('credentials captured on the Console are offered without showing the secret', async ({ context, extensionId, odoo }) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  // What receiveCredentials() stores after the Console assistant's capture.
  const worker = await sw(context);
  await worker.evaluate(
    ([clientId, clientSecret]) =>
      chrome.storage.session.set({ credentials: { clientId, clientSecret, source: 'console', at: Date.now() } }),
    [CLIENT_ID, CLIENT_SECRET],
  );
  await popup.reload();
  const p = panel(popup);
  await expect(p.getByText(`Ready to save: Client ID ${CLIENT_ID} (captured on the Google Cloud Console).`)).toBeVisible();
  expect(await popup.content()).not.toContain(CLIENT_SECRET);
  await p.getByRole('button', { name: 'Save to Odoo' }).click();
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
  expect(odoo.db.params.get('google_gmail_client_id')).toBe(CLIENT_ID);
  expect(sessionBesidesHostFacts(await storageArea(context, 'session'))).toEqual({});
});

test('Google: Cancel, then the wrong account — each said plainly', async ({ context, extensionId, odoo }) => {
  await routeGoogle(context, odoo);
  googleReady(odoo, 'someone.else@gmail.com', [GMAIL, 'someone.else@gmail.com']);
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  await credentialsAndServer(popup);

  let google = await openedBy(context, isGoogle, () => p.getByRole('button', { name: 'Connect your Gmail account' }).click());
  await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'inProgress');
  await google.getByRole('button', { name: 'Cancel' }).click();
  await expect(google.getByText('An error occur during the authentication process.')).toBeVisible();
  // The troubleshooter read Odoo's answer on /google_gmail/confirm: the step says the consent was
  // cancelled and how to connect, until a later token proves it done.
  await expect(stepRow(popup, 'connect').row).toHaveAttribute('data-state', 'attention');
  await expect(stepRow(popup, 'connect').next).toHaveText(
    `Fix: Press Connect your Gmail account again, choose ${GMAIL}, and click Continue / Allow on every Google screen.`,
  );

  // Allowed with another Google account than the server's Username (P14): Gmail refuses the token — at
  // MAIL FROM, since Odoo ignores its reply to AUTH XOAUTH2 (captures fact 12) — and the reading, made
  // with the server's Username and type, says to reconnect with that address.
  google = await openedBy(context, isGoogle, () => p.getByRole('button', { name: 'Connect your Gmail account' }).click());
  await google.getByRole('button', { name: 'Allow' }).click();
  await expect(stepRow(popup, 'test').row).toHaveAttribute('data-state', 'attention');
  await expect(stepRow(popup, 'test').next).toContainText('it was granted to another Google account');
  await expect(p.locator('.odoo-text pre')).toContainText('5.7.8 Username and Password not accepted');
});
