/**
 * What the tests read and find in the page's own world, written once for both drivers: each function here
 * is handed as it is to Playwright's `page.evaluate` / `page.waitForFunction` (test/e2e/console-fixtures.ts)
 * and to puppeteer's (test/firefox/console-replica.ts), which send its source to the browser. So each one
 * stands alone — it uses nothing of this module, only the page's globals — and takes at most one argument,
 * a plain value, since Playwright passes one.
 *
 * The replica (test/fixtures/console/replica.js) exposes "Google's" server state as `window.__state()`, the
 * form model as `window.__model`, the tab's log as `window.__log`, its document loads in sessionStorage
 * (`replica-loads`) and `window.__mfaDone()`; the assistant's panel is the open shadow root of
 * `<gmail-odoo-assistant>`. Import as a namespace: `page.evaluate(inPage.replicaState)`.
 */
import type { Replica, ReplicaLogEntry } from './replica.ts';

/** Whether the replica's script has run in this document (a read waits for it after a navigation). */
export function replicaReady(): boolean {
  return typeof (window as unknown as { __state?: unknown }).__state === 'function';
}

/** The replica's server state: what Google keeps. */
export function replicaState(): Replica {
  return (window as unknown as { __state: () => Replica }).__state();
}

/** The replica's form model: what Angular would hold. */
export function replicaModel(): Record<string, unknown> {
  return (window as unknown as { __model: Record<string, unknown> }).__model;
}

/** The tab's log, across the documents the assistant opened (replica.js keeps it in sessionStorage). */
export function replicaLog(): ReplicaLogEntry[] {
  return [...(window as unknown as { __log: ReplicaLogEntry[] }).__log];
}

/** How many documents of the replica this tab loaded. */
export function replicaLoads(): number {
  return Number(sessionStorage.getItem('replica-loads'));
}

/** The person turns 2-Step Verification on in their Google Account (outside the Console; 2026 §11). */
export function liftMfa(): void {
  (window as unknown as { __mfaDone: () => void }).__mfaDone();
}

/**
 * The page's whole DOM as text, open shadow roots included (the assistant's panel is one). `without`: a
 * selector whose elements are left out ('' for none) — Google's own "OAuth client created" dialog while it
 * is open, which shows the secret: it is Google's to show, the audit is about what the extension shows.
 */
export function domText(without: string): string {
  const skip = without ? [...document.querySelectorAll(without)] : [];
  let html = document.documentElement.outerHTML;
  if (without) {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll(without)) el.remove();
    html = clone.outerHTML;
  }
  const parts = [html];
  const walk = (root: Document | ShadowRoot) => {
    for (const el of root.querySelectorAll('*')) {
      if (skip.some((s) => s.contains(el))) continue;
      if (el.shadowRoot) {
        parts.push(el.shadowRoot.innerHTML);
        walk(el.shadowRoot);
      }
    }
  };
  walk(document);
  return parts.join('\n');
}

/** The assistant's panel text only. */
export function panelText(): string {
  return document.querySelector('gmail-odoo-assistant')?.shadowRoot?.textContent ?? '';
}

/** The assistant's panel as a person reads it: its main button, its status line, all its text. */
export interface PanelReading {
  main: string | null;
  status: string | null;
  text: string;
}

/** The assistant's panel, read from its open shadow root. */
export function panelReading(): PanelReading {
  const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
  return {
    main: root?.querySelector('button.main')?.textContent ?? null,
    status: root?.querySelector('[role="status"]')?.textContent ?? null,
    text: root?.textContent ?? '',
  };
}

/** What a test waits for the panel to show; null: anything. `statusRe` is a RegExp's source (a RegExp does not travel). */
export interface PanelWant {
  main: string | null;
  status: string | null;
  statusRe: string | null;
  contains: string | null;
}

/** Whether the panel shows `want`: its main button's label, its status text (exact or matching), some text. */
export function panelShows(want: PanelWant): boolean {
  const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
  if (!root) return false;
  const s = root.querySelector('[role="status"]')?.textContent ?? '';
  return (
    (want.main === null || root.querySelector('button.main')?.textContent === want.main) &&
    (want.status === null || s === want.status) &&
    (want.statusRe === null || new RegExp(want.statusRe).test(s)) &&
    (want.contains === null || (root.textContent ?? '').includes(want.contains))
  );
}

/** Whether the panel's region says it is in `state` (`data-state`: 'agreement', 'click-google', …). */
export function panelInState(state: string): boolean {
  const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
  return !!root?.querySelector(`[data-state="${state}"]`);
}

/** A control inside the panel by its visible text (the main button, a link button, "Try again"), or null. */
export function panelControl(text: string): Element | null {
  const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
  return [...(root?.querySelectorAll('button, a') ?? [])].find((el) => el.textContent?.trim() === text) ?? null;
}

/**
 * Whether a visible ring drawn in the panel's shadow root covers the point (the centre of Google's own
 * control the panel points at; 2026 §5, §14). The ring (`.ring`) is how lib/ui/panel.ts highlights.
 */
export function ringCovers(point: { x: number; y: number }): boolean {
  const root = document.querySelector('gmail-odoo-assistant')?.shadowRoot;
  return [...(root?.querySelectorAll<HTMLElement>('.ring') ?? [])].some((ring) => {
    const r = ring.getBoundingClientRect();
    return !ring.hidden && r.left <= point.x && point.x <= r.right && r.top <= point.y && point.y <= r.bottom;
  });
}

/** One storage area of the extension, read in one of its contexts (Chromium's service worker, a Firefox extension page). */
export function extensionStorage(area: 'local' | 'session'): Promise<Record<string, unknown>> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.storage[area].get(null);
}

/** Writes `items` to the extension's storage.local, in one of its contexts (see `setupSeed`). */
export function seedStorage(items: Record<string, unknown>): Promise<void> {
  const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
  return api.storage.local.set(items);
}
