/**
 * Many Odoo databases (lib/state/setups.ts): the current setup is the one in the items, the others wait in
 * `setupsItem` under their origin. Moving to another Odoo — Connect to Odoo with another address, or the
 * popup's switcher, which sends the same message — keeps everything known of the one left and takes back
 * what was kept of the one reached. Nothing is dropped: a database never seen before starts as today (only
 * the probe is new; the Google client learnt on the Console carries over, since one client may serve several
 * databases).
 *
 * Refused while the move could mix two databases: "Set up Google Cloud" running (its capture would land in
 * the other database's setup), or a captured client secret still waiting to be saved in the one left (it
 * goes only to the Odoo the person confirmed).
 */
import { type Msg, msg } from '../i18n';
import type { Reply } from '../protocol';
import type { Setup } from '../setup/setup';
import { parseSetupFile } from '../setup/setup-file';
import { incomingItem } from '../state/incoming';
import {
  credentialsItem,
  diagnosesItem,
  googleItem,
  monitorItem,
  odooGmailItem,
  probeItem,
  progressItem,
  publishChoiceItem,
  publishLinksItem,
  setupItem,
} from '../state/items';
import { personalItem } from '../state/personal';
import { type SavedSetup, setupsItem } from '../state/setups';
import { readSnapshot } from '../state/snapshot';
import { autopilotOn } from './autopilot';

/** Everything the current items know of the current Odoo (the snapshot, scoped to it), as kept. */
async function currentSetup(): Promise<SavedSetup | null> {
  const s = await readSnapshot();
  if (!s.setup) return null;
  const { setup, probe, progress, google, odooGmail, monitor, incoming, personal, diagnoses, publishChoice, publishLinks } = s;
  return {
    setup,
    probe,
    progress,
    google,
    odooGmail,
    personal,
    monitor,
    incoming,
    diagnoses,
    publishChoice,
    publishLinks,
    savedAt: Date.now(),
  };
}

/** Whether moving from the current setup to `next`'s Odoo would mix two databases; the reason if so. */
export async function moveRefused(from: Setup, next: Setup): Promise<Msg | null> {
  if (from.odooOrigin === next.odooOrigin) return null;
  if (await autopilotOn()) return msg('setups.err.googleRunning', { origin: from.odooOrigin });
  const pending = await credentialsItem.get();
  if (pending) return msg('setups.err.secretPending', { clientId: pending.clientId, origin: from.odooOrigin });
  return null;
}

/**
 * Keeps the current setup under its origin and, when `next`'s Odoo was kept before, puts it back in the
 * items (it leaves the list). Call before the setup item itself changes to `next`.
 */
export async function moveSetup(next: Setup): Promise<{ restored: boolean }> {
  const current = await currentSetup();
  if (!current || current.setup.odooOrigin === next.odooOrigin) return { restored: false };
  const target = next.odooOrigin;
  let back: SavedSetup | null = null;
  await setupsItem.update((all) => {
    const { [target]: found, ...rest } = all;
    back = found ?? null;
    return { ...rest, [current.setup.odooOrigin]: current };
  });
  const kept: SavedSetup | null = back;
  if (!kept) {
    // A database not seen before: what is about the Odoo left goes (it is kept above); the rest carries over.
    await Promise.all([
      probeItem.set(null),
      odooGmailItem.set(null),
      monitorItem.set(null),
      incomingItem.set(null),
      personalItem.set(null),
    ]);
    return { restored: false };
  }
  const { probe, progress, google, odooGmail, monitor, incoming, personal, diagnoses, publishChoice, publishLinks } = kept;
  await Promise.all([
    probeItem.set(probe),
    progressItem.set(progress),
    googleItem.set(google),
    odooGmailItem.set(odooGmail),
    monitorItem.set(monitor),
    incomingItem.set(incoming),
    personalItem.set(personal ?? null),
    diagnosesItem.set(diagnoses),
    publishChoiceItem.set(publishChoice),
    publishLinksItem.set(publishLinks),
  ]);
  return { restored: true };
}

/**
 * A colleague's setup file (lib/setup/setup-file.ts, read again here: the popup's reading is not trusted):
 * kept beside the others, for the person to switch to. An Odoo already set up here — the current one or a kept
 * one — is left as it is: the file would replace what this browser learnt itself.
 */
export async function importSetup(text: string): Promise<Reply<{ origin: string }>> {
  const read = parseSetupFile(text);
  if (!read.ok) return { ok: false, error: read.error };
  const { file } = read;
  const origin = file.setup.odooOrigin;
  const [current, saved] = await Promise.all([setupItem.get(), setupsItem.get()]);
  if (current?.odooOrigin === origin || saved[origin]) return { ok: false, error: msg('setups.file.known', { origin }) };
  const entry: SavedSetup = {
    setup: { ...file.setup, gmailProposed: false },
    probe: null,
    progress: {},
    google: { ...file.google, secretCapturedAt: null, testUsersWanted: [] },
    odooGmail: null,
    monitor: null,
    incoming: null,
    personal: null,
    diagnoses: [],
    publishChoice: file.publishChoice,
    publishLinks: file.publishLinks,
    savedAt: Date.now(),
  };
  await setupsItem.update((all) => ({ ...all, [origin]: entry }));
  return { ok: true, value: { origin } };
}
