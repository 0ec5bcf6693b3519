/**
 * What one scheduled check of the monitor costs (a row of the benchmark), measured against the fake Odoo with
 * the real background: the RPC calls Odoo receives for one alarm, and what stays alive afterwards — no
 * timer or interval (those started during the check are counted and must all be cleared), only the one
 * `alarms` alarm. With MONITOR_JSON=<file> the numbers
 * are written for `npm run bench`.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MONITOR_ALARM } from '@/lib/background/monitor';
import { removeAllListeners } from '@/lib/messaging';
import { monitorItem, odooGmailItem } from '@/lib/state/items';
import { FAKE_CLIENT_ID } from '../support/builders';
import { connectedBackground, consentThroughGoogle, type FakeOdooClient } from './fake-odoo-fetch';
import { POPUP, sendAs } from './helpers';
import { trackTimers } from './timers';

const GMAIL = 'sales@acme.com';
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

let client: FakeOdooClient;

beforeEach(async () => {
  client = await connectedBackground({ version: '17.0' }, GMAIL);
  await sendAs(POPUP, 'setCredentials', { clientId: ID, clientSecret: SECRET, source: 'paste' });
  expect(await sendAs(POPUP, 'saveCredentialsToOdoo', {})).toMatchObject({ ok: true });
  expect(await sendAs(POPUP, 'setupMailServer', {})).toMatchObject({ ok: true });
  // Google's consent: the server gets its refresh token.
  const server = (await odooGmailItem.get())?.server;
  expect(await consentThroughGoogle(client, server?.id, { clientId: ID, clientSecret: SECRET }, GMAIL)).toBe(303);
});
afterEach(async () => {
  removeAllListeners();
  vi.unstubAllGlobals();
  await client.stop();
});

it('one scheduled check: a fixed number of RPC calls, then nothing alive but the alarm', async () => {
  // Every timer the extension's code starts from here on, and whether it was cleared or fired.
  const { live, created } = trackTimers();

  const before = client.odoo.requests.length;
  const previous = (await monitorItem.get())?.at ?? 0;
  const alarm = await fakeBrowser.alarms.get(MONITOR_ALARM);
  expect(alarm).toMatchObject({ periodInMinutes: 360 });
  await fakeBrowser.alarms.onAlarm.trigger(alarm as NonNullable<typeof alarm>);
  await vi.waitFor(async () => {
    const state = await monitorItem.get();
    expect(state?.trigger).toBe('alarm');
    expect(state?.at ?? 0).toBeGreaterThan(previous);
  });
  const calls = client.odoo.requests.slice(before).filter((r) => r.method === 'POST');
  const monitor = await monitorItem.get();
  expect(monitor).toMatchObject({ status: 'ok', verdict: 'green' });

  const rpc = calls.map((r) => r.rpcMethod ?? r.path);
  expect(rpc.length).toBeGreaterThan(0);
  // Every call is one of the check's: session, the server, its token counted, Test Connection.
  expect(rpc).toContain('test_smtp_connection');
  expect(rpc).toContain('search_count');
  // Nothing is left running between alarms: the keep-alive interval of a long request
  // (lib/background/odoo-context.ts withKeepAlive) is cleared with it, no timeout is pending, one alarm.
  expect(live.size).toBe(0);
  const alarms = await fakeBrowser.alarms.getAll();
  expect(alarms.map((a) => a.name)).toEqual([MONITOR_ALARM]);

  const result = {
    rpcCalls: rpc.length,
    rpc,
    timeoutsStarted: created.timeouts,
    intervalsStarted: created.intervals,
    timersAliveAfter: live.size,
    alarms: alarms.map((a) => `${a.name} every ${a.periodInMinutes} min`),
  };
  console.log(`monitor check: ${JSON.stringify(result)}`);
  if (process.env.MONITOR_JSON) writeFileSync(process.env.MONITOR_JSON, JSON.stringify(result));
});
