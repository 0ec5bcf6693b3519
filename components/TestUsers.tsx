import { useState } from 'preact/hooks';
import { ErrorLine, Text } from '@/components/Text';
import { useReply } from '@/components/use-reply';
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
  const reply = useReply();
  const already = google.testUsersWanted.filter((e) => google.testUsers.includes(e));

  const save = async (event: Event) => {
    event.preventDefault();
    setNote(null);
    const saved = await reply.send(() => sendMessage('setTestUsersWanted', { emails: text.split(/[\s,;]+/) }));
    if (!saved?.ok) return;
    setText(saved.value.emails.join('\n'));
    setNote(msg('testUsers.saved', { count: saved.value.emails.length }));
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
      <ErrorLine m={reply.error} />
      {note && (
        <p class="ok" role="status">
          <Text m={note} />
        </p>
      )}
    </section>
  );
}
