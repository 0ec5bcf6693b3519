/**
 * `ir.config_parameter` get_param/set_param/search_count/search_read: `base.group_system` only
 * (odoo-gmail.md §8.3). Rows are `{id, key, value}`, in Odoo's `_order = 'key'` (captures step 16).
 */
import { matchDomain } from '../db.ts';
import { requireSystem } from './access.ts';
import { readRows } from './fields.ts';
import type { Model } from './types.ts';

export const irConfigParameter: Model = {
  name: 'ir.config_parameter',
  methods: {
    get_param(ctx, args, kwargs) {
      requireSystem(ctx, 'ir.config_parameter');
      const key = String(args[0] ?? kwargs.key);
      return ctx.db.params.get(key) ?? args[1] ?? kwargs.default ?? false;
    },
    set_param(ctx, args, kwargs) {
      requireSystem(ctx, 'ir.config_parameter');
      const key = String(args[0] ?? kwargs.key);
      const value = args[1] ?? kwargs.value;
      const old = ctx.db.params.get(key) ?? false;
      if (value === false || value === null || value === '') ctx.db.params.delete(key);
      else ctx.db.params.set(key, String(value));
      return old;
    },
    /** Counting rows answers "is this value stored?" without sending the value back. */
    search_count(ctx, args, kwargs) {
      requireSystem(ctx, 'ir.config_parameter');
      const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
      return [...ctx.db.params.entries()].filter(([key, value]) => matchDomain({ key, value }, domain)).length;
    },
    search_read(ctx, args, kwargs) {
      requireSystem(ctx, 'ir.config_parameter');
      const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const rows = [...ctx.db.params.entries()]
        .filter(([key, value]) => matchDomain({ key, value }, domain))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, value]) => ({ id: ctx.db.paramId(key), key, value }));
      return readRows(ctx.db, 'ir.config_parameter', rows, fields, ['key', 'value']);
    },
  },
};
