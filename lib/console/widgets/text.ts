/**
 * A text field (google-console.md), harness-style (Angular's `MatInputHarness`): found by its accessible
 * name (../fill.ts), read, set the way Angular notices, read back.
 */
import { ALREADY, blur, fail, type Input, isDisabled, OK, type Outcome, settle, type } from './events';

/** What the field holds. */
export const readText = (el: Element): string => (el as Input).value;

/**
 * Skipped when it already holds the value; otherwise set, `input` → `change` → blur (Angular marks it
 * touched and validates), read back. A value Angular dropped is set once more (§3.1 "typed value
 * sometimes not committed"), then reported as not kept.
 */
export async function setText(el: HTMLElement, value: string): Promise<Outcome> {
  const input = el as Input;
  if (readText(input) === value) return ALREADY;
  if (isDisabled(el) || input.readOnly) return fail('disabled');
  for (let attempt = 0; attempt < 2; attempt++) {
    type(input, value);
    blur(input);
    await settle();
    if (readText(input) === value) return OK;
  }
  return fail('notKept');
}
