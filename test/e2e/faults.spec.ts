/**
 * Fault injection: the things that go wrong between two clicks — Odoo down and back, the
 * Odoo session ending, the service worker stopped or the extension reloaded between the capture and
 * Odoo's write, the browser restarted after the capture, a slow Odoo. Each test ends in a state the
 * person can read and act on, and asserts it three ways: what the popup says, what the extension
 * stores, what Odoo holds. The knobs are the fake Odoo's (test/fake-odoo/server.ts: stop/restart on
 * the same port, expireSessions, setReplyDelay), each mirroring Odoo per odoo-gmail.md.
 */
import type { BrowserContext, Page } from '@playwright/test';
import {
  assistant,
  CONFIGURED,
  CONSOLE,
  REDIRECT_URI,
  type Replica,
  seedSetup,
  serveConsole,
  storage,
} from './console-fixtures.ts';
import { expect, launchBrowser, loginToOdoo, openPopup, serviceWorkerOf, stepRow, test } from './fixtures.ts';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  connectedPopup,
  GMAIL,
  panel,
  pasteCredentials,
  rpcBodies,
  sessionBesidesHostFacts,
  storageArea,
} from './odoo-helpers.ts';

const UNREACHABLE = 'Odoo could not be reached — check your connection; it may be down or restarting.';
const SIGNED_OUT = 'Your Odoo session has ended — sign in to Odoo again, then retry.';
const TIMEOUT = 'Odoo did not answer within 15 seconds — it may be busy or restarting. Check again in a moment.';
const PROJECT = 'odoo-gmail-4711';
const CLIENT_PAGE = `https://console.cloud.google.com/auth/clients/${CLIENT_ID}?project=${PROJECT}`;
const SECRET_GONE = `The secret of client ${CLIENT_ID} is gone: the browser or the extension restarted before Odoo received it (by design it is kept only in memory). Open the client's page on the Google Cloud Console and click "Add secret" — the assistant captures the new one — or paste a secret below.`;
const DONE_ELSEWHERE =
  'This step was just done in another tab — nothing was filled here, so nothing is duplicated. Reload this page to see it.';
const CLIENT_STEP_GONE = `Client ${CLIENT_ID} was created, but its secret is no longer in the browser: it is kept only in memory until Odoo has it, and the browser or the extension restarted since. On the client's page click "Add secret" — the assistant captures the new one.`;

const block = (popup: Page, name: string) => panel(popup).getByRole('region', { name });

/** The client_secret JSON Google downloads: the capture that leaves the secret waiting in storage.session. */
async function importClientJson(popup: Page): Promise<void> {
  const p = panel(popup);
  await p.getByLabel('Or import the client_secret….json file Google downloaded').setInputFiles({
    name: 'client_secret_1-web.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ web: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET, project_id: PROJECT } })),
  });
  await expect(p.getByText(`Ready to save: Client ID ${CLIENT_ID} (from the imported file).`)).toBeVisible();
}

/** What the Console assistant records once it saw the project (console.ts): its ID goes into Console links. */
async function projectSeen(context: BrowserContext): Promise<void> {
  const worker = await serviceWorkerOf(context);
  await worker.evaluate(
    (projectId) =>
      chrome.storage.local.set({
        google: {
          projectId,
          clientId: null,
          audience: 'external',
          publishing: 'testing',
          authorizedDomains: [],
          testUsers: [],
          redirectUris: [],
          secretCapturedAt: null,
        },
      }),
    PROJECT,
  );
}

const session = async (context: BrowserContext) => JSON.stringify(await storageArea(context, 'session'));

test('Odoo goes down mid-flow and comes back: "could not be reached", nothing lost, the retry works', async ({
  context,
  extensionId,
  odoo,
}) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  const { setup } = await storageArea(context, 'local');

  // Down before the credentials reach it: said plainly, the secret waits (memory only), the setup stays.
  await odoo.stop();
  await pasteCredentials(popup);
  await expect(stepRow(popup, 'credentials').next).toHaveText(UNREACHABLE);
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'attention');
  await expect(block(popup, 'Client ID and secret').getByRole('alert')).toHaveText(UNREACHABLE);
  await expect(p.getByText(`Ready to save: Client ID ${CLIENT_ID} (pasted here).`)).toBeVisible();
  expect(await session(context)).toContain(CLIENT_SECRET);
  expect((await storageArea(context, 'local')).setup).toEqual(setup);
  expect(JSON.stringify(await storageArea(context, 'local'))).not.toContain(CLIENT_SECRET);

  // Back: one click, nothing typed again.
  await odoo.restart();
  await p.getByRole('button', { name: 'Save to Odoo' }).click();
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
  expect(odoo.db.params.get('google_gmail_client_secret')).toBe(CLIENT_SECRET);
  expect(await session(context)).not.toContain(CLIENT_SECRET);

  // Down again between the credentials and the mail server: nothing half-written, the retry creates one.
  await odoo.stop();
  await p.getByRole('button', { name: 'Create the mail server' }).click();
  await expect(stepRow(popup, 'server').next).toHaveText(UNREACHABLE);
  await expect(block(popup, 'Outgoing mail server').getByRole('alert')).toHaveText(UNREACHABLE);
  // The step that was done stays done.
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
  expect(odoo.mailServers()).toEqual([]);
  await odoo.restart();
  await p.getByRole('button', { name: 'Create the mail server' }).click();
  await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'done');
  await expect(block(popup, 'Outgoing mail server').getByRole('alert')).toHaveCount(0);
  expect(odoo.mailServers()).toHaveLength(1);
  expect((await storageArea(context, 'local')).setup).toEqual(setup);
});

test('the Odoo session expires between steps: "sign in", then the same click completes it', async ({
  context,
  extensionId,
  odoo,
}) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  await pasteCredentials(popup);
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');

  odoo.expireSessions();
  await p.getByRole('button', { name: 'Create the mail server' }).click();
  await expect(stepRow(popup, 'server').next).toHaveText(SIGNED_OUT);
  await expect(block(popup, 'Outgoing mail server').getByRole('alert')).toHaveText(SIGNED_OUT);
  await expect(stepRow(popup, 'odoo').next).toHaveText('Not logged in — open Odoo and sign in, then check again.');
  expect(odoo.mailServers()).toEqual([]);
  // The session's end was an RPC's answer, not a guess: the request went out with the (dead) cookie.
  expect(odoo.requests.at(-1)).toMatchObject({ authenticated: false, path: expect.stringContaining('/web/dataset/call_kw') });

  // Signed in again in a tab; the popup is the same, nothing is typed again, no "Connect to Odoo" first.
  const tab = context.pages()[0] ?? (await context.newPage());
  await loginToOdoo(tab, odoo);
  await p.getByRole('button', { name: 'Create the mail server' }).click();
  await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'done');
  await expect(stepRow(popup, 'server').next).toHaveText(`Odoo created the Gmail server “Gmail (${GMAIL})” for ${GMAIL}.`);
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
  await expect(block(popup, 'Outgoing mail server').getByRole('alert')).toHaveCount(0);
  expect(odoo.mailServers()).toHaveLength(1);
  expect((await storageArea(context, 'local')).probe).toMatchObject({ status: 'ok' });
});

test('service worker stopped between the capture and the write: storage.session survives, the write works', async ({
  context,
  extensionId,
  odoo,
}) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  await importClientJson(popup);
  // Chrome stops an idle worker after 30 s; DevTools' "Stop" (the ServiceWorker domain) does it now.
  const statuses: string[] = [];
  const cdp = await context.newCDPSession(popup);
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.endsWith('/background.js')) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => statuses.at(-1)).toBe('running');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.at(-1)).toBe('stopped');
  // The extension page reads storage.session itself (no worker needed): the secret is still there.
  expect(JSON.stringify(await popup.evaluate(() => chrome.storage.session.get(null)))).toContain(CLIENT_SECRET);

  // The click wakes a new worker, which finds the secret where the old one left it.
  await panel(popup).getByRole('button', { name: 'Save to Odoo' }).click();
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
  await expect(stepRow(popup, 'credentials').next).toContainText(`Odoo has Client ID ${CLIENT_ID}`);
  expect(statuses.slice(statuses.lastIndexOf('stopped'))).toContain('running');
  expect(odoo.db.params.get('google_gmail_client_id')).toBe(CLIENT_ID);
  expect(odoo.db.params.get('google_gmail_client_secret')).toBe(CLIENT_SECRET);
  expect(sessionBesidesHostFacts(await popup.evaluate(() => chrome.storage.session.get(null)))).toEqual({});
  await cdp.detach();
});

/**
 * An extension reload (chrome://extensions › Reload, an update) ends the worker and clears
 * `storage.session` — Chrome's documented rule for the session area. Observed here: this headless
 * Debian Chromium does not load a `--load-extension` extension back after `chrome.runtime.reload()`
 * or `developerPrivate.reload()` (its pages then fail with ERR_BLOCKED_BY_CLIENT), so the test
 * reproduces the reload's two effects itself: the session area emptied, the worker stopped. The
 * popup's explanation is derived from storage alone, so it is the same one a real reload leads to;
 * the real browser restart (next test) clears the area without any help.
 */
test('extension reloaded between the capture and the write: the secret is gone by design, "Add secret" is shown', async ({
  context,
  extensionId,
  odoo,
}) => {
  const popup = await connectedPopup(context, extensionId, odoo);
  await projectSeen(context);
  await importClientJson(popup);
  const cdp = await context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  await popup.evaluate(() => chrome.storage.session.clear());
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await popup.close();

  // Reopened (as a tab: Playwright keeps the stopped worker's handle, so openPopup cannot use it).
  const reopened = await context.newPage();
  await reopened.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(reopened.getByRole('heading', { name: 'Checklist' })).toBeVisible();
  expect(sessionBesidesHostFacts(await reopened.evaluate(() => chrome.storage.session.get(null)))).toEqual({});
  const local = await reopened.evaluate(() => chrome.storage.local.get(null));
  expect(local.google).toMatchObject({ clientId: CLIENT_ID, projectId: PROJECT });
  expect(local.setup).toMatchObject({ odooOrigin: odoo.origin, gmail: GMAIL });
  await expectSecretGone(reopened);
  expect(odoo.db.params.has('google_gmail_client_secret')).toBe(false);
  // Save is not offered with nothing to save; the paste form's own check names the missing secret.
  await panel(reopened).getByRole('button', { name: 'Save to Odoo' }).click();
  await expect(panel(reopened).getByLabel('Client secret')).toHaveAttribute('aria-invalid', 'true');
  expect(odoo.requests.some((r) => r.model === 'res.config.settings')).toBe(false);
});

test('browser restarted after the capture: secret gone, Client ID kept, the popup explains and guides "Add secret"', async ({
  context,
  extensionId,
  odoo,
  userDataDir,
}) => {
  const first = await connectedPopup(context, extensionId, odoo);
  await projectSeen(context);
  await importClientJson(first);
  await context.close();

  const again = await launchBrowser(userDataDir);
  try {
    const popup = await openPopup(again, extensionId);
    expect(sessionBesidesHostFacts(await storageArea(again, 'session'))).toEqual({});
    expect((await storageArea(again, 'local')).google).toMatchObject({ clientId: CLIENT_ID, projectId: PROJECT });
    // Odoo's session cookie (Max-Age, not a session cookie) and the setup outlive the restart.
    await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
    await expectSecretGone(popup);
    expect(odoo.db.params.has('google_gmail_client_secret')).toBe(false);

    // The new secret from "Add secret", pasted (or captured on the Console): saved, and the notice goes.
    await pasteCredentials(popup, CLIENT_ID, CLIENT_SECRET.replace('AbCd', 'WxYz'));
    await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');
    expect(odoo.db.params.get('google_gmail_client_secret')).toBe(CLIENT_SECRET.replace('AbCd', 'WxYz'));
    await expect(popup.locator('.secret-gone')).toHaveCount(0);
    await expect(stepRow(popup, 'client').row).toHaveAttribute('data-state', 'done');
  } finally {
    await again.close();
  }
});

async function expectSecretGone(popup: Page): Promise<void> {
  const gone = popup.locator('.secret-gone');
  await expect(gone.getByText(SECRET_GONE)).toBeVisible();
  await expect(gone.getByRole('link', { name: 'Add secret on the Google Cloud Console' })).toHaveAttribute('href', CLIENT_PAGE);
  await expect(stepRow(popup, 'client').row).toHaveAttribute('data-state', 'attention');
  await expect(stepRow(popup, 'client').next).toHaveText(CLIENT_STEP_GONE);
  await expect(stepRow(popup, 'client').row.getByRole('link')).toHaveAttribute('href', CLIENT_PAGE);
  // Nothing to save: no "Ready to save", the form asks for the secret.
  await expect(panel(popup).getByText(/^Ready to save/)).toHaveCount(0);
  await expect(panel(popup).getByLabel('Client secret')).toBeVisible();
}

test('a slow Odoo: progress while it works, one submission for a double-click; past the time limit, the timeout and a retry', async ({
  context,
  extensionId,
  odoo,
}) => {
  // Waits on purpose: a 5 s reply, then one longer than the RPC limit (15 s).
  test.slow();
  const popup = await connectedPopup(context, extensionId, odoo);
  const p = panel(popup);
  const server = block(popup, 'Outgoing mail server');
  await pasteCredentials(popup);
  await expect(stepRow(popup, 'credentials').row).toHaveAttribute('data-state', 'done');

  // A second popup window open on the side: it follows the running step from storage.
  const other = await openPopup(context, extensionId);
  const otherCreate = panel(other).getByRole('button', { name: 'Create the mail server' });
  await expect(otherCreate).toBeEnabled();

  odoo.setReplyDelay({ ms: 5_000, model: 'ir.mail_server', method: 'create' });
  const create = p.getByRole('button', { name: 'Create the mail server' });
  await create.dblclick();
  await expect(p.getByRole('status')).toHaveText('Creating or updating the Gmail mail server in Odoo…');
  await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'inProgress');
  await expect(create).toBeDisabled();
  await expect(panel(other).getByRole('status')).toHaveText('Creating or updating the Gmail mail server in Odoo…');
  await expect(otherCreate).toBeDisabled();
  await expect(
    p.getByRole('button', { name: 'Save to Odoo' }).or(p.getByRole('button', { name: 'Use other credentials' })),
  ).toBeVisible();
  await expect(stepRow(popup, 'server').row).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
  await expect(p.getByRole('status')).toHaveCount(0);
  await expect(server.getByRole('alert')).toHaveCount(0);
  expect(rpcBodies(odoo, 'ir.mail_server', 'create')).toHaveLength(1);
  expect(odoo.mailServers()).toHaveLength(1);
  await expect(stepRow(other, 'server').row).toHaveAttribute('data-state', 'done');
  await expect(panel(other).getByRole('button', { name: 'Update the mail server' })).toBeEnabled();
  await other.close();

  // Someone changed the port by hand; the update's write now answers after the 15 s limit.
  const id = Number(odoo.mailServers()[0]?.id);
  const stored = odoo.db.table('ir.mail_server').get(id);
  if (stored) stored.smtp_port = 465;
  odoo.setReplyDelay({ ms: 17_000, model: 'ir.mail_server', method: 'write' });
  await p.getByRole('button', { name: 'Update the mail server' }).click();
  await expect(p.getByRole('status')).toHaveText('Creating or updating the Gmail mail server in Odoo…');
  await expect(stepRow(popup, 'server').next).toHaveText(TIMEOUT, { timeout: 25_000 });
  await expect(server.getByRole('alert')).toHaveText(TIMEOUT);
  await expect(p.getByRole('button', { name: 'Update the mail server' })).toBeEnabled();
  // Odoo finished the write after the extension stopped waiting (as a real Odoo worker would).
  await expect.poll(() => odoo.mailServers()[0]?.smtp_port, { timeout: 10_000 }).toBe(587);

  // Retry once Odoo is quick again: the same record is updated and confirmed, not duplicated.
  odoo.setReplyDelay(null);
  await p.getByRole('button', { name: 'Update the mail server' }).click();
  await expect(stepRow(popup, 'server').next).toHaveText(`Odoo updated the Gmail server “Gmail (${GMAIL})” for ${GMAIL}.`);
  await expect(server.getByRole('alert')).toHaveCount(0);
  expect(odoo.mailServers()).toHaveLength(1);
  expect(rpcBodies(odoo, 'ir.mail_server', 'create')).toHaveLength(1);
});

/** Google's side as the replica keeps it "server-side" (localStorage, shared by the tabs). */
const consoleServer = (page: Page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('console-replica-state') ?? 'null') as Replica);

test('two Console tabs at once, on the same page: one test user, one client, both panels coherent', async ({
  context,
  extensionId,
}) => {
  await serveConsole(context, { ui: 'new', accountType: 'personal', seed: CONFIGURED() });
  await seedSetup(context, { gmail: 'me@gmail.com', accountType: 'personal' });
  const first = context.pages()[0] ?? (await context.newPage());
  const second = await context.newPage();
  const [a, b] = [assistant(first), assistant(second)];

  // Audience: both tabs offer to add the test user; the first adds it, the second then fills nothing.
  for (const page of [first, second]) await page.goto(`${CONSOLE}/auth/audience?project=odoo-123456`);
  await expect(a.main).toHaveText('Fill in and save test user me@gmail.com');
  await expect(b.main).toHaveText('Fill in and save test user me@gmail.com');
  await a.main.click();
  // Saved: the first tab goes on to the client's page by itself.
  await first.waitForURL(/\/auth\/clients\/create\?/);
  await b.main.click();
  await expect(b.status).toHaveText(DONE_ELSEWHERE);
  expect((await consoleServer(first)).consent?.testUsers).toEqual(['me@gmail.com']);
  await b.panel.getByRole('button', { name: 'Reload the page' }).click();
  await expect(b.status).toHaveText('me@gmail.com is already a test user ✓');
  await expect(b.main).toHaveCount(0);

  // Create client: the same in both tabs; one client, one redirect URI, the first tab's secret captured.
  for (const page of [first, second]) await page.goto(`${CONSOLE}/auth/clients/create?project=odoo-123456`);
  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  await expect(b.main).toHaveText('Fill in and create OAuth client Odoo');
  await a.main.click();
  await expect(a.status).toContainText('and its secret are captured ✓', { timeout: 20_000 });
  await b.main.click();
  await expect(b.status).toHaveText(DONE_ELSEWHERE);
  const { clients } = await consoleServer(first);
  expect(clients).toHaveLength(1);
  expect(clients[0]).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [REDIRECT_URI] });
  expect((await storage(context, 'session')).credentials).toMatchObject({ clientId: clients[0]?.id, source: 'console' });
  expect((await storage(context, 'local')).google).toMatchObject({ clientId: clients[0]?.id, testUsers: ['me@gmail.com'] });

  const popup = await openPopup(context, extensionId);
  await expect(stepRow(popup, 'testUser').row).toHaveAttribute('data-state', 'done');
  await expect(stepRow(popup, 'client').row).toHaveAttribute('data-state', 'done');
  await expect(stepRow(popup, 'client').next).toContainText(clients[0]?.id ?? '?');
});
