/**
 * End-to-end helpers for the Console assistant: the replica Console (test/fixtures/console/) served
 * at the real Console URLs through Playwright routing, so the extension's real content-script
 * matches run; a seeded setup (what the popup would have stored after "Connect to Odoo"); readers
 * for the extension's storage and for the page's DOM (shadow roots included); and `Human`, through
 * which every simulated click and keystroke of the person goes, so a test can count what is left
 * for a person to do on the Console.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { adminProbe } from '../fixtures/stored-state.ts';
import { expect, openPopup, serviceWorkerOf } from './fixtures.ts';

export interface ReplicaConfig {
  ui?: 'new' | 'legacy';
  labels?: 'material' | 'for' | 'labelledby' | 'aria';
  lang?: 'en' | 'vi';
  slow?: boolean;
  missing?: string[];
  revert?: string[];
  revertTimes?: number;
  accountType?: 'personal' | 'workspace';
  email?: string;
  failOnce?: string[];
  secretNever?: boolean;
  projectNavigate?: 'dashboard' | 'back';
  projectErrorOnce?: boolean;
  seed?: Record<string, unknown>;
}

export const CONSOLE = 'https://console.cloud.google.com';
const FIXTURES = resolve('test/fixtures/console');
const HTML = readFileSync(resolve(FIXTURES, 'index.html'), 'utf8');
const JS = readFileSync(resolve(FIXTURES, 'replica.js'), 'utf8');

/** Answers every Console URL (both hosts) with the replica, configured for this test. */
export async function serveConsole(context: BrowserContext, config: ReplicaConfig = {}): Promise<void> {
  const body = HTML.replace('<!--CONFIG-->', `<script>window.__CONSOLE_CONFIG = ${JSON.stringify(config)};</script>`).replace(
    '<!--APP-->',
    () => `<script>${JS}</script>`,
  );
  for (const pattern of ['https://console.cloud.google.com/**', 'https://console.developers.google.com/**']) {
    await context.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }));
  }
}

export const ODOO = 'https://acme.odoo.com';
export const REDIRECT_URI = `${ODOO}/google_gmail/confirm`;

/** What the popup stores after connecting to an Odoo at https://acme.odoo.com (setup + probe). */
export async function seedSetup(
  context: BrowserContext,
  { gmail = 'me@gmail.com', accountType = 'personal' as 'personal' | 'workspace' } = {},
): Promise<void> {
  const sw = await serviceWorkerOf(context);
  const probe = adminProbe({ origin: ODOO, userEmail: gmail, at: Date.now() });
  await sw.evaluate(
    ({ gmail, accountType, probe }) =>
      chrome.storage.local.set({ setup: { odooOrigin: probe.origin, gmail, accountType, gmailProposed: false }, probe }),
    { gmail, accountType, probe },
  );
}

export async function storage(context: BrowserContext, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  const sw = await serviceWorkerOf(context);
  return sw.evaluate((a) => chrome.storage[a].get(null), area);
}

/** The checklist progress the Console steps reported. */
export async function progress(context: BrowserContext): Promise<Record<string, { state: string; note?: { key: string } }>> {
  return ((await storage(context, 'local')).progress ?? {}) as Record<string, { state: string; note?: { key: string } }>;
}

/** The page's whole DOM as text, open shadow roots included (the assistant's panel is one). */
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

/** The assistant's panel text only. */
export function panelText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('gmail-odoo-assistant')?.shadowRoot?.textContent ?? '');
}

/** The replica's server state and form model (what Angular would hold), read in the page's world. */
export const replicaState = (page: Page) => page.evaluate(() => (window as unknown as { __state: () => Replica }).__state());
export const replicaModel = (page: Page) =>
  page.evaluate(() => (window as unknown as { __model: Record<string, unknown> }).__model);
export const replicaLoads = (page: Page) => page.evaluate(() => Number(sessionStorage.getItem('replica-loads')));

export interface Replica {
  projects: { id: string; name: string; number: string }[];
  consent: {
    appName: string;
    supportEmail: string;
    audience: string;
    contactEmails: string[];
    domains: string[];
    testUsers: string[];
    publishing: string;
  } | null;
  clients: {
    id: string;
    secret: string;
    name: string;
    type: string;
    redirectUris: string[];
    origins: string[];
    secrets: string[];
  }[];
}

/** A consent screen already configured (for tests that start at a later page). */
export const CONFIGURED = (over: Partial<NonNullable<Replica['consent']>> = {}) => ({
  projects: [{ id: 'odoo-123456', name: 'Odoo', number: '123456789012' }],
  consent: {
    appName: 'Odoo',
    supportEmail: 'me@gmail.com',
    audience: 'external',
    contactEmails: ['me@gmail.com'],
    domains: [],
    testUsers: [],
    publishing: 'testing',
    ...over,
  },
  clients: [],
});

/** The assistant's panel and its main button. */
export function assistant(page: Page) {
  const panel = page.getByRole('region', { name: 'Gmail for Odoo assistant' });
  return {
    panel,
    main: panel.getByRole('button', { name: /^Fill in/ }),
    status: panel.getByRole('status'),
  };
}

/**
 * The person. Every click and keystroke a test makes on the Console (and, in the whole journey, in the
 * popup, on Odoo and on Google's consent page) goes through here and is counted: what the extension
 * leaves for a person to do.
 */
export class Human {
  clicks = 0;
  keystrokes = 0;
  readonly actions: string[] = [];
  /** When each action was made (performance.now()), to see where a journey's time goes. */
  readonly at: number[] = [];

  async click(target: Locator, what: string): Promise<void> {
    await target.click();
    this.clicks++;
    this.actions.push(`click: ${what}`);
    this.at.push(performance.now());
  }

  async type(target: Locator, text: string, what: string): Promise<void> {
    await target.pressSequentially(text);
    this.keystrokes += text.length;
    this.actions.push(`type: ${what} (${text.length} keys)`);
    this.at.push(performance.now());
  }

  async goto(page: Page, url: string, what: string): Promise<void> {
    await page.goto(url);
    this.actions.push(`open: ${what}`);
    this.at.push(performance.now());
  }

  /**
   * A click on the extension's toolbar icon: the popup opens (a window of its own in the tests).
   * `press`: what the click does to the browser besides (e.g. the real action, granting `activeTab`).
   */
  async openPopup(context: BrowserContext, extensionId: string, press?: () => Promise<void>): Promise<Page> {
    await press?.();
    const popup = await openPopup(context, extensionId, press ? '?driven' : '');
    this.clicks++;
    this.actions.push("click: the extension's icon");
    this.at.push(performance.now());
    return popup;
  }

  /**
   * A click the test cannot make itself because the browser draws it (Chromium's permission prompt):
   * the effect is arranged by the test, the click is still the person's and is counted.
   */
  answeredPrompt(what: string): void {
    this.clicks++;
    this.actions.push(`click: ${what}`);
    this.at.push(performance.now());
  }

  summary(label: string): string {
    return `${label}: ${this.clicks} clicks and ${this.keystrokes} keystrokes on the Console (${this.actions.join('; ')})`;
  }
}

export { expect };
