/**
 * The in-page panel: a small UI in an open shadow root (the Console's styles cannot reach it, and
 * it cannot restyle the Console), built with plain DOM. It shows the step, the values it will fill,
 * one main button, and — when a field could not be filled — the guided manual mode: the label to
 * look for, the value with a copy button, and the reason.
 *
 * It never covers the Console's own controls: it sits in the corner that overlaps the fewest of
 * them, re-chosen on every update, and the person can drag it (or move it with the arrow keys on
 * its handle) anywhere. It never shows the client secret.
 *
 * Where only the person may act (a click Google ignored, an agreement to tick), it points at Google's own
 * control: scrolled into view and outlined by a ring drawn in the panel's shadow root — Google's element
 * is not touched.
 *
 * Shared UI, not the assistant's own: the troubleshooter shows its diagnoses in the same panel, on Google's
 * sign-in error page and on Odoo's confirm page. So it depends on i18n alone, never on a feature folder.
 */
import { t } from '../i18n';

export interface ManualRow {
  label: string;
  /** What to enter; empty for a radio button or checkbox to choose. */
  value: string;
  reason: string;
}
/**
 * What the panel waits for when it is not the panel's own button — `data-state` on its region, for the tests
 * and assistive technology alike (test/e2e/console-fixtures.ts › PanelState):
 * - 'agreement': the User Data Policy box is the person's to tick; the panel points at it (2026 §14);
 * - 'click-google': Google ignored the assistant's click; the person clicks Google's highlighted button (2026 §5);
 * - 'tos': the Cloud Terms of Service dialog; 'mfa': the `/enable-mfa` redirect (2026 §11);
 * - 'blank': `main` stayed blank; Reload offered, up to 3 tries (2026 §12);
 * - 'consent-first': the clients page's "configure the consent screen first" bar (2026 §10);
 * - 'links-needed': "Publish app" disabled until Branding has its two links (2026 §1).
 */
export type PanelState = 'agreement' | 'click-google' | 'tos' | 'mfa' | 'blank' | 'consent-first' | 'links-needed';

export interface PanelView {
  title: string;
  /** What the panel waits for the person to do on Google's page (an interruption, an agreement). */
  state?: PanelState;
  status?: { text: string; tone?: 'ok' | 'warn' | 'busy' };
  values?: { label: string; value: string }[];
  /** Paragraphs of plain text (a diagnosis' cause, its fix, the details). */
  notes?: string[];
  /** One value to copy (a redirect URI, an address to add), with its label. */
  copy?: { label: string; value: string };
  action?: { label: string; run?: () => void; disabled?: boolean };
  manual?: { rows: ManualRow[]; lastly?: string };
  /** The fall-back's structural report of the page (lib/console/report.ts, no values), made when the person
   *  clicks "Copy a report for the developers". */
  report?: () => string | Promise<string>;
  links?: { label: string; href?: string; run?: () => void }[];
  /**
   * An element of Google's page the person acts on next (a button Google ignored the assistant's click on,
   * the User Data Policy box, the Terms of Service dialog): scrolled into view and outlined. Never clicked.
   */
  point?: Element;
}
export interface Panel {
  show(view: PanelView): void;
  /** Gives the keyboard focus to the panel's first control — unless the person is already in a field. */
  focus(): void;
  remove(): void;
}

const CSS = `
:host{all:initial}
section{position:fixed;z-index:2147483646;width:320px;max-height:70vh;overflow:auto;box-sizing:border-box;
 font:13px/1.4 system-ui,sans-serif;color:#1f1f1f;background:#fff;border:1px solid #c4c7c5;border-radius:10px;
 box-shadow:0 4px 16px rgba(0,0,0,.2);padding:0 12px 12px}
header{display:flex;align-items:center;gap:6px;margin:0 -12px 8px;padding:6px 8px;background:#f0f4f9;border-radius:10px 10px 0 0}
h2{flex:1;font-size:13px;margin:0}
button{font:inherit;cursor:pointer;border-radius:6px;border:1px solid #747775;background:#fff;padding:3px 8px}
.main{display:block;width:100%;margin-top:8px;padding:7px;background:#0b57d0;border-color:#0b57d0;color:#fff;font-weight:600}
.main:disabled{opacity:.6;cursor:default}
.handle{cursor:move;border:0;background:none;padding:0 4px}.handle::before{content:'⠿'/''}
:focus-visible{outline:2px solid #0b57d0;outline-offset:2px}
p{margin:4px 0}.status:empty{margin:0}.ok{color:#146c2e}.warn{color:#b3261e}.busy{color:#444}
dl{margin:4px 0;display:grid;grid-template-columns:auto 1fr;gap:2px 8px}dt{color:#444}dd{margin:0;word-break:break-all}
ol{margin:6px 0;padding-left:18px}li{margin:4px 0}code{word-break:break-all;background:#f1f3f4;padding:0 3px}
a{color:#0b57d0}.links{display:flex;flex-wrap:wrap;gap:6px;margin-top:8px}
.ring{position:fixed;z-index:2147483645;pointer-events:none;box-sizing:border-box;border:3px solid #e37400;border-radius:8px;
 box-shadow:0 0 0 4px rgba(227,116,0,.35)}
`;

type Child = Node | string | null | undefined | false;
function h(tag: string, props: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

/** A copy button: "Copy" for a value, or its own text for a value made on the click (the report). */
function copyButton(
  label: string,
  made: string | (() => string | Promise<string>),
  text?: { idle: string; done: string },
): HTMLElement {
  const button = text
    ? h('button', { type: 'button' }, text.idle)
    : h('button', { type: 'button', 'aria-label': t('panel.copyLabel', { label }) }, t('panel.copy'));
  button.onclick = async () => {
    const value = typeof made === 'string' ? made : await made();
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Clipboard API refused (no focus, Firefox policy): the classic selection copy.
      const area = h('textarea') as HTMLTextAreaElement;
      area.value = value;
      button.after(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    button.textContent = text?.done ?? t('panel.copied');
  };
  return button;
}

/**
 * A click a script made (`element.click()`, `dispatchEvent` — the Console's page could do either on an
 * open shadow root) is not the person's: the panel's buttons act only on a browser-made click, so no
 * page can make the assistant create something at Google or send the secret to Odoo.
 */
const byPerson = (e: Event) => e.isTrusted !== false;

const MARGIN = 16;
const INTERACTIVE = 'button, a[href], input, select, textarea, [role="button"], [role="combobox"], [role="link"]';
/** Google's dialogs (the same hook as selectors.ts `S.dialog`): the person acts there next, so they weigh most. */
const DIALOG = 'mat-dialog-container, .mat-mdc-dialog-container, [role="dialog"], [role="alertdialog"]';

export function createPanel(signal: AbortSignal): Panel {
  let host: HTMLElement | null = null;
  let box: HTMLElement;
  let body: HTMLElement;
  let title: HTMLElement;
  /** One live region for the whole life of the panel: screen readers announce a change of its text,
   *  not a live region that is inserted already filled. */
  let status: HTMLElement;
  let shadow: ShadowRoot;
  let header: HTMLElement;
  /** A control of the panel started some work: if the page holds no focus once it is done (the fill
   *  engine focused and blurred the Console's fields meanwhile), the focus comes back to the panel. */
  let resumeFocus = false;
  let moved = false;
  /** The ring around `pointed` (Google's control the person acts on next). */
  let ring: HTMLElement;
  let pointed: Element | null = null;

  const overlaps = (r: DOMRect, x: number, y: number, w: number, hgt: number) =>
    r.width > 0 && r.height > 0 && r.left < x + w && r.right > x && r.top < y + hgt && r.bottom > y;

  /**
   * The corner covering the fewest of the page's controls (ties keep the earlier corner); a corner over an
   * open dialog of the Console (where the person's next click is, e.g. "OAuth client created" › OK) only
   * when every corner is.
   */
  function place(): void {
    if (moved) return;
    const w = box.offsetWidth || 320;
    const hgt = box.offsetHeight || 200;
    const vw = document.documentElement.clientWidth || innerWidth;
    const vh = document.documentElement.clientHeight || innerHeight;
    const rects = [...document.querySelectorAll(INTERACTIVE)].map((e) => e.getBoundingClientRect());
    // The control the panel points at weighs like a dialog: the person's next click is there.
    const dialogs = [...document.querySelectorAll(DIALOG), ...(pointed ? [pointed] : [])].map((e) => e.getBoundingClientRect());
    const corners: [number, number][] = [
      [vw - w - MARGIN, vh - hgt - MARGIN],
      [MARGIN, vh - hgt - MARGIN],
      [vw - w - MARGIN, MARGIN + 56],
      [MARGIN, MARGIN + 56],
    ];
    let best = corners[0] ?? [MARGIN, MARGIN];
    let bestCount = Number.POSITIVE_INFINITY;
    for (const [x, y] of corners) {
      const count =
        rects.filter((r) => overlaps(r, x, y, w, hgt)).length + 1000 * dialogs.filter((r) => overlaps(r, x, y, w, hgt)).length;
      if (count < bestCount) [best, bestCount] = [[x, y], count];
    }
    box.style.left = `${Math.max(0, best[0])}px`;
    box.style.top = `${Math.max(0, best[1])}px`;
  }

  /** Keeps the ring on the pointed control (the page scrolls, a panel of the Console slides in). */
  function outline(): void {
    const shown = (el: Element & { checkVisibility?: () => boolean }) => el.isConnected && (el.checkVisibility?.() ?? true);
    const r = pointed && shown(pointed) ? pointed.getBoundingClientRect() : null;
    ring.hidden = !r;
    if (!r) return;
    Object.assign(ring.style, {
      left: `${r.left - 6}px`,
      top: `${r.top - 6}px`,
      width: `${r.width + 12}px`,
      height: `${r.height + 12}px`,
    });
  }

  function moveBy(dx: number, dy: number): void {
    moved = true;
    box.style.left = `${Math.max(0, box.offsetLeft + dx)}px`;
    box.style.top = `${Math.max(0, box.offsetTop + dy)}px`;
  }

  function mount(): void {
    host = document.createElement('gmail-odoo-assistant');
    // Open, so that assistive technology and accessibility checkers (axe) can read it like the page.
    shadow = host.attachShadow({ mode: 'open' });
    const handle = h('button', {
      type: 'button',
      class: 'handle',
      'aria-label': t('panel.move'),
      title: t('panel.moveHint'),
      'aria-keyshortcuts': 'ArrowUp ArrowDown ArrowLeft ArrowRight',
    });
    const toggle = h('button', { type: 'button', 'aria-expanded': 'true', 'aria-controls': 'body' }, t('panel.minimize'));
    title = h('h2');
    status = h('p', { role: 'status', class: 'status' });
    body = h('div', { id: 'body' });
    header = h('header', {}, handle, title, toggle);
    box = h('section', { role: 'region', 'aria-label': t('panel.region'), tabindex: '-1' }, header, status, body);
    ring = h('div', { class: 'ring', 'aria-hidden': 'true', hidden: '' });
    shadow.append(h('style', {}, CSS), ring, box);
    document.body.append(host);

    toggle.onclick = () => {
      const open = body.hidden;
      body.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      toggle.textContent = t(open ? 'panel.minimize' : 'panel.expand');
    };
    handle.onkeydown = (e) => {
      const step = { ArrowLeft: [-20, 0], ArrowRight: [20, 0], ArrowUp: [0, -20], ArrowDown: [0, 20] }[e.key];
      if (step) {
        e.preventDefault();
        moveBy(step[0] ?? 0, step[1] ?? 0);
      }
    };
    handle.onpointerdown = (e) => {
      let last = [e.clientX, e.clientY];
      const onMove = (m: PointerEvent) => {
        moveBy(m.clientX - (last[0] ?? 0), m.clientY - (last[1] ?? 0));
        last = [m.clientX, m.clientY];
      };
      window.addEventListener('pointermove', onMove);
      window.addEventListener('pointerup', () => window.removeEventListener('pointermove', onMove), { once: true });
    };
    window.addEventListener('resize', place, { signal });
    window.addEventListener('resize', outline, { signal });
    // Capture: the Console scrolls inside its own containers too (google-console.md §3.7 "the detail view scrolls inside its own container").
    window.addEventListener('scroll', outline, { signal, capture: true, passive: true });
  }

  function show(view: PanelView): void {
    if (!host?.isConnected) mount();
    // A keyboard user who pressed a button of the panel keeps their place in it when its content changes.
    const focused = shadow.activeElement;
    const lost = !document.activeElement || document.activeElement === document.body;
    const keepFocus = (!!focused && !header.contains(focused)) || (resumeFocus && lost);
    if (view.status?.tone !== 'busy') resumeFocus = false;
    title.textContent = view.title;
    if (view.state) box.dataset.state = view.state;
    else delete box.dataset.state;
    status.className = `status ${view.status?.tone ?? ''}`.trim();
    if (status.textContent !== (view.status?.text ?? '')) status.textContent = view.status?.text ?? '';
    const parts: Child[] = [];
    if (view.values?.length) {
      parts.push(
        h('p', {}, t('panel.willFill')),
        h('dl', {}, ...view.values.flatMap((v) => [h('dt', {}, v.label), h('dd', {}, v.value)])),
      );
    }
    for (const note of view.notes ?? []) parts.push(h('p', {}, note));
    if (view.copy) {
      parts.push(
        h('p', {}, view.copy.label, ' ', h('code', {}, view.copy.value), ' ', copyButton(view.copy.label, view.copy.value)),
      );
    }
    if (view.manual?.rows.length) {
      parts.push(
        h('p', { class: 'warn' }, h('strong', {}, t('panel.manualTitle'))),
        h(
          'ol',
          {},
          ...view.manual.rows.map((r) =>
            r.value
              ? h(
                  'li',
                  {},
                  t('panel.lookFor', { label: r.label }),
                  ' ',
                  h('code', {}, r.value),
                  ' ',
                  copyButton(r.label, r.value),
                  h('br'),
                  h('small', {}, r.reason),
                )
              : h('li', {}, t('panel.choose', { label: r.label }), h('br'), h('small', {}, r.reason)),
          ),
        ),
        view.manual.lastly && h('p', {}, view.manual.lastly),
      );
    }
    if (view.action) {
      const button = h('button', { type: 'button', class: 'main' }, view.action.label) as HTMLButtonElement;
      button.disabled = !!view.action.disabled || !view.action.run;
      const run = view.action.run;
      if (run)
        button.onclick = (e) => {
          if (!byPerson(e)) return;
          resumeFocus = true;
          run();
        };
      parts.push(button);
    }
    if (view.links?.length) {
      parts.push(
        h(
          'div',
          { class: 'links' },
          ...view.links.map((l) => {
            if (l.href) return h('a', { href: l.href }, l.label);
            const b = h('button', { type: 'button' }, l.label);
            const run = l.run;
            if (run)
              b.onclick = (e) => {
                if (!byPerson(e)) return;
                resumeFocus = true;
                run();
              };
            return b;
          }),
        ),
      );
    }
    // The field report comes last, after "Try again" and the links: it is for the developers, an aside to the
    // person's own next step — a keyboard user tabs from the value they copied straight to "Try again" (the order
    // on screen is the order of the Tab key).
    if (view.report) {
      const copy = copyButton('', view.report, { idle: t('panel.report'), done: t('panel.reportCopied') });
      parts.push(h('p', {}, copy, h('br'), h('small', {}, t('panel.reportHint'))));
    }
    body.replaceChildren(...parts.filter((p): p is Node | string => !!p));
    const point = view.point?.isConnected ? view.point : null;
    if (point && point !== pointed) point.scrollIntoView?.({ block: 'center', inline: 'nearest' });
    pointed = point;
    outline();
    if (keepFocus && (!shadow.activeElement || shadow.activeElement === box)) {
      const next = [...body.querySelectorAll<HTMLElement>('button, a[href]')].find((el) => !(el as HTMLButtonElement).disabled);
      (next ?? box).focus({ preventScroll: true });
    }
    place();
  }

  function focus(): void {
    if (!host?.isConnected) return;
    const active = document.activeElement;
    if (active && active !== document.body && active !== document.documentElement && active !== host) return;
    const first = [...body.querySelectorAll<HTMLElement>('button, a[href]')].find((el) => !(el as HTMLButtonElement).disabled);
    first?.focus({ preventScroll: true });
  }

  signal.addEventListener('abort', () => host?.remove(), { once: true });
  return { show, focus, remove: () => host?.remove() };
}
