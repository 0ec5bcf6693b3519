/**
 * The one way the extension declares a storage item: @wxt-dev/storage `defineItem` with `version` +
 * `migrations`, read through a zod schema. A value written by an older build, or damaged by hand, falls
 * back to the default instead of crashing the popup. The items themselves are in ./items.ts.
 */
import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';

export interface ValidatedItem<T> {
  readonly key: string;
  get(): Promise<T>;
  set(value: T): Promise<void>;
  update(fn: (current: T) => T): Promise<T>;
  remove(): Promise<void>;
  watch(cb: (value: T) => void): () => void;
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
  const item = rawItem(key, options);
  const parse = (raw: unknown): T => {
    const parsed = z.safeParse(schema, raw);
    return parsed.success ? parsed.data : options.fallback;
  };
  // One queue per item so that read-modify-write updates from one context never interleave.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    key,
    get: async () => parse(await item.getValue()),
    set: async (value) => item.setValue(z.parse(schema, value)),
    update(fn) {
      const run = queue.then(async () => {
        const next = z.parse(schema, fn(parse(await item.getValue())));
        await item.setValue(next);
        return next;
      });
      queue = run.catch(() => undefined);
      return run;
    },
    remove: () => item.removeValue(),
    watch: (cb) => item.watch((raw) => cb(parse(raw))),
  };
}
