/**
 * A chip input (google-console.md §3.2 "press Enter to turn text into a chip", §4.3), harness-style (`MatChipGridHarness`):
 * found by its accessible name (../fill.ts); read as the chips of its grid; set by typing and Enter; the
 * value only counts once the chip exists.
 */
import { norm, query, waitFor } from '../fill';
import * as S from '../selectors';
import { ALREADY, fail, type Input, isDisabled, key, OK, type Outcome, type } from './events';

/** The chips (already made entries) of a chip input's grid. */
export function chipsOf(input: Element): HTMLElement[] {
  const grid = input.closest('mat-chip-grid, [role="grid"], mat-form-field, .mat-mdc-form-field') ?? input.parentElement;
  return grid ? query(grid, S.chip, true) : [];
}

export const hasChip = (input: Element, value: string): boolean =>
  chipsOf(input).some((c) => norm(c.textContent).includes(norm(value)));

/** An address already there as a chip is not added twice. */
export async function addChip(input: HTMLElement, value: string, signal: AbortSignal): Promise<Outcome> {
  if (hasChip(input, value)) return ALREADY;
  if (isDisabled(input)) return fail('disabled');
  type(input as Input, value);
  key(input, 'keydown', 'Enter');
  key(input, 'keyup', 'Enter');
  const made = await waitFor(() => hasChip(input, value), signal, 5000).catch(() => false);
  return made ? OK : fail('noChip');
}
