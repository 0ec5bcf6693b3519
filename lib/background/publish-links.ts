/**
 * The App home page and privacy policy link for "Publish app" (publishing to production; google-console-2026.md
 * §1): Google keeps "Publish app" disabled until Branding has both, on the app's authorized domains.
 * When the person chooses production, the Odoo's own website gives them if it has one — its home page
 * and its privacy page (`website.page` whose address mentions "privacy"); otherwise the person gives them
 * in the popup, checked here (https, on an authorized domain). The Console assistant's Branding step then
 * fills them, and Publish app can be pressed.
 */
import type * as z from 'zod/mini';
import { OdooRpcError } from '../odoo/errors';
import { type PageRows, readPrivacyPages } from '../odoo/website';
import type { Reply } from '../protocol';
import { checkPublishLink, websiteLinks } from '../setup/publish-links';
import { authorizedDomains as domainsOf } from '../state/derive';
import { type PublishLinks, publishLinksItem } from '../state/items';
import { readSnapshot } from '../state/snapshot';
import { hasOriginPermission } from './odoo-connection';
import { readSnapshotWithFacts } from './public-suffix';

/** The domains a link may be on: the one the assistant adds for Odoo's redirect host, and those Google lists. */
export async function authorizedDomains(): Promise<string[]> {
  return domainsOf(await readSnapshotWithFacts());
}

/**
 * What the Odoo website offers, read with the admin's session: null when the extension cannot ask
 * (no probe, no permission) — then nothing is stored and the popup asks the person.
 */
async function fromWebsite(): Promise<PublishLinks | null> {
  const { setup, probe } = await readSnapshot();
  if (!setup || probe?.status !== 'ok' || !probe.odoo?.baseUrl) return null;
  const origin = setup.odooOrigin;
  if (!(await hasOriginPermission(origin))) return null;
  let pages: z.infer<typeof PageRows>;
  try {
    pages = await readPrivacyPages(origin);
  } catch (error) {
    // No website module: the model does not exist (KeyError 15–17, NotFound 18–19; captures fact 1).
    if (error instanceof OdooRpcError && error.kind === 'odooError')
      return { home: null, privacy: null, source: 'none', at: Date.now() };
    return null;
  }
  const privacy =
    pages
      .map((p) => p.url)
      .filter((u) => u.startsWith('/'))
      .sort((a, b) => a.length - b.length)[0] ?? null;
  const links = websiteLinks(probe.odoo.baseUrl, privacy);
  return { ...links, source: 'website', at: Date.now() };
}

/** Production was chosen: propose the website's links, unless the person already gave theirs. */
export async function proposePublishLinks(): Promise<void> {
  const current = await publishLinksItem.get();
  if (current?.source === 'person') return;
  const found = await fromWebsite().catch(() => null);
  if (found) await publishLinksItem.set(found);
}

/** The person's links from the popup: each checked (https, on an authorized domain) before it is kept. */
export async function setPublishLinks(input: { home: string; privacy: string }): Promise<Reply<PublishLinks>> {
  // The public-suffix facts of Odoo's hosts (the authorized domain) and of the two links.
  const snapshot = await readSnapshotWithFacts([input.home, input.privacy]);
  const domains = domainsOf(snapshot);
  const home = checkPublishLink(input.home, domains, snapshot.hosts);
  if (!home.ok) return { ok: false, error: home.error };
  const privacy = checkPublishLink(input.privacy, domains, snapshot.hosts);
  if (!privacy.ok) return { ok: false, error: privacy.error };
  const links: PublishLinks = { home: home.value, privacy: privacy.value, source: 'person', at: Date.now() };
  await publishLinksItem.set(links);
  return { ok: true, value: links };
}
