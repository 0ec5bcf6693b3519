/**
 * The public suffix list's text, packaged as `/psl.txt` (public/psl.txt, scripts/psl.ts) and read with
 * `fetch` from the extension's own origin: a Chrome service worker may not `import()` (nor
 * `importScripts` after install), a fetch of a packaged file works there and in Firefox's event page
 * alike (docs/firefox.md). Its own module so that the unit tests read the file from disk instead.
 */
import { browser } from 'wxt/browser';

export const PSL_PATH = '/psl.txt';

/**
 * How long a read may take before it counts as failed. A packaged file answers in milliseconds; "Connect to
 * Odoo" waits for this read (the address's facts come with the setup), and every caller treats a failed read
 * as "not known yet", so a read that never answers must end too, not hold the person's click.
 */
export const PSL_READ_MS = 3000;

export async function readPslFile(limitMs = PSL_READ_MS): Promise<string> {
  const response = await fetch(browser.runtime.getURL(PSL_PATH), { signal: AbortSignal.timeout(limitMs) });
  if (!response.ok) throw new Error(`${PSL_PATH}: HTTP ${response.status}`);
  return response.text();
}
