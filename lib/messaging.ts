/**
 * The transport of the protocol (lib/protocol.ts) for every context: the popup and the content scripts
 * send with `sendMessage`, the background listens with `onMessage` (lib/background/router.ts). Typed by
 * `ProtocolMap`, imported as a type only: the table's zod schemas stay in the background's bundle.
 *
 * The background listens through @webext-core/messaging; the senders use the small `sendMessage` below,
 * which speaks the library's wire format — `{id, type, data, timestamp}` out, `{res}` or `{err}` (a
 * serialized Error) back — so the Console's bundles and the popup do not carry the library's generic
 * messenger, its logger hooks and its error serializer (~1 KB gzip of each Console script).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import type { ProtocolMap } from './protocol';

type Messenger = ReturnType<typeof defineExtensionMessaging<ProtocolMap>>;
/** Built on first use: a bundle that only sends (the Console's loader and assistant, the pages) leaves the library out. */
let messenger: Messenger | undefined;
const listening = (): Messenger => {
  messenger ??= defineExtensionMessaging<ProtocolMap>();
  return messenger;
};

let nextId = Math.floor(Math.random() * 1e4);
type Wire = { res?: unknown; err?: unknown } | undefined;

/** Sends one message of the protocol to the background; resolves with its reply, rejects when none came. */
export const sendMessage = async <N extends keyof ProtocolMap>(
  type: N,
  data: Parameters<ProtocolMap[N]>[0],
): Promise<ReturnType<ProtocolMap[N]>> => {
  const reply = (await browser.runtime.sendMessage({ id: nextId++, type, data, timestamp: Date.now() })) as Wire;
  if (!reply) throw new Error('No response');
  const { err } = reply;
  if (err != null) throw typeof err === 'object' && 'message' in err ? Object.assign(new Error(), err) : err;
  return reply.res as ReturnType<ProtocolMap[N]>;
};
// The background's side as functions, not as properties read when the module loads.
export const onMessage: Messenger['onMessage'] = (type, onReceived) => listening().onMessage(type, onReceived);
export const removeAllListeners = (): void => listening().removeAllListeners();
