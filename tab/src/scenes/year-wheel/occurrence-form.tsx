import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import type { PersonDto } from '../../api/contract';
import { createOccurrenceBody } from '../../../../functions/src/contract/year-wheel-schemas';
import { useI18n } from '../../i18n/i18n-context';
import { DropdownField, TextField, TextareaField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { useContractForm } from '../../shared/form/use-contract-form';
import { kindKey, occurrenceKindOptions } from './year-wheel-model';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    marginTop: tokens.spacingVerticalS,
  },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
});

/**
 * An activity as the form holds it: the create body (createOccurrenceBody) with its kind and note
 * always present. An edit sends the same fields but the kind.
 */
const occurrenceForm = createOccurrenceBody.extend({
  kind: createOccurrenceBody.shape.kind.unwrap(),
  note: createOccurrenceBody.shape.note.unwrap(),
});
export type OccurrenceFormValues = z.input<typeof occurrenceForm>;

/**
 * Adds an activity (with its kind) or edits one (date, owner, title, note), with visible labels;
 * a missing field is said in words next to it.
 */
export function OccurrenceForm(props: {
  heading: string;
  initial: OccurrenceFormValues;
  people: readonly PersonDto[];
  showKind: boolean;
  isSaving: boolean;
  onSubmit(values: OccurrenceFormValues): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const form = useContractForm(occurrenceForm, { defaultValues: props.initial });
  return (
    <form
      className={styles.form}
      onSubmit={form.handleSubmit((values) => props.onSubmit(values))}
      aria-label={props.heading}
      noValidate
    >
      {props.showKind ? (
        <DropdownField
          control={form.control}
          name="kind"
          label={t('yearWheel.kind')}
          options={occurrenceKindOptions.map((kind) => ({ value: kind, text: t(kindKey(kind)) }))}
        />
      ) : null}
      <TextField control={form.control} name="title" label={t('yearWheel.activityTitle')} required maxLength={200} />
      <DateFormField control={form.control} name="dueOn" label={t('yearWheel.date')} required />
      <DropdownField
        control={form.control}
        name="ownerId"
        label={t('yearWheel.owner')}
        required
        options={props.people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` }))}
      />
      <TextareaField
        control={form.control}
        name="note"
        label={t('yearWheel.note')}
        maxLength={2000}
        className={styles.wide}
      />
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={props.isSaving}>
          {t('yearWheel.save')}
        </Button>
        <Button type="button" onClick={props.onCancel}>
          {t('yearWheel.cancel')}
        </Button>
      </div>
    </form>
  );
}
