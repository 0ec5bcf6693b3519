/**
 * Google OAuth client formats (../shared/reference/google-console.md §5.1–5.3): the Client ID, the
 * client secret, and the downloaded `client_secret_*.json`. Every value captured on the Console,
 * imported from a file or pasted by hand goes through these before it is kept or sent to Odoo.
 */
import { z } from 'zod';
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

export function parseClientId(input: string): FormatResult {
  const value = input.trim();
  if (value === '') return { ok: false, error: msg('err.clientId.empty') };
  if (/\s/.test(value)) return { ok: false, error: msg('err.clientId.spaces') };
  if (CLIENT_ID_RE.test(value) || CLIENT_ID_LENIENT_RE.test(value)) return { ok: true, value };
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
  if (CLIENT_SECRET_RE.test(value) || LEGACY_CLIENT_SECRET_RE.test(value)) return { ok: true, value };
  if (value.startsWith('GOCSPX-')) return { ok: false, error: msg('err.clientSecret.length') };
  return { ok: false, error: msg('err.clientSecret.shape') };
}

/** The downloaded file is at most a few hundred bytes; anything far larger is not it. */
export const MAX_JSON_BYTES = 64 * 1024;

const WebClientJson = z.object({
  web: z
    .object({
      client_id: z.string(),
      client_secret: z.string(),
      project_id: z.string().optional(),
      redirect_uris: z.array(z.string()).optional(),
      javascript_origins: z.array(z.string()).optional(),
    })
    .loose(),
});

export type ClientJsonResult =
  | { ok: true; clientId: string; clientSecret: string; projectId: string | null; redirectUris: string[] }
  | { ok: false; error: Msg };

/** A `client_secret_*.json` (§5.3): `web` for a Web application; `installed` (Desktop) is refused. */
export function parseClientSecretJson(text: string): ClientJsonResult {
  if (text.length > MAX_JSON_BYTES) return { ok: false, error: msg('err.clientJson.tooLarge') };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: msg('err.clientJson.notJson') };
  }
  if (data && typeof data === 'object' && 'installed' in data) return { ok: false, error: msg('err.clientJson.desktop') };
  const parsed = WebClientJson.safeParse(data);
  if (!parsed.success) return { ok: false, error: msg('err.clientJson.notWeb') };
  const id = parseClientId(parsed.data.web.client_id);
  if (!id.ok) return id;
  const secret = parseClientSecret(parsed.data.web.client_secret);
  if (!secret.ok) return secret;
  return {
    ok: true,
    clientId: id.value,
    clientSecret: secret.value,
    projectId: parsed.data.web.project_id ?? null,
    redirectUris: parsed.data.web.redirect_uris ?? [],
  };
}

/** The project number a Client ID starts with (§5.1); it also works as `?project=` in links. */
export const projectNumberOf = (clientId: string): string | null => /^(\d+)-/.exec(clientId)?.[1] ?? null;
