import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useFieldArray, useForm, type FieldErrors, type FieldPath } from 'react-hook-form';
import { surveyBody } from '../../../../functions/src/contract/survey-schemas';
import type { ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import type { SurveyBodyInput, SurveyDto } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n, type Translate } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { ModalDialog } from '../../shared/modal-dialog';
import { bodyOf, newScaleQuestion, newSurveyBody, unusedId } from './survey-model';

const locales = ['da', 'nb', 'en'] as const;
/** Each language by its own name, as the language picker shows it. */
const languageNames = { da: 'Dansk', nb: 'Norsk bokmål', en: 'English' } as const;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  trio: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
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
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  checks: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  summary: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', justifyContent: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The user's words for a field's problem (zod's own messages are English and for the API). */
function problemOf(errors: FieldErrors<SurveyBodyInput>, path: string, t: Translate): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const error = node as { message?: unknown; type?: unknown } | undefined;
  if (!error || typeof error.message !== 'string') return undefined;
  if (error.message === 'Required' || error.type === 'too_small') return t('surveys.form.problem.required');
  if (error.message.includes('YYYY-MM-DD')) return t('surveys.form.problem.date');
  return t('surveys.form.problem.invalid');
}

/**
 * Creates or edits a survey (coordinator): title and introduction in Danish, Norwegian and
 * English, the questions (scale 1–5, 1–6 or 1–10 with the satisfied values, or free text), the
 * headline question, the case types, the rounds and how long a link can be answered. The form is
 * checked with the API's own schema (contract/survey-schemas.ts); the server checks it again.
 */
export function SurveyFormDialog(props: {
  open: boolean;
  survey: SurveyDto | undefined;
  onClose(): void;
  onSaved(survey: SurveyDto): void;
}) {
  const { t } = useI18n();
  return (
    <ModalDialog
      open={props.open}
      title={props.survey ? t('surveys.form.titleEdit') : t('surveys.form.titleNew')}
      onClose={props.onClose}
    >
      <SurveyForm key={props.survey?.id ?? 'new'} {...props} />
    </ModalDialog>
  );
}

function SurveyForm(props: { survey: SurveyDto | undefined; onClose(): void; onSaved(survey: SurveyDto): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const form = useForm<SurveyBodyInput>({
    resolver: zodResolver(surveyBody),
    defaultValues: props.survey ? bodyOf(props.survey) : newSurveyBody(new Date().getFullYear()),
    mode: 'onSubmit',
  });
  const { register, control, handleSubmit, watch, formState } = form;
  const questions = useFieldArray({ control, name: 'questions', keyName: 'fieldKey' });
  const rounds = useFieldArray({ control, name: 'rounds', keyName: 'fieldKey' });
  const save = useApiMutation({
    run: (body: SurveyBodyInput) => (props.survey ? api.updateSurvey(props.survey, body) : api.createSurvey(body)),
    onSuccess: (saved) => props.onSaved(saved),
    onError: setError,
    invalidates: () => [queryKeyOf('surveys-list'), queryKeyOf('surveys-results')],
  });
  const problem = (path: FieldPath<SurveyBodyInput>) => problemOf(formState.errors, path, t);
  const fieldProps = (path: FieldPath<SurveyBodyInput>) => {
    const message = problem(path);
    return { validationState: message ? ('error' as const) : ('none' as const), validationMessage: message };
  };
  const localeName = (locale: (typeof locales)[number]) => languageNames[locale];
  const current = watch('questions');
  const scaleQuestions = current.filter((question) => question.kind === 'scale');
  const hasProblems = Object.keys(formState.errors).length > 0;

  return (
    <form
      className={styles.form}
      noValidate
      onSubmit={(event) => {
        setError(undefined);
        void handleSubmit((body) => save.mutate(body))(event);
      }}
    >
      {(['title', 'intro'] as const).map((name) => (
        <div key={name} className={styles.trio}>
          {locales.map((locale) => (
            <Field
              key={locale}
              label={t('surveys.form.inLocale', {
                field: t(name === 'title' ? 'surveys.form.surveyTitle' : 'surveys.form.intro'),
                locale: localeName(locale),
              })}
              required={name === 'title'}
              {...fieldProps(`${name}.${locale}`)}
            >
              {name === 'title' ? (
                <Input {...register(`${name}.${locale}`)} />
              ) : (
                <Textarea {...register(`${name}.${locale}`)} />
              )}
            </Field>
          ))}
        </div>
      ))}

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('surveys.form.questions')}</legend>
        {questions.fields.map((field, index) => {
          const question = current[index];
          const number = index + 1;
          return (
            <fieldset key={field.fieldKey} className={styles.fieldset}>
              <legend className={styles.legend}>{t('surveys.form.question', { number })}</legend>
              <div className={styles.trio}>
                {locales.map((locale) => (
                  <Field
                    key={locale}
                    label={t('surveys.form.inLocale', { field: t('surveys.form.wording'), locale: localeName(locale) })}
                    required
                    {...fieldProps(`questions.${index}.wording.${locale}`)}
                  >
                    <Input {...register(`questions.${index}.wording.${locale}`)} />
                  </Field>
                ))}
              </div>
              <div className={styles.row}>
                <Field label={t('surveys.form.kind')}>
                  <Select
                    value={question?.kind ?? 'scale'}
                    onChange={(_, data) => {
                      const wording = question?.wording ?? { da: '', nb: '', en: '' };
                      questions.update(
                        index,
                        data.value === 'text'
                          ? { id: field.id, kind: 'text', wording, isRequired: false }
                          : { ...newScaleQuestion(field.id), wording },
                      );
                    }}
                  >
                    <option value="scale">{t('surveys.form.kind.scale')}</option>
                    <option value="text">{t('surveys.form.kind.text')}</option>
                  </Select>
                </Field>
                {question?.kind === 'scale' ? (
                  <Field label={t('surveys.form.scaleMax')}>
                    <Select {...register(`questions.${index}.scaleMax`, { setValueAs: Number })}>
                      {[5, 6, 10].map((max) => (
                        <option key={max} value={max}>
                          {t('surveys.scale', { max })}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ) : null}
                <Controller
                  control={control}
                  name={`questions.${index}.isRequired`}
                  render={({ field: required }) => (
                    <Checkbox
                      label={t('surveys.form.required')}
                      checked={required.value}
                      onChange={(_, data) => required.onChange(data.checked === true)}
                    />
                  )}
                />
              </div>
              {question?.kind === 'scale' ? (
                <>
                  <Controller
                    control={control}
                    name={`questions.${index}.satisfiedValues`}
                    render={({ field: satisfied }) => {
                      const values = (satisfied.value as number[] | undefined) ?? [];
                      return (
                        <fieldset className={styles.fieldset}>
                          <legend className={styles.legend}>{t('surveys.form.satisfied')}</legend>
                          <div className={styles.checks}>
                            {Array.from({ length: Number(question.scaleMax) }, (_, value) => value + 1).map((value) => (
                              <Checkbox
                                key={value}
                                label={String(value)}
                                checked={values.includes(value)}
                                onChange={(_, data) =>
                                  satisfied.onChange(
                                    data.checked === true
                                      ? [...values, value].sort((a, b) => a - b)
                                      : values.filter((each) => each !== value),
                                  )
                                }
                              />
                            ))}
                          </div>
                          {problem(`questions.${index}.satisfiedValues`) ? (
                            <p className={styles.summary}>{problem(`questions.${index}.satisfiedValues`)}</p>
                          ) : null}
                        </fieldset>
                      );
                    }}
                  />
                  {(['lowLabel', 'highLabel'] as const).map((name) => (
                    <div key={name} className={styles.trio}>
                      {locales.map((locale) => (
                        <Field
                          key={locale}
                          label={t('surveys.form.inLocale', {
                            field: t(`surveys.form.${name}`),
                            locale: localeName(locale),
                          })}
                          {...fieldProps(`questions.${index}.${name}.${locale}`)}
                        >
                          <Input {...register(`questions.${index}.${name}.${locale}`)} />
                        </Field>
                      ))}
                    </div>
                  ))}
                </>
              ) : null}
              {questions.fields.length > 1 ? (
                <div>
                  <Button type="button" onClick={() => questions.remove(index)}>
                    {t('surveys.form.removeQuestion', { number })}
                  </Button>
                </div>
              ) : null}
            </fieldset>
          );
        })}
        <div>
          <Button
            type="button"
            onClick={() =>
              questions.append(
                newScaleQuestion(
                  unusedId(
                    'q',
                    current.map((question) => question.id),
                  ),
                ),
              )
            }
          >
            {t('surveys.form.addQuestion')}
          </Button>
        </div>
      </fieldset>

      <Field label={t('surveys.form.headlineQuestion')} {...fieldProps('headlineQuestionId')}>
        <Select {...register('headlineQuestionId')}>
          {scaleQuestions.map((question) => (
            <option key={question.id} value={question.id}>
              {question.wording.da || question.id}
            </option>
          ))}
        </Select>
      </Field>

      <Controller
        control={control}
        name="caseTypes"
        render={({ field }) => (
          <Field label={t('surveys.form.caseTypes')} required {...fieldProps('caseTypes')}>
            <Textarea
              value={field.value.join('\n')}
              onChange={(_, data) =>
                field.onChange(
                  data.value
                    .split('\n')
                    .map((line) => line.trim())
                    .filter(Boolean),
                )
              }
              onBlur={field.onBlur}
              rows={4}
            />
          </Field>
        )}
      />

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('surveys.form.rounds')}</legend>
        {rounds.fields.map((field, index) => (
          <fieldset key={field.fieldKey} className={styles.fieldset}>
            <legend className={styles.legend}>{t('surveys.form.roundNumber', { number: index + 1 })}</legend>
            <div className={styles.row}>
              <Field label={t('surveys.form.roundLabel')} required {...fieldProps(`rounds.${index}.label`)}>
                <Input {...register(`rounds.${index}.label`)} />
              </Field>
              <Field label={t('surveys.form.from')} required {...fieldProps(`rounds.${index}.from`)}>
                <Input type="date" {...register(`rounds.${index}.from`)} />
              </Field>
              <Field label={t('surveys.form.to')} required {...fieldProps(`rounds.${index}.to`)}>
                <Input type="date" {...register(`rounds.${index}.to`)} />
              </Field>
              {rounds.fields.length > 1 ? (
                <Button type="button" onClick={() => rounds.remove(index)}>
                  {t('surveys.form.removeRound', { number: index + 1 })}
                </Button>
              ) : null}
            </div>
          </fieldset>
        ))}
        <div>
          <Button
            type="button"
            onClick={() => {
              const year = new Date().getFullYear() + rounds.fields.length;
              const id = unusedId(
                'r',
                watch('rounds').map((round) => round.id),
              );
              rounds.append({ id, label: String(year), from: `${year}-01-01`, to: `${year}-12-31` });
            }}
          >
            {t('surveys.form.addRound')}
          </Button>
        </div>
      </fieldset>

      <Field label={t('surveys.form.linkValidDays')} required {...fieldProps('linkValidDays')}>
        <Input type="number" min={1} max={365} {...register('linkValidDays', { valueAsNumber: true })} />
      </Field>

      {hasProblems ? (
        <p role="alert" className={styles.summary}>
          {t('surveys.form.problem.summary')}
        </p>
      ) : null}
      {error ? <ErrorAlert error={error} /> : null}
      <div className={styles.actions}>
        <Button type="button" onClick={props.onClose} disabled={save.isPending}>
          {t('surveys.form.cancel')}
        </Button>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          {save.isPending ? t('surveys.form.saving') : t('surveys.form.save')}
        </Button>
      </div>
    </form>
  );
}
