/**
 * The monitor's decisions: verdicts, the once-only notification, what a failed request means, and a
 * full run of the background (messages, alarm, badge, notification) against the fake Odoo whose
 * Google revokes the token.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MONITOR_ALARM, nextMonitorState, statusOfError, verdictOf } from '@/lib/background/monitor';
import { removeAllListeners } from '@/lib/messaging';
import { OdooRpcError } from '@/lib/odoo/errors';
import type { MonitorState } from '@/lib/setup/odoo-state';
import { monitorItem, odooGmailItem, probeItem } from '@/lib/state/items';
import { FAKE_CLIENT_ID } from '../support/builders';
import { connectedBackground, consentThroughGoogle, type FakeOdooClient } from './fake-odoo-fetch';
import { POPUP, sendAs } from './helpers';
import { stripMessages, usePseudoLocale } from './literal-text';

const GMAIL = 'sales@acme.com';
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

const check = (status: MonitorState['status'], at = 1000, serverId = 1) => ({
  origin: 'https://acme.odoo.com',
  serverId,
  at,
  trigger: 'alarm' as const,
  status,
  token: null,
  test: null,
  detail: null,
});

describe('verdicts and the notification', () => {
  it.each([
    ['ok', 'green'],
    ['noToken', 'red'],
    ['testFailed', 'red'],
    ['serverMissing', 'red'],
    ['signedOut', null],
    ['unreachable', null],
    ['serverError', null],
    ['notAdmin', null],
    ['permission', null],
  ] as const)('%s → %s', (status, verdict) => expect(verdictOf(status)).toBe(verdict));

  it.each([
    // previous statuses (oldest first) → next status → notify?
    [[], 'testFailed', false],
    [['ok'], 'testFailed', true],
    [['ok'], 'noToken', true],
    [['ok', 'testFailed'], 'testFailed', false],
    [['ok', 'signedOut'], 'testFailed', true],
    [['ok', 'unreachable', 'unreachable'], 'noToken', true],
    [['testFailed', 'ok'], 'testFailed', true],
    [['ok'], 'signedOut', false],
    [['ok'], 'ok', false],
  ] as const)('%j then %s → notify %s', (history, status, notify) => {
    let state: MonitorState | null = null;
    history.forEach((s, i) => {
      state = nextMonitorState(state, check(s, i + 1)).state;
    });
    expect(nextMonitorState(state, check(status, 99)).notify).toBe(notify);
  });

  it('keeps the last verdict through checks that could not be made, and records the last green', () => {
    const green = nextMonitorState(null, check('ok', 10)).state;
    const out = nextMonitorState(green, check('signedOut', 20)).state;
    expect(out).toMatchObject({ status: 'signedOut', verdict: 'green', lastGreenAt: 10 });
    const red = nextMonitorState(out, check('testFailed', 30)).state;
    expect(red).toMatchObject({ verdict: 'red', notifiedAt: 30, lastGreenAt: 10 });
    expect(nextMonitorState(red, check('testFailed', 40)).state.notifiedAt).toBe(30);
  });

  it('starts over for another server', () => {
    const green = nextMonitorState(null, check('ok', 10, 1)).state;
    expect(nextMonitorState(green, check('noToken', 20, 2))).toMatchObject({ notify: false, state: { lastGreenAt: null } });
  });

  it.each([
    [new OdooRpcError('sessionExpired', 'x'), 'signedOut'],
    [new OdooRpcError('network', 'x'), 'unreachable'],
    [new OdooRpcError('timeout', 'x'), 'unreachable'],
    [new OdooRpcError('http', 'x', { status: 500 }), 'serverError'],
    [new OdooRpcError('notJson', 'x'), 'serverError'],
    [new OdooRpcError('accessDenied', 'x'), 'notAdmin'],
    [new OdooRpcError('odooError', 'x'), 'serverError'],
  ])('a request failing with %s is %s — never a red token', (error, status) => {
    expect(statusOfError(error).status).toBe(status);
    expect(verdictOf(statusOfError(error).status)).toBeNull();
  });
});

describe('the background monitor against the fake Odoo', () => {
  let client: FakeOdooClient;

  beforeEach(async () => {
    client = await connectedBackground({ version: '17.0' }, GMAIL);
  });
  afterEach(async () => {
    removeAllListeners();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    await client.stop();
  });

  /** Google's consent, as the browser would do it, against the fake's Google and callback. */
  async function consent(account = GMAIL) {
    const server = (await odooGmailItem.get())?.server;
    expect(await consentThroughGoogle(client, server?.id, { clientId: ID, clientSecret: SECRET }, account)).toBe(303);
  }

  async function readyServer() {
    await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
    expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toEqual({ ok: true, value: { clientId: ID } });
    expect(await sendAs(POPUP, 'setupMailServer', {})).toEqual({ ok: true, value: { id: 1, action: 'created' } });
  }

  /** A server connected and checked green, whose token Google then revoked. */
  async function greenThenRevoked() {
    await readyServer();
    await consent();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ value: { status: 'ok' } });
    client.odoo.revokeToken();
  }

  const badge = () => fakeBrowser.action.getBadgeText({});
  /** Time moves on for everyone in this process: the extension, the fake Odoo and its Google. */
  const minutePasses = () => {
    const now = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => now() + 60_000);
  };
  const notifications = async () => Object.keys(await fakeBrowser.notifications.getAll());

  it('schedules itself at start, and again on browser startup and install', async () => {
    expect(await fakeBrowser.alarms.get(MONITOR_ALARM)).toMatchObject({ periodInMinutes: 360 });
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(MONITOR_ALARM)).toMatchObject({ periodInMinutes: 360 }));
    await fakeBrowser.alarms.clearAll();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(MONITOR_ALARM)).toBeDefined());
  });

  it('has nothing to check before a server exists, and sends nothing', async () => {
    const before = client.odoo.requests.length;
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toEqual({
      ok: false,
      error: { key: 'monitor.err.noServer' },
    });
    expect(client.odoo.requests.length).toBe(before);
  });

  it('no token → red; connected → green; revoked → red once, with a notification; signed out → not red', async () => {
    await readyServer();
    // setupMailServer checked right away: no token yet.
    expect(await monitorItem.get()).toMatchObject({ status: 'noToken', token: false, verdict: 'red', notifiedAt: null });
    expect(await badge()).toBe('!');
    expect(await notifications()).toEqual([]);

    await consent();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
      ok: true,
      value: { status: 'ok', token: true },
    });
    expect(await badge()).toBe('OK');

    // Google revokes the grant; Odoo still caches the access token and sends it: Gmail refuses at MAIL FROM.
    client.odoo.revokeToken();
    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await monitorItem.get())?.trigger).toBe('alarm'));
    expect(await monitorItem.get()).toMatchObject({
      status: 'testFailed',
      token: true,
      test: {
        ok: false,
        odooText: expect.stringMatching(/refused the sender address \(sales@acme\.com\).*5\.7\.8/),
        reading: 'tokenRefused',
      },
      verdict: 'red',
    });
    expect(await badge()).toBe('!');
    expect(await notifications()).toEqual(['gmail-monitor-red']);

    await fakeBrowser.notifications.clear('gmail-monitor-red');
    // An hour later Odoo's copy has expired: the refresh is refused, in Odoo's other words.
    client.odoo.expireAccessTokens();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
      value: { test: { odooText: 'An error occurred when fetching the access token.', reading: 'tokenRevoked' } },
    });
    expect(await notifications()).toEqual([]);

    client.odoo.expireSessions();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
      ok: true,
      value: { status: 'signedOut', token: null, verdict: 'red' },
    });
    expect((await probeItem.get())?.status).toBe('notLoggedIn');
    expect(await badge()).toBe('?');
    // Nothing secret was stored anywhere along the way.
    const token = String(client.odoo.mailServers()[0]?.google_gmail_refresh_token);
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.session.get(null)]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(SECRET);
  });

  it('an archived server is red (Odoo sends nothing through it), said once; unarchived, green again', async () => {
    await readyServer();
    await consent();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ value: { status: 'ok' } });
    const record = client.odoo.db.table('ir.mail_server').get(1);
    if (!record) throw new Error('no server');
    record.active = false;
    const tests = () => client.calls().filter((c) => c.method === 'test_smtp_connection').length;
    const before = tests();
    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await monitorItem.get())?.trigger).toBe('alarm'));
    expect(await monitorItem.get()).toMatchObject({ status: 'serverArchived', token: true, verdict: 'red' });
    // A Test Connection would pass on the archived record and prove nothing: none is run.
    expect(tests()).toBe(before);
    expect(await badge()).toBe('!');
    expect(await notifications()).toEqual(['gmail-monitor-red']);

    record.active = true;
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ value: { status: 'ok', verdict: 'green' } });
    expect(await badge()).toBe('OK');
  });

  it('a neutralized copy (odoo-gmail.md §9.1): mail off by design, said as such — not red, no notification, no test', async () => {
    await readyServer();
    await consent();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ value: { status: 'ok' } });
    // The database is copied to staging: Odoo archives every server (tokens kept) and sets the flag.
    client.odoo.db.neutralize();
    const before = client.calls().length;
    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => expect((await monitorItem.get())?.trigger).toBe('alarm'));
    expect(await monitorItem.get()).toMatchObject({ status: 'neutralized', token: true });
    expect(
      client
        .calls()
        .slice(before)
        .map((c) => c.method),
    ).not.toContain('test_smtp_connection');
    expect(await badge()).toBe('?');
    expect(await fakeBrowser.action.getTitle({})).toContain('neutralized copy');
    expect(await notifications()).toEqual([]);
    // The same database with its token revoked meanwhile: still not reported as a broken token.
    client.odoo.revokeToken();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ value: { status: 'neutralized' } });
    expect(await notifications()).toEqual([]);

    // Probed again, the copy is known as such: the extension turns no mail back on there — neither the
    // outgoing server (it would unarchive production's) nor an incoming one.
    expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { odoo: { neutralized: true } } });
    const writes = () => client.calls().filter((c) => ['create', 'write'].includes(c.method)).length;
    const written = writes();
    expect(await sendAs(POPUP, 'setupMailServer', {})).toEqual({ ok: false, error: { key: 'odoo.err.neutralized' } });
    expect(await sendAs(POPUP, 'receiveMail', {})).toEqual({ ok: false, error: { key: 'odoo.err.neutralized' } });
    expect(writes()).toBe(written);
    expect(client.odoo.mailServers().find((r) => r.id === 1)).toMatchObject({ active: false });
  });

  it('Odoo unreachable is said as such', async () => {
    await readyServer();
    await client.odoo.stop();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
      ok: true,
      value: { status: 'unreachable', verdict: 'red' },
    });
    await client.odoo.restart();
  });

  it('the wrong Google account: Gmail refuses the token at MAIL FROM and the reading says to reconnect with the address', async () => {
    await readyServer();
    await consent('other@acme.com');
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
      ok: true,
      value: { status: 'testFailed', test: { reading: 'tokenRefused' } },
    });
  });

  // Found when real Odoo was recorded: it ignores Gmail's reply to AUTH XOAUTH2 (captures fact 12). Odoo's words
  // were read as "empty Username" (5.7.0) or "not on Gmail OAuth" (5.7.8); the record says otherwise.
  it.each([
    ['gmail334', /5\.7\.8 Username and Password not accepted/],
    ['direct535', /5\.7\.0 Authentication Required/],
  ] as const)(
    'revoked at Google, Gmail refusing with %s: the reading uses the server (Gmail OAuth, Username, token) — reconnect',
    async (style, said) => {
      await greenThenRevoked();
      client.odoo.google.smtpRejection = style;
      expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
        ok: true,
        value: { status: 'testFailed', token: true, test: { reading: 'tokenRefused', odooText: expect.stringMatching(said) } },
      });
      // The same text on a server whose Username was emptied by hand is what it says.
      const record = client.odoo.db.table('ir.mail_server').get(1);
      if (record) Object.assign(record, { smtp_user: false });
      expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({
        value: { test: { reading: 'noUsername' } },
      });
    },
  );

  // Found when real Odoo was recorded: a reconnect whose popup was opened while Google's page showed stayed red.
  it('a reconnect: a check made while Google’s page shows leaves it pending; the return from Google closes it, green and said', async () => {
    await greenThenRevoked();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ value: { verdict: 'red' } });
    await fakeBrowser.notifications.clear('gmail-monitor-red');
    const { onTabUpdated } = await import('@/lib/background/odoo-gmail');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');

    // Reconnect: Google's page opens in a tab the extension made.
    expect(await sendAs(POPUP, 'connectGmail', {})).toMatchObject({ ok: true });
    const tabId = (await odooGmailItem.get())?.connect?.tabId ?? -1;
    expect((await fakeBrowser.tabs.get(tabId)).url).toMatch(/^https:\/\/accounts\.google\.com\//);
    // The popup opens meanwhile: its "back from Google?" check finds the old token — and Google's page in the tab.
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'popup' })).toMatchObject({ value: { token: true, verdict: 'red' } });
    expect((await odooGmailItem.get())?.connect?.status).toBe('waiting');
    expect(create).not.toHaveBeenCalled();

    // The person allows (a minute later — Odoo's token stamps count seconds); Odoo stores the new token and
    // shows the form. A slow popup check is running when the tab comes back: the return still gets a check
    // of its own, after it.
    minutePasses();
    await consent();
    client.odoo.setReplyDelay({ ms: 300, model: 'ir.mail_server', method: 'test_smtp_connection' });
    const slow = sendAs(POPUP, 'checkGmail', { trigger: 'popup' });
    await new Promise((r) => setTimeout(r, 50));
    await fakeBrowser.tabs.update(tabId, { url: `${client.odoo.origin}/web#id=1&model=ir.mail_server&view_type=form` });
    await onTabUpdated(`${client.odoo.origin}/web#id=1&model=ir.mail_server&view_type=form`, 'complete');
    await slow;
    client.odoo.setReplyDelay(null);
    expect((await odooGmailItem.get())?.connect?.status).toBe('connected');
    expect(await monitorItem.get()).toMatchObject({ trigger: 'connect', status: 'ok', verdict: 'green' });
    expect(await badge()).toBe('OK');
    expect(create.mock.calls.map((c) => c[0])).toEqual(['gmail-monitor-connected']);
  });

  it('a connect is not closed by the old token alone: back on the form with no newer token, it stays pending', async () => {
    await readyServer();
    await consent();
    const { onTabUpdated } = await import('@/lib/background/odoo-gmail');
    expect(await sendAs(POPUP, 'connectGmail', {})).toMatchObject({ ok: true });
    // The person gives up on Google's page and opens the server's form by hand: same token, same stamp.
    await onTabUpdated(`${client.odoo.origin}/web#id=1&model=ir.mail_server&view_type=form`, 'complete');
    expect(await monitorItem.get()).toMatchObject({ trigger: 'connect', status: 'ok' });
    expect((await odooGmailItem.get())?.connect?.status).toBe('waiting');
  });

  it('the return from Google is said once, green or red: the person need not open the popup to know', async () => {
    await readyServer();
    await fakeBrowser.notifications.clear('gmail-monitor-red');
    const { onTabUpdated } = await import('@/lib/background/odoo-gmail');
    const create = vi.spyOn(fakeBrowser.notifications, 'create');
    expect(await sendAs(POPUP, 'connectGmail', {})).toMatchObject({ ok: true });
    await consent();
    const form = `${client.odoo.origin}/web#id=1&model=ir.mail_server&view_type=form`;
    await onTabUpdated(form, 'complete');
    expect(await monitorItem.get()).toMatchObject({ trigger: 'connect', status: 'ok' });
    expect(await notifications()).toEqual(['gmail-monitor-connected']);
    expect(create).toHaveBeenCalledWith(
      'gmail-monitor-connected',
      expect.objectContaining({ title: 'Gmail is connected to Odoo' }),
    );
    expect(JSON.stringify(create.mock.calls.at(-1))).toContain(GMAIL);
    // Once per connect: Odoo's form loading again is no second notification.
    const shown = create.mock.calls.length;
    await onTabUpdated(form, 'complete');
    expect(create.mock.calls.length).toBe(shown);

    // Connected with the wrong account: the return is red, and said although nothing was green before.
    await fakeBrowser.storage.local.remove('monitor');
    expect(await sendAs(POPUP, 'connectGmail', {})).toMatchObject({ ok: true });
    minutePasses();
    await consent('other@acme.com');
    await onTabUpdated(form, 'complete');
    expect(await monitorItem.get()).toMatchObject({ status: 'testFailed', test: { reading: 'tokenRefused' } });
    // The red one takes the place of the green one: one notification says the state.
    expect(await notifications()).toEqual(['gmail-monitor-red']);
  });

  it('its notifications and toolbar title come from the locale (pseudo-locale: every message wrapped)', async () => {
    usePseudoLocale();
    await readyServer();
    expect(await sendAs(POPUP, 'connectGmail', {})).toMatchObject({ ok: true });
    await consent();
    const notify = vi.spyOn(fakeBrowser.notifications, 'create');
    const title = vi.spyOn(fakeBrowser.action, 'setTitle');
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    const { onTabUpdated } = await import('@/lib/background/odoo-gmail');
    await onTabUpdated(`${client.odoo.origin}/web#id=1&model=ir.mail_server&view_type=form`, 'complete');
    // Green: the badge's one word is a message too.
    expect(badge).toHaveBeenLastCalledWith({ text: '⟦OK⟧' });
    client.odoo.revokeToken();
    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(2));
    expect(notify.mock.calls.map((c) => c[0])).toEqual(['gmail-monitor-connected', 'gmail-monitor-red']);
    const shown = notify.mock.calls.map((c) => c[1] as unknown as { title: string; message: string });
    const texts = [...shown.flatMap((n) => [n.title, n.message]), ...title.mock.calls.map((c) => c[0].title)];
    expect(texts.length).toBeGreaterThanOrEqual(5);
    // Only messages and data (the address) — nothing hard-coded in between.
    for (const text of texts) expect(stripMessages(text).split(GMAIL).join('').trim(), text).toMatch(/^[\s\p{P}\p{S}]*$/u);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('a server deleted in Odoo is red, not an error', async () => {
    await readyServer();
    client.odoo.db.table('ir.mail_server').clear();
    expect(await sendAs(POPUP, 'checkGmail', { trigger: 'popup' })).toMatchObject({
      ok: true,
      value: { status: 'serverMissing', verdict: 'red' },
    });
  });
});
