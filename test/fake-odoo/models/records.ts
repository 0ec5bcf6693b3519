/**
 * What Odoo's ORM does the same way for every model the fake keeps as rows: `fields_get`, `browse`'s
 * MissingError, `create` with defaults, `write`, and google_gmail's consent action (odoo-gmail.md §6,
 * captures facts 9 and 16). The models give their fields and their constraints.
 */
import type { Db, RecordValues } from '../db.ts';
import { OdooException, userError } from '../errors.ts';
import { gmailUri } from '../gmail.ts';
import { pyRepr } from '../gmail-facts.ts';
import { idsArg, requireSystem } from './access.ts';
import { readRows } from './fields.ts';
import type { CallContext, Model } from './types.ts';

export interface FieldDef {
  type: string;
  string: string;
  selection?: [string, string][];
  required?: boolean;
  readonly?: boolean;
  default?: RecordValues[string];
}

/** `fields_get(allfields, attributes)`: `required` / `readonly` are always answered when asked for. */
export function fieldsGet(defs: Record<string, FieldDef>, args: unknown[], kwargs: Record<string, unknown>) {
  const attributes = (args[1] ?? kwargs.attributes ?? ['type', 'string', 'selection']) as string[];
  const wanted = (args[0] ?? kwargs.allfields ?? null) as string[] | null;
  const out: Record<string, Record<string, unknown>> = {};
  for (const [name, def] of Object.entries(defs)) {
    if (wanted?.length && !wanted.includes(name)) continue;
    const desc: Record<string, unknown> = {};
    for (const a of attributes) {
      if (a === 'selection' && def.type !== 'selection') continue;
      if (a === 'required' || a === 'readonly') desc[a] = def[a] ?? false;
      else if (a in def) desc[a] = def[a as keyof FieldDef];
    }
    out[name] = desc;
  }
  return out;
}

/** The record, or Odoo's MissingError for an id that is gone. */
export function browse(ctx: CallContext, model: string, id: number): RecordValues {
  const record = ctx.db.table(model).get(id);
  if (!record) {
    throw new OdooException(
      'odoo.exceptions.MissingError',
      `Record does not exist or has been deleted.\n(Record: ${model}(${id},), User: ${ctx.user.id})`,
    );
  }
  return record;
}

interface RowModel {
  name: string;
  fields(db: Db): Record<string, FieldDef>;
  /** Computed fields: never stored. */
  computed: Set<string>;
  /** The model's constraints on the record as it would be stored. */
  check(db: Db, record: RecordValues): void;
  /** The stored record as `read` returns it: its computed fields added. */
  withComputed(db: Db, record: RecordValues): RecordValues;
  /** The records a domain selects (`active_test` applied), in the model's order. */
  search(ctx: CallContext, domain: unknown[], kwargs: Record<string, unknown>): RecordValues[];
}

/** Field names and selection values, as the ORM checks them before a create or write (Odoo's ValueError). */
function validate(db: Db, m: RowModel, vals: Record<string, unknown>): void {
  const fields = m.fields(db);
  for (const [name, value] of Object.entries(vals)) {
    const def = fields[name];
    if (!def || name === 'id') throw new OdooException('builtins.ValueError', `Invalid field '${name}' on model '${m.name}'`);
    if (def.type === 'selection' && value !== false && !def.selection?.some(([v]) => v === value)) {
      throw new OdooException('builtins.ValueError', `Wrong value for ${m.name}.${name}: ${pyRepr(String(value))}`);
    }
  }
}

/**
 * The ORM's methods on a model kept as rows — `fields_get`, `create`, `write`, `read`, `search_read` (with
 * its `limit`), `search_count` — each behind `base.group_system`, the models' ACL. The model adds its own.
 */
export function rowMethods(m: RowModel): Model['methods'] {
  const names = (db: Db) => Object.keys(m.fields(db));
  const domainOf = (args: unknown[], kwargs: Record<string, unknown>) => (args[0] ?? kwargs.domain ?? []) as unknown[];
  return {
    fields_get(ctx, args, kwargs) {
      requireSystem(ctx, m.name);
      return fieldsGet(m.fields(ctx.db), args, kwargs);
    },
    create(ctx, args) {
      requireSystem(ctx, m.name, 'create');
      return createRows(ctx, m, args);
    },
    write(ctx, args) {
      requireSystem(ctx, m.name, 'write');
      return writeRows(ctx, m, args);
    },
    read(ctx, args, kwargs) {
      requireSystem(ctx, m.name);
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const rows = idsArg(args).map((id) => m.withComputed(ctx.db, browse(ctx, m.name, id)));
      return readRows(ctx.db, m.name, rows, fields, names(ctx.db));
    },
    search_read(ctx, args, kwargs) {
      requireSystem(ctx, m.name);
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const limit = typeof kwargs.limit === 'number' ? kwargs.limit : undefined;
      const rows = m
        .search(ctx, domainOf(args, kwargs), kwargs)
        .slice(0, limit)
        .map((r) => m.withComputed(ctx.db, r));
      return readRows(ctx.db, m.name, rows, fields, names(ctx.db));
    },
    search_count(ctx, args, kwargs) {
      requireSystem(ctx, m.name);
      return m.search(ctx, domainOf(args, kwargs), kwargs).length;
    },
  };
}

/** `create` of one values dict or a list: defaults, the given values, required fields, constraints. */
export function createRows(ctx: CallContext, m: RowModel, args: unknown[]): number | number[] | undefined {
  const list = Array.isArray(args[0]) ? (args[0] as Record<string, unknown>[]) : [args[0] as Record<string, unknown>];
  const ids: number[] = [];
  for (const vals of list) {
    validate(ctx.db, m, vals);
    const fields = m.fields(ctx.db);
    const record: RecordValues = { id: ctx.db.nextId(m.name) };
    for (const [name, def] of Object.entries(fields)) {
      if (name !== 'id' && !m.computed.has(name)) record[name] = def.default ?? false;
    }
    Object.assign(record, vals);
    for (const [name, def] of Object.entries(fields)) {
      if (def.required && (record[name] === false || record[name] === '')) {
        throw new OdooException(
          'odoo.exceptions.ValidationError',
          `The operation cannot be completed: Missing required fields on ${m.name}: ${def.string}`,
        );
      }
    }
    m.check(ctx.db, record);
    ctx.db.table(m.name).set(Number(record.id), record);
    ids.push(Number(record.id));
  }
  return Array.isArray(args[0]) ? ids : ids[0];
}

/** `write(ids, vals)`: each record checked with the new values before it changes. */
export function writeRows(ctx: CallContext, m: RowModel, args: unknown[]): true {
  const vals = (args[1] ?? {}) as Record<string, unknown>;
  validate(ctx.db, m, vals);
  for (const record of idsArg(args).map((id) => browse(ctx, m.name, id))) {
    const next = { ...record, ...vals } as RecordValues;
    m.check(ctx.db, next);
    Object.assign(record, next);
  }
  return true;
}

/** `open_google_gmail_uri`'s singleton record (`ensure_one`). */
export function singleton(ctx: CallContext, model: string, args: unknown[]): RecordValues {
  const ids = idsArg(args);
  if (ids.length !== 1) throw new OdooException('builtins.ValueError', `Expected singleton: ${model}(${ids.join(', ')})`);
  return browse(ctx, model, ids[0] as number);
}

/** The consent action: Google's URL, or the UserError without credentials; 19.0 adds `target: 'self'` (fact 16). */
export function consentAction(ctx: CallContext, model: string, record: RecordValues) {
  const url = gmailUri(ctx.db, model, Number(record.id));
  if (!url) throw userError('Please configure your Gmail credentials.');
  return { type: 'ir.actions.act_url', url, ...(ctx.db.gmail.actUrlTarget ? { target: 'self' } : {}) };
}
