/**
 * `wxt/browser` for the Console content script only (see wxt.config.ts): the browser's own namespace,
 * without webextension-polyfill (~9 KB), because the content script only needs `runtime.id`,
 * `runtime.sendMessage` and `i18n.getMessage`, which Chrome and Firefox both provide natively.
 * (The same expression as `@wxt-dev/browser`.)
 */
interface Namespace {
  runtime?: { id?: string };
}
const g = globalThis as { browser?: Namespace; chrome?: Namespace };
export const browser = g.browser?.runtime?.id ? g.browser : g.chrome;
