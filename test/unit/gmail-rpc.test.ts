/**
 * The RPC edges the Odoo-side operations depend on: the context and reply schema of `callParsed`,
 * replies that are not what Odoo sends, Odoo's error classes, the Msg a person reads for each, the
 * plain-language reading of a failed Test Connection, and the consent URL's checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { callParsed } from '@/lib/odoo/call';
import { MsgError, odooErrorMsg } from '@/lib/odoo/error-messages';
import { OdooRpcError } from '@/lib/odoo/errors';
import { parseConsentUrl, readTestFailure, type ServerFacts, testGmailConnection } from '@/lib/odoo/gmail-connection';
import { GmailSetupError } from '@/lib/odoo/gmail-setup';
import { jsonRpc } from '@/lib/odoo/rpc';
import { failure, neverAnswers, replay } from './odoo-replay';

const ORIGIN = 'https://acme.odoo.com';

const envelope = (name: string, message: string, code = 200) => ({
  jsonrpc: '2.0',
  id: 1,
  error: { code, message: 'Odoo Server Error', data: { name, message, arguments: [message], debug: '', context: {} } },
});

describe('callParsed', () => {
  it("sends English as the context language, merged with the caller's context and kwargs", async () => {
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 1, result: 3 } }));
    await callParsed(ORIGIN, 'ir.mail_server', 'search_count', [[]], z.number(), {
      kwargs: { limit: 1 },
      context: { active_test: false },
      fetch: r.fetch,
    });
    expect(r.calls[0]?.body.params).toEqual({
      model: 'ir.mail_server',
      method: 'search_count',
      args: [[]],
      kwargs: { limit: 1, context: { lang: 'en_US', active_test: false } },
    });
  });

  it('gives up after the per-call time limit (a module install gets minutes, a probe seconds)', async () => {
    const error = await failure(
      callParsed(ORIGIN, 'ir.module.module', 'button_immediate_install', [[42]], z.unknown(), {
        fetch: neverAnswers,
        timeoutMs: 25,
      }),
    );
    expect(error.kind).toBe('timeout');
  });

  it('turns a reply of the wrong shape into badReply, not a crash later', async () => {
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 1, result: { id: 'seven' } } }));
    const error = await failure(callParsed(ORIGIN, 'ir.mail_server', 'create', [{}], z.number(), { fetch: r.fetch }));
    expect(error.kind).toBe('badReply');
  });
});

describe('replies that are not what Odoo sends', () => {
  it.each([
    ['an empty 200 body', { text: '' }, 'notJson'],
    ['HTML labelled as JSON', { text: '<!DOCTYPE html><title>Sign in</title>', contentType: 'application/json' }, 'notJson'],
    ['JSON cut short', { text: '{"jsonrpc":"2.0","id":1,"resu', contentType: 'application/json' }, 'notJson'],
    ['a 503 maintenance page', { status: 503, text: '<h1>Maintenance</h1>' }, 'http'],
    [
      'a 500 with Odoo’s session-expired envelope',
      { status: 500, json: envelope('odoo.http.SessionExpiredException', 'Session expired', 100) },
      'sessionExpired',
    ],
    ['AccessDenied (module buttons)', { json: envelope('odoo.exceptions.AccessDenied', 'Access Denied') }, 'accessDenied'],
    [
      'MissingError (server deleted)',
      { json: envelope('odoo.exceptions.MissingError', 'Record does not exist or has been deleted.') },
      'odooError',
    ],
    [
      'ValidationError (a constraint)',
      { json: envelope('odoo.exceptions.ValidationError', 'Missing required fields') },
      'odooError',
    ],
  ])('%s → %s', async (_label, answer, kind) => {
    const r = replay(() => answer);
    expect((await failure(jsonRpc(ORIGIN, '/web/dataset/call_kw', {}, { fetch: r.fetch }))).kind).toBe(kind);
  });
});

describe('what a person reads for each failure', () => {
  it.each([
    [new OdooRpcError('sessionExpired', 'x'), { key: 'odoo.err.signedOut' }],
    [
      new OdooRpcError('accessDenied', 'x', { odooMessage: 'Only administrators can change the settings' }),
      { key: 'odoo.err.denied', params: { text: 'Only administrators can change the settings' } },
    ],
    [
      new OdooRpcError('odooError', 'x', { odooMessage: 'Please configure your Gmail credentials.' }),
      { key: 'odoo.err.refused', params: { text: 'Please configure your Gmail credentials.' } },
    ],
    [new OdooRpcError('network', 'Failed to fetch'), { key: 'odoo.err.unreachable' }],
    [new OdooRpcError('timeout', 'x'), { key: 'odoo.err.timeout' }],
    [new OdooRpcError('timeout', 'x', { timeoutMs: 15_000 }), { key: 'odoo.err.timeoutAfter', params: { seconds: 15 } }],
    [new OdooRpcError('http', 'x', { status: 502 }), { key: 'odoo.err.http', params: { status: 502 } }],
    [new OdooRpcError('notJson', 'x'), { key: 'odoo.err.notJson' }],
    [new OdooRpcError('notRpc', 'x'), { key: 'odoo.err.badReply' }],
    [new GmailSetupError('secretNotSaved'), { key: 'odoo.err.secretNotSaved' }],
    [new MsgError({ key: 'odoo.err.moduleFirst' }), { key: 'odoo.err.moduleFirst' }],
    [new TypeError('boom'), { key: 'err.internal', params: { detail: 'TypeError' } }],
  ])('%s', (error, expected) => expect(odooErrorMsg(error)).toEqual(expected));
});

describe('reading a failed Test Connection', () => {
  it.each([
    ['An error occurred when fetching the access token.', 'tokenRevoked'],
    ['An error occurred when fetching the access token. invalid_grant: Token has been expired or revoked.', 'tokenRevoked'],
    [
      'Server replied with following exception:\n 5.7.8 Username and Password not accepted. For more information, go to\n5.7.8  https://support.google.com/mail/?p=BadCredentials - gsmtp',
      'badCredentials',
    ],
    ['Server replied with following exception:\n (535, b"5.7.3 Authentication unsuccessful")', 'badCredentials'],
    [
      'The server refused the sender address (me@gmail.com) with error 5.7.57 Client not authenticated to send mail',
      'noUsername',
    ],
    ["The server refused the sender address (me@gmail.com) with error b'5.7.0 Authentication Required.'", 'noUsername'],
    ['The server refused the sender address (noreply@acme.com) with error 550 5.7.1 not allowed', 'senderRefused'],
    [
      'Please configure an email on the current user to simulate sending an email message via this outgoing server',
      'noUserEmail',
    ],
    ['Please configure your Gmail credentials.', 'noCredentials'],
    ['No response received. Check server address and port number.\n [Errno -2] Name or service not known', 'gmailUnreachable'],
    ['Invalid server name !\n label empty or too long', 'gmailUnreachable'],
    ['An SSL exception occurred. Check connection security type.\n wrong version number', 'security'],
    ['Oops, we could not authenticate you. Please try again later.', 'relay'],
    ["You don't have an active subscription", 'relay'],
    ['Connection Test Failed! Here is what we got instead:\n something new', 'unknown'],
  ])('%j → %s', (text, reading) => expect(readTestFailure(text)).toBe(reading));

  // What real Odoo says (captures fact 12): a refused token, an empty Username and a password login share
  // their words; the server's facts tell them apart.
  const oauth: ServerFacts = { gmailOAuth: true, username: 'odoo.sender@gmail.com', token: true };
  it.each([
    [
      "The server refused the sender address (odoo.sender@gmail.com) with error b'5.7.8 Username and Password not accepted. For more information, go to\\n5.7.8  https://support.google.com/mail/?p=BadCredentials aae05fb9 - gsmtp'",
      oauth,
      'tokenRefused',
    ],
    [
      "The server refused the sender address (odoo.sender@gmail.com) with error b'5.7.0 Authentication Required. For more information, go to\\n5.7.0  https://support.google.com/mail/?p=WantAuthError fadf51bf - gsmtp'",
      oauth,
      'tokenRefused',
    ],
    [
      "The server refused the sender address (me@gmail.com) with error b'5.7.0 Authentication Required.'",
      { ...oauth, username: null },
      'noUsername',
    ],
    [
      "The server refused the sender address (me@gmail.com) with error b'5.7.0 Authentication Required.'",
      { ...oauth, gmailOAuth: false },
      'badCredentials',
    ],
    [
      'Server replied with following exception:\n 5.7.8 Username and Password not accepted.',
      { ...oauth, gmailOAuth: false },
      'badCredentials',
    ],
    ['An error occurred when fetching the access token.', oauth, 'tokenRevoked'],
    ['The server refused the sender address (noreply@acme.com) with error 550 5.7.1 not allowed', oauth, 'senderRefused'],
  ] as const)('%j with %j → %s', (text, facts, reading) => expect(readTestFailure(text, facts)).toBe(reading));

  it.each(['15.0', '16.0', '17.0', '18.0', '19.0'])(
    '%s: every recorded Test Connection failure reads as what it was',
    (version) => {
      const dir = resolve('test/fixtures/odoo/recorded', version);
      const said = (step: string) => {
        const file = readdirSync(dir).find((f) => f.startsWith(`${step}-`));
        if (!file) return null;
        const body = JSON.parse(readFileSync(join(dir, file), 'utf8')).response.body_json as {
          error?: { data?: { message?: string } };
        };
        return body.error?.data?.message ?? null;
      };
      // The recorded server: Gmail OAuth, Username odoo.sender@gmail.com; no token yet at 21, a token from 28 on.
      const before = said('21');
      expect(before).toBe('An error occurred when fetching the access token.');
      expect(readTestFailure(before ?? '', { ...oauth, token: false })).toBe('tokenRevoked');
      expect(readTestFailure(said('38') ?? '', oauth)).toBe('tokenRevoked'); // refresh token revoked, cache expired
      expect(readTestFailure(said('40') ?? '', oauth)).toBe('tokenRefused'); // immediate 535 → MAIL FROM 5.7.0
      expect(readTestFailure(said('41') ?? '', oauth)).toBe('tokenRefused'); // Gmail's 334 then 535 → MAIL FROM 5.7.8
      const noFilter = said('nofromfilter-08');
      if (noFilter) expect(readTestFailure(noFilter, { ...oauth, username: 'other.sender@gmail.com' })).toBe('noUserEmail');
    },
  );

  it('success is the notification type, whatever its (translated) message says', async () => {
    const ok = replay(() => ({
      json: {
        jsonrpc: '2.0',
        id: 1,
        result: {
          type: 'ir.actions.client',
          tag: 'display_notification',
          params: { message: 'Kết nối thành công!', type: 'success' },
        },
      },
    }));
    expect(await testGmailConnection(ORIGIN, 1, { fetch: ok.fetch })).toEqual({ ok: true });
    const warning = replay(() => ({
      json: {
        jsonrpc: '2.0',
        id: 1,
        result: { type: 'ir.actions.client', tag: 'display_notification', params: { message: 'Something odd', type: 'warning' } },
      },
    }));
    expect(await testGmailConnection(ORIGIN, 1, { fetch: warning.fetch })).toEqual({
      ok: false,
      odooText: 'Something odd',
      reading: 'unknown',
    });
  });
});

describe('the consent URL Odoo returns', () => {
  it('reads the redirect URI and client ID from a Google URL', () => {
    const url =
      'https://accounts.google.com/o/oauth2/v2/auth?client_id=1-a.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Facme.odoo.com%2Fgoogle_gmail%2Fconfirm&state=%7B%7D';
    expect(parseConsentUrl(url)).toEqual({
      url,
      via: 'google',
      redirectUri: 'https://acme.odoo.com/google_gmail/confirm',
      clientId: '1-a.apps.googleusercontent.com',
    });
  });

  it("accepts 19.0 Enterprise's relay, refuses anything that is not https", () => {
    expect(parseConsentUrl('https://gmail.api.odoo.com/api/mail_oauth/1/gmail?x=1')?.via).toBe('relay');
    expect(parseConsentUrl('http://accounts.google.com/o/oauth2/v2/auth')).toBeNull();
    expect(parseConsentUrl('javascript:alert(1)')).toBeNull();
    expect(parseConsentUrl('not a url')).toBeNull();
  });
});
