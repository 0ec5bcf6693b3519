/**
 * The incoming server's shapes that storage keeps (lib/state/incoming.ts) without the Odoo client: the
 * version's Gmail type as `fields_get` gave it (captures fact 15), and the readings of Odoo's IMAP
 * failure texts (facts 18, 22). Free of the transport, so the popup's bundle can parse them.
 */
import * as z from 'zod/mini';

export const IncomingSchema = z.lazy(() =>
  z.object({
    /** `flag15`: `imap` + `use_google_gmail_service`; `type16`: `server_type = 'gmail'`. */
    kind: z.enum(['flag15', 'type16']),
    /** Every field `fields_get` listed: reads ask only for fields of this version (19.0's `error_*`). */
    fields: z.array(z.string()),
  }),
);
export type IncomingSchema = z.infer<typeof IncomingSchema>;

/** What a failed Test & Confirm or a failed fetch means (facts 18, 22). */
export const IMAP_READINGS = ['tokenRevoked', 'imapRefused', 'noCredentials', 'unknown'] as const;
export type ImapReading = (typeof IMAP_READINGS)[number];
