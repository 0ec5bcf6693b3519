/**
 * Binds handlers to the protocol (lib/protocol.ts): every inbound message is checked for its sender and
 * its payload (zod) before a handler sees it; a handler that throws answers with an error, never with
 * silence.
 */
import { msg } from '../i18n';
import { onMessage } from '../messaging';
import { type MessageName, type Payload, type ProtocolMap, protocol, type Reply, type ReplyOf } from '../protocol';
import { type SenderLike, senderKind } from './senders';

export type Handler<N extends MessageName> = (data: Payload<N>, sender: SenderLike) => Promise<ReplyOf<N>>;
/**
 * One handler for each message of the table, and nothing else: the background's handler object is
 * checked with `satisfies Handlers`, so a message without its handler, or a handler without its message,
 * does not compile.
 */
export type Handlers = { [N in MessageName]: Handler<N> };

/** The checks, apart from the transport, so that tests can call them with any sender and payload. */
export async function dispatch<N extends MessageName>(
  name: N,
  handler: Handler<N>,
  data: unknown,
  sender: SenderLike,
): Promise<ReplyOf<N> | Reply<never>> {
  const kind = senderKind(sender);
  const allowed: readonly string[] = protocol[name].from;
  if (!kind || !allowed.includes(kind)) return { ok: false, error: msg('err.sender') };
  const parsed = protocol[name].payload().safeParse(data);
  if (!parsed.success) return { ok: false, error: msg('err.payload', { name }) };
  try {
    return await handler(parsed.data as Payload<N>, sender);
  } catch (error) {
    return { ok: false, error: msg('err.internal', { detail: error instanceof Error ? error.name : 'unknown' }) };
  }
}

let answered = false;
const deferred: (() => void)[] = [];

/**
 * Start-up work that no message waits for (the host facts' refresh): it runs once this background's first
 * message has been answered, so that its storage calls do not go before that reply — a stopped service
 * worker is usually woken by a message (the popup's, on open). After that first reply, at once.
 */
export function afterFirstReply(task: () => void): void {
  if (answered) task();
  else deferred.push(task);
}

function replied(): void {
  if (answered) return;
  answered = true;
  // A task of its own: the reply (sent from a promise callback of this turn) has left before it runs.
  setTimeout(() => {
    for (const task of deferred.splice(0)) task();
  });
}

function route<N extends MessageName>(name: N, handler: Handler<N>): () => void {
  return onMessage(name, async ({ data, sender }) => {
    const reply = await dispatch(name, handler, data, sender as SenderLike);
    replied();
    return reply as ReturnType<ProtocolMap[N]>;
  });
}

/** Listens for every message of the table, each with its handler; the returned function stops them all. */
export function routeAll(handlers: Handlers): () => void {
  const names = Object.keys(protocol) as MessageName[];
  const stops = names.map(<N extends MessageName>(name: N) => route(name, handlers[name]));
  return () => {
    for (const stop of stops) stop();
  };
}
