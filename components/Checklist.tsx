import { t } from '@/lib/i18n';
import type { ChecklistStep } from '@/lib/setup/checklist';
import type { StepState } from '@/lib/setup/steps';
import { CopyField } from './CopyField';
import { Text } from './Text';

const ICON: Record<StepState, string> = { todo: '○', inProgress: '◐', done: '✓', attention: '!', na: '–' };

export function Checklist({ steps }: { steps: ChecklistStep[] }) {
  return (
    <ol class="checklist">
      {steps.map((step) => (
        <li key={step.id} class={`step step-${step.state}`} data-step={step.id} data-state={step.state}>
          <span class="step-icon" aria-hidden="true">
            {ICON[step.state]}
          </span>
          <div class="step-body">
            <div class="step-title">
              <strong>{t(`step.${step.id}.title`)}</strong>
              <span class="step-state">{t(`state.${step.state}`)}</span>
            </div>
            {step.diagnosis && (
              <div class="diagnosis">
                <p class="diagnosis-title">
                  <strong>
                    <Text m={step.diagnosis.title} />
                  </strong>
                </p>
                <p class="diagnosis-cause">
                  <Text m={step.diagnosis.cause} />
                </p>
                {step.diagnosis.details.map((m) => (
                  <p class="diagnosis-detail" key={m.key}>
                    <Text m={m} />
                  </p>
                ))}
              </div>
            )}
            <p class="step-next">
              {step.diagnosis && <span class="diagnosis-fix">{t('diag.popup.fix')} </span>}
              <Text m={step.next} />
            </p>
            {step.diagnosis?.value && <CopyField label={t('diag.panel.value')} value={step.diagnosis.value} />}
            {step.link && (
              <a class="step-link" href={step.link} target="_blank" rel="noreferrer">
                {t('popup.open')}
              </a>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
