/**
 * The public suffix list in the background (lib/background/public-suffix.ts): read once from the package
 * (`/psl.txt`), the facts of the hosts the popup shows stored before the setup that names them, looked up
 * again when web.base.url moves to another host or the extension is updated, and the background's own views
 * never waiting for them. The popup side — "not known yet", never a false problem — is in computed.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBackground } from '@/lib/background';
import { saveSetup } from '@/lib/background/odoo-connection';
import { noteHosts, readSnapshotWithFacts, refreshHostFacts, watchHostFacts } from '@/lib/background/public-suffix';
import { removeAllListeners } from '@/lib/messaging';
import { hostFactsItem } from '@/lib/state/host-facts';
import { probeItem, setupItem } from '@/lib/state/items';
import { readSnapshot } from '@/lib/state/snapshot';
import { aProbe, aSetup, ORIGIN } from '../support/builders';
import { installPermissions, POPUP, sendAs } from './helpers';
import { PSL_TEXT } from './host-facts';

const ODOO_COM = { listed: true, domain: 'odoo.com' };

/** Resolves once `hostFactsItem` holds `host`. */
const factsFor = (host: string) =>
  new Promise<void>((resolve) => {
    const unwatch = hostFactsItem.watch((v) => {
      if (v?.hosts[host]) {
        unwatch();
        resolve();
      }
    });
    void hostFactsItem.get().then((v) => {
      if (v?.hosts[host]) {
        unwatch();
        resolve();
      }
    });
  });

describe('the packaged list', () => {
  it('is fetched from the extension itself, once', async () => {
    const { readPslFile } = await vi.importActual<typeof import('@/lib/background/psl-file')>('@/lib/background/psl-file');
    const fetch = vi.fn(async () => new Response(PSL_TEXT));
    vi.stubGlobal('fetch', fetch);
    expect(await readPslFile()).toBe(PSL_TEXT);
    expect(fetch).toHaveBeenCalledWith('chrome-extension://test-extension-id/psl.txt', expect.anything());
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 404 })),
    );
    await expect(readPslFile()).rejects.toThrow('/psl.txt: HTTP 404');
    vi.unstubAllGlobals();
  });

  it('that never answers fails after its limit instead of holding its caller', async () => {
    const { readPslFile } = await vi.importActual<typeof import('@/lib/background/psl-file')>('@/lib/background/psl-file');
    // A fetch that answers only when aborted, as a stuck read would.
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
      ),
    );
    await expect(readPslFile(20)).rejects.toThrow(/timed out|abort/i);
    vi.unstubAllGlobals();
  });
});

describe('the facts the background stores for the popup', () => {
  beforeEach(() => {
    (fakeBrowser as unknown as { permissions: unknown }).permissions = { contains: async () => false };
  });
  afterEach(() => vi.unstubAllGlobals());

  it('are stored before the setup that names the host: the popup never sees the address without them', async () => {
    const seen: unknown[] = [];
    setupItem.watch(async (s) => seen.push(s ? (await hostFactsItem.get())?.hosts : 'no setup'));
    await saveSetup({ odooUrl: 'https://erp.example.co.uk', gmail: 'me@gmail.com', accountType: 'personal' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toEqual({ 'erp.example.co.uk': { listed: true, domain: 'example.co.uk' } });
  });

  it("follow web.base.url to another host, forget the hosts no longer shown, and start again with a new version's list", async () => {
    watchHostFacts();
    await setupItem.set(aSetup());
    await factsFor('acme.odoo.com');
    await probeItem.set(aProbe({ baseUrl: 'https://mail.acme.internal' }));
    await factsFor('mail.acme.internal');
    expect((await hostFactsItem.get())?.hosts).toEqual({
      'acme.odoo.com': ODOO_COM,
      'mail.acme.internal': { listed: false, domain: 'acme.internal' },
    });
    expect((await readSnapshot()).hosts['mail.acme.internal']?.listed).toBe(false);

    await probeItem.set(aProbe());
    await vi.waitFor(async () => expect((await hostFactsItem.get())?.hosts).toEqual({ 'acme.odoo.com': ODOO_COM }));

    // An update may carry another list: what an older version stored is looked up again.
    await hostFactsItem.set({ version: 'older', hosts: { 'acme.odoo.com': { listed: false, domain: null } } });
    await refreshHostFacts();
    expect(await hostFactsItem.get()).toEqual({ version: '0.0.0-test', hosts: { 'acme.odoo.com': ODOO_COM } });
  });

  it('leave storage untouched while nothing is set up', async () => {
    await refreshHostFacts();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
  });

  it("give the background's own views the facts they lack, and of the hosts they are about to judge", async () => {
    await setupItem.set(aSetup());
    expect((await readSnapshot()).hosts).toEqual({});
    const s = await readSnapshotWithFacts(['https://acme.github.io/privacy']);
    expect(s.hosts).toEqual({ 'acme.odoo.com': ODOO_COM, 'acme.github.io': { listed: true, domain: 'acme.github.io' } });
    // Only the shown hosts are kept for the popup.
    expect((await hostFactsItem.get())?.hosts).toEqual({ 'acme.odoo.com': ODOO_COM });
    expect(await noteHosts([ORIGIN])).toEqual({ 'acme.odoo.com': ODOO_COM });
  });
});

describe('the start-up refresh', () => {
  afterEach(() => removeAllListeners());

  it('waits until the first message is answered, and runs again on an update', async () => {
    installPermissions();
    await setupItem.set(aSetup());
    // An update's list: what an older version stored is looked up again.
    await hostFactsItem.set({ version: 'older', hosts: { 'acme.odoo.com': { listed: false, domain: null } } });
    const localReads = vi.spyOn(fakeBrowser.storage.local, 'get');
    startBackground();
    // The message that woke the worker is answered before the refresh reads anything.
    expect(await sendAs(POPUP, 'pendingCredentials', {})).toMatchObject({ ok: true });
    expect(localReads).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect((await hostFactsItem.get())?.version).toBe('0.0.0-test'));
    expect((await hostFactsItem.get())?.hosts).toEqual({ 'acme.odoo.com': ODOO_COM });

    await hostFactsItem.set({ version: 'older', hosts: { 'acme.odoo.com': { listed: false, domain: null } } });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await vi.waitFor(async () => expect((await hostFactsItem.get())?.version).toBe('0.0.0-test'));
  });
});
