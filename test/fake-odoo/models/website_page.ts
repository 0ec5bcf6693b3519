/**
 * `website.page` of the `website` module, only what the extension asks: `search_read` of the pages
 * whose URL matches (the privacy page it proposes for Google's Branding before Publish app). Exists only
 * when the database has a website (DbOptions.website); otherwise the model is unknown, as in Odoo.
 */
import { searchRead } from './fields.ts';
import type { Model } from './types.ts';

export const websitePage: Model = {
  name: 'website.page',
  available: (db) => db.website !== null,
  methods: {
    search_read(ctx, args, kwargs) {
      const rows = (ctx.db.website?.pages ?? []).map((url, i) => ({ id: i + 1, url, name: url.slice(1) || 'Home' }));
      return searchRead(rows, args, kwargs);
    },
  },
};
