import { describe, expect, it } from 'vitest';
import { authorizedDomainFor, googleRedirectUriProblems, redirectUriFromBaseUrl } from '@/lib/google/redirect-uri';
import { msg, tm } from '@/lib/i18n';
import { buildChecklist } from '@/lib/setup/checklist';
import { computeValues } from '@/lib/setup/computed';
import { aSetup } from '../support/builders';
import { knownHosts } from './host-facts';

describe('redirectUriFromBaseUrl: werkzeug url_join(web.base.url, "/google_gmail/confirm")', () => {
  it.each([
    ['https://acme.odoo.com', 'https://acme.odoo.com/google_gmail/confirm'],
    ['https://acme.odoo.com/', 'https://acme.odoo.com/google_gmail/confirm'],
    ['https://acme.odoo.com//', 'https://acme.odoo.com/google_gmail/confirm'],
    ['http://localhost:8069', 'http://localhost:8069/google_gmail/confirm'],
    ['https://erp.example.co.uk:8443', 'https://erp.example.co.uk:8443/google_gmail/confirm'],
    ['https://erp.example.com:443', 'https://erp.example.com/google_gmail/confirm'],
    // The absolute path replaces a path in the base URL (RFC 3986 join, as werkzeug does).
    ['https://example.com/odoo', 'https://example.com/google_gmail/confirm'],
    ['https://example.com/odoo/', 'https://example.com/google_gmail/confirm'],
    ['https://ERP.Example.COM', 'https://erp.example.com/google_gmail/confirm'],
    ['https://erp.münchen.de', 'https://erp.xn--mnchen-3ya.de/google_gmail/confirm'],
    ['  https://acme.odoo.com  ', 'https://acme.odoo.com/google_gmail/confirm'],
  ])('%s → %s', (base, uri) => expect(redirectUriFromBaseUrl(base)).toBe(uri));

  it.each([['acme.odoo.com'], [''], ['ftp://acme.odoo.com'], ['False']])('%j → null', (base) =>
    expect(redirectUriFromBaseUrl(base)).toBeNull(),
  );
});

describe('authorizedDomainFor: the top private domain (public suffix list)', () => {
  it.each([
    ['acme.odoo.com', 'odoo.com'],
    ['x-main-123456.dev.odoo.com', 'odoo.com'],
    ['erp.example.co.uk', 'example.co.uk'],
    ['example.com', 'example.com'],
    ['ERP.Example.COM', 'example.com'],
    ['erp.xn--mnchen-3ya.de', 'xn--mnchen-3ya.de'],
    // Private-registry suffixes: Google wants the name under them (google-console.md §5.5).
    ['myapp.herokuapp.com', 'myapp.herokuapp.com'],
    ['acme.github.io', 'acme.github.io'],
  ])('%s → %s', (host, domain) => expect(authorizedDomainFor(host, knownHosts(host))).toBe(domain));

  it.each([['localhost'], ['127.0.0.1'], ['[::1]'], ['10.0.0.5'], ['odoo.localhost']])('%s → none', (host) =>
    expect(authorizedDomainFor(host, knownHosts(host))).toBeNull(),
  );
});

describe('googleRedirectUriProblems (google-console.md §5.6)', () => {
  it.each([
    ['https://acme.odoo.com/google_gmail/confirm'],
    ['http://localhost:8069/google_gmail/confirm'],
    ['http://127.0.0.1:8069/google_gmail/confirm'],
    ['https://erp.example.co.uk:8443/google_gmail/confirm'],
  ])('%s is accepted', (uri) => expect(googleRedirectUriProblems(uri, knownHosts(uri))).toEqual([]));

  it.each([
    ['http://erp.example.com/google_gmail/confirm', ['err.redirect.https']],
    ['https://10.0.0.5/google_gmail/confirm', ['err.redirect.ip']],
    ['http://192.168.1.20:8069/google_gmail/confirm', ['err.redirect.https', 'err.redirect.ip']],
    ['https://odoo.internal/google_gmail/confirm', ['err.redirect.tld']],
    ['https://u:p@acme.odoo.com/google_gmail/confirm', ['err.redirect.userinfo']],
    ['https://acme.odoo.com/google_gmail/confirm#x', ['err.redirect.fragment']],
    ['https://*.odoo.com/google_gmail/confirm', ['err.redirect.tld', 'err.redirect.wildcard']],
    ['nope', ['err.redirect.invalid']],
  ])('%s → %j', (uri, keys) => expect(googleRedirectUriProblems(uri, knownHosts(uri)).map((p) => p.key)).toEqual(keys));
});

describe('computeValues', () => {
  it("uses Odoo's web.base.url, not the typed origin", () => {
    const v = computeValues(
      'https://acme.odoo.com',
      'https://mail.acme.com',
      knownHosts('https://acme.odoo.com', 'https://mail.acme.com'),
    );
    expect(v).toMatchObject({
      source: 'webBaseUrl',
      redirectUri: 'https://mail.acme.com/google_gmail/confirm',
      authorizedDomain: 'acme.com',
      projectName: 'Odoo',
      appName: 'Odoo',
    });
    expect(v.problems.map((p) => p.key)).toEqual(['warn.baseUrl.differs']);
  });

  it('falls back to the origin before a probe and says so', () => {
    expect(computeValues('http://localhost:8069', null, knownHosts('http://localhost:8069'))).toMatchObject({
      source: 'origin',
      redirectUri: 'http://localhost:8069/google_gmail/confirm',
      authorizedDomain: null,
      problems: [],
    });
  });

  it('flags a base URL with a path and one Google will refuse', () => {
    const v = computeValues(
      'http://192.168.1.20:8069',
      'http://192.168.1.20:8069/odoo',
      knownHosts('http://192.168.1.20:8069', 'http://192.168.1.20:8069/odoo'),
    );
    expect(v.problems.map((p) => p.key)).toEqual(['err.redirect.https', 'err.redirect.ip', 'warn.baseUrl.path']);
  });

  it('reports an unusable web.base.url', () => {
    const v = computeValues('https://acme.odoo.com', 'acme.odoo.com', knownHosts('https://acme.odoo.com', 'acme.odoo.com'));
    expect(v.redirectUri).toBeNull();
    expect(v.problems.map((p) => p.key)).toEqual(['err.baseUrl.invalid']);
  });
});

describe('before the background has looked the host up in the public suffix list', () => {
  it('the authorized domain is not known yet (not "none") and no TLD problem is raised', () => {
    expect(computeValues('https://odoo.internal', null, {})).toMatchObject({
      authorizedDomain: null,
      pending: true,
      problems: [],
      redirectRefusal: null,
    });
    // Once the facts arrive, the problem shows.
    const known = computeValues('https://odoo.internal', null, knownHosts('https://odoo.internal'));
    expect(known.pending).toBe(false);
    expect(known.problems.map((p) => p.key)).toEqual(['err.redirect.tld']);
    expect(computeValues('https://acme.odoo.com', null, knownHosts('https://acme.odoo.com'))).toMatchObject({
      authorizedDomain: 'odoo.com',
      pending: false,
    });
  });

  it('a loopback or IP address needs no lookup', () => {
    expect(computeValues('http://localhost:8069', null, {})).toMatchObject({
      authorizedDomain: null,
      pending: false,
      problems: [],
    });
    const ip = computeValues('http://192.168.1.20:8069', null, {});
    expect(ip.pending).toBe(false);
    expect(ip.problems.map((p) => p.key)).toEqual(['err.redirect.https', 'err.redirect.ip']);
  });

  it("the checklist's domain step waits for the domain instead of saying none is needed", () => {
    const pending = computeValues('https://acme.odoo.com', null, {});
    const steps = buildChecklist({ setup: aSetup(), probe: null, progress: {}, computed: pending });
    const domain = steps.find((st) => st.id === 'domain');
    expect(domain?.state).toBe('todo');
    expect(tm(domain?.next ?? msg('step.domain.none'))).toContain('…');
  });
});
