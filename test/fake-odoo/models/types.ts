import type { Db, User } from '../db.ts';

export interface CallContext {
  db: Db;
  user: User;
  /** The server's origin, for URLs Odoo builds (act_url, redirects). */
  origin: string;
}

export type Method = (ctx: CallContext, args: unknown[], kwargs: Record<string, unknown>) => unknown;

/** A model is a table of public methods; growing the fake means adding models and methods. */
export interface Model {
  name: string;
  methods: Record<string, Method>;
  /** The model exists in this database only if its module is installed (default: always). */
  available?(db: Db): boolean;
}
