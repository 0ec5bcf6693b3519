/**
 * What the assistant holds for one document, between the pages of the Console's single-page app: the run
 * of the current page, the capture across the client pages, the project it works in, a project creation
 * not proven yet, the last context from the background, the hand-off taken for a page, the secrets
 * before "Add secret", and whether the person pressed Stop here. Each is changed only through a method
 * named for why (./assistant.ts wires them; ./lifecycle.ts runs the pages).
 */
import type { PageId } from './detect';
import type { ConsoleContext, ConsoleStep } from './types';

export interface Session {
  /** Aborted when the content script ends. */
  readonly signal: AbortSignal;
  /** A controller aborted with the content script too. */
  child(): AbortController;

  // ── The run of the current page (./lifecycle.ts) ──
  /** Stops the current page's run; `href`: the address the next run is for (null: none). */
  beginRun(href: string | null): void;
  /** Starts the run of the page at the address `beginRun` named. */
  startRun(): AbortSignal;
  /** The current run is for `href` and still going: a location event for it starts nothing new. */
  runs(href: string): boolean;
  abortRun(): void;

  // ── What the background said (`consoleContext`) ──
  learn(page: PageId, context: ConsoleContext): void;
  readonly known: ConsoleContext | null;
  readonly projectId: string | null;
  projectProven(id: string): void;

  // ── A project creation this tab started, until the Console proves it (./project-proof.ts) ──
  reported(r: { step?: ConsoleStep; state?: string; facts?: { pendingProject?: unknown } }): void;
  readonly pendingProject: boolean;

  // ── The hand-off a click left for this page (lib/state/handoff.ts) ──
  /** The step a click asked for is `step`: answers true once (`Env.autoRun`). */
  takeCarried(step: ConsoleStep): boolean;
  /** The assistant opened `page` itself: its panel takes the focus, once a run of it got that far. */
  takeFocus(page: PageId): boolean;

  // ── The capture across the client pages (./capture-view.ts) ──
  captureRunning(): boolean;
  captureStarted(controller: AbortController): void;
  captureEnded(): void;
  /** "Add secret" was pressed: the secrets on the page before it (`Env.expectSecret`). */
  expectSecret(before: ReadonlySet<string>): void;
  readonly expected: ReadonlySet<string> | null;
  secretTaken(): void;

  // ── "Set up Google Cloud for Odoo" ──
  stop(): void;
  /** The run goes on by itself for this page (`ConsoleContext.autopilot`), and was not stopped here. */
  auto(context: ConsoleContext | null): boolean;
}

export function createSession(signal: AbortSignal): Session {
  let step: AbortController | null = null;
  let runningHref: string | null = null;
  let capture: AbortController | null = null;
  let projectId: string | null = null;
  let pending = false;
  let known: ConsoleContext | null = null;
  /** Given once by the background: kept until a run uses them (a run can be cut short). */
  let carried: { step: ConsoleStep; until: number } | null = null;
  let focusOn: PageId | null = null;
  let expected: ReadonlySet<string> | null = null;
  let stopped = false;

  const child = () => {
    const c = new AbortController();
    signal.addEventListener('abort', () => c.abort(), { once: true });
    return c;
  };

  return {
    signal,
    child,
    beginRun(href) {
      step?.abort();
      step = null;
      runningHref = href;
    },
    startRun() {
      step = child();
      return step.signal;
    },
    runs: (href) => href === runningHref && !!step && !step.signal.aborted,
    abortRun: () => step?.abort(),

    learn(page, context) {
      known = context;
      projectId = context.projectId;
      if (context.arrived) focusOn = page;
      if (context.carried) carried = context.carried;
    },
    get known() {
      return known;
    },
    get projectId() {
      return projectId;
    },
    projectProven(id) {
      projectId = id;
    },

    reported(r) {
      if (r.facts?.pendingProject) pending = true;
      if (r.step === 'project' && r.state === 'done') pending = false;
    },
    get pendingProject() {
      return pending;
    },

    takeCarried(s) {
      if (carried?.step !== s || Date.now() >= carried.until) return false;
      carried = null;
      return true;
    },
    takeFocus(page) {
      if (focusOn !== page) return false;
      focusOn = null;
      return true;
    },

    captureRunning: () => capture !== null,
    captureStarted(controller) {
      capture = controller;
    },
    captureEnded() {
      capture?.abort();
      capture = null;
      expected = null;
    },
    expectSecret(before) {
      expected = before;
    },
    get expected() {
      return expected;
    },
    secretTaken() {
      expected = null;
    },

    stop() {
      stopped = true;
    },
    auto: (context) => !!context?.autopilot && !stopped,
  };
}
