/**
 * "Set up Odoo": the Gmail module, the Client ID and secret, the outgoing server, "Connect
 * your Gmail account" and the monitor. Every button sends one message; the background does the work
 * and stores the outcome, so this panel renders from storage — a popup that closed during a tab
 * switch (Firefox) shows the result when it is opened again. The secret leaves this page with the
 * message that hands it to the background and is not kept here.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ReceiveMail } from '@/components/ReceiveMail';
import { ErrorLine, Text } from '@/components/Text';
import { consoleLink } from '@/lib/google/console-urls';
import { parseClientId, parseClientSecret, parseClientSecretJson } from '@/lib/google/formats';
import { type Msg, msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ProbeResult } from '@/lib/odoo/probe';
import type { Reply } from '@/lib/protocol';
import { type MonitorState, type OdooGmailState, type OdooOp, verdictOf } from '@/lib/setup/odoo-state';
import type { Setup } from '@/lib/setup/setup';
import type { IncomingSetup } from '@/lib/state/incoming';
import type { GoogleState } from '@/lib/state/items';

const STALE_MS = 6 * 60_000;

interface Props {
  setup: Setup;
  probe: ProbeResult;
  state: OdooGmailState | null;
  monitor: MonitorState | null;
  google: GoogleState | null;
  /** "Also receive mail" on this Odoo, from the same snapshot. */
  incoming: IncomingSetup | null;
}

type Pending = { clientId: string | null; hasSecret: boolean; source: 'console' | 'json' | 'paste' | null };

const formatTime = (at: number) =>
  new Date(at).toLocaleString(browser.i18n.getUILanguage(), { dateStyle: 'medium', timeStyle: 'short' });

export function OdooPanel({ setup, probe, state, monitor, google, incoming }: Props) {
  // The snapshot's: about this Odoo already (lib/state/snapshot.ts).
  const s = state;
  const storedBusy = s?.running && Date.now() - s.running.at < STALE_MS ? s.running.op : null;
  const [clicked, setClicked] = useState<OdooOp | null>(null);
  const busy = clicked ?? storedBusy;
  const [replyErrors, setReplyErrors] = useState<Partial<Record<OdooOp, Msg>>>({});
  const errorOf = (op: OdooOp): Msg | undefined => replyErrors[op] ?? (s?.errors[op]?.error as Msg | undefined);

  const run = async <T,>(op: OdooOp, send: () => Promise<Reply<T>>): Promise<Reply<T> | null> => {
    if (busy) return null;
    setClicked(op);
    setReplyErrors((e) => ({ ...e, [op]: undefined }));
    try {
      const reply = await send();
      if (!reply.ok) setReplyErrors((e) => ({ ...e, [op]: reply.error }));
      return reply;
    } catch (error) {
      setReplyErrors((e) => ({ ...e, [op]: msg('err.messaging', { detail: error instanceof Error ? error.message : '?' }) }));
      return null;
    } finally {
      setClicked(null);
    }
  };

  const gmail = setup.gmail;
  const server = s?.server && s.server.gmail === gmail ? s.server : null;
  const m = monitor && server && monitor.serverId === server.id ? monitor : null;

  // Back from Google's tab with the consent pending: look for the token now.
  const rechecked = useRef(false);
  useEffect(() => {
    if (rechecked.current || s?.connect?.status !== 'waiting') return;
    rechecked.current = true;
    void sendMessage('checkGmail', { trigger: 'popup' }).catch(() => undefined);
  }, [s?.connect?.status]);

  return (
    <section aria-labelledby="odoo-heading" class="odoo-panel" aria-busy={!!busy}>
      <h2 id="odoo-heading">{t('odoo.heading')}</h2>
      <p class="hint">{t('odoo.intro')}</p>
      {/* A neutralized copy sends no mail by design (odoo-gmail.md §9.1): said before any step. */}
      {probe.odoo?.neutralized && (
        <p class="warning" role="note">
          {t('odoo.neutralized', { db: probe.odoo.db })}
        </p>
      )}
      {busy && (
        <p class="running" role="status">
          {t(`odoo.running.${busy}`)}
        </p>
      )}
      <ModuleBlock
        probe={probe}
        busy={!!busy}
        error={errorOf('module')}
        onInstall={() => run('module', () => sendMessage('installGmailModule', {}))}
      />
      <CredentialsBlock state={s} google={google} busy={!!busy} error={errorOf('credentials')} run={run} />
      <section aria-labelledby="server-heading" class="odoo-block">
        <h3 id="server-heading">{t('odoo.server.heading')}</h3>
        {gmail ? <p class="hint">{t('odoo.server.for', { gmail })}</p> : <p class="hint">{t('odoo.server.needGmail')}</p>}
        {server && (
          <p class="ok">
            <Text m={msg(`step.server.${server.action}`, { name: server.name, gmail: server.gmail })} />
          </p>
        )}
        <ErrorLine m={errorOf('server')} />
        <button type="button" disabled={!!busy || !gmail} onClick={() => run('server', () => sendMessage('setupMailServer', {}))}>
          {t(server ? 'odoo.server.update' : 'odoo.server.create')}
        </button>
      </section>
      {server && gmail && (
        <ConnectBlock
          gmail={gmail}
          setup={setup}
          google={google}
          state={s}
          monitor={m}
          busy={!!busy}
          error={errorOf('connect')}
          onConnect={() => run('connect', () => sendMessage('connectGmail', {}))}
        />
      )}
      {server && (
        <MonitorBlock
          monitor={m}
          busy={!!busy}
          error={errorOf('check')}
          onTest={() => run('check', () => sendMessage('checkGmail', { trigger: 'manual' }))}
        />
      )}
      {/* The outgoing side is done (a green Test Connection): receiving is offered. */}
      {server && gmail && m?.status === 'ok' && <ReceiveMail stored={incoming} gmail={gmail} />}
    </section>
  );
}

function ModuleBlock({ probe, busy, error, onInstall }: { probe: ProbeResult; busy: boolean; error?: Msg; onInstall(): void }) {
  const module = probe.gmailModule;
  if (!module) return null;
  const uninstalled = module.state === 'uninstalled';
  const outdated = module.state === 'installed' && module.outdated;
  if (!uninstalled && !outdated && !error) return null;
  return (
    <section aria-labelledby="module-heading" class="odoo-block">
      <h3 id="module-heading">{t('odoo.module.heading')}</h3>
      {uninstalled && <p>{t('odoo.module.uninstalled')}</p>}
      {outdated && (
        <p>{t('odoo.module.outdated', { dbVersion: module.dbVersion ?? '?', codeVersion: module.codeVersion ?? '?' })}</p>
      )}
      <ErrorLine m={error} />
      {(uninstalled || outdated) && (
        <button type="button" class="primary" disabled={busy} onClick={onInstall}>
          {t(uninstalled ? 'odoo.module.install' : 'odoo.module.upgrade')}
        </button>
      )}
    </section>
  );
}

function CredentialsBlock({
  state,
  google,
  busy,
  error,
  run,
}: {
  state: OdooGmailState | null;
  google: GoogleState | null;
  busy: boolean;
  error?: Msg;
  run: <T>(op: OdooOp, send: () => Promise<Reply<T>>) => Promise<Reply<T> | null>;
}) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [showForm, setShowForm] = useState(false);
  const [justSaved, setJustSaved] = useState(false);
  const [clientId, setClientId] = useState('');
  const [secret, setSecret] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ clientId?: Msg; secret?: Msg; file?: Msg }>({});
  const saved = state?.credentials ?? null;

  const refresh = () =>
    sendMessage('pendingCredentials', {})
      .then((r) => r.ok && setPending(r.value))
      .catch(() => undefined);
  // Re-read when the Console assistant captures new credentials, or after a save.
  useEffect(() => {
    void refresh();
  }, [google?.secretCapturedAt, saved?.at]);

  const save = async () => {
    const reply = await run('credentials', () => sendMessage('saveCredentialsToOdoo', {}));
    await refresh();
    if (reply?.ok) {
      setShowForm(false);
      setJustSaved(true);
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const id = parseClientId(clientId);
    const sec = parseClientSecret(secret);
    const errors = { ...(id.ok ? {} : { clientId: id.error }), ...(sec.ok ? {} : { secret: sec.error }) };
    setFieldErrors(errors);
    if (!id.ok || !sec.ok) return;
    const handed = await sendMessage('setCredentials', { clientId: id.value, clientSecret: sec.value, source: 'paste' });
    // The background has it (or refused it): this page does not keep the secret.
    setSecret('');
    if (!handed.ok) {
      setFieldErrors({ secret: handed.error });
      return;
    }
    setClientId('');
    await save();
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const parsed = parseClientSecretJson(await file.text());
    if (!parsed.ok) {
      setFieldErrors({ file: parsed.error });
      return;
    }
    const handed = await sendMessage('setCredentials', {
      clientId: parsed.clientId,
      clientSecret: parsed.clientSecret,
      source: 'json',
    });
    if (!handed.ok) {
      setFieldErrors({ file: handed.error });
      return;
    }
    setFieldErrors({});
    setShowForm(false);
    await refresh();
  };

  const ready = pending?.hasSecret && pending.clientId && pending.source;
  const form = showForm || (!ready && !saved);
  // Captured once, gone now (browser or extension restarted before Odoo got it): say so, point to "Add secret".
  const lostClientId =
    google?.clientId && google.secretCapturedAt && pending && !pending.hasSecret && saved?.clientId !== google.clientId
      ? google.clientId
      : null;

  return (
    <section aria-labelledby="credentials-heading" class="odoo-block">
      <h3 id="credentials-heading">{t('odoo.credentials.heading')}</h3>
      {saved && !ready && (
        <p class="ok">
          {t(saved.found ? 'step.credentials.found' : 'odoo.credentials.saved', { clientId: saved.clientId })}
          {justSaved && ` ${t('odoo.credentials.settingsOpened')}`}
        </p>
      )}
      {ready && !showForm && (
        <>
          <p>
            {t('odoo.credentials.ready', {
              clientId: pending.clientId ?? '',
              source: t(`odoo.credentials.source.${pending.source ?? 'paste'}`),
            })}
          </p>
          <ErrorLine m={error} />
          <button type="button" class="primary" disabled={busy} onClick={save}>
            {t('odoo.credentials.save')}
          </button>
        </>
      )}
      {lostClientId && (
        <div class="secret-gone">
          <p class="warning">{t('odoo.credentials.secretGone', { clientId: lostClientId })}</p>
          <a href={consoleLink(`/auth/clients/${lostClientId}`, google?.projectId)} target="_blank" rel="noreferrer">
            {t('odoo.credentials.addSecret')}
          </a>
        </div>
      )}
      {form ? (
        <form onSubmit={submit} noValidate class="credentials-form">
          <div class="field">
            <label for="gmailClientId">{t('odoo.credentials.clientId')}</label>
            <input
              id="gmailClientId"
              type="text"
              autoComplete="off"
              spellcheck={false}
              value={clientId}
              aria-invalid={fieldErrors.clientId ? 'true' : 'false'}
              aria-describedby="gmailClientId-messages"
              onInput={(e) => setClientId(e.currentTarget.value)}
            />
            <div id="gmailClientId-messages">
              <ErrorLine m={fieldErrors.clientId} />
            </div>
          </div>
          <div class="field">
            <label for="gmailClientSecret">{t('odoo.credentials.clientSecret')}</label>
            <input
              id="gmailClientSecret"
              type="password"
              autoComplete="off"
              value={secret}
              aria-invalid={fieldErrors.secret ? 'true' : 'false'}
              aria-describedby="gmailClientSecret-messages"
              onInput={(e) => setSecret(e.currentTarget.value)}
            />
            <div id="gmailClientSecret-messages">
              <ErrorLine m={fieldErrors.secret} />
            </div>
          </div>
          {!ready && <ErrorLine m={error} />}
          <button type="submit" class="primary" disabled={busy}>
            {t('odoo.credentials.save')}
          </button>
          <div class="field import">
            <label for="gmailClientJson">{t('odoo.credentials.import')}</label>
            <input id="gmailClientJson" type="file" accept=".json,application/json" onChange={importFile} />
            <ErrorLine m={fieldErrors.file} />
          </div>
        </form>
      ) : (
        <button type="button" class="link" onClick={() => setShowForm(true)}>
          {t('odoo.credentials.replace')}
        </button>
      )}
    </section>
  );
}

function ConnectBlock({
  gmail,
  setup,
  google,
  state,
  monitor,
  busy,
  error,
  onConnect,
}: {
  gmail: string;
  setup: Setup;
  google: GoogleState | null;
  state: OdooGmailState | null;
  monitor: MonitorState | null;
  busy: boolean;
  error?: Msg;
  onConnect(): void;
}) {
  // External app in Testing (as seen on the Console, or presumed for a personal account): test users only (P5, P6).
  const externalTesting =
    google?.audience === 'external'
      ? google.publishing !== 'production'
      : google?.audience == null && setup.accountType === 'personal';
  const revoked =
    monitor?.test?.reading === 'tokenRevoked' ||
    monitor?.test?.reading === 'tokenRefused' ||
    (monitor?.token === false && !!monitor.lastGreenAt);
  const again = revoked || !!monitor?.token || !!monitor?.lastGreenAt;
  const waiting = state?.connect?.status === 'waiting';
  return (
    <section aria-labelledby="connect-heading" class="odoo-block">
      <h3 id="connect-heading">{t('odoo.connect.heading')}</h3>
      <p>{t('odoo.connect.chooseAccount', { gmail })}</p>
      {externalTesting && <p class="warning">{t('odoo.connect.testUser', { gmail })}</p>}
      {waiting && <p class="hint">{t('odoo.connect.waiting')}</p>}
      <ErrorLine m={error} />
      <button type="button" class={revoked || !monitor?.token ? 'primary' : ''} disabled={busy} onClick={onConnect}>
        {t(again ? 'odoo.connect.reconnect' : 'odoo.connect.button')}
      </button>
    </section>
  );
}

function MonitorBlock({
  monitor,
  busy,
  error,
  onTest,
}: {
  monitor: MonitorState | null;
  busy: boolean;
  error?: Msg;
  onTest(): void;
}) {
  const red = monitor && verdictOf(monitor.status) === 'red';
  return (
    <section aria-labelledby="monitor-heading" class="odoo-block monitor">
      <h3 id="monitor-heading">{t('monitor.heading')}</h3>
      <div class="monitor-status" data-status={monitor?.status ?? 'none'}>
        {monitor ? (
          <>
            <p class={monitor.status === 'ok' ? 'ok' : red ? 'error' : 'warning'}>{t(`monitor.status.${monitor.status}`)}</p>
            {monitor.test?.reading && <p>{t(`monitor.reading.${monitor.test.reading}`)}</p>}
            {monitor.test?.odooText && (
              <figure class="odoo-text">
                <figcaption>{t('monitor.odooSaid')}</figcaption>
                <pre>{monitor.test.odooText}</pre>
              </figure>
            )}
            {/* Technical detail for whoever helps the person ("HTTP 502", Odoo's message): data under a label. */}
            {monitor.detail && <p class="hint">{t('monitor.details', { detail: monitor.detail })}</p>}
            <p class="hint">{t('monitor.lastCheck', { time: formatTime(monitor.at) })}</p>
          </>
        ) : (
          <p class="hint">{t('monitor.never')}</p>
        )}
      </div>
      <ErrorLine m={error} />
      <button type="button" disabled={busy} onClick={onTest}>
        {t('odoo.test.button')}
      </button>
    </section>
  );
}
