import { describe, expect, it } from 'vitest';
import { encodeAuthError, parseSignInError, protobufStrings, redirectUriInText } from '@/lib/google/auth-error';
import { SIGN_IN_ERROR_CODES, signInErrorHtml, signInErrorUrl } from '../fixtures/google/sign-in-pages';

const page = (code: string, message: string, path = '/signin/oauth/error') =>
  `https://accounts.google.com${path}?authError=${encodeAuthError(code, message)}&client_id=123-abc.apps.googleusercontent.com&flowName=GeneralOAuthFlow`;

describe('parseSignInError reads the code from authError (google-console.md §6.1)', () => {
  it('redirect_uri_mismatch with the request details', () => {
    const e = parseSignInError(
      page(
        'redirect_uri_mismatch',
        "You can't sign in to this app because it doesn't comply with Google's OAuth 2.0 policy.\n\nIf you're the app developer, register the redirect URI in the Google Cloud Console.\nRequest details: redirect_uri=http://acme.odoo.com/google_gmail/confirm flowName=GeneralOAuthFlow",
      ),
    );
    expect(e).toEqual({
      code: 'redirect_uri_mismatch',
      known: 'redirect_uri_mismatch',
      message: expect.stringContaining('OAuth 2.0 policy'),
      clientId: '123-abc.apps.googleusercontent.com',
      redirectUri: 'http://acme.odoo.com/google_gmail/confirm',
    });
  });

  it.each([
    ['invalid_client', 'The OAuth client was not found.'],
    ['deleted_client', 'The OAuth client was deleted.'],
    ['disabled_client', 'The OAuth client was disabled.'],
    ['access_denied', 'Odoo has not completed the Google verification process.'],
    ['org_internal', 'This client is restricted to users within its organization.'],
    ['admin_policy_enforced', 'Your administrator blocked this app.'],
    ['unauthorized_client', 'Client type not allowed.'],
  ])('%s', (code, message) => {
    expect(parseSignInError(page(code, message, '/signin/oauth/error/v2'))).toMatchObject({ code, known: code, message });
  });

  it('keeps an unknown code as written', () => {
    expect(parseSignInError(page('something_new', 'x'))).toMatchObject({ code: 'something_new', known: null });
  });

  it('falls back to the "Error 400: …" line of the page when authError is missing or damaged', () => {
    const url = 'https://accounts.google.com/signin/oauth/error?authError=%%%&client_id=1-a.apps.googleusercontent.com';
    expect(
      parseSignInError(
        url,
        'Access blocked\nError 400: redirect_uri_mismatch\nRequest details: redirect_uri=https://x.com/google_gmail/confirm',
      ),
    ).toMatchObject({
      code: 'redirect_uri_mismatch',
      redirectUri: 'https://x.com/google_gmail/confirm',
    });
  });

  it.each([
    ['https://accounts.google.com/o/oauth2/v2/auth?client_id=x'],
    ['https://evil.example.com/signin/oauth/error?authError=abc'],
    ['https://accounts.google.com/signin/oauth/errorx'],
    ['nope'],
  ])('is not a sign-in error page: %s', (url) => expect(parseSignInError(url)).toBeNull());
});

describe('protobuf and text helpers', () => {
  it('skips varint and fixed fields and stops on truncated input', () => {
    const bytes = Uint8Array.from([0x08, 0x96, 0x01, 0x0a, 0x02, 0x68, 0x69, 0x15, 1, 2, 3, 4, 0x12, 0x09, 0x61]);
    expect([...protobufStrings(bytes)]).toEqual([[1, 'hi']]);
  });

  it('reads an encoded redirect_uri', () => {
    expect(redirectUriInText('redirect_uri=https%3A%2F%2Facme.odoo.com%2Fgoogle_gmail%2Fconfirm&flowName=x')).toBe(
      'https://acme.odoo.com/google_gmail/confirm',
    );
    expect(redirectUriInText('no details')).toBeNull();
  });
});

describe('every replica error page, in English and Vietnamese, is read back to its code', () => {
  it.each(SIGN_IN_ERROR_CODES.flatMap((code) => (['en', 'vi'] as const).map((lang) => [code, lang] as const)))(
    '%s (%s)',
    (code, lang) => {
      const redirectUri = 'https://acme.odoo.com/google_gmail/confirm';
      const url = signInErrorUrl({ code, lang, redirectUri, clientId: '1-a.apps.googleusercontent.com', v2: lang === 'vi' });
      const html = signInErrorHtml({ code, lang, redirectUri });
      const text = html.replace(/<[^>]+>/g, '\n');
      expect(parseSignInError(url, text)).toMatchObject({
        code,
        known: code,
        redirectUri,
        clientId: '1-a.apps.googleusercontent.com',
      });
      // Even without authError, the page's own text gives the code.
      expect(parseSignInError('https://accounts.google.com/signin/oauth/error', text)).toMatchObject({ code, redirectUri });
    },
  );
});
