import { Field, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';
import { isLocale } from '../../../functions/src/core/locale';

/** Language names in their own language, so a user can find theirs whatever is showing. */
const languageNames = { da: 'Dansk', nb: 'Norsk bokmål', en: 'English' } as const;

export function LanguagePicker() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Field label={t('header.language')} size="small">
      <Select
        size="small"
        value={locale}
        onChange={(_, data) => {
          if (isLocale(data.value)) setLocale(data.value);
        }}
      >
        {(Object.keys(languageNames) as (keyof typeof languageNames)[]).map((code) => (
          <option key={code} value={code} lang={code}>
            {languageNames[code]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
