/**
 * `personalItem` (`personal`, local; written by background/personal): "Connect my own Gmail" — an Odoo 19
 * user's personal mail server (captures facts 23–28): where its consent stands, and what Odoo said. Never a
 * token: the user cannot even read the server (fact 24); Odoo's test says whether it sends.
 */
import * as z from 'zod/mini';
import { SETUP_READINGS } from '../odoo/gmail-personal';
import { MsgData } from '../setup/steps';
import { defineValidatedItem } from './define';

export const PersonalSetup = z.lazy(() =>
  z.object({
    /** The Odoo and the user this is about. */
    origin: z.string(),
    uid: z.int(),
    /** The user's Odoo address: the Google account Odoo will accept (fact 25). */
    email: z.nullable(z.string()),
    /**
     * `idle`: known, nothing started; `working`: asking Odoo for the consent; `waiting`: Google's consent is
     * open; `testing`: back on the preferences, Odoo's test runs; `connected`: the test passed; `failed`: a
     * step failed (`error`); `refused`: the consent came back to Odoo's confirm page (cancelled, or another
     * account — `chosen`).
     */
    status: z.enum(['idle', 'working', 'waiting', 'testing', 'connected', 'failed', 'refused']),
    at: z.number(),
    startedAt: z.nullable(z.number()),
    error: z.nullable(MsgData),
    /** Odoo's own words for the failure, kept verbatim (facts 23, 26). */
    odooText: z.nullable(z.string()),
    /** Why "Gmail" was refused (fact 23). */
    reading: z.nullable(z.enum(SETUP_READINGS)),
    /** The Google account chosen instead of `email` (fact 25's page), when Odoo refused it. */
    chosen: z.nullable(z.string()),
    /** Settings › "Use Custom Email Servers" as the user's record says (fact 23); null until read. */
    customServers: z.nullable(z.boolean()),
    /** The active personal server's name (fact 25), null when there is none. */
    server: z.nullable(z.string()),
  }),
);
export type PersonalSetup = z.infer<typeof PersonalSetup>;

export const personalItem = defineValidatedItem('local:personal', z.nullable(PersonalSetup), { fallback: null, version: 1 });
