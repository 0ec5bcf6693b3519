/**
 * Test doubles for the browser APIs WXT's fake browser leaves unimplemented (permissions), and a way
 * to deliver a message to the background as a given sender would.
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Env, type Section, type Step, TIMING } from '@/lib/console/step';
import type { ConsoleContext } from '@/lib/console/types';
import { createPanel } from '@/lib/ui/panel';
import { CONSOLE_CONTEXT } from '../fixtures/stored-state';

type Listener = (p: { origins?: string[]; permissions?: string[] }) => void | Promise<void>;

export function installPermissions(initial: string[] = []) {
  const granted = new Set(initial);
  const added: Listener[] = [];
  const removed: Listener[] = [];
  const api = {
    granted,
    /** What the next prompt answers. */
    answer: true,
    request: vi.fn(async ({ origins = [] }: { origins?: string[] }) => {
      if (!api.answer) return false;
      const fresh = origins.filter((o) => !granted.has(o));
      for (const o of origins) granted.add(o);
      if (fresh.length) await Promise.all(added.map((l) => l({ origins: fresh })));
      return true;
    }),
    contains: vi.fn(async ({ origins = [] }: { origins?: string[] }) => origins.every((o) => granted.has(o))),
    async revoke(origin: string) {
      granted.delete(origin);
      await Promise.all(removed.map((l) => l({ origins: [origin] })));
    },
    onAdded: { addListener: (l: Listener) => added.push(l), removeListener: () => {}, hasListener: () => false },
    onRemoved: { addListener: (l: Listener) => removed.push(l), removeListener: () => {}, hasListener: () => false },
  };
  (fakeBrowser as unknown as { permissions: unknown }).permissions = api;
  return api;
}

export const POPUP = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
export const CONSOLE_TAB = {
  id: 'test-extension-id',
  url: 'https://console.cloud.google.com/auth/clients/create?project=odoo-123',
  tab: { id: 7, url: 'https://console.cloud.google.com/auth/clients/create?project=odoo-123' },
  frameId: 0,
};

/** Delivers a message in @webext-core/messaging's format to the background's listeners. */
export async function sendAs(sender: object, type: string, data: unknown): Promise<unknown> {
  let response: unknown;
  const done = new Promise((resolve) => {
    fakeBrowser.runtime.onMessage
      .trigger({ id: 1, type, data, timestamp: Date.now() }, sender, (r: unknown) => {
        response = r;
        resolve(r);
      })
      .then((results: unknown[]) => {
        if (!results.includes(true)) resolve(undefined);
      });
  });
  await done;
  const wrapped = response as { res?: unknown; err?: unknown } | undefined;
  if (wrapped?.err) throw new Error(JSON.stringify(wrapped.err));
  return wrapped?.res;
}

/**
 * Makes `runtime.sendMessage` from a component under test (rendered in happy-dom) arrive at the
 * background's listeners as if sent by the popup page. The fake browser delivers with an empty sender,
 * which the background rightly refuses.
 */
export function sendMessagesAsPopup(): void {
  // lib/messaging.ts calls runtime.sendMessage(message) and awaits its promise.
  fakeBrowser.runtime.sendMessage = ((message: unknown, callback?: (response: unknown) => void) => {
    const reply = new Promise((resolve) => {
      fakeBrowser.runtime.onMessage.trigger(message, POPUP, resolve).then((results: unknown[]) => {
        if (!results.includes(true)) resolve(undefined);
      });
    });
    if (typeof callback === 'function') reply.then(callback);
    return reply;
  }) as unknown as typeof fakeBrowser.runtime.sendMessage;
}

/**
 * What a Console step runs with (lib/console/step.ts `Env`) on the create-client page: a real panel
 * in the document, reports collected into `reports`, and the context the background would hand over.
 */
export function consoleStepEnv(reports: unknown[], ctx: ConsoleContext = CONSOLE_CONTEXT): Env {
  const controller = new AbortController();
  running.push(controller);
  const panel = createPanel(controller.signal);
  return {
    page: 'clientCreate',
    url: new URL('https://console.cloud.google.com/auth/clients/create?project=odoo-123456'),
    signal: controller.signal,
    keep: controller.signal,
    ctx,
    report: async (r) => {
      reports.push(r);
    },
    show: (v) => panel.show(v),
    rerun: () => undefined,
  };
}

/** The pages of `consoleStepEnv` still open: a test ends them (their observers stop, their panel goes). */
const running: AbortController[] = [];
export function stopConsoleEnvs(): void {
  for (const c of running.splice(0)) c.abort();
}

/** happy-dom's way to change the page URL without a navigation, as the Console's router does. */
export const setUrl = (href: string): void =>
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(href);

/** The Console assistant's panel (its open shadow root). */
export const panelRoot = (): ShadowRoot | null => document.querySelector('gmail-odoo-assistant')?.shadowRoot ?? null;
/** What the panel says: its title, status and body (not its stylesheet). */
export const panelText = (): string =>
  [...(panelRoot()?.querySelectorAll('h2, [role="status"], #body') ?? [])].map((e) => e.textContent).join(' ');
export const panelStatus = (): string => panelRoot()?.querySelector('[role="status"]')?.textContent ?? '';
/** What the panel waits for the person to do on Google's page (`data-state` on its region), if anything. */
export const panelState = (): string | null => panelRoot()?.querySelector('section')?.getAttribute('data-state') ?? null;
export const panelMain = (): HTMLButtonElement | null => panelRoot()?.querySelector('button.main') ?? null;
/** The panel's buttons and links by their text. */
export const panelControl = (text: string): HTMLElement | null =>
  [...(panelRoot()?.querySelectorAll<HTMLElement>('#body button, #body a') ?? [])].find((e) => e.textContent === text) ?? null;
/** The ring the panel draws around Google's control the person acts on next, when shown. */
export const panelRing = (): HTMLElement | null => {
  const ring = panelRoot()?.querySelector<HTMLElement>('.ring');
  return ring && !ring.hidden ? ring : null;
};

/** Short waits, so that "Google ignored the click", "main stayed blank" and "not ready" happen within a test. */
export function fastTiming(): void {
  Object.assign(TIMING ?? {}, { enabledMs: 300, ignoredMs: 400, blankMs: 300, pageMs: 800 });
}

/** A click made by the person (the browser marks it trusted; a script's never is). */
export function personClicks(el: Element): void {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  el.dispatchEvent(event);
}

/** Every event dispatched on an element, whose and which: the assistant's (untrusted) or the person's. */
export function eventsOn(el: Element, types = ['pointerdown', 'mousedown', 'mouseup', 'click', 'input', 'change', 'keydown']) {
  const log: { type: string; trusted: boolean }[] = [];
  for (const type of types) el.addEventListener(type, (e) => log.push({ type, trusted: e.isTrusted === true }));
  return log;
}

/** A step of the tests on "Create OAuth client": fills `sections` on the person's click, then runs `after`. */
export const clientCreateStep = (sections: Section[], after: () => void): Step => ({
  id: 'test-step',
  pages: ['clientCreate'],
  title: 'console.step.clientCreate',
  async prepare() {
    return { action: 'Fill in and create OAuth client Odoo', progress: 'client', sections, after: async () => after() };
  },
});
