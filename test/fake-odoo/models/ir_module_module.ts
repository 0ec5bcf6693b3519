/** `ir.module.module` (odoo-gmail.md §8.5): readable by internal users, buttons for admins. */
import { matchDomain } from '../db.ts';
import { pick } from './fields.ts';
import type { Model } from './types.ts';

export const irModuleModule: Model = {
  name: 'ir.module.module',
  methods: {
    search_read(ctx, args, kwargs) {
      const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      return [...ctx.db.modules.values()]
        .filter((m) => matchDomain(m as unknown as Record<string, unknown>, domain))
        .map((m) => pick(m as unknown as Record<string, unknown>, fields));
    },
  },
};
