/**
 * A `fetch` stand-in that answers Odoo JSON-RPC calls from recorded replies, keyed by the call, and
 * records what the extension sent. Used to test the Odoo client without a server.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect } from 'vitest';
import { OdooRpcError } from '@/lib/odoo/errors';

export const fixture = (name: string): unknown => JSON.parse(readFileSync(resolve('test/fixtures/odoo', name), 'utf8'));

export type Route = (call: {
  path: string;
  body: { params?: { model?: string; method?: string; args?: unknown[] } };
}) => { status?: number; json?: unknown; text?: string; contentType?: string } | undefined;

export interface Replay {
  fetch: typeof fetch;
  calls: { url: string; init: RequestInit; body: { params?: { model?: string; method?: string; args?: unknown[] } } }[];
}

export function replay(route: Route): Replay {
  const calls: Replay['calls'] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const body = JSON.parse(String(init.body ?? '{}'));
    calls.push({ url, init, body });
    const answer = route({ path: new URL(url).pathname, body });
    if (!answer) throw new TypeError('Failed to fetch');
    const text = answer.text ?? JSON.stringify(answer.json);
    return new Response(text, {
      status: answer.status ?? 200,
      headers: { 'Content-Type': answer.contentType ?? (answer.text !== undefined ? 'text/html' : 'application/json') },
    });
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

/** Routes get_session_info / call_kw(model, method) to fixture files. */
/** A server that never answers: the request ends only when its signal aborts (a time limit, a caller's abort). */
export const neverAnswers = ((_: unknown, init?: RequestInit) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  })) as typeof fetch;

export function odooRoutes(files: { session: string; modules?: string; user?: unknown }): Route {
  return ({ path, body }) => {
    if (path === '/web/session/get_session_info') return { json: fixture(files.session) };
    const model = body.params?.model;
    const method = body.params?.method;
    if (model === 'res.users' && method === 'read') {
      return { json: files.user ?? { jsonrpc: '2.0', id: 9, result: [{ id: 2, email: 'admin@acme.com', login: 'admin' }] } };
    }
    if (model === 'ir.module.module' && method === 'search_read' && files.modules) return { json: fixture(files.modules) };
    return { status: 404, text: '<h1>Not Found</h1>' };
  };
}

/** The OdooRpcError a call failed with (and the proof that it failed with one). */
export async function failure(promise: Promise<unknown>): Promise<OdooRpcError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OdooRpcError);
  return error as OdooRpcError;
}
