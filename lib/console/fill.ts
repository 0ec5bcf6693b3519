/**
 * The fill engine: find a Console field the way a person reads it, set it the way Angular notices,
 * and verify it kept the value. Every wait is a MutationObserver tied to an AbortSignal with a
 * timeout — never a sleep. Widgets: text inputs, the CDK-overlay combobox, chip inputs, radios and
 * checkboxes, and "Add …" lists of rows (authorized domains, redirect URIs).
 *
 * Sources: google-console.md §4 (robustness notes), ../shared/reference/style.md §1.3 (testing-library
 * label order, `setNativeValue`, Angular's DefaultValueAccessor and MatSelectHarness).
 */
import { computeAccessibleName } from 'dom-accessibility-api';
import type { Reason } from './protocol';
import { type Labels, names, type Role, S, type Target, type Text } from './selectors';

export type Outcome = { ok: true; changed: boolean } | { ok: false; reason: Reason };
const OK: Outcome = { ok: true, changed: true };
const ALREADY: Outcome = { ok: true, changed: false };
const fail = (reason: Reason): Outcome => ({ ok: false, reason });
type Input = HTMLInputElement | HTMLTextAreaElement;

/** Lower case, whitespace collapsed, invisible characters dropped, a leading "+" and a trailing "*"/":" removed. */
export function norm(text: string | null | undefined): string {
  return (text ?? '')
    .normalize('NFC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/^\+\s*/, '')
    .replace(/\s*[*:]$/, '');
}

export const matches = (text: string | null | undefined, list: readonly Text[]): boolean => {
  const n = norm(text);
  return n !== '' && list.some((t) => (typeof t === 'string' ? norm(t) === n : t.test(n)));
};

/** Every element under `root`, including inside open shadow roots (§4.5: shadow DOM use is UNVERIFIED). */
function allDeep(root: ParentNode, out: Element[] = []): Element[] {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) allDeep(el.shadowRoot, out);
  }
  return out;
}

/** `querySelectorAll`, in the light DOM or (deep) through open shadow roots too. */
export function query(root: ParentNode, selector: string, deep = false): HTMLElement[] {
  const list = deep ? allDeep(root).filter((e) => e.matches(selector)) : [...root.querySelectorAll(selector)];
  return list as HTMLElement[];
}

export function visible(el: Element): boolean {
  if (!el.isConnected || el.closest('[hidden], [aria-hidden="true"], [inert]')) return false;
  const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
  return check ? check.call(el, { visibilityProperty: true }) : getComputedStyle(el).display !== 'none';
}

/** Elements that can have each role (explicit roles of other kinds are excluded). */
const ROLES: Record<Role, [string, string[]]> = {
  textbox: [
    'input:not([type]), input[type="text"], input[type="email"], input[type="url"], input[type="search"], textarea, [role="textbox"], [role="searchbox"]',
    ['textbox', 'searchbox'],
  ],
  combobox: ['[role="combobox"], select', ['combobox', 'listbox']],
  radio: ['input[type="radio"], [role="radio"]', ['radio']],
  checkbox: ['input[type="checkbox"], [role="checkbox"], [role="switch"]', ['checkbox', 'switch']],
  button: [
    'button, a[href], input[type="button"], input[type="submit"], [role="button"], [role="link"], [role="menuitem"]',
    ['button', 'link', 'menuitem'],
  ],
  group: ['[role="group"], [role="region"], [role="radiogroup"], fieldset', ['group', 'region', 'radiogroup']],
  dialog: [S.dialog, ['dialog', 'alertdialog']],
};

function candidates(role: Role, root: ParentNode, deep: boolean): HTMLElement[] {
  const [selector, roles] = ROLES[role];
  return query(root, selector, deep).filter((e) => {
    const explicit = e.getAttribute('role');
    return (!explicit || roles.includes(explicit)) && visible(e);
  });
}

export const accName = (el: Element): string => computeAccessibleName(el);

/** The label texts a person sees, outside the accessible-name algorithm (Bitwarden/testing-library order). */
function labelTexts(el: Element): (string | null | undefined)[] {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ids = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return [
    ...ids.map((id) => root.getElementById(id)?.textContent),
    ...[...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent),
    el.getAttribute('aria-label'),
    el.getAttribute('placeholder'),
    el.getAttribute('title'),
    // Angular Material: the form field's own <label>/<mat-label> (§4.1 `mat-*` components).
    el.closest('mat-form-field, .mat-mdc-form-field')?.querySelector('label, mat-label')?.textContent,
  ];
}

function findAllIn(t: Target, root: ParentNode, deep: boolean): HTMLElement[] {
  const els = candidates(t.role, root, deep);
  const list = names(t.names);
  // 1. Role and accessible name. 2. Label texts. 3. formcontrolname. 4. A structural hook of the reference.
  let found = els.filter((e) => matches(accName(e), list));
  if (!found.length) found = els.filter((e) => labelTexts(e).some((x) => matches(x, list)));
  if (!found.length && t.fcn) found = els.filter((e) => e.closest(`[formcontrolname="${t.fcn}"]`));
  if (!found.length && t.css) found = query(root, t.css, deep).filter(visible);
  return found;
}

/** Every visible element for a target: document first, then through open shadow roots (§4.5). */
export function findAll(t: Target, root: ParentNode = document): HTMLElement[] {
  const light = findAllIn(t, root, false);
  return light.length ? light : findAllIn(t, root, true);
}

export const find = (t: Target, root: ParentNode = document): HTMLElement | null => findAll(t, root)[0] ?? null;

/** The nearest matching element to `from`: its own container first, then wider (scopes a "Next"/"Save" to its section). */
export function findNear(t: Target, from: Element | null): HTMLElement | null {
  for (let el = from?.parentElement; el; el = el.parentElement) {
    const hit = find(t, el);
    if (hit) return hit;
  }
  return find(t);
}

/** The element holding a text node that reads as one of the labels (a heading, a legend, a static text). */
export function findText(l: Labels, root: ParentNode = document): HTMLElement | null {
  const list = names(l);
  const inside = (scope: Node): HTMLElement | null => {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (el && matches(node.nodeValue, list) && visible(el)) return el;
    }
    return null;
  };
  const light = inside(root as Node);
  if (light) return light;
  for (const el of allDeep(root)) {
    const hit = el.shadowRoot && inside(el.shadowRoot);
    if (hit) return hit;
  }
  return null;
}

/**
 * A section by its name: an AX group (`role=group` "Authorized redirect URIs", §3.6), else the
 * closest container of its heading text that also holds `inside` (the section's own Add button).
 */
export function findGroup(t: Target, inside: Target): HTMLElement | null {
  const group = find(t);
  if (group) return group;
  const heading = findText(t.names);
  for (let el = heading?.parentElement; el; el = el.parentElement) if (find(inside, el)) return el;
  return null;
}

export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/**
 * Resolves with the first truthy value of `probe`, re-checked when the page changes (a
 * MutationObserver on the document and on open shadow roots), or rejects on timeout / abort.
 */
export function waitFor<T>(
  probe: () => T | null | undefined | false,
  signal: AbortSignal,
  ms = 10_000,
  throttle = 30,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    let scheduled = false;
    const observer = new MutationObserver(() => {
      if (scheduled) return;
      scheduled = true;
      setTimeout(() => {
        scheduled = false;
        check();
      }, throttle);
    });
    const finish = (then: () => void) => {
      observer.disconnect();
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      then();
    };
    const onAbort = () => finish(() => reject(signal.reason));
    const check = () => {
      let value: T | null | undefined | false;
      try {
        value = probe();
      } catch (error) {
        return finish(() => reject(error));
      }
      if (value) finish(() => resolve(value));
    };
    const timer = setTimeout(() => finish(() => reject(new TimeoutError())), ms);
    signal.addEventListener('abort', onAbort, { once: true });
    const options = { subtree: true, childList: true, attributes: true, characterData: true };
    observer.observe(document, options);
    for (const el of allDeep(document)) if (el.shadowRoot) observer.observe(el.shadowRoot, options);
    check();
  });
}

/** Waits for a target to be on the page; null after the timeout (the caller falls back to manual mode). */
export const waitForTarget = (t: Target, signal: AbortSignal, ms = 10_000, root: ParentNode = document) =>
  waitFor(() => find(t, root), signal, ms).catch((e) => {
    if (e instanceof TimeoutError) return null;
    throw e;
  });

/** Lets the page's own handlers (Angular zone tasks) run before reading back. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** A click as a pointer would make it (§4.4: plain clicks sometimes no-op; the event sequence or DOM click works). */
export function click(el: Element): void {
  const init = { bubbles: true, cancelable: true, composed: true };
  el.dispatchEvent(new PointerEvent('pointerdown', init));
  el.dispatchEvent(new MouseEvent('mousedown', init));
  el.dispatchEvent(new PointerEvent('pointerup', init));
  el.dispatchEvent(new MouseEvent('mouseup', init));
  (el as HTMLElement).click();
}

function key(el: Element, type: string, k: string): void {
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

function type(el: Input, value: string): void {
  el.focus();
  nativeSet(el, value);
  // Angular's DefaultValueAccessor listens to `input` (its model updates only then), then `change`.
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText', data: value }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Leaves the field: a real blur when it has focus (blur + focusout), else the same two events. */
function blur(el: Element): void {
  if (document.activeElement === el || (el.getRootNode() as ShadowRoot).activeElement === el) {
    (el as HTMLElement).blur();
    return;
  }
  el.dispatchEvent(new FocusEvent('blur'));
  el.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
}

/**
 * A text input: skipped when it already holds the value; otherwise set, `input` → `change` → blur
 * (Angular marks it touched and validates), read back. A value Angular dropped is set once more
 * (§3.1 "typed value sometimes not committed"), then reported as not kept.
 */
export async function setText(el: HTMLElement, value: string): Promise<Outcome> {
  const input = el as Input;
  if (input.value === value) return ALREADY;
  if (isDisabled(el) || input.readOnly) return fail('disabled');
  for (let attempt = 0; attempt < 2; attempt++) {
    type(input, value);
    blur(input);
    await settle();
    if (input.value === value) return OK;
  }
  return fail('notKept');
}

/** Options of an open select: its `aria-controls`/`aria-owns` panel, the CDK overlay, any open listbox (§3.6, §4.2). */
function optionsOf(box: Element): HTMLElement[] {
  const root = box.getRootNode() as Document | ShadowRoot;
  const panels = ['aria-controls', 'aria-owns']
    .map((a) => box.getAttribute(a))
    .flatMap((ids) => (ids ?? '').split(/\s+/).filter(Boolean))
    .map((id) => root.getElementById(id) ?? document.getElementById(id))
    .filter((e): e is HTMLElement => !!e);
  const overlays = query(document, S.overlay, true);
  for (const scope of [...panels, ...overlays]) {
    const found = query(scope, S.option, true).filter(visible);
    if (found.length) return found;
  }
  return query(document, `[role="listbox"] [role="option"]`, true).filter(visible);
}

const optionText = (o: Element) => [accName(o), o.textContent];

/** The value a closed select shows contains the option (MatSelectHarness reads `.mat-mdc-select-value`). */
const shows = (box: Element, list: readonly Text[]) => {
  const text = norm(box.textContent);
  return list.some((t) => (typeof t === 'string' ? text.includes(norm(t)) : t.test(text)));
};

/**
 * A combobox that is not a `<select>` (§4.2): wait until enabled (the support email starts disabled,
 * §3.2), open it, wait for the option in the overlay, click it, verify the shown value.
 */
export async function choose(box: HTMLElement, option: Labels, signal: AbortSignal): Promise<Outcome> {
  const list = names(option);
  if (shows(box, list)) return ALREADY;
  if (isDisabled(box)) {
    const enabled = await waitFor(() => !isDisabled(box), signal, 15_000).catch(() => false);
    if (!enabled) return fail('disabled');
  }
  click(box);
  // The list renders later, in the overlay; once it is there, the option is either in it or not.
  const rendered = await waitFor(() => optionsOf(box).length > 0, signal, 10_000).catch(() => false);
  const wanted = () => optionsOf(box).find((o) => optionText(o).some((x) => matches(x, list)));
  const opt = rendered ? await waitFor(wanted, signal, 1500).catch(() => null) : null;
  if (!opt) {
    key(box, 'keydown', 'Escape');
    return fail(rendered ? 'noOption' : 'notFound');
  }
  click(opt);
  const kept = await waitFor(() => shows(box, list) || opt.getAttribute('aria-selected') === 'true', signal, 3000).catch(
    () => false,
  );
  return kept ? OK : fail('notKept');
}

/** A radio button or checkbox, by its accessible name: clicked unless already checked, then verified. */
export async function check(el: HTMLElement): Promise<Outcome> {
  const checked = () => (el as HTMLInputElement).checked === true || el.getAttribute('aria-checked') === 'true';
  if (checked()) return ALREADY;
  if (isDisabled(el)) return fail('disabled');
  click(el);
  await settle();
  return checked() ? OK : fail('notKept');
}

/** The chips (already made entries) of a chip input's grid. */
function chipsOf(input: Element): HTMLElement[] {
  const grid = input.closest('mat-chip-grid, [role="grid"], mat-form-field, .mat-mdc-form-field') ?? input.parentElement;
  return grid ? query(grid, S.chip, true) : [];
}

export const hasChip = (input: Element, value: string): boolean =>
  chipsOf(input).some((c) => norm(c.textContent).includes(norm(value)));

/**
 * A chip input (§3.2 "press Enter to turn text into a chip", §4.3): the value only counts once the
 * chip exists. An address already there as a chip is not added twice.
 */
export async function addChip(input: HTMLElement, value: string, signal: AbortSignal): Promise<Outcome> {
  if (hasChip(input, value)) return ALREADY;
  if (isDisabled(input)) return fail('disabled');
  type(input as Input, value);
  key(input, 'keydown', 'Enter');
  key(input, 'keyup', 'Enter');
  const made = await waitFor(() => hasChip(input, value), signal, 5000).catch(() => false);
  return made ? OK : fail('noChip');
}

/**
 * One value in an "Add …" list (authorized domains §3.3, redirect URIs §3.6): not added twice; an
 * empty row is reused; otherwise the Add button makes a row (`URIs N`, `Authorized domain N`).
 * Rows are the named textboxes of the scope, or — inside a named group — any textbox of it.
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
    const named = findAll(row, scope);
    return named.length || !anyTextbox ? named : candidates('textbox', scope, true);
  };
  // A domain compares without case; a URI exactly (its path is case-sensitive, §5.6 exact matching).
  const same = (v: string) => (value.includes('/') ? v.trim() === value : v.trim().toLowerCase() === value.toLowerCase());
  if (rows().some((r) => same((r as Input).value))) return ALREADY;
  let empty = rows().find((r) => (r as Input).value.trim() === '');
  if (!empty) {
    const button = find(add, scope);
    if (!button) return fail('noButton');
    click(button);
    empty =
      (await waitFor(() => rows().find((r) => (r as Input).value.trim() === ''), signal, 8000).catch(() => null)) ?? undefined;
    if (!empty) return fail('notFound');
  }
  return setText(empty, value);
}

/** The values of a list's rows (to report what the page holds). */
export const rowValues = (scope: ParentNode, row: Target): string[] =>
  findAll(row, scope)
    .map((r) => (r as Input).value.trim())
    .filter(Boolean);
