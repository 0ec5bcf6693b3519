/**
 * The fake Odoo (test/fake-odoo) over real HTTP, for unit tests of the Odoo client: a `fetch` that
 * carries an admin's session cookie the way the browser does with `credentials: 'include'`, and the
 * JSON-RPC bodies the client sent.
 */
import { expect, vi } from 'vitest';
import { startBackground } from '@/lib/background';
import { setupItem } from '@/lib/state/items';
import { type FakeOdoo, type FakeOdooOptions, startFakeOdoo } from '../fake-odoo/server.ts';
import { aSetup } from '../support/builders';
import { installPermissions, POPUP, sendAs } from './helpers';

const realFetch = globalThis.fetch;

export interface FakeOdooClient {
  odoo: FakeOdoo;
  fetch: typeof fetch;
  /** `params` of every call_kw the client sent, in order. */
  calls(): { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> }[];
  stop(): Promise<void>;
}

/** The real fetch, sending the `session_id` cookie `sid` as the browser does with `credentials: 'include'`. */
export function fetchWithCookie(sid: string): typeof fetch {
  return ((input: RequestInfo | URL, init: RequestInit = {}) =>
    realFetch(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Cookie: `session_id=${sid}` },
    })) as typeof fetch;
}

export async function fakeOdooClient(options: FakeOdooOptions & { login?: string } = {}): Promise<FakeOdooClient> {
  const odoo = await startFakeOdoo(options);
  const fetchWithSession = fetchWithCookie(odoo.login(options.login ?? 'admin'));
  return {
    odoo,
    fetch: fetchWithSession,
    calls: () =>
      odoo.requests
        .filter((r) => r.model && r.body)
        .map((r) => JSON.parse(r.body ?? '{}').params as ReturnType<FakeOdooClient['calls']>[number]),
    stop: () => odoo.stop(),
  };
}

/**
 * "Connect your Gmail account" as the browser would do it: `open_google_gmail_uri` on the server, the
 * fake's Google consent (client registered, `account` signed in and allowed), then Odoo's callback.
 * Returns the callback's HTTP status (303: Odoo stored the refresh token and went back to the record).
 */
export async function consentThroughGoogle(
  client: Pick<FakeOdooClient, 'odoo' | 'fetch'>,
  serverId: number | undefined,
  credentials: { clientId: string; clientSecret: string },
  account: string,
  model: 'ir.mail_server' | 'fetchmail.server' = 'ir.mail_server',
): Promise<number> {
  const odoo = client.odoo;
  odoo.google.registerClient({
    ...credentials,
    redirectUris: [`${odoo.origin}/google_gmail/confirm`],
    testUsers: [account],
  });
  odoo.google.signIn(account);
  const act = await (
    await client.fetch(`${odoo.origin}/web/dataset/call_kw`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        method: 'call',
        params: { model, method: 'open_google_gmail_uri', args: [[serverId]], kwargs: {} },
      }),
    })
  ).json();
  const page = odoo.google.handleBrowser(new URL(act.result.url));
  const pending = /name="id" value="(\w+)"/.exec(page.body)?.[1];
  const approve = odoo.google.handleBrowser(new URL(`https://accounts.google.com/o/oauth2/approve?id=${pending}&consent=allow`));
  return (await client.fetch(approve.headers.location ?? '', { redirect: 'manual' })).status;
}

/**
 * The real background with a fake Odoo the person already connected to: the origin granted, the setup
 * saved for `gmail` (a Workspace account), and a probe that found an administrator.
 */
export async function connectedBackground(options: FakeOdooOptions, gmail: string): Promise<FakeOdooClient> {
  const client = await fakeOdooClient(options);
  installPermissions(['http://127.0.0.1/*']);
  vi.stubGlobal('fetch', client.fetch);
  startBackground();
  await setupItem.set(aSetup({ odooOrigin: client.odoo.origin, gmail, accountType: 'workspace' }));
  expect(await sendAs(POPUP, 'probeOdoo', {})).toMatchObject({ ok: true, value: { status: 'ok' } });
  return client;
}
