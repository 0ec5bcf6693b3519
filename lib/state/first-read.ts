/**
 * The popup's first storage read, started as its bundle begins to run (entrypoints/popup/first-read.ts, the
 * first module main.tsx imports): the storage calls then travel while the rest of the bundle is evaluated,
 * instead of after it. So this module imports nothing but the browser namespace — no schema, no item — and
 * holds the snapshot's keys itself: ./snapshot.ts reads `SNAPSHOT_ITEMS`, whose keys these are
 * (state.test.ts checks that they agree; a key missing here is read again, never taken as empty).
 *
 * What it returns is raw, as storage holds it: each item's schema reads it later (./define.ts `readItems`).
 */
import { browser } from 'wxt/browser';

export type StorageKey = `local:${string}` | `session:${string}` | `sync:${string}` | `managed:${string}`;

/** What storage holds for each key read (`null`: nothing), as @wxt-dev/storage's `getItems` returns it. */
export type RawValues = ReadonlyMap<StorageKey, unknown>;

/** The keys of ./snapshot.ts `SNAPSHOT_ITEMS`, in their order. */
export const SNAPSHOT_KEYS = [
  'local:setup',
  'local:probe',
  'local:progress',
  'local:google',
  'local:odooGmail',
  'local:monitor',
  'local:diagnoses',
  'local:publishChoice',
  'local:publishLinks',
  'session:hostFacts',
  'local:incoming',
  'local:personal',
] as const satisfies readonly StorageKey[];

type Area = 'local' | 'session' | 'sync' | 'managed';
const split = (key: StorageKey) => {
  const at = key.indexOf(':');
  return { area: key.slice(0, at) as Area, name: key.slice(at + 1) };
};

/** The keys' raw values, one `get` per storage area (the same calls as @wxt-dev/storage's `getItems`). */
export async function readRaw(keys: readonly StorageKey[]): Promise<RawValues> {
  const byArea = new Map<Area, string[]>();
  for (const key of keys) {
    const { area, name } = split(key);
    byArea.set(area, [...(byArea.get(area) ?? []), name]);
  }
  const out = new Map<StorageKey, unknown>();
  await Promise.all(
    [...byArea].map(async ([area, names]) => {
      const got: Record<string, unknown> = await browser.storage[area].get(names);
      for (const name of names) out.set(`${area}:${name}`, got[name] ?? null);
    }),
  );
  return out;
}

/** A read started early, and whether one of its keys changed since it started (then it may be stale). */
export interface FirstRead {
  values: Promise<RawValues>;
  changed(): boolean;
  /** Stops noticing changes: whoever takes the read over watches from then on. */
  stop(): void;
}

/** Starts reading `keys` now, and notices any change to them from now on until `stop`. */
export function startFirstRead(keys: readonly StorageKey[]): FirstRead {
  let changed = false;
  const watched = new Set<string>(keys);
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (Object.keys(changes).some((name) => watched.has(`${area}:${name}`))) changed = true;
  };
  browser.storage.onChanged.addListener(listener);
  return {
    values: readRaw(keys),
    changed: () => changed,
    stop: () => browser.storage.onChanged.removeListener(listener),
  };
}
