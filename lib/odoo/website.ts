/**
 * What the Odoo website module offers for "Publish app" (google-console-2026.md §1): its pages whose
 * address mentions "privacy". An Odoo without the website module refuses the model (`odooError`).
 */
import { z } from 'zod';
import { callParsed } from './call';

export const PageRows = z.array(z.object({ url: z.string() }).loose());

export function readPrivacyPages(origin: string): Promise<z.infer<typeof PageRows>> {
  return callParsed(origin, 'website.page', 'search_read', [[['url', 'ilike', 'privacy']]], PageRows, {
    kwargs: { fields: ['url'], limit: 5 },
  });
}
