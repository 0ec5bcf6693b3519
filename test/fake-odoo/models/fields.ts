/** `read`/`search_read` keep `id` and the requested fields; unknown fields are Odoo's ValueError. */
import { OdooException } from '../errors.ts';

export function pick(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  if (fields.length === 0) return { ...record };
  const out: Record<string, unknown> = { id: record.id };
  for (const field of fields) {
    if (!(field in record)) throw new OdooException('builtins.ValueError', `Invalid field '${field}' on model`);
    out[field] = record[field];
  }
  return out;
}
