/**
 * `hostFactsItem` (`hostFacts`, session; written by background/public-suffix): what the public suffix list
 * says of the hosts the popup shows values for — the Odoo address and web.base.url's host
 * (lib/google/suffix-facts.ts). The list is in no bundle: the background reads it on first use and keeps
 * here the facts the popup needs, with the extension version they were looked up with (a new version may
 * carry a new list: they are looked up again). Public names only, no secret; a cache of what the packaged
 * list says, so in memory (`session`): after a browser restart the background looks them up again, and the
 * popup says "not known yet" until then.
 */
import * as z from 'zod/mini';
import { defineValidatedItem } from './define';

export const StoredHostFacts = z.lazy(() =>
  z.object({
    /** The extension version whose list gave these facts. */
    version: z.string(),
    /** Per host (`suffixKey`): on the list or not, and its registrable domain. */
    hosts: z.record(z.string(), z.object({ listed: z.boolean(), domain: z.nullable(z.string()) })),
  }),
);
export type StoredHostFacts = z.infer<typeof StoredHostFacts>;

export const hostFactsItem = defineValidatedItem('session:hostFacts', z.nullable(StoredHostFacts), {
  fallback: null,
  version: 1,
});
