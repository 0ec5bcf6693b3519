/**
 * The Console panel speaks the browser's language: in Chromium started in English and in Vietnamese,
 * every text of the panel — text, aria-label, title, description — in each of its seven states is a message
 * of that language's locale (locales/<lang>.yml, through the built extension's _locales), with data
 * (values it fills, the Console's own field labels, IDs) around it. What is left once the locale's
 * messages and the data are taken out must be punctuation, symbols or digits: a hard-coded string
 * would be left over. The popup has the same check in test/unit/popup-strings.test.tsx (pseudo-locale);
 * the panel is plain DOM in the page, so it is checked in the browser, in both real languages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import * as S from '../../lib/console/selectors.ts';
import { localePatterns, localeText } from '../locale-messages.ts';
import { CONFIGURED, CONSOLE, REDIRECT_URI, replicaState, seedSetup, serveConsole } from './console-fixtures.ts';
import { expect, launchBrowser, test } from './fixtures.ts';

type Lang = 'en' | 'vi';
const at = (path: string) => `${CONSOLE}${path}?project=odoo-123456`;

async function launchIn(lang: Lang): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `gmail-odoo-${lang}-`));
  const context = await launchBrowser(dir, { lang: lang === 'vi' ? 'vi' : 'en' });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The panel's text, element by element (its own text and inline leaves), and its text attributes. */
function panelTexts(page: Page): Promise<{ where: string; text: string }[]> {
  return page.evaluate(() => {
    const out: { where: string; text: string }[] = [];
    const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
    if (!root) return out;
    const inline = new Set(['CODE', 'STRONG', 'EM', 'B', 'I', 'SPAN', 'SMALL']);
    const visit = (el: Element) => {
      if (el.getAttribute('aria-hidden') === 'true' || el.tagName === 'STYLE') return;
      const where = `<${el.tagName.toLowerCase()}${el.className ? `.${el.className}` : ''}>`;
      for (const name of ['aria-label', 'aria-description', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value) out.push({ where: `${where}[${name}]`, text: value });
      }
      const run = [...el.childNodes]
        .map((n) =>
          n.nodeType === 3 ? n.textContent : n.nodeType === 1 && inline.has((n as Element).tagName) ? n.textContent : '',
        )
        .join('');
      if (run.trim()) out.push({ where, text: run });
      for (const child of el.children) if (!inline.has(child.tagName) || child.children.length) visit(child);
    };
    for (const child of root.children) visit(child);
    return out;
  });
}

/** The Console's own labels (lib/console/selectors.ts, both languages): data shown in the panel, not ours. */
const CONSOLE_LABELS = Object.values(S).flatMap((entry) => {
  if (typeof entry === 'string') return [];
  const labels = 'names' in entry ? entry.names : entry;
  return [...labels.en, ...labels.vi].filter((x): x is string => typeof x === 'string');
});
const NOT_LANGUAGE = /^[\s\p{P}\p{S}\p{N}]*$/u;

/** What a state of the panel shows that is neither a message of `lang` nor declared data. */
function leftovers(texts: { where: string; text: string }[], lang: Lang, data: string[]) {
  const patterns = localePatterns(lang);
  const known = [...data, ...CONSOLE_LABELS].sort((a, b) => b.length - a.length);
  return texts
    .map(({ where, text }) => {
      let rest = text;
      for (const re of patterns) rest = rest.replace(re, ' ');
      for (const d of known) rest = rest.split(d).join(' ');
      return { where, rest: rest.trim() };
    })
    .filter(({ rest }) => !NOT_LANGUAGE.test(rest));
}

for (const lang of ['en', 'vi'] as const) {
  test(`the panel in ${lang === 'en' ? 'English' : 'Vietnamese'}: every text of every state comes from the ${lang} locale`, async () => {
    test.setTimeout(150_000);
    const m = localeText(lang);
    const other = localeText(lang === 'en' ? 'vi' : 'en');
    const { context, close } = await launchIn(lang);
    try {
      // The Console in the same language as the browser (the account language, google-console.md §0).
      await serveConsole(context, { lang, seed: CONFIGURED(), missing: ['displayName'] });
      await seedSetup(context);
      const page = context.pages()[0] ?? (await context.newPage());
      const panel = page.getByRole('region', { name: m('panel.region') });
      const main = panel.locator('button.main');
      const status = panel.getByRole('status');
      const data = ['Odoo', REDIRECT_URI, 'me@gmail.com', 'odoo.com', 'odoo-123456'];
      const seen: string[] = [];
      const check = async (state: string, more: string[] = []) => {
        const texts = await panelTexts(page);
        expect(texts.length, state).toBeGreaterThan(2);
        expect(leftovers(texts, lang, [...data, ...more]), `${lang}: ${state}`).toEqual([]);
        seen.push(state);
      };

      // 1. A step with the values it fills and its one button; the header's controls.
      await page.goto(at('/auth/branding'));
      await expect(main).toHaveText(m('console.action.saveDomain', { domain: 'odoo.com' }));
      await expect(panel.getByRole('button', { name: m('panel.move') })).toHaveAttribute('title', m('panel.moveHint'));
      await check('branding: values and main button');
      // 2. Minimized.
      await panel.getByRole('button', { name: m('panel.minimize') }).click();
      await expect(panel.getByRole('button', { name: m('panel.expand') })).toBeVisible();
      await check('minimized');
      await panel.getByRole('button', { name: m('panel.expand') }).click();
      // 3. Saved: the journey goes on to Audience by itself; back on Branding, the done state and its link.
      await main.click();
      await page.waitForURL(/\/auth\/audience\?/);
      await page.goto(at('/auth/branding'));
      await expect(status).toHaveText(m('console.status.domainPresent', { domain: 'odoo.com' }));
      await check('branding: done, next link');
      // 4. The guided manual fall-back (the Name field is missing on this replica).
      await page.goto(at('/auth/clients/create'));
      await main.click();
      await expect(status).toHaveText(m('panel.fallback'), { timeout: 40_000 });
      await expect(panel.getByRole('button', { name: m('panel.retry') })).toBeVisible();
      await check('client: guided manual fall-back');
      // 5. Copy pressed.
      await panel.getByRole('button', { name: m('panel.copyLabel', { label: lang === 'vi' ? 'Tên' : 'Name' }) }).click();
      await expect(panel.getByRole('button', { name: m('panel.copied') }).or(panel.getByText(m('panel.copied')))).toBeVisible();
      await check('client: value copied');
      // 6. Capture done: the Name field is back, the client created, its credentials captured.
      await serveConsole(context, { lang, seed: CONFIGURED() });
      await page.goto(at('/auth/clients/create'));
      await main.click();
      const client = await expect
        .poll(async () => (await replicaState(page)).clients[0]?.id ?? '', { timeout: 30_000 })
        .not.toBe('')
        .then(async () => (await replicaState(page)).clients[0]?.id ?? '');
      await expect(status).toHaveText(m('console.status.captured', { clientId: client }), { timeout: 30_000 });
      await check('client: capture done', [client]);
      // 7. The Odoo side asked from the panel, refused (this browser never allowed the Odoo origin): its reason.
      await panel.getByRole('button', { name: m('console.action.finishInOdoo', { email: 'me@gmail.com' }) }).click();
      await expect(status).toHaveText(m('err.permission', { origin: 'https://acme.odoo.com' }));
      await check('client: Odoo refused', [client, 'https://acme.odoo.com']);

      // Nothing of the other language slipped in (its messages that differ, in full).
      const all = (await panelTexts(page)).map((x) => x.text).join('\n');
      for (const key of ['panel.region', 'panel.move', 'panel.minimize', 'console.status.captured'] as const) {
        const text = other(key, { clientId: client });
        if (text !== m(key, { clientId: client })) expect(all).not.toContain(text);
      }
      expect(seen).toHaveLength(7);
    } finally {
      await close();
    }
  });
}
