/**
 * The incoming Gmail server's operations (lib/odoo/gmail-incoming.ts) against the fake Odoo of 15.0–19.0,
 * which replays real Odoo's recorded incoming flow (odoo-conformance.test.ts; captures facts 15–22): the
 * version's Gmail type, find-or-create without a second server, the consent, Test & Confirm and its
 * failures, the server's state and where its mail lands; each operation's round trips; bad replies.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OdooRpcError } from '@/lib/odoo/errors';
import {
  confirmIncomingServer,
  detectIncomingSchema,
  findIncomingServer,
  type IncomingSchema,
  incomingSchemaFromFields,
  odooTime,
  openIncomingConsent,
  readImapFailure,
  readIncomingServer,
  upsertIncomingServer,
} from '@/lib/odoo/gmail-incoming';
import { inRounds } from '../support/rounds';
import { consentThroughGoogle, type FakeOdooClient, fakeOdooClient } from './fake-odoo-fetch';
import { failure, replay } from './odoo-replay';

const GMAIL = 'odoo.sender@gmail.com';
const CREDENTIALS = { clientId: '123-incoming.apps.googleusercontent.com', clientSecret: 'GOCSPX-incoming' };
const VERSIONS = ['15.0', '16.0', '17.0', '18.0', '19.0'] as const;

let client: FakeOdooClient;
afterEach(() => client.stop());

async function start(version: string, credentials = true) {
  client = await fakeOdooClient({ version });
  if (credentials) {
    client.odoo.db.params.set('google_gmail_client_id', CREDENTIALS.clientId);
    client.odoo.db.params.set('google_gmail_client_secret', CREDENTIALS.clientSecret);
  }
  return { origin: client.odoo.origin, opts: { fetch: client.fetch } };
}

const servers = () => [...client.odoo.db.table('fetchmail.server').values()];

async function schemaOf(origin: string, opts: { fetch: typeof fetch }): Promise<IncomingSchema> {
  const schema = await detectIncomingSchema(origin, opts);
  if (!schema) throw new Error('no incoming Gmail schema');
  return schema;
}

describe.each(VERSIONS)('incoming Gmail on %s', (version) => {
  const major = Number.parseInt(version, 10);

  it("finds the version's Gmail type and creates the server once, with every field (no onchange runs)", async () => {
    const { origin, opts } = await start(version);
    const schema = await schemaOf(origin, opts);
    expect(schema.kind).toBe(major === 15 ? 'flag15' : 'type16'); // captures fact 15
    expect(schema.fields.includes('error_message')).toBe(major >= 19);

    const first = await upsertIncomingServer(origin, GMAIL, schema, opts);
    expect(first.action).toBe('created');
    const [row] = servers();
    expect(row).toMatchObject({
      server: 'imap.gmail.com',
      port: 993,
      is_ssl: true,
      user: GMAIL,
      state: 'draft',
      ...(major === 15 ? { server_type: 'imap', use_google_gmail_service: true } : { server_type: 'gmail' }),
    });
    // Again: nothing to write, nothing written, still one server.
    const before = client.calls().length;
    const again = await upsertIncomingServer(origin, GMAIL, schema, opts);
    expect(again).toEqual({ id: first.id, action: 'unchanged', name: first.name });
    expect(
      client
        .calls()
        .slice(before)
        .map((c) => c.method),
    ).toEqual(['search_read']);
    expect(servers()).toHaveLength(1);
  });

  it('repairs an archived server for the address instead of adding a second one', async () => {
    const { origin, opts } = await start(version);
    const schema = await schemaOf(origin, opts);
    client.odoo.db.table('fetchmail.server').set(7, {
      id: 7,
      name: 'Inbox',
      active: false,
      state: 'draft',
      server: 'imap.gmail.com',
      port: 143,
      is_ssl: false,
      user: GMAIL.toUpperCase(),
      server_type: 'imap',
      ...(major === 15 ? { use_google_gmail_service: false } : {}),
    });
    const written = await upsertIncomingServer(origin, GMAIL, schema, opts);
    expect(written).toEqual({ id: 7, action: 'updated', name: 'Inbox' });
    expect(servers()).toHaveLength(1);
    expect(servers()[0]).toMatchObject({ active: true, port: 993, is_ssl: true, user: GMAIL });
  });

  it('consent without credentials is Odoo\'s "Please configure your Gmail credentials."', async () => {
    const { origin, opts } = await start(version, false);
    const schema = await schemaOf(origin, opts);
    const { id } = await upsertIncomingServer(origin, GMAIL, schema, opts);
    const error = await failure(openIncomingConsent(origin, id, opts));
    expect([error.kind, error.details.odooMessage]).toEqual(['odooError', 'Please configure your Gmail credentials.']);
  });

  it('connects through the same client and redirect URI, then Test & Confirm makes it Confirmed', async () => {
    const { origin, opts } = await start(version);
    const schema = await schemaOf(origin, opts);
    const { id } = await upsertIncomingServer(origin, GMAIL, schema, opts);

    // Before the consent: no token; Test & Confirm fails with Odoo's own text and leaves it Not Confirmed (fact 18).
    const early = await confirmIncomingServer(origin, id, opts);
    expect(early).toEqual({
      ok: false,
      odooText: 'Connection test failed: An error occurred when fetching the access token.',
      reading: 'tokenRevoked',
    });

    const consent = await openIncomingConsent(origin, id, opts);
    expect(consent).toMatchObject({
      via: 'google',
      clientId: CREDENTIALS.clientId,
      redirectUri: `${origin}/google_gmail/confirm`,
    });
    expect(JSON.parse(new URL(consent.url).searchParams.get('state') ?? '{}')).toMatchObject({ model: 'fetchmail.server', id });
    expect(await consentThroughGoogle(client, id, CREDENTIALS, GMAIL, 'fetchmail.server')).toBe(303);

    // Tokens stored, still Not Confirmed until Test & Confirm (fact 16).
    const linked = await readIncomingServer(origin, id, GMAIL, schema, opts);
    expect(linked).toMatchObject({ exists: true, gmail: true, confirmed: false, token: true, lastFetch: null });

    expect(await confirmIncomingServer(origin, id, opts)).toEqual({ ok: true });
    const confirmed = await readIncomingServer(origin, id, GMAIL, schema, opts);
    expect(confirmed).toMatchObject({ confirmed: true, token: true, lastError: null, landing: { kind: 'nowhere' } });

    // A token Gmail's IMAP refuses (fact 18): Odoo's text verbatim, read as such.
    Object.assign(servers()[0] ?? {}, {
      google_gmail_access_token: 'ya29.bogus',
      google_gmail_access_token_expiration: Math.floor(Date.now() / 1000) + 3600,
    });
    expect(await confirmIncomingServer(origin, id, opts)).toEqual({
      ok: false,
      odooText: 'Server replied with following exception:\n [AUTHENTICATIONFAILED] Invalid credentials (Failure)',
      reading: 'imapRefused',
    });
  });

  it('says where mail lands: the target model, else an alias for the address, else nowhere (fact 20)', async () => {
    const { origin, opts } = await start(version);
    const schema = await schemaOf(origin, opts);
    const { id } = await upsertIncomingServer(origin, GMAIL, schema, opts);
    expect(await readIncomingServer(origin, id, GMAIL, schema, opts)).toMatchObject({ landing: { kind: 'nowhere' } });

    client.odoo.db.table('mail.alias').set(1, { id: 1, alias_name: 'odoo.sender', alias_model_id: [300, 'Lead'] });
    expect(await readIncomingServer(origin, id, GMAIL, schema, opts)).toMatchObject({
      landing: { kind: 'alias', alias: 'odoo.sender', name: 'Lead' },
    });

    const partner = { 15: 84, 16: 85, 17: 85, 18: 87, 19: 90 }[major] ?? 0; // the recorded ir.model id (step 20)
    Object.assign(servers()[0] ?? {}, { object_id: partner });
    expect(await readIncomingServer(origin, id, GMAIL, schema, opts)).toMatchObject({
      landing: { kind: 'model', name: 'Contact' },
    });
  });
});

describe('round trips (lock-step rounds against the fake Odoo)', () => {
  it('detect ∥ find is 1 deep, create + read-back 2, consent 1, Test & Confirm 1, the state read 1', async () => {
    const { origin, opts } = await start('17.0');
    const rounds = inRounds(opts.fetch);
    const o = { fetch: rounds.fetch };
    const schema = await schemaOf(origin, opts);
    const [, existing] = await Promise.all([detectIncomingSchema(origin, o), findIncomingServer(origin, GMAIL, schema, o)]);
    expect(rounds.depth()).toBe(1);
    rounds.reset();
    const { id } = await upsertIncomingServer(origin, GMAIL, schema, { ...o, existing });
    expect(rounds.depth()).toBe(2);
    rounds.reset();
    await openIncomingConsent(origin, id, o);
    expect(rounds.depth()).toBe(1);
    rounds.reset();
    await confirmIncomingServer(origin, id, o);
    expect(rounds.depth()).toBe(1);
    rounds.reset();
    await readIncomingServer(origin, id, GMAIL, schema, o);
    expect(rounds.depth()).toBe(1);
    expect(rounds.tags).toEqual([0, 0, 0]); // the record, the token count and the alias lookup together
  });
});

describe('bad replies', () => {
  const origin = 'https://acme.odoo.com';
  const answering = (result: unknown) => replay(() => ({ json: { jsonrpc: '2.0', id: 1, result } })).fetch;
  const schema: IncomingSchema = { kind: 'type16', fields: ['state', 'date'] };

  it.each([
    ['a server row without an id', [{ state: 'done' }]],
    ['a state Odoo does not have', [{ id: 1, state: 'running' }]],
    ['a date that is a number', [{ id: 1, date: 17 }]],
    ['not a list', { id: 1 }],
  ])('the state read refuses %s', async (_label, result) => {
    const error = await failure(readIncomingServer(origin, 1, GMAIL, schema, { fetch: answering(result) }));
    expect(error).toBeInstanceOf(OdooRpcError);
    expect(error.kind).toBe('badReply');
  });

  it('a consent that is not an act_url, or not https, is refused', async () => {
    expect((await failure(openIncomingConsent(origin, 1, { fetch: answering({ type: 'ir.actions.client' }) }))).kind).toBe(
      'badReply',
    );
    await expect(
      openIncomingConsent(origin, 1, { fetch: answering({ type: 'ir.actions.act_url', url: 'http://evil.example/' }) }),
    ).rejects.toMatchObject({ reason: 'noConsentUrl' });
  });

  it('fields_get without a Gmail type is no schema (google_gmail not loaded)', () => {
    expect(incomingSchemaFromFields({ server_type: { type: 'selection', selection: [['imap', 'IMAP Server']] } })).toBeNull();
  });

  it('reads the failure texts of facts 18 and 22, and Odoo datetimes as UTC', () => {
    expect(readImapFailure('An error occurred when fetching the access token.')).toBe('tokenRevoked');
    expect(readImapFailure('[AUTHENTICATIONFAILED] Invalid credentials (Failure)')).toBe('imapRefused');
    expect(
      readImapFailure(
        "Couldn't get your emails. Check out the error message below for more info:\n[AUTHENTICATIONFAILED] Invalid credentials (Failure)",
      ),
    ).toBe('imapRefused');
    expect(readImapFailure('socket error')).toBe('unknown');
    expect(odooTime('2026-12-05 23:19:11')).toBe(Date.UTC(2026, 11, 5, 23, 19, 11));
    expect(odooTime(false)).toBeNull();
  });
});
