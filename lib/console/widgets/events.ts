/**
 * What the widgets share: how a person's input reaches Angular (docs/evidence/style.md §1.3:
 * testing-library `setNativeValue`, Angular's DefaultValueAccessor), and what setting a widget came to.
 */
import type { Reason } from '../types';

/** What setting a widget came to: `changed` false when it held the value already. */
export type Outcome = { ok: true; changed: boolean } | { ok: false; reason: Reason };
export const OK: Outcome = { ok: true, changed: true };
export const ALREADY: Outcome = { ok: true, changed: false };
export const fail = (reason: Reason): Outcome => ({ ok: false, reason });

export type Input = HTMLInputElement | HTMLTextAreaElement;

/** Lets the page's own handlers (Angular zone tasks) run before reading back. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** A click as a pointer would make it (google-console.md §4.4: plain clicks sometimes no-op; the event sequence or DOM click works). */
export function click(el: Element): void {
  const init = { bubbles: true, cancelable: true, composed: true };
  el.dispatchEvent(new PointerEvent('pointerdown', init));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new PointerEvent('pointerup', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  (el as HTMLElement).click();
}

export function key(el: Element, type: string, k: string): void {
  const code = k === 'Enter' ? 13 : 27;
  el.dispatchEvent(
    new KeyboardEvent(type, { key: k, code: k, keyCode: code, which: code, bubbles: true, cancelable: true, composed: true }),
  );
}

export const isDisabled = (el: Element): boolean =>
  (el as HTMLInputElement).disabled === true ||
  el.getAttribute('aria-disabled') === 'true' ||
  !!el.closest('.mdc-radio--disabled, .mat-mdc-radio-disabled, .mdc-checkbox--disabled, [aria-disabled="true"]');

/** The value setter of the element's own prototype (testing-library `setNativeValue`; React/Angular both notice). */
function nativeSet(el: Input, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
}

export function type(el: Input, value: string): void {
  el.focus();
  nativeSet(el, value);
  // Angular's DefaultValueAccessor listens to `input` (its model updates only then), then `change`.
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Leaves the field: a real blur when it has focus (blur + focusout), else the same two events. */
export function blur(el: Element): void {
  if (document.activeElement === el || (el.getRootNode() as ShadowRoot).activeElement === el) {
    (el as HTMLElement).blur();
    return;
  }
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}
