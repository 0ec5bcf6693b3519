import { describe, expect, it } from 'vitest';
import { callKw, jsonRpc } from '@/lib/odoo/rpc';
import { failure, fixture, neverAnswers, replay } from './odoo-replay';

const ORIGIN = 'https://acme.odoo.com';

describe('jsonRpc speaks Odoo JSON-RPC', () => {
  it("sends Odoo's envelope as JSON, with the session cookie", async () => {
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 1, result: 42 } }));
    await expect(
      callKw(ORIGIN, 'ir.mail_server', 'test_smtp_connection', [[7]], { context: {} }, { fetch: r.fetch }),
    ).resolves.toBe(42);
    const [call] = r.calls;
    expect(call?.url).toBe('https://acme.odoo.com/web/dataset/call_kw/ir.mail_server/test_smtp_connection');
    expect(call?.init).toMatchObject({ method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' } });
    expect(call?.body).toMatchObject({
      jsonrpc: '2.0',
      method: 'call',
      params: { model: 'ir.mail_server', method: 'test_smtp_connection', args: [[7]], kwargs: { context: {} } },
    });
  });

  it('returns a null result as null (not as a failure)', async () => {
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 1, result: null } }));
    await expect(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch })).resolves.toBeNull();
  });

  it('reads an envelope without `result` (a method that returned None) as a null result', async () => {
    // `{"jsonrpc":"2.0","id":N}` is what real Odoo sends for mail.mail.send, /web/session/destroy (captures fact 2).
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 7 } }));
    await expect(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch })).resolves.toBeNull();
  });

  it.each([
    ['an array', [{ jsonrpc: '2.0', id: 1, result: 1 }]],
    ['an empty object', {}],
    ['a result without "jsonrpc": "2.0"', { id: 1, result: 1 }],
    ['another JSON-RPC version', { jsonrpc: '1.0', id: 1 }],
    ['an envelope whose error is malformed', { jsonrpc: '2.0', id: 1, error: { code: 'x' } }],
  ])('refuses %s as not JSON-RPC', async (_label, json) => {
    const r = replay(() => ({ json }));
    expect((await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }))).kind).toBe('notRpc');
  });

  it.each([
    // 19.0 sends code 0 for every ordinary exception, 18–19 code 404 for an unknown model (captures fact 1).
    ["a UserError with 19.0's code 0", 0, 'odoo.exceptions.UserError', 'odooError'],
    ['an unknown model with code 404', 404, 'werkzeug.exceptions.NotFound', 'odooError'],
    ['a UserError that happens to carry code 100', 100, 'odoo.exceptions.UserError', 'odooError'],
    ['a session expiry with code 0', 0, 'odoo.http.SessionExpiredException', 'sessionExpired'],
    ['an AccessError with code 0', 0, 'odoo.exceptions.AccessError', 'accessDenied'],
  ])('decides on data.name, not on code: %s', async (_label, code, name, kind) => {
    const r = replay(() => ({
      json: { jsonrpc: '2.0', id: 1, error: { code, message: 'Odoo Server Error', data: { name, message: 'm' } } },
    }));
    expect((await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }))).kind).toBe(kind);
  });

  it.each([
    ['error-session-expired.json', 'sessionExpired', 'odoo.http.SessionExpiredException'],
    ['error-access.json', 'accessDenied', 'odoo.exceptions.AccessError'],
    ['error-user.json', 'odooError', 'odoo.exceptions.UserError'],
  ])('%s → %s', async (file, kind, odooName) => {
    const r = replay(() => ({ json: fixture(file) }));
    const error = await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }));
    expect(error.kind).toBe(kind);
    expect(error.details.odooName).toBe(odooName);
  });

  it("keeps Odoo's message verbatim for the person", async () => {
    const r = replay(() => ({ json: fixture('error-user.json') }));
    expect((await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }))).message).toBe(
      'Please configure your Gmail credentials.',
    );
  });

  it('accepts an error envelope without data (older or proxied Odoo)', async () => {
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 1, error: { code: 100, message: 'Odoo Session Expired' } } }));
    expect((await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }))).kind).toBe('sessionExpired');
  });

  it.each([
    ['an HTML login page with 200', { text: '<html><form action="/web/login"></form></html>' }, 'notJson', 200],
    ['a 502 from a proxy', { status: 502, text: '<h1>502 Bad Gateway</h1>' }, 'http', 502],
    ['a 500 with a JSON body that is not JSON-RPC', { status: 500, json: { message: 'boom' } }, 'http', 500],
    ['a 404 page', { status: 404, text: 'Not Found' }, 'http', 404],
    ['JSON that is not an envelope', { json: { hello: 'world' } }, 'notRpc', 200],
    ['an envelope with a malformed error', { json: { error: { code: 'x' } } }, 'notRpc', 200],
  ])('%s → %s', async (_label, answer, kind, status) => {
    const r = replay(() => answer);
    const error = await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }));
    expect(error.kind).toBe(kind);
    expect(error.details.status).toBe(status);
  });

  it('turns a refused connection into "network"', async () => {
    const r = replay(() => undefined);
    expect((await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: r.fetch }))).kind).toBe('network');
  });

  it('gives up after its time limit', async () => {
    const error = await failure(jsonRpc(ORIGIN, '/x', {}, { fetch: neverAnswers, timeoutMs: 30 }));
    expect(error.kind).toBe('timeout');
    // The limit travels with the error, so the person reads how long was waited.
    expect(error.details.timeoutMs).toBe(30);
  });

  it("passes a caller's abort through unchanged", async () => {
    const controller = new AbortController();
    const pending = jsonRpc(ORIGIN, '/x', {}, { fetch: neverAnswers, signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
