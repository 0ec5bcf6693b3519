import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { hasConsoleAccess, requestConsoleAccess } from '@/lib/console-access';
import { t } from '@/lib/i18n';

/** Shown only while the Console host permission is missing: says so and asks again at a click. */
export function ConsoleAccess() {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);

  useEffect(() => {
    const refresh = () => {
      hasConsoleAccess().then(setGranted);
    };
    refresh();
    browser.permissions.onAdded.addListener(refresh);
    browser.permissions.onRemoved.addListener(refresh);
    return () => {
      browser.permissions.onAdded.removeListener(refresh);
      browser.permissions.onRemoved.removeListener(refresh);
    };
  }, []);

  if (granted !== false) return null;
  const allow = () => {
    requestConsoleAccess().then((ok) => {
      setRefused(!ok);
      if (ok) setGranted(true);
    });
  };
  return (
    <section class="notice" aria-labelledby="console-access-text">
      <p id="console-access-text">{t('store.consoleAccess.off')}</p>
      {refused && (
        <p class="error" role="alert">
          {t('store.consoleAccess.refused')}
        </p>
      )}
      <button type="button" class="small" onClick={allow}>
        {t('store.consoleAccess.allow')}
      </button>
    </section>
  );
}
