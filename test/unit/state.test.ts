/**
 * The state layer: every item keeps the key and version earlier builds wrote; the snapshot is read once
 * and scoped to the current Odoo there; the views are derived from it (lib/state/).
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checklistInput, computed, consoleContext, evidence, preventInput, troubleshootContext } from '@/lib/state/derive';
import { readRaw, SNAPSHOT_KEYS, startFirstRead } from '@/lib/state/first-read';
import * as items from '@/lib/state/items';
import { readSnapshot, SNAPSHOT_ITEMS, scope, watchSnapshot } from '@/lib/state/snapshot';
import type { StoredDiagnosis } from '@/lib/troubleshoot/store';
import { aGoogleState, aMonitor, anOdooGmailState, aProbe, aSetup, aSnapshot, FAKE_CLIENT_ID, ORIGIN } from '../support/builders';

const OTHER = 'https://other.odoo.com';
const diagnosis = (origin: string | null): StoredDiagnosis => ({
  id: 'access_denied',
  step: 'testUser',
  source: 'signIn',
  origin,
  at: 1,
  title: { key: 'diag.access_denied.title' },
  cause: { key: 'diag.access_denied.cause' },
  fix: { key: 'diag.access_denied.fix' },
});

describe('the storage items', () => {
  it('keep the keys earlier builds wrote, so existing data reads back the same', () => {
    const keys = Object.values(items as Record<string, unknown>)
      .flatMap((v) => (typeof v === 'object' && v !== null && 'watch' in v && 'key' in v ? [String(v.key)] : []))
      .sort();
    expect(keys).toEqual(
      [
        'local:setup',
        'local:probe',
        'local:progress',
        'local:google',
        'local:publishChoice',
        'local:publishLinks',
        'session:credentials',
        'local:odooGmail',
        'local:monitor',
        'local:tokenCountRefused',
        'local:diagnoses',
        'local:testingExpiryWarning',
        'session:googleSetup',
        'session:consolePendingProject',
        'session:consoleReloads',
      ].sort(),
    );
  });

  it('read what an earlier build stored under those keys', async () => {
    await fakeBrowser.storage.local.set({ setup: aSetup(), setup$: { v: 1 } });
    expect(await items.setupItem.get()).toEqual(aSetup());
  });
});

describe('the snapshot', () => {
  it('reads every item and drops the records of another Odoo, once', async () => {
    await items.setupItem.set(aSetup());
    await items.probeItem.set(aProbe({ origin: OTHER }));
    await items.odooGmailItem.set(anOdooGmailState({ origin: OTHER }));
    await items.monitorItem.set(aMonitor());
    await items.diagnosesItem.set([diagnosis(ORIGIN), diagnosis(OTHER), diagnosis(null)]);
    await items.googleItem.set(aGoogleState({ projectId: 'odoo-123456' }));
    const s = await readSnapshot();
    expect(s.probe).toBeNull();
    expect(s.odooGmail).toBeNull();
    expect(s.monitor).toEqual(aMonitor());
    expect(s.diagnoses.map((d) => d.origin)).toEqual([ORIGIN, null]);
    // The Google project is not about an Odoo: kept.
    expect(s.google.projectId).toBe('odoo-123456');
  });

  it('keeps no Odoo record before an Odoo is set up, but a diagnosis made for none', () => {
    const s = scope(
      aSnapshot({
        setup: null,
        odooGmail: anOdooGmailState(),
        monitor: aMonitor(),
        diagnoses: [diagnosis(ORIGIN), diagnosis(null)],
      }),
    );
    expect(s).toMatchObject({ probe: null, odooGmail: null, monitor: null });
    expect(s.diagnoses.map((d) => d.origin)).toEqual([null]);
  });

  it('is read the same from the raw values a first read started early (its keys are the snapshot items’)', async () => {
    expect([...SNAPSHOT_KEYS]).toEqual(SNAPSHOT_ITEMS.map((i) => i.key));
    await items.setupItem.set(aSetup());
    await items.monitorItem.set(aMonitor());
    await items.googleItem.set(aGoogleState({ projectId: 'odoo-123456' }));
    await fakeBrowser.storage.local.set({ probe: { not: 'a probe' } });
    const first = startFirstRead(SNAPSHOT_KEYS);
    expect(await readSnapshot(first.values)).toEqual(await readSnapshot());
    first.stop();
  });

  it('reads what a first read lacks, or all of it when that read failed', async () => {
    await items.setupItem.set(aSetup());
    await items.monitorItem.set(aMonitor());
    const partial = readRaw(SNAPSHOT_KEYS.filter((k) => k !== 'local:monitor'));
    expect((await readSnapshot(partial)).monitor).toEqual(aMonitor());
    expect((await readSnapshot(Promise.reject(new Error('storage unavailable')))).setup).toEqual(aSetup());
  });

  it('a first read notices a change to its keys until it stops', async () => {
    const first = startFirstRead(SNAPSHOT_KEYS);
    await items.credentialsItem.set(null);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    expect(first.changed()).toBe(false);
    await items.publishChoiceItem.set('production');
    expect(first.changed()).toBe(true);
    first.stop();
  });

  it('tells its watcher when any of its items changes', async () => {
    const seen = vi.fn();
    const unwatch = watchSnapshot(seen);
    await items.publishChoiceItem.set('production');
    await vi.waitFor(() => expect(seen).toHaveBeenCalled());
    unwatch();
  });
});

describe('derive', () => {
  it('computes the values from the probe of this Odoo only', () => {
    const s = aSnapshot({ probe: aProbe({ baseUrl: 'https://mail.acme.com' }) });
    expect(computed(s)?.redirectUri).toBe('https://mail.acme.com/google_gmail/confirm');
    expect(computed(scope({ ...s, probe: aProbe({ origin: OTHER, baseUrl: 'https://mail.acme.com' }) }))?.redirectUri).toBe(
      `${ORIGIN}/google_gmail/confirm`,
    );
    expect(computed(aSnapshot({ setup: null }))).toBeNull();
  });

  it('gives the checklist the snapshot, the values and what only the popup knows', () => {
    const s = aSnapshot();
    expect(checklistInput(s, { probing: true, secretPending: false })).toMatchObject({
      setup: s.setup,
      probe: s.probe,
      computed: computed(s),
      probing: true,
      secretPending: false,
    });
    expect(checklistInput(s)).not.toHaveProperty('secretPending');
  });

  it('gives the troubleshooter the client ID Odoo holds when the Console never showed one', () => {
    const s = aSnapshot({
      odooGmail: anOdooGmailState({ credentials: { clientId: FAKE_CLIENT_ID, at: 5, secretConfirmed: true, found: true } }),
    });
    expect(troubleshootContext(s)).toMatchObject({ clientId: FAKE_CLIENT_ID, odooOrigin: ORIGIN });
    expect(evidence(s)).toMatchObject({ clientIdAt: 5, origin: ORIGIN, tokenAt: null, moduleUpToDate: true });
    expect(evidence(aSnapshot({ monitor: aMonitor({ at: 9 }) })).tokenAt).toBe(9);
  });

  it('gives "Before you connect" the last connect, and nothing before an Odoo is set up', () => {
    expect(preventInput(aSnapshot({ setup: null }), 1)).toBeNull();
    const connect = { serverId: 4, startedAt: 7, tabId: null, status: 'connected' as const, detail: null, redirectUri: null };
    expect(preventInput(aSnapshot({ odooGmail: anOdooGmailState({ connect }) }), 1)?.lastConnectAt).toBe(7);
    expect(preventInput(aSnapshot({ monitor: aMonitor({ lastGreenAt: 8 }) }), 1)?.lastConnectAt).toBe(8);
  });

  it('tells the Console assistant a secret is captured when Odoo already holds this client’s', () => {
    const session = { credentials: null, pendingProject: null, autopilot: false, arrived: false, reloads: 0 };
    const google = aGoogleState({ clientId: FAKE_CLIENT_ID });
    const held = anOdooGmailState({ credentials: { clientId: FAKE_CLIENT_ID, at: 5, secretConfirmed: null, found: false } });
    expect(consoleContext(aSnapshot({ google, odooGmail: held }), session).secretCaptured).toBe(true);
    expect(consoleContext(aSnapshot({ google }), session).secretCaptured).toBe(false);
    expect(consoleContext(aSnapshot({ setup: null }), session)).toMatchObject({ ready: false, projectName: 'Odoo' });
  });
});
