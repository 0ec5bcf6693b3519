/** The stored diagnoses (lib/troubleshoot/store.ts) and the panel's view of one (lib/troubleshoot/view.ts). */
import { describe, expect, it } from 'vitest';
import { msg } from '@/lib/i18n';
import { type Evidence, type StoredDiagnosis, unresolved, withDiagnosis } from '@/lib/troubleshoot/store';
import { type DiagnosisLike, diagnosisView, safeLink } from '@/lib/troubleshoot/view';

const ORIGIN = 'https://acme.odoo.com';
const d = (id: string, step: StoredDiagnosis['step'], extra: Partial<StoredDiagnosis> = {}): StoredDiagnosis => ({
  id,
  step,
  source: 'signIn',
  origin: ORIGIN,
  at: 100,
  title: msg('diag.title', { code: id }),
  cause: msg('diag.access_denied.cause', { gmail: 'me@gmail.com' }),
  fix: msg('diag.access_denied.fix', { gmail: 'me@gmail.com' }),
  ...extra,
});
const none: Evidence = {
  tokenAt: null,
  registeredRedirectUris: [],
  expectedRedirectUri: `${ORIGIN}/google_gmail/confirm`,
  testUsers: [],
  clientIdAt: null,
  moduleUpToDate: false,
  origin: ORIGIN,
};

describe('unresolved', () => {
  it.each([
    ['a later token proves every fix', d('redirect_uri_mismatch', 'client'), { tokenAt: 200 }, false],
    ['an earlier token proves nothing', d('redirect_uri_mismatch', 'client'), { tokenAt: 50 }, true],
    [
      'the URI Odoo sends is registered now',
      d('redirect_uri_mismatch', 'client'),
      { registeredRedirectUris: [`${ORIGIN}/google_gmail/confirm`] },
      false,
    ],
    [
      'another URI registered',
      d('redirect_uri_mismatch', 'client'),
      { registeredRedirectUris: ['https://x/google_gmail/confirm'] },
      true,
    ],
    [
      'the address became a test user',
      d('access_denied', 'testUser', { value: 'Me@gmail.com' }),
      { testUsers: ['me@gmail.com'] },
      false,
    ],
    ['new credentials after invalid_client', d('invalid_client', 'client'), { clientIdAt: 200 }, false],
    ['credentials from before', d('invalid_client', 'client'), { clientIdAt: 50 }, true],
    ['module upgraded', d('forbiddenOutdated', 'module'), { moduleUpToDate: true }, false],
    ['another Odoo now', d('forbidden', 'connect'), { origin: 'https://other.odoo.com' }, false],
    ['nothing new', d('org_internal', 'consent'), {}, true],
  ])('%s', (_, diagnosis, evidence, kept) => {
    expect(unresolved([diagnosis], { ...none, ...evidence })).toHaveLength(kept ? 1 : 0);
  });

  it('keeps one diagnosis per step, the latest', () => {
    const list = withDiagnosis(
      [d('invalid_client', 'client'), d('access_denied', 'testUser')],
      d('redirect_uri_mismatch', 'client'),
    );
    expect(list.map((x) => x.id)).toEqual(['access_denied', 'redirect_uri_mismatch']);
  });
});

describe('diagnosisView', () => {
  it('title, cause, fix, the value with a copy button, and a link to the Console', () => {
    // Stored texts are checked Msg keys in the making (`msg`), only widened to strings by the schema.
    const stored = d('access_denied', 'testUser', {
      value: 'me@gmail.com',
      link: 'https://console.cloud.google.com/auth/audience?project=p',
    });
    const view = diagnosisView(stored as unknown as DiagnosisLike);
    expect(view.title).toBe('Google refused the sign-in: access_denied');
    expect(view.status).toMatchObject({ tone: 'warn' });
    expect(view.status?.text).toContain('me@gmail.com is not one of its test users');
    expect(view.notes?.[0]).toMatch(/^Fix: On the Audience page/);
    expect(view.copy).toEqual({ label: 'Value to add:', value: 'me@gmail.com' });
    expect(view.links).toEqual([
      { label: 'Open Audience › Test users', href: 'https://console.cloud.google.com/auth/audience?project=p' },
    ]);
  });

  it.each([
    ['https://console.cloud.google.com/auth/clients', null, true],
    ['https://admin.google.com/ac/owl/list?tab=configuredApps', null, true],
    [`${ORIGIN}/odoo/apps`, ORIGIN, true],
    [`${ORIGIN}/odoo/apps`, null, false],
    ['javascript:alert(1)', null, false],
    ['http://console.cloud.google.com/', null, false],
    ['https://evil.example/', ORIGIN, false],
  ])('links %s (Odoo %s): %s', (href, origin, linked) => {
    expect(safeLink(href, origin) !== null).toBe(linked);
  });
});
