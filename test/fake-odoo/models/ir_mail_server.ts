/**
 * `ir.mail_server` with google_gmail (odoo-gmail.md §1.3, §2, §5, §6, §8.4). Fields per version: 15.0's
 * `use_google_gmail_service` flag, 16.0+'s `smtp_authentication='gmail'`, 19.0's extra encryption values
 * and `owner_user_id`. The Gmail constraints raise Odoo's texts per version. RPC runs no onchange, so
 * nothing is filled in for the caller (§8.4). Access: `base.group_system` (ACL and field groups, §6).
 */
import { activeFilter, type Db, matchDomain, type RecordValues } from '../db.ts';
import { accessError, userError } from '../errors.ts';
import { gmailUri, MAIL_SERVER, simulateSmtpTest } from '../gmail.ts';
import { pyRepr } from '../gmail-facts.ts';
import { idsArg, requireSystem } from './access.ts';
import { browse as browseRecord, consentAction, type FieldDef, rowMethods, singleton } from './records.ts';
import type { CallContext, Model } from './types.ts';

const SELECTION_LABELS: Record<string, string> = {
  login: 'Username',
  certificate: 'SSL Certificate',
  cli: 'Command Line Interface',
  gmail: 'Gmail OAuth Authentication',
  outlook: 'Outlook OAuth Authentication',
  none: 'None',
  starttls_strict: 'TLS (STARTTLS), encryption and validation',
  starttls: 'TLS (STARTTLS)',
  ssl_strict: 'SSL/TLS, encryption and validation',
  ssl: 'SSL/TLS',
};
/** 19.0 says what the plain values do not check (captures step 20). */
const SELECTION_LABELS_19: Record<string, string> = {
  starttls: 'TLS (STARTTLS), encryption only',
  ssl: 'SSL/TLS, encryption only',
};

/** The fields `fields_get` reports in this database (§2; labels §1.8). */
export function mailServerFields(db: Db): Record<string, FieldDef> {
  const g = db.gmail;
  const major = db.profile.major;
  const gmail = db.gmailInstalled();
  const auth = [...g.authentication, ...(gmail && !g.flag15 ? ['gmail'] : []), ...(g.outlook ? ['outlook'] : [])];
  const label = (v: string) => (major >= 19 ? SELECTION_LABELS_19[v] : undefined) ?? SELECTION_LABELS[v] ?? v;
  // "Connection Security" in 15.0, "Connection Encryption" from 16.0 (captures step 20).
  const fields: Record<string, FieldDef> = {
    id: { type: 'integer', string: 'ID' },
    name: { type: 'char', string: major >= 19 ? 'Name' : 'Description', required: true },
    smtp_host: { type: 'char', string: 'SMTP Server', required: true },
    smtp_port: { type: 'integer', string: 'SMTP Port', required: true, default: 25 },
    smtp_authentication: {
      type: 'selection',
      string: 'Authenticate with',
      required: true,
      default: 'login',
      selection: auth.map((v) => [v, label(v)]),
    },
    smtp_encryption: {
      type: 'selection',
      string: major >= 16 ? 'Connection Encryption' : 'Connection Security',
      required: true,
      default: 'none',
      selection: g.encryption.map((v) => [v, label(v)]),
    },
    smtp_user: { type: 'char', string: 'Username', default: false },
    smtp_pass: { type: 'char', string: 'Password', default: false },
    from_filter: { type: 'char', string: major >= 19 ? 'FROM Filtering' : 'From Filter', default: false },
    sequence: { type: 'integer', string: 'Priority', default: 10 },
    active: { type: 'boolean', string: 'Active', default: true },
    smtp_debug: { type: 'boolean', string: 'Debugging', default: false },
  };
  if (g.ownerUser) fields.owner_user_id = { type: 'many2one', string: 'Owner', default: false };
  if (gmail) {
    if (g.flag15) fields.use_google_gmail_service = { type: 'boolean', string: 'Gmail Authentication', default: false };
    if (g.authCodeField) fields.google_gmail_authorization_code = { type: 'char', string: 'Authorization Code', default: false };
    fields.google_gmail_refresh_token = { type: 'char', string: 'Refresh Token', default: false };
    fields.google_gmail_access_token = { type: 'char', string: 'Access Token', default: false };
    // An integer field reads 0 when unset (captures step 19).
    fields.google_gmail_access_token_expiration = {
      type: 'integer',
      string: 'Access Token Expiration Timestamp',
      default: 0,
    };
    fields.google_gmail_uri = { type: 'char', string: 'URI', default: false };
    if (!g.flag15) fields.smtp_authentication_info = { type: 'text', string: 'Authentication Info', default: false };
  }
  return fields;
}

const COMPUTED = new Set(['google_gmail_uri', 'smtp_authentication_info']);

/** `_check_use_google_gmail_service` (§1.3), in Odoo's order, with each version's wording. */
function checkGmailConstraints(db: Db, r: RecordValues): void {
  const g = db.gmail;
  const name = String(r.name);
  const quoted = g.curlyQuotes ? `“${name}”` : pyRepr(name);
  const usernameText =
    'Please fill the "Username" field with your Gmail username (your email address). This should be the same account as the one used for the Gmail OAuthentication Token.';
  if (g.flag15) {
    if (r.use_google_gmail_service && !r.smtp_user) throw userError(usernameText);
    return;
  }
  if (r.smtp_authentication !== 'gmail') return;
  if (r.smtp_pass) {
    throw userError(
      `Please leave the password field empty for Gmail mail server ${quoted}. The OAuth process does not require it`,
    );
  }
  if (r.smtp_encryption !== 'starttls') {
    throw userError(`Incorrect Connection Security for Gmail mail server ${pyRepr(name)}. Please set it to "TLS (STARTTLS)".`);
  }
  if (g.fromFilterConstraint && r.from_filter !== r.smtp_user) {
    throw userError(
      `This server ${pyRepr(name)} can only be used for your personal email address. Please fill the "from_filter" field with ${pyRepr(String(r.smtp_user || ''))}.`,
    );
  }
  if (g.usernameConstraint && !r.smtp_user) throw userError(usernameText);
}

function withComputed(db: Db, r: RecordValues): RecordValues {
  const out: RecordValues = { ...r };
  // A many2one reads as `[id, display_name]` (captures fact 28, personal-17).
  if (typeof r.owner_user_id === 'number') out.owner_user_id = [r.owner_user_id, db.users.get(r.owner_user_id)?.name ?? ''];
  if ('google_gmail_uri' in mailServerFields(db)) out.google_gmail_uri = gmailUri(db, MAIL_SERVER, Number(r.id));
  if ('smtp_authentication_info' in mailServerFields(db)) {
    out.smtp_authentication_info =
      r.smtp_authentication === 'gmail'
        ? 'Connect your Gmail account with the OAuth Authentication process.  \nBy default, only a user with a matching email address will be able to use this server. To extend its use, you should set a "mail.default.from" system parameter.'
        : false;
  }
  return out;
}

const browse = (ctx: CallContext, id: number): RecordValues => browseRecord(ctx, MAIL_SERVER, id);

function search(ctx: CallContext, domain: unknown[], kwargs: Record<string, unknown>): RecordValues[] {
  const keep = activeFilter(domain, kwargs.context);
  return [...ctx.db.table(MAIL_SERVER).values()]
    .filter((r) => keep(r) && matchDomain(r, domain))
    .sort((a, b) => Number(a.sequence) - Number(b.sequence) || Number(a.id) - Number(b.id));
}

const ROWS = {
  name: MAIL_SERVER,
  fields: mailServerFields,
  computed: COMPUTED,
  check: checkGmailConstraints,
  withComputed,
  search,
};

const rows = rowMethods(ROWS);

/**
 * 19.0 keeps `ir.mail_server`'s fields for the administrators: a user's `read` of `name` and `smtp_user`
 * is the AccessError of the field `smtp_user` (captures fact 24, personal-19), the one user read recorded.
 * Here every field but `name` is refused that way; what is left goes on to the model's ACL.
 */
function fieldAccess(ctx: CallContext, fields: string[]): void {
  if (ctx.user.isSystem || ctx.db.profile.major < 19) return;
  const refused = fields.find((f) => f !== 'id' && f !== 'name');
  if (refused === undefined) return;
  throw accessError(
    `You do not have enough rights to access the field "${refused}" on Mail Server (ir.mail_server). Please contact your system administrator.\n\nOperation: read\nUser: ${ctx.user.id}\nGroups: allowed for groups 'Role / Administrator'`,
  );
}

export const irMailServer: Model = {
  name: MAIL_SERVER,
  methods: {
    ...rows,
    read(ctx, args, kwargs) {
      fieldAccess(ctx, (args[1] ?? kwargs.fields ?? []) as string[]);
      return rows.read?.(ctx, args, kwargs);
    },
    unlink(ctx, args) {
      requireSystem(ctx, MAIL_SERVER, 'delete');
      for (const id of idsArg(args)) ctx.db.table(MAIL_SERVER).delete(browse(ctx, id).id as number);
      return true;
    },
    /** §6: the "Connect your Gmail account" button. */
    open_google_gmail_uri(ctx, args) {
      const record = singleton(ctx, MAIL_SERVER, args);
      const allowed = ctx.db.gmail.linkCheck === 'is_admin' ? ctx.user.isAdmin : ctx.user.isSystem;
      if (!allowed) throw accessError('Only the administrator can link a Gmail mail server.');
      if (ctx.db.gmail.validEmailCheck && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(String(record.smtp_user || ''))) {
        throw userError('Please enter a valid email address.');
      }
      return consentAction(ctx, MAIL_SERVER, record);
    },
    /**
     * §5: success is a display_notification action — 18.0+ add `next` to close the dialog (captures
     * fact 13, steps 29/49); failure a UserError with the SMTP story.
     */
    test_smtp_connection(ctx, args) {
      requireSystem(ctx, MAIL_SERVER);
      for (const id of idsArg(args)) simulateSmtpTest(ctx.db, browse(ctx, id), ctx.user.email);
      return {
        type: 'ir.actions.client',
        tag: 'display_notification',
        params: {
          message: 'Connection Test Successful!',
          type: 'success',
          sticky: false,
          ...(ctx.db.profile.major >= 18 ? { next: { type: 'ir.actions.act_window_close' } } : {}),
        },
      };
    },
  },
};
