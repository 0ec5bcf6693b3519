/**
 * The fill engine's finding half: find a Console field the way a person reads it, and wait for it. Every
 * wait is a MutationObserver tied to an AbortSignal with a timeout — never a sleep. Setting a field and
 * reading it back is its widget's (./widgets/: text, select, chips, checkbox, uri-row).
 *
 * Sources: google-console.md §4 (robustness notes), docs/evidence/style.md §1.3 (testing-library
 * label order, `setNativeValue`, Angular's DefaultValueAccessor and MatSelectHarness).
 */
import { accessibleName } from './accname';
import type { Labels, Role, Target, Text } from './selectors';
import * as S from './selectors';

/** Every text of a label, in both languages. */
export const names = (l: Labels): Text[] => [...l.en, ...l.vi];

/** The label a person should look for, in the Console's language (`<html lang>`), for manual mode. */
export function shownLabel(l: Labels, lang = document.documentElement.lang): string {
  const list = lang.toLowerCase().startsWith('vi') ? l.vi : l.en;
  const first = list.find((x) => typeof x === 'string') ?? l.en.find((x) => typeof x === 'string');
  return typeof first === 'string' ? first : '';
}

/**
 * Vietnamese tone-mark placement (2026 §6): in the open rhymes "oa", "oe", "uy" Google writes the mark
 * on the second vowel ("uỷ", "xoá", "khoá"), other texts on the first ("ủy", "xóa", "khóa"); NFC keeps
 * them apart. Both read as the second-vowel form. (Marks: grave, acute, tilde, hook above, dot below.)
 */
function toneOnSecond(text: string): string {
  const marks = text.normalize('NFD');
  if (marks === text) return text;
  return marks
    .replace(/([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])|([uU])([\u0300\u0301\u0303\u0309\u0323])([yY])/g, (...m) =>
      m[1] ? `${m[1]}${m[3]}${m[2]}` : `${m[4]}${m[6]}${m[5]}`,
    )
    .normalize('NFC');
}

/**
 * British spellings read as American ones (2026 §3: "Authorised redirect URIs", "organisation"): only a
 * word on its own — never inside an address, a host or an ID ("organisation@…", "authorised-app-123").
 */
const american = (lower: string): string =>
  lower.replace(/(?<![\w@.-])(authori|organi)s(?=(?:e|ed|es|ing|ation|ations)(?![\w@-]|\.\w))/g, '$1z');

/** The text as compared, case kept: NFC, invisible characters dropped, whitespace collapsed, one tone placement,
 *  a leading "+" and a trailing "*"/":" removed. `norm` is its lower case; both have the same length. */
function clean(text: string | null | undefined): string {
  return toneOnSecond(
    (text ?? '')
      .normalize('NFC')
      .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  )
    .replace(/^\+\s*/, '')
    .replace(/\s*[*:]$/, '');
}

/** Lower case, whitespace collapsed, invisible characters dropped, a leading "+" and a trailing "*"/":" removed,
 *  British spellings and both Vietnamese tone placements folded to one form (selectors.ts › Normalization). */
export function norm(text: string | null | undefined): string {
  return american(clean(text).toLowerCase());
}

/** Labels are few and compared often: normalized once. */
const normLabels = new Map<string, string>();
const normLabel = (label: string): string => {
  const known = normLabels.get(label);
  if (known !== undefined) return known;
  const n = norm(label);
  normLabels.set(label, n);
  return n;
};

const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/**
 * How well a name matches one label (selectors.ts › The matching rule): 2 = the whole name (or the RegExp);
 * 1 = the name begins with the label, at a word boundary, and goes on with a new phrase (a capital, a
 * digit, punctuation — a description); 0 = no match. `prefix` false: whole names only (buttons).
 */
function grade(raw: string, n: string, label: Text, prefix: boolean): 0 | 1 | 2 {
  if (typeof label !== 'string') return label.test(n) ? 2 : 0;
  const l = normLabel(label);
  if (l === '' || n === '') return 0;
  if (n === l) return 2;
  if (!prefix || !n.startsWith(l)) return 0;
  const c = clean(raw);
  if (c.length !== n.length) return 0; // a case change altered the length: no position to compare
  const next = c[l.length] ?? '';
  const last = c[l.length - 1] ?? '';
  const cased = LOWER.test(c);
  if (next === ' ') {
    const after = c[l.length + 1] ?? '';
    if (/[\p{P}\p{S}\p{N}]/u.test(after)) return 1;
    return cased && LETTER.test(after) && !LOWER.test(after) ? 1 : 0;
  }
  // "External—Available", "Name (required)", "Copy: …": punctuation that opens a description.
  if (/[:([—–|·,;]/.test(next)) return 1;
  // "ExternalAvailable to…": two text nodes joined without a space (an inline description).
  return cased && LOWER.test(last) && LETTER.test(next) && !LOWER.test(next) ? 1 : 0;
}

/** The best grade of a text against a list of labels (0 when none matches). */
export function matchGrade(text: string | null | undefined, list: readonly Text[], prefix = true): 0 | 1 | 2 {
  const raw = text ?? '';
  const n = norm(raw);
  let best: 0 | 1 | 2 = 0;
  for (const t of list) {
    const g = grade(raw, n, t, prefix);
    if (g > best) best = g;
    if (best === 2) break;
  }
  return best;
}

/** The text reads as one of the labels: the whole of it, or the label then a description. */
export const matches = (text: string | null | undefined, list: readonly Text[]): boolean => matchGrade(text, list) > 0;

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

/** The visible elements under `root` that can have `role`. */
export function candidates(role: Role, root: ParentNode, deep: boolean): HTMLElement[] {
  const [selector, roles] = ROLES[role];
  return query(root, selector, deep).filter((e) => {
    const explicit = e.getAttribute('role');
    return (!explicit || roles.includes(explicit)) && visible(e);
  });
}

/** Every textbox, whatever its name (the rows an "Add" button makes, ./widgets/uri-row.ts). */
export const TEXTBOXES = ROLES.textbox[0];

export const accName = accessibleName;

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

/** A control that has no name of its own — nothing, or only its placeholder (2026 §4: "no label and no type"). */
const unnamed = (el: Element): boolean => {
  const name = norm(accName(el));
  return name === '' || name === norm(el.getAttribute('placeholder'));
};

/**
 * The tiers of selectors.ts › "How a target is found"; the first that finds anything wins. `rows`: the rows
 * of a list ("Authorized domain 1", "Authorized domain 2", …): the name tier takes the whole name and the
 * prefix alike — else a list whose first row's name is a label ("Authorized domain 1") would show that row only.
 */
function findAllIn(t: Target, root: ParentNode, deep: boolean, rows = false): HTMLElement[] {
  const els = candidates(t.role, root, deep);
  const list = names(t.names);
  // A button's name is its label: a longer one is another button ("Create credentials").
  const prefix = t.role !== 'button';
  const graded = els.map((e) => [e, matchGrade(accName(e), list, prefix)] as const);
  // 1. Role and the whole accessible name (every row of a list: whole or prefix).
  let found = graded.filter(([, g]) => g === 2 || (rows && g === 1)).map(([e]) => e);
  // 2. formcontrolname on the control or its wrapper; the `cfc-select` itself is the combobox (2026 §7).
  if (!found.length && t.fcn) {
    const hook = `[formcontrolname="${t.fcn}"]`;
    found = els.filter((e) => e.closest(hook));
    if (!found.length && t.role === 'combobox') found = query(root, `cfc-select${hook}, mat-select${hook}`, deep).filter(visible);
  }
  // 3. The accessible name begins with the label, then a description (2026 §2).
  if (!found.length) found = graded.filter(([, g]) => g === 1).map(([e]) => e);
  // 4. The label texts a person sees: whole, then with a description.
  if (!found.length) {
    const byLabel = els.map((e) => [e, Math.max(0, ...labelTexts(e).map((x) => matchGrade(x, list, prefix)))] as const);
    found = byLabel.filter(([, g]) => g === 2).map(([e]) => e);
    if (!found.length) found = byLabel.filter(([, g]) => g === 1).map(([e]) => e);
  }
  // 5. A label-less control inside its section (2026 §4).
  if (!found.length && t.within) {
    const section = findGroup(t.within.section, t.within.hook);
    if (section && (root === document || (root as Node).contains(section)))
      found = candidates(t.role, section, deep).filter(unnamed);
  }
  // 6. A structural hook of the reference (§4.1).
  if (!found.length && t.css) found = query(root, t.css, deep).filter(visible);
  return found;
}

/** Every visible element for a target: document first, then through open shadow roots (§4.5). */
export function findAll(t: Target, root: ParentNode = document): HTMLElement[] {
  const light = findAllIn(t, root, false);
  return light.length ? light : findAllIn(t, root, true);
}

/** Every row of a list (authorized domains, URIs): like `findAll`, the first row's own name not hiding the others. */
export function findRows(t: Target, root: ParentNode = document): HTMLElement[] {
  const light = findAllIn(t, root, false, true);
  return light.length ? light : findAllIn(t, root, true, true);
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
 * The container of the `nth` visible `button` (document order) that holds no other such button: "the
 * second `Add URI` on the page belongs to redirect URIs" (§3.6, Spanish script). Null when the page has
 * fewer such buttons, or when they share their parent (no section of their own to tell apart).
 */
function owner(button: Target, nth: number): HTMLElement | null {
  const all = findAll(button);
  const mine = all[nth];
  let section: HTMLElement | null = null;
  for (let el = mine?.parentElement; el && el !== document.body; el = el.parentElement) {
    if (all.some((b) => b !== mine && el.contains(b))) break;
    section = el;
  }
  return section;
}

/**
 * A section by its name: an AX group (`role=group` "Authorized redirect URIs", §3.6), else the
 * closest container of its heading text that holds `inside` (the section's own Add button) — and only
 * that one: a container holding two is the form, not the section — else, structurally, the container
 * of the button `t.owns` names (a Vietnamese heading worded otherwise than our list, 2026 §6).
 */
export function findGroup(t: Target, inside: Target): HTMLElement | null {
  const group = find(t);
  if (group) return group;
  const heading = findText(t.names);
  for (let el = heading?.parentElement; el; el = el.parentElement) {
    const hits = findAll(inside, el).length;
    if (hits === 1) return el;
    if (hits > 1) break;
  }
  return t.owns ? owner(t.owns.button, t.owns.nth) : null;
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
