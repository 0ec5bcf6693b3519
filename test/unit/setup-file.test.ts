/**
 * The setup file handed to a colleague (lib/setup/setup-file.ts): what it carries, and every way a file is
 * refused — whole, with a message that says why.
 */
import { describe, expect, it } from 'vitest';
import { buildSetupFile, parseSetupFile, type SetupFileInput, setupFileName } from '@/lib/setup/setup-file';
import { EMPTY_GOOGLE_STATE } from '@/lib/state/items';
import { FAKE_CLIENT_ID } from '../support/builders';

const INPUT: SetupFileInput = {
  setup: { odooOrigin: 'https://acme.odoo.com', gmail: 'sales@acme.com', accountType: 'workspace', gmailProposed: true },
  odoo: { db: 'acme', version: '17.0' },
  google: {
    ...EMPTY_GOOGLE_STATE,
    projectId: 'odoo-gmail-123',
    clientId: FAKE_CLIENT_ID,
    audience: 'internal',
    authorizedDomains: ['acme.odoo.com'],
    redirectUris: ['https://acme.odoo.com/google_gmail/confirm'],
    secretCapturedAt: 1_700_000_000_000,
  },
  publishChoice: null,
  publishLinks: null,
};

const text = (data: unknown) => JSON.stringify(data);

describe('the setup file', () => {
  it('carries the addresses and the Google side, named one by one — and reads back as it was written', () => {
    const file = buildSetupFile(INPUT, new Date('2026-12-06T10:00:00Z'));
    expect(file).toEqual({
      kind: 'gmail-odoo-setup',
      version: 1,
      exportedAt: '2026-12-06T10:00:00.000Z',
      setup: { odooOrigin: 'https://acme.odoo.com', gmail: 'sales@acme.com', accountType: 'workspace' },
      odoo: { db: 'acme', version: '17.0' },
      google: {
        projectId: 'odoo-gmail-123',
        clientId: FAKE_CLIENT_ID,
        audience: 'internal',
        publishing: null,
        authorizedDomains: ['acme.odoo.com'],
        testUsers: [],
        redirectUris: ['https://acme.odoo.com/google_gmail/confirm'],
      },
      publishChoice: null,
      publishLinks: null,
    });
    // Not even when the secret was captured: the file says nothing of it.
    expect(JSON.stringify(file)).not.toMatch(/secret|token/i);
    expect(parseSetupFile(text(file))).toEqual({ ok: true, file });
    expect(setupFileName(INPUT)).toBe('gmail-odoo-acme.json');
    expect(setupFileName({ ...INPUT, odoo: null, setup: { ...INPUT.setup, odooOrigin: 'http://localhost:8069' } })).toBe(
      'gmail-odoo-localhost-8069.json',
    );
  });

  const good = buildSetupFile(INPUT);
  it.each([
    ['not JSON', '{"kind": ', 'setups.file.notJson'],
    ['too large', ' '.repeat(64 * 1024 + 1), 'setups.file.tooLarge'],
    [
      "Google's client_secret JSON",
      text({ web: { client_id: FAKE_CLIENT_ID, client_secret: 'GOCSPX-x' } }),
      'setups.file.secret',
    ],
    [
      'a secret slipped in by hand',
      text({ ...good, google: { ...good.google, clientSecret: 'GOCSPX-x' } }),
      'setups.file.secret',
    ],
    ['a token slipped in by hand', text({ ...good, refresh_token: '1//x' }), 'setups.file.secret'],
    ['another kind of file', text({ kind: 'something' }), 'setups.file.notSetup'],
    ['a newer format', text({ ...good, version: 2 }), 'setups.file.newer'],
    ['an unknown key', text({ ...good, extra: 1 }), 'setups.file.invalid'],
    [
      'an address that is not an origin',
      text({ ...good, setup: { ...good.setup, odooOrigin: 'https://acme.odoo.com/web' } }),
      'setups.file.invalid',
    ],
    [
      'a javascript: address',
      text({ ...good, setup: { ...good.setup, odooOrigin: 'javascript:alert(1)' } }),
      'setups.file.invalid',
    ],
    [
      'a client ID that is not one',
      text({ ...good, google: { ...good.google, clientId: 'not-a-client' } }),
      'setups.file.invalid',
    ],
    ['a Gmail address that is not one', text({ ...good, setup: { ...good.setup, gmail: 'nobody' } }), 'setups.file.invalid'],
  ])('refuses %s, saying so', (_, raw, key) => {
    const read = parseSetupFile(raw);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.key).toBe(key);
  });

  it('says where a damaged file is damaged', () => {
    const read = parseSetupFile(text({ ...good, google: { ...good.google, audience: 'everyone' } }));
    expect(read).toEqual({ ok: false, error: { key: 'setups.file.invalid', params: { path: 'google.audience' } } });
  });
});
