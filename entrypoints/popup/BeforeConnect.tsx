/**
 * "Before you connect": the troubleshooter's preventive checks (lib/troubleshoot/prevent.ts)
 * from what the extension knows — Odoo's web.base.url and the address in use, the registered redirect
 * URIs, the account type, the audience and publishing status, the test users, the Odoo edition. Two
 * checks come with an action the extension performs on an explicit click: freezing web.base.url (after
 * the person confirms the value) and, on Odoo 19 Enterprise, connecting through Odoo's own relay.
 */
import { useState } from 'preact/hooks';
import { CopyField } from '@/components/CopyField';
import { Text } from '@/components/Text';
import { useReply } from '@/components/use-reply';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ProbeResult } from '@/lib/odoo/probe';
import type { Reply } from '@/lib/protocol';
import type { Setup } from '@/lib/setup/setup';
import { authorizedDomains, preventInput } from '@/lib/state/derive';
import type { Snapshot } from '@/lib/state/snapshot';
import { preventiveChecks, type Warning } from '@/lib/troubleshoot/prevent';

interface Props {
  /** What the extension remembers, each record about this Odoo (lib/state/snapshot.ts). */
  snapshot: Snapshot;
  /** The snapshot's setup and probe, known to be there (the popup shows this section only then). */
  setup: Setup;
  probe: ProbeResult;
}

export function BeforeConnect(props: Props) {
  const input = preventInput(props.snapshot, Date.now());
  const warnings = input ? preventiveChecks(input) : [];
  // The seed FAQ's "Forbidden": the Odoo side's module block upgrades it (Connect is held back until then).
  const outdated = !!props.probe.gmailModule?.outdated;
  if (warnings.length === 0 && !outdated) return null;
  return (
    <section aria-labelledby="prevent-heading" class="prevent">
      <h2 id="prevent-heading">{t('prevent.heading')}</h2>
      <ul class="prevent-list">
        {outdated && (
          <li class="prevent-item prevent-warn" data-warning="moduleOutdated">
            <p>
              <strong>{t('prevent.moduleOutdated.title')}</strong>
            </p>
            <p>{t('prevent.moduleOutdated.cause')}</p>
            <a href="#module-heading">{t('prevent.moduleOutdated.fix')}</a>
          </li>
        )}
        {warnings.map((w) => (
          <WarningItem
            key={w.id}
            w={w}
            setup={props.setup}
            probe={props.probe}
            domains={authorizedDomains(props.snapshot)}
            choice={props.snapshot.publishChoice}
            links={props.snapshot.publishLinks}
          />
        ))}
      </ul>
    </section>
  );
}

interface WarningProps {
  w: Warning;
  setup: Setup;
  probe: ProbeResult;
  /** The domains the app's links may be on (lib/state/derive.ts `authorizedDomains`). */
  domains: string[];
  choice: Snapshot['publishChoice'];
  links: Snapshot['publishLinks'];
}

function WarningItem({ w, setup, probe, domains, choice, links }: WarningProps) {
  return (
    <li class={`prevent-item prevent-${w.severity}`} data-warning={w.id}>
      <p>
        <strong>
          <Text m={w.title} />
        </strong>
      </p>
      <p>
        <Text m={w.cause} />
      </p>
      {w.details?.map((m) => (
        <p class="hint" key={m.key}>
          <Text m={m} />
        </p>
      ))}
      <p>
        <Text m={w.fix} />
      </p>
      {w.value && <CopyField label={t('diag.panel.value')} value={w.value} />}
      {w.link && (
        <a href={w.link} target="_blank" rel="noreferrer">
          {t('popup.open')}
        </a>
      )}
      {w.action === 'freezeBaseUrl' && (
        <FreezeAction
          initial={w.freezeValue ?? (w.id === 'freezeBaseUrl' ? (probe.odoo?.baseUrl ?? setup.odooOrigin) : setup.odooOrigin)}
        />
      )}
      {w.action === 'useIap' && <RelayAction />}
      {w.id.startsWith('testingExpiry') && setup.accountType !== 'workspace' && (
        <PublishChoice domains={domains} choice={choice} links={links} />
      )}
    </li>
  );
}

/** `useReply` (components/use-reply.ts), plus whether the last message went through. */
function useSend() {
  const { sending, error, send: sendReply } = useReply();
  const [done, setDone] = useState(false);
  const send = async (fn: () => Promise<Reply<unknown>>) => {
    const reply = await sendReply(fn);
    if (reply?.ok) setDone(true);
    return reply?.ok === true;
  };
  return { busy: sending, error, done, send };
}

/** Two clicks: show the value, then set it once the person confirmed it is the right address. */
function FreezeAction({ initial }: { initial: string }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(initial);
  const { busy, error, done, send } = useSend();
  if (done) return <p class="ok">{t('prevent.freeze.done', { value })}</p>;
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('prevent.freeze.button')}
      </button>
    );
  }
  return (
    <form
      class="prevent-confirm"
      onSubmit={(e) => {
        e.preventDefault();
        void send(() => sendMessage('freezeBaseUrl', { baseUrl: value.trim() }));
      }}
    >
      <label>
        {t('prevent.freeze.label')}
        <input type="url" value={value} onInput={(e) => setValue((e.target as HTMLInputElement).value)} required />
      </label>
      <p class="hint">{t('prevent.freeze.confirmHint')}</p>
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
      <button type="submit" class="primary" disabled={busy}>
        {t('prevent.freeze.confirm')}
      </button>{' '}
      <button type="button" onClick={() => setOpen(false)} disabled={busy}>
        {t('prevent.freeze.cancel')}
      </button>
    </form>
  );
}

/** Odoo 19 Enterprise: no Google project — create the server with empty credentials, then Connect. */
function RelayAction() {
  const { busy, error, done, send } = useSend();
  return (
    <>
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
      {done ? (
        <p class="ok">{t('prevent.relay.done')}</p>
      ) : (
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() =>
            void send(async () => {
              const server = await sendMessage('setupMailServer', {});
              return server.ok ? sendMessage('connectGmail', {}) : server;
            })
          }
        >
          {t('prevent.relay.button')}
        </button>
      )}
    </>
  );
}

/** Personal Gmail: stay in Testing (weekly reconnect) or publish (one "unverified app" screen, no expiry). */
function PublishChoice({ domains, choice, links }: Pick<WarningProps, 'domains' | 'choice' | 'links'>) {
  const { busy, error, send } = useSend();
  const choose = (value: 'testing' | 'production') => void send(() => sendMessage('choosePublishing', { choice: value }));
  return (
    <>
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
      {choice === 'production' ? (
        <>
          <p class="ok">{t('prevent.publish.chosen')}</p>
          <PublishLinksForm domains={domains} links={links} />
          <button type="button" disabled={busy} onClick={() => choose('testing')}>
            {t('prevent.publish.undo')}
          </button>
        </>
      ) : (
        <button type="button" disabled={busy} onClick={() => choose('production')}>
          {t('prevent.publish.button')}
        </button>
      )}
    </>
  );
}

/**
 * The App home page and privacy policy link Google wants before Publish app (publishing to production): the Odoo
 * website's when it has them, else the person's — checked by the background (https, authorized domain).
 */
function PublishLinksForm({ domains, links }: Pick<WarningProps, 'domains' | 'links'>) {
  const [home, setHome] = useState<string | null>(null);
  const [privacy, setPrivacy] = useState<string | null>(null);
  const { busy, error, done, send } = useSend();
  const shownHome = home ?? links?.home ?? '';
  const shownPrivacy = privacy ?? links?.privacy ?? '';
  const source =
    links?.source === 'website'
      ? links.privacy
        ? 'publishLinks.fromWebsite'
        : 'publishLinks.noPrivacy'
      : links?.source === 'none'
        ? 'publishLinks.noWebsite'
        : null;
  return (
    <form
      class="publish-links"
      onSubmit={(e) => {
        e.preventDefault();
        void send(() => sendMessage('setPublishLinks', { home: shownHome.trim(), privacy: shownPrivacy.trim() }));
      }}
    >
      <p>
        <strong>{t('publishLinks.heading')}</strong>
      </p>
      <p class="hint">{t('publishLinks.hint', { domains: domains.join(', ') || '—' })}</p>
      {source && <p class="hint">{t(source)}</p>}
      <label>
        {t('publishLinks.home')}
        <input type="url" value={shownHome} onInput={(e) => setHome((e.target as HTMLInputElement).value)} required />
      </label>
      <label>
        {t('publishLinks.privacy')}
        <input type="url" value={shownPrivacy} onInput={(e) => setPrivacy((e.target as HTMLInputElement).value)} required />
      </label>
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
      {done && !error && <p class="ok">{t('publishLinks.saved')}</p>}
      <button type="submit" disabled={busy}>
        {t('publishLinks.save')}
      </button>
    </form>
  );
}
