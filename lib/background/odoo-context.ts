/**
 * What every Odoo-side operation needs before it sends a request: a stored Odoo origin, the browser's
 * permission for it, and a probe that found an administrator there. Plus the shared bookkeeping:
 * the `odooGmail` state item, one operation at a time, errors stored so a reopened popup shows them
 * (Firefox may close the popup during a tab switch: the work finishes here, the result is in storage).
 */
import { browser } from 'wxt/browser';
import { type Msg, msg } from '../i18n';
import { MsgError, odooErrorMsg } from '../odoo/error-messages';
import { OdooRpcError } from '../odoo/errors';
import { type ProbeResult, probeOdoo } from '../odoo/probe';
import type { Reply } from '../protocol';
import { emptyOdooGmailState, type OdooGmailState, type OdooOp } from '../setup/odoo-state';
import type { Setup } from '../setup/setup';
import { odooGmailItem, probeItem, setupItem } from '../state/items';
import { hasOriginPermission } from './odoo-connection';

export interface OdooContext {
  origin: string;
  setup: Setup;
  odoo: NonNullable<ProbeResult['odoo']>;
  probe: ProbeResult;
}

export async function odooContext(): Promise<{ ok: true; ctx: OdooContext } | { ok: false; error: Msg }> {
  const setup = await setupItem.get();
  if (!setup) return { ok: false, error: msg('step.odoo.enterUrl') };
  const origin = setup.odooOrigin;
  if (!(await hasOriginPermission(origin))) return { ok: false, error: msg('err.permission', { origin }) };
  let probe = await probeItem.get();
  // The session had ended; the person may have signed in again since. Look again rather than send
  // them back to "Connect to Odoo": the retried step then just runs. Only a signed-in answer replaces
  // the stored probe (which keeps what Odoo said before, so the panel stays); otherwise "sign in" again.
  if (probe?.origin === origin && probe.status === 'notLoggedIn') {
    const fresh = await probeOdoo(origin);
    if (fresh.status !== 'notLoggedIn' && fresh.odoo) {
      await probeItem.set(fresh);
      probe = fresh;
    }
  }
  if (!probe || probe.origin !== origin || !probe.odoo) return { ok: false, error: msg('odoo.err.probeFirst') };
  if (probe.status === 'notLoggedIn') return { ok: false, error: msg('odoo.err.signedOut') };
  if (probe.status === 'notAdmin') return { ok: false, error: msg('odoo.err.notAdmin', { db: probe.odoo.db }) };
  if (probe.status !== 'ok') return { ok: false, error: msg('odoo.err.probeFirst') };
  return { ok: true, ctx: { origin, setup, odoo: probe.odoo, probe } };
}

/** The state for this origin (a fresh one when the stored state is about another Odoo). */
export async function stateFor(origin: string): Promise<OdooGmailState> {
  const state = await odooGmailItem.get();
  return state?.origin === origin ? state : emptyOdooGmailState(origin);
}

export function updateState(origin: string, fn: (s: OdooGmailState) => OdooGmailState): Promise<OdooGmailState | null> {
  return odooGmailItem.update((s) => fn(s?.origin === origin ? s : emptyOdooGmailState(origin)));
}

/** Odoo said the session is gone: the checklist's first step asks to sign in again. */
export async function markSignedOut(origin: string): Promise<void> {
  await probeItem.update((p) => (p && p.origin === origin ? { ...p, status: 'notLoggedIn', at: Date.now() } : p));
}

/** A running operation older than this was cut off (service worker stopped, browser closed). */
export const STALE_MS = 6 * 60_000;

/**
 * One Odoo operation at a time in this background. A person's click that arrives while the monitor's
 * scheduled check runs waits for it (it is not refused: the person did not start that check); a second
 * click while one of their own operations runs is refused as busy.
 */
let current: { op: LockOp; done: Promise<unknown> } | null = null;
/** What holds the lock: one of the person's operations, the incoming server's (lib/background/incoming.ts), or a check. */
type LockOp = OdooOp | 'incoming' | 'personal' | 'check';
export const BUSY = Symbol('busy');
export async function exclusive<T>(op: LockOp, fn: () => Promise<T>): Promise<T | typeof BUSY> {
  while (current) {
    if (current.op !== 'check' && op !== 'check') return BUSY;
    await current.done.catch(() => undefined);
  }
  const done = fn();
  const mine = { op, done };
  current = mine;
  try {
    return await done;
  } finally {
    if (current === mine) current = null;
  }
}

/**
 * `fn` under the one Odoo lock, its reply as is; a second click while another operation runs is refused as
 * busy (`check`: the return from Google waits its turn instead).
 */
export async function lockedReply<T>(op: LockOp, fn: () => Promise<Reply<T>>): Promise<Reply<T>> {
  const result = await exclusive(op, fn);
  return result === BUSY ? { ok: false, error: msg('odoo.err.busy') } : result;
}

/**
 * Runs one operation: waits for a running check, refuses while another operation runs, marks it
 * running, stores its error or clears it. The reply carries the same Msg the popup will find in storage.
 */
export async function runOp<T>(op: OdooOp, fn: (ctx: OdooContext) => Promise<T>): Promise<Reply<T>> {
  return runOps(op, (ctx, step) => step(op, () => fn(ctx)));
}

/**
 * One operation of the person's inside a run that holds the lock: marked running while it runs, its error
 * stored (or cleared) when it ends — each its own, so the popup shows where a run of several stopped.
 */
export type OpStep = <T>(op: OdooOp, fn: () => Promise<T>) => Promise<Reply<T>>;

/**
 * Several operations as one click of the person's (the Console panel's "Save in Odoo and connect"): one lock,
 * one context, and each operation kept apart by `step` — some may run side by side.
 */
export async function runOps<T>(lock: OdooOp, fn: (ctx: OdooContext, step: OpStep) => Promise<Reply<T>>): Promise<Reply<T>> {
  const result = await exclusive(lock, () => runOpsNow(fn));
  return result === BUSY ? { ok: false, error: msg('odoo.err.busy') } : result;
}

async function runOpsNow<T>(fn: (ctx: OdooContext, step: OpStep) => Promise<Reply<T>>): Promise<Reply<T>> {
  const context = await odooContext();
  if (!context.ok) return context;
  const { origin } = context.ctx;
  const state = await stateFor(origin);
  // A mark left by another context (a service worker that was stopped mid-operation) expires.
  if (state.running && state.running.op !== 'check' && Date.now() - state.running.at < STALE_MS) {
    return { ok: false, error: msg('odoo.err.busy') };
  }
  // The operations under way: the popup shows one of them as running until the last has ended.
  const active: OdooOp[] = [];
  const ended = (op: OdooOp, s: OdooGmailState): OdooGmailState => {
    active.splice(active.indexOf(op), 1);
    const next = active[0];
    return { ...s, running: next ? { op: next, at: s.running?.at ?? Date.now() } : null };
  };
  const step: OpStep = async (op, body) => {
    active.push(op);
    await updateState(origin, (s) => ({ ...s, running: { op, at: Date.now() } }));
    try {
      const value = await body();
      await updateState(origin, (s) => {
        const { [op]: _cleared, ...errors } = s.errors;
        return { ...ended(op, s), errors };
      });
      return { ok: true, value };
    } catch (error) {
      const m = odooErrorMsg(error);
      if (error instanceof OdooRpcError && error.kind === 'sessionExpired') await markSignedOut(origin);
      await updateState(origin, (s) => ({ ...ended(op, s), errors: { ...s.errors, [op]: { at: Date.now(), error: m } } }));
      return { ok: false, error: m };
    }
  };
  return fn(context.ctx, step);
}

/**
 * Keeps the service worker awake while one long request runs (a module install reloads Odoo's
 * registry; an SMTP test may wait on Gmail): an extension API call resets Chrome's idle timer. Only
 * for the duration of that request — nothing runs between alarms.
 */
export async function withKeepAlive<T>(fn: () => Promise<T>): Promise<T> {
  const timer = setInterval(() => {
    void browser.runtime.getPlatformInfo().catch(() => undefined);
  }, 20_000);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
  }
}

export { MsgError };
