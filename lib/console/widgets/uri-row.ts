/**
 * One value in an "Add …" list of rows (authorized domains google-console.md §3.3, redirect URIs §3.6), harness-style:
 * the rows found by name (../fill.ts `findRows`), read as their values, set by reusing an empty row or
 * adding one with the list's Add button, read back (./text.ts).
 */
import { candidates, find, findRows, query, TEXTBOXES, waitFor } from '../fill';
import type { Target } from '../selectors';
import { ALREADY, click, fail, type Input, isDisabled, type Outcome } from './events';
import { setText } from './text';

/** The values of a list's rows (to report what the page holds). */
export const rowValues = (scope: ParentNode, row: Target): string[] =>
  findRows(row, scope)
    .map((r) => (r as Input).value.trim())
    .filter(Boolean);

/**
 * Not added twice; an empty row is reused; otherwise the Add button makes a row (`URIs N`, `Authorized
 * domain N`). Rows are the textboxes the row target finds in the scope (by name, `formcontrolname`, or
 * label-less inside their section), or — inside a named group (`anyTextbox`) — any textbox of it.
 *
 * After the click, the row filled is the one that is NEW (2026 §4, `console-auto.mjs`: "ADD DOMAIN
 * appends one… fill the one that is new"): the textboxes before and after the click are compared; a new
 * one the row target finds comes first, else the only new empty textbox. Never an older box guessed.
 */
export async function addRow(
  scope: ParentNode,
  row: Target,
  add: Target,
  value: string,
  signal: AbortSignal,
  anyTextbox = false,
): Promise<Outcome> {
  const rows = () => {
    const named = findRows(row, scope);
    return named.length || !anyTextbox ? named : candidates('textbox', scope, true);
  };
  const blank = (r: Element) => (r as Input).value.trim() === '';
  // A domain compares without case; a URI exactly (its path is case-sensitive, google-console.md §5.6 exact matching).
  const same = (v: string) => (value.includes('/') ? v.trim() === value : v.trim().toLowerCase() === value.toLowerCase());
  if (rows().some((r) => same((r as Input).value))) return ALREADY;
  let empty = rows().find(blank);
  if (!empty) {
    const button = find(add, scope);
    if (!button) return fail('noButton');
    // Never a click on a disabled control (no click into a dead end).
    if (isDisabled(button)) return fail('disabled');
    const before = new Set(query(scope, TEXTBOXES, true));
    const fresh = (deep: boolean) => candidates('textbox', scope, deep).filter((e) => !before.has(e) && blank(e));
    const newRow = () => {
      const light = fresh(false);
      const made = light.length ? light : fresh(true);
      if (!made.length) return null;
      const known = rows();
      return made.find((e) => known.includes(e)) ?? (made.length === 1 ? made[0] : null);
    };
    click(button);
    empty = (await waitFor(newRow, signal, 8000).catch(() => null)) ?? undefined;
    if (!empty) return fail('notFound');
  }
  return setText(empty, value);
}
