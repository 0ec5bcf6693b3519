/**
 * The one protocol between the extension's contexts (popup, content scripts) and its background.
 * Names, payloads and replies are declared here; payloads are zod-validated by the background before
 * any handler runs, and each message says which senders may use it.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { z } from 'zod';
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
} as const satisfies Record<string, { from: readonly SenderKind[]; payload: z.ZodType }>;

export interface ProtocolMap {
  saveSetup(data: SetupInput): Reply<Setup>;
  probeOdoo(data: Record<string, never>): Reply<ProbeResult>;
}

export type MessageName = keyof ProtocolMap & keyof typeof protocol;

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
