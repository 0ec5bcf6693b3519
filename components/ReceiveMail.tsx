/**
 * "Also receive mail from this Gmail", offered once the outgoing side is done (a green Test Connection):
 * one click — the background creates or updates the incoming server and opens Google's consent, then runs
 * Odoo's Test & Confirm when the consent comes back — and what Odoo confirmed: the server's state, its
 * last fetch, and where the mail lands, with a warning when it lands nowhere (captures fact 20). Renders
 * from storage (`incomingItem`, through the popup's snapshot), so a popup reopened after Google's tab shows where it stands.
 */
import { browser } from 'wxt/browser';
import { ErrorLine, Text } from '@/components/Text';
import { useReply } from '@/components/use-reply';
import { type Msg, msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { Reply } from '@/lib/protocol';
import type { IncomingSetup } from '@/lib/state/incoming';

const formatTime = (at: number) =>
  new Date(at).toLocaleString(browser.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' });

function landingMsg(landing: NonNullable<IncomingSetup['server']>['landing']): Msg {
  if (landing.kind === 'model') return msg('incoming.landing.model', { name: landing.name });
  if (landing.kind === 'alias') return msg('incoming.landing.alias', { alias: landing.alias, name: landing.name });
  return msg('incoming.landing.nowhere');
}

/**
 * `stored` comes from the popup's one snapshot, already scoped to the current Odoo (lib/state/snapshot.ts);
 * a record for another address is nothing known.
 */
export function ReceiveMail({ stored, gmail }: { stored: IncomingSetup | null; gmail: string }) {
  const state = stored?.gmail === gmail ? stored : null;
  const reply = useReply();
  const busy = reply.sending || state?.status === 'working' || state?.status === 'confirming';

  const send = (name: 'receiveMail' | 'confirmIncoming') => {
    if (busy) return;
    // Only the error is used: either message's reply will do.
    const sent: Promise<Reply<unknown>> = sendMessage(name, {});
    void reply.send(() => sent);
  };

  const server = state?.server;
  const error = reply.error ?? (state?.error as Msg | null | undefined) ?? null;
  const confirmed = state?.status === 'confirmed';
  return (
    <section aria-labelledby="incoming-heading" class="odoo-block incoming" data-status={state?.status ?? 'none'}>
      <h3 id="incoming-heading">{t('incoming.heading')}</h3>
      {!confirmed && <p class="hint">{t('incoming.intro')}</p>}
      {state?.status === 'working' && <p role="status">{t('incoming.working')}</p>}
      {state?.status === 'waiting' && <p role="status">{t('incoming.waiting', { gmail })}</p>}
      {state?.status === 'confirming' && <p role="status">{t('incoming.confirming')}</p>}
      {confirmed && <p class="ok">{t('incoming.confirmed', { gmail })}</p>}
      {server && confirmed && (
        <>
          <p class={server.landing.kind === 'nowhere' ? 'warning' : 'ok'} data-landing={server.landing.kind}>
            <Text m={landingMsg(server.landing)} />
          </p>
          <p class="hint">
            {server.lastFetch ? t('incoming.lastFetch', { time: formatTime(server.lastFetch) }) : t('incoming.neverFetched')}
          </p>
        </>
      )}
      {state?.check && state.check.status !== 'ok' && (
        <p class="error" data-check={state.check.status}>
          {t(`incoming.check.${state.check.status}`)}
          {state.check.reading && <> {t(`incoming.reading.${state.check.reading}`)}</>}
        </p>
      )}
      {state?.check?.status === 'ok' && confirmed && <p class="hint">{t('incoming.check.ok')}</p>}
      <ErrorLine m={error} />
      {(state?.refusal?.odooText ?? state?.check?.odooText) && (
        <figure class="odoo-text">
          <figcaption>{t('monitor.odooSaid')}</figcaption>
          <pre>{state?.refusal?.odooText ?? state?.check?.odooText}</pre>
        </figure>
      )}
      {!confirmed && (
        <button type="button" class="primary" disabled={busy} onClick={() => send('receiveMail')}>
          {t('incoming.offer', { gmail })}
        </button>
      )}
      {state?.serverId && (state.status === 'failed' || confirmed) && (
        <button type="button" disabled={busy} onClick={() => send('confirmIncoming')}>
          {t('incoming.again')}
        </button>
      )}
    </section>
  );
}
