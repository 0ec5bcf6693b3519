/**
 * The popup's checklist, a pure view model: a snapshot's input in (lib/state/derive.ts), rows out; it
 * reads no storage. Derived — never stored — from what the extension knows: the setup, the last Odoo
 * probe, and the progress that features report. A step turns "done" only on evidence (Odoo's
 * answer, a Console page the assistant saw); steps no feature drives yet stay "to do" with the
 * guide's manual instruction.
 */
import { consoleLink } from '../google/console-urls';
import { type Msg, msg } from '../i18n';
import { odooMailServersLink, odooSettingsLink } from '../odoo/urls';
import { versionSupport } from '../odoo/version';
import type { Snapshot } from '../state/snapshot';
import { odooSideStep } from './checklist-odoo';
import type { ComputedValues } from './computed';
import { STEP_IDS, type StepId, type StepState } from './steps';

export interface ChecklistStep {
  id: StepId;
  state: StepState;
  /** One line: what is true now, or what to do next. */
  next: Msg;
  /** Where the person does it by hand (Console page or Odoo page), when there is one. */
  link?: string;
  /** The troubleshooter's diagnosis that put this step in "needs attention": `next` is its fix. */
  diagnosis?: { title: Msg; cause: Msg; details: Msg[]; value?: string };
}

/**
 * What the checklist is computed from: a snapshot's records (lib/state/snapshot.ts), each already about
 * `setup`'s Odoo, with the values computed from them — lib/state/derive.ts `checklistInput` builds it.
 * Besides storage: `probing` (a probe is running right now) and `secretPending` (a captured client secret
 * still waits in `storage.session`, as the background answered; `false` after a capture means it was lost
 * to a browser or extension restart; unknown, undefined, until the background answered).
 */
export type ChecklistInput = Pick<Snapshot, 'setup' | 'probe' | 'progress'> &
  Partial<Pick<Snapshot, 'google' | 'odooGmail' | 'monitor' | 'diagnoses'>> & {
    computed: ComputedValues | null;
    probing?: boolean;
    secretPending?: boolean;
  };

function odooStep(input: ChecklistInput): Omit<ChecklistStep, 'id'> {
  const { setup, probe, probing } = input;
  if (!setup) return { state: 'todo', next: msg('step.odoo.enterUrl') };
  if (probing) return { state: 'inProgress', next: msg('step.odoo.checking', { origin: setup.odooOrigin }) };
  if (!probe) return { state: 'todo', next: msg('step.odoo.pressConnect') };
  const login = `${setup.odooOrigin}/web/login`;
  switch (probe.status) {
    case 'ok': {
      const o = probe.odoo;
      if (!o) return { state: 'attention', next: msg('step.odoo.notOdoo') };
      const support = versionSupport({ ...o, label: o.version });
      if (support === 'tooOld') return { state: 'attention', next: msg('step.odoo.tooOld', { version: o.version }) };
      const key =
        support === 'newer'
          ? 'step.odoo.okNewer'
          : o.edition === 'enterprise'
            ? 'step.odoo.okEnterprise'
            : 'step.odoo.okCommunity';
      return { state: 'done', next: msg(key, { db: o.db, version: o.version }) };
    }
    case 'notLoggedIn':
      return { state: 'attention', next: msg('step.odoo.notLoggedIn'), link: login };
    case 'notAdmin':
      return {
        state: 'attention',
        next: probe.odoo
          ? msg('step.odoo.notAdmin', { db: probe.odoo.db })
          : msg('step.odoo.notAllowed', { detail: probe.detail ?? '' }),
        link: login,
      };
    case 'notOdoo':
      return { state: 'attention', next: msg('step.odoo.notOdoo') };
    case 'unreachable':
      return { state: 'attention', next: msg('step.odoo.unreachable') };
    case 'timeout':
      return { state: 'attention', next: msg('step.odoo.timeout') };
    case 'serverError':
      return { state: 'attention', next: msg('step.odoo.serverError', { detail: probe.detail ?? '' }) };
    case 'permissionDenied':
      return { state: 'attention', next: msg('step.odoo.permissionDenied', { origin: setup.odooOrigin }) };
  }
}

function moduleStep(input: ChecklistInput): Omit<ChecklistStep, 'id'> {
  const { probe, setup } = input;
  if (!setup || probe?.status !== 'ok' || !probe.odoo) return { state: 'todo', next: msg('step.needsOdoo') };
  const apps = `${setup.odooOrigin}/odoo/apps`;
  const m = probe.gmailModule;
  if (!m) return { state: 'todo', next: msg('step.module.unknown'), link: apps };
  if (m.state === 'installed' && m.outdated) {
    return {
      state: 'attention',
      next: msg('step.module.outdated', { dbVersion: m.dbVersion ?? '?', codeVersion: m.codeVersion ?? '?' }),
      link: apps,
    };
  }
  switch (m.state) {
    case 'installed':
      return { state: 'done', next: msg('step.module.installed', { version: m.dbVersion ?? '' }) };
    case 'uninstalled':
      return { state: 'todo', next: msg('step.module.uninstalled'), link: apps };
    case 'to install':
    case 'to upgrade':
    case 'to remove':
      return { state: 'attention', next: msg('step.module.pending', { state: m.state }), link: apps };
    case 'uninstallable':
    case 'missing':
      return { state: 'attention', next: msg('step.module.missing') };
  }
}

/** The manual instruction of a step no feature has reported on yet (seed guide wording). */
function manualStep(id: StepId, input: ChecklistInput): Omit<ChecklistStep, 'id'> {
  const { setup, computed, probe } = input;
  const gmail = setup?.gmail ?? '';
  const major = probe?.odoo?.major;
  const minor = probe?.odoo?.minor;
  const origin = setup?.odooOrigin ?? '';
  const projectId = input.google?.projectId;
  switch (id) {
    case 'project':
      return {
        state: 'todo',
        next: msg(setup?.accountType === 'personal' ? 'step.project.manualPersonal' : 'step.project.manualWorkspace'),
        link: consoleLink('/projectcreate'),
      };
    case 'consent':
      return {
        state: 'todo',
        next: msg(setup?.accountType === 'personal' ? 'step.consent.manualExternal' : 'step.consent.manualInternal', {
          gmail: gmail || '…',
        }),
        link: consoleLink('/auth/overview', projectId),
      };
    case 'domain':
      // No domain to add (a loopback or IP address) — not while the domain is only not known yet.
      if (computed && !computed.authorizedDomain && !computed.pending) return { state: 'na', next: msg('step.domain.none') };
      return {
        state: 'todo',
        next: msg('step.domain.manual', { domain: computed?.authorizedDomain ?? '…' }),
        link: consoleLink('/auth/branding', projectId),
      };
    case 'testUser':
      if (setup?.accountType === 'workspace') return { state: 'na', next: msg('step.testUser.internal') };
      if (!setup?.accountType) return { state: 'todo', next: msg('step.testUser.chooseType') };
      return {
        state: 'todo',
        next: msg('step.testUser.manual', { gmail: gmail || '…' }),
        link: consoleLink('/auth/audience', projectId),
      };
    case 'client':
      return {
        state: 'todo',
        // A redirect URI Google refuses is never the one to register: Odoo's fix first (google-console.md §5.6, P1).
        next: computed?.redirectRefusal
          ? computed.redirectRefusal.fix
          : msg('step.client.manual', { redirectUri: computed?.redirectUri ?? '…' }),
        // A client already created (its secret missed): its own page, where "Add secret" is.
        link: input.google?.clientId
          ? consoleLink(`/auth/clients/${input.google.clientId}`, projectId)
          : consoleLink('/auth/clients/create', projectId),
      };
    case 'credentials':
      return {
        state: 'todo',
        next: msg('step.credentials.manual'),
        ...(origin ? { link: odooSettingsLink(origin, major, minor) } : {}),
      };
    case 'server':
      return {
        state: 'todo',
        next: msg(major === 15 ? 'step.server.manual15' : 'step.server.manual', { gmail: gmail || '…' }),
        ...(origin ? { link: odooMailServersLink(origin, major, minor) } : {}),
      };
    case 'connect':
      return { state: 'todo', next: msg('step.connect.manual', { gmail: gmail || '…' }) };
    case 'test':
      return { state: 'todo', next: msg('step.test.manual') };
    case 'odoo':
    case 'module':
      return { state: 'todo', next: msg('step.needsOdoo') };
  }
}

/** A diagnosis of this step (Google's error page, Odoo's answer) wins over what the step shows otherwise. */
function withDiagnosis(step: ChecklistStep, input: ChecklistInput): ChecklistStep {
  const d = input.diagnoses?.findLast((x) => x.step === step.id);
  if (!d) return step;
  const link = d.link ?? step.link;
  return {
    id: step.id,
    state: 'attention',
    next: d.fix as Msg,
    ...(link ? { link } : {}),
    diagnosis: {
      title: d.title as Msg,
      cause: d.cause as Msg,
      details: (d.details ?? []) as Msg[],
      ...(d.value ? { value: d.value } : {}),
    },
  };
}

/**
 * The client was created and its secret captured, but the secret is gone before Odoo got it:
 * `storage.session` does not survive a browser restart or an extension reload (by design, the secret
 * is never written to disk). A new secret is added on the client's own page ("Add secret").
 */
function secretLostStep(input: ChecklistInput): Omit<ChecklistStep, 'id'> | null {
  const g = input.google;
  if (input.secretPending !== false || !g?.clientId || !g.secretCapturedAt) return null;
  const saved = input.odooGmail?.credentials;
  // Odoo already holds this client's secret: nothing was lost.
  if (saved?.clientId === g.clientId) return null;
  return {
    state: 'attention',
    next: msg('step.client.secretGone', { clientId: g.clientId }),
    link: consoleLink(`/auth/clients/${g.clientId}`, g.projectId),
  };
}

export function buildChecklist(input: ChecklistInput): ChecklistStep[] {
  return buildSteps(input).map((step) => withDiagnosis(step, input));
}

function buildSteps(input: ChecklistInput): ChecklistStep[] {
  return STEP_IDS.map((id): ChecklistStep => {
    if (id === 'odoo') return { id, ...odooStep(input) };
    // --- Odoo side: a step Odoo confirmed (or an operation running/failed) wins.
    const odooSide = odooSideStep(id, {
      origin: input.setup?.odooOrigin ?? null,
      gmail: input.setup?.gmail ?? null,
      odooGmail: input.odooGmail ?? null,
      monitor: input.monitor ?? null,
      ...(input.probe?.odoo ? { major: input.probe.odoo.major, minor: input.probe.odoo.minor } : {}),
    });
    if (odooSide) return { id, ...odooSide };
    if (id === 'module') return { id, ...moduleStep(input) };
    const manual = manualStep(id, input);
    const reported = input.progress[id];
    if (id === 'client') {
      const lost = secretLostStep(input);
      if (lost) return { id, ...lost };
    }
    if (!reported || manual.state === 'na') return { id, ...manual };
    return {
      id,
      ...manual,
      state: reported.state,
      next: reported.note ? (reported.note as Msg) : manual.next,
    };
  });
}

/**
 * The one step to put in front of the person: the first that needs attention, else the first under
 * way, else the first to do; null when every step is done (or does not apply).
 */
export function nextStep(steps: ChecklistStep[]): ChecklistStep | null {
  const first = (state: StepState) => steps.find((s) => s.state === state);
  return first('attention') ?? first('inProgress') ?? first('todo') ?? null;
}

export const checklistSummary = (steps: ChecklistStep[]) => ({
  done: steps.filter((s) => s.state === 'done' || s.state === 'na').length,
  attention: steps.filter((s) => s.state === 'attention').length,
  total: steps.length,
});
