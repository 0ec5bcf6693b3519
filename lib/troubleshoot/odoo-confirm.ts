/**
 * What Odoo's `/google_gmail/confirm` answered (odoo-gmail.md §1.6, §7; seed FAQ "Gmail Module not
 * updated"; field-notes P11, P14). Read from the tab's URL, its title and its text:
 * - `?error=…` — Google sent the person back without a code (cancelled or refused consent);
 * - werkzeug's "403 Forbidden" page — one of Odoo's checks failed (outdated module, non-admin session
 *   ≤18.0, unsaved record, state/HMAC from another database);
 * - "An error occur during the authentication process." (≤18.0; 19.0 spells it "occurred") — the
 *   code could not be exchanged for tokens (wrong client secret, client ID or redirect URI); 19.0 shows
 *   the exchange's own UserError instead, "An error occurred when fetching the access token." (recorded,
 *   captures fact 10, 19.0 step 24);
 * - 19.0 "Oops, you're creating an authorization to send from X but your address is Y" — wrong account.
 */
import { msg } from '../i18n';
import { parseUrl } from '../url';
import type { Diagnosis } from './sign-in';

export interface ConfirmPageFacts {
  /** The Gmail module is installed with an older version in the database (the probe says so). */
  moduleOutdated: boolean;
  /** The Odoo user is not in Settings › Administration (the probe says so). */
  notAdmin: boolean;
  odooMajor: number | null;
  gmail: string | null;
  /** Link to the module step's fix (Odoo Apps) and to the settings. */
  appsLink: string | null;
  settingsLink: string | null;
}

export const isConfirmUrl = (url: URL): boolean => url.pathname === '/google_gmail/confirm';

const FORBIDDEN = /\b403\b.*Forbidden|^Forbidden$|You don't have the permission to access the requested resource/im;
const AUTH_ERROR = /An error occur(?:red)? during the authentication process|An error occurred when fetching the access token/i;
const EMAIL_MISMATCH = /you're creating an authorization to send from (\S+) but your address is (\S+?)\.? Make sure/i;

/** 19.0's wrong-account page (captures fact 25): the account chosen and the address Odoo expects. */
export function emailMismatch(text: string): { chosen: string; expected: string } | null {
  const m = EMAIL_MISMATCH.exec(text);
  return m ? { chosen: m[1] ?? '', expected: m[2] ?? '' } : null;
}

export function diagnoseConfirmPage(href: string, title: string, text: string, facts: ConfirmPageFacts): Diagnosis | null {
  const url = parseUrl(href);
  if (!url) return null;
  if (!isConfirmUrl(url)) return null;
  const error = url.searchParams.get('error');
  if (error === 'access_denied') {
    return {
      id: 'consentCancelled',
      step: 'connect',
      title: msg('diag.confirm.title'),
      cause: msg('diag.consentCancelled.cause'),
      fix: msg('diag.consentCancelled.fix', { gmail: facts.gmail ?? '' }),
    };
  }
  const email = EMAIL_MISMATCH.exec(text);
  if (email) {
    return {
      id: 'emailMismatch',
      step: 'connect',
      title: msg('diag.confirm.title'),
      cause: msg('diag.emailMismatch.cause', { chosen: email[1] ?? '', server: email[2] ?? '' }),
      fix: msg('diag.emailMismatch.fix', { server: email[2] ?? facts.gmail ?? '' }),
      value: email[2] ?? facts.gmail ?? '',
    };
  }
  if (FORBIDDEN.test(title) || FORBIDDEN.test(text)) {
    if (facts.moduleOutdated) {
      return {
        id: 'forbiddenOutdated',
        step: 'module',
        title: msg('diag.confirm.forbidden'),
        cause: msg('diag.forbiddenOutdated.cause'),
        fix: msg('diag.forbiddenOutdated.fix'),
        ...(facts.appsLink ? { link: facts.appsLink } : {}),
      };
    }
    if (facts.notAdmin && (facts.odooMajor ?? 0) <= 18) {
      return {
        id: 'forbiddenNotAdmin',
        step: 'connect',
        title: msg('diag.confirm.forbidden'),
        cause: msg('diag.forbiddenNotAdmin.cause'),
        fix: msg('diag.forbiddenNotAdmin.fix'),
      };
    }
    return {
      id: 'forbidden',
      step: 'connect',
      title: msg('diag.confirm.forbidden'),
      cause: msg('diag.forbidden.cause'),
      fix: msg('diag.forbidden.fix'),
      ...(facts.appsLink ? { link: facts.appsLink } : {}),
    };
  }
  if (AUTH_ERROR.test(text) || AUTH_ERROR.test(title) || (error && error !== 'access_denied')) {
    return {
      id: 'tokenExchange',
      step: 'credentials',
      title: msg('diag.confirm.title'),
      cause: error ? msg('diag.tokenExchange.causeCode', { code: error }) : msg('diag.tokenExchange.cause'),
      fix: msg('diag.tokenExchange.fix'),
      ...(facts.settingsLink ? { link: facts.settingsLink } : {}),
    };
  }
  return null;
}

/**
 * Google's "unverified app" interstitials (google-console.md §6.3): expected for a personal-use app,
 * never an error. Recognised by their text (their URL is not documented).
 */
export type GoogleInterstitial = 'unverifiedProduction' | 'testingWarning' | null;
// English from google-console.md §6.3; the Vietnamese patterns are our translation (UNVERIFIED against Google's page).
const UNVERIFIED_APP = /Google hasn.t verified this app|Google chưa xác minh ứng dụng này/i;
const TESTING_APP = /currently being tested|đang được thử nghiệm/i;
export function classifyInterstitial(text: string): GoogleInterstitial {
  if (!UNVERIFIED_APP.test(text)) return null;
  return TESTING_APP.test(text) ? 'testingWarning' : 'unverifiedProduction';
}
