// @vitest-environment happy-dom
/**
 * The texts the extension puts outside its popup come from the locales too: every diagnosis the
 * troubleshooter's panels show on Google's sign-in error pages and on Odoo's /google_gmail/confirm page
 * (lib/troubleshoot/view.ts through lib/ui/panel.ts); the monitor's notifications and toolbar title
 * are checked the same way in monitor.test.ts. Rendered with the pseudo-locale of literal-text.ts (each message wrapped in ⟦…⟧): anything left
 * unwrapped but declared data is a hard-coded string. The Console assistant's own panel has the same
 * check in real browsers (test/e2e/console-locale.spec.ts); the popup in popup-strings.test.tsx.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KNOWN_AUTH_ERRORS } from '@/lib/google/auth-error';
import { type ConfirmPageFacts, diagnoseConfirmPage } from '@/lib/troubleshoot/odoo-confirm';
import { type Diagnosis, diagnoseSignInError, type TroubleshootContext } from '@/lib/troubleshoot/sign-in';
import { diagnosisView } from '@/lib/troubleshoot/view';
import { createPanel } from '@/lib/ui/panel';
import { FAKE_CLIENT_ID } from '../support/builders';
import { knownHosts } from './host-facts';
import { findLiterals, usePseudoLocale } from './literal-text';

const CLIENT = FAKE_CLIENT_ID;
const GMAIL = 'sales@gmail.com';
const ODOO = 'https://acme.odoo.com';
const ctx: TroubleshootContext = {
  expectedRedirectUri: `${ODOO}/google_gmail/confirm`,
  registeredRedirectUris: [`${ODOO}/google_gmail/confirm`],
  gmail: GMAIL,
  accountType: 'personal',
  projectId: 'odoo-481516',
  clientId: CLIENT,
  testUsers: [],
  hosts: knownHosts(ODOO),
};
const facts: ConfirmPageFacts = {
  moduleOutdated: false,
  notAdmin: false,
  odooMajor: 17,
  gmail: GMAIL,
  appsLink: `${ODOO}/odoo/apps`,
  settingsLink: `${ODOO}/odoo/settings`,
};
const FORBIDDEN = "Forbidden\nYou don't have the permission to access the requested resource.";
const SENT = 'http://acme.odoo.com:8069/google_gmail/confirm';
const SENT_HTTPS = 'https://acme.odoo.com:8069/google_gmail/confirm';

/** Every diagnosis the page panels can show: each sign-in error code, and each answer of Odoo's page. */
function everyDiagnosis(): Diagnosis[] {
  const signIn = [...KNOWN_AUTH_ERRORS, 'some_new_code'].map((code) =>
    diagnoseSignInError(
      {
        code,
        known: (KNOWN_AUTH_ERRORS as readonly string[]).includes(code) ? (code as (typeof KNOWN_AUTH_ERRORS)[number]) : null,
        message: null,
        clientId: CLIENT,
        redirectUri: SENT,
      },
      ctx,
    ),
  );
  const confirm = `${ODOO}/google_gmail/confirm`;
  const odoo = [
    diagnoseConfirmPage(`${confirm}?error=access_denied&state=x`, '', '', facts),
    diagnoseConfirmPage(confirm, '403 Forbidden', FORBIDDEN, { ...facts, moduleOutdated: true }),
    diagnoseConfirmPage(confirm, '403 Forbidden', FORBIDDEN, { ...facts, notAdmin: true, odooMajor: 18 }),
    diagnoseConfirmPage(confirm, '403 Forbidden', FORBIDDEN, facts),
    diagnoseConfirmPage(confirm, 'Odoo', 'An error occur during the authentication process.', facts),
    diagnoseConfirmPage(
      confirm,
      'Odoo',
      "Oops, you're creating an authorization to send from other@gmail.com but your address is sales@gmail.com. Make sure your addresses match!",
      { ...facts, odooMajor: 19 },
    ),
  ];
  // SENT is http, which Google refuses (the Odoo-side fix); a mismatch Google would accept too.
  const accepted = diagnoseSignInError(
    { code: 'redirect_uri_mismatch', known: 'redirect_uri_mismatch', message: null, clientId: CLIENT, redirectUri: SENT_HTTPS },
    ctx,
  );
  return [...signIn, accepted, ...odoo].filter((d): d is Diagnosis => d !== null);
}

beforeEach(() => usePseudoLocale());

describe('the page panels of the troubleshooter', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('every diagnosis renders only locale messages and its data', () => {
    const all = everyDiagnosis();
    // Each code and each Odoo answer has its own diagnosis (not one generic text for all).
    expect(new Set(all.map((d) => d.id)).size).toBeGreaterThanOrEqual(KNOWN_AUTH_ERRORS.length + 5);
    const data = [
      GMAIL,
      'other@gmail.com',
      CLIENT,
      SENT,
      SENT_HTTPS,
      `${ODOO}/google_gmail/confirm`,
      'odoo-481516',
      ODOO,
      'acme.odoo.com',
    ];
    const panel = createPanel(new AbortController().signal);
    for (const d of all) {
      panel.show(diagnosisView(d, ODOO));
      const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot?.querySelector('section');
      if (!root) throw new Error('no panel');
      expect(root.textContent?.length ?? 0, d.id).toBeGreaterThan(20);
      expect(findLiterals(root, data), d.id).toEqual([]);
    }
  });
});
