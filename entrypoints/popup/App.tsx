import { useEffect, useMemo, useState } from 'preact/hooks';
import { Checklist } from '@/components/Checklist';
import { ConsoleAccess } from '@/components/ConsoleAccess';
import { CopyField } from '@/components/CopyField';
import { NextStep } from '@/components/NextStep';
import { Text } from '@/components/Text';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { buildChecklist, checklistSummary, nextStep } from '@/lib/setup/checklist';
import { computeValues } from '@/lib/setup/computed';
import { diagnosesItem, googleItem, monitorItem, odooGmailItem, probeItem, progressItem, setupItem } from '@/lib/state/items';
import { odooOriginOfActiveTab } from './active-tab';
import { BeforeConnect } from './BeforeConnect';
import { OdooPanel } from './OdooPanel';
import { SetupForm } from './SetupForm';
import { useItem } from './use-item';

export function App() {
  const setup = useItem(setupItem);
  const probe = useItem(probeItem);
  const progress = useItem(progressItem);
  const google = useItem(googleItem); // Console assistant: project ID for the Console links
  const [tabOrigin, setTabOrigin] = useState<string | null>(null);
  const [probing, setProbing] = useState(false);
  // --- Odoo side (module, credentials, mail server, monitor)
  const odooGmail = useItem(odooGmailItem);
  const monitor = useItem(monitorItem);
  // --- Troubleshooter
  const diagnoses = useItem(diagnosesItem);

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
  }, [google?.secretCapturedAt, odooGmail?.credentials?.at]);

  const baseUrlWas =
    probe?.origin === setup?.odooOrigin && probe?.odoo?.baseUrlFrozen !== true ? probe?.odoo?.baseUrlWas?.value : undefined;
  const computed = useMemo(() => {
    if (!setup) return null;
    const odoo = probe?.origin === setup.odooOrigin ? probe.odoo : undefined;
    return computeValues(setup.odooOrigin, odoo?.baseUrl ?? null, odoo?.saas ?? false);
  }, [setup, probe]);

  const steps = useMemo(
    () =>
      buildChecklist({
        setup: setup ?? null,
        probe: probe ?? null,
        progress: progress ?? {},
        computed,
        probing,
        google: google ?? null,
        odooGmail: odooGmail ?? null,
        monitor: monitor ?? null,
        diagnoses: diagnoses ?? [],
        ...(secretPending === undefined ? {} : { secretPending }),
      }),
    [setup, probe, progress, computed, probing, google, odooGmail, monitor, diagnoses, secretPending],
  );
  // Shown for an administrator's Odoo; kept when the session ended later, so the monitor stays visible.
  const odooReady =
    !!setup &&
    probe?.origin === setup.odooOrigin &&
    (probe.status === 'ok' || probe.status === 'notLoggedIn') &&
    !!probe.odoo?.isSystem;
  const summary = checklistSummary(steps);
  const loaded = setup !== undefined && probe !== undefined && progress !== undefined;

  return (
    <main aria-busy={!loaded}>
      <header>
        <h1>{t('popup.title')}</h1>
        <p class="subtitle">{t('popup.subtitle')}</p>
      </header>
      {loaded && setup && <NextStep step={nextStep(steps)} {...(computed ? { projectName: computed.projectName } : {})} />}
      <ConsoleAccess />
      <section aria-labelledby="setup-heading">
        <h2 id="setup-heading">{t('popup.setupHeading')}</h2>
        {loaded && <SetupForm setup={setup ?? null} tabOrigin={tabOrigin} onBusy={setProbing} />}
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
          <CopyField label={t('values.authorizedDomain')} value={computed.authorizedDomain} />
          <CopyField label={t('values.projectName')} value={computed.projectName} />
          <CopyField label={t('values.appName')} value={computed.appName} />
          {computed.problems.map((p) => (
            <p class="warning" key={p.key}>
              <Text m={p} />
            </p>
          ))}
        </section>
      )}
      {odooReady && setup && probe && (
        <BeforeConnect
          setup={setup}
          probe={probe}
          computed={computed}
          google={google ?? null}
          odooGmail={odooGmail ?? null}
          monitor={monitor ?? null}
        />
      )}
      {odooReady && setup && probe && (
        <OdooPanel setup={setup} probe={probe} state={odooGmail ?? null} monitor={monitor ?? null} google={google ?? null} />
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
    </main>
  );
}
