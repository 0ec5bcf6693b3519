/**
 * The one way the extension declares a storage item: @wxt-dev/storage `defineItem` with `version` +
 * `migrations`, read through a zod schema. A value written by an older build, or damaged by hand, falls
 * back to the default instead of crashing the popup. The items themselves are in ./items.ts.
 */
import { storage, type WxtStorageItem } from '@wxt-dev/storage';
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

export function defineValidatedItem<T>(
  key: StorageKey,
  schema: z.ZodMiniType<T>,
  options: { fallback: T; version: number; migrations?: Record<number, (old: unknown) => unknown> },
): ValidatedItem<T> {
  const item: WxtStorageItem<unknown, Record<string, unknown>> = storage.defineItem<unknown>(key, {
    fallback: options.fallback,
    version: options.version,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
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
