import { describe, expect, it } from 'vitest';
import { compareUris, diagnoseMismatch, readRawUri } from '@/lib/google/uri-compare';

const R = 'https://acme.odoo.com/google_gmail/confirm';

// Real-world pairs: what Odoo sent vs what was registered (field-notes.md P1–P3, P19; google-console.md §5.6).
describe('compareUris names every difference Google would see', () => {
  it.each([
    // identical
    [R, R, []],
    // scheme: Odoo behind a proxy without proxy_mode sends http (P1)
    ['http://acme.odoo.com/google_gmail/confirm', R, ['scheme']],
    ['http://erp.acme.com/google_gmail/confirm', 'https://erp.acme.com/google_gmail/confirm', ['scheme']],
    // ports (P2)
    ['https://erp.acme.com:8069/google_gmail/confirm', 'https://erp.acme.com/google_gmail/confirm', ['port']],
    ['http://localhost:8069/google_gmail/confirm', 'http://localhost:8070/google_gmail/confirm', ['port']],
    ['https://erp.acme.com:443/google_gmail/confirm', 'https://erp.acme.com/google_gmail/confirm', ['defaultPort']],
    ['http://erp.acme.com:80/google_gmail/confirm', 'https://erp.acme.com/google_gmail/confirm', ['scheme', 'port']],
    // www / no-www and aliases (P3)
    ['https://www.acme.com/google_gmail/confirm', 'https://acme.com/google_gmail/confirm', ['www']],
    ['https://acme.com/google_gmail/confirm', 'https://www.acme.com/google_gmail/confirm', ['www']],
    ['https://mail.acme.com/google_gmail/confirm', R, ['host']],
    ['https://acme-staging-123.dev.odoo.com/google_gmail/confirm', R, ['host']],
    ['http://192.168.1.20:8069/google_gmail/confirm', 'http://odoo.lan:8069/google_gmail/confirm', ['host']],
    ['http://127.0.0.1:8069/google_gmail/confirm', 'http://localhost:8069/google_gmail/confirm', ['host']],
    // letter case
    ['https://ACME.odoo.com/google_gmail/confirm', R, ['hostCase']],
    ['https://acme.odoo.com/Google_Gmail/Confirm', R, ['pathCase']],
    // IDN: Unicode vs punycode
    ['https://erp.xn--mnchen-3ya.de/google_gmail/confirm', 'https://erp.münchen.de/google_gmail/confirm', ['idn']],
    // paths: trailing slash, prefix, typo, the db name guessed into the path
    ['https://acme.odoo.com/google_gmail/confirm/', R, ['trailingSlash']],
    ['https://acme.odoo.com/odoo/google_gmail/confirm', R, ['path']],
    ['https://acme.odoo.com/google_gmail/confirm', 'https://acme.odoo.com/google-gmail/confirm', ['path']],
    ['https://acme.odoo.com/google_gmail/confirm', 'https://acme.odoo.com/', ['path']],
    ['https://acme.odoo.com', R, ['path']],
    // query, fragment, pasted whitespace
    ['https://acme.odoo.com/google_gmail/confirm?db=acme', R, ['query']],
    ['https://acme.odoo.com/google_gmail/confirm#', R, ['fragment']],
    [`${R} `, R, ['whitespace']],
    // several at once
    [
      'http://www.acme.com:8069/odoo/google_gmail/confirm/',
      'https://acme.com/google_gmail/confirm',
      ['scheme', 'www', 'port', 'path'],
    ],
  ] as const)('%s vs %s → %j', (a, b, diffs) => {
    expect(compareUris(a, b)).toEqual(diffs);
  });

  it('is symmetric in what it finds', () => {
    expect(compareUris(R, 'http://acme.odoo.com/google_gmail/confirm')).toEqual(['scheme']);
    expect(compareUris(R, 'https://www.acme.odoo.com/google_gmail/confirm')).toEqual(['www']);
  });
});

describe('readRawUri keeps what URL() would normalise away', () => {
  it('keeps an explicit default port, the host case and a Unicode host', () => {
    expect(readRawUri('https://ERP.münchen.de:443/x?y#z')).toEqual({
      scheme: 'https',
      host: 'ERP.münchen.de',
      port: '443',
      path: '/x',
      query: 'y',
      fragment: 'z',
    });
    expect(readRawUri('not a uri')).toBeNull();
  });
});

describe('diagnoseMismatch', () => {
  it('finds the registered URI closest to the one sent, and whether Odoo now computes something else', () => {
    const d = diagnoseMismatch({
      sent: 'http://erp.acme.com/google_gmail/confirm',
      registered: ['https://acme.odoo.com/google_gmail/confirm', 'https://erp.acme.com/google_gmail/confirm'],
      expected: 'https://erp.acme.com/google_gmail/confirm',
    });
    expect(d).toEqual({
      closest: 'https://erp.acme.com/google_gmail/confirm',
      differences: ['scheme'],
      alreadyRegistered: false,
      sentDiffersFromExpected: ['scheme'],
    });
  });

  it('knows when the URI sent is registered (then the cause is elsewhere: another client, not saved yet)', () => {
    expect(diagnoseMismatch({ sent: R, registered: [R] })).toMatchObject({ alreadyRegistered: true, differences: [] });
  });

  it('copes with no registered URI known', () => {
    expect(diagnoseMismatch({ sent: R, registered: [] })).toEqual({
      closest: null,
      differences: [],
      alreadyRegistered: false,
      sentDiffersFromExpected: [],
    });
  });
});
