/**
 * The accessible name of an element, as the fill engine reads a Console field (./fill.ts): the W3C
 * "Accessible Name and Description Computation 1.2" steps that dom-accessibility-api 0.7 follows
 * (aria-labelledby, aria-label, the host language's label — `label[for]`, a wrapping label, a legend, a
 * caption, alt, a button's value — then the content of roles named from it, then title), without
 * CSS pseudo-element content (the library reads none either unless given a getComputedStyle). Ours, so
 * the assistant does not carry the library's role tables; the library stays as the test oracle
 * (test/unit/console-accname.test.ts compares both on every field of the replica pages).
 *
 * Sources: docs/evidence/style.md §1.3 (testing-library's label order, which this name feeds).
 */

const PRESENTATION = ['presentation', 'none'];
const CONTROL = ['button', 'combobox', 'listbox', 'textbox', 'meter', 'progressbar', 'scrollbar', 'slider', 'spinbutton'];
const RANGE = CONTROL.slice(4);
const FROM_CONTENT =
  'button cell checkbox columnheader gridcell heading label legend link menuitem menuitemcheckbox menuitemradio option radio row rowheader switch tab tooltip treeitem'.split(
    ' ',
  );
/** The implicit roles the computation asks about (getRole's table, the roles it never tests left out). */
const TAG_ROLE: Record<string, string> = {
  button: 'button',
  summary: 'button',
  datalist: 'listbox',
  legend: 'legend',
  option: 'option',
  progress: 'progressbar',
  textarea: 'textbox',
  td: 'cell',
  th: 'columnheader',
  tr: 'row',
};
const GLOBAL_ARIA =
  /^aria-(atomic|busy|controls|current|description|describedby|details|dropeffect|flowto|grabbed|hidden|keyshortcuts|label|labelledby|live|owns|relevant|roledescription)$/;
const INPUT_ROLE: Record<string, string> = {
  button: 'button',
  image: 'button',
  reset: 'button',
  submit: 'button',
  checkbox: 'checkbox',
  radio: 'radio',
  range: 'slider',
  number: 'spinbutton',
};

type Ctx = { label?: boolean; ref?: boolean; rec?: boolean };

const isEl = (n: Node | null): n is Element => n?.nodeType === 1;
const tag = (n: Node): string => (isEl(n) ? n.localName : '');

function implicitRole(el: Element): string | null {
  const name = el.localName;
  if (/^h[1-6]$/.test(name)) return 'heading';
  if ((name === 'a' || name === 'area') && el.hasAttribute('href')) return 'link';
  if (name === 'img') return el.getAttribute('alt') === '' && !globalAria(el) ? 'presentation' : 'img';
  if (name === 'select') return el.hasAttribute('multiple') || (el as HTMLSelectElement).size > 1 ? 'listbox' : 'combobox';
  if (name === 'input') {
    const type = (el as HTMLInputElement).type;
    if (/^(email|tel|text|url|search)$/.test(type))
      return el.hasAttribute('list') ? 'combobox' : type === 'search' ? 'searchbox' : 'textbox';
    return INPUT_ROLE[type] ?? null;
  }
  return TAG_ROLE[name] ?? null;
}

const globalAria = (el: Element): boolean => [...el.attributes].some((a) => GLOBAL_ARIA.test(a.name));

function role(el: Element): string | null {
  const explicit = (el.getAttribute('role') ?? '').trim().split(' ')[0] || null;
  if (explicit && !PRESENTATION.includes(explicit)) return explicit;
  const implicit = implicitRole(el);
  return explicit && !globalAria(el) ? explicit : implicit;
}

const is = (n: Node, roles: string[]): boolean => isEl(n) && roles.includes(role(n) ?? '');

const idRefs = (el: Element, attr: string): Element[] => {
  const root = el.getRootNode() as Document | ShadowRoot;
  const ids = el.getAttribute(attr)?.split(' ') ?? [];
  return ids.map((id) => root.getElementById(id)).filter((e): e is HTMLElement => isEl(e));
};

/** The accessible name of `root` (the name, never the description; hidden elements skipped). */
export function accessibleName(root: Element): string {
  const consulted = new Set<Node>();
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element): CSSStyleDeclaration => {
    const s = styles.get(el) ?? getComputedStyle(el);
    styles.set(el, s);
    return s;
  };
  const hidden = (n: Node): boolean =>
    isEl(n) &&
    (n.hasAttribute('hidden') ||
      n.getAttribute('aria-hidden') === 'true' ||
      style(n).getPropertyValue('display') === 'none' ||
      style(n).getPropertyValue('visibility') === 'hidden');
  const attr = (el: Element, name: string): string | null => {
    const a = el.getAttributeNode(name);
    if (!a || consulted.has(a) || a.value.trim() === '') return null;
    consulted.add(a);
    return a.value;
  };

  function content(node: Node, label?: boolean): string {
    const slot = tag(node) === 'slot';
    const assigned = slot ? (node as HTMLSlotElement).assignedNodes() : [];
    const kids = assigned.length ? assigned : [...node.childNodes, ...(isEl(node) && !slot ? idRefs(node, 'aria-owns') : [])];
    let text = '';
    for (const child of kids) {
      const sep = isEl(child) && style(child).getPropertyValue('display') !== 'inline' ? ' ' : '';
      text += sep + compute(child, { label, rec: true }) + sep;
    }
    return text.trim();
  }

  function own(el: Element): string | null {
    const name = el.localName;
    const first = (child: string): string | null => {
      consulted.add(el);
      const hit = [...el.childNodes].find((c) => tag(c) === child);
      return hit ? compute(hit, {}) : null;
    };
    if (name === 'fieldset') {
      const legend = first('legend');
      if (legend !== null) return legend;
    } else if (name === 'table') {
      const caption = first('caption');
      if (caption !== null) return caption;
    } else if (name === 'svg') {
      consulted.add(el);
      return [...el.childNodes].find((c) => tag(c) === 'title')?.textContent ?? null;
    } else if (name === 'img' || name === 'area') {
      const alt = attr(el, 'alt');
      if (alt !== null) return alt;
    } else if (name === 'optgroup') {
      const label = attr(el, 'label');
      if (label !== null) return label;
    }
    const type = name === 'input' ? (el as HTMLInputElement).type : '';
    if (/^(button|submit|reset)$/.test(type)) {
      const value = attr(el, 'value');
      if (value !== null) return value;
      if (type === 'submit') return 'Submit';
      if (type === 'reset') return 'Reset';
    }
    const labels = (el as HTMLInputElement).labels;
    if (labels?.length) {
      consulted.add(el);
      return [...labels]
        .map((l) => compute(l, { label: true, rec: true }))
        .filter(Boolean)
        .join(' ');
    }
    if (type === 'image') return attr(el, 'alt') ?? attr(el, 'title') ?? 'Submit Query';
    if (is(el, ['button'])) return content(el) || null;
    return null;
  }

  function compute(node: Node, c: Ctx): string {
    if (consulted.has(node)) return '';
    if (hidden(node) && !c.ref) {
      consulted.add(node);
      return '';
    }
    const el = isEl(node) ? node : null;
    const by = el?.getAttributeNode('aria-labelledby');
    const refs = el && by && !consulted.has(by) ? idRefs(el, 'aria-labelledby') : [];
    if (!c.ref && by && refs.length) {
      consulted.add(by);
      return refs.map((r) => compute(r, { label: c.label, ref: true })).join(' ');
    }
    const skip = c.rec && is(node, CONTROL);
    if (el && !skip) {
      const aria = (el.getAttribute('aria-label') ?? '').trim();
      if (aria) {
        consulted.add(el);
        return aria;
      }
      if (!is(el, PRESENTATION)) {
        const text = own(el);
        if (text !== null) {
          consulted.add(el);
          return text;
        }
      }
    }
    if (is(node, ['menu'])) {
      consulted.add(node);
      return '';
    }
    if (el && (skip || c.label || c.ref)) {
      if (is(el, ['combobox', 'listbox'])) {
        consulted.add(el);
        const selected =
          el.localName === 'select'
            ? [...(el as HTMLSelectElement).selectedOptions]
            : [el, ...idRefs(el, 'aria-owns')].flatMap((r) => [...r.querySelectorAll('[aria-selected="true"]')]);
        if (!selected.length) return el.localName === 'input' ? (el as HTMLInputElement).value : '';
        return selected.map((o) => compute(o, { label: c.label, rec: true })).join(' ');
      }
      if (is(el, RANGE)) {
        consulted.add(el);
        return el.getAttribute('aria-valuetext') ?? el.getAttribute('aria-valuenow') ?? (el.getAttribute('value') || '');
      }
      if (is(el, ['textbox'])) {
        consulted.add(el);
        return /^(input|textarea)$/.test(el.localName) ? (el as HTMLInputElement).value : el.textContent || '';
      }
    }
    if (is(node, FROM_CONTENT) || (el && c.ref) || tag(node) === 'caption') {
      const text = content(node, c.label);
      if (text) {
        consulted.add(node);
        return text;
      }
    }
    if (node.nodeType === 3) {
      consulted.add(node);
      return node.textContent || '';
    }
    consulted.add(node);
    if (c.rec) return content(node, c.label);
    return (el && attr(el, 'title')) ?? '';
  }

  return compute(root, {}).trim().replace(/\s\s+/g, ' ');
}
