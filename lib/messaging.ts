/**
 * The one protocol between the extension's contexts (popup, content scripts) and its background.
 * Names, payloads and replies are declared here; payloads are zod-validated by the background before
 * any handler runs, and each message says which senders may use it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { PAGE_IDS, type PageId } from './console/detect';
import { type ConsoleContext, ConsoleContextRequest, ConsoleReport } from './console/protocol';
import type { Msg } from './i18n';
import type { ModuleAction } from './odoo/gmail-setup';
import type { ModuleInfo, ProbeResult } from './odoo/probe';
import type { MonitorState } from './setup/odoo-state';
import { type Setup, type SetupErrors, SetupInput } from './setup/setup';
import type { PublishLinks } from './setup/storage';
import type { Diagnosis } from './troubleshoot/sign-in';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: Msg; fieldErrors?: SetupErrors };

/** Who may send a message: the extension's own pages, its content script on the Console, or its
 *  content script on Google's sign-in error pages (the troubleshooter). */
export type SenderKind = 'extensionPage' | 'consoleContent' | 'signInContent';

/** What the sign-in error page's content script read from the page's URL (lib/google/auth-error.ts). */
export const SignInErrorReport = z
  .object({
    code: z.string().max(100),
    message: z.string().max(2000).nullable(),
    clientId: z.string().max(200).nullable(),
    redirectUri: z.string().max(2000).nullable(),
  })
  .strict();
export type SignInErrorReport = z.infer<typeof SignInErrorReport>;

export const protocol = {
  /** Validate and store the setup form. */
  saveSetup: { from: ['extensionPage'], payload: SetupInput },
  /** Probe the stored Odoo origin with the user's session and store the result. */
  probeOdoo: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** The Console assistant captured the client ID and secret from "OAuth client created". */
  captureCredentials: {
    from: ['consoleContent'],
    payload: z.object({ clientId: z.string().max(200), clientSecret: z.string().max(200) }).strict(),
  },
  /** The person pasted the ID and secret, or imported a client_secret JSON, in the popup. */
  setCredentials: {
    from: ['extensionPage'],
    payload: z
      .object({ clientId: z.string().max(200), clientSecret: z.string().max(200), source: z.enum(['json', 'paste']) })
      .strict(),
  },
  // ── Console assistant: lib/console/, handlers in lib/background/console.ts ──
  /** The content script on a Console page asks for the values to fill and what is already known. */
  consoleContext: { from: ['consoleContent'], payload: ConsoleContextRequest },
  /** The content script reports a step's progress and the facts the page showed. */
  consoleReport: { from: ['consoleContent'], payload: ConsoleReport },
  // ── Console assistant loader: lib/console/loader.ts, handler in lib/background/console-loader.ts ──
  /** The Console loader recognized a page of the journey: inject the assistant into its document. */
  loadConsoleAssistant: { from: ['consoleContent'], payload: z.object({ page: z.enum(PAGE_IDS) }).strict() },
  /** The assistant is about to open the next page of the journey itself (its panel takes the focus there). */
  consoleArrival: { from: ['consoleContent'], payload: z.object({ page: z.enum(PAGE_IDS) }).strict() },
  /** The popup's "Set up Google Cloud for Odoo": the whole Google side, then the Odoo side, by itself (lib/background/autopilot.ts). */
  startGoogleSetup: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** The panel's Stop (or the popup's): the run stops moving on by itself. */
  stopGoogleSetup: { from: ['extensionPage', 'consoleContent'], payload: z.object({}).strict() },
  /**
   * The panel's click after the capture: save the credentials in Odoo, create or update the mail server,
   * open Google's consent page — the popup's three Odoo buttons in one.
   */
  finishInOdoo: { from: ['consoleContent'], payload: z.object({}).strict() },

  // --- Odoo side: module, credentials into settings, mail server, connect, monitor. ---
  /** Install google_gmail, or upgrade it when the database holds an older version; then re-probe. */
  installGmailModule: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** Which credentials wait to be saved in Odoo: the Client ID and whether a secret is there (never the secret). */
  pendingCredentials: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** Write the pending Client ID and secret into Odoo's settings, confirm, wipe the secret. */
  saveCredentialsToOdoo: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** Create, or find and update, the Gmail outgoing server for the setup's address. */
  setupMailServer: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** Open Google's consent page for the server ("Connect your Gmail account"). */
  connectGmail: { from: ['extensionPage'], payload: z.object({}).strict() },
  /**
   * The popup opened: read Odoo's web.base.url and its freeze flag again (an administrator's login
   * elsewhere rewrites it), so the redirect URI shown is Odoo's current one.
   */
  recheckBaseUrl: { from: ['extensionPage'], payload: z.object({}).strict() },
  /** Check the token and run Test Connection now. */
  checkGmail: { from: ['extensionPage'], payload: z.object({ trigger: z.enum(['manual', 'popup']) }).strict() },

  // --- Troubleshooter: lib/troubleshoot/, handlers in lib/background/troubleshoot.ts ---
  /** Google showed a sign-in error page: diagnose it with what the extension knows, and remember it. */
  diagnoseSignIn: { from: ['signInContent'], payload: SignInErrorReport },
  /** The person confirmed Odoo's address: set web.base.url to it and web.base.url.freeze = True. */
  freezeBaseUrl: { from: ['extensionPage'], payload: z.object({ baseUrl: z.string().max(500) }).strict() },
  /** The person's App home page and privacy policy link for Publish app (checked: https, on an authorized domain). */
  setPublishLinks: {
    from: ['extensionPage'],
    payload: z.object({ home: z.string().max(2000), privacy: z.string().max(2000) }).strict(),
  },
  /** The person chose Testing or production for an External app; production makes the assistant guide "Publish app". */
  choosePublishing: { from: ['extensionPage'], payload: z.object({ choice: z.enum(['testing', 'production']) }).strict() },
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: z.ZodType }>;

export interface ProtocolMap {
  saveSetup(data: SetupInput): Reply<Setup>;
  probeOdoo(data: Record<string, never>): Reply<ProbeResult>;
  captureCredentials(data: { clientId: string; clientSecret: string }): Reply<{ clientId: string }>;
  setCredentials(data: { clientId: string; clientSecret: string; source: 'json' | 'paste' }): Reply<{ clientId: string }>;
  // ── Console assistant ──
  consoleContext(data: ConsoleContextRequest): Reply<ConsoleContext>;
  consoleReport(data: ConsoleReport): Reply<null>;
  // ── Console assistant loader ──
  loadConsoleAssistant(data: { page: PageId }): Reply<null>;
  consoleArrival(data: { page: PageId }): Reply<null>;
  startGoogleSetup(data: Record<string, never>): Reply<{ path: string }>;
  stopGoogleSetup(data: Record<string, never>): Reply<null>;
  finishInOdoo(data: Record<string, never>): Reply<{ clientId: string; server: 'created' | 'updated'; via: 'google' | 'relay' }>;
  // --- Odoo side.
  installGmailModule(data: Record<string, never>): Reply<{ action: ModuleAction; module: ModuleInfo }>;
  pendingCredentials(
    data: Record<string, never>,
  ): Reply<{ clientId: string | null; hasSecret: boolean; source: 'console' | 'json' | 'paste' | null }>;
  saveCredentialsToOdoo(data: Record<string, never>): Reply<{ clientId: string }>;
  setupMailServer(data: Record<string, never>): Reply<{ id: number; action: 'created' | 'updated' }>;
  connectGmail(data: Record<string, never>): Reply<{ via: 'google' | 'relay' }>;
  recheckBaseUrl(data: Record<string, never>): Reply<ProbeResult | null>;
  checkGmail(data: { trigger: 'manual' | 'popup' }): Reply<MonitorState>;
  // --- Troubleshooter.
  diagnoseSignIn(data: SignInErrorReport): Reply<Diagnosis>;
  freezeBaseUrl(data: { baseUrl: string }): Reply<{ baseUrl: string }>;
  choosePublishing(data: { choice: 'testing' | 'production' }): Reply<null>;
  setPublishLinks(data: { home: string; privacy: string }): Reply<PublishLinks>;
}

export type MessageName = keyof ProtocolMap & keyof typeof protocol;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
