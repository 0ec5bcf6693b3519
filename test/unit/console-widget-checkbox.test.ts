// @vitest-environment happy-dom
/**
 * The checkbox widget (lib/console/widgets/checkbox.ts): radios and checkboxes by accessible name, a disabled
 * one never clicked, the state read back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { find } from '@/lib/console/fill';
import * as S from '@/lib/console/selectors';
import { check, isChecked } from '@/lib/console/widgets/checkbox';
import { clearPage, html } from './dom';

afterEach(clearPage);

describe('check (radios and checkboxes by accessible name)', () => {
  it('reads a native box and a Material one (`aria-checked`)', () => {
    html(
      '<input type="checkbox" checked id="n"><div role="checkbox" aria-checked="true" id="m"></div><div role="checkbox" aria-checked="false" id="o"></div>',
    );
    expect(isChecked(document.getElementById('n') as HTMLElement)).toBe(true);
    expect(isChecked(document.getElementById('m') as HTMLElement)).toBe(true);
    expect(isChecked(document.getElementById('o') as HTMLElement)).toBe(false);
  });

  it('checks the radio named External, not the disabled Internal one', async () => {
    html(`<div class="mdc-radio mdc-radio--disabled"><input type="radio" name="a" id="i" disabled></div><label for="i">Internal</label>
      <div class="mdc-radio"><input type="radio" name="a" id="e"></div><label for="e">External</label>`);
    expect(await check(find(S.external) as HTMLElement)).toEqual({ ok: true, changed: true });
    expect((document.getElementById('e') as HTMLInputElement).checked).toBe(true);
    expect(await check(find(S.external) as HTMLElement)).toEqual({ ok: true, changed: false });
    expect(await check(find(S.internal) as HTMLElement)).toEqual({ ok: false, reason: 'disabled' });
  });

  it('ticks the policy checkbox by the start of its name', async () => {
    html('<input type="checkbox" id="c"><label for="c">I agree to the Google API Services: User Data Policy.</label>');
    expect(await check(find(S.agree) as HTMLElement)).toEqual({ ok: true, changed: true });
  });
});
