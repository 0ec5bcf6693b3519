/**
 * One field of a step's plan (../step.ts `Field`), set through its widget: found in `scope` (or its named
 * group, for a row), set, read back.
 */
import { findGroup, waitFor, waitForTarget } from '../fill';
import * as S from '../selectors';
import { check } from './checkbox';
import { addChip } from './chips';
import type { Outcome } from './events';
import type { Field } from './field';
import { choose } from './select';
import { setText } from './text';
import { addRow } from './uri-row';

/** What the field came to, and the element it was (where the run looks for the next button from). */
export async function fillField(f: Field, scope: ParentNode, signal: AbortSignal): Promise<[Outcome, Element | null]> {
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
