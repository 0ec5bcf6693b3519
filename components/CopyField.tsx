import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';

/**
 * A computed value a person pastes somewhere else: shown in full, with a copy button. `pending`: the value
 * is not known yet (the background is looking it up) — said so, never "none".
 */
export function CopyField({
  label,
  value,
  hint,
  pending,
}: {
  label: string;
  value: string | null;
  hint?: string;
  pending?: boolean;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    if (!value) return;
    await navigator.clipboard.writeText(value);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <div class="copy-field">
      <div class="copy-label">{label}</div>
      <div class="copy-row">
        <output class="copy-value" aria-label={label} {...(pending ? { 'aria-busy': 'true' } : {})}>
          {pending ? t('values.pending') : (value ?? t('values.none'))}
        </output>
        {value && !pending && (
          <button type="button" class="small" onClick={copy} aria-label={t('values.copyLabel', { name: label })}>
            {copied ? t('values.copied') : t('values.copy')}
          </button>
        )}
      </div>
      {hint && <div class="hint">{hint}</div>}
    </div>
  );
}
