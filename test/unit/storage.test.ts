import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { defineValidatedItem, readItems } from '@/lib/state/define';
import { hostFactsItem } from '@/lib/state/host-facts';
import { probeItem, progressItem, setupItem } from '@/lib/state/items';
import { readSnapshot } from '@/lib/state/snapshot';
import { aSetup } from '../support/builders';

/** An item at version 2 whose stored value was written at version 1 (`{ url }`, now `{ odooOrigin }`). */
async function prefsWrittenAtV1(key: string) {
  await fakeBrowser.storage.local.set({ [key]: { url: 'https://acme.odoo.com/' }, [`${key}$`]: { v: 1 } });
  return defineValidatedItem(`local:${key}`, z.nullable(z.object({ odooOrigin: z.string() })), {
    fallback: null,
    version: 2,
    migrations: { 2: (old) => ({ odooOrigin: new URL((old as { url: string }).url).origin }) },
  });
}

describe('validated storage items', () => {
  it('round-trips a setup in storage.local', async () => {
    const setup = {
      odooOrigin: 'https://acme.odoo.com',
      gmail: 'me@acme.com',
      accountType: 'workspace' as const,
      gmailProposed: false,
    };
    await setupItem.set(setup);
    expect(await setupItem.get()).toEqual(setup);
    expect((await fakeBrowser.storage.local.get('setup')).setup).toEqual(setup);
  });

  it('falls back to the default when the stored value is damaged, instead of crashing the popup', async () => {
    await fakeBrowser.storage.local.set({ setup: { odooOrigin: 42, gmail: ['x'] } });
    expect(await setupItem.get()).toBeNull();
    await fakeBrowser.storage.local.set({ probe: 'garbage' });
    expect(await probeItem.get()).toBeNull();
  });

  it('refuses to write a value its schema rejects, and keeps the old one', async () => {
    await setupItem.set(aSetup({ odooOrigin: 'https://a.example.com', gmail: null, accountType: null }));
    // @ts-expect-error — a wrong shape on purpose
    await expect(setupItem.set({ odooOrigin: 1 })).rejects.toThrow();
    expect((await setupItem.get())?.odooOrigin).toBe('https://a.example.com');
  });

  it('runs migrations from the stored version before the first read', async () => {
    // A value written by an earlier build, with WXT's version metadata beside it.
    const prefs = await prefsWrittenAtV1('prefs');
    expect(await prefs.get()).toEqual({ odooOrigin: 'https://acme.odoo.com' });
    expect((await fakeBrowser.storage.local.get('prefs$')).prefs$).toMatchObject({ v: 2 });
  });

  it('reads nothing when it is defined without migrations: a wake-up of the background pays no read per item', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const item = defineValidatedItem('local:quiet', z.nullable(z.string()), { fallback: null, version: 1 });
    expect(await item.get()).toBeNull();
    // The read of `get()`, and no other (WXT's `defineItem` adds one at definition).
    expect(get).toHaveBeenCalledTimes(1);
    get.mockRestore();
  });

  it('serialises concurrent updates: no write is lost', async () => {
    const counter = defineValidatedItem('local:counter', z.number(), { fallback: 0, version: 1 });
    await Promise.all(Array.from({ length: 20 }, () => counter.update((n) => n + 1)));
    expect(await counter.get()).toBe(20);
  });

  it('tells watchers about changes with the parsed value', async () => {
    const seen: unknown[] = [];
    const unwatch = setupItem.watch((v) => seen.push(v));
    await setupItem.set(aSetup({ odooOrigin: 'https://b.example.com', gmail: null, accountType: null }));
    await fakeBrowser.storage.local.set({ setup: { broken: true } });
    unwatch();
    expect(seen).toEqual([aSetup({ odooOrigin: 'https://b.example.com', gmail: null, accountType: null }), null]);
  });

  it('reads several items in one storage call per area, each value as its own get returns it', async () => {
    await setupItem.set(aSetup({ odooOrigin: 'https://c.example.com', gmail: null, accountType: null }));
    await fakeBrowser.storage.local.set({ probe: 'garbage' });
    await fakeBrowser.storage.session.set({ hostFacts: { version: '1', hosts: {} } });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    const batch = await readItems([setupItem, probeItem, progressItem, hostFactsItem] as const);
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([1, 1]);
    expect(batch).toEqual([await setupItem.get(), await probeItem.get(), await progressItem.get(), await hostFactsItem.get()]);
    expect(batch[1]).toBeNull();
    expect(batch[2]).toEqual({});
    local.mockRestore();
    session.mockRestore();
  });

  it('reads the whole snapshot in one storage call per area', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');
    await readSnapshot();
    expect([local.mock.calls.length, session.mock.calls.length]).toEqual([1, 1]);
    local.mockRestore();
    session.mockRestore();
  });

  it('runs the migrations of an item before a batched read returns it', async () => {
    const prefs = await prefsWrittenAtV1('prefs2');
    expect(await readItems([prefs, setupItem] as const)).toEqual([{ odooOrigin: 'https://acme.odoo.com' }, null]);
  });
});
