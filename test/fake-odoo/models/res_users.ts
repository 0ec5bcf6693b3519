/**
 * `res.users`: a user may read their own record; administrators read all. 19.0 adds the personal mail
 * server (captures facts 23–28): the preferences' fields `has_external_mail_server`,
 * `outgoing_mail_server_id` and `outgoing_mail_server_type`, and the two buttons
 * `action_setup_outgoing_mail_server` ("gmail" / "default") and `action_test_outgoing_mail_server`.
 */
import type { Db, RecordValues, User } from '../db.ts';
import { accessError, OdooException, userError } from '../errors.ts';
import { MAIL_SERVER, simulateSmtpTest, usesRelay } from '../gmail.ts';
import { idsArg } from './access.ts';
import { readRows } from './fields.ts';
import { consentAction, fieldsGet } from './records.ts';
import type { CallContext, Model } from './types.ts';

/** Captures fact 23, personal-07: the selection the preferences widget offers. */
const PERSONAL_FIELDS = {
  outgoing_mail_server_type: {
    type: 'selection',
    string: 'Outgoing Mail Server Type',
    selection: [
      ['default', 'Default'],
      ['gmail', 'Gmail'],
      ['outlook', 'Outlook'],
    ] as [string, string][],
  },
  has_external_mail_server: { type: 'boolean', string: 'Has External Mail Server' },
  outgoing_mail_server_id: { type: 'many2one', string: 'Outgoing Mail Server' },
};

/** The user's personal servers, archived ones included (fact 24: a pending one is archived). */
export function personalServers(db: Db, uid: number): RecordValues[] {
  return [...db.table(MAIL_SERVER).values()].filter((r) => r.owner_user_id === uid);
}

/** "Use Custom Email Servers" (fact 23: `external_email_server_default`, an ir.config_parameter). */
const customServersOn = (db: Db) => Boolean(db.params.get('base_setup.default_external_email_server'));

/** Fact 25: the active personal server reads `[id, name]` / its type; none (or pending) `false` / `default`. */
function personalValues(db: Db, user: User): Record<string, unknown> {
  const server = personalServers(db, user.id).find((r) => r.active !== false);
  return {
    share: false,
    has_external_mail_server: customServersOn(db),
    outgoing_mail_server_id: server ? [server.id, server.name] : false,
    outgoing_mail_server_type: server ? String(server.smtp_authentication) : 'default',
  };
}

const notification = (message: string, type: string) => ({
  type: 'ir.actions.client',
  tag: 'display_notification',
  params: { message, type },
});

/** Fact 24: the archived server "Gmail" creates, for the user's own address. */
function pendingServer(ctx: CallContext): RecordValues {
  const existing = personalServers(ctx.db, ctx.user.id)[0];
  if (existing) return existing; // fact 28: "Gmail" again keeps the same server and its tokens
  const email = String(ctx.user.email || '');
  const record: RecordValues = {
    id: ctx.db.nextId(MAIL_SERVER),
    name: `${ctx.user.name}'s outgoing email`,
    active: false,
    owner_user_id: ctx.user.id,
    smtp_host: 'smtp.gmail.com',
    smtp_port: 587,
    smtp_encryption: 'starttls',
    smtp_user: email,
    smtp_pass: false,
    from_filter: email,
    smtp_authentication: 'gmail',
    sequence: 10,
    smtp_debug: false,
    google_gmail_refresh_token: false,
    google_gmail_access_token: false,
    google_gmail_access_token_expiration: 0,
  };
  ctx.db.table(MAIL_SERVER).set(Number(record.id), record);
  return record;
}

const personal19 = (db: Db) => db.profile.major >= 19;

export const resUsers: Model = {
  name: 'res.users',
  methods: {
    read(ctx, args, kwargs) {
      const ids = idsArg(args);
      const fields = (args[1] ?? kwargs.fields ?? []) as string[];
      const rows = ids.map((id) => {
        const user = ctx.db.users.get(id);
        if (!user)
          throw accessError(`Record does not exist or has been deleted.\n(Record: res.users(${id},), User: ${ctx.user.id})`);
        if (id !== ctx.user.id && !ctx.user.isAdmin)
          throw accessError("You are not allowed to access 'User' (res.users) records.");
        const base = { id: user.id, login: user.login, name: user.name, email: user.email };
        return personal19(ctx.db) ? { ...base, ...personalValues(ctx.db, user) } : base;
      });
      // captures nofromfilter-02, probe-08: `[{id, email}]`, `email` false for 19.0's administrator.
      const known = ['login', 'name', 'email', ...(personal19(ctx.db) ? ['share', ...Object.keys(PERSONAL_FIELDS)] : [])];
      return readRows(ctx.db, 'res.users', rows, fields, known);
    },
    fields_get(ctx, args, kwargs) {
      return fieldsGet(personal19(ctx.db) ? PERSONAL_FIELDS : {}, args, kwargs);
    },
    /** Facts 23, 24, 28: the preferences' "Gmail" / "Default" choice, for the current user (no ids). */
    action_setup_outgoing_mail_server(ctx, args) {
      const type = args[0];
      if (type === 'default') {
        for (const r of personalServers(ctx.db, ctx.user.id)) ctx.db.table(MAIL_SERVER).delete(Number(r.id));
        return notification('Switching back to the default server.', 'warning');
      }
      if (!customServersOn(ctx.db)) throw userError('You are not allowed to create a personal mail server.');
      const own = ctx.db.params.get('google_gmail_client_id') && ctx.db.params.get('google_gmail_client_secret');
      if (type !== 'gmail' || (!own && !usesRelay(ctx.db))) throw userError('Please configure your Gmail credentials.');
      return consentAction(ctx, MAIL_SERVER, pendingServer(ctx));
    },
    /** Fact 26: the preferences' Test, without `sticky` and `next`. */
    action_test_outgoing_mail_server(ctx) {
      const server = personalServers(ctx.db, ctx.user.id).find((r) => r.active !== false);
      // Not recorded without a server: Odoo's `ensure_one` on an empty record set.
      if (!server) throw new OdooException('builtins.ValueError', 'Expected singleton: ir.mail_server()');
      simulateSmtpTest(ctx.db, server, ctx.user.email);
      return notification('Connection Test Successful!', 'success');
    },
  },
};
