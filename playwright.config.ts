import { defineConfig } from '@playwright/test';

/**
 * E2E: Debian's Chromium (/usr/bin/chromium) with the built extension (`.output/chrome-mv3-e2e`,
 * built by `npm test` before this runs). Each test launches its own browser profile; the fake Odoo
 * and the Console replicas are started or routed by the tests themselves.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  // One retry: the suite runs two browsers at a time on two cores. A test that passes only on retry is
  // counted as passed but named in npm test's table ("N passed on retry"), so flakiness stays visible.
  retries: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PW_JSON ? [['list'], ['json', { outputFile: process.env.PW_JSON }]] : [['list']],
  use: { trace: 'retain-on-failure' },
});
