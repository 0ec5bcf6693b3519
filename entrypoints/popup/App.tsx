import { useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { Checklist } from '@/components/Checklist';
import { ConnectMine, PersonalServers } from '@/components/ConnectMine';
import { ConsoleAccess } from '@/components/ConsoleAccess';
import { CopyField } from '@/components/CopyField';
import { NextStep } from '@/components/NextStep';
import { TestUsers } from '@/components/TestUsers';
import { Text } from '@/components/Text';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { buildChecklist, checklistSummary, nextStep } from '@/lib/setup/checklist';
import { checklistInput, baseUrlWas as deriveBaseUrlWas, computed as deriveComputed, odooReady } from '@/lib/state/derive';
import { EMPTY_GOOGLE_STATE } from '@/lib/state/items';
import type { Snapshot } from '@/lib/state/snapshot';
import logo from '@/public/icon/48.png?inline';
import { odooOriginOfActiveTab } from './active-tab';
import { BeforeConnect } from './BeforeConnect';
import { OdooPanel } from './OdooPanel';
import { OtherOdoos } from './OtherOdoos';
import { SetupForm } from './SetupForm';
import { useSnapshot } from './use-snapshot';

/** Without a snapshot (the first read failed; the popup then shows only its title, busy): what the hooks compute from. */
const EMPTY: Snapshot = {
  setup: null,
  probe: null,
  progress: {},
  google: EMPTY_GOOGLE_STATE,
  odooGmail: null,
  monitor: null,
  diagnoses: [],
  publishChoice: null,
  publishLinks: null,
  incoming: null,
  personal: null,
  hosts: {},
};

export function App() {
  // One snapshot of what the extension remembers, each record already about the current Odoo.
  const snapshot = useSnapshot();
  const s = snapshot ?? EMPTY;
  const { setup, probe, google, odooGmail, monitor, incoming } = s;
  const [tabOrigin, setTabOrigin] = useState<string | null>(null);
  const [probing, setProbing] = useState(false);

  useEffect(() => {
    odooOriginOfActiveTab().then(setTabOrigin);
    // Odoo rewrites web.base.url at every administrator login elsewhere (captures fact 6): read it again,
    // so the redirect URI below is the one Odoo sends now. The stored probe updates, and this page with it.
    void sendMessage('recheckBaseUrl', {}).catch(() => undefined);
  }, []);

  // Whether a captured secret still waits for Odoo (asked of the background: the popup never reads it).
  const [secretPending, setSecretPending] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    sendMessage('pendingCredentials', {})
      .then((r) => r.ok && setSecretPending(r.value.hasSecret))
      .catch(() => undefined);
  }, [google.secretCapturedAt, odooGmail?.credentials?.at]);

  const baseUrlWas = deriveBaseUrlWas(s);
  const computed = useMemo(() => deriveComputed(s), [s]);
  const steps = useMemo(
    () => buildChecklist(checklistInput(s, { probing, ...(secretPending === undefined ? {} : { secretPending }) })),
    [s, probing, secretPending],
  );
  // Shown for an administrator's Odoo; kept when the session ended later, so the monitor stays visible.
  const ready = odooReady(s);
  const summary = checklistSummary(steps);
  const loaded = snapshot !== undefined;
  // The benchmark's "checklist rendered" (scripts/bench/popup.ts): the checklist drawn from the stored
  // snapshot is in the document. Once per open: `loaded` never goes back to false.
  useLayoutEffect(() => {
    if (loaded) performance.mark('gmail-odoo:checklist');
  }, [loaded]);

  return (
    <main aria-busy={!loaded}>
      {/* Also in popup.html, as it is here (without its texts): painted before the script has run. */}
      <header>
        <img class="logo" src={logo} width={32} height={32} alt="" />
        <div class="titles">
          <h1>{t('popup.title')}</h1>
          <p class="subtitle">{t('popup.subtitle')}</p>
        </div>
      </header>
      {/* Everything below waits for the snapshot and is drawn from it at once, at its final size: nothing
          painted before it arrives is pushed down when it does (no layout shift; scripts/bench/popup.ts). */}
      {loaded && (
        <>
          {setup && <NextStep step={nextStep(steps)} {...(computed ? { projectName: computed.projectName } : {})} />}
          <ConsoleAccess />
          <section aria-labelledby="setup-heading">
            <h2 id="setup-heading">{t('popup.setupHeading')}</h2>
            <SetupForm setup={setup ?? null} tabOrigin={tabOrigin} onBusy={setProbing} />
          </section>
          {computed && (
            <section aria-labelledby="values-heading" class="values">
              <h2 id="values-heading">{t('popup.valuesHeading')}</h2>
              {computed.redirectRefusal ? (
                // Google refuses it (http behind a TLS proxy, a raw IP): not a value to register — Odoo's fix instead.
                <div class="copy-field" data-refused="">
                  <div class="copy-label">{t('values.redirectUri')}</div>
                  <p class="warning">{t('diag.refused.notShown', { redirectUri: computed.redirectRefusal.uri })}</p>
                  <p class="hint">
                    <Text m={computed.redirectRefusal.fix} />
                  </p>
                </div>
              ) : (
                <CopyField
                  label={t('values.redirectUri')}
                  value={computed.redirectUri}
                  hint={
                    computed.source !== 'webBaseUrl'
                      ? t('values.fromOrigin')
                      : baseUrlWas
                        ? t('values.fromBaseUrlChanged', { was: baseUrlWas })
                        : t('values.fromBaseUrl')
                  }
                />
              )}
              <CopyField label={t('values.authorizedDomain')} value={computed.authorizedDomain} pending={computed.pending} />
              <CopyField label={t('values.projectName')} value={computed.projectName} />
              <CopyField label={t('values.appName')} value={computed.appName} />
              {computed.problems.map((p) => (
                <p class="warning" key={p.key}>
                  <Text m={p} />
                </p>
              ))}
            </section>
          )}
          {ready && setup && probe && <BeforeConnect snapshot={s} setup={setup} probe={probe} />}
          {ready && setup && probe && (
            <OdooPanel setup={setup} probe={probe} state={odooGmail} monitor={monitor} google={google} incoming={incoming} />
          )}
          {/* Odoo 19 personal servers: the administrator's list, or a user's own short path. */}
          {ready && probe?.odoo && probe.odoo.major >= 19 && <PersonalServers />}
          {/* An External app in Testing: the administrator's other test users, added at once on the Console. */}
          {ready && setup?.gmail && setup.accountType === 'personal' && <TestUsers gmail={setup.gmail} google={google} />}
          {setup && probe?.status === 'notAdmin' && probe.odoo && probe.odoo.major >= 19 && (
            <ConnectMine stored={s.personal} email={probe.odoo.userEmail} />
          )}
          <section aria-labelledby="checklist-heading">
            <h2 id="checklist-heading">
              {t('popup.checklistHeading')}{' '}
              <span class="summary">
                {t('popup.summary', { done: summary.done, total: summary.total })}
                {summary.attention > 0 && ` · ${t('popup.summaryAttention', { count: summary.attention })}`}
              </span>
            </h2>
            <Checklist steps={steps} />
          </section>
          <OtherOdoos
            current={setup?.odooOrigin ?? null}
            exportable={
              setup
                ? {
                    setup,
                    odoo: probe?.odoo ? { db: probe.odoo.db, version: probe.odoo.version } : null,
                    google,
                    publishChoice: s.publishChoice,
                    publishLinks: s.publishLinks,
                  }
                : null
            }
            held={{ probe, odooGmail }}
            tabOrigin={tabOrigin}
            onBusy={setProbing}
          />
        </>
      )}
    </main>
  );
}
