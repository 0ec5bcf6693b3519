/**
 * What a step is (one file per step in ./steps/) and the one runner that carries any step out: it
 * shows the panel with the values, and on the person's click fills each field with the fill engine,
 * clicks the button a person would click next, and waits for the page to move on. A field that
 * cannot be filled stops the run before any further button: the step turns into guided manual mode
 * and is reported as needing attention — never skipped silently.
 *
 * Honest by construction:
 * - a step is done only on positive evidence (the configured page, the value read back, the created
 *   dialog); a form that did not appear is "not ready yet", never "done";
 * - every click goes through ./click.ts `press`: never on a disabled button, and a click Google ignores
 *   is handed to the person (Google's button highlighted), after which the run goes on by itself;
 * - the person's agreements (the User Data Policy box, the Cloud Terms of Service) are never ticked:
 *   the panel points at them and the run waits for the person;
 * - interruptions get their own panel state and the run resumes afterwards: the Terms of Service
 *   dialog (any time), a `main` that stays blank (Reload, up to 3 tries).
 */
import { type MsgKey, type MsgParams, t } from '../i18n';
import type { ConsoleReport } from '../protocol';
import type { ManualRow, PanelView } from '../ui/panel';
import { DAY, orFalse, type PressOptions, press, TIMING, termsDialog, ticked, waitForTick, whenEnabled } from './click';
import { type PageId, projectOf } from './detect';
import { find, findNear, query, shownLabel, visible, waitFor, waitForTarget } from './fill';
import { reportOnDemand } from './kit';
import type { Target } from './selectors';
import * as S from './selectors';
import type { ConsoleContext, ConsoleStep, Reason } from './types';
import { fillField } from './widgets';
import type { Field } from './widgets/field';

export interface Env {
  page: PageId;
  url: URL;
  /** Aborted when the page changes (SPA navigation). */
  signal: AbortSignal;
  /** Aborted only when the content script ends: for evidence that arrives after a navigation. */
  keep: AbortSignal;
  ctx: ConsoleContext;
  report(r: Omit<ConsoleReport, 'page'>): Promise<void>;
  show(view: PanelView): void;
  /** Runs this page's step again (after the page changed under it). */
  rerun(): void;
  /** Asks the background again for what is known now (another tab may have done a step since). */
  fresh?(): Promise<ConsoleContext | null>;
  /**
   * Whether the person's click already asked for this step to be carried out — on the page before
   * ("Get started" opening the wizard: `carry`), or in the popup ("Set up Google Cloud for Odoo") — so it
   * runs without a second click. Answers true once.
   */
  autoRun?(step: ConsoleStep): boolean;
  /**
   * The click that starts this section asks for `step` to run on the page it leads to: handed over
   * through the background (lib/state/handoff.ts) — awaited before that click, so the next page finds it.
   */
  carry?(step: ConsoleStep): Promise<void> | void;
  /** Opens another page of the journey, handing it over first (its panel takes the focus: `ConsoleContext.arrived`). */
  open?(href: string): void;
  /**
   * The step is about to ask Google for a new client secret ("Add secret"): the capture then also reads a
   * secret that shows outside a dialog, in a side panel or on the page (2026 §8) — one that was not there before.
   */
  expectSecret?(): void;
}

export { TIMING } from './click';

export type { Field } from './widgets/field';

export interface Section {
  /** Clicked before the fields (e.g. "Add users"); a dialog it opens becomes the fields' scope. */
  open?: Target;
  fields: Field[];
  /** The button a person clicks after these fields. */
  next?: Target;
  /** A Save button that is only clicked when something changed. */
  nextOnlyIfChanged?: boolean;
  /** Checked when the run reaches this section: true skips it (e.g. the test user is already listed). */
  skip?: () => boolean;
  /** Runs after the fields, right before `next` is clicked (reads what the click will make disappear). */
  beforeNext?: () => Promise<void>;
  /** What shows that `next` worked; default: the next section's first target. */
  until?: Target;
  /** Positive evidence that `next` worked (the address listed, the value read back) — checked instead of `until`. */
  done?: () => boolean;
  /** A first click on `next` that changes nothing gets a second one before the person is asked (google-console.md §3.4, latchkey). */
  again?: boolean;
}

export interface Plan {
  /** The main button's label; it says when the click creates or saves something at Google. */
  action: string;
  /** A hint shown above the values (e.g. the Location to keep). */
  note?: string;
  sections: Section[];
  /** The checklist step that needs attention when the run falls back to manual mode. */
  progress?: ConsoleStep;
  /** After the last button: read the evidence, report, show the result. */
  after?(changed: boolean): Promise<void>;
}

export interface Step {
  /** The file name. */
  id: string;
  pages: PageId[];
  title: MsgKey;
  /** Reads the page and returns what to fill, or shows a status itself and returns null. */
  prepare(env: Env): Promise<Plan | null>;
}

export const tx = (key: MsgKey, params?: MsgParams) => t(key, params);

/** A link to another Console page of the same project, on the host the person is using. */
export function consoleUrl(path: string, projectId: string | null): string {
  const url = new URL(path, location.origin);
  if (projectId) url.searchParams.set('project', projectId);
  return url.href;
}

/** A link to another page of the journey, in the project of this one. */
export const linkIn = (env: Env, path: string): string => consoleUrl(path, env.ctx.projectId ?? projectOf(env.url));

/** The label a person looks for: the field's own, prefixed by its group ("Authorized redirect URIs › URIs 1"). */
export const fieldLabel = (f: Field): string =>
  f.group ? `${shownLabel(f.group.names)} › ${shownLabel(f.target.names)}` : shownLabel(f.target.names);

/** What a person enters by hand: nothing for a radio button or checkbox (they choose it). */
export const manualValue = (f: Field): string => (f.kind === 'radio' || f.kind === 'check' || f.kind === 'agree' ? '' : f.value);

function firstTarget(s: Section | undefined): Target | undefined {
  return s && (s.open ?? s.fields[0]?.target ?? s.next);
}

/** The dialogs on the page now. */
const dialogs = () => query(document, S.dialog, true).filter(visible);

/** How far a run went: whether the person asked for it, and whether its creating click was made. */
interface Progress {
  asked: boolean;
  created: boolean;
}

/**
 * Runs a page's step: resolves once the panel waits for the person's click (or the step showed its state).
 * Meanwhile, and for as long as the page is there, an interruption that blocks the page — the Cloud Terms of
 * Service dialog (2026 §11) — stops the run, gets its own panel state, and the run starts again once it is
 * gone: on its own when the person's click had asked for it and nothing was created yet.
 */
export function runStep(step: Step, env: Env): Promise<void> {
  let current = startRun(step, env, false);
  const first = current.done;
  void (async () => {
    for (;;) {
      const tos = await waitFor(termsDialog, env.signal, DAY, 250).catch(() => null);
      if (!tos) return;
      const { progress } = current;
      current.stop();
      await termsOfService(env, step, tos);
      if (env.signal.aborted) return;
      current = startRun(step, env, progress.asked && !progress.created);
      await current.done;
    }
  })();
  return first;
}

/** One run of a step, which an interruption can stop: what it still does then reaches neither the panel,
 *  the background nor the address bar. */
function startRun(step: Step, env: Env, resume: boolean): { progress: Progress; stop(): void; done: Promise<void> } {
  const run = new AbortController();
  const keep = new AbortController();
  const onPage = () => run.abort();
  const onKeep = () => keep.abort();
  env.signal.addEventListener('abort', onPage, { once: true });
  env.keep.addEventListener('abort', onKeep, { once: true });
  let stopped = false;
  const progress: Progress = { asked: false, created: false };
  const inner: Env = {
    ...env,
    signal: run.signal,
    keep: keep.signal,
    show: (view) => {
      if (!stopped) env.show(view);
    },
    report: (r) => (stopped ? Promise.resolve() : env.report(r)),
    ...(env.open ? { open: (href: string) => void (stopped || env.open?.(href)) } : {}),
  };
  return {
    progress,
    stop() {
      stopped = true;
      env.signal.removeEventListener('abort', onPage);
      env.keep.removeEventListener('abort', onKeep);
      run.abort();
      keep.abort();
    },
    done: runOnce(step, inner, progress, resume).catch(() => undefined),
  };
}

/**
 * The Terms of Service are the person's agreement, like the User Data Policy: the panel says what Google
 * asks and points at what the person does next in Google's dialog — a box still to tick, then "Agree and
 * continue" — until the dialog is gone. Nothing in it is ticked or clicked.
 */
async function termsOfService(env: Env, step: Step, dialog: HTMLElement): Promise<void> {
  const next = (): HTMLElement | null => {
    const open = termsDialog();
    if (!open) return null;
    const box = query(open, 'input[type="checkbox"], [role="checkbox"]', true).find((b) => visible(b) && !ticked(b));
    return box ?? find(S.agreeAndContinue, open) ?? open;
  };
  for (let target = next() ?? dialog; ; ) {
    env.show({ title: tx(step.title), state: 'tos', status: { text: tx('console.status.tos'), tone: 'warn' }, point: target });
    const moved = await waitFor(() => next() !== target && { to: next() }, env.signal, DAY, 250).catch(() => null);
    if (!moved?.to) return;
    target = moved.to;
  }
}

async function runOnce(step: Step, env: Env, progress: Progress, resume: boolean): Promise<void> {
  const title = tx(step.title);
  env.show({ title, status: { text: tx('panel.checking'), tone: 'busy' } });
  const prepared = await step.prepare(env);
  if (!prepared || env.signal.aborted) return;
  const plan: Plan = prepared;
  // The person's agreements are not among what the assistant fills in (they tick them themselves).
  const values = plan.sections.flatMap((s) =>
    s.fields.filter((f) => f.kind !== 'agree').map((f) => ({ label: fieldLabel(f), value: f.value })),
  );
  const idle = (extra: Partial<PanelView> = {}) =>
    env.show({
      title,
      values,
      ...(plan.note ? { status: { text: plan.note } } : {}),
      action: { label: plan.action, run: () => void go().catch(() => undefined) },
      ...extra,
    });

  async function go(): Promise<void> {
    const { signal } = env;
    progress.asked = true;
    performance.mark('gmail-odoo:fill-start');
    const working = () =>
      env.show({
        title,
        values,
        status: { text: tx('panel.working'), tone: 'busy' },
        action: { label: plan.action, disabled: true },
      });
    working();
    /** Google ignored the assistant's click: the person clicks Google's own button, once; the run then goes on. */
    const handOver = (target: Target) => (button: HTMLElement) =>
      env.show({
        title,
        values,
        state: 'click-google',
        status: { text: tx('panel.clickYourself', { button: shownLabel(target.names) }), tone: 'warn' },
        point: button,
        action: { label: plan.action, disabled: true },
      });
    // The section whose `next` creates something at Google (the last one with a button).
    const last = plan.sections.reduce((n, s, i) => (s.next ? i : n), -1);
    // Two Console tabs on the same step: the one clicked second was prepared before the first finished.
    // If the step turned done since, filling again would duplicate it (a second client, the same test
    // user twice): nothing is clicked, and the panel says why and offers a reload.
    const step = plan.progress;
    if (step && env.ctx.progress[step] !== 'done' && env.fresh) {
      const now = await env.fresh().catch(() => null);
      if (signal.aborted) return;
      if (now?.progress[step] === 'done') {
        env.show({
          title,
          status: { text: tx('panel.doneElsewhere'), tone: 'ok' },
          links: [{ label: tx('panel.reload'), run: () => location.reload() }],
        });
        return;
      }
    }
    const manual: ManualRow[] = [];
    let firstFailure: { code: Reason; field: string } | null = null;
    let pendingButton: Target | undefined;
    let changed = false;
    // The last field filled: buttons are looked for from there outwards (its section's Next, its form's
    // Create), also for a section without fields of its own.
    let anchor: Element | null = null;
    const failed = (code: Reason, label: string, value = '') => {
      firstFailure ??= { code, field: label };
      manual.push({ label, value, reason: tx(`panel.reason.${code}` as MsgKey) });
    };
    /** A press of Google's `target`: a button that stayed disabled is the person's to press; a hand-over says so. */
    const pressed = async (button: HTMLElement, target: Target, o: Omit<PressOptions, 'handOver'>): Promise<boolean> => {
      const r = await press(button, { ...o, handOver: handOver(target) });
      if (!r.ok) {
        failed('buttonOff', shownLabel(target.names));
        pendingButton = target;
        return false;
      }
      if (r.handedOver) working();
      return true;
    };

    for (const [i, section] of plan.sections.entries()) {
      if (firstFailure) {
        // After a failure nothing more is clicked: the rest is listed for the person.
        for (const f of section.fields)
          manual.push({ label: fieldLabel(f), value: manualValue(f), reason: tx('panel.reason.after') });
        continue;
      }
      if (section.skip?.()) continue;
      let scope: ParentNode = document;
      if (section.open) {
        const before = new Set(dialogs());
        const opener = await waitForTarget(section.open, signal, 8000);
        if (!opener) {
          failed('noButton', shownLabel(section.open.names));
          continue;
        }
        // What it opens is a dialog, or a side panel that is none (google-console.md §3.4, 2026 §13): its first field shows.
        const field = section.fields[0]?.target;
        const answered = () => dialogs().some((d) => !before.has(d)) || (field && find(field));
        if (!(await pressed(opener, section.open, { signal, answered }))) continue;
        scope = dialogs().find((d) => !before.has(d)) ?? document;
      }
      let sectionChanged = false;
      for (const f of section.fields) {
        if (f.kind === 'agree') {
          const box = await agreement(f, scope);
          anchor = box ?? anchor;
          if (!box) failed('notFound', fieldLabel(f));
          continue;
        }
        const [outcome, el] = await fillField(f, scope, signal);
        anchor = el ?? anchor;
        if (!outcome.ok) failed(outcome.reason, fieldLabel(f), manualValue(f));
        else if (outcome.changed) sectionChanged = changed = true;
      }
      if (firstFailure) {
        pendingButton = section.next;
        continue;
      }
      performance.mark('gmail-odoo:filled');
      if (!section.next || (section.nextOnlyIfChanged && !sectionChanged)) continue;
      const button = await waitFor(
        () => (anchor ? findNear(section.next as Target, anchor) : find(section.next as Target, scope)),
        signal,
        8000,
      ).catch(() => null);
      if (!button) {
        failed('noButton', shownLabel(section.next.names));
        continue;
      }
      // Angular enables Next/Save/Create once the form is valid; a disabled button is never clicked.
      if (!(await whenEnabled(button, signal))) {
        failed('buttonOff', shownLabel(section.next.names));
        pendingButton = section.next;
        continue;
      }
      await section.beforeNext?.();
      const until = section.until ?? firstTarget(plan.sections[i + 1]);
      const evidence = section.done ?? (until ? () => find(until as Target) : undefined);
      const clickedIt = await pressed(button, section.next, {
        // Once made, the click may have created something at Google: a run an interruption cut short does not redo it.
        clicked: () => {
          if (i === last) progress.created = true;
        },
        signal,
        // A click that leaves the page (the final Create) is watched beyond this page's signal: its `after` reads the outcome.
        ...(evidence ? {} : { watch: env.keep }),
        answered: evidence,
        again: section.again,
      });
      if (!clickedIt) continue;
      if (section.done) {
        if (!(await waitFor(section.done, signal, TIMING.pageMs).catch(orFalse))) {
          // No evidence: what to do by hand, from the section's first step (its opener or field), then its button.
          const f = section.fields[0];
          const label = section.open ? shownLabel(section.open.names) : f ? fieldLabel(f) : shownLabel(section.next.names);
          failed('rejected', label, f ? manualValue(f) : '');
          pendingButton = section.next;
        }
      } else if (until && !(await waitForTarget(until, signal, TIMING.pageMs))) failed('notReady', shownLabel(until.names));
    }

    if (firstFailure) {
      const fail = firstFailure as { code: Reason; field: string };
      if (plan.progress) await env.report({ step: plan.progress, state: 'attention', reason: fail });
      idle({
        status: { text: tx('panel.fallback'), tone: 'warn' },
        manual: {
          rows: manual,
          ...(pendingButton ? { lastly: tx('panel.thenClick', { button: shownLabel(pendingButton.names) }) } : {}),
        },
        report: () => reportOnDemand({ step: env.page, failure: fail }),
        action: { label: tx('panel.retry'), run: () => void go().catch(() => undefined) },
      });
      return;
    }
    await plan.after?.(changed);
  }

  /**
   * The person's agreement (the User Data Policy box, 2026 §14): never ticked here. A box the person ticked
   * already is theirs; otherwise the panel points at it and the run waits for the person's tick.
   */
  async function agreement(f: Field, scope: ParentNode): Promise<HTMLElement | null> {
    const box = await waitForTarget(f.target, env.signal, f.waitMs ?? 8000, scope);
    if (!box || ticked(box)) return box;
    env.show({
      title,
      values,
      state: 'agreement',
      status: { text: tx('panel.tickYourself', { label: fieldLabel(f) }), tone: 'warn' },
      point: box,
      action: { label: plan.action, disabled: true },
    });
    await waitForTick(box, env.signal);
    env.show({
      title,
      values,
      status: { text: tx('panel.working'), tone: 'busy' },
      action: { label: plan.action, disabled: true },
    });
    return box;
  }

  idle();
  performance.mark('gmail-odoo:ready');
  // The person already asked for this step with a click (the page before, or the popup; or before an
  // interruption cut the run short): no second click.
  if (resume || (plan.progress && env.autoRun?.(plan.progress))) void go().catch(() => undefined);
}

/** Opens the next page of the journey, in this project, in this tab. */
export function goOn(env: Env, path: string): void {
  if (env.keep.aborted) return;
  const href = linkIn(env, path);
  if (env.open) env.open(href);
  else location.assign(href);
}

/**
 * Shows a finished state with links to the next pages. `advance`: the person's click on this page just
 * did the step, so the first next page opens by itself — one click per page, not two. A page
 * found already done only offers the links: revisiting a page never carries the person away.
 */
export function done(env: Env, step: Step, text: string, next: { label: string; path: string }[] = [], advance = false): void {
  env.show({
    title: tx(step.title),
    status: { text, tone: 'ok' },
    links: next.map((n) => ({ label: n.label, href: linkIn(env, n.path) })),
  });
  const first = next[0];
  // "Set up Google Cloud for Odoo" (one click for the Google side) goes on from a page found done too.
  if ((advance || env.ctx.autopilot) && first) goOn(env, first.path);
}
