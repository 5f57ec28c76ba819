import { Field, Select, makeStyles } from '@fluentui/react-components';
import type { PersonDto } from '../api/contract';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({
  // Long "name – title" options must not push the select out of its grid cell.
  field: { minWidth: 0 },
  select: { minWidth: 0, width: '100%' },
});

/** A native select of people (name and title): keyboard and screen-reader friendly everywhere. */
export function PersonSelect(props: {
  label: string;
  people: readonly PersonDto[];
  value: string;
  onChange(personId: string): void;
  required?: boolean;
  validationMessage?: string | undefined;
  hint?: string;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <Field
      className={styles.field}
      label={props.label}
      required={props.required ?? false}
      validationMessage={props.validationMessage}
      validationState={props.validationMessage ? 'error' : 'none'}
      hint={props.hint}
    >
      <Select className={styles.select} value={props.value} onChange={(_, data) => props.onChange(data.value)}>
        {props.value === '' ? <option value="">{t('form.choosePerson')}</option> : null}
        {props.people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} – {person.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}
