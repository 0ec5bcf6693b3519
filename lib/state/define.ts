/**
 * The one way the extension declares a storage item: @wxt-dev/storage `defineItem` with `version` +
 * `migrations`, read through a zod schema. A value written by an older build, or damaged by hand, falls
 * back to the default instead of crashing the popup. The items themselves are in ./items.ts.
 *
 * Declaring an item reads nothing: an item with migrations becomes WXT's `defineItem` on first use (it reads
 * its key and version at once); one without goes to the key directly (`rawItem`). Declaring every item at
 * import used to cost one storage read each in every page that imports ./items.ts, before it had asked for
 * anything. `readItems` reads several items in one storage call per area (what the popup reads on open,
 * ./snapshot.ts).
 */
import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';

export interface ValidatedItem<T> {
  readonly key: StorageKey;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(fn: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
  watch(cb: (value: T) => void): () => void;
  /** The value from what storage holds for `key` (`undefined`/`null`: nothing), as `get` returns it. */
  fromRaw(raw: unknown): T;
  /** Whether a value may be read without the item (no migrations to run first): see `readItems`. */
  readonly plain: boolean;
}

type StorageKey = `local:${string}` | `session:${string}` | `sync:${string}` | `managed:${string}`;
type ItemOptions<T> = { fallback: T; version: number; migrations?: Record<number, (old: unknown) => unknown> };

/** The raw value's operations: the part of a WXT storage item that `defineValidatedItem` uses. */
interface RawItem {
  getValue(): Promise<unknown>;
  setValue(value: unknown): Promise<void>;
  removeValue(): Promise<void>;
  watch(cb: (value: unknown) => void): () => void;
}

/**
 * An item with migrations is WXT's `defineItem`, which runs them from the stored version before the first
 * read. Without migrations, the same storage calls on the key: `defineItem` would also read the key once
 * as it is defined (its `init` step, which does nothing without `init`), one storage read per item each
 * time a context loads ./items.ts — the service worker's wake-up included, before it answers a message.
 */
function rawItem(key: StorageKey, options: ItemOptions<unknown>): RawItem {
  const { fallback, version, migrations } = options;
  if (migrations) return storage.defineItem<unknown>(key, { fallback, version, migrations });
  return {
    getValue: () => storage.getItem<unknown>(key, { fallback }),
    setValue: (value) => storage.setItem(key, value),
    removeValue: () => storage.removeItem(key),
    watch: (cb) => storage.watch<unknown>(key, (value) => cb(value ?? fallback)),
  };
}

export function defineValidatedItem<T>(key: StorageKey, schema: z.ZodMiniType<T>, options: ItemOptions<T>): ValidatedItem<T> {
  let made: RawItem | undefined;
  const item = (): RawItem => {
    made ??= rawItem(key, options);
    return made;
  };
  const parse = (raw: unknown): T => {
    const parsed = z.safeParse(schema, raw);
    return parsed.success ? parsed.data : options.fallback;
  };
  // One queue per item so that read-modify-write updates from one context never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    key,
    plain: !options.migrations,
    fromRaw: (raw) => parse(raw ?? options.fallback),
    get: async () => parse(await item().getValue()),
    set: async (value) => item().setValue(z.parse(schema, value)),
    update(fn) {
      const run = queue.then(async () => {
        const next = z.parse(schema, fn(parse(await item().getValue())));
        await item().setValue(next);
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    remove: () => item().removeValue(),
    watch: (cb) => item().watch((raw) => cb(parse(raw))),
  };
}

type Values<I extends readonly ValidatedItem<unknown>[]> = { [K in keyof I]: I[K] extends ValidatedItem<infer T> ? T : never };

/**
 * The items' values, as each one's `get` returns them, in one storage call per area. An item with
 * migrations is read through its own `get`, so they run first. `started`: raw values already being read
 * (./first-read.ts, the popup's first read); an item it does not hold is read here.
 */
export async function readItems<const I extends readonly ValidatedItem<unknown>[]>(
  items: I,
  started?: Promise<ReadonlyMap<string, unknown>>,
): Promise<Values<I>> {
  // A failed early read is read again here, as if none had started.
  const have: ReadonlyMap<string, unknown> = (await started?.catch(() => undefined)) ?? new Map();
  const rest = items.filter((i) => i.plain && !have.has(i.key)).map((i) => i.key);
  const read = rest.length > 0 ? await storage.getItems(rest) : [];
  const raw = new Map([...have, ...read.map((r) => [r.key, r.value] as const)]);
  const values = await Promise.all(items.map((i) => (i.plain ? i.fromRaw(raw.get(i.key)) : i.get())));
  return values as Values<I>;
}
