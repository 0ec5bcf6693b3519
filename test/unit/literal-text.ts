/**
 * "Nothing user-visible is hard-coded", as a test: render a component with a pseudo-locale in which
 * every message comes back wrapped in ⟦…⟧, then every piece of text a person can see or hear must be
 * inside a wrapper. A literal in JSX ("Save", aria-label="Close", placeholder="https://…") shows up
 * unwrapped and is reported with where it sits.
 *
 * Why rendering and not a static scan of the JSX: it sees what really reaches the DOM — strings built
 * in code, ternaries, props passed down, attributes — and ignores code that never renders text.
 *
 * Allowed outside wrappers: whitespace, punctuation, symbols and digits (separators like " · ", state
 * icons), text inside aria-hidden subtrees, and the DATA values a test declares (an Odoo URL, an email,
 * a computed redirect URI: data, not language).
 */
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getMessage } from './setup';

export const OPEN = '⟦';
export const CLOSE = '⟧';

/** Switches the fake browser's i18n to the pseudo-locale (English text, wrapped). */
export function usePseudoLocale(): void {
  fakeBrowser.i18n.getMessage = vi.fn((name: string, subs?: string | string[]) => {
    const text = getMessage(name, subs);
    return text ? `${OPEN}${text}${CLOSE}` : '';
  }) as typeof fakeBrowser.i18n.getMessage;
}

/** Removes wrapped messages (innermost first: a message may carry another as a parameter). */
export function stripMessages(text: string): string {
  let previous: string;
  let current = text;
  do {
    previous = current;
    current = current.replace(/⟦[^⟦⟧]*⟧/g, '');
  } while (current !== previous);
  return current;
}

const NOT_LANGUAGE = /^[\s\p{P}\p{S}\p{N}]*$/u;
const TEXT_ATTRIBUTES = [
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
];

export interface Literal {
  where: string;
  text: string;
}

function describe(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = el.getAttribute('class') ? `.${el.getAttribute('class')?.trim().split(/\s+/).join('.')}` : '';
  return `<${el.tagName.toLowerCase()}${id}${cls}>`;
}

function leftover(text: string, data: readonly string[]): string {
  let rest = stripMessages(text);
  for (const value of [...data].sort((a, b) => b.length - a.length)) if (value) rest = rest.split(value).join('');
  return NOT_LANGUAGE.test(rest) ? '' : rest.trim();
}

/**
 * The literal (unlocalized) text under `root`. Text is judged per element — its own text nodes plus
 * inline leaves (`<code>`, `<strong>`, `<span>` …) in between — so a message split around inline
 * markup stays whole.
 */
export function findLiterals(root: Element, data: readonly string[] = []): Literal[] {
  const found: Literal[] = [];
  const hidden = (el: Element) =>
    el.getAttribute('aria-hidden') === 'true' || ['SCRIPT', 'STYLE', 'TEMPLATE'].includes(el.tagName);
  const report = (where: string, text: string) => {
    const rest = leftover(text, data);
    if (rest) found.push({ where, text: rest });
  };
  const attributes = (el: Element) => {
    for (const name of TEXT_ATTRIBUTES) {
      const value = el.getAttribute(name);
      if (value !== null) report(`${describe(el)} [${name}]`, value);
    }
    if (el.tagName === 'INPUT' && ['button', 'submit', 'reset'].includes(el.getAttribute('type') ?? '')) {
      report(`${describe(el)} [value]`, el.getAttribute('value') ?? '');
    }
  };
  const visit = (el: Element) => {
    if (hidden(el)) return;
    attributes(el);
    const run = [...el.childNodes]
      .map((n) => {
        if (n.nodeType === 3) return n.textContent ?? '';
        const child = n as Element;
        return n.nodeType === 1 && isInlineLeaf(child) && !hidden(child) ? (child.textContent ?? '') : '';
      })
      .join('');
    report(describe(el), run);
    for (const child of el.children) {
      if (!isInlineLeaf(child)) visit(child);
      else if (!hidden(child)) attributes(child);
    }
  };
  visit(root);
  return found;
}

const INLINE = new Set(['CODE', 'STRONG', 'EM', 'B', 'I', 'SPAN', 'KBD', 'SMALL']);
function isInlineLeaf(el: Element): boolean {
  return INLINE.has(el.tagName) && el.children.length === 0;
}
