/**
 * The Odoo-side steps of the checklist (module, credentials, server, connect, test), from what Odoo
 * confirmed (`odooGmailItem`) and the monitor's last check (`monitorItem`), both already scoped to the
 * current Odoo by the snapshot (lib/state/snapshot.ts). A step is done only on
 * Odoo's evidence: a read-back after a write, the token counted on the record, a passed Test
 * Connection. `null` means "nothing known here": the checklist keeps its own instruction.
 */
import { type Msg, msg } from '../i18n';
import { odooMailServerLink } from '../odoo/urls';
import type { MonitorState, OdooGmailState, OdooOp } from './odoo-state';
import type { StepId, StepState } from './steps';

export interface OdooSideInput {
  origin: string | null;
  gmail: string | null;
  odooGmail: OdooGmailState | null;
  monitor: MonitorState | null;
  major?: number;
  minor?: number;
}

export interface OdooSideStep {
  state: StepState;
  next: Msg;
  link?: string;
}

function opStatus(s: OdooGmailState, op: OdooOp, doneAt: number | undefined): OdooSideStep | null {
  if (s.running?.op === op) return { state: 'inProgress', next: msg(`odoo.running.${op}`) };
  const error = s.errors[op];
  if (error && (doneAt === undefined || error.at > doneAt)) return { state: 'attention', next: error.error as Msg };
  return null;
}

const GOOGLE_SIDE: StepId[] = ['project', 'consent', 'domain', 'testUser', 'client', 'credentials'];

export function odooSideStep(id: StepId, input: OdooSideInput): OdooSideStep | null {
  const s = input.odooGmail;
  // Both are the current Odoo's (lib/state/snapshot.ts); the monitor's check counts for this server only.
  if (!s || !input.origin) return null;
  const server = s.server;
  const m = input.monitor && server && input.monitor.serverId === server.id ? input.monitor : null;
  const serverLink = server ? odooMailServerLink(s.origin, server.id, input.major, input.minor) : undefined;
  const withLink = (step: OdooSideStep): OdooSideStep => (serverLink ? { ...step, link: serverLink } : step);
  // Odoo's relay (19.0 Enterprise, no credentials of the database's own) connected the server: the Google
  // project, its consent screen and client, and the credentials in Odoo do not apply.
  const relay = s.connect?.via === 'relay' && !!server && s.connect.serverId === server.id && !s.credentials;
  if (relay && GOOGLE_SIDE.includes(id)) return { state: 'na', next: msg('step.viaRelay') };
  switch (id) {
    case 'module':
      return opStatus(s, 'module', undefined);
    case 'credentials': {
      const status = opStatus(s, 'credentials', s.credentials?.at);
      if (status) return status;
      if (s.credentials) {
        return {
          state: 'done',
          next: msg(s.credentials.found ? 'step.credentials.found' : 'step.credentials.saved', {
            clientId: s.credentials.clientId,
          }),
        };
      }
      return null;
    }
    case 'server': {
      const status = opStatus(s, 'server', server?.at);
      if (status) return status;
      if (!server) return null;
      if (input.gmail && server.gmail !== input.gmail) {
        return withLink({ state: 'todo', next: msg('step.server.otherAddress', { old: server.gmail, gmail: input.gmail }) });
      }
      return withLink({ state: 'done', next: msg(`step.server.${server.action}`, { name: server.name, gmail: server.gmail }) });
    }
    case 'connect': {
      if (!server) return null;
      const status = opStatus(s, 'connect', m?.token ? m.at : undefined);
      if (status) return status;
      const c = s.connect?.serverId === server.id ? s.connect : null;
      const waiting = { state: 'inProgress' as const, next: msg('step.connect.waiting', { gmail: server.gmail }) };
      // A reconnect under way: the red reading is what it is fixing, so the step waits for Google.
      if (c?.status === 'waiting' && m?.verdict === 'red') return waiting;
      if (m?.status === 'testFailed' && (m.test?.reading === 'tokenRevoked' || m.test?.reading === 'tokenRefused')) {
        return withLink({ state: 'attention', next: msg('step.connect.revoked', { gmail: server.gmail }) });
      }
      if (m?.token === true) return withLink({ state: 'done', next: msg('step.connect.connected', { gmail: server.gmail }) });
      if (c?.status === 'waiting') return waiting;
      if (c?.status === 'refused') {
        return withLink({
          state: 'attention',
          next: c.detail ? msg('step.connect.googleError', { error: c.detail }) : msg('step.connect.refused'),
        });
      }
      if (m?.token === false && m.lastGreenAt)
        return withLink({ state: 'attention', next: msg('step.connect.lost', { gmail: server.gmail }) });
      return null;
    }
    case 'test': {
      if (!server) return null;
      if (s.running?.op === 'check') return { state: 'inProgress', next: msg('odoo.running.check') };
      if (!m) return null;
      switch (m.status) {
        case 'ok':
          return withLink({ state: 'done', next: msg('step.test.passed') });
        case 'testFailed':
          return withLink({ state: 'attention', next: msg(`monitor.reading.${m.test?.reading ?? 'unknown'}`) });
        case 'noToken':
          return { state: 'todo', next: msg('step.test.needsToken') };
        default:
          return { state: 'attention', next: msg(`monitor.status.${m.status}`) };
      }
    }
    default:
      return null;
  }
}
