/**
 * Firefox follows its UI language too. Vietnamese needs Debian's language pack
 * (firefox-esr-l10n-vi, installed by .ci/run); without it Firefox stays in English and this fails.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeOdoo, startFakeOdoo } from '../fake-odoo/server.ts';
import { localeText } from '../locale-messages.ts';
import { clickButton, type FirefoxSession, fieldByLabel, headings, launchFirefox, loginToOdoo, waitForStep } from './harness.ts';

let firefox: FirefoxSession;
let odoo: FakeOdoo;
beforeEach(async () => {
  odoo = await startFakeOdoo();
});
afterEach(async () => {
  await firefox.close();
  await odoo.stop();
});

const names = (page: import('puppeteer-core').Page) =>
  page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: typeof chrome }).browser;
    return {
      name: (await api.management.getSelf()).name,
      title: await api.action.getTitle({}),
      lang: document.documentElement.lang,
    };
  });

describe.each(['en', 'vi'] as const)('Firefox in %s', (lang) => {
  it('shows the name, toolbar title, popup and checklist in that language', async () => {
    const text = localeText(lang);
    firefox = await launchFirefox({ locale: lang === 'en' ? 'en-US' : 'vi' });
    await loginToOdoo(await firefox.browser.newPage(), odoo);
    const popup = await firefox.openExtensionPage('popup.html', { ready: 'form.setup button[type="submit"]' });
    expect(await names(popup)).toEqual({ name: text('extName'), title: text('extName'), lang });
    expect(await headings(popup)).toEqual([
      text('popup.title'),
      text('popup.setupHeading'),
      `${text('popup.checklistHeading')} ${text('popup.summary', { done: 0, total: 11 })}`,
      // Where a colleague's setup file is imported, before anything is set up here.
      text('setups.heading'),
    ]);
    await popup.type(await fieldByLabel(popup, text('form.odooUrl')), odoo.origin);
    await clickButton(popup, text('form.connect'));
    expect(await waitForStep(popup, 'odoo', 'done')).toBe(
      text('step.odoo.okCommunity', { db: 'acme', version: '17.0' }).replaceAll('`', ''),
    );
  });
});
