/**
 * Injects the Console assistant (entrypoints/console-assistant.ts → `/console-assistant.js`) on the
 * request of the Console loader (lib/console/loader.ts), so that the script the manifest puts on every
 * Console page stays tiny and the assistant's code runs only on the pages of the journey.
 *
 * Only the Console content script may ask (`loadConsoleAssistant` is `from: ['consoleContent']`: the
 * router has already checked the extension id, an https Console URL, a tab and the top frame). The
 * script goes into that sender's own document: `documentIds` where the browser reports one (Chrome
 * 106, Firefox 153 — MDN browser-compat-data), so a reload that overtook the request cannot receive it;
 * otherwise the tab's top frame (`frameIds: [0]`, Firefox 140–152), where the assistant's own
 * once-per-document guard (lib/console/start.ts) and URL detection keep a stray injection harmless.
 * Needs the `scripting` permission (no install-time message in Firefox or, per its docs, Chrome) and the Console host
 * permission the extension already holds.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import type { PageId } from '../console/detect';
import { PAGE_PART } from '../console/groups/pages';
import type { ConsolePart } from '../console/types';
import { msg } from '../i18n';
import type { Reply } from '../protocol';
import type { SenderLike } from './senders';

export const ASSISTANT_SCRIPT = '/console-assistant.js';

/** Injects `files`, in order, into the sender's own document (or, without a document id, the tab's top frame). */
async function inject(files: ScriptPublicPath[], sender: SenderLike): Promise<Reply<null>> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { ok: false, error: msg('err.sender') };
  const target = sender.documentId ? { tabId, documentIds: [sender.documentId] } : { tabId, frameIds: [0] };
  try {
    await browser.scripting.executeScript({ target, files });
  } catch (error) {
    return { ok: false, error: msg('err.internal', { detail: error instanceof Error ? error.message : 'executeScript' }) };
  }
  return { ok: true, value: null };
}

/** The script of an assistant part (lib/console/kit.ts): the field report, or the steps of a group of pages. */
export const partScript = (part: ConsolePart) => `/console-${part}.js` as const;

/**
 * The core, then the part that holds the step of `page` (lib/console/groups/pages.ts): the part reads the
 * engine the core shared when it started (lib/console/engine.ts), so the order matters.
 */
export const loadConsoleAssistant = (data: { page: PageId }, sender: SenderLike): Promise<Reply<null>> =>
  inject([ASSISTANT_SCRIPT, partScript(PAGE_PART[data.page])], sender);

/**
 * A part of the assistant it needs only sometimes (the field report on "Copy a report", the steps of a group
 * of pages the person reached by an in-document navigation): the same
 * sender checks and the same target as the assistant itself; the part registers itself on the
 * content script's global, where the assistant that asked finds it.
 */
export const loadConsolePart = (data: { part: ConsolePart }, sender: SenderLike): Promise<Reply<null>> =>
  inject([partScript(data.part)], sender);
