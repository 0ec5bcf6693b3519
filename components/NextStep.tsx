import { useState } from 'preact/hooks';
import { type Msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ChecklistStep } from '@/lib/setup/checklist';
import { Text } from './Text';

/**
 * The top of the popup: the one thing to do now (or what needs attention), so the person does not
 * have to scroll to the checklist to know where they stand. The full row is in the checklist below.
 *
 * When the next step is on Google's side (project, consent screen, domain, test user, client), one button
 * — "Set up Google Cloud for Odoo" — opens the Console at the first step not done and has the assistant
 * do the rest by itself, page after page, then the Odoo side, up to Google's consent page (one click for
 * the Google side, `startGoogleSetup`). It pauses only for what is the person's: the User Data Policy tick, a click Google
 * ignores, an interruption; the panel shows each step and a Stop.
 */
const GOOGLE_STEPS = ['project', 'consent', 'domain', 'testUser', 'client'];

export function NextStep({ step, projectName }: { step: ChecklistStep | null; projectName?: string }) {
  const [error, setError] = useState<Msg | null>(null);
  if (!step) {
    return (
      <p class="next-step next-step-done" data-next="done">
        {t('popup.allDone')}
      </p>
    );
  }
  const lead = step.state === 'attention' ? 'popup.nextAttention' : 'popup.nextStep';
  const setUpGoogle = GOOGLE_STEPS.includes(step.id) && step.state === 'todo' && !!projectName;
  return (
    <div class={`next-step next-step-${step.state}`} data-next={step.id}>
      <p>
        <strong>{t(lead, { step: t(`step.${step.id}.title`) })}</strong> <Text m={step.next} />
        {step.link && (
          <>
            {' '}
            <a href={step.link} target="_blank" rel="noreferrer">
              {t('popup.open')}
            </a>
          </>
        )}
      </p>
      {setUpGoogle && (
        <>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setError(null);
              // The Console opens in a tab, which closes a real popup: the background and the assistant do the rest.
              void sendMessage('startGoogleSetup', {})
                .then((r) => setError(r.ok ? null : r.error))
                .catch(() => setError({ key: 'err.internal', params: { detail: 'startGoogleSetup' } }));
            }}
          >
            {t('popup.setupGoogle')}
          </button>
          <p class="hint">{t('popup.setupGoogleHint', { name: projectName })}</p>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
    </div>
  );
}
