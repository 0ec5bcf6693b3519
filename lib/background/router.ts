/**
 * Binds handlers to the protocol: every inbound message is checked for its sender and its payload
 * (zod) before a handler sees it; a handler that throws answers with an error, never with silence.
 */
import type { z } from 'zod';
import { msg } from '../i18n';
import { type MessageName, onMessage, type ProtocolMap, protocol, type Reply } from '../messaging';
import { type SenderLike, senderKind } from './senders';

type Payload<N extends MessageName> = z.infer<(typeof protocol)[N]['payload']>;
type Result<N extends MessageName> = ReturnType<ProtocolMap[N]>;
export type Handler<N extends MessageName> = (data: Payload<N>, sender: SenderLike) => Promise<Result<N>>;

/** The checks, apart from the transport, so that tests can call them with any sender and payload. */
export async function dispatch<N extends MessageName>(
  name: N,
  handler: Handler<N>,
  data: unknown,
  sender: SenderLike,
): Promise<Result<N> | Reply<never>> {
  const kind = senderKind(sender);
  const allowed: readonly string[] = protocol[name].from;
  if (!kind || !allowed.includes(kind)) return { ok: false, error: msg('err.sender') };
  const parsed = protocol[name].payload.safeParse(data);
  if (!parsed.success) return { ok: false, error: msg('err.payload', { name }) };
  try {
    return await handler(parsed.data as Payload<N>, sender);
  } catch (error) {
    return { ok: false, error: msg('err.internal', { detail: error instanceof Error ? error.name : 'unknown' }) };
  }
}

export function route<N extends MessageName>(name: N, handler: Handler<N>): () => void {
  return onMessage(name, ({ data, sender }) => dispatch(name, handler, data, sender as SenderLike) as Promise<Result<N>>);
}
