/**
 * `callKw` with a zod schema for the reply and the context this feature sends with every call; a call
 * Odoo rolled back for a concurrent write is sent once more.
 *
 * The context asks for `lang: en_US`: Odoo translates its error texts into the user's language
 * (`_()` reads the context's lang), and the monitor recognises failures by their English wording
 * (odoo-gmail.md §5). English is Odoo's source language, so it is always available; the person still
 * reads the text verbatim, next to a reading in their own language.
 */
import type * as z from 'zod/mini';
import { isConcurrencyFailure, OdooRpcError } from './errors';
import { callKw, type RpcOptions } from './rpc';

export const ODOO_CONTEXT = { lang: 'en_US' } as const;

export async function callParsed<T>(
  origin: string,
  model: string,
  method: string,
  args: unknown[],
  schema: z.ZodMiniType<T>,
  options: { kwargs?: Record<string, unknown>; context?: Record<string, unknown> } & RpcOptions = {},
): Promise<T> {
  const { kwargs = {}, context = {}, ...rpc } = options;
  const send = () => callKw(origin, model, method, args, { ...kwargs, context: { ...ODOO_CONTEXT, ...context } }, rpc);
  let raw: unknown;
  try {
    raw = await send();
  } catch (error) {
    // A concurrent write won, and Odoo rolled this call back (odoo-gmail.md §8.7): once more, then its answer stands.
    if (!isConcurrencyFailure(error)) throw error;
    raw = await send();
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new OdooRpcError('badReply', `Unexpected reply to ${model}.${method}`);
  return parsed.data;
}
