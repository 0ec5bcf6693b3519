/**
 * `web.base.url` and its freeze flag, read and written (odoo-gmail.md §9): Odoo sends Google a redirect
 * URI built on `web.base.url`, which every administrator login rewrites unless the flag is set.
 */
import * as z from 'zod/mini';
import { callParsed } from './call';
import { type BaseUrlRead, readBaseUrlFreeze } from './probe';
import { callKw, type RpcOptions } from './rpc';
import { ParamValue } from './schemas';

/** Both parameters, in one round trip (two calls side by side). */
export async function readBaseUrl(origin: string, opts: RpcOptions = {}): Promise<BaseUrlRead> {
  const [value, frozen] = await Promise.all([
    callKw(origin, 'ir.config_parameter', 'get_param', ['web.base.url'], {}, opts),
    readBaseUrlFreeze(origin, opts),
  ]);
  const parsed = ParamValue.safeParse(value);
  return { baseUrl: parsed.success && parsed.data ? parsed.data : null, frozen };
}

/**
 * Sets `web.base.url` to `value`, then the freeze flag, so that the next login does not move it again.
 * Through `callParsed`, with the client's `en_US` context: a refusal comes back in English, the wording
 * the error messages are recognised by. `set_param` answers the previous value, which nothing reads.
 */
export async function setFrozenBaseUrl(origin: string, value: string, opts: RpcOptions = {}): Promise<void> {
  await callParsed(origin, 'ir.config_parameter', 'set_param', ['web.base.url', value], z.unknown(), opts);
  await callParsed(origin, 'ir.config_parameter', 'set_param', ['web.base.url.freeze', 'True'], z.unknown(), opts);
}
