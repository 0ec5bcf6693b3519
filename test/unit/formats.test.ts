import { describe, expect, it } from 'vitest';
import {
  asClientId,
  asClientSecret,
  parseClientId,
  parseClientSecret,
  parseClientSecretJson,
  projectNumberOf,
} from '@/lib/google/formats';
import { FAKE_CLIENT_ID } from '../support/builders';

// Made-up values in Google's formats (google-console.md §5.1–5.2); none is a real credential.
const ID = FAKE_CLIENT_ID;
const SECRET = 'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12';

describe('parseClientId', () => {
  it.each([[ID], [`  ${ID}\n`], ['1-abc.apps.googleusercontent.com']])('accepts %j', (v) =>
    expect(parseClientId(v)).toEqual({ ok: true, value: v.trim() }),
  );
  it.each([
    ['', 'err.clientId.empty'],
    [SECRET, 'err.clientId.isSecret'],
    ['123456789012-abcdefghijklmnopqrstuvwxyz012345', 'err.clientId.suffix'],
    ['123456789012-abc def.apps.googleusercontent.com', 'err.clientId.spaces'],
    ['abc-123.apps.googleusercontent.com', 'err.clientId.shape'],
    ['123456789012-ABCDEF.apps.googleusercontent.com', 'err.clientId.shape'],
  ])('refuses %j → %s', (v, key) => expect(parseClientId(v)).toEqual({ ok: false, error: { key } }));
});

describe('parseClientSecret', () => {
  it.each([[SECRET], [` ${SECRET} `], ['abcdefghijklmnopqrstuvwx']])('accepts %j', (v) =>
    expect(parseClientSecret(v)).toEqual({ ok: true, value: v.trim() }),
  );
  it.each([
    ['', 'err.clientSecret.empty'],
    [ID, 'err.clientSecret.isId'],
    ['****AbCd', 'err.clientSecret.masked'],
    ['GOCSPX-AbCdEfGhIj', 'err.clientSecret.length'],
    ['GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12345', 'err.clientSecret.tooLong'],
    ['GOCSPX-AbCdEfGhIjKlMnOpQrStUv', 'err.clientSecret.length'],
    ['GOCSPX-AbCdEf GhIjKlMnOpQrStUvWx_-12', 'err.clientSecret.spaces'],
    ['password123', 'err.clientSecret.shape'],
  ])('refuses %j → %s', (v, key) => expect(parseClientSecret(v)).toEqual({ ok: false, error: { key } }));
});

describe("the capture's checks (asClientId, asClientSecret): what the parsers accept, nothing more or less", () => {
  // Every value above, and what a page puts around or inside one (a masked secret, a bullet, a trailing
  // period, a tab, a Client ID with a secret's prefix).
  const values = [
    ID,
    ` ${ID}\t`,
    '1-abc.apps.googleusercontent.com',
    `${ID}.`,
    SECRET,
    `\n${SECRET} `,
    'abcdefghijklmnopqrstuvwx',
    'abcdefghijklmnopqrstuvw•',
    '************************',
    'GOCSPX-AbCdEfGhIj',
    'GOCSPX-AbCdEfGhIjKlMnOpQrStUvWx_-12345',
    'GOCSPX-AbCdEf GhIjKlMnOpQrStUvWx_-12',
    `GOCSPX-${ID}`,
    'password123',
    '',
    '   ',
  ];
  const accepted = (r: ReturnType<typeof parseClientId>) => (r.ok ? r.value : null);
  it.each(values)('%j', (v) => {
    expect(asClientId(v)).toBe(accepted(parseClientId(v)));
    expect(asClientSecret(v)).toBe(accepted(parseClientSecret(v)));
  });
  it('accepts both kinds of each', () => {
    expect([asClientId(ID), asClientId('1-abc.apps.googleusercontent.com')]).toEqual([ID, '1-abc.apps.googleusercontent.com']);
    expect([asClientSecret(SECRET), asClientSecret('abcdefghijklmnopqrstuvwx')]).toEqual([SECRET, 'abcdefghijklmnopqrstuvwx']);
  });
});

describe('parseClientSecretJson', () => {
  const web = {
    web: {
      client_id: ID,
      project_id: 'odoo-481516',
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: 'https://oauth2.googleapis.com/token',
      auth_provider_x509_cert_url: 'https://www.googleapis.com/oauth2/v1/certs',
      client_secret: SECRET,
      redirect_uris: ['https://acme.odoo.com/google_gmail/confirm'],
    },
  };
  it('reads a Web application file', () => {
    expect(parseClientSecretJson(JSON.stringify(web))).toEqual({
      ok: true,
      clientId: ID,
      clientSecret: SECRET,
      projectId: 'odoo-481516',
      redirectUris: ['https://acme.odoo.com/google_gmail/confirm'],
    });
  });
  it.each([
    [
      'a Desktop client (installed)',
      JSON.stringify({ installed: { ...web.web, redirect_uris: ['http://localhost'] } }),
      'err.clientJson.desktop',
    ],
    ['web without client_secret', JSON.stringify({ web: { client_id: ID } }), 'err.clientJson.notWeb'],
    ['not JSON', 'client_id=abc', 'err.clientJson.notJson'],
    ['a JSON array', '[1,2]', 'err.clientJson.notWeb'],
    ['a 5 MB file', `{"web":{"client_id":"${'x'.repeat(5 * 1024 * 1024)}"}}`, 'err.clientJson.tooLarge'],
    ['a masked secret', JSON.stringify({ web: { ...web.web, client_secret: '****Ab12' } }), 'err.clientSecret.masked'],
    ['a bad client id', JSON.stringify({ web: { ...web.web, client_id: 'nope' } }), 'err.clientId.suffix'],
  ])('refuses %s', (_label, text, key) => expect(parseClientSecretJson(text)).toEqual({ ok: false, error: { key } }));
});

it('reads the project number from a Client ID', () => {
  expect(projectNumberOf(ID)).toBe('123456789012');
  expect(projectNumberOf('nope')).toBeNull();
});
