/**
 * Odoo 19 personal mail servers (captures facts 23–28). `ConnectMine`: the short path of a user who is not an
 * administrator — what to know first (the account Google must be given, a test user when the company's app is
 * in Testing, the per-minute limit, "Use Custom Email Servers"), one click, Google's consent, and Odoo's test,
 * each failure in plain words. `PersonalServers`: the administrator's list of who has connected. Both render
 * what the background stored or answered; the user's record comes from the popup's snapshot.
 */
import { useEffect, useState } from 'preact/hooks';
import { ErrorLine } from '@/components/Text';
import { useReply } from '@/components/use-reply';
import { type Msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { PersonalList } from '@/lib/odoo/gmail-personal';
import type { Reply } from '@/lib/protocol';
import type { PersonalSetup } from '@/lib/state/personal';

/** `stored`: the snapshot's record, already about the current Odoo; `email`: the user's Odoo address (the probe). */
export function ConnectMine({ stored, email }: { stored: PersonalSetup | null; email: string | null }) {
  const reply = useReply();
  const status = stored?.status ?? 'idle';
  const busy = reply.sending || status === 'working' || status === 'testing';
  const address = stored?.email ?? email;

  // What Odoo holds for the user now ("Use Custom Email Servers", their server): read once per open.
  useEffect(() => {
    void sendMessage('readMine', {}).catch(() => undefined);
  }, []);

  const send = (name: 'connectMine' | 'testMine') => {
    if (busy) return;
    // Only the error is used: either message's reply will do.
    const sent: Promise<Reply<unknown>> = sendMessage(name, {});
    void reply.send(() => sent);
  };

  const error = reply.error ?? (stored?.error as Msg | null | undefined) ?? null;
  const connected = status === 'connected';
  return (
    <section aria-labelledby="personal-heading" class="odoo-block personal" data-status={status}>
      <h2 id="personal-heading">{t('personal.heading')}</h2>
      {!connected && <p class="hint">{t('personal.intro')}</p>}
      {address ? (
        !connected && <p class="warning">{t('personal.chooseAccount', { email: address })}</p>
      ) : (
        <p class="warning">{t('personal.noEmail')}</p>
      )}
      {!connected && address && <p class="hint">{t('personal.testUser', { email: address })}</p>}
      {stored?.customServers === false && <p class="warning">{t('personal.customServersOff')}</p>}
      {/* A user cannot read ir.config_parameter: Odoo's default, said as such (fact 27). */}
      <p class="hint">{t('personal.limitDefault')}</p>
      {status === 'working' && <p role="status">{t('personal.working')}</p>}
      {status === 'waiting' && address && <p role="status">{t('personal.waiting', { email: address })}</p>}
      {status === 'testing' && <p role="status">{t('personal.testing')}</p>}
      {connected && stored?.server && <p class="ok">{t('personal.connected', { server: stored.server })}</p>}
      {!connected && stored?.server && <p class="hint">{t('personal.hasServer', { server: stored.server })}</p>}
      <ErrorLine m={error} />
      {stored?.odooText && (
        <figure class="odoo-text">
          <figcaption>{t('monitor.odooSaid')}</figcaption>
          <pre>{stored.odooText}</pre>
        </figure>
      )}
      {!connected && (
        <button type="button" class="primary" disabled={busy || !address} onClick={() => send('connectMine')}>
          {t('personal.button')}
        </button>
      )}
      {stored?.server && (
        <button type="button" disabled={busy} onClick={() => send('testMine')}>
          {t('personal.again')}
        </button>
      )}
    </section>
  );
}

/**
 * The administrator's view (fact 28): one row per personal server — its user, its address, pending or active,
 * and whether a refresh token is stored (counted by a search, never read). No "last test": Odoo keeps no record
 * of a test, and the extension runs none on someone else's server.
 */
export function PersonalServers() {
  const [list, setList] = useState<PersonalList | null>(null);
  const [error, setError] = useState<Msg | null>(null);
  useEffect(() => {
    sendMessage('listPersonal', {})
      .then((r) => (r.ok ? setList(r.value) : setError(r.error)))
      .catch(() => undefined);
  }, []);
  return <PersonalServersView list={list} error={error} />;
}

/** What the administrator's list shows, from the background's answer. */
export function PersonalServersView({ list, error }: { list: PersonalList | null; error: Msg | null }) {
  if (!list && !error) return null;
  return (
    <section aria-labelledby="personal-list-heading" class="odoo-block personal-list">
      <h3 id="personal-list-heading">{t('personal.admin.heading')}</h3>
      {list && <p class="hint">{t('personal.admin.intro', { limit: list.limit })}</p>}
      <ErrorLine m={error} />
      {list && list.servers.length === 0 && <p>{t('personal.admin.none')}</p>}
      {list && list.servers.length > 0 && (
        <ul>
          {list.servers.map((s) => (
            <li key={s.id} data-active={s.active ? 'true' : 'false'} data-token={s.token ? 'true' : 'false'}>
              {t('personal.admin.row', { user: s.owner.name, address: s.address ?? '—' })}
              {' · '}
              {t(s.active ? 'personal.admin.active' : 'personal.admin.pending')}
              {' · '}
              {t(s.token ? 'personal.admin.token' : 'personal.admin.noToken')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
