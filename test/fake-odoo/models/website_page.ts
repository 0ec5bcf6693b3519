/**
 * `website.page` of the `website` module, only what the extension asks: `search_read` of the pages
 * whose URL matches (the privacy page it proposes for Google's Branding before Publish app). Exists only
 * when the database has a website (DbOptions.website); otherwise the model is unknown, as in Odoo.
 */
import { matchDomain } from '../db.ts';
import { pick } from './fields.ts';
import type { Model } from './types.ts';

export const websitePage: Model = {
  name: 'website.page',
  available: (db) => db.website !== null,
  methods: {
    search_read(ctx, args, kwargs) {
      const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const limit = typeof kwargs.limit === 'number' ? kwargs.limit : undefined;
      const rows = (ctx.db.website?.pages ?? []).map((url, i) => ({ id: i + 1, url, name: url.slice(1) || 'Home' }));
      return rows
        .filter((r) => matchDomain(r, domain))
        .slice(0, limit)
        .map((r) => pick(r, fields));
    },
  },
};
