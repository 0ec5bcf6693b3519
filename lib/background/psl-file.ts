/**
 * The public suffix list's text, packaged as `/psl.txt` (public/psl.txt, scripts/psl.ts) and read with
 * `fetch` from the extension's own origin: a Chrome service worker may not `import()` (nor
 * `importScripts` after install), a fetch of a packaged file works there and in Firefox's event page
 * alike (docs/firefox.md). Its own module so that the unit tests read the file from disk instead.
 */
import { browser } from 'wxt/browser';

export const PSL_PATH = '/psl.txt';

export async function readPslFile(): Promise<string> {
  const response = await fetch(browser.runtime.getURL(PSL_PATH));
  if (!response.ok) throw new Error(`${PSL_PATH}: HTTP ${response.status}`);
  return response.text();
}
