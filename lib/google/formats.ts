/**
 * Google OAuth client formats (docs/evidence/google-console.md §5.1–5.3): the Client ID, the
 * client secret, and the downloaded `client_secret_*.json`. Every value captured on the Console,
 * imported from a file or pasted by hand goes through these before it is kept or sent to Odoo.
 */
import * as z from 'zod/mini';
import { type Msg, msg } from '../i18n';
import { parseClientId, parseClientSecret } from './client-formats';

export {
  asClientId,
  asClientSecret,
  CLIENT_ID_IN_TEXT,
  CLIENT_ID_LENIENT_RE,
  CLIENT_ID_RE,
  CLIENT_SECRET_IN_TEXT,
  CLIENT_SECRET_RE,
  type FormatResult,
  LEGACY_CLIENT_SECRET_RE,
  parseClientId,
  parseClientSecret,
} from './client-formats';

/** The downloaded file is at most a few hundred bytes; anything far larger is not it. */
export const MAX_JSON_BYTES = 64 * 1024;

const WebClientJson = z.lazy(() =>
  z.object({
    web: z.looseObject({
      client_id: z.string(),
      client_secret: z.string(),
      project_id: z.optional(z.string()),
      redirect_uris: z.optional(z.array(z.string())),
      javascript_origins: z.optional(z.array(z.string())),
    }),
  }),
);

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
