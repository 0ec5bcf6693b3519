/**
 * Every timer started from the call on (the extension's code; Node's fetch keeps socket timers of its own,
 * which stand for the browser's network stack and are not counted), and which are still alive: a check must
 * leave none between alarms. The globals are stubbed (`vi.unstubAllGlobals()` restores them).
 */
import { vi } from 'vitest';

export function trackTimers(): { live: Set<unknown>; created: { timeouts: number; intervals: number } } {
  const live = new Set<unknown>();
  const created = { timeouts: 0, intervals: 0 };
  const realSetTimeout = globalThis.setTimeout;
  const realClearTimeout = globalThis.clearTimeout;
  const realSetInterval = globalThis.setInterval;
  const realClearInterval = globalThis.clearInterval;
  vi.stubGlobal('setTimeout', ((fn: (...a: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const handle: unknown = realSetTimeout(
      (...a: unknown[]) => {
        live.delete(handle);
        fn(...a);
      },
      ms,
      ...args,
    );
    // Node's fetch (undici) keeps its sockets with timers of its own: the test's stand-in for the
    // browser's network stack, not the extension's code.
    if (!new Error().stack?.includes('node:internal/deps/undici')) {
      created.timeouts++;
      live.add(handle);
    }
    return handle;
  }) as typeof setTimeout);
  vi.stubGlobal('clearTimeout', ((handle: Parameters<typeof clearTimeout>[0]) => {
    live.delete(handle);
    realClearTimeout(handle);
  }) as typeof clearTimeout);
  vi.stubGlobal('setInterval', ((fn: () => void, ms?: number) => {
    created.intervals++;
    const handle = realSetInterval(fn, ms);
    live.add(handle);
    return handle;
  }) as typeof setInterval);
  vi.stubGlobal('clearInterval', ((handle: Parameters<typeof clearInterval>[0]) => {
    live.delete(handle);
    realClearInterval(handle);
  }) as typeof clearInterval);
  return { live, created };
}
