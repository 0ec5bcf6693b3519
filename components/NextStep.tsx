import { t } from '@/lib/i18n';
import type { ChecklistStep } from '@/lib/setup/checklist';
import { Text } from './Text';

/**
 * The top of the popup: the one thing to do now (or what needs attention), so the person does not
 * have to scroll to the checklist to know where they stand. The full row is in the checklist below.
 */
export function NextStep({ step }: { step: ChecklistStep | null }) {
  if (!step) {
    return (
      <p class="next-step next-step-done" data-next="done">
        {t('popup.allDone')}
      </p>
    );
  }
  const lead = step.state === 'attention' ? 'popup.nextAttention' : 'popup.nextStep';
  return (
    <p class={`next-step next-step-${step.state}`} data-next={step.id}>
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
  );
}
