/**
 * Odoo's JSON-RPC replies, as zod schemas. Every byte that comes back from Odoo goes through one of
 * these before the extension acts on it. Shapes: docs/evidence/odoo-gmail.md §8.
 */
import * as z from 'zod/mini';

/** A record id as Odoo returns it. */
export const Id = z.lazy(() => z.int().check(z.positive()));
/** An empty value as Odoo reads it: `false` (a field with nothing in it), or null. */
export const Falsy = z.lazy(() => z.union([z.literal(false), z.null()]));
/** A many2one as read: `[id, display name]` or false. */
export const Many2one = z.lazy(() => z.union([z.tuple([Id, z.string()]), Falsy]));

/** `{"jsonrpc":"2.0","id":…,"error":{"code":200,"message":"Odoo Server Error","data":{"name":…,"message":…}}}` */
export const RpcErrorBody = z.lazy(() =>
  z.object({
    code: z.number(),
    message: z.string(),
    data: z.optional(
      z.looseObject({
        name: z.string(),
        message: z._default(z.optional(z.string()), ''),
        arguments: z.optional(z.array(z.unknown())),
        debug: z.optional(z.string()),
      }),
    ),
  }),
);
export type RpcErrorBody = z.infer<typeof RpcErrorBody>;

/** A reply is an error envelope when it has `error` (checked first), a success otherwise — see below. */
export const RpcErrorEnvelope = z.looseObject({ error: RpcErrorBody });
/**
 * A success is a `"jsonrpc": "2.0"` object with the key `result` (even null) — or with neither `result`
 * nor `error`: real Odoo leaves `result` out when the method returns None (`mail.mail.send`,
 * `/web/session/destroy`, 19.0 `fetch_mail`; captures facts 2 and 19), which reads as a null result.
 * Every recorded Odoo reply carries `jsonrpc: "2.0"`, so JSON without it (`{}`, an array, another
 * server's `{"status": "ok"}`) is not JSON-RPC, and neither is a malformed `error`.
 */
const JsonRpcReply = z.lazy(() =>
  z
    .looseObject({ jsonrpc: z.literal('2.0') })
    .check(
      z.refine(
        (o) => !Object.hasOwn(o, 'error') && (Object.hasOwn(o, 'result') || Object.hasOwn(o, 'id')),
        'neither a result nor a None reply',
      ),
    ),
);
export const RpcResultEnvelope = z.lazy(() =>
  z.pipe(
    JsonRpcReply,
    z.transform((o: z.output<typeof JsonRpcReply>) => ({ result: Object.hasOwn(o, 'result') ? o.result : null })),
  ),
);

/** `server_version_info`: `[17, 0, 0, 'final', 0, '']`, `['saas~17', 4, 0, 'final', 0, 'e']`. */
export const ServerVersionInfo = z.lazy(() =>
  z.array(z.union([z.number(), z.string()])).check(
    z.minLength(2),
    z.refine((v) => typeof v[1] === 'number', 'minor version must be a number'),
  ),
);

/** `/web/session/get_session_info` (odoo-gmail.md §8.1). Extra keys vary per version and are kept. */
export const SessionInfo = z.lazy(() =>
  z.looseObject({
    uid: z.union([z.int().check(z.positive()), z.literal(false), z.null()]),
    is_system: z.optional(z.boolean()),
    is_admin: z.optional(z.boolean()),
    db: z.string().check(z.minLength(1)),
    server_version: z.string(),
    server_version_info: ServerVersionInfo,
    'web.base.url': z.optional(z.string()),
    username: z.optional(z.string()),
    name: z.optional(z.string()),
    partner_id: z.optional(z.union([z.number(), z.literal(false)])),
  }),
);
export type SessionInfo = z.infer<typeof SessionInfo>;

export const MODULE_STATES = ['uninstallable', 'uninstalled', 'installed', 'to upgrade', 'to remove', 'to install'] as const;

/**
 * `ir.module.module` search_read row. Odoo swaps the names on purpose (§8.5): `installed_version` is
 * the code on disk ("Latest Version"), `latest_version` is what the database has ("Installed Version").
 */
export const ModuleRow = z.lazy(() =>
  z.object({
    id: z.int(),
    name: z.string(),
    state: z.enum(MODULE_STATES),
    latest_version: z.union([z.string(), z.literal(false), z.null()]),
    installed_version: z.union([z.string(), z.literal(false), z.null()]),
  }),
);
export type ModuleRow = z.infer<typeof ModuleRow>;

/** `ir.config_parameter.get_param`: the value, or `false` when the parameter is not set. */
export const ParamValue = z.lazy(() => z.union([z.string(), z.literal(false)]));

/** `search_count`: a number, so a secret or a token is counted without travelling. */
export const CountReply = z.int();

export const UserRow = z.lazy(() =>
  z.object({
    id: z.int(),
    email: z.optional(z.union([z.string(), z.literal(false), z.null()])),
    login: z.optional(z.union([z.string(), z.literal(false), z.null()])),
  }),
);
