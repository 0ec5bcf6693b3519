/**
 * The UI follows the browser's language: Chromium started in Vietnamese shows the Vietnamese popup,
 * name and toolbar title; in English the English ones. Texts come from locales/*.yml (localeText).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { localeText } from '../locale-messages.ts';
import { expect, launchBrowser, loginToOdoo, openPopup, serviceWorkerOf, stepRow, test } from './fixtures.ts';

async function popupIn(context: import('@playwright/test').BrowserContext, heading: string): Promise<Page> {
  const sw = await serviceWorkerOf(context);
  return openPopup(context, new URL(sw.url()).host, '', heading);
}

async function namesOf(context: import('@playwright/test').BrowserContext) {
  const sw = await serviceWorkerOf(context);
  return sw.evaluate(async () => ({ name: (await chrome.management.getSelf()).name, title: await chrome.action.getTitle({}) }));
}

test('English: name, toolbar title and popup in English, <html lang=en>', async ({ context }) => {
  const en = localeText('en');
  expect(await namesOf(context)).toEqual({ name: en('extName'), title: en('extName') });
  const popup = await popupIn(context, en('popup.checklistHeading'));
  await expect(popup.locator('html')).toHaveAttribute('lang', 'en');
  await expect(popup.getByRole('button', { name: en('form.connect') })).toBeVisible();
});

test('Vietnamese: Chromium in vi shows the Vietnamese popup, name and checklist', async ({ odoo }) => {
  const vi = localeText('vi');
  const dir = mkdtempSync(join(tmpdir(), 'gmail-odoo-vi-'));
  const context = await launchBrowser(dir, { lang: 'vi' });
  try {
    expect(await namesOf(context)).toEqual({ name: vi('extName'), title: vi('extName') });
    await loginToOdoo(context.pages()[0] ?? (await context.newPage()), odoo);
    const popup = await popupIn(context, vi('popup.checklistHeading'));
    // The page's language is the bundle's language, not the browser's (getUILanguage said en-US here).
    await expect(popup.locator('html')).toHaveAttribute('lang', 'vi');
    await expect(popup.getByRole('heading', { name: vi('popup.setupHeading') })).toBeVisible();
    await popup.getByLabel(vi('form.odooUrl')).fill(odoo.origin);
    await popup.getByRole('button', { name: vi('form.connect') }).click();
    const odooStep = stepRow(popup, 'odoo');
    await expect(odooStep.row).toHaveAttribute('data-state', 'done');
    await expect(odooStep.next).toHaveText(vi('step.odoo.okCommunity', { db: 'acme', version: '17.0' }).replaceAll('`', ''));
    await expect(odooStep.row.getByText(vi('state.done'))).toBeVisible();
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
