import { defineConfig } from 'vitest/config';

/**
 * Real Firefox ESR tests (test/firefox/): puppeteer-core over WebDriver BiDi against the built
 * extension `.output/firefox-mv3-e2e` (`wxt build -b firefox --mode e2e`). Plain Node environment — no
 * fake browser here. One file at a time: each test starts its own Firefox (≈3 s) on a 2-core machine.
 */
export default defineConfig({
  test: {
    include: ['test/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
