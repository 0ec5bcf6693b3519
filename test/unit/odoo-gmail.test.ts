/**
 * The background's Odoo-side handlers: preconditions, one operation at a time, the secret wiped only
 * once Odoo confirmed it, the settings tab, and the watcher for Google's redirect back to Odoo.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { CONNECT_WINDOW_MS, onTabUpdated } from '@/lib/background/odoo-gmail';
import { removeAllListeners } from '@/lib/messaging';
import { credentialsItem, monitorItem, odooGmailItem, probeItem, setupItem } from '@/lib/state/items';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';

const GMAIL = 'sales@acme.com';
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

let client: FakeOdooClient;
let permissions: ReturnType<typeof installPermissions>;

async function start(version = '17.0', login = 'admin', gmail: 'installed' | 'uninstalled' = 'installed') {
  client = await fakeOdooClient({ version, login, gmail });
  permissions = installPermissions(['http://127.0.0.1/*']);
  vi.stubGlobal('fetch', client.fetch);
  startBackground();
  await setupItem.set(aSetup({ odooOrigin: client.odoo.origin, gmail: GMAIL, accountType: 'workspace' }));
  await sendAs(POPUP, 'probeOdoo', {});
}

afterEach(async () => {
  removeAllListeners();
  vi.unstubAllGlobals();
  await client?.stop();
});

describe('preconditions', () => {
  beforeEach(() => start());

  it.each(['saveCredentialsToOdoo', 'setupMailServer', 'connectGmail', 'installGmailModule'])(
    '%s needs the permission, the probe, and an administrator',
    async (name) => {
      await permissions.revoke('http://127.0.0.1/*');
      expect(await sendAs(POPUP, name, {})).toMatchObject({ ok: false, error: { key: 'err.permission' } });
      permissions.granted.add('http://127.0.0.1/*');
      await probeItem.set(null);
      expect(await sendAs(POPUP, name, {})).toMatchObject({ ok: false, error: { key: 'odoo.err.probeFirst' } });
    },
  );

  it('pendingCredentials tells whether a secret waits, never the secret', async () => {
    expect(await sendAs(POPUP, 'pendingCredentials', {})).toEqual({
      ok: true,
      value: { clientId: null, hasSecret: false, source: null },
    });
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    const reply = await sendAs(POPUP, 'pendingCredentials', {});
    expect(reply).toEqual({ ok: true, value: { clientId: ID, hasSecret: true, source: 'paste' } });
    expect(JSON.stringify(reply)).not.toContain(SECRET);
  });

  it('asks for credentials before talking to Odoo', async () => {
    const before = client.odoo.requests.length;
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: false, error: { key: 'odoo.err.noCredentials' } });
    expect(client.odoo.requests.length).toBe(before);
    expect((await odooGmailItem.get())?.errors.credentials?.error).toEqual({ key: 'odoo.err.noCredentials' });
  });

  it('refuses a second operation while one runs', async () => {
    await odooGmailItem.set({
      origin: client.odoo.origin,
      credentials: null,
      server: null,
      connect: null,
      running: { op: 'module', at: Date.now() },
      errors: {},
    });
    expect(await sendAs(POPUP, 'setupMailServer', {})).toEqual({ ok: false, error: { key: 'odoo.err.busy' } });
    // A running mark left by a stopped worker does not block for ever.
    await odooGmailItem.update((s) => (s ? { ...s, running: { op: 'module', at: Date.now() - 7 * 60_000 } } : s));
    expect(await sendAs(POPUP, 'setupMailServer', {})).toMatchObject({ ok: true });
  });

  it('connecting needs the server of the current address', async () => {
    expect(await sendAs(POPUP, 'connectGmail', {})).toEqual({ ok: false, error: { key: 'odoo.err.serverFirst' } });
  });
});

describe('saving the credentials', () => {
  it('wipes the secret once Odoo confirmed it, and opens the settings', async () => {
    await start('16.0');
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: true, value: { clientId: ID } });
    expect(await credentialsItem.get()).toBeNull();
    expect(create).toHaveBeenCalledWith({ url: `${client.odoo.origin}/web#action=base_setup.action_general_configuration` });
    expect(await odooGmailItem.get()).toMatchObject({
      credentials: { clientId: ID, secretConfirmed: true },
      running: null,
      errors: {},
    });
  });

  it("keeps the secret when Odoo refuses, and stores Odoo's words", async () => {
    await start('17.0');
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    const admin = client.odoo.db.users.get(2);
    if (admin) admin.isSystem = false; // the admin lost Settings rights after the probe
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({
      ok: false,
      error: { key: 'odoo.err.denied', params: { text: 'Only administrators can change the settings' } },
    });
    expect((await credentialsItem.get())?.clientSecret).toBe(SECRET);
  });

  it('needs the module first', async () => {
    await start('16.0', 'admin', 'uninstalled');
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: false, error: { key: 'odoo.err.moduleFirst' } });
    expect(await sendAs(POPUP, 'installGmailModule', {})).toMatchObject({ ok: true, value: { action: 'installed' } });
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toMatchObject({ ok: true });
  });
});

describe("the Console panel's one click after the capture (finishInOdoo)", () => {
  it('saves the credentials, creates the server and opens Google — asked by the Console content script only', async () => {
    await start('17.0');
    expect(await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET })).toMatchObject({ ok: true });
    const requests = client.odoo.requests.length;
    // The popup has its own three buttons; a page cannot send extension messages at all.
    expect(await sendAs(POPUP, 'finishInOdoo', {})).toEqual({ ok: false, error: { key: 'err.sender' } });
    expect(client.odoo.requests.length).toBe(requests);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(CONSOLE_TAB, 'finishInOdoo', {})).toEqual({
      ok: true,
      value: { clientId: ID, server: 'created', via: 'google' },
    });
    expect(client.odoo.db.params.get('google_gmail_client_id')).toBe(ID);
    expect(client.odoo.db.params.get('google_gmail_client_secret')).toBe(SECRET);
    expect(await credentialsItem.get()).toBeNull();
    expect(client.odoo.mailServers()).toHaveLength(1);
    // One tab: Google's consent page. Odoo's settings are not opened on the way to Google.
    expect(create.mock.calls.map((c) => String(c[0].url))).toEqual([
      expect.stringMatching(/^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?client_id=/),
    ]);
    expect(await odooGmailItem.get()).toMatchObject({
      credentials: { clientId: ID, secretConfirmed: true },
      server: { id: 1, gmail: GMAIL, action: 'created' },
      connect: { serverId: 1, status: 'waiting' },
      running: null,
      errors: {},
    });
    // No check ran before Google's page: the badge is not turned red on the way.
    expect(await monitorItem.get()).toBeNull();
  });

  it('stops at the first refusal with its reason; the secret stays, nothing after it runs', async () => {
    await start('16.0', 'admin', 'uninstalled');
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(CONSOLE_TAB, 'finishInOdoo', {})).toEqual({ ok: false, error: { key: 'odoo.err.moduleFirst' } });
    expect((await credentialsItem.get())?.clientSecret).toBe(SECRET);
    expect(client.odoo.mailServers()).toHaveLength(0);
    expect(create).not.toHaveBeenCalled();
    // The popup shows the same error where its own button is.
    expect((await odooGmailItem.get())?.errors.credentials?.error).toEqual({ key: 'odoo.err.moduleFirst' });
  });
});

describe('a concurrent write wins in Odoo (its own retries spent, odoo-gmail.md §8.7)', () => {
  const sent = (model: string, method: string) =>
    client.odoo.requests.filter((r) => r.model === model && r.rpcMethod === method).length;

  it('once: the rolled-back call is sent again, and the run ends as it would have', async () => {
    await start('17.0');
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    client.odoo.setConflict({ model: 'ir.mail_server', method: 'create', times: 1 });
    expect(await sendAs(CONSOLE_TAB, 'finishInOdoo', {})).toEqual({
      ok: true,
      value: { clientId: ID, server: 'created', via: 'google' },
    });
    expect(sent('ir.mail_server', 'create')).toBe(2);
    expect(client.odoo.mailServers()).toHaveLength(1);
    expect((await odooGmailItem.get())?.errors).toEqual({});
  });

  it("twice: the server's step says Odoo's words; the credentials beside it are saved, Google's page is not opened", async () => {
    await start('17.0');
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    client.odoo.setConflict({ model: 'ir.mail_server', method: 'create', times: 2 });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    const refused = { key: 'odoo.err.refused', params: { text: 'could not serialize access due to concurrent update\n' } };
    expect(await sendAs(CONSOLE_TAB, 'finishInOdoo', {})).toEqual({ ok: false, error: refused });
    expect(sent('ir.mail_server', 'create')).toBe(2);
    expect(client.odoo.mailServers()).toHaveLength(0);
    expect(create).not.toHaveBeenCalled();
    expect(client.odoo.db.params.get('google_gmail_client_secret')).toBe(SECRET);
    expect(await credentialsItem.get()).toBeNull();
    expect(await odooGmailItem.get()).toMatchObject({
      credentials: { clientId: ID, secretConfirmed: true },
      server: null,
      connect: null,
      running: null,
      errors: { server: { error: refused } },
    });
  });

  it("the credentials fail and the server succeeds beside them: the credentials' error is the one said", async () => {
    await start('17.0');
    await sendAs(CONSOLE_TAB, 'captureCredentials', { clientId: ID, clientSecret: SECRET });
    client.odoo.setConflict({ model: 'res.config.settings', method: 'execute', times: 2 });
    const refused = { key: 'odoo.err.refused', params: { text: 'could not serialize access due to concurrent update\n' } };
    expect(await sendAs(CONSOLE_TAB, 'finishInOdoo', {})).toEqual({ ok: false, error: refused });
    // The secret stays until Odoo confirms it.
    expect((await credentialsItem.get())?.clientSecret).toBe(SECRET);
    expect(await odooGmailItem.get()).toMatchObject({
      credentials: null,
      server: { action: 'created' },
      connect: null,
      running: null,
      errors: { credentials: { error: refused } },
    });
  });
});

describe('the Odoo session ends between two steps', () => {
  it('the step says "sign in"; once signed in again, the same click runs it — no "Connect to Odoo" first', async () => {
    await start('17.0');
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    const sessions = [...client.odoo.db.sessions.entries()];
    client.odoo.expireSessions();
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: false, error: { key: 'odoo.err.signedOut' } });
    expect(await probeItem.get()).toMatchObject({ status: 'notLoggedIn', odoo: { db: 'acme' } });
    expect((await credentialsItem.get())?.clientSecret).toBe(SECRET);
    // Still signed out: the stored probe keeps what Odoo said before (the panel stays), the step says "sign in".
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: false, error: { key: 'odoo.err.signedOut' } });
    expect(await probeItem.get()).toMatchObject({ status: 'notLoggedIn', odoo: { db: 'acme' } });
    // The person signs in again in a tab: the browser's cookie is valid again.
    for (const [sid, session] of sessions) client.odoo.db.sessions.set(sid, session);
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: true, value: { clientId: ID } });
    expect(await probeItem.get()).toMatchObject({ status: 'ok' });
    expect(client.odoo.db.params.get('google_gmail_client_secret')).toBe(SECRET);
    expect(await credentialsItem.get()).toBeNull();
    expect((await odooGmailItem.get())?.errors).toEqual({});
  });
});

describe('credentials entered in Odoo by hand earlier', () => {
  it.each([
    [true, { clientId: ID, secretConfirmed: true, found: true }],
    [false, null],
  ])('secret parameter present: %s → %j', async (withSecret, expected) => {
    await start('17.0');
    client.odoo.db.params.set('google_gmail_client_id', ID);
    if (withSecret) client.odoo.db.params.set('google_gmail_client_secret', SECRET);
    await sendAs(POPUP, 'setupMailServer', {});
    const credentials = (await odooGmailItem.get())?.credentials ?? null;
    expect(credentials === null ? null : { ...credentials, at: undefined }).toEqual(expected && { ...expected, at: undefined });
    // Counted, never read back.
    expect(client.odoo.requests.some((r) => r.body?.includes('"get_param","args":["google_gmail_client_secret"'))).toBe(false);
  });
});

describe('the return from Google', () => {
  beforeEach(async () => {
    await start('18.0');
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    await sendAs(POPUP, 'saveCredentialsToOdoo', {});
    await sendAs(POPUP, 'setupMailServer', {});
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(POPUP, 'connectGmail', {})).toEqual({ ok: true, value: { via: 'google' } });
    expect(String(create.mock.calls.at(-1)?.[0].url)).toMatch(
      /^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?client_id=/,
    );
    expect((await odooGmailItem.get())?.connect).toMatchObject({
      status: 'waiting',
      redirectUri: `${client.odoo.origin}/google_gmail/confirm`,
    });
  });

  it('left on /google_gmail/confirm: Odoo refused, with Google’s error when there is one', async () => {
    await onTabUpdated(`${client.odoo.origin}/google_gmail/confirm?error=access_denied&state=x`, 'complete');
    expect((await odooGmailItem.get())?.connect).toMatchObject({ status: 'refused', detail: 'access_denied' });
  });

  it('loading pages, other sites and Odoo pages that are not the form are ignored', async () => {
    const before = client.odoo.requests.length;
    await onTabUpdated(`${client.odoo.origin}/odoo/ir.mail_server/1`, 'loading');
    await onTabUpdated('https://accounts.google.com/o/oauth2/v2/auth', 'complete');
    await onTabUpdated(`${client.odoo.origin}/odoo/discuss`, 'complete');
    expect(client.odoo.requests.length).toBe(before);
  });

  it('back on the server form: checks the token (still absent here), then gives up after the window', async () => {
    const checks = () => client.odoo.requests.filter((r) => r.rpcMethod === 'search_count').length;
    const before = checks();
    await onTabUpdated(`${client.odoo.origin}/odoo/ir.mail_server/1`, 'complete');
    expect(checks()).toBe(before + 1);
    expect(await monitorItem.get()).toMatchObject({ trigger: 'connect', status: 'noToken' });
    await odooGmailItem.update((s) =>
      s?.connect ? { ...s, connect: { ...s.connect, startedAt: Date.now() - CONNECT_WINDOW_MS - 1 } } : s,
    );
    await onTabUpdated(`${client.odoo.origin}/odoo/ir.mail_server/1`, 'complete');
    expect(checks()).toBe(before + 1);
  });
});
