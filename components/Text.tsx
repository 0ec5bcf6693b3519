import { type Msg, tm } from '@/lib/i18n';

/** A translated message; `backticked` parts (database names, values) render as code. */
export function Text({ m }: { m: Msg }) {
  const parts = tm(m).split('`');
  return <>{parts.map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}

/** A message that went wrong, announced as it appears; nothing when there is none. */
export function ErrorLine({ m }: { m: Msg | null | undefined }) {
  if (!m) return null;
  return (
    <p class="error" role="alert">
      <Text m={m} />
    </p>
  );
}
