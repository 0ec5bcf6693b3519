/**
 * How a call to Odoo failed, as a person can act on it. Its own module so that the background can tell
 * failures apart without importing the transport (rpc.ts), which is private to lib/odoo/.
 */
export type RpcErrorKind =
  /** fetch() rejected: DNS, refused connection, TLS, CORS-style network failure. */
  | 'network'
  | 'timeout'
  /** HTTP status other than 200 (502 from a proxy, 500, 404 …). */
  | 'http'
  /** 200 with a body that is not JSON (an HTML login page of an SSO proxy, a captive portal …). */
  | 'notJson'
  /** JSON, but not a JSON-RPC envelope: whatever answered is not Odoo. */
  | 'notRpc'
  /** `odoo.http.SessionExpiredException`: nobody is logged in in this browser. */
  | 'sessionExpired'
  /** `odoo.exceptions.AccessError` / `AccessDenied`: logged in, but not allowed. */
  | 'accessDenied'
  /** `UserError`, `ValidationError`, `MissingError`, …: Odoo refused with a message meant for a person. */
  | 'odooError'
  /** The reply was an envelope but its `result` did not have the expected shape. */
  | 'badReply';

export class OdooRpcError extends Error {
  override readonly name = 'OdooRpcError';
  constructor(
    readonly kind: RpcErrorKind,
    message: string,
    readonly details: { status?: number; odooName?: string; odooMessage?: string; timeoutMs?: number } = {},
  ) {
    super(message);
  }
}

/**
 * PostgreSQL refused a write for a concurrent one (serialization failure, deadlock, lock not available):
 * Odoo rolled the call back after its own retries, so nothing of it was kept and it may be sent again
 * (odoo-gmail.md §8.7).
 */
const CONCURRENCY_FAILURES: readonly string[] = [
  'psycopg2.errors.SerializationFailure',
  'psycopg2.errors.DeadlockDetected',
  'psycopg2.errors.LockNotAvailable',
];
export function isConcurrencyFailure(error: unknown): boolean {
  return (
    error instanceof OdooRpcError && error.kind === 'odooError' && CONCURRENCY_FAILURES.includes(error.details.odooName ?? '')
  );
}
