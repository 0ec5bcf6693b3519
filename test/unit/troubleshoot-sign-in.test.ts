import { describe, expect, it } from 'vitest';
import { KNOWN_AUTH_ERRORS, type SignInError } from '@/lib/google/auth-error';
import { tm } from '@/lib/i18n';
import { diagnoseSignInError, type TroubleshootContext } from '@/lib/troubleshoot/sign-in';
import { FAKE_CLIENT_ID } from '../support/builders';
import { knownHosts } from './host-facts';

const CLIENT = FAKE_CLIENT_ID;
const ctx: TroubleshootContext = {
  expectedRedirectUri: 'https://erp.acme.com/google_gmail/confirm',
  registeredRedirectUris: ['https://erp.acme.com/google_gmail/confirm'],
  gmail: 'sales@gmail.com',
  accountType: 'personal',
  projectId: 'odoo-481516',
  clientId: CLIENT,
  testUsers: [],
  hosts: knownHosts('https://erp.acme.com'),
};
const err = (code: string, extra: Partial<SignInError> = {}): SignInError => ({
  code,
  known: (KNOWN_AUTH_ERRORS as readonly string[]).includes(code) ? (code as SignInError['known']) : null,
  message: null,
  clientId: CLIENT,
  redirectUri: null,
  ...extra,
});

describe('diagnoseSignInError', () => {
  it('redirect_uri_mismatch: names the difference, the value to add and where', () => {
    const sent = 'https://erp.acme.com:8443/google_gmail/confirm';
    const d = diagnoseSignInError(err('redirect_uri_mismatch', { redirectUri: sent }), ctx);
    expect(d).toMatchObject({
      id: 'redirect_uri_mismatch',
      step: 'client',
      value: sent,
      link: `https://console.cloud.google.com/auth/clients/${CLIENT}?project=odoo-481516`,
    });
    expect(d.details?.map((m) => m.key)).toEqual(['diag.uriDiff.port', 'diag.redirect_uri_mismatch.baseUrlMoved']);
    expect(tm(d.fix)).toContain(`add ${sent} exactly`);
  });

  it('redirect_uri_mismatch with an http URI Google refuses: not the value to add, the fix is in Odoo', () => {
    const sent = 'http://erp.acme.com/google_gmail/confirm';
    const d = diagnoseSignInError(err('redirect_uri_mismatch', { redirectUri: sent }), {
      ...ctx,
      odooOrigin: 'https://erp.acme.com',
    });
    expect(d.value).toBeUndefined();
    expect(d.fix).toMatchObject({ key: 'diag.refused.fixProxy', params: { baseUrl: 'https://erp.acme.com' } });
    expect(tm(d.fix)).not.toContain(`add ${sent} exactly`);
  });

  it('redirect_uri_mismatch with no registered URI known still says what to add', () => {
    const d = diagnoseSignInError(
      err('redirect_uri_mismatch', { redirectUri: 'https://erp.acme.com:8069/google_gmail/confirm' }),
      {
        ...ctx,
        registeredRedirectUris: [],
        clientId: null,
        projectId: null,
      },
    );
    expect(d.cause.key).toBe('diag.redirect_uri_mismatch.cause');
    expect(d.link).toBe('https://console.cloud.google.com/auth/clients');
    expect(d.value).toBe('https://erp.acme.com:8069/google_gmail/confirm');
  });

  it.each([
    ['access_denied', 'testUser', 'https://console.cloud.google.com/auth/audience?project=odoo-481516', 'sales@gmail.com'],
    ['org_internal', 'consent', 'https://console.cloud.google.com/auth/audience?project=odoo-481516', undefined],
    ['admin_policy_enforced', 'consent', 'https://admin.google.com/ac/owl/list?tab=configuredApps', CLIENT],
    ['invalid_client', 'client', 'https://console.cloud.google.com/auth/clients?project=odoo-481516', undefined],
    ['deleted_client', 'client', 'https://console.cloud.google.com/auth/clients?project=odoo-481516', undefined],
    ['disabled_client', 'client', 'https://console.cloud.google.com/auth/clients?project=odoo-481516', undefined],
    [
      'unauthorized_client',
      'client',
      'https://console.cloud.google.com/auth/clients/create?project=odoo-481516',
      'https://erp.acme.com/google_gmail/confirm',
    ],
  ])('%s → step %s, with a link and the value to use', (code, step, link, value) => {
    const d = diagnoseSignInError(err(code), ctx);
    expect(d).toMatchObject({ id: code, step, link });
    expect(d.value).toBe(value);
    expect(tm(d.cause)).not.toBe('');
    expect(tm(d.fix)).not.toBe('');
    expect(tm(d.fix)).not.toContain('{');
  });

  it('an unknown code keeps Google’s words', () => {
    const d = diagnoseSignInError(err('brand_new_error', { message: 'Something odd.' }), ctx);
    expect(tm(d.cause)).toBe('Google answered brand_new_error: Something odd.');
  });
});
