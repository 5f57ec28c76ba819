import {
  Avatar,
  Field,
  Tag,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  makeStyles,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PersonDto } from '../api/contract';
import { useI18n } from '../i18n/i18n-context';

const useStyles = makeStyles({
  field: { minWidth: 0 },
  control: { minWidth: 0, maxWidth: '100%' },
});

const noMatches = '\u0000no-matches';

/**
 * Choosing several people (e.g. an audit's auditors): Fluent's TagPicker. Type to filter by name
 * or title, pick with Enter or a click; chosen people show as tags that a click, Delete or
 * Backspace removes. No "hold Ctrl" needed.
 */
export function PeoplePicker(props: {
  label: string;
  hint?: string;
  people: readonly PersonDto[];
  value: readonly string[];
  onChange(personIds: string[]): void;
  validationMessage?: string | undefined;
  required?: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const chosen = props.value
    .map((id) => props.people.find((person) => person.id === id))
    .filter((person): person is PersonDto => person !== undefined);
  const needle = query.trim().toLocaleLowerCase();
  const options = props.people.filter(
    (person) =>
      !props.value.includes(person.id) &&
      (needle === '' || `${person.name} ${person.title}`.toLocaleLowerCase().includes(needle)),
  );
  return (
    <Field
      className={styles.field}
      label={props.label}
      required={props.required ?? false}
      validationMessage={props.validationMessage}
      validationState={props.validationMessage ? 'error' : 'none'}
      {...(props.hint ? { hint: props.hint } : {})}
    >
      <TagPicker
        // The list renders beside the field, so inside a Dialog it is part of the dialog.
        inline
        selectedOptions={[...props.value]}
        onOptionSelect={(_, data) => {
          if (data.value === noMatches) return;
          props.onChange(data.selectedOptions);
          setQuery('');
        }}
      >
        <TagPickerControl
          className={styles.control}
          // Fluent names the expand button "Open" in English otherwise.
          expandIcon={{ 'aria-label': t('picker.open') }}
        >
          <TagPickerGroup aria-label={t('picker.chosen')}>
            {chosen.map((person) => (
              <Tag
                key={person.id}
                value={person.id}
                shape="rounded"
                media={<Avatar aria-hidden name={person.name} color="colorful" />}
              >
                {person.name}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput value={query} onChange={(event) => setQuery(event.target.value)} />
        </TagPickerControl>
        <TagPickerList>
          {options.length > 0 ? (
            options.map((person) => (
              <TagPickerOption
                key={person.id}
                value={person.id}
                text={person.name}
                secondaryContent={person.title}
                media={<Avatar aria-hidden name={person.name} color="colorful" />}
              >
                {person.name}
              </TagPickerOption>
            ))
          ) : (
            <TagPickerOption value={noMatches}>{t('picker.noMatches')}</TagPickerOption>
          )}
        </TagPickerList>
      </TagPicker>
    </Field>
  );
}
