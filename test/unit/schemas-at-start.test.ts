/**
 * What the background builds before it answers the message that woke it. A stopped service worker runs
 * every module's top level at each wake (the worker row of the benchmark, scripts/bench/worker.ts), so a
 * zod schema declared there is constructed at every wake, used or not. The schemas of Odoo's replies and
 * of the stored items are declared with `z.lazy`: built on their first parse. This counts the schemas
 * that importing the background constructs.
 */
import { afterEach, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';

/**
 * zod's core calls `__zod_globalConfig.postProcessor` once for every schema it constructs (the hook
 * `zod/compile` installs; node_modules/zod/v4/core/core.js). It is internal to zod, so the first test
 * checks that it still counts.
 */
type Config = { postProcessor?: (schema: unknown) => void };
const config = (): Config => {
  const holder = globalThis as { __zod_globalConfig?: Config };
  holder.__zod_globalConfig ??= {};
  return holder.__zod_globalConfig;
};

async function built(run: () => unknown): Promise<number> {
  let count = 0;
  config().postProcessor = () => {
    count++;
  };
  try {
    await run();
  } finally {
    delete config().postProcessor;
  }
  return count;
}

afterEach(() => {
  delete config().postProcessor;
});

it('counts the schemas zod constructs', async () => {
  expect(await built(() => z.object({ a: z.string(), b: z.optional(z.number()) }))).toBe(4);
  const lazy = z.lazy(() => z.object({ a: z.string() }));
  expect(await built(() => lazy)).toBe(0);
  expect(await built(() => z.parse(lazy, { a: 'x' }))).toBe(2);
});

it('importing the background constructs few schemas: those of Odoo and of storage wait for their first parse', async () => {
  vi.resetModules();
  const count = await built(() => import('@/lib/background'));
  console.info(`schemas constructed by importing the background: ${count}`);
  // 77 when this was written; 516 while every schema was built at the top of its module.
  expect(count).toBeLessThanOrEqual(100);
});
