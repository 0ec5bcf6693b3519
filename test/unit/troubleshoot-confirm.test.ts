import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tm } from '@/lib/i18n';
import { type ConfirmPageFacts, classifyInterstitial, diagnoseConfirmPage } from '@/lib/troubleshoot/odoo-confirm';
import { interstitialHtml } from '../fixtures/google/sign-in-pages';

const facts: ConfirmPageFacts = {
  moduleOutdated: false,
  notAdmin: false,
  odooMajor: 17,
  gmail: 'sales@acme.com',
  appsLink: 'https://acme.odoo.com/odoo/apps',
  settingsLink: 'https://acme.odoo.com/odoo/settings',
};
const CONFIRM = 'https://acme.odoo.com/google_gmail/confirm';
// werkzeug's Forbidden page, as Odoo serves it from the callback (odoo-gmail.md §7).
const FORBIDDEN_TEXT =
  "Forbidden\nYou don't have the permission to access the requested resource. It is either read-protected or not readable by the server.";

describe('diagnoseConfirmPage', () => {
  it('Forbidden with an outdated module points at the module upgrade (seed FAQ)', () => {
    const d = diagnoseConfirmPage(`${CONFIRM}?code=4/0Ab&state=x`, '403 Forbidden', FORBIDDEN_TEXT, {
      ...facts,
      moduleOutdated: true,
    });
    expect(d).toMatchObject({ id: 'forbiddenOutdated', step: 'module', link: 'https://acme.odoo.com/odoo/apps' });
  });

  it('Forbidden for a non-admin session on 18.0 and older, not on 19.0', () => {
    expect(diagnoseConfirmPage(CONFIRM, '403 Forbidden', FORBIDDEN_TEXT, { ...facts, notAdmin: true, odooMajor: 18 })?.id).toBe(
      'forbiddenNotAdmin',
    );
    expect(diagnoseConfirmPage(CONFIRM, '403 Forbidden', FORBIDDEN_TEXT, { ...facts, notAdmin: true, odooMajor: 19 })?.id).toBe(
      'forbidden',
    );
  });

  it('Forbidden otherwise: unsaved record, other database, state mismatch', () => {
    expect(diagnoseConfirmPage(CONFIRM, '', FORBIDDEN_TEXT, facts)).toMatchObject({ id: 'forbidden', step: 'connect' });
  });

  it.each([
    ['An error occur during the authentication process.', 17],
    ['An error occurred during the authentication process.', 19],
  ])('the token exchange failed: "%s"', (text) => {
    const d = diagnoseConfirmPage(`${CONFIRM}?code=4/0Ab&state=x`, '', text, facts);
    expect(d).toMatchObject({ id: 'tokenExchange', step: 'credentials', link: 'https://acme.odoo.com/odoo/settings' });
  });

  // What real Odoo answered (test/fixtures/odoo/recorded): a replayed code (24), a forged state (25),
  // Google's ?error= (26). 19.0 renders a page whose text for a failed exchange is the UserError itself.
  it.each(['15.0', '16.0', '17.0', '18.0', '19.0'])('%s: the recorded confirm pages are diagnosed', (version) => {
    const dir = resolve('test/fixtures/odoo/recorded', version);
    const page = (step: string) => {
      const file = readdirSync(dir).find((f) => f.startsWith(`${step}-`)) ?? '';
      const { request, response } = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      const html = String(response.body_raw);
      const text = html
        .replace(/<[^>]+>/g, ' ')
        .replace(/&#39;/g, "'")
        .replace(/\s+/g, ' ')
        .trim();
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
      return { url: String(request.url), title, text };
    };
    const diagnose = (step: string) => {
      const p = page(step);
      return diagnoseConfirmPage(p.url, p.title, p.text, { ...facts, odooMajor: Number.parseInt(version, 10) })?.id;
    };
    expect(diagnose('24')).toBe('tokenExchange');
    expect(diagnose('25')).toBe('forbidden');
    expect(diagnose('26')).toBe('consentCancelled');
  });

  it('cancelled at Google: ?error=access_denied', () => {
    const d = diagnoseConfirmPage(
      `${CONFIRM}?error=access_denied&state=%7B%7D`,
      '',
      'An error occur during the authentication process.',
      facts,
    );
    expect(d?.id).toBe('consentCancelled');
    expect(tm(d?.fix ?? d?.cause ?? { key: 'diag.title' })).toContain('sales@acme.com');
  });

  it('another error code from Google', () => {
    expect(diagnoseConfirmPage(`${CONFIRM}?error=invalid_scope`, '', '', facts)).toMatchObject({
      id: 'tokenExchange',
      cause: { key: 'diag.tokenExchange.causeCode', params: { code: 'invalid_scope' } },
    });
  });

  it('19.0: the account chosen is not the server’s address (P14)', () => {
    const text =
      "Oops, you're creating an authorization to send from me@gmail.com but your address is sales@acme.com. Make sure your addresses match!";
    expect(diagnoseConfirmPage(`${CONFIRM}?code=x`, '', text, facts)).toMatchObject({
      id: 'emailMismatch',
      value: 'sales@acme.com',
      cause: { params: { chosen: 'me@gmail.com', server: 'sales@acme.com' } },
    });
  });

  it('says nothing about other pages, or a confirm page that shows no error', () => {
    expect(diagnoseConfirmPage('https://acme.odoo.com/odoo/ir.mail_server/3', 'Odoo', '', facts)).toBeNull();
    expect(diagnoseConfirmPage(CONFIRM, 'Odoo', 'Loading…', facts)).toBeNull();
    expect(diagnoseConfirmPage('garbage', '', '', facts)).toBeNull();
  });
});

describe('classifyInterstitial (google-console.md §6.3)', () => {
  it.each([
    [
      "Google hasn't verified this app\nYou've been given access to an app that's currently being tested. You should only continue if you know the developer that invited you.",
      'testingWarning',
    ],
    [
      "Google hasn't verified this app\nThe app is requesting access to sensitive info in your Google Account. Until the developer (x@gmail.com) verifies this app with Google, you shouldn't use it.\nAdvanced",
      'unverifiedProduction',
    ],
    ['Choose an account', null],
  ])('%#', (text, kind) => expect(classifyInterstitial(text)).toBe(kind));
});

describe('the interstitial replicas are recognised in both languages', () => {
  it.each([
    ['testing', 'en', 'testingWarning'],
    ['production', 'en', 'unverifiedProduction'],
    ['testing', 'vi', 'testingWarning'],
    ['production', 'vi', 'unverifiedProduction'],
  ] as const)('%s (%s) → %s', (kind, lang, expected) => {
    expect(classifyInterstitial(interstitialHtml(kind, lang).replace(/<[^>]+>/g, '\n'))).toBe(expected);
  });
});
