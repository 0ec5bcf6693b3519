/**
 * The replica Console (test/fixtures/console/: `index.html`, `replica.js`, synthesized from
 * docs/evidence/google-console.md) for every browser that shows it: the Chromium tests (Playwright routing,
 * test/e2e/console-fixtures.ts), the Firefox tests (BiDi interception or the HTTPS proxy,
 * test/firefox/console-replica.ts) and `npm start`'s demo (scripts/demo.ts). Here, once: its configuration
 * (`ReplicaConfig`), the page built with it (`replicaHtml`), the shape of its state and log, a consent screen
 * already configured, the Google controls a person uses, the setup the popup would have stored, and its
 * "Google-side" sink — the replica posts the state Google's servers would keep, and Google's stand-in (the
 * fake Odoo's) learns the clients its Console created (`consoleSink`, `consoleSite`). What the tests read in
 * the page's world is test/support/replica-page.ts.
 *
 * Runs under Node's type stripping (`npm start`, `npm run bench` load it): no parameter properties, no enums.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import type { FakeOdoo } from '../fake-odoo/server.ts';
import { adminProbe } from '../fixtures/stored-state.ts';
import { endText, type Site } from './sites.ts';

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
  /** Also post the replica's "Google-side" state to this path of the Console origin (`DEMO_SINK`),
   *  so Google's stand-in learns the clients its Console created (`consoleSink`). */
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
/** The Console's two hosts; the replica answers both. */
export const CONSOLE_HOSTS = ['console.cloud.google.com', 'console.developers.google.com'];
/** Where the replica keeps "Google's" server state: the Console origin's localStorage. */
export const REPLICA_STATE_KEY = 'console-replica-state';
/** Where the replica posts that state when `demoSink` is set (on the Console's origin: same-origin, no CORS). */
export const DEMO_SINK = '/__demo/console-state';

const FIXTURES = resolve(import.meta.dirname, '../fixtures/console');

/** The replica's page with `config` as its `window.__CONSOLE_CONFIG` (read afresh, so an edit shows at the next load). */
export function replicaHtml(config: ReplicaConfig = {}): string {
  const html = readFileSync(resolve(FIXTURES, 'index.html'), 'utf8');
  const js = readFileSync(resolve(FIXTURES, 'replica.js'), 'utf8');
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return html
    .replace('<!--CONFIG-->', () => `<script>window.__CONSOLE_CONFIG = ${json};</script>`)
    .replace('<!--APP-->', () => `<script>${js}</script>`);
}

/** The replica's server state (what Google keeps), as `window.__state()` returns it. */
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

/** One entry of the replica's log (the tab's): a model update (with `trusted`: a browser-made event, i.e. the person's), or
 *  `click:<action>` on a button that matters (`value` 'clicked' | 'ignored' | 'blocked: …'), 'tos', 'blank'. */
export interface ReplicaLogEntry {
  name: string;
  value: unknown;
  how: string;
  trusted?: boolean;
}

/** A consent screen already configured (for tests that start at a later page): the replica's `seed`. */
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

/**
 * What the panel is doing, as `data-state` on its region — what the 2026 Console tests assert where the wording is
 * not decided yet. PROPOSED CONTRACT for lib/ui/panel.ts (to reconcile with the assistant's authors):
 * - 'agreement': the User Data Policy box is the person's to tick; the panel points at it and waits (2026 §14);
 * - 'click-google': Google ignored the assistant's click; its own button is scrolled to and highlighted and the
 *   person clicks it — one action — after which the assistant goes on by itself (2026 §5);
 * - 'tos': the Cloud Terms of Service dialog (2026 §11); 'mfa': the `/enable-mfa` redirect (2026 §11);
 * - 'blank': `main` stayed blank; Reload offered, up to 3 tries (2026 §12);
 * - 'consent-first': the clients page's "configure the consent screen first" bar, routing to Get started (2026 §10);
 * - 'links-needed': "Publish app" disabled until Branding has its two links (2026 §1).
 */
export type PanelState = 'agreement' | 'click-google' | 'tos' | 'mfa' | 'blank' | 'consent-first' | 'links-needed';

/** Google's own controls a person uses (the replica's hooks, as a person finds them by sight), as CSS selectors. */
export const GOOGLE = {
  /** The wizard's "I agree to the Google API Services: User Data Policy." box (google-console.md §3.2, 2026 §14). */
  policyBox: '#app input[data-check="agree"]',
  /** The wizard's last Create (google-console.md §3.2) and the client form's Create (google-console.md §3.6): the buttons 2026 §5 names. */
  wizardCreate: '#app [data-action="wizardCreate"]',
  clientCreate: '#app [data-action="createClient"]',
  /** The Terms of Service dialog (2026 §11): its box and "Agree and continue". */
  tosDialog: 'mat-dialog-container:has(cfc-tos-checkboxes)',
  tosBox: 'cfc-tos-checkboxes input[type="checkbox"]',
  tosAgree: '[data-action="tosAgree"]',
  /** `/enable-mfa`'s "Continue" (UNVERIFIED button; 2026 §11). */
  mfaContinue: '#app [data-action="mfaContinue"]',
  /** Audience's "Publish app" (google-console.md §3.4; 2026 §1: disabled until Branding has both links). */
  publish: '#app [data-action="openPublish"]',
  incompleteBanner: '#app [data-banner="incomplete"]',
  consentFirstBar: '#app [data-banner="consentFirst"]',
  /** The test-users side panel (2026 §13) and the secret side panel (2026 §8), both outside `main`. */
  addUsersPanel: '.side-panel[data-panel="addUsers"]',
  secretPanel: '.side-panel[data-panel="secret"]',
  /** "OK" on the "OAuth client created" / "Client secret added" dialog. */
  dialogOk: 'mat-dialog-container [data-action="closeDialog"]',
} as const;

/**
 * What the popup stores after "Connect to Odoo" found an administrator at `origin` (setup + probe), for
 * the extension's storage.local (test/support/replica-page.ts `seedStorage`).
 */
export function setupSeed({
  origin,
  gmail = 'me@gmail.com',
  accountType = 'personal',
}: {
  origin: string;
  gmail?: string;
  accountType?: 'personal' | 'workspace';
}): Record<string, unknown> {
  const probe = adminProbe({ origin, userEmail: gmail, at: Date.now() });
  return { setup: { odooOrigin: probe.origin, gmail, accountType, gmailProposed: false }, probe };
}

/**
 * A read of the replica's page that lands while the page navigates is made again: the assistant goes on to
 * the next page of the journey by itself (a new document) and its Reload button reloads. `read` waits for
 * the replica's script in the document it finds (a navigation is waited for, never slept over).
 */
export async function acrossNavigations<T>(read: () => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await read();
    } catch (error) {
      if (tries >= 5 || !/Execution context was destroyed|navigat/i.test(String(error))) throw error;
    }
  }
}

/** What the stand-in needs of the replica's server state (test/fixtures/console/replica.js, `state`). */
export const ConsoleState = z.object({
  consent: z.nullable(
    z.object({
      audience: z.string(),
      publishing: z.string(),
      testUsers: z.array(z.string()),
    }),
  ),
  clients: z.array(
    z.object({
      id: z.string().check(z.minLength(1)),
      secret: z.string().check(z.minLength(1)),
      redirectUris: z.array(z.string()),
    }),
  ),
});
export type ConsoleState = z.infer<typeof ConsoleState>;

/** Google learns what its Console created: each client of the replica's state, with the consent screen's audience. */
export function registerConsoleState(odoo: FakeOdoo, state: ConsoleState): void {
  const consent = state.consent;
  for (const client of state.clients) {
    odoo.google.registerClient({
      clientId: client.id,
      clientSecret: client.secret,
      redirectUris: client.redirectUris,
      audience: consent?.audience === 'internal' ? 'internal' : 'external',
      publishing: consent?.publishing === 'production' ? 'production' : 'testing',
      testUsers: (consent?.testUsers ?? []).map((u) => u.toLowerCase()),
    });
  }
}

/**
 * The answer of `DEMO_SINK` to one request (whatever serves it: a Node server or a browser's routing):
 * the replica's posted state registers its clients with the fake Odoo's Google stand-in (204); anything
 * else is refused and registers nothing.
 */
export function consoleSink(odoo: FakeOdoo, method: string, body: string): { status: number; text: string } {
  if (method !== 'POST') return { status: 405, text: 'POST only' };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { status: 400, text: 'not JSON' };
  }
  const parsed = ConsoleState.safeParse(json);
  if (!parsed.success) return { status: 400, text: 'not the replica state' };
  registerConsoleState(odoo, parsed.data);
  return { status: 204, text: '' };
}

function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) req.destroy(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The replica Console at every path of a Console host (one single-page app, `config` as its
 * `__CONSOLE_CONFIG`), and `DEMO_SINK`, to which it posts its server state so that Google's side learns
 * the clients its Console created (`consoleSink`). `npm start`'s demo and the Firefox journey serve it.
 */
export function consoleSite(odoo: FakeOdoo, config: ReplicaConfig): Site {
  const withSink = { ...config, demoSink: DEMO_SINK };
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === DEMO_SINK) {
      const answer = (body: string) => {
        const { status, text } = consoleSink(odoo, req.method ?? 'GET', body);
        if (status === 204) res.writeHead(204).end();
        else endText(res, status, text);
      };
      if (req.method !== 'POST') answer('');
      else
        readBody(req)
          .then(answer)
          .catch(() => endText(res, 400, 'not JSON'));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(replicaHtml(withSink));
  };
}
