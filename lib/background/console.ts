import type { PageId } from '../console/detect';
import type { ConsoleContext } from '../console/types';
import { type Msg, type MsgKey, msg } from '../i18n';
import type { ConsoleReport, Payload, Reply } from '../protocol';
import { consoleContext as deriveConsoleContext } from '../state/derive';
import { HANDOFF_MS, leave, take } from '../state/handoff';
import {
  consoleReloadsItem,
  credentialsItem,
  EMPTY_GOOGLE_STATE,
  googleItem,
  pendingProjectItem,
  progressItem,
  setupItem,
} from '../state/items';
import { autopilotOn } from './autopilot';
import { readSnapshotWithFacts } from './public-suffix';
import type { SenderLike } from './senders';

/** Project creation takes seconds to a minute; after this a pending creation is forgotten. */
export const PENDING_PROJECT_MS = 15 * 60_000;

/** The click on one page leaves for the next what it asked for (lib/state/handoff.ts). */
export async function consoleHandoff(handoff: Payload<'consoleHandoff'>, sender: SenderLike): Promise<Reply<null>> {
  const tab = sender.tab?.id;
  await leave({ ...handoff, ...(tab === undefined ? {} : { tab }) });
  return { ok: true, value: null };
}

/** A reload count older than this (`consoleReloadsItem`) starts again. */
export const RELOADS_MS = 5 * 60_000;

async function reloadsOf(page: PageId): Promise<number> {
  const r = await consoleReloadsItem.get();
  return r && r.page === page && Date.now() - r.at < RELOADS_MS ? r.count : 0;
}

export async function consoleContext(request?: Payload<'consoleContext'>, sender?: SenderLike): Promise<Reply<ConsoleContext>> {
  const [snapshot, credentials, pending] = await Promise.all([
    readSnapshotWithFacts(),
    credentialsItem.get(),
    pendingProjectItem.get(),
  ]);
  const autopilot = await autopilotOn();
  const handoff = request ? await take(request.page, sender?.tab?.id) : null;
  const reloads = request ? await reloadsOf(request.page) : 0;
  return {
    ok: true,
    value: deriveConsoleContext(snapshot, {
      credentials,
      pendingProject: pending && Date.now() - pending.at < PENDING_PROJECT_MS ? pending : null,
      autopilot,
      arrived: !!handoff?.focus,
      ...(handoff?.step ? { carried: { step: handoff.step, until: handoff.at + HANDOFF_MS } } : {}),
      reloads,
    }),
  };
}

function noteFor(r: ConsoleReport, gmail: string | null, projectId: string | null): Msg | undefined {
  const f = r.facts ?? {};
  if (r.state === 'attention') {
    const code = r.reason?.code ?? 'notFound';
    return msg(`console.note.${code}` as MsgKey, { field: r.reason?.field ?? '' });
  }
  if (r.state === 'done') {
    switch (r.step) {
      case 'project':
        return msg('console.note.projectDone', { projectId: f.projectId ?? projectId ?? '' });
      case 'consent':
        return msg(
          f.audience === 'internal'
            ? 'console.note.consentDoneInternal'
            : f.audience === 'external'
              ? 'console.note.consentDoneExternal'
              : 'console.note.consentDone',
        );
      case 'domain':
        return msg('console.note.domainDone', { domain: f.authorizedDomains?.at(-1) ?? '' });
      case 'testUser':
        return msg('console.note.testUserDone', { email: gmail ?? '' });
      default:
        return undefined;
    }
  }
  if (r.step === 'project') return msg('console.note.projectPending', { projectId: f.pendingProject?.projectId ?? '…' });
  if (r.step === 'client') return msg('console.note.clientCreated');
  return msg('console.note.inProgress');
}

export async function consoleReport(r: ConsoleReport): Promise<Reply<null>> {
  const at = Date.now();
  if (r.reload && r.page) await consoleReloadsItem.set({ page: r.page, count: (await reloadsOf(r.page)) + 1, at });
  const f = r.facts ?? {};
  const setup = await setupItem.get();
  const before = await googleItem.get();
  // A project is only "the Odoo project" on evidence: the step says done and names it.
  const projectDone = r.step === 'project' && r.state === 'done' && !!f.projectId;
  if (r.step === 'project' && r.state === 'done' && !f.projectId)
    return { ok: false, error: msg('err.payload', { name: 'consoleReport' }) };
  // A different, newly created project: what was learnt about the previous one no longer applies.
  const newProject = projectDone && before.projectId !== null && before.projectId !== f.projectId;

  if (f.pendingProject) await pendingProjectItem.set({ ...f.pendingProject, at });
  if (projectDone) await pendingProjectItem.set(null);

  await googleItem.update((g) => {
    const next = newProject ? { ...EMPTY_GOOGLE_STATE, clientId: g.clientId, secretCapturedAt: g.secretCapturedAt } : { ...g };
    if (projectDone && f.projectId) next.projectId = f.projectId;
    if (f.audience) next.audience = f.audience;
    if (f.publishing) next.publishing = f.publishing;
    // Lists are read whole from the page, which is the truth for this project.
    if (f.authorizedDomains) next.authorizedDomains = [...new Set(f.authorizedDomains)];
    if (f.testUsers) next.testUsers = [...new Set(f.testUsers.map((e) => e.toLowerCase()))];
    if (f.redirectUris) next.redirectUris = [...new Set(f.redirectUris)];
    if (f.clientId) next.clientId = f.clientId;
    return next;
  });

  const step = r.step;
  const state = r.state;
  if (step && state && !(step === 'client' && state === 'done')) {
    // The client step turns done only when its ID and secret arrive (credentials.ts).
    const note = noteFor(r, setup?.gmail ?? null, before.projectId);
    await progressItem.update((p) => {
      const next = { ...p };
      if (newProject) for (const s of ['consent', 'domain', 'testUser'] as const) delete next[s];
      // Evidence already seen is not undone by a later, weaker report (a revisit, a retry).
      if (next[step]?.state === 'done' && state !== 'done') return next;
      next[step] = { state, at, ...(note ? { note } : {}) };
      return next;
    });
  }
  return { ok: true, value: null };
}
