/**
 * The replica Console (test/fixtures/console/, the one the Chromium journeys use) in real Firefox: served
 * at Google's real URLs through BiDi interception (`routeConsole`), the setup seeded from an extension
 * page, and the assistant's panel read and clicked inside its open shadow root — clicks are real input
 * events (puppeteer's element click), not `element.click()`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { adminProbe } from '../fixtures/stored-state.ts';
import { type FirefoxSession, routeConsole } from './harness.ts';

export const CONSOLE = 'https://console.cloud.google.com';
const FIXTURES = resolve('test/fixtures/console');

/** The same page and configuration hook as test/e2e/console-fixtures.ts › serveConsole. */
export function replicaHtml(config: Record<string, unknown> = {}): string {
  const html = readFileSync(resolve(FIXTURES, 'index.html'), 'utf8');
  const js = readFileSync(resolve(FIXTURES, 'replica.js'), 'utf8');
  return html
    .replace('<!--CONFIG-->', `<script>window.__CONSOLE_CONFIG = ${JSON.stringify(config)};</script>`)
    .replace('<!--APP-->', () => `<script>${js}</script>`);
}

/** A tab whose every Console URL answers with the replica (one single-page app, as Google's). */
export async function consoleTab(firefox: FirefoxSession, config: Record<string, unknown> = {}): Promise<Page> {
  const page = await firefox.browser.newPage();
  await routeConsole(page, { '*': replicaHtml(config) });
  return page;
}

/** A consent screen already configured (as test/e2e/console-fixtures.ts › CONFIGURED). */
export const CONFIGURED = {
  projects: [{ id: 'odoo-123456', name: 'Odoo', number: '123456789012' }],
  consent: {
    appName: 'Odoo',
    supportEmail: 'me@gmail.com',
    audience: 'external',
    contactEmails: ['me@gmail.com'],
    domains: [],
    testUsers: [],
    publishing: 'testing',
  },
  clients: [],
};

type Api = typeof chrome;

/** Reads one storage area of the extension from one of its pages. */
export function extensionStorage(extensionPage: Page, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(
    (a) => (globalThis as unknown as { browser: Api }).browser.storage[a as 'local' | 'session'].get(null),
    area,
  );
}

/** What the popup stores after "Connect to Odoo" found an administrator (test/e2e/console-fixtures.ts › seedSetup). */
export async function seedSetup(extensionPage: Page, origin: string, gmail = 'me@gmail.com'): Promise<void> {
  const probe = adminProbe({ origin, userEmail: gmail, at: Date.now() });
  await extensionPage.evaluate(
    (g, p) =>
      (globalThis as unknown as { browser: Api }).browser.storage.local.set({
        setup: { odooOrigin: p.origin, gmail: g, accountType: 'personal', gmailProposed: false },
        probe: p,
      }),
    gmail,
    probe,
  );
}

export interface PanelState {
  main: string | null;
  status: string | null;
  text: string;
}

/** The assistant's panel, read from its open shadow root. */
export function panel(page: Page): Promise<PanelState> {
  return page.evaluate(() => {
    const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
    return {
      main: root?.querySelector('button.main')?.textContent ?? null,
      status: root?.querySelector('[role="status"]')?.textContent ?? null,
      text: root?.textContent ?? '',
    };
  });
}

/** Waits until the panel shows `what` (its main button's label or status text, exact or matching). */
export async function waitForPanel(
  page: Page,
  what: { main?: string; status?: string | RegExp; contains?: string },
  timeout = 20_000,
): Promise<PanelState> {
  const statusText = typeof what.status === 'string' ? what.status : null;
  const statusRe = what.status instanceof RegExp ? what.status.source : null;
  await page.waitForFunction(
    (main: string | null, statusText: string | null, statusRe: string | null, contains: string | null) => {
      const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
      if (!root) return false;
      const s = root.querySelector('[role="status"]')?.textContent ?? '';
      return (
        (main === null || root.querySelector('button.main')?.textContent === main) &&
        (statusText === null || s === statusText) &&
        (statusRe === null || new RegExp(statusRe).test(s)) &&
        (contains === null || (root.textContent ?? '').includes(contains))
      );
    },
    { timeout },
    what.main ?? null,
    statusText,
    statusRe,
    what.contains ?? null,
  );
  return panel(page);
}

/** A control inside the panel by its visible text (the main button, a link button, "Try again"). */
export async function panelControl(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle((t: string) => {
    const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
    return [...(root?.querySelectorAll('button, a') ?? [])].find((el) => el.textContent?.trim() === t) ?? null;
  }, text);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`no control "${text}" in the assistant's panel`);
  return element;
}

/** The replica's server state (what Google keeps) and form model (what Angular would hold). */
export interface ReplicaState {
  projects: { id: string; name: string }[];
  consent: { domains: string[]; testUsers: string[]; appName: string; audience: string } | null;
  clients: { id: string; secret: string; name: string; type: string; redirectUris: string[]; origins: string[] }[];
}
export const replicaState = (page: Page): Promise<ReplicaState> =>
  page.evaluate(() => (window as unknown as { __state: () => ReplicaState }).__state());
export const replicaModel = (page: Page): Promise<Record<string, unknown>> =>
  page.evaluate(() => (window as unknown as { __model: Record<string, unknown> }).__model);

/** The page's DOM as text, open shadow roots included. */
export function domText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.documentElement.outerHTML];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) {
          parts.push(el.shadowRoot.innerHTML);
          walk(el.shadowRoot);
        }
      }
    };
    walk(document);
    return parts.join('\n');
  });
}

/**
 * The person's own tick of Google's "I agree to the Google API Services: User Data Policy" box, once the
 * panel points at it (`data-state="agreement"`): the assistant never ticks it (agreements stay the person's). A real
 * input event, as a person's click is.
 */
export async function tickPolicyBox(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !!document.querySelector('gmail-odoo-assistant')?.shadowRoot?.querySelector('[data-state="agreement"]'),
    { timeout: 30_000 },
  );
  await page.click('#app input[data-check="agree"]');
}
