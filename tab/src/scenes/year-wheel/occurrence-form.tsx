import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { OccurrenceKind, PersonDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { PersonSelect } from '../../shared/person-select';
import { kindKey, occurrenceKindOptions } from './year-wheel-model';
import { DateField } from '../../shared/date-field';

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

export type OccurrenceFormValues = {
  kind: OccurrenceKind;
  title: string;
  dueOn: string;
  ownerId: string;
  note: string;
};

/**
 * Adds an activity (with its kind) or edits one (date, owner, title, note). Native inputs with
 * visible labels; a missing field is said in words next to it.
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
  const [values, setValues] = useState(props.initial);
  const [isSubmitted, setIsSubmitted] = useState(false);
  const missing = (value: string) => (isSubmitted && value.trim() === '' ? t('yearWheel.required') : undefined);
  const set = (patch: Partial<OccurrenceFormValues>) => setValues((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (!values.title.trim() || !values.dueOn || !values.ownerId) return;
    props.onSubmit({ ...values, title: values.title.trim() });
  };
  return (
    <form className={styles.form} onSubmit={submit} aria-label={props.heading} noValidate>
      {props.showKind ? (
        <Field label={t('yearWheel.kind')}>
          <Select value={values.kind} onChange={(_, data) => set({ kind: data.value as OccurrenceKind })}>
            {occurrenceKindOptions.map((kind) => (
              <option key={kind} value={kind}>
                {t(kindKey(kind))}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <Field
        label={t('yearWheel.activityTitle')}
        required
        validationMessage={missing(values.title)}
        validationState={missing(values.title) ? 'error' : 'none'}
      >
        <Input value={values.title} maxLength={200} onChange={(_, data) => set({ title: data.value })} />
      </Field>
      <Field
        label={t('yearWheel.date')}
        required
        validationMessage={missing(values.dueOn)}
        validationState={missing(values.dueOn) ? 'error' : 'none'}
      >
        <DateField value={values.dueOn} onChange={(value) => set({ dueOn: value })} />
      </Field>
      <PersonSelect
        label={t('yearWheel.owner')}
        people={props.people}
        value={values.ownerId}
        onChange={(ownerId) => set({ ownerId })}
        required
        validationMessage={missing(values.ownerId)}
      />
      <Field label={t('yearWheel.note')} className={styles.wide}>
        <Textarea value={values.note} maxLength={2000} onChange={(_, data) => set({ note: data.value })} />
      </Field>
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
