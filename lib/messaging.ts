/**
 * The one protocol between the extension's contexts (popup, content scripts) and its background.
 * Names, payloads and replies are declared here; payloads are zod-validated by the background before
 * any handler runs, and each message says which senders may use it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
import { type ConsoleContext, ConsoleContextRequest, ConsoleReport } from './console/protocol';
import type { Msg } from './i18n';
import type { ProbeResult } from './odoo/probe';
import { type Setup, type SetupErrors, SetupInput } from './setup/setup';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: Msg; fieldErrors?: SetupErrors };

/** Who may send a message: the extension's own pages, or its content script on the Console. */
export type SenderKind = 'extensionPage' | 'consoleContent';

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
  // ── Console assistant (issue 4): lib/console/, handlers in lib/background/console.ts ──
  /** The content script on a Console page asks for the values to fill and what is already known. */
  consoleContext: { from: ['consoleContent'], payload: ConsoleContextRequest },
  /** The content script reports a step's progress and the facts the page showed. */
  consoleReport: { from: ['consoleContent'], payload: ConsoleReport },
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: z.ZodType }>;

export interface ProtocolMap {
  saveSetup(data: SetupInput): Reply<Setup>;
  probeOdoo(data: Record<string, never>): Reply<ProbeResult>;
  captureCredentials(data: { clientId: string; clientSecret: string }): Reply<{ clientId: string }>;
  setCredentials(data: { clientId: string; clientSecret: string; source: 'json' | 'paste' }): Reply<{ clientId: string }>;
  // ── Console assistant (issue 4) ──
  consoleContext(data: ConsoleContextRequest): Reply<ConsoleContext>;
  consoleReport(data: ConsoleReport): Reply<null>;
}

export type MessageName = keyof ProtocolMap & keyof typeof protocol;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
