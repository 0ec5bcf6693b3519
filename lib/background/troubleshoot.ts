/**
 * The troubleshooter's background side:
 * - `diagnoseSignIn`: the content script on Google's sign-in error page sends what the page's URL
 *   says; the diagnosis is made here, with what only the extension knows (Odoo's redirect URI, the
 *   registered ones, the address, the project and client), stored, and sent back for the page's panel;
 * - Odoo's `/google_gmail/confirm` answers: the Odoo origin is granted at runtime, so no content script
 *   is declared for it — the tab's title and text are read with `scripting.executeScript` when a tab of
 *   the stored Odoo origin finishes loading that path, and the panel is injected the same way;
 * - `freezeBaseUrl`: sets `web.base.url` to the value the person confirmed and `web.base.url.freeze`;
 * - every diagnosis is dropped once a later fact proves its fix (lib/troubleshoot/store.ts `unresolved`).
 */
import { browser } from 'wxt/browser';
import { type AuthErrorCode, KNOWN_AUTH_ERRORS } from '../google/auth-error';
import { msg } from '../i18n';
import { setFrozenBaseUrl } from '../odoo/base-url';
import { odooErrorMsg } from '../odoo/error-messages';
import { odooSettingsLink } from '../odoo/urls';
import type { Reply, SignInErrorReport } from '../protocol';
import { troubleshootContext as deriveTroubleshootContext, evidence } from '../state/derive';
import { diagnosesItem, googleItem, monitorItem, odooGmailItem, probeItem, publishChoiceItem, setupItem } from '../state/items';
import { readSnapshot } from '../state/snapshot';
import { diagnoseConfirmPage, isConfirmUrl } from '../troubleshoot/odoo-confirm';
import { PANEL_GLOBAL } from '../troubleshoot/panel-global';
import { type Diagnosis, diagnoseSignInError, type TroubleshootContext } from '../troubleshoot/sign-in';
import { type DiagnosisSource, toStored, unresolved, withDiagnosis } from '../troubleshoot/store';
import { diagnosisView } from '../troubleshoot/view';
import type { PanelView } from '../ui/panel';
import { parseUrl } from '../url';
import { hasOriginPermission, probeStoredOdoo } from './odoo-connection';
import { odooContext } from './odoo-context';
import { readSnapshotWithFacts } from './public-suffix';
import { proposePublishLinks } from './publish-links';

/**
 * The troubleshooter's view of what the extension knows, from one snapshot (lib/state/derive.ts), with the
 * public-suffix facts of its hosts and of `extra` (the redirect URI Google reported).
 */
export async function troubleshootContext(extra: readonly string[] = []): Promise<TroubleshootContext> {
  return deriveTroubleshootContext(await readSnapshotWithFacts(extra));
}

async function remember(d: Diagnosis, source: DiagnosisSource, origin: string | null): Promise<void> {
  await diagnosesItem.update((list) => withDiagnosis(list, toStored(d, source, origin, Date.now())));
}

export async function diagnoseSignIn(report: SignInErrorReport): Promise<Reply<Diagnosis>> {
  const ctx = await troubleshootContext(report.redirectUri ? [report.redirectUri] : []);
  const known = (KNOWN_AUTH_ERRORS as readonly string[]).includes(report.code) ? (report.code as AuthErrorCode) : null;
  const diagnosis = diagnoseSignInError({ ...report, known }, ctx);
  await remember(diagnosis, 'signIn', ctx.odooOrigin ?? null);
  return { ok: true, value: diagnosis };
}

// ---------------------------------------------------------------------------------------------
// Odoo's /google_gmail/confirm answers.

export const PANEL_SCRIPT = '/diagnosis-panel.js';

/** Runs in the Odoo tab (serialized by executeScript): what a person reads there, bounded. */
export function readPage(): { title: string; text: string } {
  return { title: document.title.slice(0, 300), text: (document.body?.innerText ?? '').slice(0, 4000) };
}

/** Runs in the Odoo tab, in the same isolated world as the panel script injected just before. */
function showPanel(name: string, view: PanelView): void {
  const show = (globalThis as unknown as Record<string, ((v: PanelView) => void) | undefined>)[name];
  show?.(view);
}

export async function onConfirmTab(
  tabId: number,
  href: string | undefined,
  status: string | undefined,
): Promise<Diagnosis | null> {
  if (status !== 'complete' || !href) return null;
  const url = parseUrl(href);
  if (!url) return null;
  if (!isConfirmUrl(url)) return null;
  const { setup, probe } = await readSnapshot();
  const origin = setup?.odooOrigin;
  if (!origin || url.origin !== origin || !(await hasOriginPermission(origin))) return null;
  const [read] = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, func: readPage });
  const page = read?.result as { title?: unknown; text?: unknown } | undefined;
  const title = typeof page?.title === 'string' ? page.title : '';
  const text = typeof page?.text === 'string' ? page.text : '';
  const odoo = probe?.odoo;
  const diagnosis = diagnoseConfirmPage(href, title, text, {
    moduleOutdated: !!probe?.gmailModule?.outdated,
    notAdmin: !!probe && (probe.status === 'notAdmin' || odoo?.isSystem === false),
    odooMajor: odoo?.major ?? null,
    gmail: setup.gmail,
    appsLink: `${origin}/odoo/apps`,
    settingsLink: odooSettingsLink(origin, odoo?.major, odoo?.minor),
  });
  if (!diagnosis) return null;
  await remember(diagnosis, 'confirm', origin);
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [PANEL_SCRIPT] });
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: showPanel,
      args: [PANEL_GLOBAL, diagnosisView(diagnosis, origin)],
    });
  } catch {
    // The tab moved on or was closed: the popup's checklist still shows the diagnosis.
  }
  return diagnosis;
}

// ---------------------------------------------------------------------------------------------
// web.base.url + web.base.url.freeze (odoo-gmail.md §9, field-notes P1–P3).

export async function freezeBaseUrl({ baseUrl }: { baseUrl: string }): Promise<Reply<{ baseUrl: string }>> {
  let value: string;
  try {
    const url = new URL(baseUrl);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) throw new TypeError();
    value = url.origin;
  } catch {
    return { ok: false, error: msg('prevent.freeze.badUrl', { value: baseUrl }) };
  }
  const context = await odooContext();
  if (!context.ok) return context;
  const { origin } = context.ctx;
  try {
    await setFrozenBaseUrl(origin, value);
  } catch (error) {
    return { ok: false, error: odooErrorMsg(error) };
  }
  // The checklist, the computed redirect URI and the warnings read the probe: read Odoo again.
  await probeStoredOdoo();
  return { ok: true, value: { baseUrl: value } };
}

/** Testing or production for an External app (the 7-day trap, P6): production makes the Audience page guide "Publish app". */
export async function choosePublishing({ choice }: { choice: 'testing' | 'production' }): Promise<Reply<null>> {
  await publishChoiceItem.set(choice);
  // Google wants an App home page and a privacy policy link before Publish app (2026 §1): the Odoo website's, if any.
  if (choice === 'production') await proposePublishLinks();
  return { ok: true, value: null };
}

// ---------------------------------------------------------------------------------------------
// Clearing what a later fact proved fixed.

export async function clearVerified(): Promise<void> {
  // The stored list, not the snapshot's: `unresolved` drops another Odoo's diagnoses once one is set up,
  // and keeps them all while none is.
  const [list, snapshot] = await Promise.all([diagnosesItem.get(), readSnapshot()]);
  if (list.length === 0) return;
  const left = unresolved(list, evidence(snapshot));
  if (left.length !== list.length) await diagnosesItem.set(left);
}

export function watchTroubleshooting(): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    void onConfirmTab(tabId, tab.url ?? change.url, change.status).catch(() => undefined);
  });
  const recheck = () => void clearVerified().catch(() => undefined);
  monitorItem.watch(recheck);
  googleItem.watch(recheck);
  probeItem.watch(recheck);
  odooGmailItem.watch(recheck);
  setupItem.watch(recheck);
}
