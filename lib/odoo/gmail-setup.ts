/**
 * The Odoo side of the seed guide's "Setup in Odoo", as Odoo's own web client does it, through
 * JSON-RPC with the admin's session (odoo-gmail.md §10 steps 2–4). Each operation reads back what it
 * wrote: a step is done when Odoo confirms it, not when a request was sent.
 */
import * as z from 'zod/mini';
import { callParsed } from './call';
import { GMAIL_SMTP, gmailServerValues, isGmailServer, type ServerSchema, STAMP_FIELD, stampOf } from './gmail-schema';
import { type ModuleInfo, moduleInfoFrom } from './probe';
import type { RpcOptions } from './rpc';
import { CountReply, Id, ModuleRow, ParamValue } from './schemas';

/** A step Odoo answered but did not confirm (a read-back that differs): the UI says which. */
export class GmailSetupError extends Error {
  override readonly name = 'GmailSetupError';
  constructor(
    readonly reason:
      | 'moduleMissing'
      | 'moduleNotReady'
      | 'clientIdNotSaved'
      | 'secretNotSaved'
      | 'noStarttls'
      | 'serverNotSaved'
      | 'noConsentUrl',
    message = reason,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// 1. The module (§8.5): install when absent, upgrade when the database holds an older version.

export async function readGmailModule(origin: string, opts: RpcOptions = {}): Promise<{ id: number | null; info: ModuleInfo }> {
  const rows = await callParsed(
    origin,
    'ir.module.module',
    'search_read',
    [[['name', '=', 'google_gmail']]],
    z.array(ModuleRow),
    {
      kwargs: { fields: ['name', 'state', 'latest_version', 'installed_version'] },
      ...opts,
    },
  );
  return { id: rows[0]?.id ?? null, info: moduleInfoFrom(rows) };
}

export type ModuleAction = 'installed' | 'upgraded' | 'none';

/**
 * `button_immediate_install` / `button_immediate_upgrade` on the module record — never a `module_*`
 * settings field, which uninstalls when false (§8.3). Both reload Odoo's registry: slow, hence the
 * caller's long timeout. The caller re-probes afterwards to confirm.
 */
export async function installOrUpgradeGmail(origin: string, opts: RpcOptions = {}): Promise<ModuleAction> {
  const { id, info } = await readGmailModule(origin, opts);
  if (id === null || info.state === 'missing' || info.state === 'uninstallable') throw new GmailSetupError('moduleMissing');
  let method: string | null = null;
  if (info.state === 'uninstalled' || info.state === 'to install') method = 'button_immediate_install';
  else if (info.outdated) method = 'button_immediate_upgrade';
  if (!method) return 'none';
  await callParsed(origin, 'ir.module.module', method, [[id]], z.unknown(), opts);
  return method === 'button_immediate_install' ? 'installed' : 'upgraded';
}

// ---------------------------------------------------------------------------------------------
// 2. Credentials (§1.5, §8.3): the settings form's way — create + execute — then read back.

/** `create`'s reply: the new id, or a one-element list (what `create` gives for a list of values). */
export const IdReply = z.lazy(() =>
  z.union([
    Id,
    z.pipe(
      z.array(Id).check(z.length(1)),
      z.transform((a: number[]) => a[0] as number),
    ),
  ]),
);

export interface CredentialsWritten {
  clientId: string;
  /** true: Odoo's parameter holds exactly this secret; null: this Odoo keeps it elsewhere (newer than 19). */
  secretConfirmed: boolean | null;
}

/**
 * Writes the Client ID and secret through `res.config.settings` (works in every version, including
 * ones that keep the secret in a credential store), and turns on custom mail servers
 * (`external_email_server_default`, the block the Gmail settings live in). No `module_*` key is sent.
 *
 * Confirmation: the ID is read back with `get_param`. The secret is never read back: a `search_count`
 * on `ir.config_parameter` with the value in the domain answers "stored or not" with a number. Both
 * read-backs go out together, after `execute` (which they prove). Where
 * Odoo keeps it in `credential.credential` instead (master, release UNVERIFIED, §1.2), that count is
 * 0 by design, so the check is skipped for versions newer than `secretInParams` covers.
 */
export async function writeGmailCredentials(
  origin: string,
  credentials: { clientId: string; clientSecret: string },
  options: { secretInParams: boolean } & RpcOptions,
): Promise<CredentialsWritten> {
  const { secretInParams, ...opts } = options;
  const settingsId = await callParsed(
    origin,
    'res.config.settings',
    'create',
    [
      {
        google_gmail_client_identifier: credentials.clientId,
        google_gmail_client_secret: credentials.clientSecret,
        external_email_server_default: true,
      },
    ],
    IdReply,
    opts,
  );
  await callParsed(origin, 'res.config.settings', 'execute', [[settingsId]], z.unknown(), opts);
  // The two read-backs are independent: side by side, one round trip. The ID's verdict comes first.
  const [stored, count] = await Promise.allSettled([
    readClientIdParam(origin, opts),
    secretInParams ? countSecretParams(origin, [['value', '=', credentials.clientSecret]], opts) : Promise.resolve(null),
  ]);
  if (stored.status === 'rejected') throw stored.reason;
  if (stored.value !== credentials.clientId) throw new GmailSetupError('clientIdNotSaved');
  if (count.status === 'rejected') throw count.reason;
  if (count.value === null) return { clientId: stored.value, secretConfirmed: null };
  if (count.value !== 1) throw new GmailSetupError('secretNotSaved');
  return { clientId: stored.value, secretConfirmed: true };
}

/** `google_gmail_client_id` as Odoo stores it (`false` when unset). */
function readClientIdParam(origin: string, opts: RpcOptions): Promise<string | false> {
  return callParsed(origin, 'ir.config_parameter', 'get_param', ['google_gmail_client_id'], ParamValue, opts);
}

/** How many secret parameters match `extra` — a count, so the secret is never read back. */
function countSecretParams(origin: string, extra: [string, string, string][], opts: RpcOptions): Promise<number> {
  return callParsed(
    origin,
    'ir.config_parameter',
    'search_count',
    [[['key', '=', 'google_gmail_client_secret'], ...extra]],
    CountReply,
    opts,
  );
}

/**
 * What Odoo already holds (set by hand earlier, or by another browser): the Client ID, and whether a
 * secret parameter exists — counted, not read. `secretPresent` is null where the secret may live in
 * a credential store instead (newer than 19, §1.2).
 */
export async function readGmailCredentials(
  origin: string,
  options: { secretInParams: boolean } & RpcOptions,
): Promise<{ clientId: string | null; secretPresent: boolean | null }> {
  const { secretInParams, ...opts } = options;
  const clientId = await readClientIdParam(origin, opts);
  if (!clientId) return { clientId: null, secretPresent: null };
  if (!secretInParams) return { clientId, secretPresent: null };
  return { clientId, secretPresent: (await countSecretParams(origin, [], opts)) > 0 };
}

// ---------------------------------------------------------------------------------------------
// 3. The outgoing server (§8.4): find by address, update, or create — never a duplicate.

/** A row of `findGmailServer`'s `search_read`. */
export const ServerRow = z.lazy(() =>
  z.looseObject({
    id: Id,
    name: z.optional(z.union([z.string(), z.literal(false)])),
    smtp_host: z.optional(z.union([z.string(), z.literal(false)])),
    active: z.optional(z.boolean()),
  }),
);
type ServerRow = z.infer<typeof ServerRow>;

/** The read-back of the values written: any fields, compared one by one with what was sent. */
export const ServerValuesRows = z.lazy(() => z.array(z.record(z.string(), z.unknown())));

/** The fields to read back and compare with what was written. */
function checkedFields(schema: ServerSchema, values: Record<string, unknown>): string[] {
  return Object.keys(values).filter((f) => f !== 'smtp_pass' && schema.fields.includes(f));
}

export interface ServerWritten {
  id: number;
  action: 'created' | 'updated';
  name: string;
  /** The record's token stamp, read with the values (null: none, or this version lacks the field). */
  stamp: number | null;
}

/**
 * Servers whose Username or From filter is the address, archived ones included. Preference: one
 * already on smtp.gmail.com, then an active one, then the oldest. Updating it (and unarchiving it)
 * keeps Odoo's mail routing single for that address.
 */
export async function findGmailServer(origin: string, gmail: string, opts: RpcOptions = {}): Promise<ServerRow | null> {
  const rows = await callParsed(
    origin,
    'ir.mail_server',
    'search_read',
    [['|', ['smtp_user', '=ilike', gmail], ['from_filter', '=ilike', gmail]]],
    z.array(ServerRow),
    { kwargs: { fields: ['id', 'name', 'smtp_host', 'active'] }, context: { active_test: false }, ...opts },
  );
  const rank = (r: ServerRow) => (r.smtp_host === GMAIL_SMTP.host ? 0 : 2) + (r.active === false ? 1 : 0);
  return [...rows].sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0] ?? null;
}

/**
 * Updates the server `existing` names (found by `findGmailServer`; looked up here when not given), or creates
 * one, then reads back what was written — and the token stamp with it, the one a connect starts from.
 */
export async function upsertGmailServer(
  origin: string,
  gmail: string,
  schema: ServerSchema,
  opts: RpcOptions & { existing?: ServerRow | null } = {},
): Promise<ServerWritten> {
  const { existing: given, ...rpc } = opts;
  if (!schema.encryption.includes(GMAIL_SMTP.encryption)) throw new GmailSetupError('noStarttls');
  const values = gmailServerValues(schema, gmail);
  const existing = given === undefined ? await findGmailServer(origin, gmail, rpc) : given;
  let id: number;
  let action: ServerWritten['action'];
  let name: string;
  if (existing) {
    id = existing.id;
    action = 'updated';
    name = existing.name || `Gmail (${gmail})`;
    const update: Record<string, unknown> = { ...values };
    if (existing.active === false) update.active = true;
    if (!existing.name) update.name = name;
    await callParsed(origin, 'ir.mail_server', 'write', [[id], update], z.unknown(), rpc);
  } else {
    name = `Gmail (${gmail})`;
    id = await callParsed(origin, 'ir.mail_server', 'create', [{ name, ...values }], IdReply, rpc);
    action = 'created';
  }
  const fields = checkedFields(schema, values);
  const stamped = schema.fields.includes(STAMP_FIELD);
  const [row] = await callParsed(
    origin,
    'ir.mail_server',
    'read',
    [[id], stamped ? [...fields, STAMP_FIELD] : fields],
    ServerValuesRows,
    rpc,
  );
  if (!row || fields.some((f) => row[f] !== values[f]) || !isGmailServer(schema, row))
    throw new GmailSetupError('serverNotSaved');
  return { id, action, name, stamp: stamped ? stampOf(row[STAMP_FIELD]) : null };
}
