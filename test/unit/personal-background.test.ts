/**
 * "Connect my own Gmail" through the real background against the fake Odoo 19.0 (which replays real Odoo's
 * personal-server flow, captures facts 23–28), signed in as a user who is not an administrator: the click asks
 * Odoo for the personal server and opens Google's consent; the return to the preferences runs the user's test;
 * Odoo's refusals are read in plain words (custom servers off, no company client, another account chosen, the
 * consent cancelled); the administrator's list counts tokens without reading them; and how many round trips
 * deep each part is.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { MONITOR_ALARM, OWN_NOTIFICATION_ID } from '@/lib/background/monitor';
import { isPreferencesReturn, onPersonalTab } from '@/lib/background/personal';
import { removeAllListeners } from '@/lib/messaging';
import { setupItem } from '@/lib/state/items';
import { personalItem } from '@/lib/state/personal';
import { ADMIN, companyClientForPersonalServers, USER1 } from '../fake-odoo/db.ts';
import { startFakeOdoo } from '../fake-odoo/server.ts';
import { aSetup } from '../support/builders';
import { inRounds } from '../support/rounds';
import { type FakeOdooClient, fetchWithCookie } from './fake-odoo-fetch';
import { installPermissions, POPUP, sendAs } from './helpers';

const CREDENTIALS = { clientId: '123-personal.apps.googleusercontent.com', clientSecret: 'GOCSPX-personal' };

let client: FakeOdooClient;
afterEach(async () => {
  removeAllListeners();
  vi.unstubAllGlobals();
  await client.stop();
});

/** The fake Odoo 19.0 with an administrator and user1; the background connected as `login`. */
async function start(opts: { login?: string; customServers?: boolean; credentials?: boolean } = {}) {
  const odoo = await startFakeOdoo({ version: '19.0', users: [ADMIN, USER1] });
  const fetch = fetchWithCookie(odoo.login(opts.login ?? 'user1'));
  client = { odoo, fetch, calls: () => [], stop: () => odoo.stop() };
  companyClientForPersonalServers(odoo.db, CREDENTIALS, `${odoo.origin}/google_gmail/confirm`, [
    'user1@gmail.com',
    'other.person@gmail.com',
  ]);
  // Undone where a test says so: the setting off, or no company client (fact 23).
  if (opts.customServers === false) odoo.db.params.delete('base_setup.default_external_email_server');
  if (opts.credentials === false) odoo.db.params.delete('google_gmail_client_secret');
  installPermissions(['http://127.0.0.1/*']);
  vi.stubGlobal('fetch', fetch);
  startBackground();
  await setupItem.set(aSetup({ odooOrigin: odoo.origin, gmail: null, accountType: 'personal' }));
  const admin = (opts.login ?? 'user1') === 'admin';
  expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { status: admin ? 'ok' : 'notAdmin' } });
}

const servers = () => [...client.odoo.db.table('ir.mail_server').values()];

/** Google's consent page (the stand-in) as `account`, and where Google sends the browser: Odoo's answer. */
async function consent(url: string, account: string, allow = true) {
  client.odoo.google.signIn(account);
  const page = client.odoo.google.handleBrowser(new URL(url));
  const pending = /name="id" value="(\w+)"/.exec(page.body)?.[1];
  const back = client.odoo.google.handleBrowser(
    new URL(`https://accounts.google.com/o/oauth2/approve?id=${pending}&consent=${allow ? 'allow' : 'deny'}`),
  );
  const location = back.headers.location ?? '';
  const answer = await client.fetch(location, { redirect: 'manual' });
  return { location, status: answer.status, redirect: answer.headers.get('location'), body: await answer.text() };
}

/** The consent URL the click opened. */
async function click(): Promise<string> {
  const create = vi.spyOn(fakeBrowser.tabs, 'create');
  expect(await sendAs(POPUP, 'connectMine', {})).toEqual({ ok: true, value: null });
  return String(create.mock.calls.at(-1)?.[0].url);
}

describe('connect my own Gmail (19.0, not an administrator)', () => {
  it("one click, Google's consent with the user's own address, then the test on the return to the preferences", async () => {
    await start();
    expect(await sendAs(POPUP, 'readMine', {})).toMatchObject({
      ok: true,
      value: { email: 'user1@gmail.com', customServers: true, server: null, status: 'idle' },
    });
    const url = await click();
    expect(new URL(url).searchParams.get('redirect_uri')).toBe(`${client.odoo.origin}/google_gmail/confirm`);
    expect(await personalItem.get()).toMatchObject({ status: 'waiting', uid: 5, email: 'user1@gmail.com' });
    // Fact 24: an archived server owned by the user, for their address.
    expect(servers()).toMatchObject([{ active: false, owner_user_id: 5, smtp_user: 'user1@gmail.com' }]);

    const back = await consent(url, 'user1@gmail.com');
    expect([back.status, back.redirect]).toEqual([303, '/odoo/my-preferences/5']);
    const preferences = `${client.odoo.origin}/odoo/my-preferences/5`;
    expect(isPreferencesReturn(preferences, client.odoo.origin, 5)).toBe(true);
    await onPersonalTab(1, preferences, 'complete');
    expect(await personalItem.get()).toMatchObject({
      status: 'connected',
      error: null,
      server: "User One's outgoing email",
    });
    expect(servers()).toHaveLength(1);
  });

  it('another Google account: "you chose X, Odoo expects Y", read from Odoo\'s page; the server stays pending', async () => {
    await start();
    const url = await click();
    const back = await consent(url, 'other.person@gmail.com');
    expect(back.status).toBe(200);
    // The page the tab shows (fact 25), as the background reads it from the tab.
    const text = back.body.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'");
    const executeScript = vi.fn(async () => [{ frameId: 0, result: { title: '', text } }]);
    (fakeBrowser as unknown as { scripting: unknown }).scripting = { executeScript };
    await onPersonalTab(1, back.location, 'complete');
    expect(await personalItem.get()).toMatchObject({
      status: 'refused',
      chosen: 'other.person@gmail.com',
      error: { key: 'personal.err.mismatch', params: { chosen: 'other.person@gmail.com', expected: 'user1@gmail.com' } },
    });
    expect(servers()).toMatchObject([{ active: false, google_gmail_refresh_token: false }]);
  });

  it('the consent cancelled on Google: access_denied, said as such', async () => {
    await start();
    const url = await click();
    const back = await consent(url, 'user1@gmail.com', false);
    expect(back.status).toBe(200);
    await onPersonalTab(1, back.location, 'complete');
    expect(await personalItem.get()).toMatchObject({ status: 'refused', error: { key: 'personal.err.accessDenied' } });
  });

  it('"Use Custom Email Servers" off: ask the administrator to turn it on, no tab, Odoo\'s text kept', async () => {
    await start({ customServers: false });
    expect(await sendAs(POPUP, 'readMine', {})).toMatchObject({ ok: true, value: { customServers: false } });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    expect(await sendAs(POPUP, 'connectMine', {})).toMatchObject({
      ok: false,
      error: { key: 'personal.setup.customServersOff' },
    });
    expect(await personalItem.get()).toMatchObject({
      status: 'failed',
      reading: 'customServersOff',
      odooText: 'You are not allowed to create a personal mail server.',
    });
    expect(create).not.toHaveBeenCalled();
    expect(servers()).toEqual([]);
  });

  it('no company client: the company has none yet, ask the administrator; nothing created', async () => {
    await start({ credentials: false });
    expect(await sendAs(POPUP, 'connectMine', {})).toMatchObject({ ok: false, error: { key: 'personal.setup.noCredentials' } });
    expect(servers()).toEqual([]);
  });

  it('the read made as the popup opens never makes the click wait or refuses it as busy', async () => {
    await start();
    vi.spyOn(fakeBrowser.tabs, 'create');
    const [read, clicked] = await Promise.all([sendAs(POPUP, 'readMine', {}), sendAs(POPUP, 'connectMine', {})]);
    expect(read).toMatchObject({ ok: true });
    expect(clicked).toEqual({ ok: true, value: null });
  });

  it('round trips: the read 1, the click 1, the return 1 (the test beside the read)', async () => {
    await start();
    const rounds = inRounds(client.fetch);
    vi.stubGlobal('fetch', rounds.fetch);
    await sendAs(POPUP, 'readMine', {});
    expect(rounds.depth()).toBe(1);
    rounds.reset();
    const url = await click();
    expect(rounds.depth()).toBe(1); // the server and its consent URL: one call (fact 24)
    await consent(url, 'user1@gmail.com');
    rounds.reset();
    await onPersonalTab(1, `${client.odoo.origin}/odoo/my-preferences/5`, 'complete');
    expect(rounds.depth()).toBe(1); // the test ∥ the user's read
    expect(await personalItem.get()).toMatchObject({ status: 'connected' });
  });
});

describe("the monitor and the user's own server", () => {
  const alarm = async () => {
    const at = (await personalItem.get())?.at;
    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    return at;
  };
  const tested = (after: number | undefined) =>
    vi.waitFor(async () => {
      const own = await personalItem.get();
      expect(own?.status).not.toBe('testing');
      expect(own?.at).not.toBe(after);
    });

  it('tests it again on the alarm: green says OK; revoked at Google turns it red, said once, and the click opens the preferences', async () => {
    await start();
    const url = await click();
    await consent(url, 'user1@gmail.com');
    await onPersonalTab(1, `${client.odoo.origin}/odoo/my-preferences/5`, 'complete');
    expect(await personalItem.get()).toMatchObject({ status: 'connected' });

    const tests = () => client.odoo.requests.filter((r) => r.rpcMethod === 'action_test_outgoing_mail_server').length;
    const before = tests();
    await tested(await alarm());
    expect(tests()).toBe(before + 1);
    expect(await personalItem.get()).toMatchObject({ status: 'connected', error: null });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).not.toContain(OWN_NOTIFICATION_ID);

    // Google revokes the grant: Odoo's test fails at the next alarm.
    const notify = vi.spyOn(fakeBrowser.notifications, 'create');
    client.odoo.revokeToken();
    client.odoo.expireAccessTokens();
    await tested(await alarm());
    expect(await personalItem.get()).toMatchObject({ status: 'failed', error: { key: 'monitor.reading.tokenRevoked' } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([OWN_NOTIFICATION_ID]);
    expect(notify).toHaveBeenCalledWith(
      OWN_NOTIFICATION_ID,
      expect.objectContaining({ title: expect.stringContaining('user1@gmail.com') }),
    );

    // Still red at the next alarm: tested again, not said again.
    await fakeBrowser.notifications.clear(OWN_NOTIFICATION_ID);
    await tested(await alarm());
    expect(tests()).toBe(before + 3);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');

    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await fakeBrowser.notifications.onClicked.trigger(OWN_NOTIFICATION_ID);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: `${client.odoo.origin}/odoo/my-preferences/5` }));
  });

  it('Odoo out of reach: nothing stored changes, the badge keeps the last test; nothing connected: nothing tested', async () => {
    await start();
    const tests = () => client.odoo.requests.filter((r) => r.rpcMethod === 'action_test_outgoing_mail_server').length;
    // Nothing connected yet (no server named by Odoo): the alarm tests nothing.
    await sendAs(POPUP, 'readMine', {});
    await alarm();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(MONITOR_ALARM)).toBeTruthy());
    expect(tests()).toBe(0);

    const url = await click();
    await consent(url, 'user1@gmail.com');
    await onPersonalTab(1, `${client.odoo.origin}/odoo/my-preferences/5`, 'complete');
    const connected = await personalItem.get();
    expect(connected).toMatchObject({ status: 'connected' });
    await client.odoo.stop();
    await alarm();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('OK'));
    expect(await personalItem.get()).toEqual(connected);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });
});

describe("the administrator's list (fact 28)", () => {
  it('one row per personal server: user, address, pending/active, token counted; one round trip', async () => {
    await start();
    const url = await click();
    await consent(url, 'user1@gmail.com');
    // The same database, now seen by the administrator (the browser signed in as admin).
    const odoo = client.odoo;
    const fetch = fetchWithCookie(odoo.login('admin'));
    vi.stubGlobal('fetch', fetch);
    expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { status: 'ok' } });
    const rounds = inRounds(fetch);
    vi.stubGlobal('fetch', rounds.fetch);
    const listed = await sendAs(POPUP, 'listPersonal', {});
    expect(rounds.depth()).toBe(1); // the servers ∥ the ids with a token ∥ the limit
    expect(listed).toEqual({
      ok: true,
      value: {
        limit: 30,
        servers: [{ id: 1, owner: { id: 5, name: 'User One' }, address: 'user1@gmail.com', active: true, token: true }],
      },
    });
    // Counted, never read: no request asked for the token's value.
    expect(odoo.requests.some((r) => r.body?.includes('"fields":["google_gmail_refresh_token"'))).toBe(false);
  });
});
