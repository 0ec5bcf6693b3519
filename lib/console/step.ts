/**
 * What a step is (one file per step in ./steps/) and the one runner that carries any step out: it
 * shows the panel with the values, and on the person's click fills each field with the fill engine,
 * clicks the button a person would click next, and waits for the page to move on. A field that
 * cannot be filled stops the run before any further button: the step turns into guided manual mode
 * and is reported as needing attention — never skipped silently.
 */
import { type MsgKey, type MsgParams, t, tm } from '../i18n';
import { type PageId, projectOf } from './detect';
import {
  addChip,
  addRow,
  check,
  choose,
  click,
  find,
  findGroup,
  findNear,
  findText,
  type Outcome,
  query,
  setText,
  TimeoutError,
  visible,
  waitFor,
  waitForTarget,
} from './fill';
import type { ManualRow, PanelView } from './panel';
import type { ConsoleContext, ConsoleReport, ConsoleStep, Reason } from './protocol';
import { type Labels, S, shownLabel, type Target } from './selectors';

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
   * Whether the person's click already asked for this step to be carried out — on the page before in
   * the same document ("Get started" opening the wizard), or in the popup — so it runs without a
   * second click. Answers true once.
   */
  autoRun?(step: ConsoleStep): boolean;
  /** The click that starts this section asks for `step` to run on the page it leads to. */
  carry?(step: ConsoleStep): void;
  /** Opens another page of the journey, telling the background first (`ConsoleContext.arrived`). */
  open?(href: string): void;
}

export interface Field {
  target: Target;
  kind: 'text' | 'option' | 'radio' | 'check' | 'chip' | 'row';
  value: string;
  /** `option`: the option to pick. */
  option?: Labels;
  /** `row`: the button that adds a row, and the named group the rows live in. */
  add?: Target;
  group?: Target;
  /** How long the field may take to appear (fields shown after a choice, slow pages). */
  waitMs?: number;
}

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

/** The label a person looks for: the field's own, prefixed by its group ("Authorized redirect URIs › URIs 1"). */
export const fieldLabel = (f: Field): string =>
  f.group ? `${shownLabel(f.group.names)} › ${shownLabel(f.target.names)}` : shownLabel(f.target.names);

/** What a person enters by hand: nothing for a radio button or checkbox (they choose it). */
const manualValue = (f: Field): string => (f.kind === 'radio' || f.kind === 'check' ? '' : f.value);

function firstTarget(s: Section | undefined): Target | undefined {
  return s && (s.open ?? s.fields[0]?.target ?? s.next);
}

/** The dialog/side panel a click opened (§3.4 test users panel), or null. */
async function dialogAfter(before: Set<Element>, signal: AbortSignal): Promise<HTMLElement | null> {
  return waitFor(() => query(document, S.dialog, true).find((d) => !before.has(d) && visible(d)), signal, 3000).catch(() => null);
}

async function fill(f: Field, scope: ParentNode, signal: AbortSignal): Promise<[Outcome, Element | null]> {
  if (f.kind === 'row') {
    const add = f.add ?? S.addUri;
    const groupTarget = f.group;
    const group = groupTarget
      ? await waitFor(() => findGroup(groupTarget, add), signal, f.waitMs ?? 8000).catch(() => null)
      : null;
    if (f.group && !group) return [{ ok: false, reason: 'notFound' }, null];
    return [await addRow(group ?? scope, f.target, add, f.value, signal, !!group), group];
  }
  const el = await waitForTarget(f.target, signal, f.waitMs ?? 8000, scope);
  if (!el) return [{ ok: false, reason: 'notFound' }, null];
  switch (f.kind) {
    case 'text':
      return [await setText(el, f.value), el];
    case 'option':
      return [await choose(el, f.option ?? { en: [f.value], vi: [] }, signal), el];
    case 'chip':
      return [await addChip(el, f.value, signal), el];
    default:
      return [await check(el), el];
  }
}

const isOff = (el: Element) => (el as HTMLButtonElement).disabled || el.getAttribute('aria-disabled') === 'true';

export async function runStep(step: Step, env: Env): Promise<void> {
  const title = tx(step.title);
  env.show({ title, status: { text: tx('panel.checking'), tone: 'busy' } });
  const prepared = await step.prepare(env);
  if (!prepared || env.signal.aborted) return;
  const plan: Plan = prepared;
  const values = plan.sections.flatMap((s) => s.fields.map((f) => ({ label: fieldLabel(f), value: f.value })));
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
    performance.mark('gmail-odoo:fill-start');
    env.show({
      title,
      values,
      status: { text: tx('panel.working'), tone: 'busy' },
      action: { label: plan.action, disabled: true },
    });
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
        const before = new Set(query(document, S.dialog, true));
        const opener = await waitForTarget(section.open, signal, 8000);
        if (!opener) {
          failed('noButton', shownLabel(section.open.names));
          continue;
        }
        click(opener);
        scope = (await dialogAfter(before, signal)) ?? document;
      }
      let sectionChanged = false;
      for (const f of section.fields) {
        const [outcome, el] = await fill(f, scope, signal);
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
      // Angular enables Next/Save/Create once the form is valid.
      const enabled = await waitFor(() => !isOff(button), signal, 5000).catch(() => false);
      if (!enabled) {
        failed('rejected', shownLabel(section.next.names));
        pendingButton = section.next;
        continue;
      }
      await section.beforeNext?.();
      click(button);
      const until = section.until ?? firstTarget(plan.sections[i + 1]);
      if (until && !(await waitForTarget(until, signal, 20_000))) failed('notReady', shownLabel(until.names));
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
        action: { label: tx('panel.retry'), run: () => void go().catch(() => undefined) },
      });
      return;
    }
    await plan.after?.(changed);
  }

  idle();
  performance.mark('gmail-odoo:ready');
  // The person already asked for this step with a click (the page before, or the popup): no second click.
  if (plan.progress && env.autoRun?.(plan.progress)) void go().catch(() => undefined);
}

export type PageState = 'ready' | 'getStarted' | 'failed' | 'timeout';

/**
 * Waits for the page's own content (`ready`), the Auth Platform empty state "Get started" of an
 * unconfigured project (§3.2), or the transient "Failed to load" of a new project (§3.2, §4.8).
 */
export async function pageState(env: Env, ready: () => unknown, ms = 20_000): Promise<PageState> {
  try {
    return await waitFor<PageState>(
      () => (ready() ? 'ready' : find(S.getStarted) ? 'getStarted' : findText(S.failedToLoad) ? 'failed' : null),
      env.signal,
      ms,
    );
  } catch (error) {
    if (error instanceof TimeoutError) return 'timeout';
    throw error;
  }
}

/** "Failed to load" (reload later) or fields that never appeared (manual mode with the values). */
export async function notReady(env: Env, step: Step, state: PageState, progress?: ConsoleStep, fields: Field[] = []) {
  const title = tx(step.title);
  if (state === 'failed') {
    env.show({
      title,
      status: { text: tx('console.status.failedToLoad'), tone: 'warn' },
      links: [{ label: tx('panel.reload'), run: () => location.reload() }],
    });
    return;
  }
  if (progress) await env.report({ step: progress, state: 'attention', reason: { code: 'notReady', field: title } });
  env.show({
    title,
    status: { text: tx('console.status.notReady'), tone: 'warn' },
    manual: { rows: fields.map((f) => ({ label: fieldLabel(f), value: manualValue(f), reason: tx('panel.reason.notReady') })) },
    action: { label: tx('panel.retry'), run: () => env.rerun() },
  });
}

/** A value the step needs is not set in the popup yet. */
export function missing(env: Env, step: Step, what: 'setup' | 'gmail' | 'redirect'): null {
  env.show({ title: tx(step.title), status: { text: tx(`console.missing.${what}`), tone: 'warn' } });
  return null;
}

/**
 * The redirect URI Odoo sends is one Google's form refuses (http behind a TLS proxy, a raw IP —
 * google-console.md §5.6, field-notes P1): it is not typed, and nothing is clicked. As with a field that
 * cannot be filled, the step is reported as needing attention and the panel says why, with the fix on
 * Odoo's side; "Try again" reads the page and the values again once Odoo is fixed.
 */
export async function refusedRedirect(
  env: Env,
  step: Step,
  refusal: NonNullable<ConsoleContext['redirectRefusal']>,
  field: Field,
): Promise<null> {
  await env.report({ step: 'client', state: 'attention', reason: { code: 'refused', field: fieldLabel(field) } });
  env.show({
    title: tx(step.title),
    status: { text: tx('diag.refused.notTyped', { uri: field.value }), tone: 'warn' },
    notes: [...refusal.problems.map(tm), tx('diag.panel.fix', { fix: tm(refusal.fix) })],
    action: { label: tx('panel.retry'), run: () => env.rerun() },
  });
  return null;
}

/** Opens the next page of the journey, in this project, in this tab. */
export function goOn(env: Env, path: string): void {
  if (env.keep.aborted) return;
  const href = consoleUrl(path, env.ctx.projectId ?? projectOf(env.url));
  if (env.open) env.open(href);
  else location.assign(href);
}

/**
 * Shows a finished state with links to the next pages. `advance`: the person's click on this page just
 * did the step, so the first next page opens by itself — one click per page, not two (issue 4). A page
 * found already done only offers the links: revisiting a page never carries the person away.
 */
export function done(env: Env, step: Step, text: string, next: { label: string; path: string }[] = [], advance = false): void {
  env.show({
    title: tx(step.title),
    status: { text, tone: 'ok' },
    links: next.map((n) => ({ label: n.label, href: consoleUrl(n.path, env.ctx.projectId ?? projectOf(env.url)) })),
  });
  const first = next[0];
  if (advance && first) goOn(env, first.path);
}
