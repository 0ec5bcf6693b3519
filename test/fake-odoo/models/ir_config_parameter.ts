/** `ir.config_parameter` get_param/set_param/search_count: `base.group_system` only (odoo-gmail.md §8.3). */
import { matchDomain } from '../db.ts';
import { requireSystem } from './access.ts';
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
  },
};
