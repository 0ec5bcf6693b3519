/**
 * The Console assistant's in-page panel: axe-core finds no serious or critical violation in each of its
 * states — the step with its values and one button, the guided manual fall-back, the capture done — and a
 * person can run it with the keyboard alone. The panel lives in an OPEN shadow root (checked first: axe
 * cannot see into a closed one, so a closed root would make the axe run vacuous).
 */
import type { Page } from '@playwright/test';
import { axeReport, expectNoSeriousA11yViolations } from './a11y.ts';
import { assistant, CONFIGURED, CONSOLE, type ReplicaConfig, replicaState, seedSetup, serveConsole } from './console-fixtures.ts';
import { expect, test } from './fixtures.ts';

const at = (path: string) => `${CONSOLE}${path}?project=odoo-123456`;
const PANEL = 'gmail-odoo-assistant';

async function open(context: import('@playwright/test').BrowserContext, config: ReplicaConfig, path: string) {
  await serveConsole(context, { seed: CONFIGURED(), ...config });
  await seedSetup(context);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(at(path));
  return { page, a: assistant(page) };
}

/** The panel's host has an open shadow root, and axe sees the panel's controls inside it. */
async function expectOpenShadowRoot(page: Page) {
  const seen = await page.evaluate((tag) => {
    const host = document.querySelector(tag);
    return {
      open: !!host?.shadowRoot,
      mode: host?.shadowRoot?.mode,
      buttons: host?.shadowRoot?.querySelectorAll('button').length ?? 0,
    };
  }, PANEL);
  expect(seen).toMatchObject({ open: true, mode: 'open' });
  expect(seen.buttons).toBeGreaterThan(0);
}

/** axe on the panel only (the replica Console is not ours to fix); returns axe's counts. */
async function axePanel(page: Page, label: string) {
  await expectOpenShadowRoot(page);
  const counts = await expectNoSeriousA11yViolations(page, `Console panel: ${label}`, { include: PANEL });
  // The run really looked inside the shadow root: rules passed on nodes addressed through the host.
  expect(counts.passes).toBeGreaterThan(5);
  const { results } = await axeReport(page, { include: PANEL });
  const inside = results.passes.flatMap((r) => r.nodes).filter((n) => Array.isArray(n.target[0]) && n.target[0][0] === PANEL);
  expect(inside.length).toBeGreaterThan(5);
  return counts;
}

test('axe: the step with its values and one button', async ({ context }) => {
  const { page, a } = await open(context, {}, '/auth/clients/create');
  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  await axePanel(page, 'normal');
});

test('axe: the guided manual fall-back', async ({ context }) => {
  const { page, a } = await open(context, { missing: ['displayName'] }, '/auth/clients/create');
  await a.main.click();
  await expect(a.status).toHaveText('Some fields could not be filled. Do these by hand — nothing else was clicked.', {
    timeout: 30_000,
  });
  await axePanel(page, 'guided manual fall-back');
});

test('axe: the capture done', async ({ context }) => {
  const { page, a } = await open(context, {}, '/auth/clients/create');
  await a.main.click();
  await expect(a.status).toContainText('and its secret are captured ✓', { timeout: 20_000 });
  await axePanel(page, 'capture done');
});

test('keyboard only: reach the panel, move it with the arrow keys, minimize it, fill and go on to the next page', async ({
  context,
}) => {
  const { page, a } = await open(context, {}, '/auth/branding');
  await expect(a.main).toHaveText('Fill in and save authorized domain odoo.com');
  const handle = a.panel.getByRole('button', { name: 'Move the assistant' });
  const toggle = a.panel.locator('header button[aria-expanded]');

  // Tab through the Console until the panel: it comes last (it is appended to the page, so it never
  // sits between the Console's own controls), its handle first.
  const inPanel = () => page.evaluate((tag) => document.activeElement === document.querySelector(tag), PANEL);
  let presses = 0;
  while (!(await inPanel()) && presses < 60) {
    await page.keyboard.press('Tab');
    presses++;
  }
  await expect(handle).toBeFocused();
  expect((await handle.boundingBox())?.width ?? 0).toBeGreaterThan(8); // its ⠿ glyph (CSS, empty alt text)
  await expect(handle).toHaveAccessibleDescription('Drag it, or press the arrow keys, to move the assistant.');
  await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(a.main).toBeFocused();

  // The handle moves the panel with the arrow keys.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await expect(handle).toBeFocused();
  const box = a.panel;
  const before = await box.boundingBox();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  const after = await box.boundingBox();
  expect({ dx: (after?.x ?? 0) - (before?.x ?? 0), dy: (after?.y ?? 0) - (before?.y ?? 0) }).toEqual({ dx: -40, dy: -20 });

  // Minimize and expand with Enter and Space; the state is announced (aria-expanded).
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(a.main).toBeHidden();
  const expand = a.panel.getByRole('button', { name: 'Expand' });
  await expect(expand).toBeFocused();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(a.main).toBeVisible();

  // The main button with Enter: it fills, saves, and the journey goes on to the next page by itself —
  // where the panel has the focus, so the next step is Enter again, not a walk through the Console.
  await page.keyboard.press('Tab');
  await expect(a.main).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/auth\/audience\?project=odoo-123456$/);
  expect((await replicaState(page)).consent?.domains).toEqual(['odoo.com']);
  await expect(a.main).toHaveText('Fill in and save test user me@gmail.com');
  await expect(a.main).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/auth\/clients\/create\?project=odoo-123456$/);
  expect((await replicaState(page)).consent?.testUsers).toEqual(['me@gmail.com']);
  await expect(a.main).toHaveText('Fill in and create OAuth client Odoo');
  await expect(a.main).toBeFocused();
});

test('keyboard only: the guided manual fall-back — copy the value, try again', async ({ context }) => {
  const { page, a } = await open(context, { missing: ['displayName'] }, '/auth/clients/create');
  await a.main.focus();
  await page.keyboard.press('Enter');
  await expect(a.status).toHaveText('Some fields could not be filled. Do these by hand — nothing else was clicked.', {
    timeout: 30_000,
  });
  // The focus moved to the first thing to do: the value's copy button, then "Try again".
  const copy = a.panel.getByRole('button', { name: 'Copy Name' });
  await expect(copy).toBeFocused();
  await page.keyboard.press('Space');
  await expect(copy).toHaveText('Copied');
  await page.keyboard.press('Tab');
  await expect(a.panel.getByRole('button', { name: 'Try again' })).toBeFocused();
});
