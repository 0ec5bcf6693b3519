/**
 * Many Odoo databases (lib/state/setups.ts, lib/background/setups.ts, the monitor's saved checks): the real
 * background against three fake Odoos, each on its own origin with its own session cookie, set up one after
 * the other through the popup's messages the way a person would.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { MONITOR_ALARM, SAVED_NOTIFICATION_PREFIX } from '@/lib/background/monitor';
import { removeAllListeners } from '@/lib/messaging';
import { buildSetupFile } from '@/lib/setup/setup-file';
import { incomingItem } from '@/lib/state/incoming';
import {
  autopilotItem,
  credentialsItem,
  diagnosesItem,
  EMPTY_GOOGLE_STATE,
  googleItem,
  monitorItem,
  odooGmailItem,
  probeItem,
  progressItem,
  publishChoiceItem,
  publishLinksItem,
  setupItem,
} from '@/lib/state/items';
import { personalItem } from '@/lib/state/personal';
import { setupsItem } from '@/lib/state/setups';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { FAKE_CLIENT_ID } from '../support/builders';
import { inRounds } from '../support/rounds';
import { consentThroughGoogle } from './fake-odoo-fetch';
import { installPermissions, POPUP, sendAs } from './helpers';
import { trackTimers } from './timers';

const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';
const realFetch = globalThis.fetch;

let odoos: FakeOdoo[] = [];
afterEach(async () => {
  removeAllListeners();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  await Promise.all(odoos.map((o) => o.stop()));
  odoos = [];
});

/** Three Odoos, one browser: each request carries the session cookie of the Odoo it goes to. */
async function threeOdoos() {
  odoos = await Promise.all((['prod', 'staging', 'client'] as const).map((db) => startFakeOdoo({ version: '17.0', db })));
  const sids = new Map(odoos.map((o) => [o.origin, o.login('admin')]));
  const fetchAll = ((input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const sid = sids.get(url.origin);
    return realFetch(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), ...(sid ? { Cookie: `session_id=${sid}` } : {}) },
    });
  }) as typeof fetch;
  const rounds = inRounds(fetchAll);
  vi.stubGlobal('fetch', rounds.fetch);
  installPermissions(['http://127.0.0.1/*']);
  startBackground();
  return { rounds, fetchAll };
}

/** The popup's path for one Odoo: Connect to Odoo, the credentials, the server, Google's consent, the test. */
async function connect(odoo: FakeOdoo, gmail: string, fetchAll: typeof fetch) {
  expect(await sendAs(POPUP, 'saveSetup', { odooUrl: odoo.origin, gmail, accountType: 'workspace' })).toMatchObject({ ok: true });
  expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { status: 'ok', odoo: { db: odoo.db.name } } });
  await sendAs(POPUP, 'setCredentials', { clientId: FAKE_CLIENT_ID, clientSecret: SECRET, source: 'paste' });
  expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toMatchObject({ ok: true });
  expect(await sendAs(POPUP, 'setupMailServer', {})).toMatchObject({ ok: true });
  const server = (await odooGmailItem.get())?.server;
  const client = { odoo, fetch: fetchAll };
  expect(await consentThroughGoogle(client, server?.id, { clientId: FAKE_CLIENT_ID, clientSecret: SECRET }, gmail)).toBe(303);
  expect(await sendAs(POPUP, 'checkGmail', { trigger: 'manual' })).toMatchObject({ ok: true, value: { status: 'ok' } });
}

/** Every item a setup is made of, as stored now. */
async function everything() {
  const [setup, probe, progress, google, odooGmail, monitor, incoming, personal, diagnoses, publishChoice, publishLinks] =
    await Promise.all([
      setupItem.get(),
      probeItem.get(),
      progressItem.get(),
      googleItem.get(),
      odooGmailItem.get(),
      monitorItem.get(),
      incomingItem.get(),
      personalItem.get(),
      diagnosesItem.get(),
      publishChoiceItem.get(),
      publishLinksItem.get(),
    ]);
  return { setup, probe, progress, google, odooGmail, monitor, incoming, personal, diagnoses, publishChoice, publishLinks };
}

describe('setups by origin', () => {
  it("today's single setup is kept whole when the person connects another Odoo, and comes back exactly as it was", async () => {
    const { fetchAll } = await threeOdoos();
    const [prod, staging] = odoos as [FakeOdoo, FakeOdoo];
    await connect(prod, 'sales@acme.com', fetchAll);
    // What a build before many databases left in storage: one setup, in the items.
    await googleItem.update((g) => ({
      ...g,
      projectId: 'odoo-gmail-123',
      redirectUris: [`${prod.origin}/google_gmail/confirm`],
    }));
    await publishChoiceItem.set('production');
    const before = await everything();
    expect(before.odooGmail?.server).toBeTruthy();
    expect(await setupsItem.get()).toEqual({});

    // Another Odoo: the first one is kept under its origin, whole.
    expect(
      await sendAs(POPUP, 'saveSetup', { odooUrl: staging.origin, gmail: 'ops@acme.com', accountType: 'workspace' }),
    ).toMatchObject({
      ok: true,
    });
    const kept = (await setupsItem.get())[prod.origin];
    expect(kept).toMatchObject({ ...before, savedAt: expect.any(Number) });
    // The items are about the new Odoo now: nothing of the first one shows there; the Google client carries over.
    const now = await everything();
    expect(now.setup).toMatchObject({ odooOrigin: staging.origin, gmail: 'ops@acme.com' });
    expect([now.probe, now.odooGmail, now.monitor, now.incoming, now.personal]).toEqual([null, null, null, null, null]);
    expect(now.google).toEqual(before.google);

    // Back to the first: exactly as it was; the second is kept in its turn.
    expect(
      await sendAs(POPUP, 'saveSetup', { odooUrl: prod.origin, gmail: 'sales@acme.com', accountType: 'workspace' }),
    ).toMatchObject({
      ok: true,
    });
    expect(await everything()).toEqual(before);
    expect(Object.keys(await setupsItem.get())).toEqual([staging.origin]);
  });

  it('a damaged saved entry is dropped alone; the others stay', async () => {
    const { fetchAll } = await threeOdoos();
    const [prod, staging] = odoos as [FakeOdoo, FakeOdoo];
    await connect(prod, 'sales@acme.com', fetchAll);
    await sendAs(POPUP, 'saveSetup', { odooUrl: staging.origin, gmail: 'ops@acme.com', accountType: 'workspace' });
    const raw = (await fakeBrowser.storage.local.get('setups')).setups as Record<string, unknown>;
    await fakeBrowser.storage.local.set({ setups: { ...raw, 'https://broken.example': { setup: 42 } } });
    expect(Object.keys(await setupsItem.get())).toEqual([prod.origin]);
  });

  it('refused while it could mix two databases: "Set up Google Cloud" running, or a secret waiting for the Odoo left', async () => {
    const { fetchAll } = await threeOdoos();
    const [prod, staging] = odoos as [FakeOdoo, FakeOdoo];
    await connect(prod, 'sales@acme.com', fetchAll);
    const before = await everything();
    const toStaging = { odooUrl: staging.origin, gmail: 'ops@acme.com', accountType: 'workspace' } as const;

    await autopilotItem.set({ startedAt: Date.now() });
    expect(await sendAs(POPUP, 'saveSetup', toStaging)).toEqual({
      ok: false,
      error: { key: 'setups.err.googleRunning', params: { origin: prod.origin } },
    });
    await autopilotItem.set(null);

    await credentialsItem.set({ clientId: FAKE_CLIENT_ID, clientSecret: SECRET, source: 'console', at: Date.now() });
    expect(await sendAs(POPUP, 'saveSetup', toStaging)).toEqual({
      ok: false,
      error: { key: 'setups.err.secretPending', params: { clientId: FAKE_CLIENT_ID, origin: prod.origin } },
    });
    // Nothing moved.
    expect(await everything()).toEqual(before);
    expect(await setupsItem.get()).toEqual({});
    // The same Odoo again is no move: never refused.
    expect(
      await sendAs(POPUP, 'saveSetup', { odooUrl: prod.origin, gmail: 'sales@acme.com', accountType: 'workspace' }),
    ).toMatchObject({
      ok: true,
    });
  });
});

describe("a colleague's setup file", () => {
  it('is kept beside the others, never over a setup this browser has; switching to it brings its Google side', async () => {
    const { fetchAll } = await threeOdoos();
    const [prod, staging] = odoos as [FakeOdoo, FakeOdoo];
    await connect(prod, 'sales@acme.com', fetchAll);
    const mine = await everything();
    // The colleague's staging, exported on their machine.
    const file = buildSetupFile({
      setup: { odooOrigin: staging.origin, gmail: 'ops@acme.com', accountType: 'workspace', gmailProposed: false },
      odoo: { db: 'staging', version: '17.0' },
      google: { ...EMPTY_GOOGLE_STATE, projectId: 'colleague-project', clientId: FAKE_CLIENT_ID, audience: 'internal' },
      publishChoice: null,
      publishLinks: null,
    });
    expect(await sendAs(POPUP, 'importSetup', { text: JSON.stringify(file) })).toEqual({
      ok: true,
      value: { origin: staging.origin },
    });
    expect(await everything()).toEqual(mine);
    expect((await setupsItem.get())[staging.origin]).toMatchObject({
      setup: { odooOrigin: staging.origin, gmail: 'ops@acme.com' },
      google: { projectId: 'colleague-project', secretCapturedAt: null },
      probe: null,
      monitor: null,
    });
    // Once more, or the Odoo this browser is on: nothing changes.
    expect(await sendAs(POPUP, 'importSetup', { text: JSON.stringify(file) })).toEqual({
      ok: false,
      error: { key: 'setups.file.known', params: { origin: staging.origin } },
    });
    const own = { ...file, setup: { ...file.setup, odooOrigin: prod.origin } };
    expect(await sendAs(POPUP, 'importSetup', { text: JSON.stringify(own) })).toMatchObject({ ok: false });
    expect(await everything()).toEqual(mine);
    // A refused file, read again in the background: the popup's reading is not trusted.
    expect(await sendAs(POPUP, 'importSetup', { text: JSON.stringify({ ...file, client_secret: 'GOCSPX-x' }) })).toMatchObject({
      ok: false,
      error: { key: 'setups.file.secret' },
    });

    // The switcher's click: the colleague's setup becomes the current one, with its Google side.
    expect(
      await sendAs(POPUP, 'saveSetup', { odooUrl: staging.origin, gmail: 'ops@acme.com', accountType: 'workspace' }),
    ).toMatchObject({
      ok: true,
    });
    expect((await googleItem.get()).projectId).toBe('colleague-project');
    expect((await setupsItem.get())[prod.origin]).toMatchObject({ google: mine.google, odooGmail: mine.odooGmail });
  });
});

describe('the monitor watches every database', () => {
  it('three databases — one green, one revoked, one unreachable: one alarm, two round trips deep, the worst badge, the red one named', async () => {
    const { fetchAll, rounds } = await threeOdoos();
    const [prod, staging, client] = odoos as [FakeOdoo, FakeOdoo, FakeOdoo];
    await connect(staging, 'ops@acme.com', fetchAll);
    await connect(client, 'info@client.com', fetchAll);
    await connect(prod, 'sales@acme.com', fetchAll);
    expect(Object.keys(await setupsItem.get()).sort()).toEqual([staging.origin, client.origin].sort());
    expect(await fakeBrowser.action.getBadgeText({})).toBe('OK');

    // Google revokes staging's grant; the client's Odoo goes down.
    staging.revokeToken();
    staging.expireAccessTokens();
    await client.stop();
    await fakeBrowser.notifications.clear('gmail-monitor-connected');
    const requests = () => odoos.map((o) => o.requests.filter((r) => r.rpcMethod).length);
    const before = requests();
    rounds.reset();
    const timers = trackTimers();

    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () => {
      expect((await monitorItem.get())?.trigger).toBe('alarm');
      const saved = await setupsItem.get();
      expect(saved[staging.origin]?.monitor?.trigger).toBe('alarm');
      expect(saved[client.origin]?.monitor?.trigger).toBe('alarm');
    });

    const saved = await setupsItem.get();
    expect(await monitorItem.get()).toMatchObject({ origin: prod.origin, status: 'ok', verdict: 'green' });
    expect(saved[staging.origin]?.monitor).toMatchObject({
      status: 'testFailed',
      verdict: 'red',
      test: { reading: 'tokenRevoked' },
    });
    expect(saved[client.origin]?.monitor).toMatchObject({ status: 'unreachable', verdict: 'green' });
    // The worst state: red, and the tooltip names the database.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('staging:');
    // One notification, naming staging; none for the green one, none for the one that could not be reached.
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([`${SAVED_NOTIFICATION_PREFIX}${staging.origin}`]);
    // All three checked side by side: two round trips deep in total (the reads, then each Test Connection).
    expect(rounds.depth()).toBe(2);
    const [prodCalls, stagingCalls] = requests().map((n, i) => n - (before[i] ?? 0));
    // prod and staging: the record, the token count, web.base.url, its freeze, the neutralization flag, the test.
    expect(prodCalls).toBe(stagingCalls);
    expect(prodCalls).toBeLessThanOrEqual(7);
    // Nothing left running between alarms: every keep-alive and timeout of the three checks is cleared.
    expect(timers.live.size).toBe(0);
    const alarms = await fakeBrowser.alarms.getAll();
    expect(alarms.map((a) => a.name)).toEqual([MONITOR_ALARM]);
    // Nothing was written to the current setup's items for the other databases.
    expect((await odooGmailItem.get())?.origin).toBe(prod.origin);

    // The next alarm: staging still red — not notified again.
    await fakeBrowser.notifications.clear(`${SAVED_NOTIFICATION_PREFIX}${staging.origin}`);
    await fakeBrowser.alarms.onAlarm.trigger({ name: MONITOR_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(async () =>
      expect((await setupsItem.get())[staging.origin]?.monitor?.at).not.toBe(saved[staging.origin]?.monitor?.at),
    );
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([]);
  });
});
