/**
 * What one database's setup says about another (lib/state/setups.ts): a pure view model for the popup.
 */
import type { ProbeResult } from '../odoo/probe';
import type { SavedSetup } from '../state/setups';
import type { OdooGmailState } from './odoo-state';

/** The Client ID an Odoo was seen to hold: read by the probe, or saved there by the extension. */
const heldClientId = (probe: ProbeResult | null, odooGmail: OdooGmailState | null): string | null =>
  probe?.odoo?.clientId ?? odooGmail?.credentials?.clientId ?? null;

/**
 * The kept databases whose Odoo holds the Client ID the current one already held before the extension wrote
 * any: the sign of a copy (a staging or test database restored from production keeps its settings, and its
 * Gmail server with production's token). Nothing when the extension saved the client here itself (the person
 * uses one client for several databases on purpose), or when the copy is neutralized (its own warning says
 * more, odoo-gmail.md §9.1).
 */
export function sameClientAs(
  current: { probe: ProbeResult | null; odooGmail: OdooGmailState | null },
  saved: Record<string, SavedSetup>,
): { origin: string; db: string; clientId: string }[] {
  const clientId = current.probe?.odoo?.clientId ?? null;
  if (!clientId || current.probe?.odoo?.neutralized) return [];
  const written = current.odooGmail?.credentials;
  if (written && !written.found) return [];
  return Object.values(saved)
    .filter((e) => e.setup.odooOrigin !== current.probe?.origin && heldClientId(e.probe, e.odooGmail) === clientId)
    .map((e) => ({ origin: e.setup.odooOrigin, db: e.probe?.odoo?.db ?? new URL(e.setup.odooOrigin).host, clientId }));
}
