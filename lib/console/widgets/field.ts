/**
 * A field a step fills, as the fill engine's widgets take it (./index.ts dispatches on `kind`). Its own
 * module so that the widgets and the steps (../step.ts re-exports it) share the type without a cycle.
 */
import type { Labels, Target } from '../selectors';

export interface Field {
  target: Target;
  /** `agree`: an agreement of the person's (the User Data Policy box, 2026 §14) — never ticked by the
   *  assistant: the panel points at it and the run waits for the person's tick. */
  kind: 'text' | 'option' | 'radio' | 'check' | 'chip' | 'row' | 'agree';
  value: string;
  /** `option`: the option to pick. */
  option?: Labels;
  /** `row`: the button that adds a row, and the named group the rows live in. */
  add?: Target;
  group?: Target;
  /** How long the field may take to appear (fields shown after a choice, slow pages). */
  waitMs?: number;
}
