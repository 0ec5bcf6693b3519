/**
 * Real Firefox ESR (Debian's `firefox-esr`) driven by puppeteer-core over WebDriver BiDi, with the
 * built extension installed as a temporary add-on (BiDi `webExtension.install`). Recipe and pitfalls:
 * docs/evidence/toolchain.md §7c and §10.
 *
 * - `--remote-allow-system-access`: without it BiDi refuses to navigate to moz-extension:// pages.
 * - `extensions.webextensions.uuids` pins the moz-extension:// host, so pages have a known URL.
 * - `extensions.webextOptionalPermissionPrompts: false`: Firefox's own test switch that makes
 *   `permissions.request()` grant without showing the doorhanger. The extension's REAL request runs and
 *   really grants (unlike the Chromium e2e build, which pre-grants http://127.0.0.1/*).
 * - `page.goto()` on a moz-extension:// URL never resolves: `openExtensionPage` does not await it and
 *   waits for the page's content instead.
 *
 * Every test gets a fresh profile (puppeteer creates and removes a temporary one).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { CONSOLE_HOSTS } from '../support/replica.ts';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const EXTENSION_DIR = resolve(process.env.FIREFOX_EXTENSION_DIR ?? '.output/firefox-mv3-e2e');
/** Fixed moz-extension:// host for the tests (any UUID works; it only has to be stable). */
export const EXTENSION_UUID = '6d3f0a52-9b1e-4c7d-8a40-2f5e1b9c7a13';

export interface FirefoxSession {
  browser: Browser;
  /** The add-on id from the manifest (browser_specific_settings.gecko.id). */
  extensionId: string;
  /** `moz-extension://<uuid>` */
  extensionOrigin: string;
  /** Opens an extension page (popup.html …) in a new tab or window and waits until `ready` is in it. */
  openExtensionPage(path: string, options?: { ready?: string; window?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir?: string;
  /** Firefox UI language, e.g. 'en-US' or 'vi' (needs the language pack to really switch). */
  locale?: string;
  prefs?: Record<string, unknown>;
  /** Accept self-signed certificates (an HTTPS stand-in for a real Odoo domain). */
  acceptInsecureCerts?: boolean;
}

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxSession> {
  const extensionDir = resolve(options.extensionDir ?? EXTENSION_DIR);
  const id = geckoId(extensionDir);
  const locale = options.locale ?? 'en-US';
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // A laptop's window, as Playwright's 1280×720 in the Chromium suite (puppeteer's default is 800×600).
    defaultViewport: { width: 1280, height: 720 },
    acceptInsecureCerts: options.acceptInsecureCerts ?? false,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: EXTENSION_UUID }),
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.locale.requested': locale,
      'intl.accept_languages': locale,
      // No network here: keep Firefox from trying (the attempts only fill the log).
      'app.normandy.enabled': false,
      'services.settings.server': 'http://127.0.0.1:9/',
      'network.connectivity-service.enabled': false,
      'network.captive-portal-service.enabled': false,
      ...options.prefs,
    },
  });
  try {
    const installed = await browser.installExtension(extensionDir);
    if (installed !== id) throw new Error(`installed ${installed}, expected ${id}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${EXTENSION_UUID}`;
  return {
    browser,
    extensionId: id,
    extensionOrigin,
    async openExtensionPage(path, { ready = 'body *', window = false } = {}) {
      const url = `${extensionOrigin}/${path.replace(/^\//, '')}`;
      const deadline = Date.now() + 30_000;
      // Never resolves for moz-extension:// (toolchain.md §7c): wait for the content instead. While the
      // initial about:blank gives way to the extension page, puppeteer may keep polling a realm that was
      // torn down ("right-hand side of 'in' should be an object") and never recover: then the page is
      // closed and the extension page opened afresh, until the deadline.
      for (;;) {
        const page = await browser.newPage(window ? { type: 'window', windowBounds: { width: 420, height: 800 } } : {});
        page.goto(url).catch(() => {});
        try {
          await page.waitForSelector(ready, { timeout: Math.max(1000, Math.min(10_000, deadline - Date.now())) });
          return page;
        } catch (error) {
          await page.close().catch(() => {});
          if (Date.now() >= deadline) throw error;
        }
      }
    },
    close: () => browser.close(),
  };
}

/** The text of the popup's heading list, a cheap "the popup rendered" check. */
/** The tab the extension opens on `prefix…`, as a page to drive. */
export async function tabOpenedAt(firefox: FirefoxSession, prefix: string): Promise<Page> {
  const target = await firefox.browser.waitForTarget((t) => t.url().startsWith(prefix), { timeout: 30_000 });
  const page = await target.page();
  if (!page) throw new Error(`no page for ${target.url()}`);
  return page;
}

export async function headings(page: Page): Promise<string[]> {
  return page.$$eval('h1, h2', (els) => els.map((e) => (e.textContent ?? '').trim()));
}

/** The form control a visible <label> names, as a person finds it (label text, then `for`). */
export async function fieldByLabel(page: Page, label: string): Promise<string> {
  const id = await page.$$eval(
    'label',
    (labels, text) => labels.find((l) => (l.textContent ?? '').trim() === text)?.getAttribute('for') ?? null,
    label,
  );
  if (!id) throw new Error(`no field labelled "${label}"`);
  return `#${id}`;
}

/** Clicks the button whose visible text is `text`. */
export async function clickButton(page: Page, text: string): Promise<void> {
  // A control (button, label of a radio, link) with that text — not any element whose text mentions it
  // (the popup's "next step" line can say "press Connect to Odoo").
  const found = await page.waitForFunction(
    (t: string) =>
      [...document.querySelectorAll<HTMLElement>('button, [role="button"], label, a')].find((el) =>
        (el.textContent ?? '').includes(t),
      ) ?? null,
    {},
    text,
  );
  const handle = found.asElement();
  if (!handle) throw new Error(`no button "${text}"`);
  await (handle as ElementHandle<Element>).click();
}

/** The checklist row of a step: state attribute and its one-line "what next". */
export async function stepState(page: Page, id: string): Promise<{ state: string | null; next: string }> {
  return page.$eval(`li[data-step="${id}"]`, (li) => ({
    state: li.getAttribute('data-state'),
    next: (li.querySelector('.step-next')?.textContent ?? '').trim(),
  }));
}

/** Waits until the step's row has the given state; returns its text. */
export async function waitForStep(page: Page, id: string, state: string, timeout = 20_000): Promise<string> {
  await page.waitForSelector(`li[data-step="${id}"][data-state="${state}"]`, { timeout });
  return (await stepState(page, id)).next;
}

/** Signs in through the fake Odoo's own login form, so Firefox holds a real HttpOnly session cookie. */
export async function loginToOdoo(page: Page, odoo: FakeOdoo, login = 'admin', password = login): Promise<void> {
  await page.goto(`${odoo.origin}/web/login`);
  await page.type('#login', login);
  await page.type('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type="submit"]')]);
  const path = new URL(page.url()).pathname;
  if (path !== '/web' && !path.startsWith('/odoo')) throw new Error(`login as ${login} ended on ${page.url()}`);
}

/**
 * Serves local HTML for https://console.cloud.google.com/* (and console.developers.google.com) through
 * BiDi request interception, so the page keeps Google's real URL — the URL the extension's host
 * permission and content-script matches are written for — while its HTML is a local replica
 * (toolchain.md §7c: content scripts run on such pages in Firefox). Other Console URLs get a 404, so a
 * test never reaches the network. Everything else passes through untouched.
 *
 * `routes` maps a pathname (`/projectcreate`) or a full URL without query to HTML or to a function of
 * the request URL; `'*'` answers every other Console path (the replica Console is one single-page app).
 * Returns the list of Console URLs asked for, for assertions. `hosts`: another Google host to answer
 * the same way (e.g. accounts.google.com for the sign-in error pages).
 */
export type ConsoleRoute = string | ((url: URL) => string);
const CONSOLE_HOST_SET: ReadonlySet<string> = new Set(CONSOLE_HOSTS);

export async function routeConsole(
  page: Page,
  routes: Record<string, ConsoleRoute>,
  hosts: ReadonlySet<string> = CONSOLE_HOST_SET,
): Promise<{ requested: string[] }> {
  const requested: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = new URL(request.url());
    if (url.protocol !== 'https:' || !hosts.has(url.hostname)) {
      request.continue();
      return;
    }
    requested.push(url.href);
    const route = routes[`${url.origin}${url.pathname}`] ?? routes[url.pathname] ?? routes['*'];
    if (route === undefined) {
      request.respond({ status: 404, contentType: 'text/plain', body: `No replica for ${url.pathname}` });
      return;
    }
    request.respond({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: typeof route === 'function' ? route(url) : route,
    });
  });
  return { requested };
}
