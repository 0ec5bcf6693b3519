/**
 * The injected assistant's context: one AbortController for its life in this document, and the
 * document's address changes. What WXT's ContentScriptContext gave it, without the timers, the logger
 * and the other helpers it never used (~0.8 KB gzip of the assistant):
 * - a newer copy of the assistant (an injection after the extension was updated, in a fresh content-script
 *   world) stops this one — the same DOM event WXT's context sends, so copies built with it and without
 *   it stop each other alike;
 * - when the extension's context is gone (`runtime.id` unset: updated or removed), the signal aborts at the
 *   next address change;
 * - address changes come from the Navigation API's `navigate` event, else (a browser without it) from a
 *   check of `location.href` each second, as WXT's watcher does; both end with the signal.
 */
import { browser } from 'wxt/browser';
import type { AssistantContext } from './parts';

const NAME = 'console-assistant';
type Started = { contentScriptName?: string; messageId?: string } | null;
type Navigation = EventTarget & {
  addEventListener(type: 'navigate', cb: (e: { destination: { url: string } }) => void, o: object): void;
};

export function createAssistantContext(): AssistantContext {
  const controller = new AbortController();
  const { signal } = controller;
  const id = Math.random().toString(36).slice(2);
  const started = `${browser?.runtime?.id}:${NAME}:wxt:content-script-started`;
  document.dispatchEvent(new CustomEvent(started, { detail: { contentScriptName: NAME, messageId: id } }));
  document.addEventListener(
    started,
    (event) => {
      const detail = (event as CustomEvent<Started>).detail;
      if (detail?.contentScriptName === NAME && detail.messageId !== id) controller.abort();
    },
    { signal },
  );
  return {
    signal,
    onLocation(handler) {
      let last = location.href;
      const seen = (href: string) => {
        if (browser?.runtime?.id == null) return controller.abort();
        if (href === last) return;
        last = href;
        handler(new URL(href));
      };
      const navigation = (globalThis as { navigation?: Navigation }).navigation;
      if (typeof navigation?.addEventListener === 'function')
        navigation.addEventListener('navigate', (event) => seen(new URL(event.destination.url).href), { signal });
      else {
        const timer = setInterval(() => seen(location.href), 1000);
        signal.addEventListener('abort', () => clearInterval(timer));
      }
    },
  };
}
