/**
 * Who is talking to the background. Only the extension's own contexts are accepted: its pages
 * (popup), its content script on the Google Cloud Console and its content script on Google's sign-in
 * error pages. Anything else — another extension, a
 * web page, a content script frame on an unexpected host — is refused before its payload is read.
 */
import { browser } from 'wxt/browser';
import type { SenderKind } from '../protocol';

export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
  /** The sender's document (Chrome 106, Firefox 153); lets the background target exactly that document. */
  documentId?: string;
}

const CONSOLE_HOSTS = new Set(['console.cloud.google.com', 'console.developers.google.com']);
/** Google's sign-in error pages (google-console.md §6.1): `/signin/oauth/error` and `/signin/oauth/error/v2`. */
const SIGN_IN_ERROR_PATH = /^\/signin\/oauth\/error(\/v2)?\/?$/;

export function senderKind(sender: SenderLike): SenderKind | null {
  if (!sender || sender.id !== browser.runtime.id) return null;
  const ownOrigin = new URL(browser.runtime.getURL('/')).origin;
  let url: URL;
  try {
    url = new URL(sender.url ?? '');
  } catch {
    return null;
  }
  if (url.origin === ownOrigin) return 'extensionPage';
  if (url.protocol === 'https:' && CONSOLE_HOSTS.has(url.hostname) && sender.tab?.id !== undefined && sender.frameId === 0) {
    return 'consoleContent';
  }
  if (
    url.protocol === 'https:' &&
    url.hostname === 'accounts.google.com' &&
    SIGN_IN_ERROR_PATH.test(url.pathname) &&
    sender.tab?.id !== undefined &&
    sender.frameId === 0
  ) {
    return 'signInContent';
  }
  return null;
}
