import { useEffect, useRef, useState } from 'preact/hooks';
import { Text } from '@/components/Text';
import { type Msg, t } from '@/lib/i18n';
import {
  type AccountType,
  guessAccountType,
  type Setup,
  type SetupErrors,
  type SetupField,
  type SetupInput,
  validateSetup,
} from '@/lib/setup/setup';
import { connectOdoo } from './connect-odoo';

interface Props {
  setup: Setup | null;
  /** Origin of the open tab when it looks like Odoo (prefill before anything is saved). */
  tabOrigin: string | null;
  onBusy(busy: boolean): void;
}

type Hints = Partial<Record<SetupField, Msg[]>>;

export function SetupForm({ setup, tabOrigin, onBusy }: Props) {
  const [odooUrl, setOdooUrl] = useState('');
  const [gmail, setGmail] = useState('');
  const [accountType, setAccountType] = useState<AccountType | null>(null);
  const [typeTouched, setTypeTouched] = useState(false);
  const [errors, setErrors] = useState<SetupErrors>({});
  const [warnings, setWarnings] = useState<Hints>({});
  const [banner, setBanner] = useState<Msg | null>(null);
  const [busy, setBusy] = useState(false);
  const edited = useRef<Set<SetupField>>(new Set());
  const fieldRefs = useRef<Partial<Record<SetupField, HTMLInputElement | null>>>({});

  // Stored values fill the form, except fields the person is editing right now.
  useEffect(() => {
    if (setup) {
      if (!edited.current.has('odooUrl')) setOdooUrl(setup.odooOrigin);
      if (!edited.current.has('gmail')) setGmail(setup.gmail ?? '');
      if (!edited.current.has('accountType')) setAccountType(setup.accountType);
    } else if (tabOrigin && !edited.current.has('odooUrl')) {
      setOdooUrl(tabOrigin);
    }
  }, [setup, tabOrigin]);

  const guessedType = guessAccountType(gmail);
  const effectiveType = accountType ?? guessedType;

  const onGmail = (value: string) => {
    edited.current.add('gmail');
    setGmail(value);
    if (!typeTouched) setAccountType(guessAccountType(value));
  };

  const input = (): SetupInput => ({ odooUrl, gmail, accountType: effectiveType });

  const onSubmit = (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const raw = input();
    const result = validateSetup(raw);
    if (!result.ok) {
      setErrors(result.errors);
      setWarnings({});
      const first = (['odooUrl', 'gmail', 'accountType'] as const).find((f) => result.errors[f]);
      if (first) fieldRefs.current[first]?.focus();
      return;
    }
    setErrors({});
    setWarnings(result.warnings);
    setBanner(null);
    // The permission request is the first thing the click does (it needs the user gesture).
    const done = connectOdoo(raw, result.value.odooOrigin);
    setBusy(true);
    onBusy(true);
    void done
      .then((outcome) => {
        if (outcome.fieldErrors) setErrors(outcome.fieldErrors);
        else edited.current.clear();
        if (outcome.banner) setBanner(outcome.banner);
      })
      .finally(() => {
        setBusy(false);
        onBusy(false);
      });
  };

  const describedBy = (field: SetupField) => `${field}-messages`;
  const fieldMessages = (field: SetupField, extra?: preact.ComponentChildren) => {
    const error = errors[field];
    return (
      <div id={describedBy(field)} class="field-messages">
        {error && (
          <p class="error" role="alert">
            <Text m={error.error} />
            {error.suggestion && (
              <button
                type="button"
                class="link"
                onClick={() => {
                  edited.current.add(field);
                  if (field === 'odooUrl') setOdooUrl(error.suggestion ?? '');
                  setErrors((e) => ({ ...e, [field]: undefined }));
                }}
              >
                {t('popup.useSuggestion', { value: error.suggestion })}
              </button>
            )}
          </p>
        )}
        {warnings[field]?.map((w) => (
          <p class="warning" key={w.key}>
            <Text m={w} />
          </p>
        ))}
        {!error && extra}
      </div>
    );
  };

  const proposedUrl = !setup && tabOrigin && odooUrl === tabOrigin;
  const proposedGmail = setup?.gmailProposed && gmail === setup.gmail;

  return (
    <form class="setup" onSubmit={onSubmit} noValidate>
      <div class="field">
        <label for="odooUrl">{t('form.odooUrl')}</label>
        <input
          id="odooUrl"
          name="odooUrl"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder={t('form.odooUrlPlaceholder')}
          value={odooUrl}
          ref={(el) => {
            fieldRefs.current.odooUrl = el;
          }}
          aria-invalid={errors.odooUrl ? 'true' : 'false'}
          aria-describedby={describedBy('odooUrl')}
          onInput={(e) => {
            edited.current.add('odooUrl');
            setOdooUrl(e.currentTarget.value);
          }}
        />
        {fieldMessages('odooUrl', proposedUrl ? <p class="hint">{t('popup.proposedFromTab')}</p> : null)}
      </div>
      <div class="field">
        <label for="gmail">{t('form.gmail')}</label>
        <input
          id="gmail"
          name="gmail"
          type="email"
          autoComplete="email"
          placeholder={t('form.gmailPlaceholder')}
          value={gmail}
          ref={(el) => {
            fieldRefs.current.gmail = el;
          }}
          aria-invalid={errors.gmail ? 'true' : 'false'}
          aria-describedby={describedBy('gmail')}
          onInput={(e) => onGmail(e.currentTarget.value)}
        />
        {fieldMessages('gmail', proposedGmail ? <p class="hint">{t('popup.proposedFromOdoo')}</p> : null)}
      </div>
      <fieldset class="field" aria-describedby={describedBy('accountType')}>
        <legend>{t('form.accountType')}</legend>
        {(['workspace', 'personal'] as const).map((type) => (
          <label class="radio" key={type}>
            <input
              type="radio"
              name="accountType"
              value={type}
              checked={effectiveType === type}
              ref={(el) => {
                if (type === 'workspace') fieldRefs.current.accountType = el;
              }}
              onChange={() => {
                edited.current.add('accountType');
                setTypeTouched(true);
                setAccountType(type);
              }}
            />
            {t(`form.${type}`)}
          </label>
        ))}
        {fieldMessages(
          'accountType',
          !typeTouched && !setup?.accountType && guessedType ? <p class="hint">{t('popup.typeGuessed')}</p> : null,
        )}
      </fieldset>
      {banner && (
        <p class="banner error" role="alert">
          <Text m={banner} />
        </p>
      )}
      <button type="submit" class="primary" disabled={busy} aria-busy={busy}>
        {busy ? t('form.connecting') : t('form.connect')}
      </button>
    </form>
  );
}
