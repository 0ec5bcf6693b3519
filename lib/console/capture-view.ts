/**
 * The capture in the panel: ./capture.ts watches the client pages for the ID and secret; once the
 * background holds them, one click finishes the Odoo side from here — the background saves the ID and
 * secret in the person's Odoo, creates (or updates) the Gmail mail server and opens Google's consent page
 * for it (`finishInOdoo`). The panel only ever shows the Client ID.
 */
import { type Msg, msg, t, tm } from '../i18n';
import { sendMessage } from '../messaging';
import type { PanelView } from '../ui/panel';
import { watchCapture } from './capture';
import { clientIdOf, detectPage, type PageId } from './detect';
import type { Parts } from './parts';
import { consoleUrl } from './step';

/** A message that could not reach the background, as the panel says it. */
export const errorText = (e: unknown): Msg => msg('err.messaging', { detail: e instanceof Error ? e.message : String(e) });

/** Watches the client pages (the "OAuth client created" dialog can outlive the URL it started on) until aborted. */
export function startCapture(parts: Parts, page: PageId): AbortController {
  const { session, panel, report } = parts;
  const c = session.child();
  void watchCapture({
    signal: c.signal,
    clientIdHint: () => clientIdOf(location.href),
    expected: () => session.expected,
    async send(clientId, clientSecret) {
      const reply = await sendMessage('captureCredentials', { clientId, clientSecret }).catch(() => null);
      return !!reply?.ok;
    },
    onCaptured(clientId) {
      session.secretTaken();
      session.abortRun();
      captured(parts, clientId);
    },
    onMissed(clientId) {
      session.abortRun();
      const path = clientId ? `/auth/clients/${clientId}` : '/auth/clients';
      // Said on the page once the checklist holds it too (the popup and the panel agree).
      void report(detectPage(location.href) ?? page, {
        step: 'client',
        state: 'attention',
        reason: { code: 'secretMissed' },
        ...(clientId ? { facts: { clientId } } : {}),
      }).then(() =>
        panel.show({
          title: t('console.step.capture'),
          status: { text: t('console.status.secretMissed'), tone: 'warn' },
          links: [{ label: t('console.next.clientDetails'), href: consoleUrl(path, session.projectId) }],
        }),
      );
    },
  });
  return c;
}

function captured({ session, panel }: Parts, clientId: string): void {
  const known = session.known;
  const gmail = known?.gmail;
  const title = t('console.step.capture');
  const status = { text: t('console.status.captured', { clientId }), tone: 'ok' as const };
  if (!gmail || !known?.ready) {
    panel.show({ title, status: { ...status, text: `${status.text} ${t('console.status.continuePopup')}` } });
    return;
  }
  const view = (extra: Partial<PanelView>): PanelView => ({
    title,
    status,
    notes: [t('console.note.finishInOdoo', { email: gmail })],
    action: { label: t('console.action.finishInOdoo', { email: gmail }), run: finish },
    ...extra,
  });
  function finish(): void {
    panel.show(
      view({
        status: { text: t('console.status.finishing'), tone: 'busy' },
        action: { label: t('console.action.finishInOdoo', { email: gmail ?? '' }), disabled: true },
      }),
    );
    void sendMessage('finishInOdoo', {})
      .catch((e: unknown) => ({ ok: false as const, error: errorText(e) }))
      .then((reply) => {
        if (reply.ok) {
          panel.show({ title, status: { text: t('console.status.finished', { email: gmail ?? '' }), tone: 'ok' } });
          return;
        }
        panel.show(view({ status: { text: tm(reply.error), tone: 'warn' }, action: { label: t('panel.retry'), run: finish } }));
      });
  }
  panel.show(view({}));
  // "Set up Google Cloud for Odoo" goes on to Odoo by itself: the person's click in the popup asked for it.
  if (session.auto(known)) finish();
}
