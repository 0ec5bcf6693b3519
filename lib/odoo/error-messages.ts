/**
 * What a person reads when an Odoo operation fails: one Msg per failure kind, Odoo's own text kept
 * verbatim where Odoo gave one (an AccessError, a constraint, a UserError).
 */
import { type Msg, msg } from '../i18n';
import { OdooRpcError } from './errors';
import { GmailSetupError } from './gmail-setup';

/** A refusal decided by the extension itself (a precondition), carrying its message. */
export class MsgError extends Error {
  override readonly name = 'MsgError';
  constructor(readonly m: Msg) {
    super(m.key);
  }
}

export function odooErrorMsg(error: unknown): Msg {
  if (error instanceof MsgError) return error.m;
  if (error instanceof GmailSetupError) return msg(`odoo.err.${error.reason}`);
  if (!(error instanceof OdooRpcError)) {
    return msg('err.internal', { detail: error instanceof Error ? error.name : 'unknown' });
  }
  switch (error.kind) {
    case 'sessionExpired':
      return msg('odoo.err.signedOut');
    case 'accessDenied':
      return msg('odoo.err.denied', { text: error.details.odooMessage || error.message });
    case 'odooError':
      return msg('odoo.err.refused', { text: error.details.odooMessage || error.message });
    case 'network':
      return msg('odoo.err.unreachable');
    case 'timeout':
      // The person sees the limit that was waited for (15 s for a call, minutes for a module install).
      return error.details.timeoutMs
        ? msg('odoo.err.timeoutAfter', { seconds: Math.round(error.details.timeoutMs / 1000) })
        : msg('odoo.err.timeout');
    case 'http':
      return msg('odoo.err.http', { status: error.details.status ?? 0 });
    case 'notJson':
      return msg('odoo.err.notJson');
    case 'notRpc':
    case 'badReply':
      return msg('odoo.err.badReply');
  }
}
