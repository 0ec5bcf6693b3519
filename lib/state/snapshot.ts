/**
 * The world as the extension remembers it, read in one go: the items every view is computed from
 * (lib/state/items.ts), read together, and **scoped to the current Odoo here, once**. A record made
 * for another Odoo (the person changed the address, or a probe finished for the old one) is dropped:
 * the probe, Odoo's confirmations, the monitor's check and the diagnoses in a `Snapshot` are about
 * `setup.odooOrigin`, so no consumer asks again whether a record is about this Odoo.
 *
 * Writers keep their own checks (they write for one origin, lib/background/odoo-context.ts); the scoping
 * is for what is read to be shown or compared.
 */
import type { HostFacts } from '../google/suffix-facts';
import type { ProbeResult } from '../odoo/probe';
import type { MonitorState, OdooGmailState } from '../setup/odoo-state';
import type { Setup } from '../setup/setup';
import type { StepProgressMap } from '../setup/steps';
import type { StoredDiagnosis } from '../troubleshoot/store';
import { readItems, type ValidatedItem } from './define';
import type { RawValues } from './first-read';
import { hostFactsItem } from './host-facts';
import { type IncomingSetup, incomingItem } from './incoming';
import {
  diagnosesItem,
  type GoogleState,
  googleItem,
  monitorItem,
  odooGmailItem,
  type PublishLinks,
  probeItem,
  progressItem,
  publishChoiceItem,
  publishLinksItem,
  setupItem,
} from './items';
import { type PersonalSetup, personalItem } from './personal';

export interface Snapshot {
  setup: Setup | null;
  /** The last probe of this Odoo. */
  probe: ProbeResult | null;
  progress: StepProgressMap;
  /** What the Console assistant learnt (about the Google project, not an Odoo: not scoped). */
  google: GoogleState;
  /** What this Odoo confirmed. */
  odooGmail: OdooGmailState | null;
  /** The monitor's last check of this Odoo. */
  monitor: MonitorState | null;
  /** The troubleshooter's diagnoses made for this Odoo (or before any was known). */
  diagnoses: StoredDiagnosis[];
  publishChoice: 'testing' | 'production' | null;
  publishLinks: PublishLinks | null;
  /**
   * What the public suffix list says of the hosts the background has looked up (lib/state/host-facts.ts):
   * about host names, not an Odoo, so not scoped. A host missing here is not known yet.
   */
  hosts: HostFacts;
  /** "Also receive mail from this Gmail" on this Odoo (lib/state/incoming.ts). */
  incoming: IncomingSetup | null;
  /** "Connect my own Gmail" on this Odoo (lib/state/personal.ts). */
  personal: PersonalSetup | null;
}

/** The records that carry the Odoo they are about. */
export interface OdooRecords {
  setup: Setup | null;
  probe?: ProbeResult | null;
  odooGmail?: OdooGmailState | null;
  monitor?: MonitorState | null;
  diagnoses?: StoredDiagnosis[];
  incoming?: IncomingSetup | null;
  personal?: PersonalSetup | null;
}

/** The one place a record is compared with the current Odoo: another Odoo's record is dropped. */
export function scope<T extends OdooRecords>(s: T): T {
  const origin = s.setup?.odooOrigin ?? null;
  const mine = <R extends { origin: string }>(r: R | null | undefined): R | null =>
    r && origin !== null && r.origin === origin ? r : null;
  return {
    ...s,
    ...(s.probe !== undefined ? { probe: mine(s.probe) } : {}),
    ...(s.odooGmail !== undefined ? { odooGmail: mine(s.odooGmail) } : {}),
    ...(s.monitor !== undefined ? { monitor: mine(s.monitor) } : {}),
    ...(s.incoming !== undefined ? { incoming: mine(s.incoming) } : {}),
    ...(s.personal !== undefined ? { personal: mine(s.personal) } : {}),
    // A diagnosis made before any Odoo was known (no origin) applies to whichever is set up.
    ...(s.diagnoses !== undefined ? { diagnoses: s.diagnoses.filter((d) => !d.origin || d.origin === origin) } : {}),
  };
}

/** Every item a `Snapshot` is read from: a change to any of them means a new snapshot. */
export const SNAPSHOT_ITEMS = [
  setupItem,
  probeItem,
  progressItem,
  googleItem,
  odooGmailItem,
  monitorItem,
  diagnosesItem,
  publishChoiceItem,
  publishLinksItem,
  hostFactsItem,
  incomingItem,
  personalItem,
] as const satisfies readonly ValidatedItem<unknown>[];

/**
 * Reads the items at once (one storage call per area, ./define.ts `readItems`) and scopes them to the current
 * Odoo. `started`: their raw values, already being read (./first-read.ts).
 */
export async function readSnapshot(started?: Promise<RawValues>): Promise<Snapshot> {
  const [
    setup,
    probe,
    progress,
    google,
    odooGmail,
    monitor,
    diagnoses,
    publishChoice,
    publishLinks,
    hostFacts,
    incoming,
    personal,
  ] = await readItems(SNAPSHOT_ITEMS, started);
  const hosts = hostFacts?.hosts ?? {};
  return scope({
    setup,
    probe,
    progress,
    google,
    odooGmail,
    monitor,
    diagnoses,
    publishChoice,
    publishLinks,
    hosts,
    incoming,
    personal,
  });
}

/** Calls `cb` whenever an item of the snapshot changes; returns the unwatch. */
export function watchSnapshot(cb: () => void): () => void {
  const unwatch = SNAPSHOT_ITEMS.map((item) => item.watch(cb));
  return () => {
    for (const u of unwatch) u();
  };
}
