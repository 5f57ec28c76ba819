import { useI18n } from '../i18n/i18n-context';
import { isLocale } from '../../../functions/src/core/locale';
import { LazyOptionDropdown } from '../shared/lazy-option-dropdown';

/** Language names in their own language, so a user can find theirs whatever is showing. */
const languageNames = { da: 'Dansk', nb: 'Norsk bokmål', en: 'English' } as const;
const options = Object.entries(languageNames).map(([value, text]) => ({ value, text, lang: value }));

export function LanguagePicker() {
  const { locale, setLocale, t } = useI18n();
  return (
    <LazyOptionDropdown
      label={t('header.language')}
      size="small"
      options={options}
      value={locale}
      onChange={(value) => {
        if (isLocale(value)) setLocale(value);
      }}
    />
  );
}
