/**
 * What every view computes from a `Snapshot` (lib/state/snapshot.ts), computed here once: the values
 * (redirect URI, authorized domain…), the checklist's input, and the contexts the Console assistant,
 * the troubleshooter and "Before you connect" are given. Pure: no storage, no clock (the caller passes
 * `now`), so each is tested on a snapshot built in the test (test/support/builders.ts).
 */
import type { ConsoleContext, ConsoleStep } from '../console/types';
import type { ChecklistInput } from '../setup/checklist';
import { CLIENT_NAME, type ComputedValues, computeValues } from '../setup/computed';
import type { PreventInput } from '../troubleshoot/prevent';
import type { TroubleshootContext } from '../troubleshoot/sign-in';
import type { Evidence } from '../troubleshoot/store';
import type { Credentials } from './items';
import type { Snapshot } from './snapshot';

/** The redirect URI and the other values, from Odoo's `web.base.url` once a probe read it (else the origin). */
export function computed(s: Pick<Snapshot, 'setup' | 'probe' | 'hosts'>): ComputedValues | null {
  if (!s.setup) return null;
  const odoo = s.probe?.odoo;
  return computeValues(s.setup.odooOrigin, odoo?.baseUrl ?? null, s.hosts, odoo?.saas ?? false);
}

/** The checklist's input; `probing` and `secretPending` are what the popup knows besides storage. */
export function checklistInput(s: Snapshot, live: { probing?: boolean; secretPending?: boolean } = {}): ChecklistInput {
  return {
    setup: s.setup,
    probe: s.probe,
    progress: s.progress,
    computed: computed(s),
    google: s.google,
    odooGmail: s.odooGmail,
    monitor: s.monitor,
    diagnoses: s.diagnoses,
    ...(live.probing === undefined ? {} : { probing: live.probing }),
    ...(live.secretPending === undefined ? {} : { secretPending: live.secretPending }),
  };
}

/** The Odoo the popup shows the Odoo side for: an administrator's (kept when the session ended later). */
export function odooReady(s: Pick<Snapshot, 'setup' | 'probe'>): boolean {
  return !!s.setup && (s.probe?.status === 'ok' || s.probe?.status === 'notLoggedIn') && !!s.probe.odoo?.isSystem;
}

/** The `web.base.url` Odoo replaced (an admin login elsewhere), while it is not frozen. */
export function baseUrlWas(s: Pick<Snapshot, 'probe'>): string | undefined {
  return s.probe?.odoo?.baseUrlFrozen !== true ? s.probe?.odoo?.baseUrlWas?.value : undefined;
}

/** The domains a Branding link may be on: the one the assistant adds for Odoo's redirect host, and those Google lists. */
export function authorizedDomains(s: Pick<Snapshot, 'setup' | 'probe' | 'google' | 'hosts'>): string[] {
  const c = computed(s);
  return [...new Set([...(c?.authorizedDomain ? [c.authorizedDomain] : []), ...s.google.authorizedDomains])];
}

/** When the Gmail account was last connected: the consent that the monitor then confirmed. */
export function lastConnectAt(s: Pick<Snapshot, 'odooGmail' | 'monitor'>): number | null {
  const c = s.odooGmail?.connect;
  if (c?.status === 'connected') return c.startedAt;
  return s.monitor?.token ? (s.monitor.lastGreenAt ?? null) : null;
}

/** "Before you connect" (lib/troubleshoot/prevent.ts): null before an Odoo is set up. */
export function preventInput(s: Snapshot, now: number): PreventInput | null {
  if (!s.setup) return null;
  const odoo = s.probe?.odoo;
  return {
    odooOrigin: s.setup.odooOrigin,
    webBaseUrl: odoo?.baseUrl ?? null,
    baseUrlFrozen: odoo?.baseUrlFrozen ?? null,
    baseUrlWas: odoo?.baseUrlWas?.value ?? null,
    redirectUri: computed(s)?.redirectUri ?? null,
    hosts: s.hosts,
    saas: odoo?.saas ?? false,
    odooMajor: odoo?.major ?? null,
    edition: odoo?.edition ?? null,
    accountType: s.setup.accountType ?? null,
    gmail: s.setup.gmail ?? null,
    audience: s.google.audience,
    publishing: s.google.publishing,
    registeredRedirectUris: s.google.redirectUris,
    testUsers: s.google.testUsers,
    projectId: s.google.projectId,
    clientId: s.google.clientId,
    lastConnectAt: lastConnectAt(s),
    now,
  };
}

/** What the troubleshooter diagnoses a sign-in error with (lib/troubleshoot/sign-in.ts). */
export function troubleshootContext(s: Snapshot): TroubleshootContext {
  return {
    odooOrigin: s.setup?.odooOrigin ?? null,
    saas: s.probe?.odoo?.saas ?? false,
    hosts: s.hosts,
    expectedRedirectUri: computed(s)?.redirectUri ?? null,
    registeredRedirectUris: s.google.redirectUris,
    gmail: s.setup?.gmail ?? null,
    accountType: s.setup?.accountType ?? null,
    projectId: s.google.projectId,
    clientId: s.google.clientId ?? s.odooGmail?.credentials?.clientId ?? null,
    testUsers: s.google.testUsers,
  };
}

/** The later facts that prove a diagnosis fixed (lib/troubleshoot/store.ts `unresolved`). */
export function evidence(s: Snapshot): Evidence {
  const origin = s.setup?.odooOrigin ?? null;
  const credentialsAt = s.odooGmail?.credentials?.at ?? null;
  return {
    origin,
    tokenAt: s.monitor?.token === true ? s.monitor.at : null,
    registeredRedirectUris: s.google.redirectUris,
    expectedRedirectUri: computed(s)?.redirectUri ?? null,
    testUsers: s.google.testUsers,
    clientIdAt: Math.max(credentialsAt ?? 0, s.google.secretCapturedAt ?? 0) || null,
    moduleUpToDate: s.probe?.gmailModule?.state === 'installed' && !s.probe.gmailModule.outdated,
  };
}

/** What the background alone holds for the Console assistant (session items, the page's own request). */
export interface ConsoleSession {
  credentials: Credentials | null;
  pendingProject: ConsoleContext['pendingProject'];
  autopilot: boolean;
  arrived: boolean;
  /** A step a click on the previous page asked this page to do (lib/state/handoff.ts), with its deadline. */
  carried?: { step: ConsoleStep; until: number };
  reloads: number;
}

const CONSOLE_STEPS_SHOWN: ConsoleStep[] = ['project', 'consent', 'domain', 'testUser', 'client'];

/** The Console assistant's context (the reply to `consoleContext`). */
export function consoleContext(s: Snapshot, session: ConsoleSession): ConsoleContext {
  const { setup, google, progress, publishChoice } = s;
  // The secret of the known client is held in memory, or the person's Odoo already has it (then it was
  // wiped here on purpose, and "Add secret" would only make a new one).
  const inOdoo = s.odooGmail?.credentials;
  const secretCaptured =
    !!google.clientId &&
    (session.credentials?.clientId === google.clientId ||
      (inOdoo?.clientId === google.clientId && inOdoo.secretConfirmed !== false));
  const c = computed(s);
  const refusal = c?.redirectRefusal ?? null;
  const accountType = setup?.accountType ?? null;
  const links = s.publishLinks;
  return {
    ready: setup !== null,
    gmail: setup?.gmail ?? null,
    accountType,
    audience: accountType === 'workspace' ? 'internal' : accountType === 'personal' ? 'external' : null,
    projectName: c?.projectName ?? 'Odoo',
    appName: c?.appName ?? 'Odoo',
    clientName: CLIENT_NAME,
    authorizedDomain: c?.authorizedDomain ?? null,
    redirectUri: c?.redirectUri ?? null,
    redirectRefusal: refusal ? { problems: refusal.problems, fix: refusal.fix } : null,
    projectId: google.projectId,
    pendingProject: session.pendingProject,
    clientId: google.clientId,
    secretCaptured,
    known: { authorizedDomains: google.authorizedDomains, testUsers: google.testUsers, redirectUris: google.redirectUris },
    testUsersWanted: google.testUsersWanted,
    progress: Object.fromEntries(CONSOLE_STEPS_SHOWN.flatMap((st) => (progress[st] ? [[st, progress[st].state]] : []))),
    publishChoice,
    autopilot: session.autopilot,
    publishLinks: publishChoice === 'production' && links ? { home: links.home, privacy: links.privacy } : null,
    arrived: session.arrived,
    ...(session.carried ? { carried: session.carried } : {}),
    reloads: session.reloads,
  };
}
