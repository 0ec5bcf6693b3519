/** Odoo's access checks, with its messages (17.0 wording, shortened as the web client shows it). */
import { accessError } from '../errors.ts';
import type { CallContext } from './types.ts';

const MODEL_LABELS: Record<string, string> = {
  'fetchmail.server': 'Incoming Mail Server',
  'ir.config_parameter': 'System Parameter',
  'ir.model': 'Models',
  'ir.mail_server': 'Mail Server',
  'ir.module.module': 'Module',
  'mail.mail': 'Outgoing Mails',
  'res.config.settings': 'Config Settings',
};

export function requireSystem(ctx: CallContext, model: string, operation = 'access'): void {
  if (!ctx.user.isSystem) {
    const label = MODEL_LABELS[model] ?? model;
    throw accessError(
      `You are not allowed to ${operation} '${label}' (${model}) records.\n\nThis operation is allowed for the following groups:\n\t- Administration/Settings\n\nContact your administrator to request access if necessary.`,
    );
  }
}

export function idsArg(args: unknown[]): number[] {
  const ids = args[0];
  if (typeof ids === 'number') return [ids];
  if (Array.isArray(ids) && ids.every((i) => typeof i === 'number')) return ids as number[];
  throw new TypeError(`expected a list of ids, got ${JSON.stringify(ids)}`);
}
