/**
 * Odoo's JSON-RPC, as its own web client speaks it: POST with `Content-Type: application/json`, the
 * `{"jsonrpc":"2.0","method":"call","params":…}` envelope, the admin's `session_id` cookie
 * (credentials: 'include'). Every failure becomes an `OdooRpcError` whose `kind` says what a person
 * can do about it. Reference: docs/evidence/odoo-gmail.md §8.1–8.2.
 *
 * Private to lib/odoo/ (the layers check, scripts/layers.ts): the rest of the extension reaches Odoo
 * through the client's named functions, which send the context every call needs (call.ts).
 */
import { OdooRpcError } from './errors';
import { type RpcErrorBody, RpcErrorEnvelope, RpcResultEnvelope } from './schemas';

export interface RpcOptions {
  signal?: AbortSignal;
  /** Per-request limit; Odoo's own client waits longer, but a person should not. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
let nextId = 1;

function classifyOdooError(error: RpcErrorBody): OdooRpcError {
  const name = error.data?.name ?? '';
  const text = error.data?.message || error.message;
  const details = { odooName: name, odooMessage: text };
  // Decided on `data.name`, never on `code`: the same UserError is code 200 in 15–18 and 0 in 19.0, an
  // unknown model is 404 in 18–19 (captures fact 1). Only an envelope without `data` (a proxy, a
  // trimmed reply) falls back to code 100, which every version gives SessionExpiredException alone.
  const expired = name ? name === 'odoo.http.SessionExpiredException' : error.code === 100;
  if (expired) {
    return new OdooRpcError('sessionExpired', 'Odoo session expired', details);
  }
  if (name === 'odoo.exceptions.AccessError' || name === 'odoo.exceptions.AccessDenied') {
    return new OdooRpcError('accessDenied', text, details);
  }
  return new OdooRpcError('odooError', text, details);
}

/** One JSON-RPC call. Resolves with `result` (unknown: the caller parses it with zod). */
export async function jsonRpc(origin: string, path: string, params: unknown, opts: RpcOptions = {}): Promise<unknown> {
  const limit = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(limit);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  const doFetch = opts.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(new URL(path, origin).href, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: nextId++, params }),
      signal,
    });
  } catch (error) {
    if (timeout.aborted) throw new OdooRpcError('timeout', `No answer within ${limit} ms`, { timeoutMs: limit });
    if (opts.signal?.aborted) throw error;
    throw new OdooRpcError('network', error instanceof Error ? error.message : String(error));
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (timeout.aborted) throw new OdooRpcError('timeout', 'Reply cut off by the time limit', { timeoutMs: limit });
    throw new OdooRpcError('network', error instanceof Error ? error.message : String(error));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    if (!response.ok) throw new OdooRpcError('http', `HTTP ${response.status}`, { status: response.status });
    throw new OdooRpcError('notJson', 'The reply is not JSON', { status: response.status });
  }
  const failure = RpcErrorEnvelope.safeParse(body);
  if (failure.success) throw classifyOdooError(failure.data.error);
  const success = RpcResultEnvelope.safeParse(body);
  if (!response.ok) throw new OdooRpcError('http', `HTTP ${response.status}`, { status: response.status });
  if (!success.success) throw new OdooRpcError('notRpc', 'The reply is not a JSON-RPC envelope', { status: response.status });
  return success.data.result;
}

/** `/web/dataset/call_kw/<model>/<method>` — the path suffix is informational, as in Odoo's client. */
export function callKw(
  origin: string,
  model: string,
  method: string,
  args: unknown[],
  kwargs: Record<string, unknown> = {},
  opts: RpcOptions = {},
): Promise<unknown> {
  return jsonRpc(origin, `/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs }, opts);
}
