/**
 * Each version's payloads, on the wire, against the fake Odoo of that version: what the extension
 * sends to create the settings and the server, and what Odoo then holds (odoo-gmail.md §8.3, §8.4).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OdooRpcError } from '@/lib/odoo/errors';
import { gmailTokenPresence, openGmailConsent, testGmailConnection } from '@/lib/odoo/gmail-connection';
import { detectServerSchema, gmailServerValues, schemaFromFields } from '@/lib/odoo/gmail-schema';
import { GmailSetupError, installOrUpgradeGmail, upsertGmailServer, writeGmailCredentials } from '@/lib/odoo/gmail-setup';
import { FAKE_CLIENT_ID } from '../support/builders';
import { type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';

const GMAIL = 'sales@acme.com';
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

let client: FakeOdooClient | null = null;
afterEach(async () => {
  await client?.stop();
  client = null;
});

const COMMON = {
  smtp_host: 'smtp.gmail.com',
  smtp_port: 587,
  smtp_encryption: 'starttls',
  smtp_user: GMAIL,
  from_filter: GMAIL,
  smtp_pass: false,
};
const V15 = { ...COMMON, use_google_gmail_service: true, smtp_authentication: 'login' };
const V16 = { ...COMMON, smtp_authentication: 'gmail' };

describe.each([
  ['15.0', 'flag15', V15],
  ['16.0', 'auth16', V16],
  ['17.0', 'auth16', V16],
  ['18.0', 'auth16', V16],
  ['19.0', 'auth16', V16],
  ['saas~17.4', 'auth16', V16],
])('Odoo %s', (version, kind, values) => {
  it(`detects the ${kind} schema from fields_get and writes exactly these server values`, async () => {
    client = await fakeOdooClient({ version });
    const origin = client.odoo.origin;
    const opts = { fetch: client.fetch };
    const schema = await detectServerSchema(origin, opts);
    expect(schema?.kind).toBe(kind);
    if (!schema) return;
    expect(gmailServerValues(schema, GMAIL)).toEqual(values);

    const first = await upsertGmailServer(origin, GMAIL, schema, opts);
    // No token yet: no stamp (read back with the values, the one a connect starts from).
    expect(first).toEqual({ id: 1, action: 'created', name: `Gmail (${GMAIL})`, stamp: null });
    const second = await upsertGmailServer(origin, GMAIL.toUpperCase().replace('@ACME.COM', '@acme.com'), schema, opts);
    expect(second.action).toBe('updated');
    expect(client.odoo.mailServers()).toHaveLength(1);

    const calls = client.calls();
    expect(calls.find((c) => c.method === 'fields_get')?.kwargs).toEqual({
      attributes: ['type', 'selection', 'string'],
      context: { lang: 'en_US' },
    });
    expect(calls.find((c) => c.method === 'create')?.args).toEqual([{ name: `Gmail (${GMAIL})`, ...values }]);
    expect(calls.find((c) => c.method === 'write')?.args).toEqual([
      [1],
      { ...values, smtp_user: 'SALES@acme.com', from_filter: 'SALES@acme.com' },
    ]);
    expect(calls.find((c) => c.method === 'read')?.args[1]).toEqual([
      ...Object.keys(values).filter((f) => f !== 'smtp_pass'),
      'google_gmail_access_token_expiration',
    ]);
    // Found by address, archived ones included (never a duplicate).
    expect(calls.find((c) => c.method === 'search_read' && c.model === 'ir.mail_server')).toMatchObject({
      args: [['|', ['smtp_user', '=ilike', GMAIL], ['from_filter', '=ilike', GMAIL]]],
      kwargs: { context: { lang: 'en_US', active_test: false } },
    });
  });

  it('writes the credentials through res.config.settings and confirms both without reading the secret back', async () => {
    client = await fakeOdooClient({ version });
    const opts = { fetch: client.fetch, secretInParams: true };
    await expect(writeGmailCredentials(client.odoo.origin, { clientId: ID, clientSecret: SECRET }, opts)).resolves.toEqual({
      clientId: ID,
      secretConfirmed: true,
    });
    const calls = client.calls();
    expect(calls.map((c) => `${c.model}.${c.method}`)).toEqual([
      'res.config.settings.create',
      'res.config.settings.execute',
      'ir.config_parameter.get_param',
      'ir.config_parameter.search_count',
    ]);
    expect(calls[0]?.args).toEqual([
      { google_gmail_client_identifier: ID, google_gmail_client_secret: SECRET, external_email_server_default: true },
    ]);
    expect(calls[1]?.args).toEqual([[1]]);
    expect(client.odoo.db.params.get('google_gmail_client_secret')).toBe(SECRET);
    expect(client.odoo.db.params.get('base_setup.default_external_email_server')).toBe('True');
  });
});

describe('the version adapter', () => {
  it('finds neither schema when google_gmail is not installed', async () => {
    client = await fakeOdooClient({ version: '17.0', gmail: 'uninstalled' });
    expect(await detectServerSchema(client.odoo.origin, { fetch: client.fetch })).toBeNull();
  });

  it('reads the schema from the fields, not from a version number', () => {
    const flag = {
      use_google_gmail_service: { type: 'boolean' },
      smtp_encryption: { type: 'selection', selection: [['starttls', 'TLS']] },
    };
    expect(schemaFromFields(flag as never)?.kind).toBe('flag15');
    const gmail = {
      smtp_authentication: {
        type: 'selection',
        selection: [
          ['login', 'Username'],
          ['gmail', 'Gmail OAuth Authentication'],
        ],
      },
    };
    expect(schemaFromFields(gmail as never)?.kind).toBe('auth16');
    expect(
      schemaFromFields({ smtp_authentication: { type: 'selection', selection: [['login', 'Username']] } } as never),
    ).toBeNull();
  });

  it('refuses to write when this Odoo has no plain STARTTLS value', async () => {
    const schema = { kind: 'auth16' as const, fields: [], encryption: ['none', 'starttls_strict'] };
    await expect(upsertGmailServer('https://x', GMAIL, schema)).rejects.toMatchObject({ reason: 'noStarttls' });
  });

  it('skips the secret count where Odoo keeps the secret elsewhere (newer than 19)', async () => {
    client = await fakeOdooClient({ version: '19.0' });
    const result = await writeGmailCredentials(
      client.odoo.origin,
      { clientId: ID, clientSecret: SECRET },
      { fetch: client.fetch, secretInParams: false },
    );
    expect(result.secretConfirmed).toBeNull();
    expect(client.calls().some((c) => c.method === 'search_count')).toBe(false);
  });

  it('reports a read-back that differs as not saved', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    const { fetch: base } = client;
    // A proxy or module that rewrites the port on write.
    const lying = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await base(input, init);
      if (!String(input).endsWith('/read')) return response;
      const body = await response.json();
      body.result[0].smtp_port = 25;
      return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const schema = await detectServerSchema(client.odoo.origin, { fetch: base });
    if (!schema) throw new Error('schema');
    await expect(upsertGmailServer(client.odoo.origin, GMAIL, schema, { fetch: lying })).rejects.toBeInstanceOf(GmailSetupError);
  });
});

describe('module buttons', () => {
  it.each([
    ['uninstalled', 'installed', 'button_immediate_install'],
    ['outdated', 'upgraded', 'button_immediate_upgrade'],
    ['installed', 'none', null],
  ] as const)('%s → %s', async (gmail, action, method) => {
    client = await fakeOdooClient({ version: '16.0', gmail });
    expect(await installOrUpgradeGmail(client.odoo.origin, { fetch: client.fetch })).toBe(action);
    const buttons = client.calls().filter((c) => c.method.startsWith('button_'));
    expect(buttons).toEqual(
      method ? [{ model: 'ir.module.module', method, args: [[42]], kwargs: { context: { lang: 'en_US' } } }] : [],
    );
    expect(client.odoo.db.modules.get('google_gmail')?.state).toBe('installed');
  });

  it('says so when there is no module to install', async () => {
    client = await fakeOdooClient({ version: '16.0', gmail: 'absent' });
    await expect(installOrUpgradeGmail(client.odoo.origin, { fetch: client.fetch })).rejects.toMatchObject({
      reason: 'moduleMissing',
    });
  });

  it("a non-admin gets Odoo's refusal", async () => {
    client = await fakeOdooClient({ version: '16.0', gmail: 'uninstalled', login: 'demo' });
    await expect(installOrUpgradeGmail(client.odoo.origin, { fetch: client.fetch })).rejects.toMatchObject({
      kind: 'accessDenied',
    });
  });
});

describe('connect, token, test', () => {
  it('builds the consent URL from the saved record, counts the token, reads the test result', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    const origin = client.odoo.origin;
    const opts = { fetch: client.fetch };
    await writeGmailCredentials(origin, { clientId: ID, clientSecret: SECRET }, { ...opts, secretInParams: true });
    const schema = await detectServerSchema(origin, opts);
    if (!schema) throw new Error('schema');
    const { id } = await upsertGmailServer(origin, GMAIL, schema, opts);
    const consent = await openGmailConsent(origin, id, opts);
    expect(consent).toMatchObject({ via: 'google', clientId: ID, redirectUri: `${origin}/google_gmail/confirm` });
    const state = JSON.parse(new URL(consent.url).searchParams.get('state') ?? '{}');
    expect(state).toMatchObject({ model: 'ir.mail_server', id });
    expect(state.csrf_token).toMatch(/^[0-9a-f]{64}$/);

    expect(await gmailTokenPresence(origin, id, opts)).toBe('absent');
    const record = client.odoo.db.table('ir.mail_server').get(id);
    if (record) record.google_gmail_refresh_token = '1//0g-secret-token';
    expect(await gmailTokenPresence(origin, id, opts)).toBe('present');
    expect(JSON.stringify(client.odoo.requests.map((r) => r.body))).not.toContain('1//0g');
    expect(await gmailTokenPresence(origin, 99, opts)).toBe('serverMissing');

    // A refresh token Google does not know: Odoo's UserError, read as "reconnect".
    expect(await testGmailConnection(origin, id, opts)).toEqual({
      ok: false,
      odooText: 'An error occurred when fetching the access token.',
      reading: 'tokenRevoked',
    });
  });

  it('falls back to reading the token as a boolean where it cannot be searched (master)', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    const { fetch: base } = client;
    const masterLike = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith('/search_count')) {
        return new Response(
          JSON.stringify({
            jsonrpc: '2.0',
            id: 1,
            error: {
              code: 200,
              message: 'Odoo Server Error',
              data: {
                name: 'builtins.ValueError',
                message: 'Non-stored field ir.mail_server.google_gmail_refresh_token cannot be searched.',
              },
            },
          }),
          { headers: { 'Content-Type': 'application/json' } },
        );
      }
      return base(input, init);
    }) as typeof fetch;
    const schema = await detectServerSchema(client.odoo.origin, { fetch: base });
    if (!schema) throw new Error('schema');
    const { id } = await upsertGmailServer(client.odoo.origin, GMAIL, schema, { fetch: base });
    const record = client.odoo.db.table('ir.mail_server').get(id);
    if (record) record.google_gmail_refresh_token = '1//0g-secret-token';
    expect(await gmailTokenPresence(client.odoo.origin, id, { fetch: masterLike })).toBe('present');
  });

  it('passes session and network failures to the caller instead of calling them a failed test', async () => {
    client = await fakeOdooClient({ version: '17.0' });
    client.odoo.expireSessions();
    const error = await testGmailConnection(client.odoo.origin, 1, { fetch: client.fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OdooRpcError);
    expect((error as OdooRpcError).kind).toBe('sessionExpired');
  });
});
