import { describe, expect, it } from 'vitest';
import { tm } from '@/lib/i18n';
import { type PreventInput, preventiveChecks } from '@/lib/troubleshoot/prevent';
import { knownHosts } from './host-facts';

const DAY = 86_400_000;
const NOW = 1_800_000_000_000;
const base: PreventInput = {
  odooOrigin: 'https://erp.acme.com',
  webBaseUrl: 'https://erp.acme.com',
  baseUrlFrozen: true,
  redirectUri: 'https://erp.acme.com/google_gmail/confirm',
  hosts: knownHosts('https://erp.acme.com'),
  odooMajor: 17,
  edition: 'community',
  accountType: 'workspace',
  gmail: 'sales@acme.com',
  audience: 'internal',
  publishing: 'production',
  registeredRedirectUris: ['https://erp.acme.com/google_gmail/confirm'],
  testUsers: [],
  projectId: 'odoo-1',
  clientId: null,
  lastConnectAt: null,
  now: NOW,
};
const ids = (over: Partial<PreventInput>) => preventiveChecks({ ...base, ...over }).map((w) => w.id);

describe('preventiveChecks', () => {
  it('a Workspace setup done right raises nothing', () => {
    expect(ids({})).toEqual([]);
  });

  it('offers the Odoo relay first on 19.0+ Enterprise only', () => {
    expect(ids({ odooMajor: 19, edition: 'enterprise' })).toEqual(['iapAvailable']);
    expect(ids({ odooMajor: 19, edition: 'community' })).toEqual([]);
    expect(ids({ odooMajor: 18, edition: 'enterprise' })).toEqual([]);
  });

  it.each([
    ['http://erp.acme.com', 'baseUrlHttp'],
    ['https://erp.acme.com:8443', 'baseUrlPort'],
    ['https://10.0.0.5', 'baseUrlHost'],
    ['https://acme.odoo.com', 'baseUrlHost'],
  ])('web.base.url %s while the person uses https://erp.acme.com → %s, with the freeze action', (webBaseUrl, id) => {
    const [w] = preventiveChecks({
      ...base,
      webBaseUrl,
      redirectUri: `${webBaseUrl}/google_gmail/confirm`,
      registeredRedirectUris: [],
    });
    expect(w).toMatchObject({ id, severity: 'warn', action: 'freezeBaseUrl', step: 'client' });
    expect(tm(w?.cause ?? { key: 'diag.title' })).toContain(webBaseUrl);
  });

  it('suggests freezing a correct but unfrozen web.base.url', () => {
    expect(preventiveChecks({ ...base, baseUrlFrozen: false })).toMatchObject([
      { id: 'freezeBaseUrl', severity: 'info', action: 'freezeBaseUrl' },
    ]);
    expect(ids({ baseUrlFrozen: null })).toEqual([]);
  });

  it('warns when the URI Odoo sends is not among the registered ones', () => {
    const [w] = preventiveChecks({ ...base, registeredRedirectUris: ['https://acme.odoo.com/google_gmail/confirm'] });
    expect(w).toMatchObject({ id: 'redirectNotRegistered', value: 'https://erp.acme.com/google_gmail/confirm' });
  });

  it('External + Testing: the test user, and the 7-day trap', () => {
    const personal = {
      accountType: 'personal' as const,
      gmail: 'me@gmail.com',
      audience: 'external' as const,
      publishing: 'testing' as const,
    };
    expect(ids(personal)).toEqual(['testUserMissing', 'testingExpiry']);
    expect(ids({ ...personal, testUsers: ['Me@Gmail.com'] })).toEqual(['testingExpiry']);
    expect(ids({ ...personal, publishing: 'production' })).toEqual([]);
  });

  it('counts the days left from the last connect, and warns before day 7', () => {
    const personal = {
      accountType: 'personal' as const,
      gmail: 'me@gmail.com',
      audience: 'external' as const,
      publishing: 'testing' as const,
      testUsers: ['me@gmail.com'],
    };
    const day1 = preventiveChecks({ ...base, ...personal, lastConnectAt: NOW - 1 * DAY });
    expect(day1).toMatchObject([{ id: 'testingExpiry', severity: 'info', cause: { params: { days: 6 } } }]);
    const day5 = preventiveChecks({ ...base, ...personal, lastConnectAt: NOW - 5 * DAY - 1000 });
    expect(day5).toMatchObject([{ id: 'testingExpirySoon', severity: 'warn', step: 'test', cause: { params: { days: 2 } } }]);
    const day9 = preventiveChecks({ ...base, ...personal, lastConnectAt: NOW - 9 * DAY });
    expect(day9[0]?.cause.params?.days).toBe(0);
    expect(tm(day5[0]?.fix ?? { key: 'diag.title' })).toContain('Publish app');
  });

  it('recommends Internal to a Workspace account that chose External', () => {
    expect(ids({ audience: 'external', publishing: 'production' })).toEqual(['workspaceExternal']);
  });
});
