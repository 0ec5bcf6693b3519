/**
 * The Console assistant, wired: one session per document (./session.ts), the page lifecycle
 * (./lifecycle.ts), and what a click hands to the page it leads to — told to the background first
 * (`consoleHandoff`, lib/state/handoff.ts), so it survives the navigation.
 */
import { sendMessage } from '../messaging';
import { createPanel } from '../ui/panel';
import { detectPage, type PageId } from './detect';
import { stepFor } from './journey';
import { startLifecycle } from './lifecycle';
import type { AssistantContext, Parts } from './parts';
import { createSession } from './session';

export type { AssistantContext } from './parts';

/** Pages where an "OAuth client created" or added-secret dialog can show (google-console.md §3.7, §3.10). */
const CLIENT_PAGES: PageId[] = [
  'clientsList',
  'clientCreate',
  'clientDetails',
  'legacyCredentials',
  'legacyClientCreate',
  'legacyClientDetails',
];

/** Sent and forgotten: a hand-off the background missed only costs the person a second click. */
const quietly = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

export function startAssistant(ctx: AssistantContext): void {
  const session = createSession(ctx.signal);
  const parts: Parts = {
    session,
    panel: createPanel(ctx.signal),
    report(page, r) {
      session.reported(r);
      return quietly(sendMessage('consoleReport', { page, ...r }));
    },
    open(href) {
      const go = () => {
        if (!ctx.signal.aborted) location.assign(href);
      };
      const page = detectPage(href);
      if (page) void quietly(sendMessage('consoleHandoff', { page, focus: true })).then(go);
      else go();
    },
    // Which page the click leads to is Google's choice (the wizard at its own address, or in place).
    carry: (step) => quietly(sendMessage('consoleHandoff', { page: null, step, focus: false })),
  };
  startLifecycle(ctx, parts, { stepFor, clientPages: CLIENT_PAGES });
}
