/**
 * "Copy a report for the developers" (the field report): when a step falls back to guided manual mode,
 * the panel offers a structural snapshot of the page region the step looked at — so a Console that
 * differs from our replicas (google-console-2026.md: every point there is such a difference) can be
 * fixed from a report instead of a guess.
 *
 * What it holds: the URL path (no query values: `project=` is a project ID), the Console language
 * (`<html lang>`), and for each control, heading, section and dialog: its tag, role, accessible name,
 * `formcontrolname`, `type`, and its states (disabled, aria-disabled, looks-disabled, pressed, expanded,
 * collapsed, checked, selected, invalid, readonly, hidden). What it never holds: a field's value, an e-mail, a client ID, a secret,
 * a project ID — each is replaced by its kind (`<email>`, `<client-id>`, `<secret>`, `<project-id>`,
 * `<url>`, `<number>`, `<text:N chars>`), inside accessible names and attribute values too ("Copy to
 * clipboard: GOCSPX-…" → "Copy to clipboard: <secret>"). A field's value is shown only as its kind.
 * Static text is not copied, only the names of headings and labels (scrubbed the same way).
 *
 * Nothing is sent anywhere: the person copies it and pastes it into a new issue of the project.
 */
import { accName, visible } from './fill';
import * as S from './selectors';
import { isDisabled } from './widgets/events';

/** Kinds of values, most specific first (google-console.md §5.1 client ID, §5.2 secret, §5.4 project ID). */
const KINDS: [RegExp, string][] = [
  [/\d+-[a-z0-9]+\.apps\.googleusercontent\.com/gi, '<client-id>'],
  [/GOCSPX-[\w-]*/g, '<secret>'],
  [/\*{3,}[\w-]{0,8}/g, '<secret>'], // a masked secret, `****abcd` (google-console.md §5.2)
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi, '<url>'],
  [/[\w.%+-]+@[\w-]+(?:\.[\w-]+)*/g, '<email>'],
  [/\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\b/gi, '<url>'], // a host: odoo.com, acme.odoo.com
  // A project ID as the Console generates them ("my-project-123456", "our-foundry-442305-d3").
  [/\b(?=[a-z0-9-]*\d)[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/g, '<project-id>'],
  // An old 24-character secret, a token: long, mixed letters and digits.
  [/\b(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]{20,}\b/g, '<secret>'],
  [/\b\d{5,}\b/g, '<number>'], // a project number
];

/** The kind of one value: `<email>`, `<url>`, … or `<text:N chars>`; '' for an empty one. */
export function kindOf(value: string): string {
  const v = value.trim();
  if (!v) return '';
  for (const [re, kind] of KINDS) {
    re.lastIndex = 0;
    const m = re.exec(v);
    re.lastIndex = 0;
    if (m && m[0] === v) return kind;
  }
  return `<text:${[...v].length} chars>`;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const kinds = (text: string): string =>
  KINDS.reduce((out, [re, kind]) => out.replace(re, kind), text.replace(/\s+/g, ' ').trim());

/** A scrubber: every kind of value, then the page's own values (each input's, each chip's), as scrubbed alike. */
function scrubber(known: string[]): (text: string) => string {
  const own = new Map<string, string>();
  for (const value of known) {
    const scrubbed = kinds(value);
    // A value that is only kinds already (an address, a URL) is gone with them.
    if (scrubbed.length >= 3 && !/^(?:<[^>]+>\W*)+$/.test(scrubbed)) own.set(scrubbed.toLowerCase(), kindOf(value));
  }
  const list = [...own.keys()].sort((a, b) => b.length - a.length);
  const ownRe = list.length ? new RegExp(list.map(literal).join('|'), 'gi') : null;
  return (text) => {
    let out = kinds(text);
    if (ownRe) out = out.replace(ownRe, (v) => own.get(v.toLowerCase()) ?? '<text>');
    return out.length > 120 ? `${out.slice(0, 117)}…` : out;
  };
}

const ROLES =
  'button link textbox searchbox combobox listbox option radio checkbox switch menuitem tab heading group region radiogroup row alert status';
/** What goes into the report: controls, sections, headings, labels, dialogs, chips, options, Angular form hooks.
 *  Made when a report is (not when the module loads): the core imports this module's title only. */
const interesting = () =>
  `button,a[href],input:not([type=hidden]),select,textarea,main,form,fieldset,legend,label,mat-label,h1,h2,h3,h4,h5,h6,[formcontrolname],${ROLES.split(' ').map((r) => `[role=${r}]`)},${S.dialog},${S.chip},${S.option}`;
/** Controls whose value is the person's (not a radio's or a checkbox's `value`, which is the page's). */
const VALUED =
  'input:not([type=radio]):not([type=checkbox]):not([type=button]):not([type=submit]):not([type=reset]), textarea, select';
const TEXT_LABEL = 'label, mat-label, legend';
/** ARIA states: attribute, value, word in the report. */
const ARIA: [string, string, string][] = [
  ['aria-disabled', 'true', 'aria-disabled'],
  ['aria-pressed', 'true', 'pressed'],
  ['aria-expanded', 'true', 'expanded'],
  ['aria-expanded', 'false', 'collapsed'],
  ['aria-checked', 'true', 'checked'],
  ['aria-selected', 'true', 'selected'],
  ['aria-invalid', 'true', 'invalid'],
];

function states(el: Element): string[] {
  const e = el as HTMLInputElement;
  const out = e.disabled === true ? ['disabled'] : [];
  for (const [attr, value, word] of ARIA) if (el.getAttribute(attr) === value) out.push(word);
  // Disabled only by a wrapper's class or attribute (`mdc-radio--disabled`, fill.ts `isDisabled`).
  if (!out.length && isDisabled(el)) out.push('looks-disabled');
  if (e.checked === true && !out.includes('checked')) out.push('checked');
  if (e.readOnly === true) out.push('readonly');
  return out;
}

/** A wrapper (`main`, `form`, an Angular `formcontrolname` host without a role) is named by its own aria-label only. */
const wrapper = (el: Element) =>
  el.matches('main, form') || (el.hasAttribute('formcontrolname') && !el.hasAttribute('role') && !el.matches(VALUED));

export interface ReportInput {
  /** The checklist step and the step file whose fall-back this is. */
  step?: string;
  /** Why the step needs the person: the reason code and the label looked for (our own, not a value). */
  failure?: { code: string; field: string } | null;
  /** Where the step looked (its dialog, its section); default: `main` and the open overlays/dialogs. */
  region?: Element | null;
  /** Values the page must not show in the report besides the ones read from it (the Gmail address, …). */
  known?: (string | null | undefined)[];
  /** At most this many lines of structure (the report is pasted by hand). */
  maxLines?: number;
}

export const REPORT_TITLE = 'Gmail for Odoo — Console field report (structure only: no values; replaced by their kind)';

/** The structural report, as plain text for a bug report. Never throws: the fall-back must show regardless. */
export function fieldReport(input: ReportInput = {}): string {
  try {
    return build(input);
  } catch (error) {
    return `${REPORT_TITLE}\nreport failed: ${error instanceof Error ? error.name : 'error'}`;
  }
}

function build(input: ReportInput): string {
  const max = input.maxLines ?? 250;
  const main = document.querySelector('main') ?? document.body;
  const roots: Element[] = input.region
    ? [input.region]
    : [
        main,
        ...[...document.querySelectorAll(`${S.overlay}, ${S.dialog}`)].filter(
          (el) => !main.contains(el) && !el.parentElement?.closest(`${S.overlay}, ${S.dialog}`),
        ),
      ];
  // Every value the page holds now, read only to be left out.
  const known: string[] = input.known?.filter((k): k is string => !!k) ?? [];
  const project = new URL(location.href).searchParams.get('project');
  if (project) known.push(project);
  for (const root of roots) {
    for (const el of root.querySelectorAll(VALUED)) known.push((el as HTMLInputElement).value);
    for (const el of root.querySelectorAll(S.chip)) known.push(el.textContent ?? '');
  }
  const scrub = scrubber(known);

  const lines: string[] = [];
  let listed = 0;
  let skipped = 0;
  let hidden = 0;
  const describe = (el: Element, shown: boolean): string => {
    const role = el.getAttribute('role');
    const parts: string[] = [el.localName];
    if (role) parts.push(`role=${scrub(role)}`);
    const type = el.getAttribute('type');
    if (type && el.matches('input, button')) parts.push(`type=${scrub(type)}`);
    const fcn = el.getAttribute('formcontrolname');
    if (fcn) parts.push(`fcn=${scrub(fcn)}`);
    const name = el.matches(TEXT_LABEL)
      ? (el.textContent ?? '')
      : wrapper(el)
        ? (el.getAttribute('aria-label') ?? '')
        : accName(el);
    if (name.trim()) parts.push(`"${scrub(name)}"`);
    if (el.matches(VALUED)) {
      const value = (el as HTMLInputElement).value;
      parts.push(value.trim() ? `value=${kindOf(value)}` : 'empty');
    }
    parts.push(...states(el));
    if (!shown) parts.push('hidden');
    return parts.join(' ');
  };
  const selector = interesting();
  const walk = (node: ParentNode, depth: number): void => {
    for (const el of node.children) {
      if (el.localName === 'gmail-odoo-assistant' || el.matches('script, style, template, svg')) continue;
      const shown = visible(el);
      const take = el.matches(selector);
      if (take) {
        if (listed++ >= max) skipped++;
        else lines.push(`${'  '.repeat(depth)}${describe(el, shown)}`);
      }
      if (!shown) {
        hidden++;
        continue;
      }
      const inner = take ? depth + 1 : depth;
      if (el.shadowRoot) walk(el.shadowRoot, inner);
      walk(el, inner);
    }
  };
  for (const root of roots) {
    lines.push(describe(root, visible(root)));
    walk(root, 1);
  }

  const url = new URL(location.href);
  const query = [...new Set(url.searchParams.keys())].map((k) => `${scrub(k)}=…`).join('&');
  const head = [
    REPORT_TITLE,
    `path: ${scrub(url.pathname.replace(/;.*$/, ';…'))}${query ? `?${query}` : ''}`,
    `lang: ${scrub(document.documentElement.lang || '(none)')}`,
    ...(input.step ? [`step: ${scrub(input.step)}`] : []),
    ...(input.failure ? [`failure: ${scrub(input.failure.code)} — ${scrub(input.failure.field)}`] : []),
    `hidden subtrees not listed: ${hidden}${skipped ? `; lines left out: ${skipped}` : ''}`,
    '',
  ];
  return [...head, ...lines].join('\n');
}
