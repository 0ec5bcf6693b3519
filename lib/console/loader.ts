/**
 * The only code the manifest injects on the Console (entrypoints/console.content): it recognizes the
 * pages of the journey by URL (./detect.ts, nothing read from the page), follows the Console's
 * single-page navigation, and — on the first journey page of a document — asks the background to
 * inject the assistant (entrypoints/console-assistant.ts: fill engine, steps, panel, capture).
 * On every other Console page it does nothing else, and the Console never
 * sees a resource of ours (docs/console.md › How the assistant is loaded).
 *
 * At most one request per document succeeds; once the assistant runs, its own location handling
 * takes over and this loader only keeps ignoring navigation.
 */
import { detectPage, type PageId } from './detect';

export interface LoaderContext {
  addEventListener(target: Window, type: 'wxt:locationchange', handler: (event: { newUrl: URL }) => void): void;
}

/** Asks for the assistant for `page`; resolves true once it was injected (or already ran) in this document. */
export type RequestAssistant = (page: PageId) => Promise<boolean>;

export function startLoader(ctx: LoaderContext, request: RequestAssistant): void {
  // Performance marks (the document's timeline, shared with the page): what `npm run bench` measures.
  performance.mark('gmail-odoo:loader');
  let state: 'idle' | 'asking' | 'loaded' = 'idle';

  function check(href: string): void {
    if (state !== 'idle') return;
    const page = detectPage(href);
    if (!page) return;
    state = 'asking';
    const settle = (loaded: boolean) => {
      state = loaded ? 'loaded' : 'idle';
      // Refused or failed (the background was restarting, the tab was being closed): ask again on the
      // next journey page — or now, if the person moved to another page while we were asking.
      if (!loaded && location.href !== href) check(location.href);
    };
    request(page).then(settle, () => settle(false));
  }

  ctx.addEventListener(window, 'wxt:locationchange', (event) => check(event.newUrl.href));
  check(location.href);
}
