/**
 * The one way the assistant clicks a button on Google's page, and waits for the person where only the
 * person may act (never a click into a dead end; the person's agreements stay theirs). Every step clicks through `press`; the fill engine's own
 * widget clicks (an option, a radio) check their control the same way (fill.ts `check`, `choose`).
 *
 * - **Never a dead end.** A disabled button is never clicked: `press` waits (an observer) for Angular to
 *   enable it — Next/Save/Create turn enabled once the form is valid — and gives up without clicking.
 * - **A click Google ignores is handed to the person.** Google may ignore untrusted clicks on its final
 *   Create buttons (google-console-2026.md §5, conflicting evidence: treated as possible). When a click
 *   changes nothing within a few seconds, the panel scrolls to Google's own button, highlights it and asks
 *   the person to click it; the assistant keeps watching and goes on by itself once the page changed. The
 *   person's click is the one action this costs.
 * - **Agreements stay the person's.** The Google API Services User Data Policy box (2026 §14) is never
 *   ticked here: `waitForTick` waits for the person's own tick, a trusted event on the box.
 *
 * Every wait is a MutationObserver or an event listener tied to an AbortSignal — never a sleep.
 */
import { query, TimeoutError, visible, waitFor } from './fill';
import * as S from './selectors';
import { click, isDisabled } from './widgets/events';

/** How long the page may take; the unit tests shorten these. */
export const TIMING = {
  /** A button that is disabled until the form is valid (Next, Save, Create). */
  enabledMs: 5000,
  /** A click the page has not answered by then was ignored (2026 §5). */
  ignoredMs: 5000,
  /** A `main` still blank after this is an interruption with a Reload (2026 §12). */
  blankMs: 6000,
  /** How long a page may take to show its content before it is "not ready yet" (google-console.md §4.6: content loads after the URL). */
  pageMs: 20_000,
};

/** Far enough to mean "as long as the page is there" (the signal ends it first). */
export const DAY = 24 * 3600_000;

/** A timeout is an answer (false); an abort is not and goes on up. */
export const orFalse = (error: unknown): false => {
  if (error instanceof TimeoutError) return false;
  throw error;
};

/** A control a click would do nothing on: disabled (attribute, property, `aria-disabled`, a disabled fieldset) or inert. */
export function isOff(el: Element): boolean {
  let disabled = false;
  try {
    disabled = el.matches(':disabled');
  } catch {
    // A browser without `:disabled` on this element: the attribute checks below decide.
  }
  return disabled || isDisabled(el) || !!el.closest('[inert]');
}

/** Resolves true once `el` is enabled (now or after Angular validated the form), false after `ms`. */
export const whenEnabled = (el: Element, signal: AbortSignal, ms = TIMING.enabledMs): Promise<boolean> =>
  isOff(el) ? waitFor(() => el.isConnected && !isOff(el), signal, ms).catch(orFalse) : Promise.resolve(true);

/** The assistant's own panel (its open shadow root): never evidence that Google's page changed. */
const ours = (el: Element) => {
  const root = el.getRootNode();
  return root instanceof ShadowRoot && root.host.localName === 'gmail-odoo-assistant';
};

/** What answers a click without being the next page: a dialog, an error, a progress indicator, a notification. */
const REACTIONS = `${S.dialog}, [role="alert"], [role="status"], [role="progressbar"], mat-error, mat-progress-bar, mat-spinner, ${S.submissionError}`;

/**
 * A snapshot of the page around a click; the returned probe says whether the page changed since: another
 * address, the button gone, disabled or busy, a new dialog, error, progress indicator or notification, or
 * new text in the button's form or dialog (a validation message under a field).
 */
function changeAfter(button: HTMLElement): () => boolean {
  const href = location.href;
  const shown = () => query(document, REACTIONS, true).filter((e) => !ours(e) && visible(e));
  const before = new Set(shown());
  const area = button.closest(`form, ${S.dialog}, ${S.main}`) ?? document.body;
  const text = area.textContent;
  return () =>
    location.href !== href ||
    !button.isConnected ||
    !visible(button) ||
    isOff(button) ||
    button.getAttribute('aria-busy') === 'true' ||
    !area.isConnected ||
    area.textContent !== text ||
    shown().some((e) => !before.has(e));
}

/**
 * The Cloud Terms of Service dialog of a first project (`cfc-tos-checkboxes`, google-console.md §3.1,
 * 2026 §11), when it shows: it blocks the page until the person accepted it.
 */
export function termsDialog(): HTMLElement | null {
  const boxes = document.querySelector(S.tos);
  if (!boxes || !visible(boxes)) return null;
  return (boxes.closest(S.dialog) as HTMLElement | null) ?? (boxes as HTMLElement);
}

export type Pressed = { ok: true; handedOver: boolean } | { ok: false };

export interface PressOptions {
  /** Ends the press (the page changed under it); its waits reject with the signal's reason. */
  signal: AbortSignal;
  /** Watches what the click does; default `signal`. A click that leaves the page (a final Create) is watched longer. */
  watch?: AbortSignal;
  /** The page's own answer to the click (the next section, the address listed); a generic change counts too. */
  answered?: () => unknown;
  /** A first click that changes nothing gets a second one before the person is asked (google-console.md §3.4: latchkey's double click). */
  again?: boolean;
  /** Google ignored the click: show the person its button (scrolled to, highlighted) and ask for their click. */
  handOver?: (button: HTMLElement) => void;
  /** Called right after the assistant's click (the run then knows the click was made). */
  clicked?: () => void;
}

/**
 * Clicks `button` once it is enabled — never while it is disabled. With `handOver`, a click the page does not
 * answer within `TIMING.ignoredMs` is handed to the person, and the press resolves once the page changed.
 */
export async function press(button: HTMLElement, o: PressOptions): Promise<Pressed> {
  if (o.signal.aborted) throw o.signal.reason;
  if (!(await whenEnabled(button, o.signal))) return { ok: false };
  // Behind the Terms of Service dialog a person's click reaches nothing: wait until the person accepted it.
  const tos = termsDialog();
  if (tos && !tos.contains(button)) await waitFor(() => !termsDialog(), o.signal, DAY, 250);
  if (isOff(button) || !button.isConnected) return { ok: false };
  const changed = changeAfter(button);
  const answered = () => changed() || !!o.answered?.();
  const watch = o.watch ?? o.signal;
  click(button);
  o.clicked?.();
  if (!o.handOver) return { ok: true, handedOver: false };
  if (await waitFor(answered, watch, TIMING.ignoredMs).catch(orFalse)) return { ok: true, handedOver: false };
  if (o.again && button.isConnected && !isOff(button)) {
    click(button);
    if (await waitFor(answered, watch, TIMING.ignoredMs).catch(orFalse)) return { ok: true, handedOver: false };
  }
  o.handOver(button);
  await waitFor(answered, watch, DAY, 100);
  return { ok: true, handedOver: true };
}

/** A checkbox (native or `role=checkbox`) is ticked. */
export const ticked = (box: Element): boolean =>
  (box as HTMLInputElement).checked === true || box.getAttribute('aria-checked') === 'true';

/**
 * Waits for the person to tick `box` themselves — an agreement is theirs (2026 §14). Resolves once the box
 * is ticked after a trusted event (the browser's, for the person's click, key or touch) on the box, its
 * label or its wrapper; at once when it is ticked already. The assistant dispatches nothing on it.
 */
export function waitForTick(box: HTMLElement, signal: AbortSignal): Promise<void> {
  if (ticked(box)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const wrapper = box.closest('label, mat-checkbox, .mat-mdc-checkbox, .mdc-form-field') ?? box;
    const labels = [...((box as HTMLInputElement).labels ?? [])];
    const mine = (t: EventTarget | undefined) => t instanceof Node && (wrapper.contains(t) || labels.some((l) => l.contains(t)));
    let trusted = false;
    const check = () => {
      if (trusted && ticked(box)) finish(resolve);
    };
    const onEvent = (e: Event) => {
      if (e.isTrusted !== true || !mine(e.composedPath()[0])) return;
      trusted = true;
      // The browser ticks the box after the click's listeners ran.
      setTimeout(check, 0);
    };
    const observer = new MutationObserver(check);
    const onAbort = () => finish(() => reject(signal.reason));
    function finish(then: () => void): void {
      observer.disconnect();
      for (const type of ['click', 'change']) document.removeEventListener(type, onEvent, true);
      signal.removeEventListener('abort', onAbort);
      then();
    }
    observer.observe(wrapper, { attributes: true, subtree: true });
    for (const type of ['click', 'change']) document.addEventListener(type, onEvent, true);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
