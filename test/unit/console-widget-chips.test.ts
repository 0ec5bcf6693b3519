// @vitest-environment happy-dom
/**
 * The chip widget (lib/console/widgets/chips.ts) on a chip grid: the value only counts once Enter made it a chip
 * (google-console.md §3.2, §4.3).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { find } from '@/lib/console/fill';
import * as S from '@/lib/console/selectors';
import { addChip, chipsOf, hasChip } from '@/lib/console/widgets/chips';
import { clearPage, html, signal } from './dom';

afterEach(clearPage);

describe('addChip (the value only counts after Enter, §3.2, §4.3)', () => {
  it("reads the chips of the input's own grid, not another grid's", () => {
    html(`<mat-chip-grid><mat-chip-row>other@gmail.com</mat-chip-row><input aria-label="Other"></mat-chip-grid>
      <mat-chip-grid><mat-chip-row>Me@Gmail.com</mat-chip-row><input aria-label="Text field for emails"></mat-chip-grid>`);
    const input = find(S.contactEmails) as HTMLElement;
    expect(chipsOf(input).map((c) => c.textContent)).toEqual(['Me@Gmail.com']);
    expect(hasChip(input, 'me@gmail.com')).toBe(true);
    expect(hasChip(input, 'other@gmail.com')).toBe(false);
  });

  function grid(existing: string[] = [], enterWorks = true) {
    html(`<mat-chip-grid formcontrolname="emails">${existing.map((e) => `<mat-chip-row>${e}</mat-chip-row>`).join('')}
      <input aria-label="Text field for emails"></mat-chip-grid>`);
    const input = document.querySelector('input') as HTMLInputElement;
    input.addEventListener('keydown', (e) => {
      if (!enterWorks || e.key !== 'Enter' || e.keyCode !== 13) return;
      input.insertAdjacentHTML('beforebegin', `<mat-chip-row>${input.value}</mat-chip-row>`);
      input.value = '';
    });
    return input;
  }

  it('types, presses Enter, waits for the chip', async () => {
    const input = grid();
    expect(find(S.contactEmails)).toBe(input);
    expect(await addChip(input, 'me@gmail.com', signal())).toEqual({ ok: true, changed: true });
    expect(document.querySelectorAll('mat-chip-row')).toHaveLength(1);
  });

  it('does not add an address twice', async () => {
    const input = grid(['me@gmail.com']);
    expect(await addChip(input, 'me@gmail.com', signal())).toEqual({ ok: true, changed: false });
    expect(document.querySelectorAll('mat-chip-row')).toHaveLength(1);
  });

  it('reports a chip that never appears', async () => {
    const input = grid([], false);
    expect(await addChip(input, 'me@gmail.com', signal())).toEqual({ ok: false, reason: 'noChip' });
  }, 10_000);
});
