/**
 * What the Odoo website module offers for "Publish app" (google-console-2026.md §1): its pages whose
 * address mentions "privacy". An Odoo without the website module refuses the model (`odooError`).
 */
import * as z from 'zod/mini';
import { callParsed } from './call';

export const PageRows = z.lazy(() => z.array(z.looseObject({ url: z.string() })));

export function readPrivacyPages(origin: string): Promise<z.infer<typeof PageRows>> {
  return callParsed(origin, 'website.page', 'search_read', [[['url', 'ilike', 'privacy']]], PageRows, {
    kwargs: { fields: ['url'], limit: 5 },
  });
}
