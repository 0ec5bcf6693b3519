/**
 * What Odoo has confirmed about the Gmail setup, and the monitor's last check: the shapes of two
 * `storage.local` items (declared in lib/state/items.ts) written only by the background, read by the
 * popup and the checklist.
 * Never a secret or a token: the client secret lives in `credentialsItem` (session) until Odoo has
 * it; the refresh token is only ever known as present/absent.
 */
import * as z from 'zod/mini';
import { TEST_READINGS } from '../odoo/gmail-connection';
import { ServerSchema } from '../odoo/gmail-schema';
import { MsgData } from './steps';

/** The operations the popup can ask for; each may be running, and may have failed. */
export const ODOO_OPS = ['module', 'credentials', 'server', 'connect', 'check'] as const;
export type OdooOp = (typeof ODOO_OPS)[number];

export const OdooGmailState = z.lazy(() =>
  z.object({
    /** The Odoo these facts belong to; another origin means "nothing known". */
    origin: z.string(),
    credentials: z.nullable(
      z.object({
        clientId: z.string(),
        at: z.number(),
        /** true: Odoo holds exactly this secret; null: this Odoo keeps it where it cannot be checked. */
        secretConfirmed: z.nullable(z.boolean()),
        /** Found already in Odoo (entered by hand earlier), not written by the extension. */
        found: z._default(z.boolean(), false),
      }),
    ),
    server: z.nullable(
      z.object({
        id: z.int(),
        name: z.string(),
        gmail: z.string(),
        schema: ServerSchema.shape.kind,
        action: z.enum(['created', 'updated']),
        at: z.number(),
      }),
    ),
    /** "Connect your Gmail account": opened Google's consent page, waiting for Odoo's callback. */
    connect: z.nullable(
      z.object({
        serverId: z.int(),
        startedAt: z.number(),
        tabId: z.nullable(z.int()),
        status: z.enum(['waiting', 'connected', 'refused']),
        /** Google's `error` (access_denied …) when Odoo's callback page showed it. */
        detail: z.nullable(z.string()),
        redirectUri: z.nullable(z.string()),
        /** Google's consent page with the database's own client, or Odoo's relay (19.0 Enterprise, no credentials). */
        via: z.optional(z.enum(['google', 'relay'])),
        /**
         * The record's token stamp (`google_gmail_access_token_expiration`) when the connect started: a token
         * whose stamp differs came after it. Null: none then; absent: stored by an older version.
         */
        stampBefore: z.optional(z.nullable(z.number())),
      }),
    ),
    running: z.nullable(z.object({ op: z.enum(ODOO_OPS), at: z.number() })),
    errors: z.partialRecord(z.enum(ODOO_OPS), z.object({ at: z.number(), error: MsgData })),
  }),
);
export type OdooGmailState = z.infer<typeof OdooGmailState>;

export const emptyOdooGmailState = (origin: string): OdooGmailState => ({
  origin,
  credentials: null,
  server: null,
  connect: null,
  running: null,
  errors: {},
});

/**
 * The monitor's verdict. `ok`/`noToken`/`testFailed` are definitive (green / red); the others say the
 * check could not be made, and keep the last definitive verdict (`verdict`).
 */
export const MONITOR_STATUSES = [
  'ok',
  'noToken',
  'testFailed',
  'signedOut',
  'notAdmin',
  'unreachable',
  'serverError',
  'serverMissing',
  'permission',
  /** The server is archived: Odoo sends nothing through it (red). */
  'serverArchived',
  /** A neutralized copy (odoo-gmail.md §9.1): mail is off by design; neither green nor red. */
  'neutralized',
] as const;
export type MonitorStatus = (typeof MONITOR_STATUSES)[number];

const RED: readonly MonitorStatus[] = ['noToken', 'testFailed', 'serverMissing', 'serverArchived'];

/** What a status says of the connection: green, red, or nothing (the check could not be made, or says neither). */
export function verdictOf(status: MonitorStatus): 'green' | 'red' | null {
  if (status === 'ok') return 'green';
  return RED.includes(status) ? 'red' : null;
}

export const MonitorState = z.lazy(() =>
  z.object({
    origin: z.string(),
    serverId: z.int(),
    at: z.number(),
    trigger: z.enum(['manual', 'alarm', 'connect', 'popup']),
    status: z.enum(MONITOR_STATUSES),
    /** Refresh token present (boolean only); null when the check could not be made. */
    token: z.nullable(z.boolean()),
    test: z.nullable(z.object({ ok: z.boolean(), odooText: z.nullable(z.string()), reading: z.nullable(z.enum(TEST_READINGS)) })),
    /** HTTP status, Odoo's message … for the details line of an inconclusive check. */
    detail: z.nullable(z.string()),
    /** The last definitive verdict, carried over checks that could not be made. */
    verdict: z.nullable(z.enum(['green', 'red'])),
    /** When the "turned red" notification was shown for the current red spell. */
    notifiedAt: z.nullable(z.number()),
    /** When the check last came out green. */
    lastGreenAt: z.nullable(z.number()),
  }),
);
export type MonitorState = z.infer<typeof MonitorState>;

export type { MsgData };
