/**
 * The fake Odoo (test/fake-odoo) over real HTTP, for unit tests of the Odoo client: a `fetch` that
 * carries an admin's session cookie the way the browser does with `credentials: 'include'`, and the
 * JSON-RPC bodies the client sent.
 */
import { type FakeOdoo, type FakeOdooOptions, startFakeOdoo } from '../fake-odoo/server.ts';

const realFetch = globalThis.fetch;

export interface FakeOdooClient {
  odoo: FakeOdoo;
  fetch: typeof fetch;
  /** `params` of every call_kw the client sent, in order. */
  calls(): { model: string; method: string; args: unknown[]; kwargs: Record<string, unknown> }[];
  stop(): Promise<void>;
}

export async function fakeOdooClient(options: FakeOdooOptions & { login?: string } = {}): Promise<FakeOdooClient> {
  const odoo = await startFakeOdoo(options);
  const sid = odoo.login(options.login ?? 'admin');
  const fetchWithSession = ((input: RequestInfo | URL, init: RequestInit = {}) =>
    realFetch(input, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Cookie: `session_id=${sid}` },
    })) as typeof fetch;
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
