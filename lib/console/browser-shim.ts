/**
 * `wxt/browser` for the Console scripts only (see wxt.config.ts): the browser's own namespace — the same
 * expression as `@wxt-dev/browser` — typed for the little they use (`runtime.id`, `runtime.sendMessage`,
 * `i18n.getMessage`), so no type of the whole extension API reaches the Console bundles' sources.
 */
interface Namespace {
  runtime?: { id?: string };
}
const g = globalThis as { browser?: Namespace; chrome?: Namespace };
export const browser = g.browser?.runtime?.id ? g.browser : g.chrome;
