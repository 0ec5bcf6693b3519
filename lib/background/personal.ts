/**
 * "Connect my own Gmail": an Odoo 19 user who is no administrator sends through their own Gmail, on the
 * company's Google client (captures facts 23–28). One click asks Odoo for the personal server and its consent
 * (`action_setup_outgoing_mail_server`, fact 24) and opens Google's page; Odoo accepts only the user's own
 * address there (fact 25) and sends the browser back to `/odoo/my-preferences/<uid>`, where the background
 * runs the user's Test (fact 26). Odoo's confirm page left open is read for what went wrong: the consent
 * refused, or another account chosen ("you chose X, Odoo expects Y"). The administrator's side lists who has
 * connected (fact 28). The click and the return run under the background's one Odoo lock; the reads made on
 * every popup open (the user's facts, the administrator's list) do not, so they never make a click wait.
 *
 * Round trips: the user's read 1; the click 1 (the server and its consent URL are one call); the return 1
 * (the test and the user's read go out together); the administrator's list 1 (the servers, the ids holding a
 * refresh token and the per-minute limit go out together).
 */
import { browser } from 'wxt/browser';
import { type Msg, msg } from '../i18n';
import { odooErrorMsg } from '../odoo/error-messages';
import {
  listPersonalServers,
  openPersonalConsent,
  type PersonalList,
  type PersonalUser,
  readPersonalLimit,
  readPersonalUser,
  testPersonalServer,
} from '../odoo/gmail-personal';
import type { Reply } from '../protocol';
import { probeItem, setupItem } from '../state/items';
import { type PersonalSetup, personalItem } from '../state/personal';
import { emailMismatch, isConfirmUrl } from '../troubleshoot/odoo-confirm';
import { parseUrl } from '../url';
import { hasOriginPermission } from './odoo-connection';
import { lockedReply, odooContext } from './odoo-context';
import { readPage } from './troubleshoot';

/** How long after the click a return to Odoo counts as the end of the consent (as for the other servers). */
const CONSENT_WINDOW_MS = 30 * 60_000;

interface Mine {
  origin: string;
  uid: number;
  email: string | null;
}

/** The stored Odoo, when its user may have a personal server: 19.0+, signed in, not an administrator. */
async function mine(): Promise<{ ok: true; me: Mine } | { ok: false; error: Msg }> {
  const [setup, probe] = await Promise.all([setupItem.get(), probeItem.get()]);
  if (!setup) return { ok: false, error: msg('step.odoo.enterUrl') };
  const origin = setup.odooOrigin;
  if (!(await hasOriginPermission(origin))) return { ok: false, error: msg('err.permission', { origin }) };
  const odoo = probe?.origin === origin ? probe.odoo : undefined;
  if (!probe || !odoo?.uid || probe.status !== 'notAdmin' || odoo.major < 19) {
    return { ok: false, error: msg('personal.err.notAvailable') };
  }
  return { ok: true, me: { origin, uid: odoo.uid, email: odoo.userEmail } };
}

const fresh = (me: Mine): PersonalSetup => ({
  ...me,
  status: 'idle',
  at: Date.now(),
  startedAt: null,
  error: null,
  odooText: null,
  reading: null,
  chosen: null,
  customServers: null,
  server: null,
});

/** The stored record when it is about this Odoo and user, else a new one. */
const about = (s: PersonalSetup | null, me: Mine) => (s && s.origin === me.origin && s.uid === me.uid ? s : fresh(me));

const put = (me: Mine, fn: (s: PersonalSetup) => PersonalSetup) =>
  personalItem.update((s) => fn(about(s, me))) as Promise<PersonalSetup>;

async function fail(me: Mine, error: unknown): Promise<Reply<never>> {
  const m = odooErrorMsg(error);
  await put(me, (s) => ({ ...s, status: 'failed', error: m, at: Date.now() }));
  return { ok: false, error: m };
}

/**
 * For the stored Odoo's user; an operation's failure to reach Odoo is stored as its outcome. Under the one Odoo lock unless
 * `op` is null: a read that only refreshes facts (on every popup open) never makes a click wait or refuses it.
 */
function forMe<T>(op: 'personal' | 'check' | null, fn: (me: Mine) => Promise<Reply<T>>): Promise<Reply<T>> {
  const run = async (): Promise<Reply<T>> => {
    const context = await mine();
    if (!context.ok) return context;
    try {
      return await fn(context.me);
    } catch (error) {
      // A read that failed changes nothing stored (a consent under way stays so); an operation's failure is its outcome.
      return op ? fail(context.me, error) : { ok: false, error: odooErrorMsg(error) };
    }
  };
  return op ? lockedReply(op, run) : run();
}

/** What the user's record says, as stored: the address Odoo checks, the setting, the active server (facts 23, 25). */
const userFacts = (user: PersonalUser, s: PersonalSetup) => ({
  email: user.email ?? s.email,
  customServers: user.customServers,
  server: user.server?.name ?? null,
});

/** What Odoo holds for the user: the address it checks, "Use Custom Email Servers", the active server. No lock. */
export const readMine = () =>
  forMe(null, async (me) => {
    const user = await readPersonalUser(me.origin, me.uid);
    return { ok: true, value: await put(me, (s) => ({ ...s, ...userFacts(user, s) })) };
  });

/** The click: the personal server and Google's consent for it (fact 24), in a new tab. */
export const connectMine = () =>
  forMe('personal', async (me): Promise<Reply<null>> => {
    await put(me, (s) => ({ ...s, status: 'working', at: Date.now(), error: null, odooText: null, reading: null, chosen: null }));
    const outcome = await openPersonalConsent(me.origin);
    if (!outcome.ok) {
      const error = msg(`personal.setup.${outcome.reading}`);
      await put(me, (s) => ({
        ...s,
        status: 'failed',
        at: Date.now(),
        error,
        odooText: outcome.odooText,
        reading: outcome.reading,
        // Fact 23: "not allowed" means the setting is off, whatever was read before.
        ...(outcome.reading === 'customServersOff' ? { customServers: false } : {}),
      }));
      return { ok: false, error };
    }
    await put(me, (s) => ({ ...s, status: 'waiting', at: Date.now(), startedAt: Date.now() }));
    await browser.tabs.create({ url: outcome.consent.url });
    return { ok: true, value: null };
  });

/** Odoo's test of the personal server and the user's read, stored (fact 26): one round trip. Throws what the requests threw. */
async function testNow(me: Mine): Promise<PersonalSetup> {
  await put(me, (s) => ({ ...s, status: 'testing', at: Date.now() }));
  // Independent: one round trip.
  const [outcome, user] = await Promise.all([testPersonalServer(me.origin), readPersonalUser(me.origin, me.uid)]);
  return put(me, (s) => ({
    ...s,
    ...userFacts(user, s),
    status: outcome.ok && user.server ? 'connected' : 'failed',
    at: Date.now(),
    error: outcome.ok ? (user.server ? null : msg('personal.err.noServer')) : msg(`monitor.reading.${outcome.reading}`),
    odooText: outcome.ok ? null : outcome.odooText,
  }));
}

/** Back on the preferences (or "Test again"): Odoo's test of the personal server, and the user's read (fact 26). */
export const testMine = (op: 'personal' | 'check' = 'personal') =>
  forMe(op, async (me) => ({ ok: true, value: await testNow(me) }));

/** A connect or a test under way: the monitor leaves the record alone. */
const UNDER_WAY: readonly PersonalSetup['status'][] = ['working', 'waiting', 'testing'];

/**
 * The monitor's alarm for a user whose own server Odoo named active at the last read: Odoo's test again, as
 * "Test again" runs it (fact 26), one round trip. Runs inside the monitor's check, which holds the one Odoo
 * lock. `before` and `after` tell whether it turned red with this test. A test Odoo could not be asked
 * (unreachable, signed out) changes nothing stored and gives null, as does a user with nothing to check.
 */
export async function checkMine(): Promise<{ before: PersonalSetup; after: PersonalSetup } | null> {
  const context = await mine();
  if (!context.ok) return null;
  const { me } = context;
  const before = await personalItem.get();
  if (!before || before.origin !== me.origin || before.uid !== me.uid) return null;
  if (!before.server || UNDER_WAY.includes(before.status)) return null;
  try {
    return { before, after: await testNow(me) };
  } catch {
    await put(me, (s) => (s.status === 'testing' ? { ...s, status: before.status, at: before.at } : s));
    return null;
  }
}

/** Where Odoo's confirm route sends the user once the account matched (fact 25). */
export function isPreferencesReturn(url: string, origin: string, uid: number): boolean {
  const page = parseUrl(url);
  return !!page && page.origin === origin && page.pathname === `/odoo/my-preferences/${uid}`;
}

/**
 * A tab finished loading while the consent is open: the preferences — the consent went through, run the
 * test — or Odoo's confirm page left open: refused at Google (`error`), or another account chosen (fact 25).
 */
export async function onPersonalTab(tabId: number, url: string | undefined, status: string | undefined): Promise<void> {
  if (status !== 'complete' || !url) return;
  const state = await personalItem.get();
  if (state?.status !== 'waiting' || !state.startedAt || Date.now() - state.startedAt > CONSENT_WINDOW_MS) return;
  const me = { origin: state.origin, uid: state.uid, email: state.email };
  if (isPreferencesReturn(url, state.origin, state.uid)) {
    // The return waits its turn behind a click rather than being refused as busy.
    await testMine('check');
    return;
  }
  const page = parseUrl(url);
  if (!page || page.origin !== state.origin || !isConfirmUrl(page)) return;
  if (page.searchParams.get('error')) {
    await put(me, (s) => ({ ...s, status: 'refused', at: Date.now(), error: msg('personal.err.accessDenied') }));
    return;
  }
  let text = '';
  try {
    const [read] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readPage });
    const result = read?.result as { text?: unknown } | undefined;
    text = typeof result?.text === 'string' ? result.text : '';
  } catch {
    // The tab moved on or was closed: say what is known.
  }
  const mismatch = emailMismatch(text);
  const expected = mismatch?.expected || state.email || '';
  await put(me, (s) => ({
    ...s,
    status: 'refused',
    at: Date.now(),
    chosen: mismatch?.chosen ?? null,
    error: mismatch
      ? msg('personal.err.mismatch', { chosen: mismatch.chosen, expected })
      : msg('personal.err.confirmPage', { expected }),
  }));
}

export function watchPersonalReturn(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    void onPersonalTab(tabId, tab.url ?? change.url, change.status).catch(() => undefined);
  });
}

// ---------------------------------------------------------------------------------------------
// The administrator's side (fact 28).

/** Who has connected their own Gmail, and the per-minute limit: one round trip. Reads only: no lock (see `forMe`). */
export async function listPersonal(): Promise<Reply<PersonalList>> {
  const context = await odooContext();
  if (!context.ok) return context;
  const { origin, odoo } = context.ctx;
  if (odoo.major < 19) return { ok: false, error: msg('personal.err.notAvailable') };
  try {
    const [servers, limit] = await Promise.all([listPersonalServers(origin), readPersonalLimit(origin)]);
    return { ok: true, value: { servers, limit } };
  } catch (error) {
    return { ok: false, error: odooErrorMsg(error) };
  }
}
