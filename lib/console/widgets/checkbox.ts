/**
 * A radio button or checkbox, harness-style (`MatCheckboxHarness`, `MatRadioButtonHarness`): found by
 * its accessible name (../fill.ts), read, clicked unless already checked, read back.
 */
import { ALREADY, click, fail, isDisabled, OK, type Outcome, settle } from './events';

/** Checked: the native property, or `aria-checked` on a Material one. */
export const isChecked = (el: Element): boolean =>
  (el as HTMLInputElement).checked === true || el.getAttribute('aria-checked') === 'true';

export async function check(el: HTMLElement): Promise<Outcome> {
  if (isChecked(el)) return ALREADY;
  if (isDisabled(el)) return fail('disabled');
  click(el);
  await settle();
  return isChecked(el) ? OK : fail('notKept');
}
