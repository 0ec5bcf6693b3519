/**
 * The setup form: its raw input (what the popup sends), its validated value (what is stored), and the
 * rules that turn one into the other. The same function runs in the popup (to show messages under
 * the fields) and in the background (which never trusts a message).
 */
import * as z from 'zod/mini';
import { type Msg, msg } from '../i18n';
import { parseOdooUrl } from '../odoo/urls';

export const ACCOUNT_TYPES = ['workspace', 'personal'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

/** Consumer Google accounts; every other domain that has Gmail is a Google Workspace domain. */
const PERSONAL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

export const SetupInput = z.lazy(() =>
  z.object({
    odooUrl: z.string().check(z.maxLength(2048)),
    gmail: z.string().check(z.maxLength(320)),
    accountType: z.nullable(z.enum(ACCOUNT_TYPES)),
  }),
);
export type SetupInput = z.infer<typeof SetupInput>;

export const Setup = z.lazy(() =>
  z.object({
    odooOrigin: z.string(),
    gmail: z.nullable(z.string()),
    accountType: z.nullable(z.enum(ACCOUNT_TYPES)),
    /** The address was proposed by the extension (the Odoo user's email), not typed by the person. */
    gmailProposed: z._default(z.boolean(), false),
  }),
);
export type Setup = z.infer<typeof Setup>;

export type SetupField = keyof SetupInput;
export type SetupErrors = Partial<Record<SetupField, { error: Msg; suggestion?: string }>>;

export type SetupResult =
  | { ok: true; value: Setup; warnings: Partial<Record<SetupField, Msg[]>> }
  | { ok: false; errors: SetupErrors };

const emailSchema = z.email();

export function guessAccountType(email: string): AccountType | null {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain) return null;
  return PERSONAL_DOMAINS.has(domain) ? 'personal' : 'workspace';
}

export function parseGmail(input: string): { ok: true; value: string } | { ok: false; error: Msg; suggestion?: string } {
  const raw = input.trim();
  if (raw === '') return { ok: false, error: msg('err.gmail.empty') };
  const lower = raw.toLowerCase().replace(/^mailto:/, '');
  const at = lower.indexOf('@');
  if (at < 1) return { ok: false, error: msg('err.gmail.invalid') };
  const domain = lower.slice(at + 1);
  if (!domain.includes('.')) return { ok: false, error: msg('err.gmail.noDomain') };
  if (!emailSchema.safeParse(lower).success) return { ok: false, error: msg('err.gmail.invalid') };
  return { ok: true, value: lower };
}

/**
 * Validates the whole form. The Gmail address may still be empty when connecting to Odoo (the
 * probe proposes the Odoo user's address); anything typed must be valid.
 */
export function validateSetup(input: SetupInput, opts: { requireGmail?: boolean } = {}): SetupResult {
  const errors: SetupErrors = {};
  const warnings: Partial<Record<SetupField, Msg[]>> = {};

  const url = parseOdooUrl(input.odooUrl);
  if (!url.ok) errors.odooUrl = { error: url.error, ...(url.suggestion ? { suggestion: url.suggestion } : {}) };
  else if (url.warnings.length) warnings.odooUrl = url.warnings;

  let gmail: string | null = null;
  if (input.gmail.trim() !== '' || opts.requireGmail) {
    const g = parseGmail(input.gmail);
    if (!g.ok) errors.gmail = { error: g.error };
    else gmail = g.value;
  }

  const accountType = input.accountType ?? (gmail ? guessAccountType(gmail) : null);
  if (gmail && accountType) {
    const guessed = guessAccountType(gmail);
    if (accountType === 'workspace' && guessed === 'personal') {
      errors.accountType = { error: msg('err.accountType.personalAddress', { domain: gmail.split('@')[1] ?? '' }) };
    } else if (accountType === 'personal' && guessed === 'workspace') {
      warnings.accountType = [msg('warn.accountType.customDomain', { domain: gmail.split('@')[1] ?? '' })];
    }
  }

  if (!url.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { odooOrigin: url.origin, gmail, accountType, gmailProposed: false }, warnings };
}
