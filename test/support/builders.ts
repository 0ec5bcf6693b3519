/**
 * The state the tests start from, built in one place: a setup, a probe, what Odoo confirmed, the
 * monitor's check, a snapshot. Each builder takes the fields a test is about and fills the rest with
 * one healthy, personal-Gmail setup at acme.odoo.com, so a test says only what it changes.
 *
 * Runs under Node's type stripping like the rest of test/support/: type imports from lib/ only.
 */
import type { ProbeResult } from '../../lib/odoo/probe.ts';
import type { MonitorState, OdooGmailState } from '../../lib/setup/odoo-state.ts';
import type { Setup } from '../../lib/setup/setup.ts';
import type { GoogleState } from '../../lib/state/items.ts';
import type { Snapshot } from '../../lib/state/snapshot.ts';
import { type AdminProbe, adminProbe } from '../fixtures/stored-state.ts';

/** An OAuth client ID of Google's shape (client-formats.ts), issued to no one. */
export const FAKE_CLIENT_ID = '123456789012-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com';
export const ORIGIN = 'https://acme.odoo.com';
export const GMAIL = 'me@gmail.com';

/** What the popup's form stores. */
export const aSetup = (over: Partial<Setup> = {}): Setup => ({
  odooOrigin: ORIGIN,
  gmail: GMAIL,
  accountType: 'personal',
  gmailProposed: false,
  ...over,
});

/** What "Connect to Odoo" stores for an administrator (test/fixtures/stored-state.ts). */
export const aProbe = (over: Partial<AdminProbe> = {}): ProbeResult => adminProbe({ origin: ORIGIN, ...over });

/** What the Console assistant learnt: nothing yet, unless told. */
export const aGoogleState = (over: Partial<GoogleState> = {}): GoogleState => ({
  projectId: null,
  clientId: null,
  audience: null,
  publishing: null,
  authorizedDomains: [],
  testUsers: [],
  redirectUris: [],
  testUsersWanted: [],
  secretCapturedAt: null,
  ...over,
});

/** What Odoo confirmed: nothing yet, unless told. */
export const anOdooGmailState = (over: Partial<OdooGmailState> = {}): OdooGmailState => ({
  origin: ORIGIN,
  credentials: null,
  server: null,
  connect: null,
  running: null,
  errors: {},
  ...over,
});

/** A green check of server 4. */
export const aMonitor = (over: Partial<MonitorState> = {}): MonitorState => ({
  origin: ORIGIN,
  serverId: 4,
  at: 300,
  trigger: 'manual',
  status: 'ok',
  token: true,
  test: { ok: true, odooText: null, reading: null },
  detail: null,
  verdict: 'green',
  notifiedAt: null,
  lastGreenAt: 300,
  ...over,
});

/** A snapshot as read from storage (not scoped: pass it through `scope` for what readSnapshot returns). */
export const aSnapshot = (over: Partial<Snapshot> = {}): Snapshot => ({
  setup: aSetup(),
  probe: aProbe(),
  progress: {},
  google: aGoogleState(),
  odooGmail: null,
  monitor: null,
  diagnoses: [],
  incoming: null,
  personal: null,
  publishChoice: null,
  publishLinks: null,
  // What the background stores for ORIGIN from the public suffix list (lib/state/host-facts.ts).
  hosts: { 'acme.odoo.com': { listed: true, domain: 'odoo.com' } },
  ...over,
});
