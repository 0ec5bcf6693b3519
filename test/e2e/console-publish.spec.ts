/**
 * "Publish app" on the Audience page (the troubleshooter's choice; google-console.md §3.4): guided only when the person
 * chose production in the popup for an External app in Testing — `Publish app` → `Push to production?`
 * → `Confirm` → `In production` — and the publishing status the page then shows is recorded.
 */

import { expectNoSeriousA11yViolations } from './a11y.ts';
import { assistant, CONFIGURED, CONSOLE, replicaState, seedSetup, serveConsole, storage } from './console-fixtures.ts';
import { expect, openPopup, serviceWorkerOf, test } from './fixtures.ts';

const at = (path: string) => `${CONSOLE}${path}?project=odoo-123456`;

test('Publish app: not offered by default; guided once production is chosen', async ({ context }) => {
  await serveConsole(context, { seed: CONFIGURED({ testUsers: ['me@gmail.com'] }) });
  await seedSetup(context);
  const page = context.pages()[0] ?? (await context.newPage());
  const a = assistant(page);

  // No choice made: the test user is there, nothing is published.
  await page.goto(at('/auth/audience'));
  await expect(a.status).toHaveText('me@gmail.com is already a test user ✓');
  await expect(a.panel.getByRole('button', { name: 'Publish app (push to production)' })).toHaveCount(0);
  expect((await replicaState(page)).consent?.publishing).toBe('testing');

  // The person chose production in the popup ("Before you connect").
  const sw = await serviceWorkerOf(context);
  await sw.evaluate(() => chrome.storage.local.set({ publishChoice: 'production' }));
  await page.reload();
  const publish = a.panel.getByRole('button', { name: 'Publish app (push to production)' });
  await expect(publish).toBeVisible();
  await expect(a.panel).toContainText("Google hasn't verified this app");
  await publish.click();
  // Published, then on to the OAuth client by itself.
  await page.waitForURL(/\/auth\/clients\/create\?project=odoo-123456$/);
  expect((await replicaState(page)).consent?.publishing).toBe('production');
  await expect
    .poll(async () => ((await storage(context, 'local')).google as { publishing: string }).publishing)
    .toBe('production');

  // Published: a revisit offers nothing more.
  await page.goto(at('/auth/audience'));
  await expect(a.status).toHaveText('me@gmail.com is already a test user ✓');
  await expect(publish).toHaveCount(0);
});

test("many test users at once: the administrator's list, typed in the popup, is added with the Gmail address in one panel", async ({
  context,
  extensionId,
}) => {
  await serveConsole(context, { seed: CONFIGURED({ testUsers: ['ann@example.com'] }) });
  await seedSetup(context);
  // The popup's Test users box (an External app: personal Gmail), checked and kept by the background.
  const popup = await openPopup(context, extensionId);
  await popup.getByLabel('Addresses to add, one per line').fill('ann@example.com\nBob@Example.com');
  await popup.getByRole('button', { name: 'Save the list' }).click();
  await expect(popup.getByRole('status').filter({ hasText: 'addresses will be added' })).toHaveText(
    '2 addresses will be added on the Audience page.',
  );
  await expect(popup.getByLabel('Addresses to add, one per line')).toHaveValue('ann@example.com\nbob@example.com');
  await expectNoSeriousA11yViolations(popup, 'popup with the Test users box');
  await popup.close();

  const page = context.pages()[0] ?? (await context.newPage());
  const a = assistant(page);
  await page.goto(at('/auth/audience'));
  // ann is listed already: only the Gmail address and bob are added.
  await expect(a.main).toHaveText('Fill in and save 2 test users (me@gmail.com, bob@example.com)');
  await a.main.click();
  await page.waitForURL(/\/auth\/clients\/create\?project=odoo-123456$/);
  expect((await replicaState(page)).consent?.testUsers).toEqual(['ann@example.com', 'me@gmail.com', 'bob@example.com']);
});
