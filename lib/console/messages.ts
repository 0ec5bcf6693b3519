/**
 * The content script's end of the protocol (lib/messaging.ts): the same wire format and message
 * names, typed by `ProtocolMap`, without importing the protocol's zod schemas (the background
 * validates every payload; the content script stays small).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from '../messaging';

export const { sendMessage } = defineExtensionMessaging<ProtocolMap>();
