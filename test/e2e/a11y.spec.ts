/**
 * The popup is operable with the keyboard alone, labelled, and axe-core finds no serious or critical
 * violation in any of its states: empty, field errors, an Odoo step needing attention, connected.
 */
import { expectNoSeriousA11yViolations } from './a11y.ts';
import { expect, loginToOdoo, openPopup, stepRow, test } from './fixtures.ts';

test('axe: empty, field errors, attention and connected states', async ({ context, extensionId, odoo }) => {
  // Four full axe runs: ~45 s alone, more on two busy cores.
  test.setTimeout(150_000);
  const popup = await openPopup(context, extensionId);
  await expectNoSeriousA11yViolations(popup, 'empty');

  await popup.getByLabel('Odoo URL').fill('acme.odoo.com');
  await popup.getByLabel('Gmail address').fill('not-an-email');
  await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(popup.getByRole('alert')).toHaveCount(2);
  await expectNoSeriousA11yViolations(popup, 'field errors');

  await popup.getByLabel('Odoo URL').fill(odoo.origin);
  await popup.getByLabel('Gmail address').fill('');
  await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'attention');
  await expectNoSeriousA11yViolations(popup, 'not logged in (attention)');

  await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
  await popup.getByRole('button', { name: 'Connect to Odoo' }).click();
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');
  await expect(stepRow(popup, 'module').row).toHaveAttribute('data-state', 'done');
  await expectNoSeriousA11yViolations(popup, 'connected checklist');
  // The next step is named at the top of the popup, and it is the checklist's first open step.
  await expect(popup.locator('.next-step')).toHaveAttribute('data-next', 'project');
  await expect(popup.locator('.next-step')).toContainText('Next — Google Cloud project:');
});

test('keyboard only: reach every control in order, get errors announced and focused, connect', async ({
  context,
  extensionId,
  odoo,
}) => {
  await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
  const popup = await openPopup(context, extensionId);
  const focused = () => popup.evaluate(() => document.activeElement?.getAttribute('id') ?? document.activeElement?.textContent);

  // Submitting the empty form with Enter: the first wrong field gets the focus and describes its error.
  // (The address proposed from the Odoo tab is cleared first.)
  await popup.getByLabel('Odoo URL').fill('');
  await popup.getByLabel('Odoo URL').focus();
  await popup.keyboard.press('Enter');
  const url = popup.getByLabel('Odoo URL');
  await expect(url).toBeFocused();
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription('Enter the address of your Odoo.');

  // Tab order follows the page: URL → Gmail → account type → Connect.
  await popup.keyboard.type(odoo.origin);
  await popup.keyboard.press('Tab');
  expect(await focused()).toBe('gmail');
  await popup.keyboard.type('me@acme.com');
  await popup.keyboard.press('Tab');
  await expect(popup.getByRole('radio', { name: 'Google Workspace' })).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(popup.getByRole('radio', { name: 'Personal Gmail' })).toBeChecked();
  await popup.keyboard.press('ArrowUp');
  await expect(popup.getByRole('radio', { name: 'Google Workspace' })).toBeChecked();
  await popup.keyboard.press('Tab');
  const connect = popup.getByRole('button', { name: 'Connect to Odoo' });
  await expect(connect).toBeFocused();
  // The focus is visible (an outline, not the browser's default that a reset could remove).
  expect(await connect.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  await popup.keyboard.press('Enter');
  await expect(stepRow(popup, 'odoo').row).toHaveAttribute('data-state', 'done');

  // The computed values' copy buttons and the checklist's links are reachable by Tab too.
  const copy = popup.getByRole('button', { name: 'Copy Authorized redirect URI' });
  await copy.focus();
  await popup.keyboard.press('Tab');
  // (A loopback Odoo needs no authorized domain: "None needed" has nothing to copy.)
  await expect(popup.getByRole('button', { name: 'Copy Project name' })).toBeFocused();
  const links = popup.getByRole('link', { name: 'Open' });
  expect(await links.count()).toBeGreaterThan(0);
  for (const link of await links.all()) expect(await link.getAttribute('tabindex')).not.toBe('-1');
});
