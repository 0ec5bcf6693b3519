/**
 * `fetchmail.server` with google_gmail's incoming side (captures facts 15–22; odoo-gmail.md §1.4). 15.0
 * marks a Gmail server with `use_google_gmail_service` on an `imap` server (fetchmail_gmail), 16.0+ with
 * `server_type = 'gmail'`. RPC runs no onchange: the caller gives host, port, SSL and user (fact 15).
 * Test & Confirm and Fetch Now log in to the stand-in Gmail IMAP with XOAUTH2: the access token is
 * refreshed as for SMTP (`accessTokenFor`), and Gmail's IMAP accepts it only for the account it was
 * granted to. Access: `base.group_system`.
 */
import { activeFilter, type Db, matchDomain, type RecordValues } from '../db.ts';
import { OdooException, userError, validationError } from '../errors.ts';
import { accessTokenFor, gmailUri } from '../gmail.ts';
import { idsArg, requireSystem } from './access.ts';
import { irModelName } from './ir_model.ts';
import { browse as browseRecord, consentAction, type FieldDef, rowMethods, singleton } from './records.ts';
import type { CallContext, Model } from './types.ts';

export const FETCHMAIL = 'fetchmail.server';

const SERVER_TYPE_LABELS: Record<string, string> = {
  pop: 'POP Server',
  imap: 'IMAP Server',
  local: 'Local Server',
  gmail: 'Gmail OAuth Authentication',
  outlook: 'Outlook OAuth Authentication',
};

/** Fact 15: `pop|imap|local` (15.0), `imap|pop|local|gmail` (16–18), `+outlook` (19). */
function serverTypes(db: Db): string[] {
  const major = db.profile.major;
  if (major <= 15) return ['pop', 'imap', 'local'];
  return ['imap', 'pop', 'local', ...(db.gmailInstalled() ? ['gmail'] : []), ...(major >= 19 ? ['outlook'] : [])];
}

/** 16+ (fact 15, step 04): the help text of a Gmail server. */
const SERVER_TYPE_INFO =
  'Connect your Gmail account with the OAuth Authentication process. \nYou will be redirected to the Gmail login page where you will need to accept the permission.';

export function fetchmailFields(db: Db): Record<string, FieldDef> {
  const major = db.profile.major;
  const gmail = db.gmailInstalled();
  const fields: Record<string, FieldDef> = {
    id: { type: 'integer', string: 'ID', readonly: true },
    name: { type: 'char', string: 'Name', required: true },
    active: { type: 'boolean', string: 'Active', default: true },
    state: {
      type: 'selection',
      string: 'Status',
      readonly: true,
      default: 'draft',
      selection: [
        ['draft', 'Not Confirmed'],
        ['done', 'Confirmed'],
      ],
    },
    server: { type: 'char', string: 'Server Name', default: false },
    port: { type: 'integer', string: 'Port', default: 0 },
    server_type: {
      type: 'selection',
      string: 'Server Type',
      required: true,
      default: 'pop',
      selection: serverTypes(db).map((v) => [v, SERVER_TYPE_LABELS[v] ?? v]),
    },
    is_ssl: { type: 'boolean', string: 'SSL/TLS', default: false },
    attach: { type: 'boolean', string: 'Keep Attachments', default: true },
    original: { type: 'boolean', string: 'Keep Original', default: false },
    date: { type: 'datetime', string: 'Last Fetch Date', readonly: true, default: false },
    user: { type: 'char', string: 'Username', default: false },
    password: { type: 'char', string: 'Password', default: false },
    object_id: { type: 'many2one', string: 'Create a New Record', default: false },
    priority: { type: 'integer', string: 'Server Priority', default: 5 },
  };
  if (major >= 19) {
    fields.error_date = { type: 'datetime', string: 'Last Error Date', readonly: true, default: false };
    fields.error_message = { type: 'text', string: 'Last Error Message', readonly: true, default: false };
  }
  if (gmail) {
    if (major <= 15) fields.use_google_gmail_service = { type: 'boolean', string: 'Gmail Authentication', default: false };
    if (db.gmail.authCodeField)
      fields.google_gmail_authorization_code = { type: 'char', string: 'Authorization Code', default: false };
    fields.google_gmail_refresh_token = { type: 'char', string: 'Refresh Token', default: false };
    fields.google_gmail_access_token = { type: 'char', string: 'Access Token', default: false };
    fields.google_gmail_access_token_expiration = { type: 'integer', string: 'Access Token Expiration Timestamp', default: 0 };
    fields.google_gmail_uri = { type: 'char', string: 'URI', readonly: true, default: false };
    if (major >= 16) fields.server_type_info = { type: 'text', string: 'Server Type Info', readonly: true, default: false };
  }
  return fields;
}

const COMPUTED = new Set(['google_gmail_uri', 'server_type_info']);

/** Odoo's datetime as the wire shows it: UTC, `YYYY-MM-DD HH:MM:SS` (fact 19, step 19). */
const odooNow = () => new Date().toISOString().slice(0, 19).replace('T', ' ');

const isGmail = (db: Db, r: RecordValues) =>
  db.profile.major <= 15 ? r.use_google_gmail_service === true : r.server_type === 'gmail';

/** 15.0's fetchmail_gmail constraint (odoo-gmail.md §1.4). */
function checkConstraints(db: Db, r: RecordValues): void {
  if (db.profile.major <= 15 && r.use_google_gmail_service && r.server_type !== 'imap') {
    throw userError('Gmail authentication only supports IMAP server type.');
  }
}

function withComputed(db: Db, r: RecordValues): RecordValues {
  const out: RecordValues = { ...r };
  const fields = fetchmailFields(db);
  if ('google_gmail_uri' in fields) out.google_gmail_uri = gmailUri(db, FETCHMAIL, Number(r.id));
  if ('server_type_info' in fields) out.server_type_info = r.server_type === 'gmail' ? SERVER_TYPE_INFO : false;
  // A many2one reads as `[id, display_name]`.
  if (typeof r.object_id === 'number') out.object_id = [r.object_id, irModelName(db, r.object_id)];
  return out;
}

const browse = (ctx: CallContext, id: number): RecordValues => browseRecord(ctx, FETCHMAIL, id);

function search(ctx: CallContext, domain: unknown[], kwargs: Record<string, unknown>): RecordValues[] {
  const keep = activeFilter(domain, kwargs.context);
  return [...ctx.db.table(FETCHMAIL).values()].filter((r) => keep(r) && matchDomain(r, domain));
}

/** What Gmail's IMAP says to an XOAUTH2 login it refuses (facts 18, 22). */
export const IMAP_AUTH_FAILED = '[AUTHENTICATIONFAILED] Invalid credentials (Failure)';

/** An IMAP failure: Python's `imaplib.IMAP4.error`, which Odoo names `imaplib.error` on the wire (fact 22). */
class ImapError extends Error {}

/**
 * `connect()` for a Gmail server (fact 17): the access token (refreshed when Odoo's copy expired — a
 * refused refresh is the UserError "An error occurred when fetching the access token."), then
 * `AUTHENTICATE XOAUTH2`, which Gmail refuses unless the token was granted to `user`.
 */
function imapLogin(db: Db, r: RecordValues): void {
  if (r.server !== 'imap.gmail.com' || r.port !== 993 || r.is_ssl !== true) {
    throw new ImapError('socket error: EOF occurred in violation of protocol');
  }
  if (!isGmail(db, r)) throw new ImapError(IMAP_AUTH_FAILED); // Gmail refuses a password login
  const access = accessTokenFor(db, r);
  const user = typeof r.user === 'string' ? r.user.toLowerCase() : '';
  if (!user || db.google.accountOfAccessToken(access) !== user) throw new ImapError(IMAP_AUTH_FAILED);
}

const ROWS = {
  name: FETCHMAIL,
  fields: fetchmailFields,
  computed: COMPUTED,
  check: checkConstraints,
  withComputed,
  search,
};

export const fetchmailServer: Model = {
  name: FETCHMAIL,
  methods: {
    ...rowMethods(ROWS),
    /** Fact 16: the same consent as the outgoing server's (odoo-gmail.md §6), for this model. */
    open_google_gmail_uri(ctx, args) {
      requireSystem(ctx, FETCHMAIL);
      return consentAction(ctx, FETCHMAIL, singleton(ctx, FETCHMAIL, args));
    },
    /**
     * Test & Confirm (facts 17–18): `true` and `state = 'done'`; a failure is a UserError that leaves the
     * state as it was — Odoo's `button_confirm_login` wraps an IMAP error as "Server replied with following
     * exception:\n <error>" and anything else as "Connection test failed: <error>".
     */
    button_confirm_login(ctx, args) {
      requireSystem(ctx, FETCHMAIL, 'write');
      for (const record of idsArg(args).map((id) => browse(ctx, id))) {
        try {
          imapLogin(ctx.db, record);
        } catch (error) {
          if (error instanceof ImapError) throw userError(`Server replied with following exception:\n ${error.message}`);
          if (error instanceof OdooException) throw userError(`Connection test failed: ${error.message}`);
          throw error;
        }
        record.state = 'done';
      }
      return true;
    },
    /**
     * Fetch Now (facts 19, 22): `date` is written after every attempt. The stand-in INBOX is empty, so a
     * successful fetch creates nothing. Failures: 15–17 swallow them and answer `true`; 18 raises a
     * ValidationError quoting the cause; 19 raises the cause itself and keeps the first error in
     * `error_date` / `error_message` until a fetch succeeds. 19 returns nothing (no `result` key).
     */
    fetch_mail(ctx, args) {
      requireSystem(ctx, FETCHMAIL, 'write');
      const major = ctx.db.profile.major;
      for (const record of idsArg(args).map((id) => browse(ctx, id))) {
        let cause: OdooException | null = null;
        try {
          imapLogin(ctx.db, record);
        } catch (error) {
          if (error instanceof ImapError) cause = new OdooException('imaplib.error', error.message);
          else if (error instanceof OdooException) cause = error;
          else throw error;
        }
        const now = odooNow();
        record.date = now;
        if (major >= 19) {
          if (!cause) {
            record.error_date = false;
            record.error_message = false;
          } else if (!record.error_date) {
            record.error_date = now;
            record.error_message = cause.message;
          }
        }
        if (!cause || major <= 17) continue;
        if (major === 18) {
          throw validationError(`Couldn't get your emails. Check out the error message below for more info:\n${cause.message}`);
        }
        throw cause;
      }
      return major >= 19 ? undefined : true;
    },
  },
};
