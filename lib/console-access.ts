/**
 * The extension's install-time host permission for the Google Cloud Console, which its content script
 * needs. It can be taken away after install: Firefox (MV3) lets the person revoke any host permission in
 * about:addons › Permissions, and grants none before Firefox 127; Chrome's "Site access" can withhold it.
 * Then the content script simply does not run — so the popup checks and offers to ask again at a click.
 * Same list as `host_permissions` in wxt.config.ts (a unit test keeps them equal).
 */
import { browser } from 'wxt/browser';

export const CONSOLE_ORIGINS = ['https://console.cloud.google.com/*', 'https://console.developers.google.com/*'];

export async function hasConsoleAccess(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: CONSOLE_ORIGINS });
  } catch {
    return false;
  }
}

/** Must be called directly from a click handler (permissions.request needs the user gesture). */
export function requestConsoleAccess(): Promise<boolean> {
  return browser.permissions.request({ origins: CONSOLE_ORIGINS }).catch(() => false);
}
