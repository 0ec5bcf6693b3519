/**
 * `mail.mail`, as little as the recorded flow uses (captures steps 31–33): `create` an outgoing message,
 * `send` it through its `mail_server_id` (the first active server by priority otherwise) — `send`
 * returns nothing, so the reply has no `result` key (captures fact 2) — and read its `state` and
 * `failure_reason` back: `sent`, or `exception` with the SMTP error (Odoo's `raise_exception=False`).
 */
import { activeFilter, matchDomain, type RecordValues } from '../db.ts';
import { OdooException } from '../errors.ts';
import { MAIL_SERVER, simulateSmtpSend } from '../gmail.ts';
import { idsArg, requireSystem } from './access.ts';
import { readRows } from './fields.ts';
import { browse as browseRecord } from './records.ts';
import type { CallContext, Model } from './types.ts';

const MODEL = 'mail.mail';
const FIELDS = ['subject', 'body_html', 'email_from', 'email_to', 'mail_server_id', 'state', 'failure_reason'];

const browse = (ctx: CallContext, id: number): RecordValues => browseRecord(ctx, MODEL, id);

/** The server a message goes out through: its own, else the first active one by priority. */
function serverFor(ctx: CallContext, mail: RecordValues): RecordValues | undefined {
  const servers = ctx.db.table(MAIL_SERVER);
  if (typeof mail.mail_server_id === 'number') return servers.get(mail.mail_server_id);
  const keep = activeFilter([], undefined);
  return [...servers.values()]
    .filter(keep)
    .sort((a, b) => Number(a.sequence) - Number(b.sequence) || Number(a.id) - Number(b.id))[0];
}

export const mailMail: Model = {
  name: MODEL,
  methods: {
    create(ctx, args) {
      requireSystem(ctx, MODEL, 'create');
      const list = Array.isArray(args[0]) ? (args[0] as Record<string, unknown>[]) : [args[0] as Record<string, unknown>];
      const ids = list.map((vals) => {
        for (const name of Object.keys(vals ?? {})) {
          if (!FIELDS.includes(name))
            throw new OdooException('builtins.ValueError', `Invalid field '${name}' on model '${MODEL}'`);
        }
        const record: RecordValues = {
          id: ctx.db.nextId(MODEL),
          subject: false,
          body_html: false,
          email_from: false,
          email_to: false,
          mail_server_id: false,
          ...(vals as RecordValues),
          state: 'outgoing',
          failure_reason: false,
        };
        ctx.db.table(MODEL).set(Number(record.id), record);
        return Number(record.id);
      });
      return Array.isArray(args[0]) ? ids : ids[0];
    },
    send(ctx, args) {
      requireSystem(ctx, MODEL, 'write');
      for (const mail of idsArg(args).map((id) => browse(ctx, id))) {
        const server = serverFor(ctx, mail);
        try {
          if (!server) throw new OdooException('odoo.exceptions.UserError', 'Missing SMTP Server');
          simulateSmtpSend(ctx.db, server, String(mail.email_from || ''));
          mail.state = 'sent';
          mail.failure_reason = false;
        } catch (error) {
          if (!(error instanceof OdooException)) throw error;
          mail.state = 'exception';
          mail.failure_reason = error.message;
        }
      }
      return undefined; // Python's None: no `result` key on the wire.
    },
    read(ctx, args, kwargs) {
      requireSystem(ctx, MODEL);
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      return readRows(
        ctx.db,
        MODEL,
        idsArg(args).map((id) => browse(ctx, id)),
        fields,
        FIELDS,
      );
    },
    search_read(ctx, args, kwargs) {
      requireSystem(ctx, MODEL);
      const domain = (args[0] ?? kwargs.domain ?? []) as unknown[];
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const rows = [...ctx.db.table(MODEL).values()].filter((r) => matchDomain(r, domain));
      return readRows(ctx.db, MODEL, rows, fields, FIELDS);
    },
  },
};
