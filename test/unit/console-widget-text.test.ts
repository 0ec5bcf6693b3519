// @vitest-environment happy-dom
/**
 * The text-field widget (lib/console/widgets/text.ts) on one Angular-like input: set the way Angular's
 * DefaultValueAccessor notices, read back, retried once when Angular drops the value.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { find } from '@/lib/console/fill';
import * as S from '@/lib/console/selectors';
import { readText, setText } from '@/lib/console/widgets/text';
import { clearPage, html } from './dom';

afterEach(clearPage);

/** Angular's DefaultValueAccessor: the model follows `input` events only; blur marks touched. */
function angularModel() {
  const model: Record<string, string> = {};
  const events: string[] = [];
  for (const type of ['input', 'change', 'focusout']) {
    document.addEventListener(type, (e) => {
      const t = e.target as HTMLInputElement;
      if (!t.dataset?.model) return;
      events.push(`${type}:${t.dataset.model}`);
      if (type === 'input') model[t.dataset.model] = t.value;
    });
  }
  return { model, events };
}

describe('setText', () => {
  it('reads what the field holds, and the value it set back', async () => {
    html('<input aria-label="App name" value="Old">');
    const el = find(S.appName) as HTMLInputElement;
    expect(readText(el)).toBe('Old');
    expect(await setText(el, 'Odoo')).toEqual({ ok: true, changed: true });
    expect(readText(el)).toBe('Odoo');
  });

  it('sets the value so that Angular sees it: input, then change, then blur', async () => {
    const { model, events } = angularModel();
    html('<input aria-label="App name" data-model="displayName">');
    const el = find(S.appName) as HTMLInputElement;
    expect(await setText(el, 'Odoo')).toEqual({ ok: true, changed: true });
    expect(model.displayName).toBe('Odoo');
    expect(events).toEqual(['input:displayName', 'change:displayName', 'focusout:displayName']);
  });

  it('leaves a field that already holds the value alone', async () => {
    const { events } = angularModel();
    html('<input aria-label="App name" data-model="displayName" value="Odoo">');
    expect(await setText(find(S.appName) as HTMLElement, 'Odoo')).toEqual({ ok: true, changed: false });
    expect(events).toEqual([]);
  });

  it('reports a field that does not keep its value (after one retry)', async () => {
    html('<input aria-label="App name">');
    const el = find(S.appName) as HTMLInputElement;
    let blurs = 0;
    el.addEventListener('focusout', () => {
      blurs++;
      el.value = '';
    });
    expect(await setText(el, 'Odoo')).toEqual({ ok: false, reason: 'notKept' });
    expect(blurs).toBe(2);
  });

  it('does not type into a disabled field', async () => {
    html('<input aria-label="App name" disabled>');
    expect(await setText(document.querySelector('input') as HTMLElement, 'Odoo')).toEqual({ ok: false, reason: 'disabled' });
  });
});
