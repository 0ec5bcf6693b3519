/**
 * The fake Odoo is the evidence the e2e tests stand on, so its google_gmail behaviour is pinned to the
 * reference here: `/google_gmail/confirm`'s checks in Odoo's order and per-version answers
 * (odoo-gmail.md §1.6, §7), the Gmail constraints' texts (§1.3), the settings' module_* trap (§8.3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RecordValues } from '../fake-odoo/db.ts';
import { gmailCsrfToken } from '../fake-odoo/gmail.ts';
import { type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';

const ID = '1-a.apps.googleusercontent.com';
let client: FakeOdooClient;
afterEach(() => client.stop());

async function rpc(model: string, method: string, args: unknown[], kwargs: Record<string, unknown> = {}) {
  const r = await client.fetch(`${client.odoo.origin}/web/dataset/call_kw`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: 1, params: { model, method, args, kwargs } }),
  });
  const body = await r.json();
  return body.error ? { error: body.error.data.message as string } : { result: body.result };
}

async function confirm(query: Record<string, string>) {
  const r = await client.fetch(`${client.odoo.origin}/google_gmail/confirm?${new URLSearchParams(query)}`, {
    redirect: 'manual',
  });
  return { status: r.status, location: r.headers.get('location'), text: await r.text() };
}

async function gmailServer(version: string, login = 'admin') {
  client = await fakeOdooClient({ version, login });
  client.odoo.db.params.set('google_gmail_client_id', ID);
  client.odoo.db.params.set('google_gmail_client_secret', 'GOCSPX-x');
  const values: RecordValues =
    version === '15.0'
      ? { use_google_gmail_service: true }
      : { smtp_authentication: 'gmail', smtp_encryption: 'starttls', from_filter: 'a@b.com' };
  client.odoo.db.table('ir.mail_server').set(1, {
    id: 1,
    name: 'Gmail',
    smtp_host: 'smtp.gmail.com',
    smtp_port: 587,
    smtp_user: 'a@b.com',
    smtp_pass: false,
    active: true,
    sequence: 10,
    google_gmail_refresh_token: false,
    ...values,
  });
  return (id = 1) =>
    JSON.stringify({ model: 'ir.mail_server', id, csrf_token: gmailCsrfToken(client.odoo.db, 'ir.mail_server', id) });
}

describe('/google_gmail/confirm', () => {
  it.each(['15.0', '17.0', '18.0'])(
    '%s: checks in order, each failure Forbidden; Cancel is the plain-text error',
    async (version) => {
      const state = await gmailServer(version);
      expect((await confirm({ error: 'access_denied', state: state() })).text).toBe(
        'An error occur during the authentication process.',
      );
      expect((await confirm({ code: 'c', state: 'not json' })).status).toBe(403);
      expect((await confirm({ code: 'c', state: JSON.stringify({ model: 'ir.mail_server', id: 1 }) })).status).toBe(403);
      expect((await confirm({ code: 'c', state: JSON.stringify({ model: 'res.partner', id: 1, csrf_token: 'x' }) })).status).toBe(
        403,
      );
      expect(
        (await confirm({ code: 'c', state: JSON.stringify({ model: 'ir.mail_server', id: false, csrf_token: false }) })).status,
      ).toBe(403);
      expect((await confirm({ code: 'c', state: state(2) })).status).toBe(403);
      const forged = await confirm({ code: 'c', state: JSON.stringify({ model: 'ir.mail_server', id: 1, csrf_token: 'f00d' }) });
      expect(forged.status).toBe(403);
      expect(forged.text).toContain('You don&#39;t have the permission to access the requested resource.');
      // A code Google never issued: the exchange fails, same plain text.
      expect((await confirm({ code: 'bogus', state: state() })).text).toBe('An error occur during the authentication process.');
    },
  );

  it('≤18.0: a non-system user is Forbidden before anything else', async () => {
    const state = await gmailServer('17.0', 'demo');
    expect((await confirm({ error: 'access_denied', state: state() })).status).toBe(403);
  });

  it('19.0: no group check, a QWeb error page instead of plain text', async () => {
    const state = await gmailServer('19.0', 'demo');
    const cancelled = await confirm({ error: 'access_denied', state: state() });
    expect(cancelled.status).toBe(200);
    expect(cancelled.text).toContain('An error occurred during the authentication process.');
    expect(cancelled.text).toContain('Go back');
  });

  it.each([
    ['15.0', '/web#id=1&model=ir.mail_server&view_type=form'],
    ['17.0', '/web#id=1&model=ir.mail_server&view_type=form'],
    ['18.0', '/odoo/ir.mail_server/1'],
    ['19.0', '/odoo/ir.mail_server/1'],
  ])('%s: success stores the tokens and redirects to %s', async (version, location) => {
    const state = await gmailServer(version);
    const google = client.odoo.google;
    google.registerClient({
      clientId: ID,
      clientSecret: 'GOCSPX-x',
      redirectUris: [`${client.odoo.origin}/google_gmail/confirm`],
      testUsers: ['a@b.com'],
    });
    google.signIn('a@b.com');
    const auth = new URL('https://accounts.google.com/o/oauth2/v2/auth');
    for (const [k, v] of Object.entries({
      client_id: ID,
      redirect_uri: `${client.odoo.origin}/google_gmail/confirm`,
      response_type: 'code',
      scope: 'https://mail.google.com/',
      access_type: 'offline',
      prompt: 'consent',
      state: state(),
    })) {
      auth.searchParams.set(k, v);
    }
    const pending = /name="id" value="(\w+)"/.exec(google.handleBrowser(auth).body)?.[1];
    const back = new URL(
      google.handleBrowser(new URL(`https://accounts.google.com/o/oauth2/approve?id=${pending}&consent=allow`)).headers
        .location ?? '',
    );
    const answer = await confirm(Object.fromEntries(back.searchParams));
    expect(answer).toMatchObject({ status: 303, location });
    const record = client.odoo.mailServers()[0];
    expect(record?.google_gmail_refresh_token).toMatch(/^1\/\/0g/);
    expect('google_gmail_authorization_code' in (record ?? {})).toBe(version !== '19.0');
  });
});

describe('Google stand-in refusals', () => {
  it('redirect_uri_mismatch, unknown client, not a test user', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    const google = client.odoo.google;
    google.registerClient({
      clientId: ID,
      clientSecret: 's',
      redirectUris: ['https://acme.odoo.com/google_gmail/confirm'],
      testUsers: [],
    });
    google.signIn('me@gmail.com');
    const auth = (q: Record<string, string>) =>
      google.handleBrowser(new URL(`https://accounts.google.com/o/oauth2/v2/auth?${new URLSearchParams(q)}`));
    const base = { client_id: ID, response_type: 'code', scope: 'https://mail.google.com/' };
    expect(auth({ ...base, redirect_uri: 'http://acme.odoo.com/google_gmail/confirm' }).body).toContain(
      'Error 400: redirect_uri_mismatch',
    );
    expect(auth({ ...base, client_id: '2-b.apps.googleusercontent.com', redirect_uri: 'x' }).body).toContain(
      'Error 401: invalid_client',
    );
    expect(auth({ ...base, redirect_uri: 'https://acme.odoo.com/google_gmail/confirm' }).body).toContain(
      'Error 403: access_denied',
    );
  });
});

describe('ir.mail_server constraints and settings', () => {
  it.each([
    [
      '16.0',
      { smtp_pass: 'x' },
      "Please leave the password field empty for Gmail mail server 'Gmail'. The OAuth process does not require it",
    ],
    [
      '18.0',
      { smtp_pass: 'x' },
      'Please leave the password field empty for Gmail mail server “Gmail”. The OAuth process does not require it',
    ],
    [
      '17.0',
      { smtp_encryption: 'ssl' },
      'Incorrect Connection Security for Gmail mail server \'Gmail\'. Please set it to "TLS (STARTTLS)".',
    ],
    [
      '19.0',
      { smtp_encryption: 'starttls_strict' },
      'Incorrect Connection Security for Gmail mail server \'Gmail\'. Please set it to "TLS (STARTTLS)".',
    ],
    [
      '16.0',
      { from_filter: 'other@b.com' },
      "This server 'Gmail' can only be used for your personal email address. Please fill the \"from_filter\" field with 'a@b.com'.",
    ],
    [
      '17.0',
      { smtp_user: false },
      'Please fill the "Username" field with your Gmail username (your email address). This should be the same account as the one used for the Gmail OAuthentication Token.',
    ],
    [
      '15.0',
      { smtp_user: false },
      'Please fill the "Username" field with your Gmail username (your email address). This should be the same account as the one used for the Gmail OAuthentication Token.',
    ],
    ['17.0', { smtp_encryption: 'starttls_strict' }, "Wrong value for ir.mail_server.smtp_encryption: 'starttls_strict'"],
  ])('%s %j → %s', async (version, vals, text) => {
    await gmailServer(version);
    expect(await rpc('ir.mail_server', 'write', [[1], vals])).toEqual({ error: text });
  });

  it('a module_* setting sent as false uninstalls the module (the trap the extension avoids)', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    const { result: id } = await rpc('res.config.settings', 'create', [{ module_google_gmail: false }]);
    await rpc('res.config.settings', 'execute', [[id]]);
    expect(client.odoo.db.modules.get('google_gmail')?.state).toBe('uninstalled');
  });

  it('19.0 open_google_gmail_uri wants a valid address; all versions want credentials', async () => {
    await gmailServer('19.0');
    await rpc('ir.mail_server', 'write', [[1], { smtp_user: 'not-an-address', from_filter: false }]);
    expect(await rpc('ir.mail_server', 'open_google_gmail_uri', [[1]])).toEqual({ error: 'Please enter a valid email address.' });
    await rpc('ir.mail_server', 'write', [[1], { smtp_user: 'a@b.com' }]);
    client.odoo.db.params.delete('google_gmail_client_secret');
    expect(await rpc('ir.mail_server', 'open_google_gmail_uri', [[1]])).toEqual({
      error: 'Please configure your Gmail credentials.',
    });
  });
});

describe("Odoo's Gmail relay (19.0 Enterprise without own credentials, §1.6, §3, §4)", () => {
  /** A 19.0 Gmail server without the database's own Client ID and secret. */
  async function relayServer(edition: 'enterprise' | 'community') {
    client = await fakeOdooClient({ version: '19.0', edition });
    client.odoo.db.table('ir.mail_server').set(1, {
      id: 1,
      name: 'Gmail',
      smtp_host: 'smtp.gmail.com',
      smtp_port: 587,
      smtp_encryption: 'starttls',
      smtp_authentication: 'gmail',
      smtp_user: 'a@b.com',
      from_filter: 'a@b.com',
      smtp_pass: false,
      active: true,
      sequence: 10,
      google_gmail_refresh_token: false,
    });
  }

  it('Enterprise: the consent goes DB → relay → Google → relay → /google_gmail/iap_confirm; Test Connection refreshes through the relay', async () => {
    await relayServer('enterprise');
    const odoo = client.odoo;
    odoo.google.signIn('a@b.com');
    const start = await rpc('ir.mail_server', 'open_google_gmail_uri', [[1]]);
    const url = new URL((start.result as { url: string }).url);
    expect(url.origin).toBe('https://gmail.api.odoo.com');
    expect(url.searchParams.get('db_uuid')).toBe(odoo.db.params.get('database.uuid'));
    const callback = new URL(url.searchParams.get('callback_url') ?? '');
    expect(`${callback.origin}${callback.pathname}`).toBe(`${odoo.origin}/google_gmail/iap_confirm`);
    expect(callback.searchParams.get('csrf_token')).toBe(gmailCsrfToken(odoo.db, 'ir.mail_server', 1));

    // The relay sends the browser to Google with Odoo's own client; Allow; back to the relay, then the DB.
    const toGoogle = odoo.relay.handleBrowser(url);
    const consent = new URL(toGoogle.headers.location ?? '');
    expect(consent.origin).toBe('https://accounts.google.com');
    const page = odoo.google.handleBrowser(consent);
    const pending = /name="id" value="(\w+)"/.exec(page.body)?.[1];
    const approve = odoo.google.handleBrowser(
      new URL(`https://accounts.google.com/o/oauth2/approve?id=${pending}&consent=allow`),
    );
    const toDb = odoo.relay.handleBrowser(new URL(approve.headers.location ?? ''));
    const iap = await client.fetch(toDb.headers.location ?? '', { redirect: 'manual' });
    expect(iap.status).toBe(303);
    expect(iap.headers.get('location')).toBe('/odoo/ir.mail_server/1');
    expect(String(odoo.mailServers()[0]?.google_gmail_refresh_token)).toMatch(/^1\/\/0g/);

    // A forged confirmation (another record's HMAC) is Forbidden, as on /google_gmail/confirm.
    const forged = new URL(toDb.headers.location ?? '');
    forged.searchParams.set('csrf_token', 'x');
    expect((await client.fetch(forged.href, { redirect: 'manual' })).status).toBe(403);

    // Test Connection: the access token comes from the relay (no client secret in this database).
    const record = odoo.db.table('ir.mail_server').get(1);
    if (record) record.google_gmail_access_token = false;
    expect(await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).toMatchObject({ result: { params: { type: 'success' } } });
    expect(odoo.relay.requests.map((r) => r.path)).toContain('/api/mail_oauth/1/gmail_access_token');
    odoo.revokeToken();
    odoo.expireAccessTokens();
    expect(await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).toEqual({
      error: 'Oops, we could not authenticate you. Please try again later.',
    });
  });

  it('Community: no relay — "Please configure your Gmail credentials."', async () => {
    await relayServer('community');
    expect(await rpc('ir.mail_server', 'open_google_gmail_uri', [[1]])).toEqual({
      error: 'Please configure your Gmail credentials.',
    });
  });
});

describe('Gmail refusing a token, as recorded (captures fact 12, steps 38–43)', () => {
  async function connected(version: string) {
    await gmailServer(version);
    const odoo = client.odoo;
    Object.assign(odoo.db.table('ir.mail_server').get(1) ?? {}, { smtp_encryption: 'starttls', from_filter: 'a@b.com' });
    odoo.google.registerClient({
      clientId: ID,
      clientSecret: 'GOCSPX-x',
      redirectUris: [`${odoo.origin}/google_gmail/confirm`],
      testUsers: ['a@b.com'],
    });
    odoo.google.signIn('a@b.com');
    const act = (await rpc('ir.mail_server', 'open_google_gmail_uri', [[1]])).result as { url: string };
    const page = odoo.google.handleBrowser(new URL(act.url));
    const pending = /name="id" value="(\w+)"/.exec(page.body)?.[1];
    const approve = odoo.google.handleBrowser(
      new URL(`https://accounts.google.com/o/oauth2/approve?id=${pending}&consent=allow`),
    );
    expect((await client.fetch(approve.headers.location ?? '', { redirect: 'manual' })).status).toBe(303);
    expect(await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).toMatchObject({ result: { params: { type: 'success' } } });
    return odoo;
  }

  it.each(['15.0', '17.0', '19.0'])(
    '%s: revoked at Google, the cached access token still goes out and Gmail refuses at MAIL FROM; once it expires, the refresh fails',
    async (version) => {
      const odoo = await connected(version);
      odoo.revokeToken();
      // Gmail's own style (334 then 535): Odoo ignored the AUTH reply, MAIL FROM gets the 535.
      const refused = await rpc('ir.mail_server', 'test_smtp_connection', [[1]]);
      expect(refused.error).toMatch(
        /^The server refused the sender address \(a@b\.com\) with error b'5\.7\.8 Username and Password not accepted\. For more information, go to\\n5\.7\.8 {2}https:\/\/support\.google\.com\/mail\/\?p=BadCredentials [0-9a-f]{8} - gsmtp'$/,
      );
      // An immediate 535: the next command, MAIL FROM, gets 530 5.7.0.
      odoo.google.smtpRejection = 'direct535';
      expect((await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).error).toMatch(
        /^The server refused the sender address \(a@b\.com\) with error b'5\.7\.0 Authentication Required\./,
      );
      // Odoo never learnt anything: the cached token is still on the record, unrefreshed.
      const expiration = odoo.mailServers()[0]?.google_gmail_access_token_expiration;
      expect(Number(expiration)).toBeGreaterThan(Date.now() / 1000);
      odoo.expireAccessTokens();
      expect(await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).toEqual({
        error: 'An error occurred when fetching the access token.',
      });
      // The recordings' stand-in let the same refresh token work again: Odoo recovers by itself.
      odoo.google.restoreAll();
      expect(await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).toMatchObject({
        result: { params: { type: 'success' } },
      });
    },
  );

  it('a token granted for another Google account is refused at MAIL FROM too, never at login', async () => {
    const odoo = await connected('17.0');
    const record = odoo.db.table('ir.mail_server').get(1);
    if (record) record.smtp_user = 'someone.else@gmail.com';
    expect((await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).error).toMatch(
      /^The server refused the sender address \(a@b\.com\) with error b'5\.7\.8 /,
    );
  });
});

describe("Odoo's token request without a refresh token (captures fact 11, step 21)", () => {
  it.each(['15.0', '19.0'])(
    '%s: Google receives the text "False", answers invalid_grant, Odoo says only that it failed',
    async (version) => {
      await gmailServer(version);
      Object.assign(client.odoo.db.table('ir.mail_server').get(1) ?? {}, { smtp_encryption: 'starttls' });
      client.odoo.google.registerClient({
        clientId: ID,
        clientSecret: 'GOCSPX-x',
        redirectUris: [`${client.odoo.origin}/google_gmail/confirm`],
      });
      expect(await rpc('ir.mail_server', 'test_smtp_connection', [[1]])).toEqual({
        error: 'An error occurred when fetching the access token.',
      });
      expect(client.odoo.google.tokenRequests).toEqual([
        {
          grant_type: 'refresh_token',
          client_id: ID,
          redirect_uri: `${client.odoo.origin}/google_gmail/confirm`,
          ok: false,
          refresh_token: 'False',
        },
      ]);
    },
  );
});

describe('web.base.url follows every administrator login (captures fact 6, baseurl-*)', () => {
  async function authenticate(host: string, headers: Record<string, string> = {}) {
    const { request } = await import('node:http');
    const port = Number(new URL(client.odoo.origin).port);
    const body = JSON.stringify({
      jsonrpc: '2.0',
      method: 'call',
      id: 1,
      params: { db: client.odoo.db.name, login: 'admin', password: 'admin' },
    });
    return new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/web/session/authenticate',
          headers: { Host: host, 'Content-Type': 'application/json', ...headers },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  it('an admin login through another address rewrites it, unless frozen; proxy_mode trusts the forwarded scheme and host', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    const port = new URL(client.odoo.origin).port;
    expect(await authenticate(`localhost:${port}`)).toBe(200);
    expect(client.odoo.db.params.get('web.base.url')).toBe(`http://localhost:${port}`);
    // Behind a TLS proxy without proxy_mode, Odoo only sees http and the Host header (field-notes P1).
    expect(await authenticate('acme.example.com', { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'acme.example.com' })).toBe(
      200,
    );
    expect(client.odoo.db.params.get('web.base.url')).toBe('http://acme.example.com');
    client.odoo.db.params.set('web.base.url.freeze', 'True');
    expect(await authenticate(`127.0.0.1:${port}`)).toBe(200);
    expect(client.odoo.db.params.get('web.base.url')).toBe('http://acme.example.com');
  });

  it('with proxy_mode, the forwarded https address is what Odoo writes', async () => {
    client = await fakeOdooClient({ version: '18.0', proxyMode: true });
    expect(await authenticate('127.0.0.1', { 'X-Forwarded-Proto': 'https', 'X-Forwarded-Host': 'acme.odoo.com' })).toBe(200);
    expect(client.odoo.db.params.get('web.base.url')).toBe('https://acme.odoo.com');
  });
});
