import type { Locale } from '../api/types';
import { useLocale } from '../i18n/LocaleContext';
import { LOCALES } from '../i18n/translate';

interface LanguageSwitchProps {
  /** Called after the language changed, e.g. to store it in the user's profile. */
  onChange?: (locale: Locale) => void;
}

/** A select box for the interface language. */
export function LanguageSwitch({ onChange }: LanguageSwitchProps) {
  const { locale, setLocale, t } = useLocale();
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('lang.label')}</span>
      <select
        className="input input--compact"
        value={locale}
        onChange={(event) => {
          const next = event.target.value === 'de' ? 'de' : 'en';
          setLocale(next);
          onChange?.(next);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {t(code === 'de' ? 'lang.de' : 'lang.en')}
          </option>
        ))}
      </select>
    </label>
  );
}
