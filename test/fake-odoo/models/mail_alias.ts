/**
 * `mail.alias`: where the mail gateway routes a new message by its recipient's local part. Not in the
 * recordings (their databases had no alias for the Gmail address: captures fact 20); empty unless a
 * test adds rows (`alias_name`, `alias_model_id` as `[id, name]`).
 */
import { searchRead } from './fields.ts';
import type { Model } from './types.ts';

export const MAIL_ALIAS = 'mail.alias';

export const mailAlias: Model = {
  name: MAIL_ALIAS,
  methods: {
    search_read(ctx, args, kwargs) {
      return searchRead([...ctx.db.table(MAIL_ALIAS).values()], args, kwargs);
    },
  },
};
