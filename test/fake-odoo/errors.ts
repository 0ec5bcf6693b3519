/**
 * Odoo's exceptions on the wire. A JSON-RPC failure is HTTP 200 with an `error` member
 * (odoo-gmail.md §8.1): `code` 200 and message "Odoo Server Error" for server-side exceptions,
 * `code` 100 and "Odoo Session Expired" for `odoo.http.SessionExpiredException`; `data` carries the
 * exception's dotted class name, its message, its arguments and a traceback (`debug`).
 */
export class OdooException extends Error {
  readonly odooName: string;
  constructor(odooName: string, message: string) {
    super(message);
    this.odooName = odooName;
  }
}

export const accessError = (message: string) => new OdooException('odoo.exceptions.AccessError', message);
export const userError = (message: string) => new OdooException('odoo.exceptions.UserError', message);
export const validationError = (message: string) => new OdooException('odoo.exceptions.ValidationError', message);
export const missingError = (message: string) => new OdooException('odoo.exceptions.MissingError', message);
export const sessionExpired = () => new OdooException('odoo.http.SessionExpiredException', 'Session expired');

export function errorEnvelope(id: unknown, error: OdooException) {
  const expired = error.odooName === 'odoo.http.SessionExpiredException';
  return {
    jsonrpc: '2.0',
    id: id ?? null,
    error: {
      code: expired ? 100 : 200,
      message: expired ? 'Odoo Session Expired' : 'Odoo Server Error',
      data: {
        name: error.odooName,
        debug: `Traceback (most recent call last):\n  File "odoo/http.py", line 1, in _serve_db\n${error.odooName}: ${error.message}\n`,
        message: error.message,
        arguments: [error.message],
        context: {},
      },
    },
  };
}
