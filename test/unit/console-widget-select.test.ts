// @vitest-environment happy-dom
/**
 * The select widget (lib/console/widgets/select.ts) on a combobox whose options render later in the CDK
 * overlay (google-console.md §3.6), like MatSelectHarness: open, pick, read the shown value back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as S from '@/lib/console/selectors';
import { choose, shows } from '@/lib/console/widgets/select';
import { clearPage, html, signal } from './dom';

afterEach(clearPage);

describe('choose (a combobox whose options render later in the CDK overlay, §3.6)', () => {
  it('reads the value a closed select shows (MatSelectHarness reads `.mat-mdc-select-value`)', () => {
    html(
      '<mat-select role="combobox" aria-label="Application type"><span class="mat-mdc-select-value">Web application</span></mat-select>',
    );
    const box = document.querySelector('mat-select') as HTMLElement;
    expect(shows(box, ['Web application'])).toBe(true);
    expect(shows(box, ['Desktop app'])).toBe(false);
  });

  function select({ options = ['Web application', 'Desktop app'], delay = 20, disabled = false } = {}) {
    html(`<cfc-select role="combobox" aria-label="Application type" aria-disabled="${disabled}"><span class="value"></span></cfc-select>
      <div class="cdk-overlay-container"></div>`);
    const box = document.querySelector('cfc-select') as HTMLElement;
    const overlay = document.querySelector('.cdk-overlay-container') as HTMLElement;
    box.addEventListener('click', () => {
      if (box.getAttribute('aria-disabled') === 'true') return;
      setTimeout(() => {
        overlay.innerHTML = `<div role="listbox">${options.map((o) => `<mat-option role="option">${o}</mat-option>`).join('')}</div>`;
        for (const opt of overlay.querySelectorAll('mat-option')) {
          opt.addEventListener('click', () => {
            (box.querySelector('.value') as HTMLElement).textContent = opt.textContent;
            overlay.innerHTML = '';
          });
        }
      }, delay);
    });
    return box;
  }

  it('opens, waits for the option, clicks it, verifies the shown value', async () => {
    const box = select();
    expect(await choose(box, S.webApplication, signal())).toEqual({ ok: true, changed: true });
    expect(box.textContent).toContain('Web application');
    expect(await choose(box, S.webApplication, signal())).toEqual({ ok: true, changed: false });
  });

  it('says when the value is not offered (never picks another one)', async () => {
    const box = select({ options: ['Android', 'Desktop app'] });
    expect(await choose(box, S.webApplication, signal())).toEqual({ ok: false, reason: 'noOption' });
    expect(box.textContent).toBe('');
  });

  it('waits for a combobox that starts disabled (the support email, §3.2)', async () => {
    const box = select({ options: ['me@gmail.com'], disabled: true });
    setTimeout(() => box.setAttribute('aria-disabled', 'false'), 30);
    expect(await choose(box, { en: ['me@gmail.com'], vi: [] }, signal())).toEqual({ ok: true, changed: true });
  });
});
