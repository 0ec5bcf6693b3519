/**
 * End-to-end helpers for the Console assistant: the replica Console (test/fixtures/console/) served
 * at the real Console URLs through Playwright routing, so the extension's real content-script
 * matches run; a seeded setup (what the popup would have stored after "Connect to Odoo"); readers
 * for the extension's storage and for the page's DOM (shadow roots included); and `Human`, through
 * which every simulated click and keystroke of the person goes, so a test can count what is left
 * for a person to do on the Console.
 */
import type { BrowserContext, Locator, Page, Request } from '@playwright/test';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import {
  acrossNavigations,
  CONSOLE,
  CONSOLE_HOSTS,
  consoleSink,
  DEMO_SINK,
  GOOGLE,
  type PanelState,
  type ReplicaConfig,
  replicaHtml,
  setupSeed,
} from '../support/replica.ts';
import * as inPage from '../support/replica-page.ts';
import { expect, openPopup, serviceWorkerOf } from './fixtures.ts';
import { openedBy } from './odoo-helpers.ts';

export {
  CONFIGURED,
  CONSOLE,
  type PanelState,
  type Replica,
  type ReplicaConfig,
  type ReplicaLogEntry,
} from '../support/replica.ts';

/** Answers every Console URL (both hosts) with the replica, configured for this test. */
export async function serveConsole(context: BrowserContext, config: ReplicaConfig = {}): Promise<void> {
  const body = replicaHtml(config);
  for (const host of CONSOLE_HOSTS) {
    await context.route(`https://${host}/**`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body }),
    );
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
  await sw.evaluate(inPage.seedStorage, setupSeed({ origin: ODOO, gmail, accountType }));
}

/** The replica Console for `gmail` (a personal account unless `config` says otherwise), the setup saved, a page to open. */
export async function openConsole(context: BrowserContext, config: ReplicaConfig, gmail = 'me@gmail.com') {
  await serveConsole(context, { email: gmail, ...config });
  await seedSetup(context, { gmail, accountType: config.accountType ?? 'personal' });
  const page = context.pages()[0] ?? (await context.newPage());
  return { page, a: assistant(page), human: new Human() };
}

/**
 * The client Google created, as the replica holds it (name, type, the one redirect URI, no JavaScript
 * origin), captured with its secret in `storage.session` and never shown in the panel.
 */
export async function expectClientCaptured(context: BrowserContext, page: Page): Promise<void> {
  const client = (await replicaState(page)).clients[0];
  expect(client).toMatchObject({ name: 'Odoo', type: 'Web application', redirectUris: [REDIRECT_URI], origins: [] });
  expect((await storage(context, 'session')).credentials).toMatchObject({ clientId: client?.id, clientSecret: client?.secret });
  expect(await panelText(page)).not.toContain(client?.secret);
}

export async function storage(context: BrowserContext, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  const sw = await serviceWorkerOf(context);
  return sw.evaluate(inPage.extensionStorage, area);
}

/** The checklist progress the Console steps reported. */
export async function progress(context: BrowserContext): Promise<Record<string, { state: string; note?: { key: string } }>> {
  return ((await storage(context, 'local')).progress ?? {}) as Record<string, { state: string; note?: { key: string } }>;
}

/**
 * The page's whole DOM as text, open shadow roots included (the assistant's panel is one); `without`: see
 * `inPage.domText`. A page the assistant moves on by itself may change document while it is read: then the
 * document it landed on is read instead (seen once in CI: "Execution context was destroyed" on the Console).
 */
export async function domText(page: Page, without = ''): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await page.evaluate(inPage.domText, without);
    } catch (error) {
      if (attempt === 3 || !String(error).includes('Execution context was destroyed')) throw error;
      await page.waitForLoadState('domcontentloaded');
    }
  }
}

/** The assistant's panel text only. */
export function panelText(page: Page): Promise<string> {
  return page.evaluate(inPage.panelText);
}

/** Reads the replica in the page's world, once its script has run in the document the page is on (`acrossNavigations`). */
function inReplica<T>(page: Page, read: () => T): Promise<T> {
  return acrossNavigations(async () => {
    await page.waitForFunction(inPage.replicaReady, null, { timeout: 30_000 });
    return page.evaluate(read);
  });
}

/** The replica's server state and form model (what Angular would hold), read in the page's world. */
export const replicaState = (page: Page) => inReplica(page, inPage.replicaState);
export const replicaModel = (page: Page) => inReplica(page, inPage.replicaModel);
export const replicaLoads = (page: Page) => inReplica(page, inPage.replicaLoads);
/** The tab's log, across the documents the assistant opened. */
export const replicaLog = (page: Page) => inReplica(page, inPage.replicaLog);

/** The person turns 2-Step Verification on in their Google Account (outside the Console; 2026 §11). */
export const liftMfa = (page: Page) => page.evaluate(inPage.liftMfa);

/** The assistant's panel and its main button. */
export function assistant(page: Page) {
  const panel = page.getByRole('region', { name: 'Gmail for Odoo assistant' });
  return {
    panel,
    main: panel.getByRole('button', { name: /^Fill in/ }),
    /** The panel's one main button, whatever it says (wording not decided everywhere yet). */
    mainButton: panel.locator('button.main'),
    status: panel.getByRole('status'),
  };
}

/**
 * Whether the panel points at `target` (2026 §5, §14: Google's own control, scrolled into view and highlighted):
 * a visible ring drawn in the panel's shadow root covers the target's centre.
 * TODO(panel wording): the ring (`.ring` in the panel's shadow root) is how lib/ui/panel.ts highlights today.
 */
export async function pointsAt(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  if (!box) return false;
  return page.evaluate(inPage.ringCovers, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
}

/**
 * The wizard's User Data Policy box is the person's agreement (2026 §14): the panel says so and points at it,
 * nothing has ticked it, and the person ticks it — one click.
 */
export async function personTicksPolicy(page: Page, human: Human): Promise<void> {
  const a = assistant(page);
  const g = google(page);
  await expect(a.panel).toHaveAttribute('data-state', 'agreement' satisfies PanelState, { timeout: 30_000 });
  await expect(g.policyBox).toBeInViewport();
  await expect(g.policyBox).not.toBeChecked();
  expect((await replicaLog(page)).filter((e) => e.name === 'agree')).toEqual([]);
  await expect.poll(() => pointsAt(page, g.policyBox)).toBe(true);
  await human.click(g.policyBox, 'the User Data Policy box (the person ticks it)');
}

/** Google's own controls a person uses in the 2026 variants (`GOOGLE` of test/support/replica.ts, as locators). */
export function google(page: Page): Record<keyof typeof GOOGLE, Locator> {
  return Object.fromEntries(Object.entries(GOOGLE).map(([name, selector]) => [name, page.locator(selector)])) as Record<
    keyof typeof GOOGLE,
    Locator
  >;
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

/**
 * Google's side learns what its Console created, as Google's own servers would: the replica posts its state
 * to `DEMO_SINK` (`demoSink` in its config) and this route answers as the demo's server does
 * (test/support/replica.ts `consoleSink`: every client handed to the fake Odoo's Google stand-in).
 */
export async function sinkConsoleToGoogle(context: BrowserContext, odoo: FakeOdoo): Promise<void> {
  await context.route(`${CONSOLE}${DEMO_SINK}`, async (route) => {
    const request = route.request();
    const { status, text } = consoleSink(odoo, request.method(), request.postData() ?? '');
    await route.fulfill({ status, body: text });
  });
}

/**
 * The one action that starts the whole Google side: the popup's "Set up Google Cloud for Odoo", counted as
 * the person's click. Returns the Console tab it opens (on "New project"); the popup is closed.
 */
export async function setUpGoogleCloud(context: BrowserContext, popup: Page, human: Human): Promise<Page> {
  // The tab is found by any Console address: the run may leave "New project" before a poll sees it (a
  // replica whose project already exists moves on at once), so where it opened is read from its first
  // navigation instead.
  const opened: string[] = [];
  const onRequest = (request: Request) => {
    if (request.isNavigationRequest() && request.url().startsWith(CONSOLE)) opened.push(request.url());
  };
  context.on('request', onRequest);
  const page = await openedBy(
    context,
    (url) => url.startsWith(CONSOLE),
    () => human.click(popup.getByRole('button', { name: 'Set up Google Cloud for Odoo' }), 'Set up Google Cloud for Odoo'),
  );
  context.off('request', onRequest);
  expect(opened[0] ?? 'no Console page', 'the Console opens on "New project"').toContain(`${CONSOLE}/projectcreate`);
  await popup.close();
  return page;
}
