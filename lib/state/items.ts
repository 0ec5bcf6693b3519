/**
 * Every storage item the extension keeps, declared here and nowhere else (one beside its logic below), so a
 * successor reads in one page what is remembered, where, and who may change it. Keys and versions are
 * what earlier builds wrote: changing one loses the person's data (a new shape needs a `migrations`
 * entry, lib/state/define.ts). No component reads these one by one: lib/state/snapshot.ts reads them
 * together and scopes them to the current Odoo.
 *
 * | Item | Key | Area | Holds | Written by |
 * | --- | --- | --- | --- | --- |
 * | `setupItem` | `setup` | local | Odoo address, Gmail address, account type | popup form → background/odoo-connection |
 * | `probeItem` | `probe` | local | the last probe of Odoo (version, admin, module, `web.base.url`) | background/odoo-connection, odoo-context, base-url |
 * | `progressItem` | `progress` | local | per checklist step: state, time, note (a message key) | background/console, credentials, odoo-gmail, monitor |
 * | `googleItem` | `google` | local | what the Console assistant learnt (project, client ID, audience, lists); no secret | background/console, credentials |
 * | `publishChoiceItem` | `publishChoice` | local | testing or production, chosen in "Before you connect" | background/troubleshoot |
 * | `publishLinksItem` | `publishLinks` | local | the Branding links Publish app needs | background/publish-links |
 * | `credentialsItem` | `credentials` | **session** | the client ID and **secret** until Odoo has it | background/credentials, odoo-gmail (wipes it) |
 * | `odooGmailItem` | `odooGmail` | local | what Odoo confirmed (credentials, server, connect), running op, errors | background/odoo-context, odoo-gmail |
 * | `monitorItem` | `monitor` | local | the monitor's last check (verdict, token present, Test Connection) | background/monitor |
 * | `tokenCountRefusedItem` | `tokenCountRefused` | local | the Odoo origins that cannot count the refresh token | background/monitor |
 * | `diagnosesItem` | `diagnoses` | local | the troubleshooter's open diagnoses (no secret) | background/troubleshoot |
 * | `expiryWarningItem` | `testingExpiryWarning` | local | the connect the 7-day warning was shown for | background/testing-expiry |
 * | `autopilotItem` | `googleSetup` | session | the "Set up Google Cloud for Odoo" run | background/autopilot |
 * | `pendingProjectItem` | `consolePendingProject` | session | a project creation not yet proven | background/console |
 * | `consoleReloadsItem` | `consoleReloads` | session | reloads of a Console page that stayed blank | background/console |
 *
 * Beside its logic in lib/state/handoff.ts: `handoffItem` (`consoleHandoff`, session), what a click on one
 * Console page leaves for the next (the step it asked for, the focus), taken once by that page. In
 * lib/state/host-facts.ts: `hostFactsItem` (`hostFacts`, session, written by background/public-suffix), what the
 * public suffix list says of the hosts the popup shows values for. In lib/state/incoming.ts: `incomingItem`
 * (`incoming`, local, written by background/incoming), "Also receive mail": the incoming server, its consent,
 * what Odoo confirmed and the monitor's last look at it (no token). In lib/state/setups.ts: `setupsItem` (`setups`,
 * local, written by background/setups and background/monitor), the other Odoo databases' setups by origin.
 * In lib/state/personal.ts: `personalItem`
 * (`personal`, local, written by background/personal), "Connect my own Gmail": an Odoo 19 user's personal
 * server, its consent and Odoo's test (no token).
 *
 * `local:` survives browser restarts and never holds a secret; `session:` is memory only, gone when the
 * browser stops, and not readable by content scripts (docs/evidence/field-notes.md §3.6).
 */
import * as z from 'zod/mini';
import { PAGE_IDS } from '../console/detect';
import { ProbeResult } from '../odoo/probe';
import { MonitorState, OdooGmailState } from '../setup/odoo-state';
import { Setup } from '../setup/setup';
import { StepProgressMap } from '../setup/steps';
import { StoredDiagnosis } from '../troubleshoot/store';
import { defineValidatedItem } from './define';

// ---------------------------------------------------------------------------------------------
// The setup and what the extension learnt of Odoo.

export const setupItem = defineValidatedItem('local:setup', z.nullable(Setup), { fallback: null, version: 1 });
export const probeItem = defineValidatedItem('local:probe', z.nullable(ProbeResult), { fallback: null, version: 1 });
export const progressItem = defineValidatedItem('local:progress', StepProgressMap, { fallback: {}, version: 1 });

// ---------------------------------------------------------------------------------------------
// The Google side.

/** What the extension knows of the Google side (no secret): filled by the Console assistant. */
export const GoogleState = z.lazy(() =>
  z.object({
    projectId: z.nullable(z.string()),
    clientId: z.nullable(z.string()),
    audience: z.nullable(z.enum(['internal', 'external'])),
    publishing: z.nullable(z.enum(['testing', 'production'])),
    authorizedDomains: z.array(z.string()),
    testUsers: z.array(z.string()),
    redirectUris: z.array(z.string()),
    /** When the client secret was captured (the secret itself is never here). */
    secretCapturedAt: z.nullable(z.number()),
    /**
     * More test users the administrator asked for in the popup (besides the Gmail address): the Console
     * assistant adds them on the Audience page of an External app in Testing (at most 100, google-console.md §6.4).
     */
    testUsersWanted: z._default(z.array(z.string()), []),
  }),
);
export type GoogleState = z.infer<typeof GoogleState>;
export const EMPTY_GOOGLE_STATE: GoogleState = {
  projectId: null,
  clientId: null,
  audience: null,
  publishing: null,
  authorizedDomains: [],
  testUsers: [],
  redirectUris: [],
  secretCapturedAt: null,
  testUsersWanted: [],
};
export const googleItem = defineValidatedItem('local:google', GoogleState, { fallback: EMPTY_GOOGLE_STATE, version: 1 });

/**
 * The publishing status the person chose for an External app ("Before you connect"): `production` asks the Console
 * assistant to guide "Publish app" on the Audience page (no 7-day token expiry, one "unverified app"
 * screen at connect); `testing` or null leaves the app in Testing.
 */
export const publishChoiceItem = defineValidatedItem('local:publishChoice', z.nullable(z.enum(['testing', 'production'])), {
  fallback: null,
  version: 1,
});

/**
 * The App home page and App privacy policy link Google wants on Branding before it lets an External app
 * go to production (google-console-2026.md §1): read from the Odoo website (its home and privacy page)
 * when the person chose production, or given by the person in the popup. Public addresses, no secret.
 */
export const PublishLinks = z.lazy(() =>
  z.object({
    home: z.nullable(z.url()),
    privacy: z.nullable(z.url()),
    /** `website`: found on the Odoo's website; `person`: typed in the popup; `none`: Odoo has no website. */
    source: z.enum(['website', 'person', 'none']),
    at: z.number(),
  }),
);
export type PublishLinks = z.infer<typeof PublishLinks>;
export const publishLinksItem = defineValidatedItem('local:publishLinks', z.nullable(PublishLinks), {
  fallback: null,
  version: 1,
});

/**
 * The OAuth client's secret between its capture (Console dialog, imported JSON, paste) and Odoo's
 * write. `storage.session`: memory only, cleared when the browser stops, not readable by content
 * scripts. Wiped as soon as Odoo has confirmed the write.
 */
export const Credentials = z.lazy(() =>
  z.object({
    clientId: z.string(),
    clientSecret: z.string(),
    source: z.enum(['console', 'json', 'paste']),
    at: z.number(),
  }),
);
export type Credentials = z.infer<typeof Credentials>;
export const credentialsItem = defineValidatedItem('session:credentials', z.nullable(Credentials), {
  fallback: null,
  version: 1,
});

// ---------------------------------------------------------------------------------------------
// The Odoo side: what Odoo confirmed, the monitor (schemas in lib/setup/odoo-state.ts), the diagnoses.

export const odooGmailItem = defineValidatedItem('local:odooGmail', z.nullable(OdooGmailState), { fallback: null, version: 1 });
export const monitorItem = defineValidatedItem('local:monitor', z.nullable(MonitorState), { fallback: null, version: 1 });
/**
 * The Odoo origins that refused to count the refresh token (a field they cannot search: the newest master,
 * odoo-gmail.md §1.2): the monitor reads it as a boolean there at once, one round trip less on every check.
 */
export const tokenCountRefusedItem = defineValidatedItem('local:tokenCountRefused', z.array(z.string()), {
  fallback: [],
  version: 1,
});
/** At most one diagnosis per step: the latest failure there is the one to fix (lib/troubleshoot/store.ts). */
export const diagnosesItem = defineValidatedItem('local:diagnoses', z.array(StoredDiagnosis), { fallback: [], version: 1 });
/** The connect a 7-day warning was shown for: one warning per connect (lib/background/testing-expiry.ts). */
export const expiryWarningItem = defineValidatedItem(
  'local:testingExpiryWarning',
  z.nullable(z.object({ connectAt: z.number(), warnedAt: z.number() })),
  { fallback: null, version: 1 },
);

// ---------------------------------------------------------------------------------------------
// The Console assistant's session state.

/**
 * "Set up Google Cloud for Odoo" (lib/background/autopilot.ts): kept in `storage.session`, the run is the
 * person's click of this browser session.
 */
const Autopilot = z.lazy(() => z.object({ startedAt: z.number() }));
export const autopilotItem = defineValidatedItem('session:googleSetup', z.nullable(Autopilot), { fallback: null, version: 1 });

/**
 * A project creation the person started on `/projectcreate`, until the Console proves it (the
 * dashboard of that project, or the "Navigate to … project" notification — google-console.md §3.1).
 * Session storage: a creation left pending is meaningless after a browser restart.
 */
const PendingProject = z.lazy(() =>
  z.object({ projectId: z.nullable(z.string()), fromProject: z.nullable(z.string()), at: z.number() }),
);
export const pendingProjectItem = defineValidatedItem('session:consolePendingProject', z.nullable(PendingProject), {
  fallback: null,
  version: 1,
});

/**
 * Reloads the person made from the panel of a page whose `main` stayed blank (google-console-2026.md §12:
 * "reload up to 3 times"): counted across the reloads, so the panel stops offering one after the third.
 * Session storage; a count older than `RELOADS_MS` (lib/background/console.ts) or for another page starts again.
 */
const ConsoleReloads = z.lazy(() => z.object({ page: z.enum(PAGE_IDS), count: z.int().check(z.minimum(0)), at: z.number() }));
export const consoleReloadsItem = defineValidatedItem('session:consoleReloads', z.nullable(ConsoleReloads), {
  fallback: null,
  version: 1,
});
