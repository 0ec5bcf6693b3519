/**
 * The background monitor: is the Gmail token there, and does Test Connection pass? Odoo's "Gmail
 * Token Valid" badge only means a refresh token is stored (field-notes.md §0.5, P16); a real check is
 * Test Connection, which makes Odoo refresh the access token and log in to smtp.gmail.com
 * (odoo-gmail.md §5).
 *
 * Runs on demand (the popup, the return from Google's consent page) and on a schedule: one
 * `browser.alarms` alarm, re-created on startup and install — no timer is kept alive between checks.
 * The result (never the token) goes to `monitorItem`; the toolbar badge shows ok / needs attention;
 * a notification fires once when a check that was green turns red. A session that expired, or an
 * Odoo that cannot be reached, is reported as such — it says nothing about the token.
 */
import { browser } from 'wxt/browser';
import { type Msg, msg, t, tm } from '../i18n';
import { readBaseUrl } from '../odoo/base-url';
import { OdooRpcError } from '../odoo/errors';
import { type GmailServerState, readGmailServer, testGmailConnection } from '../odoo/gmail-connection';
import type { BaseUrlRead } from '../odoo/probe';
import { readNeutralized } from '../odoo/probe';
import { odooMailServerLink } from '../odoo/urls';
import type { Reply } from '../protocol';
import { type MonitorState, type MonitorStatus, type OdooGmailState, verdictOf } from '../setup/odoo-state';
import { monitorItem, odooGmailItem, probeItem, setupItem, tokenCountRefusedItem } from '../state/items';
import { type PersonalSetup, personalItem } from '../state/personal';
import { type SavedSetup, setupsItem } from '../state/setups';
import { readSnapshot } from '../state/snapshot';
import { noteBaseUrl } from './base-url';
import { checkIncoming, type IncomingLook, isRed } from './incoming';
import { hasOriginPermission } from './odoo-connection';
import { BUSY, exclusive, markSignedOut, stateFor, updateState, withKeepAlive } from './odoo-context';
import { checkMine } from './personal';
import { warnTestingExpiry } from './testing-expiry';

export const MONITOR_ALARM = 'gmail-monitor';
/** Every 6 hours: a token that expired (7 days in Testing, P6) or was revoked (P8) shows within hours. */
export const MONITOR_PERIOD_MINUTES = 360;
/** First check soon after the browser starts (an alarm may not survive a restart). */
export const MONITOR_FIRST_DELAY_MINUTES = 5;
export const NOTIFICATION_ID = 'gmail-monitor-red';
/** The return from Google's consent page ended green: said once, so the person need not look. */
export const CONNECTED_NOTIFICATION_ID = 'gmail-monitor-connected';
/** A saved database's red notification: this prefix and its origin (one per database). */
export const SAVED_NOTIFICATION_PREFIX = 'gmail-monitor-red:';
/** The user's own Gmail server (Odoo 19, not an administrator) stopped passing Odoo's test. */
export const OWN_NOTIFICATION_ID = 'gmail-monitor-own-red';
/** Test Connection waits on Gmail through Odoo (SMTP timeout 60 s in Odoo). */
const TEST_TIMEOUT_MS = 90_000;

export type CheckTrigger = MonitorState['trigger'];

export { verdictOf };

/** A failed request: what it says about reaching Odoo — never about the token. */
export function statusOfError(error: unknown): { status: MonitorStatus; detail: string | null } {
  if (!(error instanceof OdooRpcError)) return { status: 'serverError', detail: error instanceof Error ? error.name : null };
  switch (error.kind) {
    case 'sessionExpired':
      return { status: 'signedOut', detail: null };
    case 'accessDenied':
      return { status: 'notAdmin', detail: error.details.odooMessage ?? error.message };
    case 'network':
    case 'timeout':
      return { status: 'unreachable', detail: error.kind };
    case 'http':
      return { status: 'serverError', detail: `HTTP ${error.details.status ?? '?'}` };
    case 'notJson':
    case 'notRpc':
    case 'badReply':
      return { status: 'serverError', detail: error.kind };
    case 'odooError':
      return { status: 'serverError', detail: error.details.odooMessage ?? error.message };
  }
}

/**
 * Folds one check into the previous state: the verdict carries over inconclusive checks, and the
 * notification is due only on a green → red transition (once per red spell).
 */
export function nextMonitorState(
  previous: MonitorState | null,
  check: Pick<MonitorState, 'origin' | 'serverId' | 'at' | 'trigger' | 'status' | 'token' | 'test' | 'detail'>,
): { state: MonitorState; notify: boolean } {
  const same = previous && previous.origin === check.origin && previous.serverId === check.serverId ? previous : null;
  const verdict = verdictOf(check.status) ?? same?.verdict ?? null;
  const notify = same?.verdict === 'green' && verdict === 'red';
  return {
    state: {
      ...check,
      verdict,
      notifiedAt: notify ? check.at : verdict === 'red' ? (same?.notifiedAt ?? null) : null,
      lastGreenAt: verdict === 'green' && check.status === 'ok' ? check.at : (same?.lastGreenAt ?? null),
    },
    notify,
  };
}

// ---------------------------------------------------------------------------------------------
// The check.

let inFlight: Promise<Reply<MonitorState>> | null = null;
let returnQueued: Promise<Reply<MonitorState>> | null = null;

function start(trigger: CheckTrigger): Promise<Reply<MonitorState>> {
  const run: Promise<Reply<MonitorState>> = exclusive('check', () => check(trigger))
    .then((r) => (r === BUSY ? { ok: false as const, error: msg('odoo.err.busy') } : r))
    .finally(() => {
      if (inFlight === run) inFlight = null;
    });
  inFlight = run;
  return run;
}

/**
 * One check at a time; concurrent callers (alarm + popup) share it. The return from Google's consent
 * page does not: a check already running started before Odoo had the new token, so it could not see
 * it. That return gets a check of its own once the running one ends (one queued at most).
 */
export function runCheck(trigger: CheckTrigger): Promise<Reply<MonitorState>> {
  if (!inFlight) return start(trigger);
  if (trigger !== 'connect') return inFlight;
  returnQueued ??= inFlight
    .catch(() => undefined)
    .then(() => {
      returnQueued = null;
      return inFlight ?? start('connect');
    });
  return returnQueued;
}

/** The server's form (or, 19.0 personal servers, the preferences) — where Odoo sends the browser after storing the token (odoo-gmail.md §1.6). */
export function isReturnPage(url: string, origin: string): boolean {
  let page: URL;
  try {
    page = new URL(url);
  } catch {
    return false;
  }
  return page.origin === origin && (url.includes('ir.mail_server') || page.pathname.startsWith('/odoo/my-preferences'));
}

/**
 * Whether Google has answered the pending connect: its tab is back on Odoo's server form — seen by the
 * tab watcher (trigger `connect`) or found there now. A check started while Google's page still shows
 * (the popup opened meanwhile, the alarm) finds the tab on Google and is no evidence.
 */
async function backFromGoogle(trigger: CheckTrigger, origin: string, tabId: number | null): Promise<boolean> {
  if (trigger === 'connect') return true;
  if (tabId === null) return false;
  try {
    const tab = await browser.tabs.get(tabId);
    return !!tab.url && isReturnPage(tab.url, origin);
  } catch {
    return false; // closed
  }
}

/** What a check found: the record, and the status it gives (the test run only when it can say something). */
interface Inspection {
  result: Pick<MonitorState, 'status' | 'token' | 'test'>;
  server: GmailServerState;
}

/**
 * The reads and the test of one check, for any Odoo and server: the record (a failed test is read with its
 * Username, type and token), web.base.url as it is now (it moves at admin logins elsewhere) and whether the
 * database is a neutralized copy (odoo-gmail.md §9.1) side by side, one round trip; then Test Connection when
 * it can tell something. `afterRead` runs between the two (the current setup notes what it read). An Odoo
 * that refused to count the token before is not asked again: two round trips, never three. Throws what the
 * requests threw.
 */
async function inspect(
  origin: string,
  server: Pick<NonNullable<OdooGmailState['server']>, 'id' | 'schema'>,
  afterRead: (read: { tokenCountRefused: boolean; baseUrl: BaseUrlRead | null }) => Promise<void>,
): Promise<Inspection> {
  const countRefused = (await tokenCountRefusedItem.get()).includes(origin);
  const [read, baseUrl, neutralized] = await Promise.all([
    readGmailServer(origin, server.id, server.schema, { countToken: !countRefused }),
    readBaseUrl(origin).catch(() => null),
    readNeutralized(origin),
  ]);
  if (read.tokenCountRefused) await tokenCountRefusedItem.update((list) => [...new Set([...list, origin])]);
  await afterRead({ tokenCountRefused: read.tokenCountRefused, baseUrl });
  const none = { token: null, test: null };
  // On a neutralized copy mail is off by design: said as such, never as a broken token (no test either:
  // it would prove nothing about sending from an archived server).
  if (neutralized === true)
    return { server: read, result: { ...none, status: 'neutralized', token: read.exists ? read.facts.token : null } };
  if (!read.exists) return { server: read, result: { ...none, status: 'serverMissing' } };
  if (!read.active) return { server: read, result: { ...none, status: 'serverArchived', token: read.facts.token } };
  if (!read.facts.token) return { server: read, result: { ...none, status: 'noToken', token: false } };
  const { facts } = read;
  const outcome = await withKeepAlive(() => testGmailConnection(origin, server.id, { timeoutMs: TEST_TIMEOUT_MS, facts }));
  return {
    server: read,
    result: outcome.ok
      ? { status: 'ok', token: true, test: { ok: true, odooText: null, reading: null } }
      : { status: 'testFailed', token: true, test: { ok: false, odooText: outcome.odooText, reading: outcome.reading } },
  };
}

async function check(trigger: CheckTrigger): Promise<Reply<MonitorState>> {
  // The other databases' setups: checked beside this one on the alarm (./setups.ts), else as last checked.
  const others = trigger === 'alarm' ? checkSavedSetups(trigger) : savedLooks();
  // Odoo's state for the Odoo set up now (scoped by the snapshot): another Odoo's server is not checked.
  const { setup, odooGmail: state } = await readSnapshot();
  if (!setup || !state?.server) {
    const own = setup ? await ownLook(setup.odooOrigin, trigger) : null;
    const saved = await others;
    if (saved.length > 0 || own) await showBadge(null, null, saved, own);
    return { ok: false, error: msg('monitor.err.noServer') };
  }
  const origin = setup.odooOrigin;
  const serverId = state.server.id;
  const base = { origin, serverId, trigger, at: Date.now(), token: null, test: null, detail: null };
  let incoming: Promise<IncomingLook | null> = Promise.resolve(null);
  let result: Parameters<typeof nextMonitorState>[1];
  let server: GmailServerState | null = null;
  if (!(await hasOriginPermission(origin))) {
    result = { ...base, status: 'permission' };
  } else {
    // The incoming server, if one was set up here: side by side with the outgoing check, no round trip added.
    incoming = checkIncoming(origin).catch(() => null);
    await updateState(origin, (s) => ({ ...s, running: s.running ?? { op: 'check', at: Date.now() } }));
    try {
      const look = await inspect(origin, state.server, async ({ baseUrl }) => {
        if (baseUrl) await noteBaseUrl(origin, baseUrl);
      });
      server = look.server;
      result = { ...base, ...look.result };
    } catch (error) {
      result = { ...base, ...statusOfError(error) };
      if (result.status === 'signedOut') await markSignedOut(origin);
    } finally {
      await updateState(origin, (s) => ({ ...s, running: s.running?.op === 'check' ? null : s.running }));
    }
  }
  const look = await incoming;
  result.at = Date.now();
  const { state: next, notify } = nextMonitorState(await monitorItem.get(), result);
  // The badge first: whoever sees the stored result (the popup) finds the badge already saying the same.
  await showBadge(next, look, await others);
  await monitorItem.set(next);
  // A pending connect ends only on evidence from after Google answered: the tab back on Odoo's form, and a
  // token newer than the connect (its stamp moved). A check made meanwhile leaves it pending.
  let connectedNow = false;
  const pending = (await stateFor(origin)).connect;
  if (
    next.token === true &&
    server?.exists &&
    pending?.serverId === serverId &&
    pending.status === 'waiting' &&
    (pending.stampBefore == null || server.tokenStamp !== pending.stampBefore) &&
    (await backFromGoogle(trigger, origin, pending.tabId))
  ) {
    await updateState(origin, (s) => {
      if (s.connect?.serverId !== serverId || s.connect.status !== 'waiting' || s.connect.startedAt !== pending.startedAt)
        return s;
      connectedNow = true;
      return { ...s, connect: { ...s.connect, status: 'connected' } };
    });
  }
  // The person just came back from Google's page: the outcome is said either way, once per connect.
  if (notify || (connectedNow && next.verdict === 'red')) await notifyRed(next);
  if (connectedNow && next.status === 'ok') await notifyConnected(state.server.gmail);
  // Receiving stopped while sending works: said too (when both are red, the outgoing side's notification stands).
  else if (look?.alert && next.verdict !== 'red') await notifyIncoming(look);
  // External app in Testing: the token dies 7 days after consent — say so before it does (the troubleshooter's 7-day warning).
  if (next.token === true) await warnTestingExpiry().catch(() => false);
  return { ok: true, value: next };
}

// ---------------------------------------------------------------------------------------------
// The user's own server (Odoo 19, lib/background/personal.ts): an Odoo user who is no administrator has no
// company server to check, but may send through a Gmail server of their own.

/**
 * The user's own server as the badge shows it: on the alarm, Odoo's test again (`checkMine`; said in a
 * notification when it turns red with this test, once per red spell); otherwise as last tested. Null when
 * the user has none here.
 */
async function ownLook(origin: string, trigger: CheckTrigger): Promise<PersonalSetup | null> {
  const checked = trigger === 'alarm' ? await checkMine().catch(() => null) : null;
  if (checked) {
    if (checked.after.status === 'failed' && checked.before.status !== 'failed') await notifyOwnRed(checked.after);
    return checked.after;
  }
  return storedOwn(origin);
}

/** The user's own server as last tested, when Odoo named one active for the Odoo set up now (`origin`). */
async function storedOwn(origin?: string): Promise<PersonalSetup | null> {
  const [own, setup] = await Promise.all([personalItem.get(), origin ? null : setupItem.get()]);
  return own?.server && own.origin === (origin ?? setup?.odooOrigin) ? own : null;
}

// ---------------------------------------------------------------------------------------------
// The other databases (lib/state/setups.ts): checked on the alarm beside the current one.

/** A saved setup's last check, with the name the badge and the notification give its database. */
export interface SavedLook {
  origin: string;
  db: string;
  monitor: MonitorState;
}

const dbOf = (entry: SavedSetup) => entry.probe?.odoo?.db ?? new URL(entry.setup.odooOrigin).host;

/** The saved setups' last checks, as stored. */
async function savedLooks(): Promise<SavedLook[]> {
  const saved = await setupsItem.get();
  return Object.values(saved).flatMap((e) =>
    e.monitor ? [{ origin: e.setup.odooOrigin, db: dbOf(e), monitor: e.monitor }] : [],
  );
}

/**
 * Every saved setup with a server, checked at once (the same reads and test as the current one, so the
 * alarm stays two round trips deep however many databases there are), each result kept in its entry. A
 * database that turns red is named in its own notification. Nothing is written to the current setup's items.
 */
async function checkSavedSetups(trigger: CheckTrigger): Promise<SavedLook[]> {
  const saved = Object.values(await setupsItem.get()).filter((e) => e.odooGmail?.server);
  const looks = await Promise.all(saved.map((entry) => checkSaved(entry, trigger).catch(() => null)));
  return looks.filter((l) => l !== null);
}

async function checkSaved(entry: SavedSetup, trigger: CheckTrigger): Promise<SavedLook | null> {
  const origin = entry.setup.odooOrigin;
  const server = entry.odooGmail?.server;
  if (!server || entry.odooGmail?.origin !== origin) return null;
  const base = { origin, serverId: server.id, trigger, at: Date.now(), token: null, test: null, detail: null };
  let result: Parameters<typeof nextMonitorState>[1];
  if (!(await hasOriginPermission(origin))) result = { ...base, status: 'permission' };
  else {
    try {
      result = { ...base, ...(await inspect(origin, server, async () => undefined)).result };
    } catch (error) {
      result = { ...base, ...statusOfError(error) };
    }
  }
  result.at = Date.now();
  const { state: next, notify } = nextMonitorState(entry.monitor, result);
  const kept = await setupsItem.update((all) => {
    const now = all[origin];
    // Switched back to meanwhile (the entry left the list) or replaced: the result is not this entry's any more.
    return now && now.savedAt === entry.savedAt ? { ...all, [origin]: { ...now, monitor: next } } : all;
  });
  if (kept[origin]?.savedAt !== entry.savedAt) return null;
  const look = { origin, db: dbOf(entry), monitor: next };
  if (notify) await notifySavedRed(look);
  return look;
}

// ---------------------------------------------------------------------------------------------
// Badge and notification.

/** Signs, not words — but "OK" is a word, so it comes from the locale. */
const BADGE: Record<'green' | 'red' | 'unknown', { text: () => string; color: string }> = {
  green: { text: () => t('monitor.badge.ok'), color: '#1a7f37' },
  red: { text: () => '!', color: '#cf222e' },
  unknown: { text: () => '?', color: '#9a6700' },
};

function actionApi() {
  // MV3 `action`; Firefox's MV2 build has `browserAction`.
  return browser.action ?? browser.browserAction;
}

type BadgeKind = 'green' | 'red' | 'unknown';
const kindOf = (status: MonitorStatus): BadgeKind =>
  status === 'ok' ? 'green' : verdictOf(status) === 'red' ? 'red' : 'unknown';
const WORSE: Record<BadgeKind, number> = { green: 0, unknown: 1, red: 2 };

/**
 * The worst state of every database: the current one's verdict (red too when its outgoing side is green but
 * the incoming server stopped receiving), the user's own server's last test (`own`, where there is no company
 * server to check), and each saved setup's last check (`saved`), named in the tooltip.
 */
export async function showBadge(
  state: MonitorState | null,
  incoming: IncomingLook | null = null,
  saved: SavedLook[] = [],
  own: PersonalSetup | null = null,
): Promise<void> {
  const action = actionApi();
  if (!action) return;
  try {
    const seen: { kind: BadgeKind; why: string }[] = [];
    if (state) {
      const receiving = state.status === 'ok' && incoming && isRed(incoming.check.status) ? incoming.check.status : null;
      seen.push({
        kind: receiving ? 'red' : kindOf(state.status),
        why: receiving ? t(`incoming.check.${receiving}`) : t(`monitor.status.${state.status}`),
      });
    }
    if (own)
      seen.push({
        kind: own.status === 'connected' ? 'green' : own.status === 'failed' ? 'red' : 'unknown',
        why:
          own.status === 'connected'
            ? t('personal.connected', { server: own.server ?? '' })
            : own.error
              ? tm(own.error as Msg)
              : t('personal.hasServer', { server: own.server ?? '' }),
      });
    for (const look of saved)
      seen.push({
        kind: kindOf(look.monitor.status),
        why: t('monitor.savedSays', { db: look.db, status: t(`monitor.status.${look.monitor.status}`) }),
      });
    const worst = seen.reduce<(typeof seen)[number] | null>((w, x) => (!w || WORSE[x.kind] > WORSE[w.kind] ? x : w), null);
    if (!worst) {
      await action.setBadgeText({ text: '' });
      await action.setTitle({ title: t('extName') });
      return;
    }
    await action.setBadgeText({ text: BADGE[worst.kind].text() });
    await action.setBadgeBackgroundColor({ color: BADGE[worst.kind].color });
    await action.setTitle({ title: `${t('extName')} — ${worst.why}` });
  } catch {
    // A badge is a hint; failing to draw it changes nothing about the check.
  }
}

/** One notification stands for the current state: a new one takes the other's place. */
async function replaceNotification(id: string, title: string, message: string): Promise<void> {
  const other = id === NOTIFICATION_ID ? CONNECTED_NOTIFICATION_ID : NOTIFICATION_ID;
  try {
    await browser.notifications.clear(other);
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/notification-icon.png'),
      title,
      message,
    });
  } catch {
    // Notifications may be turned off for the browser; the badge and the popup still show it.
  }
}

const redReason = (state: MonitorState) =>
  state.status === 'testFailed' && state.test?.reading
    ? t(`monitor.reading.${state.test.reading}`)
    : t(`monitor.status.${state.status}`);

async function notifyRed(state: MonitorState): Promise<void> {
  await replaceNotification(NOTIFICATION_ID, t('monitor.notify.title'), redReason(state));
}

/** A saved database turned red: its own notification, naming it, beside the current one's. */
async function notifySavedRed({ origin, db, monitor }: SavedLook): Promise<void> {
  try {
    await browser.notifications.create(`${SAVED_NOTIFICATION_PREFIX}${origin}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/notification-icon.png'),
      title: t('monitor.notify.savedTitle', { db }),
      message: redReason(monitor),
    });
  } catch {
    // Notifications may be turned off; the badge says it too.
  }
}

/** The user's own server turned red: what Odoo's test said, and a click to the preferences where "Test again" is. */
async function notifyOwnRed(own: PersonalSetup): Promise<void> {
  try {
    await browser.notifications.create(OWN_NOTIFICATION_ID, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/notification-icon.png'),
      title: t('monitor.notify.ownTitle', { gmail: own.email ?? '' }),
      message: own.error ? tm(own.error as Msg) : t('monitor.status.testFailed'),
    });
  } catch {
    // Notifications may be turned off; the badge and the popup say it too.
  }
}

async function notifyIncoming({ gmail, check }: IncomingLook): Promise<void> {
  const reason = check.reading ? t(`incoming.reading.${check.reading}`) : t(`incoming.check.${check.status}`);
  await replaceNotification(NOTIFICATION_ID, t('monitor.notify.incomingTitle', { gmail }), reason);
}

async function notifyConnected(gmail: string): Promise<void> {
  await replaceNotification(
    CONNECTED_NOTIFICATION_ID,
    t('monitor.notify.connectedTitle'),
    t('monitor.notify.connected', { gmail }),
  );
}

// ---------------------------------------------------------------------------------------------
// Schedule.

export async function ensureMonitorAlarm(): Promise<void> {
  const alarm = await browser.alarms.get(MONITOR_ALARM);
  if (alarm?.periodInMinutes === MONITOR_PERIOD_MINUTES) return;
  await browser.alarms.create(MONITOR_ALARM, {
    delayInMinutes: MONITOR_FIRST_DELAY_MINUTES,
    periodInMinutes: MONITOR_PERIOD_MINUTES,
  });
}

export function startMonitor(): void {
  // Listeners are registered synchronously at start-up, so the events wake the service worker.
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === MONITOR_ALARM) void runCheck('alarm');
  });
  browser.runtime.onStartup.addListener(() => {
    void ensureMonitorAlarm();
    void Promise.all([monitorItem.get(), savedLooks(), storedOwn()]).then(([state, saved, own]) =>
      showBadge(state, null, saved, state ? null : own),
    );
  });
  browser.runtime.onInstalled.addListener(() => {
    void ensureMonitorAlarm();
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id === NOTIFICATION_ID || id === CONNECTED_NOTIFICATION_ID) void openServerForm();
    else if (id.startsWith(SAVED_NOTIFICATION_PREFIX)) void openSavedServerForm(id.slice(SAVED_NOTIFICATION_PREFIX.length));
    else if (id === OWN_NOTIFICATION_ID) void openOwnPreferences();
  });
  void ensureMonitorAlarm().catch(() => undefined);
}

async function openServerForm(): Promise<void> {
  const [state, probe] = await Promise.all([odooGmailItem.get(), probeItem.get()]);
  if (!state?.server) return;
  const odoo = probe?.origin === state.origin ? probe.odoo : undefined;
  await browser.tabs.create({ url: odooMailServerLink(state.origin, state.server.id, odoo?.major, odoo?.minor) });
}

/** Odoo's preferences of the user (fact 25's return page), where the personal server's "Test" is. */
async function openOwnPreferences(): Promise<void> {
  const own = await personalItem.get();
  if (own) await browser.tabs.create({ url: `${own.origin}/odoo/my-preferences/${own.uid}` });
}

async function openSavedServerForm(origin: string): Promise<void> {
  const entry = (await setupsItem.get())[origin];
  const server = entry?.odooGmail?.server;
  if (!entry || !server) return;
  const odoo = entry.probe?.odoo;
  await browser.tabs.create({ url: odooMailServerLink(origin, server.id, odoo?.major, odoo?.minor) });
}
