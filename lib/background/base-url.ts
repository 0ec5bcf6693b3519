/**
 * Odoo's `web.base.url`, kept current. Real Odoo rewrites it at every administrator login to the address
 * that login came through, unless `web.base.url.freeze` is set (odoo-gmail.md §9; captures fact 6,
 * `baseurl-*`), and the redirect URI Odoo sends to Google follows it. The value read at "Connect to Odoo"
 * is therefore only a snapshot: it is read again when the popup opens, before "Connect your Gmail
 * account", and at each monitor check. A value that moved is stored on the probe with the value it
 * replaced (`baseUrlWas`), so the popup says so on the spot, with the freeze fix.
 */
import { readBaseUrl } from '../odoo/base-url';
import { type BaseUrlRead, type ProbeResult, withBaseUrl } from '../odoo/probe';
import type { Reply } from '../protocol';
import { probeItem, setupItem } from '../state/items';
import { hasOriginPermission } from './odoo-connection';

/** Stores what was read on the probe of `origin` (if it is still the stored one). */
export async function noteBaseUrl(origin: string, read: BaseUrlRead): Promise<ProbeResult | null> {
  let next: ProbeResult | null = null;
  await probeItem.update((p) => {
    if (!p || p.origin !== origin || !p.odoo) return p;
    next = withBaseUrl(p, read).probe;
    return next;
  });
  return next;
}

/**
 * The popup's look when it opens: for an administrator's Odoo the extension already knows, read
 * web.base.url and the freeze flag again. Nothing is asked of an Odoo not probed as such, or without
 * the permission; a failure leaves the stored value (the popup still shows when it was read).
 */
export async function recheckBaseUrl(): Promise<Reply<ProbeResult | null>> {
  const [setup, probe] = await Promise.all([setupItem.get(), probeItem.get()]);
  if (!setup || probe?.origin !== setup.odooOrigin || probe.status !== 'ok' || !probe.odoo?.isSystem) {
    return { ok: true, value: probe ?? null };
  }
  const origin = setup.odooOrigin;
  if (!(await hasOriginPermission(origin))) return { ok: true, value: probe };
  try {
    return { ok: true, value: await noteBaseUrl(origin, await readBaseUrl(origin)) };
  } catch {
    return { ok: true, value: probe };
  }
}
