/**
 * Checks that run before the person hits the wall: the extension knows Odoo's `web.base.url`, the
 * origin they use, the URIs registered on the client, the account type, the audience and publishing
 * status — enough to predict most failures of the seed's FAQ and field-notes P1–P7, P19.
 */

import { consoleLink } from '../google/console-urls';
import { redirectUriRefusal } from '../google/redirect-uri';
import { compareUris } from '../google/uri-compare';
import { msg } from '../i18n';
import { parseUrl } from '../url';
import type { PreventInput } from './input';
import type { Diagnosis } from './sign-in';

export type Severity = 'warn' | 'info';
export interface Warning extends Diagnosis {
  severity: Severity;
  /** An action the extension can perform for the person (on an explicit click). */
  action?: 'freezeBaseUrl' | 'useIap';
  /** `freezeBaseUrl`: the value the form proposes (the https address when Google refuses Odoo's http one). */
  freezeValue?: string;
}

export type { PreventInput } from './input';

export const TESTING_TOKEN_DAYS = 7;
const DAY = 24 * 60 * 60 * 1000;

export function preventiveChecks(i: PreventInput): Warning[] {
  const out: Warning[] = [];
  const external = i.audience === 'external' || (i.audience === null && i.accountType === 'personal');
  const testing = i.publishing !== 'production';

  // Odoo 19 Enterprise: Odoo's own relay connects Gmail with no Google project (field-notes §0.1).
  if ((i.odooMajor ?? 0) >= 19 && i.edition === 'enterprise') {
    out.push({
      id: 'iapAvailable',
      step: 'project',
      severity: 'info',
      action: 'useIap',
      title: msg('prevent.iapAvailable.title'),
      cause: msg('prevent.iapAvailable.cause'),
      fix: msg('prevent.iapAvailable.fix'),
    });
  }

  // A redirect URI Google refuses (http behind a TLS proxy, P1; a raw IP) is never offered as the value
  // to register: the fix is on Odoo's side — web.base.url set to the https address and frozen (odoo-gmail.md §9).
  const refusal = i.redirectUri
    ? redirectUriRefusal(i.redirectUri, { facts: i.hosts, origin: i.odooOrigin, saas: i.saas ?? false })
    : null;
  const refusalParts = refusal
    ? {
        fix: refusal.fix,
        details: refusal.problems,
        ...(refusal.httpsBaseUrl ? { action: 'freezeBaseUrl' as const, freezeValue: refusal.httpsBaseUrl } : {}),
      }
    : null;
  let refusalShown = false;

  // Odoo rewrote web.base.url since the extension last read it (an administrator signed in through
  // another address, captures fact 6): Odoo now sends another redirect URI than the one registered.
  const changed = !!i.baseUrlWas && !!i.webBaseUrl && i.baseUrlWas !== i.webBaseUrl && i.baseUrlFrozen !== true;
  if (changed) {
    out.push({
      id: 'webBaseUrlChanged',
      step: 'client',
      severity: 'warn',
      action: 'freezeBaseUrl',
      title: msg('prevent.webBaseUrlChanged.title'),
      cause: msg('prevent.webBaseUrlChanged.cause', {
        was: i.baseUrlWas ?? '',
        baseUrl: i.webBaseUrl ?? '',
        redirectUri: i.redirectUri ?? '',
      }),
      fix: msg('prevent.webBaseUrlChanged.fix'),
      ...(refusal?.httpsBaseUrl ? { freezeValue: refusal.httpsBaseUrl } : {}),
    });
  }

  if (i.webBaseUrl) {
    const base = parseUrl(i.webBaseUrl);
    const origin = parseUrl(i.odooOrigin);
    if (base && origin && base.origin !== origin.origin) {
      const diffs = compareUris(`${base.protocol}//${base.host}/`, `${origin.protocol}//${origin.host}/`);
      // http in web.base.url while people use https: Odoo behind a proxy without proxy_mode (P1).
      const id =
        diffs.includes('scheme') && base.protocol === 'http:'
          ? 'baseUrlHttp'
          : diffs.includes('port')
            ? 'baseUrlPort'
            : 'baseUrlHost';
      out.push({
        id,
        step: 'client',
        severity: 'warn',
        action: 'freezeBaseUrl',
        title: msg(`prevent.${id}.title`),
        cause: msg(`prevent.${id}.cause`, { baseUrl: base.origin, origin: origin.origin }),
        fix: msg(`prevent.${id}.fix`, { baseUrl: base.origin, origin: origin.origin }),
        ...(i.redirectUri && !refusal ? { value: i.redirectUri } : {}),
        ...refusalParts,
      });
      refusalShown = true;
    } else if (i.baseUrlFrozen === false && !refusal && !changed) {
      // Right today, but the next admin login from another address rewrites it (odoo-gmail.md §9, P3).
      out.push({
        id: 'freezeBaseUrl',
        step: 'client',
        severity: 'info',
        action: 'freezeBaseUrl',
        title: msg('prevent.freezeBaseUrl.title'),
        cause: msg('prevent.freezeBaseUrl.cause', { baseUrl: base?.origin ?? i.webBaseUrl }),
        fix: msg('prevent.freezeBaseUrl.fix'),
      });
    }
  }

  // web.base.url is the address in use (or unknown), and Google still refuses the URI it gives.
  if (refusal && refusalParts && !refusalShown) {
    out.push({
      id: 'redirectRefused',
      step: 'client',
      severity: 'warn',
      title: msg('prevent.redirectRefused.title'),
      cause: msg('prevent.redirectRefused.cause', { redirectUri: refusal.uri }),
      ...refusalParts,
    });
  }

  if (i.redirectUri && !refusal && i.registeredRedirectUris.length > 0 && !i.registeredRedirectUris.includes(i.redirectUri)) {
    out.push({
      id: 'redirectNotRegistered',
      step: 'client',
      severity: 'warn',
      title: msg('prevent.redirectNotRegistered.title'),
      cause: msg('prevent.redirectNotRegistered.cause', { redirectUri: i.redirectUri }),
      fix: msg('prevent.redirectNotRegistered.fix', { redirectUri: i.redirectUri }),
      link: i.clientId ? consoleLink(`/auth/clients/${i.clientId}`, i.projectId) : consoleLink('/auth/clients', i.projectId),
      value: i.redirectUri,
    });
  }

  if (i.accountType === 'workspace' && i.audience === 'external') {
    out.push({
      id: 'workspaceExternal',
      step: 'consent',
      severity: 'info',
      title: msg('prevent.workspaceExternal.title'),
      cause: msg('prevent.workspaceExternal.cause'),
      fix: msg('prevent.workspaceExternal.fix'),
      link: consoleLink('/auth/audience', i.projectId),
    });
  }

  if (external && testing) {
    const gmail = i.gmail?.toLowerCase() ?? null;
    if (gmail && !i.testUsers.map((u) => u.toLowerCase()).includes(gmail)) {
      out.push({
        id: 'testUserMissing',
        step: 'testUser',
        severity: 'warn',
        title: msg('prevent.testUserMissing.title'),
        cause: msg('prevent.testUserMissing.cause', { gmail }),
        fix: msg('prevent.testUserMissing.fix', { gmail }),
        link: consoleLink('/auth/audience', i.projectId),
        value: gmail,
      });
    }
    // External + Testing: refresh tokens expire seven days after consent (google-console.md §6.4, P6).
    const daysLeft = i.lastConnectAt === null ? null : TESTING_TOKEN_DAYS - Math.floor((i.now - i.lastConnectAt) / DAY);
    out.push({
      id: daysLeft !== null && daysLeft <= 2 ? 'testingExpirySoon' : 'testingExpiry',
      step: daysLeft !== null && daysLeft <= 2 ? 'test' : 'consent',
      severity: daysLeft !== null && daysLeft <= 2 ? 'warn' : 'info',
      title: msg(daysLeft !== null && daysLeft <= 2 ? 'prevent.testingExpirySoon.title' : 'prevent.testingExpiry.title'),
      cause: msg(daysLeft === null ? 'prevent.testingExpiry.cause' : 'prevent.testingExpiry.causeDays', {
        days: Math.max(daysLeft ?? TESTING_TOKEN_DAYS, 0),
      }),
      fix: msg(i.accountType === 'workspace' ? 'prevent.testingExpiry.fixWorkspace' : 'prevent.testingExpiry.fixPersonal'),
      link: consoleLink('/auth/audience', i.projectId),
    });
  }
  return out;
}
