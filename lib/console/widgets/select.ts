/**
 * A combobox that is not a `<select>` (google-console.md §4.2), harness-style (Angular's `MatSelectHarness`): found by its
 * accessible name (../fill.ts); read from the value it shows; set by opening it and clicking the option
 * in the CDK overlay, which renders later; read back.
 */
import { accName, matches, names, norm, query, visible, waitFor } from '../fill';
import type { Labels, Text } from '../selectors';
import * as S from '../selectors';
import { ALREADY, click, fail, isDisabled, key, OK, type Outcome } from './events';

/** Options of an open select: its `aria-controls`/`aria-owns` panel, the CDK overlay, any open listbox (§3.6, §4.2). */
function optionsOf(box: Element): HTMLElement[] {
  const root = box.getRootNode() as Document | ShadowRoot;
  const panels = ['aria-controls', 'aria-owns']
    .map((a) => box.getAttribute(a))
    .flatMap((ids) => (ids ?? '').split(/\s+/).filter(Boolean))
    .map((id) => root.getElementById(id) ?? document.getElementById(id))
    .filter((e): e is HTMLElement => !!e);
  const overlays = query(document, S.overlay, true);
  for (const scope of [...panels, ...overlays]) {
    const found = query(scope, S.option, true).filter(visible);
    if (found.length) return found;
  }
  return query(document, `[role="listbox"] [role="option"]`, true).filter(visible);
}

const optionText = (o: Element) => [accName(o), o.textContent];

/** The value a closed select shows contains the option (MatSelectHarness reads `.mat-mdc-select-value`). */
export const shows = (box: Element, list: readonly Text[]): boolean => {
  const text = norm(box.textContent);
  return list.some((t) => (typeof t === 'string' ? text.includes(norm(t)) : t.test(text)));
};

/** Waits until enabled (the support email starts disabled, §3.2), opens it, waits for the option, clicks it, verifies. */
export async function choose(box: HTMLElement, option: Labels, signal: AbortSignal): Promise<Outcome> {
  const list = names(option);
  if (shows(box, list)) return ALREADY;
  if (isDisabled(box)) {
    const enabled = await waitFor(() => !isDisabled(box), signal, 15_000).catch(() => false);
    if (!enabled) return fail('disabled');
  }
  click(box);
  // The list renders later, in the overlay; once it is there, the option is either in it or not.
  const rendered = await waitFor(() => optionsOf(box).length > 0, signal, 10_000).catch(() => false);
  const wanted = () => optionsOf(box).find((o) => optionText(o).some((x) => matches(x, list)));
  const opt = rendered ? await waitFor(wanted, signal, 1500).catch(() => null) : null;
  if (!opt) {
    key(box, 'keydown', 'Escape');
    return fail(rendered ? 'noOption' : 'notFound');
  }
  click(opt);
  const kept = await waitFor(() => shows(box, list) || opt.getAttribute('aria-selected') === 'true', signal, 3000).catch(
    () => false,
  );
  return kept ? OK : fail('notKept');
}
