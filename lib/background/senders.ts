/**
 * Who is talking to the background. Only the extension's own contexts are accepted: its pages
 * (popup) and its content script on the Google Cloud Console. Anything else — another extension, a
 * web page, a content script frame on an unexpected host — is refused before its payload is read.
 */
import { browser } from 'wxt/browser';
import type { SenderKind } from '../messaging';

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
  return null;
}
