/**
 * How the injected assistant starts (entrypoints/console-assistant.ts): at most once per document.
 *
 * The background injects it on the loader's request (./loader.ts asks once per document), but an
 * injection can still arrive twice — two requests racing a reload, a retried message. The second copy
 * must not start: its context (./context.ts) stops older copies of the same script when a new one is
 * created, which would abort the first assistant in the middle of a fill. So the check comes
 * before the context exists. The mark lives on the content script's own global (the isolated world in
 * Chrome, the content-script sandbox in Firefox), which the Console page cannot read or set; it holds
 * the running assistant's signal, so a copy whose extension context died (extension updated) does not
 * block a fresh one.
 */
import { type AssistantContext, startAssistant } from './assistant';
import { shareEngine } from './engine';

const MARK = '__gmailOdooAssistant';
type Holder = { [MARK]?: AbortSignal };

/** Starts the assistant unless one runs in this document already; true when this call started it. */
export function startAssistantOnce(createContext: () => AssistantContext): boolean {
  const holder = globalThis as Holder;
  if (holder[MARK] && !holder[MARK].aborted) return false;
  const ctx = createContext();
  holder[MARK] = ctx.signal;
  // Before the part injected beside this copy runs (it reads the engine) and before any part is asked for.
  shareEngine();
  startAssistant(ctx);
  return true;
}
