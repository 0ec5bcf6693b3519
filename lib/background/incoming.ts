/**
 * "Also receive mail from this Gmail": the incoming (IMAP) server on the same Google client as the outgoing
 * one (captures facts 15–22). One click creates or updates the server and opens Google's consent (the
 * outgoing server's client and redirect URI, fact 16); Google's two screens send the browser back to Odoo,
 * which stores the tokens and shows the server's form; on that page's load the background runs Odoo's Test
 * & Confirm and reads what Odoo holds, and where the mail will land. Everything is stored in `incomingItem`,
 * so the popup shows it when reopened.
 *
 * Round trips: the click is 4 deep (`fields_get` ∥ the lookup → `create`/`write` → read-back → consent URL;
 * 2 when the server already holds the values); the return is 2 (Test & Confirm → the state read, whose three
 * calls go out together).
 */
import { browser } from 'wxt/browser';
import { type Msg, msg } from '../i18n';
import { MsgError, odooErrorMsg } from '../odoo/error-messages';
import { OdooRpcError } from '../odoo/errors';
import {
  confirmIncomingServer,
  detectIncomingSchema,
  findIncomingServer,
  type IncomingSchema,
  openIncomingConsent,
  readImapFailure,
  readIncomingServer,
  upsertIncomingServer,
} from '../odoo/gmail-incoming';
import type { Reply } from '../protocol';
import { parseGmail } from '../setup/setup';
import { type IncomingCheckStatus, type IncomingSetup, incomingItem } from '../state/incoming';
import { lockedReply, odooContext, withKeepAlive } from './odoo-context';

const CONFIRM_PATH = '/google_gmail/confirm';
/** How long after the click a return to Odoo counts as the end of the consent (as for the outgoing server). */
const CONSENT_WINDOW_MS = 30 * 60_000;
/**
 * Odoo's fetchmail cron runs every 5 minutes (captures fact 17) and writes the Last Fetch Date after every
 * attempt, failed ones included (fact 19): a date older than this means the cron is not fetching.
 */
export const STALE_FETCH_MS = 60 * 60_000;

const update = (fn: (s: IncomingSetup) => IncomingSetup) => incomingItem.update((s) => (s ? fn(s) : s));

async function fail(error: unknown): Promise<Reply<never>> {
  const m: Msg = odooErrorMsg(error);
  await update((s) => ({ ...s, status: 'failed', error: m, at: Date.now() }));
  return { ok: false, error: m };
}

/** The click: the server for the setup's address (never a second one), then Google's consent in a new tab. */
export const receiveMail = () => lockedReply('incoming', receiveMailNow);

async function receiveMailNow(): Promise<Reply<{ action: 'created' | 'updated' | 'unchanged' }>> {
  const context = await odooContext();
  if (!context.ok) return context;
  const { origin, setup, probe } = context.ctx;
  const gmail = setup.gmail ? parseGmail(setup.gmail) : null;
  if (!gmail?.ok) return { ok: false, error: msg('odoo.err.needGmail') };
  // A neutralized copy fetches nothing by design (its crons are stopped, odoo-gmail.md §9.1): not turned on from here.
  if (probe.odoo?.neutralized) return { ok: false, error: msg('odoo.err.neutralized') };
  const before = await incomingItem.get();
  const same = before?.origin === origin && before.gmail === gmail.value ? before : null;
  await incomingItem.set({
    origin,
    gmail: gmail.value,
    serverId: same?.serverId ?? null,
    schema: same?.schema ?? null,
    status: 'working',
    at: Date.now(),
    startedAt: null,
    error: null,
    refusal: null,
    server: same?.server ?? null,
  });
  try {
    // The version's type and the server already there for the address: independent, one round trip.
    const [schema, existing] = await Promise.all([detectIncomingSchema(origin), findIncomingServer(origin, gmail.value)]);
    if (!schema) throw new MsgError(msg('odoo.err.moduleFirst'));
    const written = await upsertIncomingServer(origin, gmail.value, schema, { existing });
    await update((s) => ({ ...s, serverId: written.id, schema }));
    const consent = await openIncomingConsent(origin, written.id);
    await update((s) => ({ ...s, status: 'waiting', startedAt: Date.now(), at: Date.now() }));
    await browser.tabs.create({ url: consent.url });
    return { ok: true, value: { action: written.action } };
  } catch (error) {
    return fail(error);
  }
}

/** Back in Odoo after the consent: Test & Confirm (fact 17), then what Odoo holds now. The person's "again" click. */
export const confirmIncoming = () => lockedReply('incoming', confirmIncomingNow);

async function confirmIncomingNow(): Promise<Reply<IncomingSetup>> {
  const state = await incomingItem.get();
  if (!state?.serverId || !state.schema) return { ok: false, error: msg('incoming.err.notStarted') };
  const { origin, serverId, gmail, schema } = state;
  await update((s) => ({ ...s, status: 'confirming', at: Date.now() }));
  try {
    // IMAP may take a while: keep the worker awake while Odoo logs in to Gmail.
    const outcome = await withKeepAlive(() => confirmIncomingServer(origin, serverId, {}));
    const server = await readState(origin, serverId, gmail, schema);
    const next = await update((s) => ({
      ...s,
      status: outcome.ok && server?.confirmed ? 'confirmed' : 'failed',
      at: Date.now(),
      error: outcome.ok ? null : msg(`incoming.reading.${outcome.reading}`),
      refusal: outcome.ok ? null : { odooText: outcome.odooText, reading: outcome.reading },
      server,
    }));
    return next ? { ok: true, value: next } : { ok: false, error: msg('incoming.err.notStarted') };
  } catch (error) {
    return fail(error);
  }
}

async function readState(origin: string, serverId: number, gmail: string, schema: IncomingSchema) {
  const read = await readIncomingServer(origin, serverId, gmail, schema);
  if (!read.exists) return null;
  const { confirmed, token, lastFetch, lastError, landing } = read;
  return { confirmed, token, lastFetch, lastError, landing };
}

/** Whether `url` is the incoming server's form, where Odoo's confirm route sends the browser (fact 16). */
export function isIncomingReturn(url: string, origin: string, serverId: number): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  if (page.origin !== origin) return false;
  if (page.pathname === `/odoo/fetchmail.server/${serverId}`) return true;
  const hash = new URLSearchParams(page.hash.slice(1));
  return page.pathname === '/web' && hash.get('model') === 'fetchmail.server' && hash.get('id') === String(serverId);
}

/** A tab finished loading: the end of the consent when it is the incoming server's form, or Odoo's refusal. */
export async function onIncomingTab(url: string | undefined, status: string | undefined): Promise<void> {
  if (status !== 'complete' || !url) return;
  const state = await incomingItem.get();
  if (state?.status !== 'waiting' || !state.serverId || !state.startedAt) return;
  if (Date.now() - state.startedAt > CONSENT_WINDOW_MS) return;
  if (url.startsWith(`${state.origin}${CONFIRM_PATH}`)) {
    await update((s) => ({ ...s, status: 'refused', at: Date.now(), error: msg('incoming.err.refused') }));
    return;
  }
  if (isIncomingReturn(url, state.origin, state.serverId)) await lockedReply('check', confirmIncomingNow);
}

export function watchIncomingReturn(): void {
  browser.tabs.onUpdated.addListener((_tabId, change, tab) => {
    void onIncomingTab(tab.url ?? change.url, change.status).catch(() => undefined);
  });
}

// ---------------------------------------------------------------------------------------------
// The monitor's look at the incoming server (run beside the outgoing check, lib/background/monitor.ts).

type IncomingCheck = NonNullable<IncomingSetup['check']>;
const verdict = (status: IncomingCheckStatus, reading: IncomingCheck['reading'] = null, odooText: string | null = null) => ({
  status,
  reading,
  odooText,
});

/**
 * Token present, Confirmed, Test & Confirm passing, the Last Fetch Date moving — for the incoming server the
 * extension set up on this Odoo (nothing, and no request, otherwise; nor while its consent is under way).
 * Round trips: the state read (1, its three calls together), then Test & Confirm (1) when there is a token
 * and Odoo says Confirmed — side by side with the outgoing check's two rounds, so the check stays 2 deep.
 * A server that is Not Confirmed is reported, not confirmed behind the person's back.
 */
export async function checkIncoming(origin: string): Promise<IncomingLook | null> {
  const state = await incomingItem.get();
  if (state?.origin !== origin || !state.serverId || !state.schema) return null;
  if (state.status !== 'confirmed' && state.status !== 'failed') return null;
  const { serverId, gmail, schema } = state;
  const was = state.check?.status ?? null;
  let server: IncomingSetup['server'] = state.server;
  let found: Omit<IncomingCheck, 'at'>;
  try {
    server = await readState(origin, serverId, gmail, schema);
    if (!server) found = verdict('serverMissing');
    else if (server.token === false) found = verdict('noToken');
    else if (!server.confirmed) found = verdict('notConfirmed');
    else {
      const outcome = await withKeepAlive(() => confirmIncomingServer(origin, serverId));
      const lastFetch = server.lastFetch;
      if (!outcome.ok) found = verdict('failing', outcome.reading, outcome.odooText);
      // 19.0 keeps the fetch's own failure (fact 22); cleared by the next successful fetch.
      else if (server.lastError) found = verdict('failing', readImapFailure(server.lastError.text), server.lastError.text);
      else if (lastFetch !== null && Date.now() - lastFetch > STALE_FETCH_MS) found = verdict('stale');
      else found = verdict('ok');
    }
  } catch (error) {
    if (!(error instanceof OdooRpcError)) throw error;
    found = verdict('unreachable', null, error.details.odooMessage ?? error.kind);
  }
  const check = { at: Date.now(), ...found };
  await update((s) => (s.serverId === serverId ? { ...s, server, check } : s));
  return { gmail, check, alert: isRed(check.status) && (was === null || !isRed(was)) };
}

/** What stops Odoo from receiving (`unreachable` says nothing about the server: the outgoing check says it). */
export const isRed = (status: IncomingCheckStatus) => status !== 'ok' && status !== 'unreachable';

/** The monitor's look: the check, and whether it just turned red (a notification is due, once per red spell). */
export interface IncomingLook {
  gmail: string;
  check: IncomingCheck;
  alert: boolean;
}
