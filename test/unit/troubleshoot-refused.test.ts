/**
 * Never advise registering a redirect URI Google refuses. Behind a TLS proxy without
 * proxy_mode, Odoo sends `http://…/google_gmail/confirm` (field-notes P1); Google accepts http only for
 * localhost and loopback IPs, and no raw IP but those (google-console.md §5.6). The fix is on Odoo's
 * side: web.base.url set to the https address and frozen (odoo-gmail.md §9), plus proxy_mode and the
 * forwarded headers on a self-hosted server — not on Odoo Online / odoo.sh, where Odoo runs the proxy.
 * One predicate (lib/google/redirect-uri.ts `redirectUriRefusal`) serves the sign-in diagnosis, the
 * "Before you connect" checks, the computed values and the checklist; the Console steps are in
 * console-refused-uri.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { KNOWN_AUTH_ERRORS, type SignInError } from '@/lib/google/auth-error';
import { acceptsRedirectUri, redirectUriRefusal } from '@/lib/google/redirect-uri';
import { type Msg, tm } from '@/lib/i18n';
import { buildChecklist } from '@/lib/setup/checklist';
import { computeValues } from '@/lib/setup/computed';
import { type PreventInput, preventiveChecks } from '@/lib/troubleshoot/prevent';
import { type Diagnosis, diagnoseSignInError, type TroubleshootContext } from '@/lib/troubleshoot/sign-in';
import { aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { knownHosts } from './host-facts';

const CLIENT = FAKE_CLIENT_ID;
const ONLINE = 'https://acme.odoo.com';
const HTTP_SENT = 'http://acme.odoo.com/google_gmail/confirm';
const HTTPS_URI = `${ONLINE}/google_gmail/confirm`;

const ctx: TroubleshootContext = {
  // web.base.url is http: Odoo behind the proxy believes it is reached over plain http (P1).
  expectedRedirectUri: HTTP_SENT,
  registeredRedirectUris: [HTTPS_URI],
  gmail: 'sales@gmail.com',
  accountType: 'personal',
  projectId: 'odoo-481516',
  clientId: CLIENT,
  testUsers: [],
  odooOrigin: ONLINE,
  hosts: knownHosts(ONLINE),
};
const err = (code: string, redirectUri: string | null): SignInError => ({
  code,
  known: (KNOWN_AUTH_ERRORS as readonly string[]).includes(code) ? (code as SignInError['known']) : null,
  message: null,
  clientId: CLIENT,
  redirectUri,
});
/** Every sentence the person reads of a diagnosis. */
const texts = (d: Pick<Diagnosis, 'cause' | 'fix' | 'details'>): string[] => [d.cause, d.fix, ...(d.details ?? [])].map(tm);

describe('acceptsRedirectUri / redirectUriRefusal (google-console.md §5.6)', () => {
  it.each([
    'https://acme.odoo.com/google_gmail/confirm',
    'https://erp.acme.com:8443/google_gmail/confirm',
    'http://localhost:8069/google_gmail/confirm',
    'http://127.0.0.1:8069/google_gmail/confirm',
    'http://[::1]:8069/google_gmail/confirm',
  ])('%s is accepted: no refusal', (uri) => {
    expect(acceptsRedirectUri(uri, knownHosts(uri))).toBe(true);
    expect(redirectUriRefusal(uri, { facts: knownHosts(uri) })).toBeNull();
  });

  it('http on Odoo Online: web.base.url https + freeze, no proxy_mode', () => {
    const r = redirectUriRefusal(HTTP_SENT, { facts: knownHosts(HTTP_SENT, ONLINE), origin: ONLINE });
    expect(r).toMatchObject({
      uri: HTTP_SENT,
      httpsBaseUrl: ONLINE,
      odooHosted: true,
      fix: { key: 'diag.refused.fixBaseUrl', params: { baseUrl: ONLINE, redirectUri: HTTPS_URI } },
    });
    expect(r?.problems.map((p) => p.key)).toEqual(['err.redirect.https']);
    expect(tm(r?.fix as Msg)).not.toContain('proxy_mode');
  });

  it('http on a self-hosted server: proxy_mode and the forwarded headers too', () => {
    const r = redirectUriRefusal('http://erp.acme.com/google_gmail/confirm', {
      facts: knownHosts('http://erp.acme.com/google_gmail/confirm', 'https://erp.acme.com'),
      origin: 'https://erp.acme.com',
    });
    expect(r).toMatchObject({ httpsBaseUrl: 'https://erp.acme.com', odooHosted: false, fix: { key: 'diag.refused.fixProxy' } });
    const text = tm(r?.fix as Msg);
    for (const part of [
      'proxy_mode = True',
      'X-Forwarded-Proto',
      'X-Forwarded-Host',
      'web.base.url to https://erp.acme.com',
      'web.base.url.freeze to True',
    ])
      expect(text).toContain(part);
  });

  it('a saas~ version is Odoo Online also behind a custom domain: no proxy_mode', () => {
    const r = redirectUriRefusal('http://erp.acme.com/google_gmail/confirm', {
      facts: knownHosts('http://erp.acme.com/google_gmail/confirm', 'https://erp.acme.com'),
      origin: 'https://erp.acme.com',
      saas: true,
    });
    expect(r?.fix.key).toBe('diag.refused.fixBaseUrl');
  });

  it('proposes the https address in use (with its port), else the same host on 443', () => {
    expect(
      redirectUriRefusal('http://erp.acme.com:8069/google_gmail/confirm', {
        facts: knownHosts('http://erp.acme.com:8069/google_gmail/confirm', 'https://erp.acme.com:8443'),
        origin: 'https://erp.acme.com:8443',
      })?.httpsBaseUrl,
    ).toBe('https://erp.acme.com:8443');
    expect(
      redirectUriRefusal('http://erp.acme.com:8069/google_gmail/confirm', {
        facts: knownHosts('http://erp.acme.com:8069/google_gmail/confirm', 'http://erp.acme.com:8069'),
        origin: 'http://erp.acme.com:8069',
      })?.httpsBaseUrl,
    ).toBe('https://erp.acme.com');
  });

  it.each([
    ['http://203.0.113.5:8069/google_gmail/confirm', ['err.redirect.https', 'err.redirect.ip']],
    ['https://203.0.113.5/google_gmail/confirm', ['err.redirect.ip']],
    ['https://odoo.internal/google_gmail/confirm', ['err.redirect.tld']],
  ])('%s: no https version Google accepts — a public name first', (uri, problems) => {
    const r = redirectUriRefusal(uri, { facts: knownHosts(uri, new URL(uri).origin), origin: new URL(uri).origin });
    expect(r?.problems.map((p) => p.key)).toEqual(problems);
    expect(r).toMatchObject({ httpsBaseUrl: null, fix: { key: 'diag.refused.fixName' } });
  });
});

describe('the redirect_uri_mismatch diagnosis', () => {
  it('http://acme.odoo.com against a client with the https URI: does not offer the http URI, names the Odoo-side fix', () => {
    const d = diagnoseSignInError(err('redirect_uri_mismatch', HTTP_SENT), ctx);
    expect(d).toMatchObject({ id: 'redirect_uri_mismatch', step: 'client' });
    expect(d.value).toBeUndefined();
    expect(d.cause.key).toBe('diag.redirect_uri_mismatch.causeRefused');
    expect(d.fix).toMatchObject({ key: 'diag.refused.fixBaseUrl', params: { baseUrl: ONLINE } });
    const all = texts(d).join('\n');
    expect(all).toContain('web.base.url to https://acme.odoo.com');
    expect(all).toContain('web.base.url.freeze to True');
    expect(all).toContain(`Odoo then sends ${HTTPS_URI}`);
    // Odoo runs the proxy of Odoo Online: no proxy_mode advice; and never "add the http URI".
    expect(all).not.toContain('proxy_mode');
    expect(all).not.toContain(`add ${HTTP_SENT} exactly`);
    expect(all).toContain(`Do not add ${HTTP_SENT}`);
    expect(d.details?.map((m) => m.key)).toEqual(['err.redirect.https']);
  });

  it('the same on a self-hosted server names proxy_mode and the forwarded headers', () => {
    const sent = 'http://erp.acme.com/google_gmail/confirm';
    const d = diagnoseSignInError(err('redirect_uri_mismatch', sent), {
      ...ctx,
      expectedRedirectUri: sent,
      registeredRedirectUris: ['https://erp.acme.com/google_gmail/confirm'],
      odooOrigin: 'https://erp.acme.com',
    });
    expect(d.value).toBeUndefined();
    expect(d.fix.key).toBe('diag.refused.fixProxy');
    expect(texts(d).join('\n')).toContain('proxy_mode = True');
  });

  it.each(['http://localhost:8069/google_gmail/confirm', 'http://127.0.0.1:8069/google_gmail/confirm'])(
    '%s is still the value to add (Google accepts localhost)',
    (sent) => {
      const d = diagnoseSignInError(err('redirect_uri_mismatch', sent), {
        ...ctx,
        expectedRedirectUri: sent,
        registeredRedirectUris: ['http://localhost:8070/google_gmail/confirm'],
        odooOrigin: new URL(sent).origin,
      });
      expect(d).toMatchObject({ value: sent, fix: { key: 'diag.redirect_uri_mismatch.fix' } });
      expect(tm(d.fix)).toContain(`add ${sent} exactly`);
    },
  );

  it('a raw public IP is not advised: a public name over https first', () => {
    const sent = 'http://203.0.113.5:8069/google_gmail/confirm';
    const d = diagnoseSignInError(err('redirect_uri_mismatch', sent), {
      ...ctx,
      expectedRedirectUri: sent,
      odooOrigin: 'http://203.0.113.5:8069',
    });
    expect(d.value).toBeUndefined();
    expect(d.fix.key).toBe('diag.refused.fixName');
    expect(d.details?.map((m) => m.key)).toEqual(expect.arrayContaining(['err.redirect.https', 'err.redirect.ip']));
    expect(texts(d).join('\n')).not.toContain(`add ${sent} exactly`);
  });

  it('unauthorized_client: the redirect URI for the new client only when Google accepts it', () => {
    expect(diagnoseSignInError(err('unauthorized_client', null), ctx).value).toBeUndefined();
    expect(diagnoseSignInError(err('unauthorized_client', null), ctx).details?.at(-1)?.key).toBe('diag.refused.fixBaseUrl');
    expect(diagnoseSignInError(err('unauthorized_client', null), { ...ctx, expectedRedirectUri: HTTPS_URI }).value).toBe(
      HTTPS_URI,
    );
  });
});

describe('"Before you connect" (prevent.ts)', () => {
  const base: PreventInput = {
    odooOrigin: ONLINE,
    webBaseUrl: 'http://acme.odoo.com',
    baseUrlFrozen: false,
    redirectUri: HTTP_SENT,
    hosts: knownHosts(ONLINE),
    odooMajor: 17,
    edition: 'community',
    accountType: 'workspace',
    gmail: 'sales@acme.com',
    audience: 'internal',
    publishing: 'production',
    registeredRedirectUris: [HTTPS_URI],
    testUsers: [],
    projectId: 'odoo-1',
    clientId: null,
    lastConnectAt: null,
    now: 0,
  };

  it('web.base.url http behind the proxy: no value to register, the freeze action proposes the https address', () => {
    const warnings = preventiveChecks(base);
    // Not "add the http URI": redirectNotRegistered is not raised for a URI Google refuses.
    expect(warnings.map((w) => w.id)).toEqual(['baseUrlHttp']);
    const [w] = warnings;
    expect(w).toMatchObject({ action: 'freezeBaseUrl', freezeValue: ONLINE, fix: { key: 'diag.refused.fixBaseUrl' } });
    expect(w?.value).toBeUndefined();
    expect(tm(w?.fix as Msg)).not.toContain('proxy_mode');
  });

  it('a self-hosted server gets proxy_mode in the fix', () => {
    const [w] = preventiveChecks({
      ...base,
      odooOrigin: 'https://erp.acme.com',
      webBaseUrl: 'http://erp.acme.com',
      redirectUri: 'http://erp.acme.com/google_gmail/confirm',
      registeredRedirectUris: [],
    });
    expect(w).toMatchObject({ id: 'baseUrlHttp', freezeValue: 'https://erp.acme.com', fix: { key: 'diag.refused.fixProxy' } });
  });

  it('web.base.url is the http address in use: one "Google will refuse" warning with the freeze action', () => {
    const warnings = preventiveChecks({ ...base, odooOrigin: 'http://acme.odoo.com' });
    expect(warnings.map((w) => w.id)).toEqual(['redirectRefused']);
    expect(warnings[0]).toMatchObject({
      action: 'freezeBaseUrl',
      freezeValue: ONLINE,
      details: [{ key: 'err.redirect.https' }],
      cause: { params: { redirectUri: HTTP_SENT } },
    });
    expect(warnings[0]?.value).toBeUndefined();
  });

  it('a raw public IP: no freeze value to propose, no value to register', () => {
    const ip = 'http://203.0.113.5:8069';
    const [w] = preventiveChecks({
      ...base,
      odooOrigin: ip,
      webBaseUrl: ip,
      redirectUri: `${ip}/google_gmail/confirm`,
    });
    expect(w).toMatchObject({ id: 'redirectRefused', fix: { key: 'diag.refused.fixName' } });
    expect(w?.action).toBeUndefined();
    expect(w?.value).toBeUndefined();
  });

  it('localhost over http is accepted: the usual "not registered" warning with the value', () => {
    const local = 'http://localhost:8069';
    const warnings = preventiveChecks({
      ...base,
      odooOrigin: local,
      webBaseUrl: local,
      baseUrlFrozen: true,
      redirectUri: `${local}/google_gmail/confirm`,
    });
    expect(warnings).toMatchObject([{ id: 'redirectNotRegistered', value: `${local}/google_gmail/confirm` }]);
  });
});

describe('the values and the checklist in the popup', () => {
  it('computeValues carries the refusal; the client step names the Odoo-side fix, not the http URI to register', () => {
    const computed = computeValues(ONLINE, 'http://acme.odoo.com', knownHosts(ONLINE, 'http://acme.odoo.com'));
    expect(computed.redirectUri).toBe(HTTP_SENT);
    expect(computed.redirectRefusal).toMatchObject({ httpsBaseUrl: ONLINE, fix: { key: 'diag.refused.fixBaseUrl' } });
    expect(computeValues('http://localhost:8069', null, knownHosts('http://localhost:8069')).redirectRefusal).toBeNull();
    const steps = buildChecklist({
      setup: aSetup({ odooOrigin: ONLINE, gmail: 'sales@acme.com', accountType: 'workspace' }),
      probe: null,
      progress: {},
      computed,
      probing: false,
    });
    const client = steps.find((s) => s.id === 'client');
    expect(client?.next.key).toBe('diag.refused.fixBaseUrl');
  });
});
