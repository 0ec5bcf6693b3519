/**
 * "Set up Google Cloud for Odoo" (one click for the Google side): one click of the person's in the popup runs the
 * Google side by itself — project → consent screen → authorized domain → test user → client → capture —
 * then the Odoo side (save the credentials, the mail server, Google's consent page), page after page.
 * It pauses only for what only the person may do: the User Data Policy tick, a click Google ignores,
 * an interruption (Terms of Service, 2-step verification, a blank page). The panel shows each step as it
 * is done, and a Stop.
 *
 * Kept in `storage.session` (the run is the person's click of this browser session), for a while: a run
 * left alone longer than `AUTOPILOT_MS` no longer moves anything.
 */
import { browser } from 'wxt/browser';
import { consoleLink } from '../google/console-urls';
import { msg } from '../i18n';
import type { Reply } from '../protocol';
import { autopilotItem, googleItem, progressItem, setupItem } from '../state/items';

/** Long enough for the slowest Console and a person's 2-step verification; short enough to never surprise. */
export const AUTOPILOT_MS = 30 * 60_000;

export async function autopilotOn(): Promise<boolean> {
  const run = await autopilotItem.get();
  return !!run && Date.now() - run.startedAt < AUTOPILOT_MS;
}

/** The first Console page of the journey whose step is not done yet (null: all done). */
export async function firstUndonePath(): Promise<string | null> {
  const [setup, progress, google] = await Promise.all([setupItem.get(), progressItem.get(), googleItem.get()]);
  const isDone = (step: keyof typeof progress) => progress[step]?.state === 'done';
  if (!isDone('project') || !google.projectId) return '/projectcreate';
  if (!isDone('consent')) return '/auth/overview';
  if (!isDone('domain')) return '/auth/branding';
  if (setup?.accountType !== 'workspace' && !isDone('testUser')) return '/auth/audience';
  if (!isDone('client')) return '/auth/clients/create';
  return null;
}

/** The popup's one click: remember the run, open the first page it has to do. */
export async function startGoogleSetup(): Promise<Reply<{ path: string }>> {
  const setup = await setupItem.get();
  if (!setup) return { ok: false, error: msg('console.missing.setup') };
  const path = (await firstUndonePath()) ?? '/auth/clients/create';
  const projectId = path === '/projectcreate' ? null : (await googleItem.get()).projectId;
  await autopilotItem.set({ startedAt: Date.now() });
  await browser.tabs.create({ url: consoleLink(path, projectId) });
  return { ok: true, value: { path } };
}

/** The panel's Stop, or the end of the run (Google's consent page opened). */
export async function stopGoogleSetup(): Promise<Reply<null>> {
  await autopilotItem.set(null);
  return { ok: true, value: null };
}
