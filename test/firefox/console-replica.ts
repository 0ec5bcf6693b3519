/**
 * The replica Console in real Firefox, through puppeteer: the same page, configuration, state and panel
 * readers as the Chromium tests (test/support/replica.ts, test/support/replica-page.ts), with what differs
 * for this driver — served at Google's real URLs through BiDi interception (`consoleTab`), the setup seeded
 * and storage read from an extension page, and the assistant's panel clicked inside its open shadow root
 * through an element handle — clicks are real input events (puppeteer's element click), not
 * `element.click()`. The whole journey serves the replica through the HTTPS proxy instead
 * (test/support/replica.ts `consoleSite`).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { acrossNavigations, GOOGLE, type PanelState, type ReplicaConfig, replicaHtml, setupSeed } from '../support/replica.ts';
import * as inPage from '../support/replica-page.ts';
import { type FirefoxSession, routeConsole } from './harness.ts';

export { CONFIGURED, CONSOLE } from '../support/replica.ts';

/** A tab whose every Console URL answers with the replica (one single-page app, as Google's). */
export async function consoleTab(firefox: FirefoxSession, config: ReplicaConfig = {}): Promise<Page> {
  const page = await firefox.browser.newPage();
  await routeConsole(page, { '*': replicaHtml(config) });
  return page;
}

/** Reads one storage area of the extension from one of its pages. */
export function extensionStorage(extensionPage: Page, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  return extensionPage.evaluate(inPage.extensionStorage, area);
}

/** What the popup stores after "Connect to Odoo" found an administrator at `origin`, written from an extension page. */
export async function seedSetup(extensionPage: Page, origin: string, gmail = 'me@gmail.com'): Promise<void> {
  await extensionPage.evaluate(inPage.seedStorage, setupSeed({ origin, gmail }));
}

/** The assistant's panel, read from its open shadow root. */
export function panel(page: Page): Promise<inPage.PanelReading> {
  return page.evaluate(inPage.panelReading);
}

/** Waits until the panel shows `what` (its main button's label or status text, exact or matching). */
export async function waitForPanel(
  page: Page,
  what: { main?: string; status?: string | RegExp; contains?: string },
  timeout = 20_000,
): Promise<inPage.PanelReading> {
  const want: inPage.PanelWant = {
    main: what.main ?? null,
    status: typeof what.status === 'string' ? what.status : null,
    statusRe: what.status instanceof RegExp ? what.status.source : null,
    contains: what.contains ?? null,
  };
  await page.waitForFunction(inPage.panelShows, { timeout }, want);
  return panel(page);
}

/** A control inside the panel by its visible text (the main button, a link button, "Try again"). */
export async function panelControl(page: Page, text: string): Promise<ElementHandle<Element>> {
  const handle = await page.evaluateHandle(inPage.panelControl, text);
  const element = handle.asElement() as ElementHandle<Element> | null;
  if (!element) throw new Error(`no control "${text}" in the assistant's panel`);
  return element;
}

/** Reads the replica in the page's world, once its script has run in the document the page is on (`acrossNavigations`). */
function inReplica<T>(page: Page, read: () => T): Promise<T> {
  return acrossNavigations(async () => {
    await page.waitForFunction(inPage.replicaReady, { timeout: 30_000 });
    return page.evaluate(read) as Promise<T>;
  });
}

/** The replica's server state (what Google keeps), form model (what Angular would hold), log and document loads. */
export const replicaState = (page: Page) => inReplica(page, inPage.replicaState);
export const replicaModel = (page: Page) => inReplica(page, inPage.replicaModel);
export const replicaLog = (page: Page) => inReplica(page, inPage.replicaLog);
export const replicaLoads = (page: Page) => inReplica(page, inPage.replicaLoads);

/** The page's DOM as text, open shadow roots included. */
export function domText(page: Page): Promise<string> {
  return page.evaluate(inPage.domText, '');
}

/**
 * The person's own tick of Google's "I agree to the Google API Services: User Data Policy" box, once the
 * panel points at it (`data-state="agreement"`): the assistant never ticks it (agreements stay the person's). A real
 * input event, as a person's click is.
 */
export async function tickPolicyBox(page: Page): Promise<void> {
  await page.waitForFunction(inPage.panelInState, { timeout: 30_000 }, 'agreement' satisfies PanelState);
  await page.click(GOOGLE.policyBox);
}
