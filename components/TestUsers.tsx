import { useState } from 'preact/hooks';
import { Text } from '@/components/Text';
import { type Msg, msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import type { GoogleState } from '@/lib/state/items';

/**
 * The administrator's test users, added at once (an External app in Testing admits only them, up to 100):
 * the list is kept with the Google state and the Console assistant adds every address on the Audience page.
 */
export function TestUsers({ gmail, google }: { gmail: string; google: GoogleState }) {
  const [text, setText] = useState(google.testUsersWanted.join('\n'));
  const [note, setNote] = useState<Msg | null>(null);
  const [error, setError] = useState<Msg | null>(null);
  const already = google.testUsersWanted.filter((e) => google.testUsers.includes(e));

  const save = async (event: Event) => {
    event.preventDefault();
    setNote(null);
    setError(null);
    try {
      const reply = await sendMessage('setTestUsersWanted', { emails: text.split(/[\s,;]+/) });
      if (!reply.ok) return setError(reply.error);
      setText(reply.value.emails.join('\n'));
      setNote(msg('testUsers.saved', { count: reply.value.emails.length }));
    } catch (e) {
      setError(msg('err.messaging', { detail: e instanceof Error ? e.message : '?' }));
    }
  };

  return (
    <section aria-labelledby="test-users-heading" class="odoo-block test-users">
      <h3 id="test-users-heading">{t('testUsers.heading')}</h3>
      <p class="hint">{t('testUsers.intro', { gmail })}</p>
      <form onSubmit={save}>
        <label for="testUsersWanted">{t('testUsers.label')}</label>
        <textarea id="testUsersWanted" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <button type="submit">{t('testUsers.save')}</button>
      </form>
      {already.length > 0 && <p class="hint">{t('testUsers.already', { emails: already.join(', ') })}</p>}
      {error && (
        <p class="error" role="alert">
          <Text m={error} />
        </p>
      )}
      {note && (
        <p class="ok" role="status">
          <Text m={note} />
        </p>
      )}
    </section>
  );
}
