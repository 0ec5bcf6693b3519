import { describe, expect, it } from 'vitest';
import { msg, t, tm } from '@/lib/i18n';
import type { ProbeResult } from '@/lib/odoo/probe';
import { buildChecklist, type ChecklistInput, type ChecklistStep, checklistSummary, nextStep } from '@/lib/setup/checklist';
import { computeValues } from '@/lib/setup/computed';
import { emptyOdooGmailState } from '@/lib/setup/odoo-state';
import { STEP_IDS } from '@/lib/setup/steps';
import { EMPTY_GOOGLE_STATE } from '@/lib/state/items';
import { scope } from '@/lib/state/snapshot';
import { aProbe, aSetup, FAKE_CLIENT_ID } from '../support/builders';
import { knownHosts } from './host-facts';

const ORIGIN = 'https://acme.odoo.com';
const setup = aSetup;
const okProbe = (over: Partial<ProbeResult> = {}): ProbeResult => ({ ...aProbe(), ...over });
const input = (over: Partial<ChecklistInput> = {}): ChecklistInput => ({
  setup: setup(),
  probe: okProbe(),
  progress: {},
  computed: computeValues(ORIGIN, ORIGIN, knownHosts(ORIGIN)),
  ...over,
});
const step = (list: ReturnType<typeof buildChecklist>, id: string) => {
  const s = list.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id}`);
  return s;
};

describe('buildChecklist', () => {
  it('lists every step of the guide, in order', () => {
    expect(buildChecklist(input()).map((s) => s.id)).toEqual([...STEP_IDS]);
    expect(STEP_IDS).toHaveLength(11);
    for (const id of STEP_IDS) expect(t(`step.${id}.title`)).not.toBe('');
  });

  it('says the exact sentence for a logged-in administrator', () => {
    expect(tm(step(buildChecklist(input()), 'odoo').next)).toBe(
      'Logged in to db `acme` as an administrator (Odoo 17.0 Community)',
    );
    const ee = okProbe();
    if (ee.odoo) ee.odoo.edition = 'enterprise';
    expect(tm(step(buildChecklist(input({ probe: ee })), 'odoo').next)).toBe(
      'Logged in to db `acme` as an administrator (Odoo 17.0 Enterprise)',
    );
  });

  it.each([
    ['notLoggedIn', 'Not logged in — open Odoo and sign in'],
    ['notAdmin', 'Odoo refused access'],
    ['notOdoo', 'This is not an Odoo server'],
    ['unreachable', 'Odoo could not be reached'],
    ['permissionDenied', 'Access to https://acme.odoo.com was not allowed'],
  ] as const)('%s needs attention: "%s…"', (status, text) => {
    const s = step(buildChecklist(input({ probe: { origin: ORIGIN, at: 1, status } })), 'odoo');
    expect(s.state).toBe('attention');
    expect(tm(s.next).startsWith(text)).toBe(true);
  });

  it('names the database when a logged-in user is not an administrator', () => {
    const probe = okProbe({ status: 'notAdmin' });
    expect(tm(step(buildChecklist(input({ probe })), 'odoo').next)).toBe(
      'You are not an administrator of db `acme` — sign in as an administrator (Settings › Administration), then check again.',
    );
  });

  it('shows the probe as in progress while it runs, and asks for a URL first', () => {
    expect(step(buildChecklist(input({ probing: true })), 'odoo').state).toBe('inProgress');
    const none = buildChecklist(input({ setup: null, probe: null, computed: null }));
    expect(step(none, 'odoo')).toMatchObject({ state: 'todo', next: { key: 'step.odoo.enterUrl' } });
    expect(step(none, 'module')).toMatchObject({ state: 'todo', next: { key: 'step.needsOdoo' } });
  });

  it('ignores a probe of another origin (scoped by the snapshot)', () => {
    const s = step(buildChecklist(scope(input({ probe: okProbe({ origin: 'https://other.odoo.com' }) }))), 'odoo');
    expect(s).toMatchObject({ state: 'todo', next: { key: 'step.odoo.pressConnect' } });
  });

  it('marks Odoo older than 15.0 as needing attention', () => {
    const old = okProbe();
    if (old.odoo) Object.assign(old.odoo, { version: '14.0', major: 14 });
    expect(step(buildChecklist(input({ probe: old })), 'odoo')).toMatchObject({
      state: 'attention',
      next: { key: 'step.odoo.tooOld' },
    });
  });

  it.each([
    [{ state: 'installed', dbVersion: '17.0.1.2', codeVersion: '17.0.1.2', outdated: false }, 'done', 'step.module.installed'],
    [{ state: 'installed', dbVersion: '15.0.0.1', codeVersion: '15.0.1.0', outdated: true }, 'attention', 'step.module.outdated'],
    [{ state: 'uninstalled', dbVersion: null, codeVersion: '17.0.1.2', outdated: false }, 'todo', 'step.module.uninstalled'],
    [{ state: 'to upgrade', dbVersion: '17.0.1.2', codeVersion: '17.0.1.2', outdated: true }, 'attention', 'step.module.pending'],
    [{ state: 'missing', dbVersion: null, codeVersion: null, outdated: false }, 'attention', 'step.module.missing'],
  ] as const)('module %j → %s', (gmailModule, state, key) => {
    expect(step(buildChecklist(input({ probe: okProbe({ gmailModule: { ...gmailModule } }) })), 'module')).toMatchObject({
      state,
      next: { key },
    });
  });

  it('never shows a step it does not drive as done: Console and Odoo steps stay to do with the manual instruction', () => {
    const list = buildChecklist(input());
    for (const id of ['project', 'consent', 'domain', 'testUser', 'client', 'credentials', 'server', 'connect', 'test']) {
      expect(step(list, id).state).toBe('todo');
    }
    expect(tm(step(list, 'client').next)).toContain('https://acme.odoo.com/google_gmail/confirm');
    expect(tm(step(list, 'domain').next)).toContain('odoo.com');
    expect(step(list, 'client').link).toBe('https://console.cloud.google.com/auth/clients/create');
  });

  it('has no test user step for an Internal (Workspace) app, and no domain step on localhost', () => {
    const ws = buildChecklist(input({ setup: setup({ gmail: 'me@acme.com', accountType: 'workspace' }) }));
    expect(step(ws, 'testUser').state).toBe('na');
    const local = buildChecklist(
      input({
        setup: setup({ odooOrigin: 'http://localhost:8069' }),
        computed: computeValues('http://localhost:8069', null, {}),
      }),
    );
    expect(step(local, 'domain').state).toBe('na');
  });

  it('uses the 15.0 wording and links for the mail server, and modern ones for 17.2+', () => {
    const p15 = okProbe();
    if (p15.odoo) Object.assign(p15.odoo, { version: '15.0', major: 15 });
    const s15 = step(buildChecklist(input({ probe: p15 })), 'server');
    expect(s15.next.key).toBe('step.server.manual15');
    expect(s15.link).toBe('https://acme.odoo.com/web#action=base.action_ir_mail_server_list');
    const p18 = okProbe();
    if (p18.odoo) Object.assign(p18.odoo, { version: '18.0', major: 18 });
    expect(step(buildChecklist(input({ probe: p18 })), 'credentials').link).toBe('https://acme.odoo.com/odoo/settings');
  });

  it("takes a feature's report over the manual instruction", () => {
    const list = buildChecklist(
      input({ progress: { project: { state: 'done', at: 2, note: { key: 'step.project.manualPersonal' } } } }),
    );
    expect(step(list, 'project')).toMatchObject({ state: 'done' });
    expect(checklistSummary(list)).toEqual({ done: 3, attention: 0, total: 11 });
  });

  describe('a captured secret lost before Odoo got it (browser restart, extension reload)', () => {
    const CLIENT = FAKE_CLIENT_ID;
    const google = {
      ...EMPTY_GOOGLE_STATE,
      projectId: 'odoo-gmail-1',
      clientId: CLIENT,
      secretCapturedAt: 5,
    };
    const captured = { client: { state: 'done' as const, at: 5, note: msg('step.client.captured', { clientId: CLIENT }) } };

    it('turns the client step to attention, says why and links to the client\'s page ("Add secret")', () => {
      const client = step(buildChecklist(input({ google, progress: captured, secretPending: false })), 'client');
      expect(client.state).toBe('attention');
      expect(tm(client.next)).toBe(
        `Client ${CLIENT} was created, but its secret is no longer in the browser: it is kept only in memory until Odoo has it, and the browser or the extension restarted since. On the client's page click "Add secret" — the assistant captures the new one.`,
      );
      expect(client.link).toBe(`https://console.cloud.google.com/auth/clients/${CLIENT}?project=odoo-gmail-1`);
    });

    it('stays done while the secret waits, while unknown, and once Odoo holds that client', () => {
      expect(step(buildChecklist(input({ google, progress: captured, secretPending: true })), 'client').state).toBe('done');
      expect(step(buildChecklist(input({ google, progress: captured })), 'client').state).toBe('done');
      const odooGmail = {
        ...emptyOdooGmailState(ORIGIN),
        credentials: { clientId: CLIENT, at: 6, secretConfirmed: true, found: false },
      };
      expect(step(buildChecklist(input({ google, progress: captured, secretPending: false, odooGmail })), 'client').state).toBe(
        'done',
      );
      // Odoo holds another (older) client: the new client's secret is still lost.
      const older = { ...odooGmail, credentials: { ...odooGmail.credentials, clientId: `9${CLIENT.slice(1)}` } };
      expect(
        step(buildChecklist(input({ google, progress: captured, secretPending: false, odooGmail: older })), 'client').state,
      ).toBe('attention');
    });

    it('says nothing when no secret was ever captured', () => {
      const never = { ...google, secretCapturedAt: null };
      expect(step(buildChecklist(input({ google: never, secretPending: false })), 'client').state).toBe('todo');
    });
  });
});

describe('nextStep', () => {
  const at = (states: Record<string, ChecklistStep['state']>): ChecklistStep[] =>
    Object.entries(states).map(([id, state]) => ({ id: id as ChecklistStep['id'], state, next: { key: 'popup.open' } }));

  it('puts a step that needs attention before one under way or to do', () => {
    expect(nextStep(at({ odoo: 'done', module: 'todo', project: 'inProgress', client: 'attention' }))?.id).toBe('client');
  });
  it('then the first step under way, then the first to do, in checklist order', () => {
    expect(nextStep(at({ odoo: 'done', module: 'todo', project: 'inProgress' }))?.id).toBe('project');
    expect(nextStep(at({ odoo: 'done', module: 'todo', project: 'todo' }))?.id).toBe('module');
  });
  it('is null when every step is done or does not apply', () => {
    expect(nextStep(at({ odoo: 'done', testUser: 'na' }))).toBeNull();
  });
  it('on a fresh checklist, is the first step', () => {
    const steps = buildChecklist(input({ setup: null, probe: null }));
    expect(nextStep(steps)?.id).toBe(steps.find((s) => s.state !== 'done' && s.state !== 'na')?.id);
  });
});

describe("the troubleshooter's diagnoses", () => {
  const diagnosis = (origin: string | null) => ({
    id: 'access_denied',
    step: 'testUser' as const,
    source: 'signIn' as const,
    origin,
    at: 1,
    title: { key: 'diag.title', params: { code: 'access_denied' } },
    cause: { key: 'diag.access_denied.cause', params: { gmail: 'me@gmail.com' } },
    fix: { key: 'diag.access_denied.fix', params: { gmail: 'me@gmail.com' } },
    link: 'https://console.cloud.google.com/auth/audience',
    value: 'me@gmail.com',
  });

  it('turns its step "needs attention" with the fix, the cause and the value', () => {
    const steps = buildChecklist(input({ setup: setup({ accountType: 'personal' }), diagnoses: [diagnosis(ORIGIN)] }));
    const step = steps.find((s) => s.id === 'testUser');
    expect(step).toMatchObject({
      state: 'attention',
      link: 'https://console.cloud.google.com/auth/audience',
      diagnosis: { value: 'me@gmail.com', details: [] },
    });
    expect(tm(step?.next ?? { key: 'step.needsOdoo' })).toContain('add me@gmail.com');
    expect(tm(step?.diagnosis?.cause ?? { key: 'step.needsOdoo' })).toContain('is not one of its test users');
    expect(checklistSummary(steps).attention).toBeGreaterThanOrEqual(1);
  });

  it('ignores a diagnosis made for another Odoo (scoped by the snapshot)', () => {
    const steps = buildChecklist(
      scope(input({ setup: setup({ accountType: 'personal' }), diagnoses: [diagnosis('https://other.odoo.com')] })),
    );
    expect(steps.find((s) => s.id === 'testUser')?.state).not.toBe('attention');
  });
});
