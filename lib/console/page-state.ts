/**
 * The states of a Console page a step may meet before it can fill anything, and what the panel shows for
 * each: the page's own content, the Auth Platform's "Get started", the transient "Failed to load", a
 * `main` that stays blank (Reload, up to 3 tries), fields that never appeared (guided manual mode), a value
 * the popup has not set yet, and a redirect URI Google's form would refuse. Never "done" on an absence.
 */
import { tm } from '../i18n';
import { DAY, TIMING } from './click';
import { find, findText, norm, query, TimeoutError, visible, waitFor } from './fill';
import { reportOnDemand } from './kit';
import * as S from './selectors';
import { type Env, fieldLabel, manualValue, type Step, tx } from './step';
import type { ConsoleContext, ConsoleStep } from './types';
import type { Field } from './widgets/field';

export type PageState = 'ready' | 'getStarted' | 'failed' | 'blank' | 'timeout';

/**
 * The Console's `main` shows nothing yet — no text, no control (a progress bar at most): "the redesigned
 * Console often leaves `main` blank for several seconds" (2026 §12). A page without `main` is not blank.
 */
export function blankMain(): boolean {
  const main = document.querySelector(S.main);
  if (!main) return false;
  if (norm(main.textContent) !== '') return false;
  return !query(
    main,
    'input, select, textarea, button, a[href], [role="button"], [role="textbox"], [role="combobox"]',
    true,
  ).some(visible);
}

/**
 * Waits for the page's own content (`ready`), the Auth Platform empty state "Get started" of an
 * unconfigured project (google-console.md §3.2), the transient "Failed to load" of a new project (google-console.md §3.2, §4.8), or — after
 * `TIMING.blankMs` — a `main` that stayed blank (2026 §12). `timeout`: the page showed something, but not
 * its content: "not ready yet", never "done".
 */
export async function pageState(env: Env, ready: () => unknown, ms = TIMING.pageMs): Promise<PageState> {
  const probe = (): PageState | null =>
    ready() ? 'ready' : find(S.getStarted) ? 'getStarted' : findText(S.failedToLoad) ? 'failed' : null;
  const wait = (within: number) =>
    waitFor(probe, env.signal, within).catch((error: unknown) => {
      if (error instanceof TimeoutError) return null;
      throw error;
    });
  const early = await wait(Math.min(ms, TIMING.blankMs));
  if (early) return early;
  if (blankMain()) return 'blank';
  return (ms > TIMING.blankMs ? await wait(ms - TIMING.blankMs) : null) ?? 'timeout';
}

/** How many reloads a blank page gets before the panel stops offering one (2026 §12: "reload up to 3 times"). */
export const BLANK_TRIES = 3;

/**
 * A `main` that stayed blank: Reload offered, up to 3 tries (counted by the background across the reloads).
 * If the page fills in meanwhile, the step runs again by itself.
 */
async function blankPage(env: Env, step: Step, progress?: ConsoleStep): Promise<void> {
  const title = tx(step.title);
  const tries = env.ctx.reloads ?? 0;
  if (tries >= BLANK_TRIES) {
    const given = await givenUp(env, title, progress);
    env.show({
      title,
      state: 'blank',
      status: { text: tx('console.status.blankGiveUp', { tries: BLANK_TRIES }), tone: 'warn' },
      ...given,
    });
  } else {
    env.show({
      title,
      state: 'blank',
      status: { text: tx('console.status.blank', { n: tries + 1, tries: BLANK_TRIES }), tone: 'warn' },
      action: {
        label: tx('panel.reload'),
        run: () => {
          void env.report({ reload: true }).finally(() => location.reload());
        },
      },
    });
  }
  void waitFor(() => !blankMain(), env.signal, DAY, 250).then(
    () => env.rerun(),
    () => undefined,
  );
}

/** "Failed to load" (reload later), a blank page (Reload), or fields that never appeared (manual mode with the values). */
export async function notReady(env: Env, step: Step, state: PageState, progress?: ConsoleStep, fields: Field[] = []) {
  const title = tx(step.title);
  if (state === 'blank') return blankPage(env, step, progress);
  if (state === 'failed') {
    env.show({
      title,
      status: { text: tx('console.status.failedToLoad'), tone: 'warn' },
      links: [{ label: tx('panel.reload'), run: () => location.reload() }],
    });
    return;
  }
  const given = await givenUp(env, title, progress);
  env.show({
    title,
    status: { text: tx('console.status.notReady'), tone: 'warn' },
    manual: { rows: fields.map((f) => ({ label: fieldLabel(f), value: manualValue(f), reason: tx('panel.reason.notReady') })) },
    ...given,
  });
}

/** A page that is not ready: the step (when it drives one) is reported "attention", the panel offers a field report and Retry. */
async function givenUp(env: Env, title: string, progress?: ConsoleStep) {
  if (progress) await env.report({ step: progress, state: 'attention', reason: { code: 'notReady', field: title } });
  return {
    report: () => reportOnDemand({ step: env.page, failure: { code: 'notReady', field: title } }),
    action: { label: tx('panel.retry'), run: () => env.rerun() },
  };
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
