import { describe, expect, it } from 'vitest';
import { guessAccountType, parseGmail, validateSetup } from '@/lib/setup/setup';
import { aSetup } from '../support/builders';

describe('parseGmail', () => {
  it.each([
    ['you@gmail.com', 'you@gmail.com'],
    ['  You@Acme.COM ', 'you@acme.com'],
    ['mailto:sales@acme.co.uk', 'sales@acme.co.uk'],
    ['first.last+odoo@googlemail.com', 'first.last+odoo@googlemail.com'],
  ])('%j → %s', (input, value) => expect(parseGmail(input)).toEqual({ ok: true, value }));

  it.each([
    ['', 'err.gmail.empty'],
    ['you', 'err.gmail.invalid'],
    ['@gmail.com', 'err.gmail.invalid'],
    ['you@', 'err.gmail.noDomain'],
    ['you@localhost', 'err.gmail.noDomain'],
    ['you@@gmail.com', 'err.gmail.invalid'],
    ['you @gmail.com', 'err.gmail.invalid'],
    ['you@gmail..com', 'err.gmail.invalid'],
  ])('%j → %s', (input, key) => {
    const result = parseGmail(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.key).toBe(key);
  });
});

describe('guessAccountType', () => {
  it.each([
    ['a@gmail.com', 'personal'],
    ['a@GOOGLEMAIL.com', 'personal'],
    ['a@acme.com', 'workspace'],
    ['a@gmail.co.uk', 'workspace'],
    ['nope', null],
  ])('%s → %s', (email, type) => expect(guessAccountType(email)).toBe(type));
});

describe('validateSetup', () => {
  it('accepts an Odoo URL alone: the probe proposes the address later', () => {
    expect(validateSetup({ odooUrl: 'https://acme.odoo.com', gmail: '', accountType: null })).toEqual({
      ok: true,
      value: aSetup({ gmail: null, accountType: null }),
      warnings: {},
    });
  });

  it('guesses the account type when none is chosen', () => {
    const result = validateSetup({ odooUrl: 'https://acme.odoo.com', gmail: 'Me@Gmail.com', accountType: null });
    expect(result.ok && result.value).toMatchObject({ gmail: 'me@gmail.com', accountType: 'personal' });
  });

  it('keeps a choice that differs from the guess, with a warning for custom domains', () => {
    const result = validateSetup({ odooUrl: 'https://acme.odoo.com', gmail: 'me@acme.com', accountType: 'personal' });
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.accountType).toBe('personal');
    expect(result.ok && result.warnings.accountType?.[0]?.key).toBe('warn.accountType.customDomain');
  });

  it('refuses Workspace for a @gmail.com address', () => {
    const result = validateSetup({ odooUrl: 'https://acme.odoo.com', gmail: 'me@gmail.com', accountType: 'workspace' });
    expect(result).toMatchObject({
      ok: false,
      errors: { accountType: { error: { key: 'err.accountType.personalAddress', params: { domain: 'gmail.com' } } } },
    });
  });

  it('reports every bad field at once, and keeps the URL fix', () => {
    const result = validateSetup({ odooUrl: 'acme.odoo.com', gmail: 'me@', accountType: null });
    expect(result).toEqual({
      ok: false,
      errors: {
        odooUrl: { error: { key: 'err.odooUrl.noScheme' }, suggestion: 'https://acme.odoo.com' },
        gmail: { error: { key: 'err.gmail.noDomain' } },
      },
    });
  });

  it('requires the address when asked to', () => {
    const result = validateSetup({ odooUrl: 'https://acme.odoo.com', gmail: ' ', accountType: null }, { requireGmail: true });
    expect(result).toMatchObject({ ok: false, errors: { gmail: { error: { key: 'err.gmail.empty' } } } });
  });
});
