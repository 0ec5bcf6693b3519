/**
 * The transport of the protocol (lib/protocol.ts) for every context: the popup and the content scripts
 * send with `sendMessage`, the background listens with `onMessage` (lib/background/router.ts). Typed by
 * `ProtocolMap`, imported as a type only: the table's zod schemas stay in the background's bundle, and
 * the Console's bundles carry @webext-core/messaging alone.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

const messenger = defineExtensionMessaging<ProtocolMap>();

export const sendMessage = messenger.sendMessage;
// The background's side as functions, not as properties read when the module loads: a bundle that only
// sends (the Console's loader and assistant, the sign-in error page's script) leaves them out.
export const onMessage: typeof messenger.onMessage = (type, onReceived) => messenger.onMessage(type, onReceived);
export const removeAllListeners = (): void => messenger.removeAllListeners();
