import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { useController, useFieldArray, type Control, type FieldError } from 'react-hook-form';
import type { z } from 'zod';
import { roundBody } from '../../../../functions/src/contract/fokus-schemas';
import type { ApiRequestError } from '../../api/api-error';
import type { RoundBodyInput, RoundDto } from '../../api/fokus-api';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { TextareaField, TextField, fieldProps, useFieldMessage } from '../../shared/form/form-fields';
import { encodeFormMessage } from '../../shared/form/form-message';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ModalDialog } from '../../shared/modal-dialog';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  trio: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 10rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  theme: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  themeName: { flexGrow: 1, minWidth: 'min(100%, 14rem)' },
  units: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  actions: { display: 'flex', justifyContent: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The API's schema, and the scale read the right way round (the server says so too, less precisely). */
const roundForm = roundBody.refine((body) => body.scaleMax > body.scaleMin, {
  path: ['scaleMax'],
  message: encodeFormMessage({ key: 'fokus.round.scaleOrder' }),
  // Said together with the other fields' problems, as long as both ends are numbers.
  when: ({ value }) => {
    const { scaleMin, scaleMax } = (value ?? {}) as { scaleMin?: unknown; scaleMax?: unknown };
    return Number.isFinite(scaleMin) && Number.isFinite(scaleMax);
  },
});

type RoundFormValues = z.input<typeof roundForm>;

function valuesOf(round: RoundDto | undefined, year: number): RoundFormValues {
  if (!round) return { name: '', year, scaleMin: 1, scaleMax: 4, themes: [{ name: '' }], unitIds: [], note: '' };
  return {
    name: round.name,
    year: round.year,
    scaleMin: round.scaleMin,
    scaleMax: round.scaleMax,
    themes: round.themes.map((theme) => ({ id: theme.id, name: theme.name })),
    unitIds: [...round.unitIds],
    note: round.note,
  };
}

/**
 * Creates or changes an evaluation round (the coordinator): its name and year, the scale, the
 * municipality's own themes and the units it covers. Themes keep their ids (and so their scores)
 * when the round is changed. Checked with the API's schema before it is sent.
 */
export function RoundFormDialog(props: {
  open: boolean;
  round: RoundDto | undefined;
  units: readonly { id: string; name: string }[];
  onClose(): void;
  onSaved(round: RoundDto, isNew: boolean): void;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog
      open={props.open}
      title={props.round ? t('fokus.round.editTitle', { round: props.round.name }) : t('fokus.round.createTitle')}
      onClose={props.onClose}
    >
      <RoundForm key={props.round ? `${props.round.id}:${props.round.etag}` : 'new'} {...props} />
    </ModalDialog>
  );
}

function RoundForm(props: {
  round: RoundDto | undefined;
  units: readonly { id: string; name: string }[];
  onClose(): void;
  onSaved(round: RoundDto, isNew: boolean): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const form = useContractForm(roundForm, { defaultValues: valuesOf(props.round, new Date().getFullYear()) });
  const { control, handleSubmit } = form;
  const themes = useFieldArray({ control, name: 'themes', keyName: 'fieldKey' });
  const save = useApiMutation({
    run: (body: RoundBodyInput) => (props.round ? api.updateRound(props.round, body) : api.createRound(body)),
    onSuccess: (saved) => props.onSaved(saved, props.round === undefined),
    onError: setError,
    invalidates: () => [queryKeyOf('fokus-get')],
  });
  const unitsField = useController({ control, name: 'unitIds' });
  const unitsMessage = useFieldMessage(unitsField.fieldState.error);
  // An issue of the list itself (none or too many themes), not of one theme's name.
  const themesError = form.formState.errors.themes;
  const themesMessage = useFieldMessage(
    themesError?.root ?? (typeof themesError?.message === 'string' ? (themesError as FieldError) : undefined),
  );
  const chosen = new Set(unitsField.field.value);
  const unitsProblemId = useId();

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        setError(undefined);
        void handleSubmit((body) => save.mutate(body))(event);
      }}
    >
      <TextField
        control={control}
        name="name"
        label={t('fokus.round.name')}
        hint={t('fokus.round.nameHint')}
        required
        maxLength={200}
      />
      <div className={styles.trio}>
        <NumberField control={control} name="year" label={t('fokus.round.year')} />
        <NumberField control={control} name="scaleMin" label={t('fokus.round.scaleMin')} />
        <NumberField control={control} name="scaleMax" label={t('fokus.round.scaleMax')} />
      </div>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('fokus.round.themes')}</legend>
        <p className={styles.hint}>{t('fokus.round.themesHint')}</p>
        {themes.fields.map((field, index) => (
          <div key={field.fieldKey} className={styles.theme}>
            <TextField
              control={control}
              name={`themes.${index}.name`}
              label={t('fokus.round.theme', { number: index + 1 })}
              required
              maxLength={120}
              className={styles.themeName}
            />
            <Button
              type="button"
              disabled={themes.fields.length <= 1}
              onClick={() => themes.remove(index)}
              aria-label={t('fokus.round.removeTheme', { number: index + 1 })}
            >
              {t('fokus.round.removeTheme', { number: index + 1 })}
            </Button>
          </div>
        ))}
        {themesMessage ? <p className={styles.problem}>{themesMessage}</p> : null}
        <div>
          <Button type="button" disabled={themes.fields.length >= 30} onClick={() => themes.append({ name: '' })}>
            {t('fokus.round.addTheme')}
          </Button>
        </div>
      </fieldset>
      <fieldset className={styles.fieldset} aria-describedby={unitsMessage ? unitsProblemId : undefined}>
        <legend className={styles.legend}>{t('fokus.round.units')}</legend>
        <div className={styles.units}>
          {props.units.map((unit) => (
            <Checkbox
              key={unit.id}
              label={unit.name}
              checked={chosen.has(unit.id)}
              onChange={(_, data) =>
                unitsField.field.onChange(
                  data.checked === true
                    ? props.units.map((each) => each.id).filter((id) => id === unit.id || chosen.has(id))
                    : unitsField.field.value.filter((id) => id !== unit.id),
                )
              }
            />
          ))}
        </div>
        {unitsMessage ? (
          <p id={unitsProblemId} className={styles.problem}>
            {unitsMessage}
          </p>
        ) : null}
      </fieldset>
      <TextareaField control={control} name="note" label={t('fokus.round.note')} maxLength={2000} />
      {error ? <ErrorAlert error={error} /> : null}
      <div className={styles.actions}>
        <Button type="button" onClick={props.onClose} disabled={save.isPending}>
          {t('fokus.round.cancel')}
        </Button>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          {save.isPending ? t('fokus.round.saving') : t('fokus.round.save')}
        </Button>
      </div>
    </form>
  );
}

/** A whole number bound to the form; an emptied field is NaN, which the schema words as "required". */
function NumberField(props: {
  control: Control<RoundFormValues, unknown, unknown>;
  name: 'year' | 'scaleMin' | 'scaleMax';
  label: string;
}) {
  const { field, fieldState } = useController({ control: props.control, name: props.name });
  const message = useFieldMessage(fieldState.error);
  const value = field.value as number;
  return (
    <Field {...fieldProps({ label: props.label, required: true }, message)}>
      <Input
        ref={field.ref}
        name={field.name}
        type="number"
        inputMode="numeric"
        value={Number.isNaN(value) ? '' : String(value)}
        onChange={(_, data) => field.onChange(data.value.trim() === '' ? Number.NaN : Number(data.value))}
        onBlur={field.onBlur}
      />
    </Field>
  );
}
