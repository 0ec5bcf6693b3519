/**
 * `ir.model`, for the incoming server's "Create a New Record" (`object_id`, captures fact 21). Only the
 * models the flows name; their ids are the recorded databases' (step 20 of each version).
 */
import type { Db } from '../db.ts';
import { requireSystem } from './access.ts';
import { searchRead } from './fields.ts';
import type { Model } from './types.ts';

/** `res.partner`'s id in the recorded databases (incoming step 20): 84, 85, 85, 87, 90. */
const PARTNER_ID: Record<number, number> = { 15: 84, 16: 85, 17: 85, 18: 87, 19: 90 };

function rows(db: Db): Record<string, unknown>[] {
  const partner = PARTNER_ID[db.profile.major] ?? 85;
  return [
    { id: partner, model: 'res.partner', name: 'Contact' },
    { id: partner + 100, model: 'crm.lead', name: 'Lead' },
  ];
}

export const irModelName = (db: Db, id: number): string => String(rows(db).find((r) => r.id === id)?.name ?? `ir.model,${id}`);

export const irModel: Model = {
  name: 'ir.model',
  methods: {
    search_read(ctx, args, kwargs) {
      requireSystem(ctx, 'ir.model');
      return searchRead(rows(ctx.db), args, kwargs);
    },
  },
};
