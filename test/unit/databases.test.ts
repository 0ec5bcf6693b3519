/**
 * The same Google client on two origins (lib/setup/databases.ts): the sign of a copy of a database, said only
 * when the extension did not put the client there itself, and not for a neutralized copy.
 */
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '@/lib/odoo/probe';
import { sameClientAs } from '@/lib/setup/databases';
import { emptyOdooGmailState } from '@/lib/setup/odoo-state';
import { EMPTY_GOOGLE_STATE } from '@/lib/state/items';
import type { SavedSetup } from '@/lib/state/setups';
import { adminProbe } from '../fixtures/stored-state';
import { FAKE_CLIENT_ID } from '../support/builders';

/** An administrator's probe (test/fixtures/stored-state.ts) of `db`, with the Client ID its Odoo holds. */
function probe(origin: string, db: string, clientId: string | null, neutralized = false): ProbeResult {
  const p = adminProbe({ origin });
  if (!p.odoo) throw new Error('an admin probe has its Odoo');
  return { ...p, odoo: { ...p.odoo, db, neutralized, clientId } };
}

const PROD = 'https://acme.odoo.com';
const STAGING = 'https://acme-staging-123.dev.odoo.com';

function saved(origin: string, db: string, clientId: string | null, written: string | null = null): SavedSetup {
  return {
    setup: { odooOrigin: origin, gmail: 'sales@acme.com', accountType: 'workspace', gmailProposed: false },
    probe: probe(origin, db, clientId),
    progress: {},
    google: EMPTY_GOOGLE_STATE,
    odooGmail: written
      ? { ...emptyOdooGmailState(origin), credentials: { clientId: written, at: 1, secretConfirmed: true, found: false } }
      : null,
    monitor: null,
    incoming: null,
    diagnoses: [],
    publishChoice: null,
    publishLinks: null,
    savedAt: 1,
  };
}

describe('sameClientAs', () => {
  it('a database that already holds the client production holds is named as a possible copy', () => {
    const others = { [PROD]: saved(PROD, 'acme', null, FAKE_CLIENT_ID) };
    expect(sameClientAs({ probe: probe(STAGING, 'acme-staging', FAKE_CLIENT_ID), odooGmail: null }, others)).toEqual([
      { origin: PROD, db: 'acme', clientId: FAKE_CLIENT_ID },
    ]);
  });

  it('nothing when the clients differ, when none is held, or when the extension saved it here itself', () => {
    const others = { [PROD]: saved(PROD, 'acme', FAKE_CLIENT_ID) };
    expect(sameClientAs({ probe: probe(STAGING, 'x', `9${FAKE_CLIENT_ID.slice(1)}`), odooGmail: null }, others)).toEqual([]);
    expect(sameClientAs({ probe: probe(STAGING, 'x', null), odooGmail: null }, others)).toEqual([]);
    const mine = {
      ...emptyOdooGmailState(STAGING),
      credentials: { clientId: FAKE_CLIENT_ID, at: 1, secretConfirmed: true, found: false },
    };
    expect(sameClientAs({ probe: probe(STAGING, 'x', FAKE_CLIENT_ID), odooGmail: mine }, others)).toEqual([]);
    // Found there already (not written by the extension): still a possible copy.
    const found = { ...mine, credentials: { ...mine.credentials, found: true } };
    expect(sameClientAs({ probe: probe(STAGING, 'x', FAKE_CLIENT_ID), odooGmail: found }, others)).toHaveLength(1);
  });

  it('nothing for a neutralized copy: its own warning says more', () => {
    const others = { [PROD]: saved(PROD, 'acme', FAKE_CLIENT_ID) };
    expect(sameClientAs({ probe: probe(STAGING, 'x', FAKE_CLIENT_ID, true), odooGmail: null }, others)).toEqual([]);
  });
});
