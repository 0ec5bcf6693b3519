/**
 * Reading the Client ID and secret from the "OAuth client created" dialog (google-console.md §3.7,
 * §3.10) — or from the dialog `Add secret` opens on a client's page — and handing them to the
 * background (`captureCredentials`: storage.session only). The secret is never written into the page,
 * never logged, never kept here beyond the message.
 *
 * Four ways to read, most exact first: the copy buttons named `Copy to clipboard: <value>`
 * (gclientid), the `Client ID` / `Client secret` term–definition pairs, the dialog's text (several
 * scripts regex it), then the values that sit only in attributes or fields — every `aria-label`,
 * `title` and input value (google-console-2026.md §9). Every value must pass the formats of google-console.md §5.1–5.2.
 * The secret may render a moment after the ID: it is awaited (observer, ~25 s) before the capture
 * counts as missed.
 *
 * "Add secret" on a client's page may open a side panel rather than a dialog, then ask to confirm, and
 * the new secret "is not reliably capturable from the transient dialog" (2026 §8): once the step asked
 * for a new secret (`CaptureHooks.expected`), the whole page is searched for a `GOCSPX-` secret that
 * was not on it before.
 */
import { asClientId, asClientSecret } from '../google/client-formats';
import { accName, matches, names, query, visible, waitFor } from './fill';
import type { Labels } from './selectors';
import * as S from './selectors';

export interface Found {
  clientId: string | null;
  secret: string | null;
}

/** How long a secret may take to render after the dialog shows (§3.7: "poll up to ~20–25 s"). */
export const SECRET_WAIT_MS = 25_000;

const id = asClientId;
// Unlabelled text only counts with the GOCSPX- prefix; a 24-character legacy secret needs its label.
const secret = (v: string, labelled: boolean) => (labelled || v.startsWith('GOCSPX-') ? asClientSecret(v) : null);

/** The words of the text nodes under `root`, outside icons and buttons (a copy icon's ligature text is no value). */
function words(root: Node): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement?.closest('button, mat-icon, cfc-icon, [aria-hidden="true"]')) continue;
    out.push(...(node.nodeValue ?? '').split(/\s+/).filter(Boolean));
  }
  return out;
}

/** The words of every `aria-label` and `title` under `root` (itself included) and of its fields' values (2026 §9). */
function attributeWords(root: Element): string[] {
  const out: string[] = [];
  for (const el of [root, ...query(root, '[aria-label], [title], input, textarea', true)]) {
    const field = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : null;
    for (const v of [el.getAttribute('aria-label'), el.getAttribute('title'), field])
      if (v) out.push(...v.split(/[\s,;"'()]+/).filter(Boolean));
  }
  return out;
}

/** Every `GOCSPX-` secret on the page now, wherever it sits (text, attributes, fields). */
export function secretsOn(root: Element): Set<string> {
  return new Set([...words(root), ...attributeWords(root)].map((w) => secret(w, false)).filter((v): v is string => !!v));
}

/** Reads the Client ID and secret under `root`; `skip`: secrets that do not count (already on the page before). */
export function readCredentials(root: Element, skip: ReadonlySet<string> = new Set()): Found {
  const found: Found = { clientId: null, secret: null };
  const take = (clientId: string | null, value: string | null) => {
    found.clientId ??= clientId;
    if (value && !skip.has(value)) found.secret ??= value;
  };
  // 1. Copy buttons: "Copy to clipboard: <value>" (the value keeps its case: read from the raw name).
  for (const button of query(root, 'button, [role="button"]', true)) {
    const name = (button.getAttribute('aria-label') ?? accName(button)).trim();
    if (!matches(name, names(S.copyPrefix))) continue;
    const value = name.slice(name.indexOf(':') + 1).trim();
    take(id(value), secret(value, true));
  }
  // 2. Term/definition pairs: "Client ID" → …, "Client secret" → ….
  const term = (labels: Labels) =>
    query(root, 'dt, [role="term"]', true)
      .filter((t) => matches(t.textContent, names(labels)))
      .flatMap((t) => {
        const def = t.nextElementSibling;
        return def?.matches('dd, [role="definition"]') ? words(def) : [];
      });
  take(
    term(S.clientIdTerm).map(id).find(Boolean) ?? null,
    term(S.clientSecretTerm)
      .map((w) => secret(w, true))
      .find(Boolean) ?? null,
  );
  // 3. The dialog's text; 4. values that sit only in attributes or fields (2026 §9).
  for (const all of [words(root), attributeWords(root)]) {
    take(all.map(id).find(Boolean) ?? null, all.map((w) => secret(w, false)).find((v) => v && !skip.has(v)) ?? null);
  }
  return found;
}

/**
 * The "OAuth client created" dialog by its title (AX dialog name or heading, §3.7), even before
 * its values render; any other dialog only once it shows a secret (an added secret's dialog, whose
 * title the reference does not give). A dialog that merely mentions a Client ID is not one.
 */
function isCredentialsDialog(d: Element): boolean {
  const titles = [accName(d), ...query(d, 'h1, h2, h3, [role="heading"]').map((e) => e.textContent)];
  return titles.some((x) => matches(x, names(S.clientCreated))) || !!readCredentials(d).secret;
}

function openDialogs(): HTMLElement[] {
  const light = query(document, S.dialog);
  return (light.length ? light : query(document, S.dialog, true)).filter(visible);
}

export interface CaptureHooks {
  signal: AbortSignal;
  /** The client whose page this is (an added secret's dialog may not repeat the ID). */
  clientIdHint(): string | null;
  send(clientId: string, clientSecret: string): Promise<boolean>;
  onCaptured(clientId: string): void;
  onMissed(clientId: string | null): void;
  /**
   * The person asked for a new secret on this page ("Add secret", 2026 §8): the secrets that were on the
   * page before, which do not count; null when none was asked for.
   */
  expected?(): ReadonlySet<string> | null;
}

/** Watches for credential dialogs until aborted; each dialog is read once. */
export async function watchCapture(h: CaptureHooks): Promise<void> {
  const seen = new WeakSet<Element>();
  /** Secrets already read here: each is handed over once. */
  const taken = new Set<string>();
  const skipped = () => new Set([...(h.expected?.() ?? []), ...taken]);
  /** After "Add secret": the page itself, once a secret shows that was not there before (a side panel, 2026 §8). */
  const page = () => {
    if (!h.expected?.()) return null;
    const skip = skipped();
    return [...secretsOn(document.body)].some((v) => !skip.has(v)) ? document.body : null;
  };
  while (!h.signal.aborted) {
    const dialog = await waitFor(
      () => openDialogs().find((d) => !seen.has(d) && isCredentialsDialog(d)) ?? page(),
      h.signal,
      24 * 3600_000,
      200,
    ).catch(() => null);
    if (!dialog) return;
    const skip = skipped();
    if (dialog !== document.body) seen.add(dialog);
    const got = await waitFor(
      () => {
        const r = readCredentials(dialog, skip);
        return r.secret || !dialog.isConnected ? r : null;
      },
      h.signal,
      SECRET_WAIT_MS,
      100,
    ).catch(() => readCredentials(dialog, skip));
    if (got.secret) taken.add(got.secret);
    const clientId = got.clientId ?? h.clientIdHint();
    if (clientId && got.secret && (await h.send(clientId, got.secret))) h.onCaptured(clientId);
    else if (!h.signal.aborted) h.onMissed(clientId);
  }
}
