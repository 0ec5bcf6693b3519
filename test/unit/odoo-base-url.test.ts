/**
 * web.base.url through the Odoo client (lib/odoo/base-url.ts): freezing it sends the client's `en_US`
 * context with each write, so a refusal comes back in the English the error messages recognise
 * (odoo-gmail.md §5); the background never calls the transport itself.
 */
import { describe, expect, it } from 'vitest';
import { setFrozenBaseUrl } from '@/lib/odoo/base-url';
import { ODOO_CONTEXT } from '@/lib/odoo/call';
import { OdooRpcError } from '@/lib/odoo/errors';
import { replay } from './odoo-replay';

const ORIGIN = 'https://acme.odoo.com';

describe('setFrozenBaseUrl', () => {
  it('sets web.base.url, then the freeze flag, each with the en_US context', async () => {
    const r = replay(() => ({ json: { jsonrpc: '2.0', id: 1, result: false } }));
    await setFrozenBaseUrl(ORIGIN, 'https://odoo.example.com', { fetch: r.fetch });
    expect(r.calls.map((c) => c.url)).toEqual([
      `${ORIGIN}/web/dataset/call_kw/ir.config_parameter/set_param`,
      `${ORIGIN}/web/dataset/call_kw/ir.config_parameter/set_param`,
    ]);
    expect(r.calls.map((c) => c.body.params)).toEqual([
      {
        model: 'ir.config_parameter',
        method: 'set_param',
        args: ['web.base.url', 'https://odoo.example.com'],
        kwargs: { context: { lang: 'en_US' } },
      },
      {
        model: 'ir.config_parameter',
        method: 'set_param',
        args: ['web.base.url.freeze', 'True'],
        kwargs: { context: { lang: 'en_US' } },
      },
    ]);
    expect(ODOO_CONTEXT).toEqual({ lang: 'en_US' });
  });

  it("stops at Odoo's refusal of the first write: the flag is never set on an unchanged address", async () => {
    const r = replay(() => ({
      json: {
        jsonrpc: '2.0',
        id: 1,
        error: {
          code: 200,
          message: 'Odoo Server Error',
          data: { name: 'odoo.exceptions.AccessError', message: 'Access Denied' },
        },
      },
    }));
    await expect(setFrozenBaseUrl(ORIGIN, 'https://odoo.example.com', { fetch: r.fetch })).rejects.toBeInstanceOf(OdooRpcError);
    expect(r.calls).toHaveLength(1);
  });
});
