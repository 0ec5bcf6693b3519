/**
 * The public suffix list, in the background only: read on first use (./psl-file.ts), matched by
 * lib/google/suffix-list.ts. Google's rules (lib/google/redirect-uri.ts) take what it says of a host as
 * `HostFacts`; the background looks up the hosts the popup shows values for — the Odoo address and
 * web.base.url's host — whenever the setup or the probe changes, and stores their facts
 * (lib/state/host-facts.ts), which the popup reads with its snapshot. Its own views (the Console
 * assistant's context, the troubleshooter, the publishing links) look up what they lack first.
 */
import { browser } from 'wxt/browser';
import { type HostFacts, suffixFactsOf, suffixKey } from '../google/suffix-facts';
import { parseSuffixList, type SuffixList, suffixFacts } from '../google/suffix-list';
import { hostFactsItem } from '../state/host-facts';
import { probeItem, setupItem } from '../state/items';
import { readSnapshot, type Snapshot, scope } from '../state/snapshot';
import { parseUrl } from '../url';
import { readPslFile } from './psl-file';

let loading: Promise<SuffixList> | null = null;

/** The list, read and parsed once per background lifetime; a failed read is tried again on the next lookup. */
export function suffixList(): Promise<SuffixList> {
  if (!loading) {
    const attempt = readPslFile().then(parseSuffixList);
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}

/** A URL's host, or the host name itself. */
const hostOf = (urlOrHost: string): string => suffixKey(parseUrl(urlOrHost.trim())?.hostname || urlOrHost.trim());

/** What the list says of each host (URLs or host names). */
export async function lookUpHosts(urlsOrHosts: readonly string[]): Promise<HostFacts> {
  const list = await suffixList();
  return Object.fromEntries(urlsOrHosts.map((u) => [hostOf(u), suffixFacts(list, hostOf(u))]));
}

/** The hosts the popup shows values for: the Odoo address and web.base.url's (the redirect URI's) host. */
export function shownHosts(s: Pick<Snapshot, 'setup' | 'probe'>): string[] {
  const urls = [s.setup?.odooOrigin, s.probe?.odoo?.baseUrl];
  return [...new Set(urls.flatMap((u) => (u?.trim() && parseUrl(u.trim()) ? [hostOf(u)] : [])))];
}

const extensionVersion = (): string => browser.runtime.getManifest().version;

// One write at a time, each from what is stored when it runs.
let queue: Promise<unknown> = Promise.resolve();

/**
 * Stores the facts of `hosts` (URLs or host names), looking up those not stored yet (or stored by another
 * version of the extension, whose list may differ); `only`: and forgets every other host. Returns them.
 */
export function noteHosts(hosts: readonly string[], { only = false } = {}): Promise<HostFacts> {
  const run = queue.then(async () => {
    const version = extensionVersion();
    const stored = await hostFactsItem.get();
    const current: HostFacts = stored?.version === version ? stored.hosts : {};
    const keys = [...new Set(hosts.map(hostOf))];
    const missing = keys.filter((k) => !suffixFactsOf(current, k));
    const kept = only
      ? Object.fromEntries(
          keys.flatMap((k) => {
            const facts = suffixFactsOf(current, k);
            return facts ? [[k, facts]] : [];
          }),
        )
      : current;
    const unchanged =
      missing.length === 0 && stored?.version === version && Object.keys(kept).length === Object.keys(current).length;
    // Nothing stored and nothing to store (no setup yet): storage stays untouched.
    if (unchanged || (!stored && keys.length === 0)) return current;
    const next = { ...kept, ...(missing.length ? await lookUpHosts(missing) : {}) };
    await hostFactsItem.set({ version, hosts: next });
    return next;
  });
  queue = run.catch(() => undefined);
  return run;
}

/** Looks up the hosts of the stored setup and probe again; the popup's snapshot follows. */
export async function refreshHostFacts(): Promise<void> {
  const [setup, probe] = await Promise.all([setupItem.get(), probeItem.get()]);
  await noteHosts(shownHosts(scope({ setup, probe })), { only: true });
}

/**
 * Whenever the setup or the probe changes, and on an update (an older version's facts). Returns the
 * refresh for start-up (a setup stored before), which the background runs once its first message is
 * answered (lib/background/index.ts).
 */
export function watchHostFacts(): () => void {
  const refresh = () => void refreshHostFacts().catch(() => undefined);
  setupItem.watch(refresh);
  probeItem.watch(refresh);
  browser.runtime.onInstalled.addListener(refresh);
  return refresh;
}

/**
 * The snapshot with the facts of its hosts and of `extra` (URLs or host names the caller is about to judge:
 * a redirect URI Google reported, a link the person typed) — the background's views never wait for the
 * popup's. A list that cannot be read leaves the facts as they were: not known, so no TLD problem.
 */
export async function withHostFacts(s: Snapshot, extra: readonly string[] = []): Promise<Snapshot> {
  const shown = shownHosts(s);
  const wanted = [...shown, ...extra.filter((u) => u.trim())];
  if (wanted.every((u) => suffixFactsOf(s.hosts, hostOf(u)))) return s;
  try {
    const [stored, more] = await Promise.all([noteHosts(shown), lookUpHosts(extra.filter((u) => u.trim()))]);
    return { ...s, hosts: { ...s.hosts, ...stored, ...more } };
  } catch {
    return s;
  }
}

/** `readSnapshot`, then `withHostFacts`. */
export async function readSnapshotWithFacts(extra: readonly string[] = []): Promise<Snapshot> {
  return withHostFacts(await readSnapshot(), extra);
}
