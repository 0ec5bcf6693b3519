/**
 * The Client ID and client secret formats (docs/evidence/google-console.md §5.1–5.2), without
 * zod, so that the Console content script can check what it captures and stay small. `formats.ts`
 * re-exports everything here.
 */
import { type Msg, msg } from '../i18n';

/** `<project-number>-<32 of [a-z0-9]>.apps.googleusercontent.com` (§5.1, strict form). */
export const CLIENT_ID_RE = /^\d+-[a-z0-9]{32}\.apps\.googleusercontent\.com$/;
/** The lenient form several scripts use (§5.1); accepted with a note, never silently. */
export const CLIENT_ID_LENIENT_RE = /^\d+-[a-z0-9]+\.apps\.googleusercontent\.com$/;
/** `GOCSPX-` + 28 of `[A-Za-z0-9_-]` (§5.2); older clients: 24 characters without a prefix. */
export const CLIENT_SECRET_RE = /^GOCSPX-[A-Za-z0-9_-]{28}$/;
export const LEGACY_CLIENT_SECRET_RE = /^[A-Za-z0-9_-]{24}$/;
/** Found inside longer text (a dialog's innerText, a pasted paragraph). */
export const CLIENT_ID_IN_TEXT = /\b\d+-[a-z0-9]+\.apps\.googleusercontent\.com\b/;
export const CLIENT_SECRET_IN_TEXT = /GOCSPX-[A-Za-z0-9_-]{20,}/;

export type FormatResult = { ok: true; value: string } | { ok: false; error: Msg };

/**
 * The Client ID `input` holds (trimmed), or null: exactly what `parseClientId` accepts, without the reasons
 * it gives a person for a refusal — the Console's capture only keeps or skips a value, and its bundle stays
 * without those messages.
 */
export function asClientId(input: string): string | null {
  const value = input.trim();
  return CLIENT_ID_RE.test(value) || CLIENT_ID_LENIENT_RE.test(value) ? value : null;
}

/** The client secret `input` holds (trimmed), or null: exactly what `parseClientSecret` accepts (see `asClientId`). */
export function asClientSecret(input: string): string | null {
  const value = input.trim();
  return CLIENT_SECRET_RE.test(value) || LEGACY_CLIENT_SECRET_RE.test(value) ? value : null;
}

export function parseClientId(input: string): FormatResult {
  const value = input.trim();
  if (value === '') return { ok: false, error: msg('err.clientId.empty') };
  if (/\s/.test(value)) return { ok: false, error: msg('err.clientId.spaces') };
  if (asClientId(value)) return { ok: true, value };
  if (value.startsWith('GOCSPX-')) return { ok: false, error: msg('err.clientId.isSecret') };
  if (!value.endsWith('.apps.googleusercontent.com')) return { ok: false, error: msg('err.clientId.suffix') };
  return { ok: false, error: msg('err.clientId.shape') };
}

export function parseClientSecret(input: string): FormatResult {
  const value = input.trim();
  if (value === '') return { ok: false, error: msg('err.clientSecret.empty') };
  if (/\s/.test(value)) return { ok: false, error: msg('err.clientSecret.spaces') };
  if (value.endsWith('.apps.googleusercontent.com')) return { ok: false, error: msg('err.clientSecret.isId') };
  if (/^\*+.{0,4}$/.test(value) || value.includes('•')) return { ok: false, error: msg('err.clientSecret.masked') };
  if (asClientSecret(value)) return { ok: true, value };
  if (value.startsWith('GOCSPX-')) {
    // Longer than a secret: pasted twice, or with something after it — not "cut short".
    const long = value.length > 'GOCSPX-'.length + 28;
    return { ok: false, error: msg(long ? 'err.clientSecret.tooLong' : 'err.clientSecret.length') };
  }
  return { ok: false, error: msg('err.clientSecret.shape') };
}
