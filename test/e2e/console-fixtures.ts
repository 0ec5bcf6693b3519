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
import { ConsoleState as ConsoleStateSchema, DEMO_SINK, registerConsoleState } from '../../scripts/demo.ts';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { adminProbe } from '../fixtures/stored-state.ts';
import { expect, openPopup, serviceWorkerOf } from './fixtures.ts';

/**
 * How the replica Console behaves (test/fixtures/console/replica.js, `CFG`). Every option defaults to the
 * behaviour the older tests were written against; the 2026 ones follow google-console-2026.md (the 2026 Console),
 * cited "2026 §N" here and next to the markup they produce.
 */
export interface ReplicaConfig {
  ui?: 'new' | 'legacy';
  labels?: 'material' | 'for' | 'labelledby' | 'aria';
  /** The account's language; 'en-GB' writes "Authorised …", "organisation" (2026 §3). */
  lang?: 'en' | 'en-GB' | 'vi';
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
  /** Also post the replica's "Google-side" state to this path of the Console origin (scripts/demo.ts `DEMO_SINK`),
   *  so Google's stand-in learns the clients its Console created (`sinkConsoleToGoogle`). */
  demoSink?: string;
  // ── 2026 variants (google-console-2026.md) ──
  /** Vietnamese tone marks: 'new' "ủy/xóa" (default) | 'old' "uỷ/xoá/khoá", as Google writes them (2026 §6). */
  viTones?: 'new' | 'old';
  /** The page language follows `?hl=` (google-console.md §1; 2026 §6: live scripts open every page with hl=en). */
  honourHl?: boolean;
  /** 'described': a radio's accessible name carries its description, "External Available to any test user…" (2026 §2). */
  radioNames?: 'label' | 'described';
  /** Authorized-domain rows: 'named' "Authorized domain N" (default) | 'unlabelled': no label, no type, "Add domain"
   *  appends one (2026 §4, console-auto.mjs) | 'substring': the name only contains "Authorized domain 1" (2026 §4, gclientid). */
  domainRows?: 'named' | 'unlabelled' | 'substring';
  /** The confirmed formcontrolnames `cfc-select[formcontrolname="typeControl"]`, `input[formcontrolname="uri"]` (2026 §7). */
  hooks?: boolean;
  /** Model names rendered with no label at all, their formcontrolname kept: 'applicationType', 'uri', 'userSupportEmail', … (2026 §7). */
  unlabelled?: string[];
  /** The client form's URI sections worded unlike the assistant's label lists (the 2026 Console: a Vietnamese client form). */
  uriGroupTitles?: { origins?: string; redirectUris?: string };
  /** Branding's link labels: 'application' "Application home page" (google-console.md §3.3, default) | 'app' "App home page" (2026 §1, UNVERIFIED). */
  linkLabels?: 'application' | 'app';
  /** "Publish app" disabled until Branding has both links on authorized domains, with the "incomplete" banner (2026 §1). */
  publishNeedsLinks?: boolean;
  /** The wizard's and the client form's Create ignore clicks with `isTrusted === false` (2026 §5). */
  untrustedCreate?: boolean;
  /** The Cloud Terms of Service dialog (`cfc-tos-checkboxes`) over every page until accepted; it blocks project creation (2026 §11). */
  tos?: boolean;
  /** Every page redirects to `/enable-mfa?redirectTo=…` until `liftMfa(page)` (2026 §11). */
  mfa?: boolean;
  /** `main` stays blank for `ms` when a page (of `pages`, default any) loads as a document: on its first `loads`
   *  loads (default 1, so a reload shows it) or on all (2026 §12). Loads are counted per page in the tab. */
  blank?: { ms: number; loads?: number | 'all'; pages?: string[] } | null;
  /** clients/create before the consent screen: 'empty' (Get started, default) | 'bar': the form under a yellow bar (2026 §10). */
  consentFirst?: 'empty' | 'bar';
  /** The test-users side panel: 'dialog' (default) | 'panel': not a dialog, success = chip input gone + address listed (2026 §13). */
  testUsersPanel?: 'dialog' | 'panel';
  /** "Add secret": 'dialog' (default) | 'sidePanel': "Information and summary" side panel, then its confirmation (2026 §8). */
  addSecret?: 'dialog' | 'sidePanel';
  /** The side panel's confirmation button (2026 §8). */
  addSecretConfirm?: 'Add' | 'Add secret';
  /** Where the created dialog and an added secret show the values: 'text' (default) | 'aria-label' | 'title' | 'value' (2026 §9). */
  valuesIn?: 'text' | 'aria-label' | 'title' | 'value';
  /** false: an older Console without `/auth/*` pages (never claim what was not seen: the legacy path). */
  authPlatform?: boolean;
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

/**
 * Reads the replica in the page's world. The assistant goes on to the next page of the journey by itself (a new
 * document) and its Reload button reloads: a read that lands while the page navigates is made again in the
 * document that follows, once the replica's script has run there — a navigation is waited for, never slept over.
 */
async function inReplica<T>(page: Page, read: () => T): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      await page.waitForFunction(() => typeof (window as unknown as { __state?: unknown }).__state === 'function', null, {
        timeout: 30_000,
      });
      return await page.evaluate(read);
    } catch (error) {
      if (tries >= 5 || !/Execution context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

/** The replica's server state and form model (what Angular would hold), read in the page's world. */
export const replicaState = (page: Page) => inReplica(page, () => (window as unknown as { __state: () => Replica }).__state());
export const replicaModel = (page: Page) =>
  inReplica(page, () => (window as unknown as { __model: Record<string, unknown> }).__model);
export const replicaLoads = (page: Page) => inReplica(page, () => Number(sessionStorage.getItem('replica-loads')));

/** One entry of the replica's log (the tab's): a model update (with `trusted`: a browser-made event, i.e. the person's), or
 *  `click:<action>` on a button that matters (`value` 'clicked' | 'ignored' | 'blocked: …'), 'tos', 'blank'. */
export interface ReplicaLogEntry {
  name: string;
  value: unknown;
  how: string;
  trusted?: boolean;
}
/** The tab's log, across the documents the assistant opened (replica.js keeps it in sessionStorage). */
export const replicaLog = (page: Page) => inReplica(page, () => [...(window as unknown as { __log: ReplicaLogEntry[] }).__log]);

/** The person turns 2-Step Verification on in their Google Account (outside the Console; 2026 §11). */
export const liftMfa = (page: Page) => page.evaluate(() => (window as unknown as { __mfaDone: () => void }).__mfaDone());

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
    /** Branding's App domain links, once saved (2026 §1). */
    homePage?: string;
    privacyPolicy?: string;
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
  /** Who ticked each agreement: 'person' (browser-made events) or 'script' (2026 §11, §14). */
  agreements?: { userDataPolicy?: 'person' | 'script'; termsOfService?: 'person' | 'script' };
  tosAccepted?: boolean;
  mfaDone?: boolean;
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
    /** The panel's one main button, whatever it says (wording not decided everywhere yet). */
    mainButton: panel.locator('button.main'),
    status: panel.getByRole('status'),
  };
}

/**
 * What the panel is doing, as `data-state` on its region — what the 2026 Console tests assert where the wording is
 * not decided yet. PROPOSED CONTRACT for lib/console/panel.ts (to reconcile with the assistant's authors):
 * - 'agreement': the User Data Policy box is the person's to tick; the panel points at it and waits (2026 §14);
 * - 'click-google': Google ignored the assistant's click; its own button is scrolled to and highlighted and the
 *   person clicks it — one action — after which the assistant goes on by itself (2026 §5);
 * - 'tos': the Cloud Terms of Service dialog (2026 §11); 'mfa': the `/enable-mfa` redirect (2026 §11);
 * - 'blank': `main` stayed blank; Reload offered, up to 3 tries (2026 §12);
 * - 'consent-first': the clients page's "configure the consent screen first" bar, routing to Get started (2026 §10);
 * - 'links-needed': "Publish app" disabled until Branding has its two links (2026 §1).
 */
export type PanelState = 'agreement' | 'click-google' | 'tos' | 'mfa' | 'blank' | 'consent-first' | 'links-needed';

/**
 * Whether the panel points at `target` (2026 §5, §14: Google's own control, scrolled into view and highlighted):
 * a visible ring drawn in the panel's shadow root covers the target's centre.
 * TODO(panel wording): the ring (`.ring` in the panel's shadow root) is how lib/console/panel.ts highlights today.
 */
export async function pointsAt(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  if (!box) return false;
  return page.evaluate(
    ({ x, y }) => {
      const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
      return [...(root?.querySelectorAll<HTMLElement>('.ring') ?? [])].some((ring) => {
        const r = ring.getBoundingClientRect();
        return !ring.hidden && r.left <= x && x <= r.right && r.top <= y && y <= r.bottom;
      });
    },
    { x: box.x + box.width / 2, y: box.y + box.height / 2 },
  );
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

/** Google's own controls a person uses in the 2026 variants (the replica's hooks, as a person finds them by sight). */
export function google(page: Page) {
  const main = page.locator('#app');
  return {
    /** The wizard's "I agree to the Google API Services: User Data Policy." box (google-console.md §3.2, 2026 §14). */
    policyBox: main.locator('input[data-check="agree"]'),
    /** The wizard's last Create (google-console.md §3.2) and the client form's Create (google-console.md §3.6): the buttons 2026 §5 names. */
    wizardCreate: main.locator('[data-action="wizardCreate"]'),
    clientCreate: main.locator('[data-action="createClient"]'),
    /** The Terms of Service dialog (2026 §11): its box and "Agree and continue". */
    tosDialog: page.locator('mat-dialog-container:has(cfc-tos-checkboxes)'),
    tosBox: page.locator('cfc-tos-checkboxes input[type="checkbox"]'),
    tosAgree: page.locator('[data-action="tosAgree"]'),
    /** `/enable-mfa`'s "Continue" (UNVERIFIED button; 2026 §11). */
    mfaContinue: main.locator('[data-action="mfaContinue"]'),
    /** Audience's "Publish app" (google-console.md §3.4; 2026 §1: disabled until Branding has both links). */
    publish: main.locator('[data-action="openPublish"]'),
    incompleteBanner: main.locator('[data-banner="incomplete"]'),
    consentFirstBar: main.locator('[data-banner="consentFirst"]'),
    /** The test-users side panel (2026 §13) and the secret side panel (2026 §8), both outside `main`. */
    addUsersPanel: page.locator('.side-panel[data-panel="addUsers"]'),
    secretPanel: page.locator('.side-panel[data-panel="secret"]'),
    /** "OK" on the "OAuth client created" / "Client secret added" dialog. */
    dialogOk: page.locator('mat-dialog-container [data-action="closeDialog"]'),
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

/**
 * Google's side learns what its Console created, as Google's own servers would: the replica posts its state
 * to `DEMO_SINK` (`demoSink` in its config) and this route hands every client to the fake Odoo's Google
 * stand-in (scripts/demo.ts `registerConsoleState`, the demo's own wiring).
 */
export async function sinkConsoleToGoogle(context: BrowserContext, odoo: FakeOdoo): Promise<void> {
  await context.route(`${CONSOLE}${DEMO_SINK}`, async (route) => {
    const posted = ConsoleStateSchema.safeParse(JSON.parse(route.request().postData() ?? 'null'));
    if (posted.success) registerConsoleState(odoo, posted.data);
    await route.fulfill({ status: posted.success ? 204 : 400, body: '' });
  });
}
