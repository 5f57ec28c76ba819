import { Field, makeStyles } from '@fluentui/react-components';
import type { PersonDto } from '../api/contract';
import { useI18n } from '../i18n/i18n-context';
import { OptionDropdown } from './option-dropdown';

const useStyles = makeStyles({
  // Long "name – title" options must not push the dropdown out of its grid cell.
  field: { minWidth: 0 },
  dropdown: { width: '100%' },
});

/** One person (name and title) from a list: Fluent's Dropdown, in a Field with its validation. */
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
      <OptionDropdown
        className={styles.dropdown}
        placeholder={t('form.choosePerson')}
        options={props.people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` }))}
        value={props.value}
        onChange={props.onChange}
      />
    </Field>
  );
}
