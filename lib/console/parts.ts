/**
 * What the parts of the Console assistant share, as types only: the wiring (./assistant.ts) builds them,
 * the lifecycle (./lifecycle.ts) and the views (./capture-view.ts, ./project-proof.ts) take them. A module
 * of its own so that no part imports another part to learn a type (the import-cycle rule counts type imports).
 */
import type { ConsoleReport } from '../protocol';
import type { Panel } from '../ui/panel';
import type { PageId } from './detect';
import type { Session } from './session';
import type { Step } from './step';

/** What the parts of the assistant share in one document (wired by ./assistant.ts). */
export interface Parts {
  session: Session;
  panel: Panel;
  /** Tells the background what a page showed (the session learns of a project creation first). */
  report(page: PageId | null, r: Omit<ConsoleReport, 'page'>): Promise<void>;
  /** Opens the next page of the journey; the background learns first, so the panel there takes the focus. */
  open(href: string): void;
  /** The click that starts this section asks for `step` to run on the page it leads to (`Env.carry`). */
  carry(step: NonNullable<ConsoleReport['step']>): Promise<void>;
}

export interface Journey {
  /** The step of a page, from its part (./journey.ts); rejects when the part could not be injected. */
  stepFor(page: PageId): Promise<Step | undefined>;
  /** Pages where an "OAuth client created" or added-secret dialog can show. */
  clientPages: PageId[];
}

/** The assistant's life in this document (./context.ts): aborted when a newer copy starts or the extension is gone. */
export interface AssistantContext {
  signal: AbortSignal;
  /** Calls `handler` with each new address of this document (a single-page navigation, or the start of a new one). */
  onLocation(handler: (newUrl: URL) => void): void;
}
