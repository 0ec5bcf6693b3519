/**
 * The one way the extension declares a storage item: @wxt-dev/storage `defineItem` with `version` +
 * `migrations`, read through a zod schema. A value written by an older build, or damaged by hand, falls
 * back to the default instead of crashing the popup. The items themselves are in ./items.ts.
 *
 * The @wxt-dev/storage item is made on first use, not at import: `defineItem` reads its key at once (and
 * its version, when it has migrations), so declaring every item at import cost one storage read each in
 * every page that imports ./items.ts, before it had asked for anything. `readItems` reads several items in
 * one storage call per area (what the popup reads on open, ./snapshot.ts).
 */
import { storage, type WxtStorageItem } from '@wxt-dev/storage';
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

export function defineValidatedItem<T>(
  key: StorageKey,
  schema: z.ZodMiniType<T>,
  options: { fallback: T; version: number; migrations?: Record<number, (old: unknown) => unknown> },
): ValidatedItem<T> {
  let made: WxtStorageItem<unknown, Record<string, unknown>> | undefined;
  const item = (): WxtStorageItem<unknown, Record<string, unknown>> => {
    made ??= storage.defineItem<unknown>(key, {
      fallback: options.fallback,
      version: options.version,
      ...(options.migrations ? { migrations: options.migrations } : {}),
    });
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
 * migrations is read through its own `get`, so they run first.
 */
export async function readItems<const I extends readonly ValidatedItem<unknown>[]>(items: I): Promise<Values<I>> {
  const plain = items.filter((i) => i.plain);
  const raw = new Map((await storage.getItems(plain.map((i) => i.key))).map((r) => [r.key, r.value] as const));
  const values = await Promise.all(items.map((i) => (i.plain ? i.fromRaw(raw.get(i.key)) : i.get())));
  return values as Values<I>;
}
