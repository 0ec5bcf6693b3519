import { useEffect, useState } from 'preact/hooks';
import { ErrorLine, Text } from '@/components/Text';
import { useReply } from '@/components/use-reply';
import { type Msg, msg, t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';
import { sameClientAs } from '@/lib/setup/databases';
import { buildSetupFile, type SetupFileInput, setupFileName } from '@/lib/setup/setup-file';
import { type SavedSetup, setupsItem } from '@/lib/state/setups';
import { connectOdoo } from './connect-odoo';

interface Props {
  /** The Odoo the popup shows now. */
  current: string | null;
  /** What a setup file of the current setup holds (null: nothing set up yet). */
  exportable: SetupFileInput | null;
  /** What the current Odoo holds, to see whether it is a copy of a kept one. */
  held: Parameters<typeof sameClientAs>[0];
  /** The open tab's Odoo, when it looks like one: listed first, and said. */
  tabOrigin: string | null;
  onBusy(busy: boolean): void;
}

const host = (origin: string) => new URL(origin).host;
const kindOf = (e: SavedSetup): 'green' | 'red' | 'unknown' =>
  e.monitor?.status === 'ok' ? 'green' : e.monitor?.verdict === 'red' ? 'red' : 'unknown';

/**
 * The other Odoo databases set up in this browser (lib/state/setups.ts), each with its monitor's last word and
 * a switch. Read after the first paint and drawn below everything else, so nothing above it moves when it
 * arrives. The open tab's database comes first.
 */
export function OtherOdoos({ current, exportable, held, tabOrigin, onBusy }: Props) {
  const [saved, setSaved] = useState<Record<string, SavedSetup>>({});
  const [busy, setBusy] = useState<string | null>(null);
  // The import's reply, and the switch's outcome: one line for what went wrong.
  const reply = useReply();
  const [note, setNote] = useState<Msg | null>(null);
  useEffect(() => {
    void setupsItem.get().then(setSaved);
    return setupsItem.watch(setSaved);
  }, []);

  const entries = Object.values(saved)
    .filter((e) => e.setup.odooOrigin !== current)
    .sort((a, b) => Number(b.setup.odooOrigin === tabOrigin) - Number(a.setup.odooOrigin === tabOrigin) || b.savedAt - a.savedAt);

  const exportSetup = () => {
    if (!exportable) return;
    const blob = new Blob([`${JSON.stringify(buildSetupFile(exportable), null, 2)}\n`], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = setupFileName(exportable);
    a.click();
    // Not revoked here: the download reads the blob after the click returns; it goes with the popup's document.
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setNote(null);
    const text = await file.text();
    const imported = await reply.send(() => sendMessage('importSetup', { text }));
    if (imported?.ok) setNote(msg('setups.imported', { origin: imported.value.origin }));
  };

  const switchTo = (e: SavedSetup) => {
    if (busy) return;
    const origin = e.setup.odooOrigin;
    // Synchronously in the click: the origin's permission may be asked again.
    const done = connectOdoo({ odooUrl: origin, gmail: e.setup.gmail ?? '', accountType: e.setup.accountType }, origin);
    setBusy(origin);
    reply.setError(null);
    onBusy(true);
    void done
      .then((outcome) => reply.setError(outcome.banner ?? null))
      .finally(() => {
        setBusy(null);
        onBusy(false);
      });
  };

  return (
    <section aria-labelledby="others-heading" class="others">
      <h2 id="others-heading">{t('setups.heading')}</h2>
      {sameClientAs(held, saved).map((copy) => (
        <p class="warning" role="note" key={copy.origin}>
          {t('setups.sameClient', { db: exportable?.odoo?.db ?? current ?? '', other: copy.db, clientId: copy.clientId })}
        </p>
      ))}
      <div class="setup-file">
        {exportable && (
          <button type="button" class="small" onClick={exportSetup}>
            {t('setups.export')}
          </button>
        )}
        <div class="field import">
          <label for="setupFile">{t('setups.import')}</label>
          <input id="setupFile" type="file" accept=".json,application/json" onChange={importFile} />
        </div>
      </div>
      {exportable && <p class="hint">{t('setups.exportHint')}</p>}
      <ErrorLine m={reply.error} />
      {note && (
        <p class="ok" role="status">
          <Text m={note} />
        </p>
      )}
      {entries.length > 0 && (
        <ul>
          {entries.map((e) => {
            const origin = e.setup.odooOrigin;
            const db = e.probe?.odoo?.db ?? host(origin);
            const kind = kindOf(e);
            return (
              <li key={origin} data-state={kind}>
                <span class="db">
                  {db} <span class="hint">{host(origin)}</span>
                  {origin === tabOrigin && <span class="hint"> · {t('setups.thisTab')}</span>}
                </span>
                <span class={kind === 'green' ? 'ok' : kind === 'red' ? 'error' : 'hint'}>
                  {e.monitor ? t(`monitor.status.${e.monitor.status}`) : t('setups.notChecked')}
                </span>
                <button type="button" disabled={!!busy} onClick={() => switchTo(e)} aria-label={t('setups.switchTo', { db })}>
                  {busy === origin ? t('odoo.working') : t('setups.switch')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
