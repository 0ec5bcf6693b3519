/**
 * `setupsItem` (`setups`, local; written by background/setups): the setups of the other Odoo databases, by
 * origin. The current one lives in the items of ./items.ts and ./incoming.ts, as it always has; when the
 * person moves to another Odoo (Connect to Odoo with another address, or the popup's switcher), everything
 * known about the one they leave — its setup, probe, checklist progress, Google client, what Odoo confirmed,
 * the monitor's last check, the incoming server, the personal server, the diagnoses — is kept here under its origin, and taken
 * back when they return. No secret and no token, like every `local:` item.
 *
 * An entry that no longer parses (written by hand, or by a future build) is dropped alone: the others stay.
 */
import * as z from 'zod/mini';
import { ProbeResult } from '../odoo/probe';
import { MonitorState, OdooGmailState } from '../setup/odoo-state';
import { Setup } from '../setup/setup';
import { StepProgressMap } from '../setup/steps';
import { StoredDiagnosis } from '../troubleshoot/store';
import { defineValidatedItem } from './define';
import { IncomingSetup } from './incoming';
import { GoogleState, PublishLinks } from './items';
import { PersonalSetup } from './personal';

export const SavedSetup = z.lazy(() =>
  z.object({
    setup: Setup,
    probe: z.nullable(ProbeResult),
    progress: StepProgressMap,
    google: GoogleState,
    odooGmail: z.nullable(OdooGmailState),
    monitor: z.nullable(MonitorState),
    incoming: z.nullable(IncomingSetup),
    /** "Connect my own Gmail" (Odoo 19, ./personal.ts); absent in entries kept before it existed. */
    personal: z.optional(z.nullable(PersonalSetup)),
    diagnoses: z.array(StoredDiagnosis),
    publishChoice: z.nullable(z.enum(['testing', 'production'])),
    publishLinks: z.nullable(PublishLinks),
    /** When it stopped being the current setup. */
    savedAt: z.number(),
  }),
);
export type SavedSetup = z.infer<typeof SavedSetup>;

/** Each entry checked on its own: a damaged one is dropped, never the whole list. */
const SavedSetups = z.lazy(() =>
  z.pipe(
    z.record(z.string(), z.unknown()),
    z.transform((raw: Record<string, unknown>) => {
      const out: Record<string, SavedSetup> = {};
      for (const [origin, value] of Object.entries(raw)) {
        const parsed = z.safeParse(SavedSetup, value);
        if (parsed.success && parsed.data.setup.odooOrigin === origin) out[origin] = parsed.data;
      }
      return out;
    }),
  ),
);

export const setupsItem = defineValidatedItem('local:setups', SavedSetups, { fallback: {}, version: 1 });
