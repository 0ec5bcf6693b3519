/**
 * The one protocol between the extension's contexts (popup, content scripts) and its background. Each
 * message is declared once, in `protocol`: who may send it, its payload (a zod schema the background
 * parses before any handler runs) and its reply (a type only — see `reply`). Everything else is derived
 * from the table: `ProtocolMap` (what `sendMessage` checks, lib/messaging.ts) and the background's
 * `Handlers` (lib/background/router.ts), so a message without its handler does not compile.
 *
 * Only the background imports this module's values. The popup and the content scripts import its types
 * (`import type`), so zod never reaches the Console's bundles.
 *
 * Each payload is a `schema(() => …)`: built on the first message of its kind, not when the background
 * starts — a service worker woken by one message builds that message's schema only.
 */
import * as z from 'zod/mini';
import { PAGE_IDS } from './console/detect';
import { CONSOLE_PARTS, CONSOLE_STEPS, type ConsoleContext, REASONS } from './console/types';
import { CLIENT_ID_LENIENT_RE } from './google/client-formats';
import type { Msg } from './i18n';
import type { PersonalList } from './odoo/gmail-personal';
import type { ModuleAction } from './odoo/gmail-setup';
import type { ModuleInfo, ProbeResult } from './odoo/probe';
import type { MonitorState } from './setup/odoo-state';
import { type Setup, type SetupErrors, SetupInput } from './setup/setup';
import type { IncomingSetup } from './state/incoming';
import type { PublishLinks } from './state/items';
import type { PersonalSetup } from './state/personal';
import type { Diagnosis } from './troubleshoot/sign-in';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: Msg; fieldErrors?: SetupErrors };

/** Who may send a message: the extension's own pages, its content script on the Console, or its
 *  content script on Google's sign-in error pages (the troubleshooter). */
export type SenderKind = 'extensionPage' | 'consoleContent' | 'signInContent';

declare const REPLY: unique symbol;
/** A message's reply value, held by the table as a type only: nothing of it exists at run time. */
export interface Replies<T> {
  readonly [REPLY]: T;
}
/**
 * `reply: reply<Setup>()` — the message answers `Reply<Setup>`. Replies come from our own background, so
 * they are typed, not parsed: no schema is built for them.
 */
const reply = <T>(): Replies<T> => ({}) as Replies<T>;

/** A payload's schema, built on first use and kept: `protocol[name].payload()`. */
type LazySchema<S extends z.ZodMiniType> = () => S;
const schema = <S extends z.ZodMiniType>(build: () => S): LazySchema<S> => {
  let built: S | undefined;
  return () => {
    built ??= build();
    return built;
  };
};

/** A payload with nothing in it: `{}`, and no extra field. */
const nothing = schema(() => z.strictObject({}));

/** Project ID (google-console.md §5.4) or project number (§1: numbers work in links too). */
const projectRef = () => z.string().check(z.regex(/^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]|\d{1,20})$/));

/** What the Console assistant reports: a step's progress and the facts the page showed. */
const ConsoleReport = schema(() => {
  const ProjectRef = projectRef();
  return z
    .strictObject({
      /** The page it was read on; null for a Console page outside the journey (a pending project's notification). */
      page: z.nullable(z.enum(PAGE_IDS)),
      step: z.optional(z.enum(CONSOLE_STEPS)),
      state: z.optional(z.enum(['inProgress', 'done', 'attention'])),
      /** The person reloads the page because its `main` stayed blank (2026 §12): counted, up to 3 tries. */
      reload: z.optional(z.literal(true)),
      reason: z.optional(z.strictObject({ code: z.enum(REASONS), field: z.optional(z.string().check(z.maxLength(120))) })),
      /** What the page showed (read by the content script), each validated on its own. */
      facts: z.optional(
        z.strictObject({
          projectId: z.optional(ProjectRef),
          pendingProject: z.optional(z.strictObject({ projectId: z.nullable(ProjectRef), fromProject: z.nullable(ProjectRef) })),
          audience: z.optional(z.enum(['internal', 'external'])),
          publishing: z.optional(z.enum(['testing', 'production'])),
          authorizedDomains: z.optional(z.array(z.string().check(z.regex(/^[a-z0-9.-]{1,253}$/))).check(z.maxLength(100))),
          testUsers: z.optional(z.array(z.email().check(z.maxLength(320))).check(z.maxLength(100))),
          redirectUris: z.optional(z.array(z.url().check(z.maxLength(2048))).check(z.maxLength(100))),
          clientId: z.optional(z.string().check(z.regex(CLIENT_ID_LENIENT_RE))),
        }),
      ),
    })
    .check(z.refine((r) => !r.state || r.step, { message: 'a state needs its step' }));
});

/** What the sign-in error page's content script read from the page's URL (lib/google/auth-error.ts). */
const SignInErrorReport = schema(() =>
  z.strictObject({
    code: z.string().check(z.maxLength(100)),
    message: z.nullable(z.string().check(z.maxLength(2000))),
    clientId: z.nullable(z.string().check(z.maxLength(200))),
    redirectUri: z.nullable(z.string().check(z.maxLength(2000))),
  }),
);

export const protocol = {
  /** Validate and store the setup form. */
  saveSetup: { from: ['extensionPage'], payload: schema(() => SetupInput), reply: reply<Setup>() },
  /** Probe the stored Odoo origin with the user's session and store the result. */
  probeOdoo: { from: ['extensionPage'], payload: nothing, reply: reply<ProbeResult>() },
  /** The Console assistant captured the client ID and secret from "OAuth client created". */
  captureCredentials: {
    from: ['consoleContent'],
    payload: schema(() =>
      z.strictObject({ clientId: z.string().check(z.maxLength(200)), clientSecret: z.string().check(z.maxLength(200)) }),
    ),
    reply: reply<{ clientId: string }>(),
  },
  /** The person pasted the ID and secret, or imported a client_secret JSON, in the popup. */
  setCredentials: {
    from: ['extensionPage'],
    payload: schema(() =>
      z.strictObject({
        clientId: z.string().check(z.maxLength(200)),
        clientSecret: z.string().check(z.maxLength(200)),
        source: z.enum(['json', 'paste']),
      }),
    ),
    reply: reply<{ clientId: string }>(),
  },
  // ── Console assistant: lib/console/, handlers in lib/background/console.ts ──
  /** The content script on a Console page asks for the values to fill and what is already known. */
  consoleContext: {
    from: ['consoleContent'],
    payload: schema(() => z.strictObject({ page: z.enum(PAGE_IDS) })),
    reply: reply<ConsoleContext>(),
  },
  /** The content script reports a step's progress and the facts the page showed. */
  consoleReport: { from: ['consoleContent'], payload: ConsoleReport, reply: reply<null>() },
  // ── Console assistant loader: lib/console/loader.ts, handler in lib/background/console-loader.ts ──
  /** The Console loader recognized a page of the journey: inject the assistant into its document. */
  loadConsoleAssistant: {
    from: ['consoleContent'],
    payload: schema(() => z.strictObject({ page: z.enum(PAGE_IDS) })),
    reply: reply<null>(),
  },
  /** The assistant needs one of its parts injected only on demand (lib/console/kit.ts): inject it into its document. */
  loadConsolePart: {
    from: ['consoleContent'],
    payload: schema(() => z.strictObject({ part: z.enum(CONSOLE_PARTS) })),
    reply: reply<null>(),
  },
  /**
   * The person's click leaves something for the page it leads to (lib/state/handoff.ts): the step it already
   * asked for, and whether the assistant opens that page itself (its panel takes the focus there).
   */
  consoleHandoff: {
    from: ['consoleContent'],
    payload: schema(() =>
      z.strictObject({ page: z.nullable(z.enum(PAGE_IDS)), step: z.optional(z.enum(CONSOLE_STEPS)), focus: z.boolean() }),
    ),
    reply: reply<null>(),
  },
  /** The popup's "Set up Google Cloud for Odoo": the whole Google side, then the Odoo side, by itself (lib/background/autopilot.ts). */
  startGoogleSetup: { from: ['extensionPage'], payload: nothing, reply: reply<{ path: string }>() },
  /** The panel's Stop (or the popup's): the run stops moving on by itself. */
  stopGoogleSetup: { from: ['extensionPage', 'consoleContent'], payload: nothing, reply: reply<null>() },
  /**
   * The panel's click after the capture: save the credentials in Odoo, create or update the mail server,
   * open Google's consent page — the popup's three Odoo buttons in one.
   */
  finishInOdoo: {
    from: ['consoleContent'],
    payload: nothing,
    reply: reply<{ clientId: string; server: 'created' | 'updated'; via: 'google' | 'relay' }>(),
  },

  // --- Odoo side: module, credentials into settings, mail server, connect, monitor. ---
  /** Install google_gmail, or upgrade it when the database holds an older version; then re-probe. */
  installGmailModule: { from: ['extensionPage'], payload: nothing, reply: reply<{ action: ModuleAction; module: ModuleInfo }>() },
  /** Which credentials wait to be saved in Odoo: the Client ID and whether a secret is there (never the secret). */
  pendingCredentials: {
    from: ['extensionPage'],
    payload: nothing,
    reply: reply<{ clientId: string | null; hasSecret: boolean; source: 'console' | 'json' | 'paste' | null }>(),
  },
  /** Write the pending Client ID and secret into Odoo's settings, confirm, wipe the secret. */
  saveCredentialsToOdoo: { from: ['extensionPage'], payload: nothing, reply: reply<{ clientId: string }>() },
  /** Create, or find and update, the Gmail outgoing server for the setup's address. */
  setupMailServer: { from: ['extensionPage'], payload: nothing, reply: reply<{ id: number; action: 'created' | 'updated' }>() },
  /** Open Google's consent page for the server ("Connect your Gmail account"). */
  connectGmail: { from: ['extensionPage'], payload: nothing, reply: reply<{ via: 'google' | 'relay' }>() },
  /**
   * The popup opened: read Odoo's web.base.url and its freeze flag again (an administrator's login
   * elsewhere rewrites it), so the redirect URI shown is Odoo's current one.
   */
  recheckBaseUrl: { from: ['extensionPage'], payload: nothing, reply: reply<ProbeResult | null>() },
  /** Check the token and run Test Connection now. */
  checkGmail: {
    from: ['extensionPage'],
    payload: schema(() => z.strictObject({ trigger: z.enum(['manual', 'popup']) })),
    reply: reply<MonitorState>(),
  },

  // --- Troubleshooter: lib/troubleshoot/, handlers in lib/background/troubleshoot.ts ---
  /** Google showed a sign-in error page: diagnose it with what the extension knows, and remember it. */
  diagnoseSignIn: { from: ['signInContent'], payload: SignInErrorReport, reply: reply<Diagnosis>() },
  /** The person confirmed Odoo's address: set web.base.url to it and web.base.url.freeze = True. */
  freezeBaseUrl: {
    from: ['extensionPage'],
    payload: schema(() => z.strictObject({ baseUrl: z.string().check(z.maxLength(500)) })),
    reply: reply<{ baseUrl: string }>(),
  },
  /** The person's App home page and privacy policy link for Publish app (checked: https, on an authorized domain). */
  setPublishLinks: {
    from: ['extensionPage'],
    payload: schema(() =>
      z.strictObject({ home: z.string().check(z.maxLength(2000)), privacy: z.string().check(z.maxLength(2000)) }),
    ),
    reply: reply<PublishLinks>(),
  },
  /** The person chose Testing or production for an External app; production makes the assistant guide "Publish app". */
  choosePublishing: {
    from: ['extensionPage'],
    payload: schema(() => z.strictObject({ choice: z.enum(['testing', 'production']) })),
    reply: reply<null>(),
  },

  // --- Incoming Gmail: lib/odoo/gmail-incoming.ts, handlers in lib/background/incoming.ts ---
  /** "Also receive mail from this Gmail": create or update the incoming server, open Google's consent. */
  receiveMail: { from: ['extensionPage'], payload: nothing, reply: reply<{ action: 'created' | 'updated' | 'unchanged' }>() },
  /** Run Odoo's Test & Confirm on the incoming server again, and read what Odoo holds. */
  confirmIncoming: { from: ['extensionPage'], payload: nothing, reply: reply<IncomingSetup>() },
  /** The administrator's test users to add at once on the Audience page (lib/background/test-users.ts). */
  setTestUsersWanted: {
    from: ['extensionPage'],
    payload: schema(() => z.strictObject({ emails: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(200)) })),
    reply: reply<{ emails: string[] }>(),
  },
  // --- Many databases.
  /** A setup file a colleague exported (lib/setup/setup-file.ts), as its text: read and checked in the background. */
  importSetup: {
    from: ['extensionPage'],
    payload: schema(() => z.strictObject({ text: z.string().check(z.maxLength(64 * 1024)) })), // MAX_SETUP_FILE_BYTES
    reply: reply<{ origin: string }>(),
  },

  // --- Odoo 19 personal servers: lib/odoo/gmail-personal.ts, handlers in lib/background/personal.ts ---
  /** What Odoo holds for the signed-in user: the address it checks, "Use Custom Email Servers", their server. */
  readMine: { from: ['extensionPage'], payload: nothing, reply: reply<PersonalSetup>() },
  /** "Connect my own Gmail": the user's personal server and Google's consent for it. */
  connectMine: { from: ['extensionPage'], payload: nothing, reply: reply<null>() },
  /** Odoo's test of the user's personal server, and the user's read. */
  testMine: { from: ['extensionPage'], payload: nothing, reply: reply<PersonalSetup>() },
  /** The administrator's list of personal servers, and the per-minute limit. */
  listPersonal: { from: ['extensionPage'], payload: nothing, reply: reply<PersonalList>() },
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: LazySchema<z.ZodMiniType>; reply: Replies<unknown> }>;

type Protocol = typeof protocol;
export type MessageName = keyof Protocol;
/** A message's payload as the background's handler receives it (parsed by its schema). */
export type Payload<N extends MessageName> = z.output<ReturnType<Protocol[N]['payload']>>;
/** What a message answers. */
export type ReplyOf<N extends MessageName> = Reply<Protocol[N]['reply'][typeof REPLY]>;

/**
 * The table as @webext-core/messaging reads it (its function syntax: the payload a sender passes in), the
 * reply it gets back), for `sendMessage` and `onMessage` (lib/messaging.ts).
 */
export type ProtocolMap = { [N in MessageName]: (data: z.input<ReturnType<Protocol[N]['payload']>>) => ReplyOf<N> };

/** The Console assistant's report (`consoleReport`), as lib/console/step.ts builds it. */
export type ConsoleReport = Payload<'consoleReport'>;
/** The sign-in error page's report (`diagnoseSignIn`). */
export type SignInErrorReport = Payload<'diagnoseSignIn'>;
