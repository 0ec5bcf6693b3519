/**
 * Odoo's exceptions on the wire. A JSON-RPC failure is HTTP 200 with an `error` member
 * (odoo-gmail.md §8.1, captures fact 1): `code` 200 (15.0–18.0) or 0 (19.0) and message "Odoo Server
 * Error" for server-side exceptions, `code` 100 and "Odoo Session Expired" for
 * `odoo.http.SessionExpiredException` in every version, `code` 404 and "404: Not Found" for werkzeug's
 * NotFound (18.0+'s unknown model, step 08); `data` carries the exception's dotted class name, its
 * message, its arguments and a traceback (`debug`).
 */
export class OdooException extends Error {
  readonly odooName: string;
  /** `error.code` when it is not the version's ordinary one (werkzeug's HTTP errors carry their status). */
  readonly code: number | undefined;
  /** `error.message` when it is not "Odoo Server Error". */
  readonly title: string | undefined;
  /** `data.arguments` when they are not `[message]` (werkzeug's exceptions have none). */
  readonly args: unknown[] | undefined;
  constructor(odooName: string, message: string, wire: { code?: number; title?: string; args?: unknown[] } = {}) {
    super(message);
    this.odooName = odooName;
    this.code = wire.code;
    this.title = wire.title;
    this.args = wire.args;
  }
}

export const accessError = (message: string) => new OdooException('odoo.exceptions.AccessError', message);
export const userError = (message: string) => new OdooException('odoo.exceptions.UserError', message);
export const validationError = (message: string) => new OdooException('odoo.exceptions.ValidationError', message);
export const missingError = (message: string) => new OdooException('odoo.exceptions.MissingError', message);
export const sessionExpired = () => new OdooException('odoo.http.SessionExpiredException', 'Session expired');
/** werkzeug's NotFound as a JSON-RPC error (18.0+ for a model the registry lacks, captures fact 1, step 08). */
export const notFound = () =>
  new OdooException(
    'werkzeug.exceptions.NotFound',
    '404 Not Found: The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
    { code: 404, title: '404: Not Found', args: [] },
  );

/** The last line of the traceback, as the recordings keep it (builtins print without their module). */
function tracebackLine(error: OdooException): string {
  const name = error.odooName.startsWith('builtins.') ? error.odooName.slice('builtins.'.length) : error.odooName;
  return `Traceback (most recent call last):\n  [frames removed]\n${name}: ${error.message}`;
}

/** `major`: the Odoo series answering (19.0 says code 0 where 15.0–18.0 say 200). */
export function errorEnvelope(id: unknown, error: OdooException, major = 17) {
  const expired = error.odooName === 'odoo.http.SessionExpiredException';
  return {
    jsonrpc: '2.0',
    id: id ?? null,
    error: {
      code: error.code ?? (expired ? 100 : major >= 19 ? 0 : 200),
      message: error.title ?? (expired ? 'Odoo Session Expired' : 'Odoo Server Error'),
      data: {
        name: error.odooName,
        debug: tracebackLine(error),
        message: error.message,
        arguments: error.args ?? [error.message],
        context: {},
      },
    },
  };
}
