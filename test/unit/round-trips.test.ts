/**
 * Round trips to Odoo where a person waits, with the real background against the fake Odoo 17.0: the probe
 * (Connect to Odoo), "Save in Odoo and connect" (the Console panel's click, until Google's consent page is
 * opened) and the monitor's check. Each is played in lock-step rounds (test/support/rounds.ts) and its depth
 * pinned: the sequential round trips a far server makes the person wait for.
 *
 * With ROUND_TRIPS_JSON=<file> (`npm run bench`, scripts/bench/round-trips.ts) the same three are also timed,
 * once straight to the fake Odoo and once through the latency proxy (test/support/latency-proxy.ts: TLS front,
 * ROUND_TRIPS_RTT_MS added per round trip, default 200), and the numbers written there. Times are reported,
 * never asserted.
 */
import { writeFileSync } from 'node:fs';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { removeAllListeners } from '@/lib/messaging';
import { TOKEN_FIELD } from '@/lib/odoo/gmail-schema';
import { odooGmailItem, setupItem } from '@/lib/state/items';
import { errorEnvelope, OdooException } from '../fake-odoo/errors.ts';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { type LatencyProxy, startLatencyProxy } from '../support/latency-proxy';
import { inRounds, type Rounds } from '../support/rounds';
import { consentThroughGoogle, fetchWithCookie } from './fake-odoo-fetch';
import { CONSOLE_TAB, installPermissions, POPUP, sendAs } from './helpers';

const GMAIL = 'sales@acme.com';
const CREDENTIALS = { clientId: FAKE_CLIENT_ID, clientSecret: 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12' };

/** The three operations, in the order a person meets them. */
const OPERATIONS = ['probe', 'saveAndConnect', 'monitorCheck'] as const;
type Operation = (typeof OPERATIONS)[number];

interface Measured {
  /** POSTs Odoo received for the operation. */
  calls: number;
  rpc: string[];
  ms: number;
}

interface World {
  odoo: FakeOdoo;
  proxy: LatencyProxy | null;
  /** The address the extension is set up with: the fake Odoo's, or the proxy's. */
  origin: string;
  rounds: Rounds;
  stop(): Promise<void>;
}

/**
 * The fake Odoo with an administrator signed in (the browser's cookie: sent by the fetch the background
 * uses), the origin granted, the setup saved; with `rttMs`, reached through the latency proxy.
 */
async function world(
  rttMs: number | null,
  transform?: (fetch: typeof globalThis.fetch) => typeof globalThis.fetch,
): Promise<World> {
  const odoo = await startFakeOdoo({ version: '17.0', proxyMode: rttMs !== null });
  const proxy = rttMs === null ? null : await startLatencyProxy(odoo, { host: '127.0.0.1', rttMs });
  // Node's fetch trusts the TLS front's throw-away certificate, and only for this test process.
  if (proxy) setDefaultCACertificates([...getCACertificates('default'), proxy.certificate]);
  const origin = proxy?.origin ?? odoo.origin;
  const withSession = fetchWithCookie(odoo.login('admin'));
  const rounds = inRounds(transform ? transform(withSession) : withSession);
  installPermissions([`${new URL(origin).protocol}//127.0.0.1/*`]);
  // Timed runs go straight through; the lock-step rounds would add their own waits.
  vi.stubGlobal('fetch', rttMs === null ? rounds.fetch : withSession);
  startBackground();
  await setupItem.set(aSetup({ odooOrigin: origin, gmail: GMAIL, accountType: 'workspace' }));
  return {
    odoo,
    proxy,
    origin,
    rounds,
    async stop() {
      removeAllListeners();
      vi.unstubAllGlobals();
      await proxy?.close();
      await odoo.stop();
    },
  };
}

/** Runs `run`, counting the calls Odoo received and the wall time. */
async function measured(w: World, run: () => Promise<unknown>, check: (reply: unknown) => void): Promise<Measured> {
  const before = w.odoo.requests.length;
  w.rounds.reset();
  const started = performance.now();
  const reply = await run();
  const ms = performance.now() - started;
  check(reply);
  const rpc = w.odoo.requests
    .slice(before)
    .filter((r) => r.method === 'POST')
    .map((r) => r.rpcMethod ?? r.path);
  return { calls: rpc.length, rpc, ms };
}

/** The popup's Test Connection, measured: the token is there and Test Connection passes. */
const checkGreen = (w: World) =>
  measured(
    w,
    () => sendAs(POPUP, 'checkGmail', { trigger: 'manual' }),
    (r) => expect(r).toMatchObject({ ok: true, value: { status: 'ok', token: true } }),
  );

/** The three operations one after the other, as a person meets them; each measured. */
async function playAll(w: World): Promise<Record<Operation, Measured & { depth: number }>> {
  const probe = await measured(
    w,
    () => sendAs(POPUP, 'probeOdoo', {}),
    (r) => expect(r).toMatchObject({ ok: true, value: { status: 'ok' } }),
  );
  const probeDepth = w.rounds.depth();
  expect(await sendAs(CONSOLE_TAB, 'captureCredentials', CREDENTIALS)).toMatchObject({ ok: true });
  const opened = vi.spyOn(fakeBrowser.tabs, 'create');
  const saveAndConnect = await measured(
    w,
    () => sendAs(CONSOLE_TAB, 'finishInOdoo', {}),
    (r) => expect(r).toMatchObject({ ok: true, value: { server: 'created', via: 'google' } }),
  );
  const saveDepth = w.rounds.depth();
  // Google's consent page is what was opened, and nothing else.
  expect(opened.mock.calls.map((c) => String(c[0].url))).toEqual([expect.stringMatching(/^https:\/\/accounts\.google\.com\//)]);
  // The person allows on Google's page: Odoo gets its refresh token (straight to the fake, not timed).
  const server = (await odooGmailItem.get())?.server;
  expect(
    await consentThroughGoogle({ odoo: w.odoo, fetch: fetchWithCookie(w.odoo.login('admin')) }, server?.id, CREDENTIALS, GMAIL),
  ).toBe(303);
  const monitorCheck = await checkGreen(w);
  const checkDepth = w.rounds.depth();
  return {
    probe: { ...probe, depth: probeDepth },
    saveAndConnect: { ...saveAndConnect, depth: saveDepth },
    monitorCheck: { ...monitorCheck, depth: checkDepth },
  };
}

let current: World | null = null;
afterEach(async () => {
  await current?.stop();
  current = null;
});

describe('round trips deep, where the person waits', () => {
  it('probe 2, "Save in Odoo and connect" 4 until Google\'s page opens, monitor check 2', async () => {
    current = await world(null);
    const r = await playAll(current);
    expect(r.probe.depth).toBe(2);
    expect(r.saveAndConnect.depth).toBe(4);
    expect(r.monitorCheck.depth).toBe(2);
  });

  it('an Odoo whose refresh token cannot be searched (newest master): the check learns it once, then stays 2 deep', async () => {
    const refused = { count: 0 };
    current = await world(null, (base) => masterLike(base, refused));
    const w = current;
    await playAll(w);
    // The first check found search_count refused and read a boolean instead: one more round, once.
    expect(refused.count).toBe(1);
    const again = await checkGreen(w);
    expect(w.rounds.depth()).toBe(2);
    expect(again.rpc).not.toContain('search_count');
    expect(refused.count).toBe(1);
  });
});

/** Odoo refusing a domain on the non-stored token field, as the newest master does (odoo-gmail.md §1.2, §8.4). */
function masterLike(base: typeof fetch, refused: { count: number }): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? init.body : '';
    if (String(input).endsWith('/ir.mail_server/search_count') && body.includes(TOKEN_FIELD)) {
      refused.count++;
      const refusal = new OdooException(
        'builtins.ValueError',
        `Non-stored field ir.mail_server.${TOKEN_FIELD} cannot be searched.`,
      );
      return new Response(JSON.stringify(errorEnvelope(1, refusal)), { headers: { 'Content-Type': 'application/json' } });
    }
    return base(input, init);
  }) as typeof fetch;
}

const out = process.env.ROUND_TRIPS_JSON;
describe.runIf(!!out)('timed, straight and through the latency proxy (for npm run bench)', () => {
  const rttMs = Number(process.env.ROUND_TRIPS_RTT_MS ?? 200);
  const timed: {
    plain?: Record<Operation, Measured & { depth: number }>;
    far?: Record<Operation, Measured & { depth: number }>;
  } = {};
  let connections = 0;
  afterAll(() => {
    const { plain, far } = timed;
    if (!plain || !far) return;
    const result = {
      rttMs,
      connections,
      operations: Object.fromEntries(
        OPERATIONS.map((op) => [
          op,
          { depth: plain[op].depth, calls: plain[op].calls, rpc: plain[op].rpc, plainMs: plain[op].ms, farMs: far[op].ms },
        ]),
      ),
    };
    console.log(`round trips: ${JSON.stringify(result)}`);
    writeFileSync(out as string, JSON.stringify(result));
  });

  it('straight to the fake Odoo', async () => {
    current = await world(null);
    timed.plain = await playAll(current);
  });

  it(`through the latency proxy (${rttMs} ms per round trip, TLS)`, async () => {
    current = await world(rttMs);
    timed.far = await playAll(current);
    connections = current.proxy?.connections() ?? 0;
  });
});
