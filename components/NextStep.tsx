import { useState } from 'preact/hooks';
import { type Msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { ChecklistStep } from '@/lib/setup/checklist';
import { Text } from './Text';

/**
 * The top of the popup: the one thing to do now (or what needs attention), so the person does not
 * have to scroll to the checklist to know where they stand. The full row is in the checklist below.
 *
 * When the next step is the Google Cloud project, one button opens the Console's "New project" page
 * and has the assistant fill it in and create the project there (the click counts for that page: the
 * background hands it to the page once, `startConsoleStep`). Its label says that it creates.
 */
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
  const createProject = step.id === 'project' && step.state === 'todo' && !!projectName;
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
      {createProject && (
        <button
          type="button"
          class="primary"
          onClick={() => {
            setError(null);
            // The Console opens in a tab, which closes a real popup: the background does the rest.
            void sendMessage('startConsoleStep', { step: 'project' })
              .then((r) => setError(r.ok ? null : r.error))
              .catch(() => setError({ key: 'err.internal', params: { detail: 'startConsoleStep' } }));
          }}
        >
          {t('popup.createProject', { name: projectName })}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
    </div>
  );
}
