/**
 * The checklist's Odoo-side steps: done only on what Odoo confirmed (the odooGmail state) and the
 * monitor's last check; running and failed operations show as such; another Odoo's facts are ignored.
 */
import { describe, expect, it } from 'vitest';
import { tm } from '@/lib/i18n';
import type { ProbeResult } from '@/lib/odoo/probe';
import { odooMailServerLink } from '@/lib/odoo/urls';
import { buildChecklist, type ChecklistInput } from '@/lib/setup/checklist';
import { computeValues } from '@/lib/setup/computed';
import type { MonitorState } from '@/lib/setup/odoo-state';
import type { Setup } from '@/lib/setup/setup';
import { scope } from '@/lib/state/snapshot';
import { adminProbe } from '../fixtures/stored-state';
import { aMonitor, anOdooGmailState, aSetup } from '../support/builders';
import { knownHosts } from './host-facts';

const ORIGIN = 'https://acme.odoo.com';
const GMAIL = 'me@gmail.com';
const probe: ProbeResult = adminProbe({ origin: ORIGIN, major: 16, userEmail: GMAIL });
const SERVER = {
  id: 4,
  name: 'Gmail (me@gmail.com)',
  gmail: GMAIL,
  schema: 'auth16' as const,
  action: 'created' as const,
  at: 200,
};
const state = anOdooGmailState;
const monitor = aMonitor;
const SETUP: Setup = aSetup({ odooOrigin: ORIGIN, gmail: GMAIL });
const build = (over: Partial<ChecklistInput> = {}) =>
  buildChecklist({
    setup: SETUP,
    probe,
    progress: {},
    computed: computeValues(ORIGIN, ORIGIN, knownHosts(ORIGIN)),
    ...over,
  });
const row = (over: Partial<ChecklistInput>, id: string) => {
  const s = build(over).find((x) => x.id === id);
  if (!s) throw new Error(id);
  return { state: s.state, text: tm(s.next), link: s.link };
};

describe('Odoo-side steps', () => {
  it('without anything confirmed, the guide’s instructions stay, to do', () => {
    for (const id of ['credentials', 'server', 'connect', 'test']) expect(row({ odooGmail: null }, id).state).toBe('todo');
  });

  it('credentials: done on Odoo’s read-back; running; a newer error wins', () => {
    const saved = state({ credentials: { clientId: 'X-1', at: 100, secretConfirmed: true, found: false } });
    expect(row({ odooGmail: saved }, 'credentials')).toMatchObject({
      state: 'done',
      text: expect.stringContaining('Client ID X-1'),
    });
    expect(row({ odooGmail: state({ running: { op: 'credentials', at: 1 } }) }, 'credentials').state).toBe('inProgress');
    const failed = { ...saved, errors: { credentials: { at: 150, error: { key: 'odoo.err.signedOut' } } } };
    expect(row({ odooGmail: failed }, 'credentials')).toEqual({
      state: 'attention',
      text: 'Your Odoo session has ended — sign in to Odoo again, then retry.',
      link: undefined,
    });
    const found = state({ credentials: { clientId: 'X-2', at: 100, secretConfirmed: true, found: true } });
    expect(row({ odooGmail: found }, 'credentials')).toMatchObject({
      state: 'done',
      text: 'Odoo already has Client ID X-2 and a secret (entered earlier).',
    });
    const olderError = { ...saved, errors: { credentials: { at: 50, error: { key: 'odoo.err.signedOut' } } } };
    expect(row({ odooGmail: olderError }, 'credentials').state).toBe('done');
  });

  it('server: done for the current address, with a link to its form; to redo for another address', () => {
    expect(row({ odooGmail: state({ server: SERVER }) }, 'server')).toEqual({
      state: 'done',
      text: `Odoo created the Gmail server “Gmail (me@gmail.com)” for ${GMAIL}.`,
      link: `${ORIGIN}/web#id=4&model=ir.mail_server&view_type=form`,
    });
    const other = state({ server: { ...SERVER, gmail: 'old@gmail.com' } });
    expect(row({ odooGmail: other }, 'server')).toMatchObject({
      state: 'todo',
      text: expect.stringContaining('set up for old@gmail.com'),
    });
  });

  it('connect: waiting, refused by Odoo or Google, done on the token, revoked', () => {
    const connect = { serverId: 4, startedAt: 1, tabId: 3, status: 'waiting' as const, detail: null, redirectUri: null };
    const waiting = state({ server: SERVER, connect });
    expect(row({ odooGmail: waiting }, 'connect').state).toBe('inProgress');
    const cancelled = state({ server: SERVER, connect: { ...connect, status: 'refused', detail: 'access_denied' } });
    expect(row({ odooGmail: cancelled }, 'connect').text).toBe(
      'Google answered access_denied — nothing was connected. Connect again and press Allow.',
    );
    const forbidden = state({ server: SERVER, connect: { ...connect, status: 'refused', detail: null } });
    expect(row({ odooGmail: forbidden }, 'connect').text).toContain('Forbidden');
    expect(row({ odooGmail: waiting, monitor: monitor() }, 'connect')).toMatchObject({
      state: 'done',
      text: `Odoo holds a Gmail token for ${GMAIL}.`,
    });
    const revoked = monitor({
      status: 'testFailed',
      test: { ok: false, odooText: 'An error occurred when fetching the access token.', reading: 'tokenRevoked' },
      verdict: 'red',
    });
    expect(row({ odooGmail: state({ server: SERVER }), monitor: revoked }, 'connect').state).toBe('attention');
    const lost = monitor({ status: 'noToken', token: false, test: null, verdict: 'red', lastGreenAt: 100 });
    expect(row({ odooGmail: state({ server: SERVER }), monitor: lost }, 'connect').state).toBe('attention');
  });

  it.each([
    [{}, 'done', 'Test Connection passed — Odoo logged in to Gmail with the token.'],
    [{ status: 'noToken', token: false, test: null }, 'todo', 'Connect the Gmail account first.'],
    [
      { status: 'testFailed', test: { ok: false, odooText: 'x', reading: 'senderRefused' } },
      'attention',
      "Gmail refused the sender address — set the server's From filter to the Gmail address.",
    ],
    [
      { status: 'signedOut', token: null, test: null },
      'attention',
      'Your Odoo session has ended — sign in to Odoo again. This says nothing about the Gmail token.',
    ],
    [
      { status: 'unreachable', token: null, test: null },
      'attention',
      'Odoo could not be reached — the token could not be checked.',
    ],
  ] as const)('test step from the monitor %j → %s', (over, expected, text) => {
    const r = row({ odooGmail: state({ server: SERVER }), monitor: monitor(over as Partial<MonitorState>) }, 'test');
    expect(r.state).toBe(expected);
    expect(r.text).toBe(text);
  });

  it('ignores another Odoo’s state (scoped by the snapshot) and another server’s check', () => {
    const elsewhere = state({
      origin: 'https://other.odoo.com',
      credentials: { clientId: 'X', at: 1, secretConfirmed: true, found: false },
    });
    expect(row(scope({ setup: SETUP, odooGmail: elsewhere }), 'credentials').state).toBe('todo');
    expect(row({ odooGmail: state({ server: SERVER }), monitor: monitor({ serverId: 9 }) }, 'test').state).toBe('todo');
  });

  it('module: an install in progress or failed shows over the probe', () => {
    expect(row({ odooGmail: state({ running: { op: 'module', at: 1 } }) }, 'module').state).toBe('inProgress');
    const failed = state({ errors: { module: { at: 1, error: { key: 'odoo.err.moduleNotReady' } } } });
    expect(row({ odooGmail: failed }, 'module').state).toBe('attention');
    expect(row({ odooGmail: state() }, 'module').state).toBe('done');
  });

  it('links to a server form in each URL scheme', () => {
    expect(odooMailServerLink(ORIGIN, 3, 17, 0)).toBe(`${ORIGIN}/web#id=3&model=ir.mail_server&view_type=form`);
    expect(odooMailServerLink(ORIGIN, 3, 17, 2)).toBe(`${ORIGIN}/odoo/ir.mail_server/3`);
    expect(odooMailServerLink(ORIGIN, 3, 19)).toBe(`${ORIGIN}/odoo/ir.mail_server/3`);
  });
});

describe("Odoo's Gmail relay (19.0 Enterprise)", () => {
  const connect = (via: 'google' | 'relay') => ({
    serverId: 4,
    startedAt: 250,
    tabId: null,
    status: 'connected' as const,
    detail: null,
    redirectUri: null,
    via,
  });
  const GOOGLE_SIDE = ['project', 'consent', 'domain', 'testUser', 'client', 'credentials'];

  it('connected through the relay: the Google-side steps do not apply, and the checklist is complete', () => {
    const over = { odooGmail: state({ server: SERVER, connect: connect('relay') }), monitor: monitor() };
    for (const id of GOOGLE_SIDE) {
      expect(row(over, id), id).toMatchObject({ state: 'na', text: expect.stringContaining("Odoo's own Gmail relay") });
    }
    const steps = build(over);
    expect(steps.filter((s) => !['done', 'na'].includes(s.state)).map((s) => s.id)).toEqual([]);
  });

  it("through Google with the database's own client, or with credentials saved, every step still counts", () => {
    expect(row({ odooGmail: state({ server: SERVER, connect: connect('google') }), monitor: monitor() }, 'project').state).toBe(
      'todo',
    );
    const own = state({
      server: SERVER,
      connect: connect('relay'),
      credentials: { clientId: 'x.apps.googleusercontent.com', at: 100, secretConfirmed: true, found: false },
    });
    expect(row({ odooGmail: own, monitor: monitor() }, 'project').state).toBe('todo');
    expect(row({ odooGmail: own, monitor: monitor() }, 'credentials').state).toBe('done');
  });
});
