import { startNotOdoo } from '../fake-odoo/server.ts';
import { expect, launchBrowser, loginToOdoo, openPopup, serviceWorkerOf, stepRow, test } from './fixtures.ts';

/** Records every permissions.request the popup makes, then lets it through. */
async function spyOnPermissionRequests(page: import('@playwright/test').Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __requests: unknown[] };
    w.__requests = [];
    const original = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = ((p: chrome.permissions.Permissions) => {
      w.__requests.push(p);
      return original(p);
    }) as typeof chrome.permissions.request;
  });
  return () => page.evaluate(() => (window as unknown as { __requests: unknown[] }).__requests);
}

async function storageOf(context: import('@playwright/test').BrowserContext) {
  const sw = await serviceWorkerOf(context);
  return sw.evaluate(() => chrome.storage.local.get(null));
}

test.describe('popup against the fake Odoo', () => {
  test('17.0 administrator, module installed: a true checklist from one click', async ({ context, extensionId, odoo }) => {
    const tab = context.pages()[0] ?? (await context.newPage());
    await loginToOdoo(tab, odoo);

    const popup = await openPopup(context, extensionId);
    const requests = await spyOnPermissionRequests(popup);
    // Opened on an Odoo tab: the address is proposed, nothing typed.
    await expect(popup.getByLabel('Odoo URL')).toHaveValue(odoo.origin);
    await expect(popup.getByText('Proposed from the open tab')).toBeVisible();
    await popup.getByRole('button', { name: 'Connect to Odoo' }).click();

    const odooStep = stepRow(popup, 'odoo');
    await expect(odooStep.next).toHaveText('Logged in to db acme as an administrator (Odoo 17.0 Community)');
    expect(await odooStep.state()).toBe('done');
    await expect(stepRow(popup, 'module').row).toHaveAttribute('data-state', 'done');

    // Exactly one origin was asked for, at the click.
    expect(await requests()).toEqual([{ origins: ['http://127.0.0.1/*'] }]);
    // Every RPC really carried the admin's HttpOnly session cookie (the last one reads web.base.url.freeze, for the troubleshooter).
    const rpc = odoo.requests.filter((r) => r.method === 'POST' && r.path !== '/web/login');
    // The session first; then the probe's reads leave together (lib/odoo/probe.ts), so they may arrive in any order.
    const [first, ...together] = rpc.map((r) => r.rpcMethod ?? r.path);
    expect(first).toBe('/web/session/get_session_info');
    // web.base.url.freeze, database.is_neutralized (odoo-gmail.md §9.1) and the Client ID beside the address and the module.
    expect(together.sort()).toEqual(['get_param', 'get_param', 'get_param', 'read', 'search_read']);
    expect(rpc.every((r) => r.authenticated)).toBe(true);

    // After the probe, the Odoo user's address is proposed and the account type guessed from it.
    await expect(popup.getByLabel('Gmail address')).toHaveValue('admin@example.com');
    await expect(popup.getByRole('radio', { name: 'Google Workspace' })).toBeChecked();
    // Computed values, copyable.
    await expect(popup.getByRole('status', { name: 'Authorized redirect URI' })).toHaveText(
      `${odoo.origin}/google_gmail/confirm`,
    );
    await expect(popup.getByRole('button', { name: 'Copy Authorized redirect URI' })).toBeVisible();
    // Steps no feature drives yet are "to do" with the guide's instruction, never done.
    for (const id of ['project', 'consent', 'client', 'credentials', 'server', 'connect', 'test']) {
      await expect(stepRow(popup, id).row).toHaveAttribute('data-state', 'todo');
    }
    await expect(stepRow(popup, 'testUser').row).toHaveAttribute('data-state', 'na');

    // Nothing secret, nothing but the setup and the probe in storage.local.
    const stored = await storageOf(context);
    expect(
      Object.keys(stored)
        .filter((k) => !k.endsWith('$'))
        .sort(),
    ).toEqual(['probe', 'setup']);
  });

  test.describe('15.0 with the module outdated', () => {
    test.use({ odooOptions: { version: '15.0', gmail: 'outdated' } });
    test('the module step needs attention and says why', async ({ context, extensionId, odoo }) => {
      await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
      const popup = await openPopup(context, extensionId);
      await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
      await expect(stepRow(popup, 'odoo').next).toHaveText('Logged in to db acme as an administrator (Odoo 15.0 Community)');
      const module = stepRow(popup, 'module');
      await expect(module.row).toHaveAttribute('data-state', 'attention');
      await expect(module.next).toContainText('Google Gmail is outdated (database has 15.0.0.1, code has 15.0.1.0)');
      await expect(module.next).toContainText('Forbidden');
    });
  });

  test('not logged in: says so, and links to the login page', async ({ context, extensionId, odoo }) => {
    const popup = await openPopup(context, extensionId);
    await popup.getByLabel('Odoo URL').fill(odoo.origin);
    await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
    const odooStep = stepRow(popup, 'odoo');
    await expect(odooStep.next).toHaveText('Not logged in — open Odoo and sign in, then check again.');
    await expect(odooStep.row).toHaveAttribute('data-state', 'attention');
    await expect(odooStep.row.getByRole('link', { name: 'Open' })).toHaveAttribute('href', `${odoo.origin}/web/login`);

    // Sign in, check again: the same popup turns green without retyping anything.
    await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
    await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
    await expect(odooStep.row).toHaveAttribute('data-state', 'done');
  });

  test('not an administrator', async ({ context, extensionId, odoo }) => {
    await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo, 'demo');
    const popup = await openPopup(context, extensionId);
    await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
    const odooStep = stepRow(popup, 'odoo');
    await expect(odooStep.next).toContainText('You are not an administrator of db acme');
    await expect(odooStep.row).toHaveAttribute('data-state', 'attention');
    await expect(stepRow(popup, 'module').row).toHaveAttribute('data-state', 'todo');
    // The admin-only module list was not even asked for.
    expect(odoo.requests.some((r) => r.model === 'ir.module.module')).toBe(false);
  });

  test('not Odoo at all', async ({ context, extensionId }) => {
    const site = await startNotOdoo();
    try {
      const popup = await openPopup(context, extensionId);
      await popup.getByLabel('Odoo URL').fill(site.origin);
      await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
      await expect(stepRow(popup, 'odoo').next).toHaveText('This is not an Odoo server — check the address.');
    } finally {
      await site.stop();
    }
  });

  test('server down', async ({ context, extensionId, odoo }) => {
    const origin = odoo.origin;
    await odoo.stop();
    const popup = await openPopup(context, extensionId);
    await popup.getByLabel('Odoo URL').fill(origin);
    await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
    await expect(stepRow(popup, 'odoo').next).toHaveText('Odoo could not be reached — check the address and your connection.');
    await odoo.restart();
  });

  test('bad values get a message under their field, and nothing is saved', async ({ context, extensionId }) => {
    const popup = await openPopup(context, extensionId);
    const url = popup.getByLabel('Odoo URL');
    const gmail = popup.getByLabel('Gmail address');
    const connect = popup.getByRole('button', { name: 'Connect to Odoo' });
    const urlMessages = popup.locator('#odooUrl-messages');

    for (const [value, text] of [
      ['odoo.com', "This is Odoo's own website — enter your database's address"],
      ['acme.odoo.com', 'Start the address with https://'],
      ['ftp://x', '"ftp:" is not a web address'],
      ['https://acme.odoo.com/odoo/discuss', 'Enter only the address of your Odoo, without a path.'],
      ['https://admin:secret@acme.odoo.com', 'Leave out the user name and password'],
    ] as const) {
      await url.fill(value);
      await connect.click();
      await expect(urlMessages).toContainText(text);
      await expect(url).toHaveAttribute('aria-invalid', 'true');
      await expect(url).toBeFocused();
    }
    await url.fill('https://acme.odoo.com');
    await gmail.fill('someone@');
    await connect.click();
    await expect(popup.locator('#gmail-messages')).toContainText('The address needs a domain after @');
    await expect(urlMessages).not.toContainText('Start the address');

    await gmail.fill('me@gmail.com');
    await popup.getByRole('radio', { name: 'Google Workspace' }).check();
    await connect.click();
    await expect(popup.locator('#accountType-messages')).toContainText('@gmail.com addresses are personal Google accounts');

    expect(await storageOf(context)).toEqual({});

    // A suggested fix is one click away.
    await url.fill('https://acme.odoo.com/odoo/discuss');
    await connect.click();
    await popup.getByRole('button', { name: 'Use https://acme.odoo.com' }).click();
    await expect(url).toHaveValue('https://acme.odoo.com');
  });
});

test('the checklist survives closing the popup and restarting the browser', async ({ userDataDir, odoo }) => {
  let context = await launchBrowser(userDataDir);
  let extensionId = new URL((await serviceWorkerOf(context)).url()).host;
  await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
  let popup = await openPopup(context, extensionId);
  await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
  await popup.close();

  popup = await openPopup(context, extensionId);
  await expect(stepRow(popup, 'odoo').next).toHaveText('Logged in to db acme as an administrator (Odoo 17.0 Community)');
  await context.close();

  context = await launchBrowser(userDataDir);
  extensionId = new URL((await serviceWorkerOf(context)).url()).host;
  const before = odoo.requests.length;
  popup = await openPopup(context, extensionId);
  await expect(stepRow(popup, 'odoo').next).toHaveText('Logged in to db acme as an administrator (Odoo 17.0 Community)');
  await expect(popup.getByLabel('Gmail address')).toHaveValue('admin@example.com');
  await expect(stepRow(popup, 'module').row).toHaveAttribute('data-state', 'done');
  // Shown from storage: reopening needed nothing from Odoo but web.base.url and its freeze flag, read
  // again because an administrator's login elsewhere rewrites them (captures fact 6).
  await expect
    .poll(() => odoo.requests.slice(before).map((r) => (r.body ? JSON.parse(r.body).params.args[0] : r.path)))
    .toEqual(['web.base.url', 'web.base.url.freeze']);
  await context.close();
});
