/**
 * `incomingItem` (`incoming`, local; written by background/incoming): "Also receive mail from this Gmail" —
 * the incoming (IMAP) server the extension set up for the outgoing address, where its consent stands, and
 * what Odoo confirmed (captures facts 15–22). Never a token: the refresh token is only known as counted.
 */
import * as z from 'zod/mini';
import { IMAP_READINGS, IncomingSchema } from '../odoo/incoming-shapes';
import { MsgData } from '../setup/steps';
import { defineValidatedItem } from './define';

export const INCOMING_CHECK_STATUSES = [
  'ok',
  'noToken',
  'notConfirmed',
  'failing',
  'stale',
  'serverMissing',
  'unreachable',
] as const;
export type IncomingCheckStatus = (typeof INCOMING_CHECK_STATUSES)[number];

export const IncomingLanding = z.lazy(() =>
  z.union([
    z.object({ kind: z.literal('model'), name: z.string() }),
    z.object({ kind: z.literal('alias'), alias: z.string(), name: z.string() }),
    z.object({ kind: z.literal('nowhere') }),
  ]),
);

export const IncomingSetup = z.lazy(() =>
  z.object({
    /** The Odoo and the address this is about; another one means "nothing known". */
    origin: z.string(),
    gmail: z.string(),
    serverId: z.nullable(z.int()),
    schema: z.nullable(IncomingSchema),
    /**
     * `working`: the server is being written; `waiting`: Google's consent is open; `confirming`: back in Odoo,
     * Test & Confirm runs; `confirmed`: Odoo says Confirmed; `failed`: a step failed (`error`); `refused`: the
     * consent came back to Odoo's confirm page (Google's `error`, or Odoo refused the state).
     */
    status: z.enum(['working', 'waiting', 'confirming', 'confirmed', 'failed', 'refused']),
    at: z.number(),
    /** When the consent was opened (a return to Odoo counts within a window after it). */
    startedAt: z.nullable(z.number()),
    error: z.nullable(MsgData),
    /** Test & Confirm's refusal in Odoo's words, with its reading (facts 18, 22). */
    refusal: z.nullable(z.object({ odooText: z.string(), reading: z.enum(IMAP_READINGS) })),
    /** What Odoo holds now: token counted, Last Fetch Date, where mail lands. */
    server: z.nullable(
      z.object({
        confirmed: z.boolean(),
        token: z.nullable(z.boolean()),
        lastFetch: z.nullable(z.number()),
        lastError: z.nullable(z.object({ at: z.nullable(z.number()), text: z.string() })),
        landing: IncomingLanding,
      }),
    ),
    /**
     * The monitor's last look at it (background/monitor runs it beside the outgoing check): `ok`, or what is
     * wrong — no token, not Confirmed (the cron skips it), Test & Confirm failing (with Odoo's text and its
     * reading), a Last Fetch Date that stopped moving (written after every attempt, fact 19: the cron is not
     * running), the server gone, or Odoo not reachable (says nothing about the server).
     */
    check: z.optional(
      z.nullable(
        z.object({
          at: z.number(),
          status: z.enum(INCOMING_CHECK_STATUSES),
          reading: z.nullable(z.enum(IMAP_READINGS)),
          odooText: z.nullable(z.string()),
        }),
      ),
    ),
  }),
);
export type IncomingSetup = z.infer<typeof IncomingSetup>;

export const incomingItem = defineValidatedItem('local:incoming', z.nullable(IncomingSetup), { fallback: null, version: 1 });
