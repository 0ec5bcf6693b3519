/** `read`/`search_read` keep `id` and the requested fields; unknown fields are Odoo's ValueError. */
import { type Db, matchDomain } from '../db.ts';
import { OdooException } from '../errors.ts';

/** "Invalid field 'x' on model 'm'" (15.0–18.0) or "… on 'm'" (19.0) — captures step 09. */
export function invalidField(db: Db, model: string, field: string): OdooException {
  const on = db.profile.major >= 19 ? `'${model}'` : `model '${model}'`;
  return new OdooException('builtins.ValueError', `Invalid field '${field}' on ${on}`);
}

/**
 * The rows of a `read`/`search_read` with only `fields` (all when empty). 17.0+ check the field names
 * first; 15.0–16.0 only when there is a row to read, so an empty search answers `[]` whatever the
 * names (captures step 09: `[]` in 15–16, ValueError in 17–19).
 */
export function readRows(
  db: Db,
  model: string,
  rows: Record<string, unknown>[],
  fields: string[],
  known: Iterable<string>,
): Record<string, unknown>[] {
  if (db.profile.major >= 17 || rows.length > 0) {
    const names = new Set(known);
    const unknown = fields.find((f) => f !== 'id' && !names.has(f));
    if (unknown !== undefined) throw invalidField(db, model, unknown);
  }
  // A known field a stored row lacks (a record a test inserted by hand) reads as Odoo's empty value.
  return rows.map((r) =>
    fields.length === 0 ? { ...r } : Object.fromEntries(['id', ...fields].map((f) => [f, f in r ? r[f] : false])),
  );
}

export function pick(record: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  if (fields.length === 0) return { ...record };
  const out: Record<string, unknown> = { id: record.id };
  for (const field of fields) {
    if (!(field in record)) throw new OdooException('builtins.ValueError', `Invalid field '${field}' on model`);
    out[field] = record[field];
  }
  return out;
}

/** `search_read` over plain rows: the domain and fields positional or by keyword, and `limit` when given. */
export function searchRead(
  rows: Record<string, unknown>[],
  args: unknown[],
  kwargs: Record<string, unknown>,
): Record<string, unknown>[] {
  const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
  const fields = (args[1] ?? kwargs.fields ?? []) as string[];
  const limit = typeof kwargs.limit === 'number' ? kwargs.limit : undefined;
  return rows
    .filter((r) => matchDomain(r, domain))
    .slice(0, limit)
    .map((r) => pick(r, fields));
}
