/**
 * The version adapter for Gmail mail servers. Which fields exist is read from Odoo itself
 * (`ir.mail_server.fields_get`, odoo-gmail.md §8.4), never guessed from the version string:
 * - `flag15`: 15.0 (and 14.0 backports) — boolean `use_google_gmail_service`, `smtp_authentication`
 *   stays `'login'` because base 15.0 passes the Username only for 'login' (§1.3);
 * - `auth16`: 16.0 → 19.0 and saas~x — `smtp_authentication = 'gmail'` (§1.3);
 * - null: neither — google_gmail's code is not loaded (module not installed).
 * 19.0's extra `smtp_encryption` values (`starttls_strict`, `ssl_strict`) do not matter: Gmail's
 * constraint demands plain `'starttls'` in every version (§1.3, §2), so that is what is written.
 */
import * as z from 'zod/mini';
import { callParsed } from './call';
import type { RpcOptions } from './rpc';

export const GMAIL_SMTP = { host: 'smtp.gmail.com', port: 587, encryption: 'starttls' } as const;
export const TOKEN_FIELD = 'google_gmail_refresh_token';
/**
 * `google_gmail_access_token_expiration` (a Unix time in Odoo's clock, not a secret): Odoo writes it each time
 * it gets a token from Google — at the consent's callback and at each refresh (§1.2).
 */
export const STAMP_FIELD = 'google_gmail_access_token_expiration';
/** The stamp as read: null when there is none. */
export const stampOf = (v: unknown): number | null => (typeof v === 'number' && v > 0 ? v : null);

const FieldDescription = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    string: z.optional(z.string()),
    selection: z.optional(z.array(z.tuple([z.union([z.string(), z.number(), z.boolean()]), z.string()]))),
  }),
);
export const FieldsGetReply = z.lazy(() => z.record(z.string(), FieldDescription));
export type FieldsGetReply = z.infer<typeof FieldsGetReply>;

/** A Gmail server model's fields (`ir.mail_server`, `fetchmail.server`), as a schema is read from them. One round trip. */
export function readFields(origin: string, model: string, opts: RpcOptions = {}): Promise<FieldsGetReply> {
  return callParsed(origin, model, 'fields_get', [], FieldsGetReply, {
    kwargs: { attributes: ['type', 'selection', 'string'] },
    ...opts,
  });
}

/**
 * How many records of `model` with this id hold a refresh token: `search_count` with the token in the domain
 * (works for admins in 15–19, §8.4) returns a number, so the token itself never travels. Archived ones count.
 */
export function countRefreshToken(origin: string, model: string, serverId: number, opts: RpcOptions = {}): Promise<number> {
  return callParsed(
    origin,
    model,
    'search_count',
    [
      [
        ['id', '=', serverId],
        [TOKEN_FIELD, '!=', false],
      ],
    ],
    z.int(),
    { context: { active_test: false }, ...opts },
  );
}

export const ServerSchema = z.object({
  kind: z.enum(['flag15', 'auth16']),
  /** Every field `fields_get` listed: reads ask only for fields that exist in this version. */
  fields: z.array(z.string()),
  /** `smtp_encryption` values, to check that `starttls` exists before writing it. */
  encryption: z.array(z.string()),
});
export type ServerSchema = z.infer<typeof ServerSchema>;

const selectionValues = (d: z.infer<typeof FieldDescription> | undefined) => (d?.selection ?? []).map(([v]) => String(v));

export function schemaFromFields(fields: FieldsGetReply): ServerSchema | null {
  const names = Object.keys(fields);
  const encryption = selectionValues(fields.smtp_encryption);
  if (fields.use_google_gmail_service?.type === 'boolean') return { kind: 'flag15', fields: names, encryption };
  if (selectionValues(fields.smtp_authentication).includes('gmail')) return { kind: 'auth16', fields: names, encryption };
  return null;
}

export async function detectServerSchema(origin: string, opts: RpcOptions = {}): Promise<ServerSchema | null> {
  return schemaFromFields(await readFields(origin, 'ir.mail_server', opts));
}

/**
 * The values of a Gmail OAuth server, written explicitly because RPC runs no onchange (§8.4): host,
 * port, encryption, the Gmail switch of this version, Username = From filter = the Gmail address,
 * and an empty password (16.0+ refuses a password on a Gmail server, §1.3).
 */
export function gmailServerValues(schema: ServerSchema, gmail: string): Record<string, string | number | boolean> {
  const common = {
    smtp_host: GMAIL_SMTP.host,
    smtp_port: GMAIL_SMTP.port,
    smtp_encryption: GMAIL_SMTP.encryption,
    smtp_user: gmail,
    from_filter: gmail,
    smtp_pass: false,
  };
  return schema.kind === 'flag15'
    ? { ...common, use_google_gmail_service: true, smtp_authentication: 'login' }
    : { ...common, smtp_authentication: 'gmail' };
}

/** Whether a server record (as read) is configured as this version's Gmail OAuth server. */
export function isGmailServer(schema: ServerSchema, row: Record<string, unknown>): boolean {
  return schema.kind === 'flag15' ? row.use_google_gmail_service === true : row.smtp_authentication === 'gmail';
}
