import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, type FieldErrors } from 'react-hook-form';
import type { CreateGoalBody, GoalDetailDto, GoalViewDto } from '../../api/goals-api';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import type { Session } from '../../session/session-context';
import { DateField } from '../../shared/date-field';
import { ErrorAlert } from '../../shared/error-alert';
import { OptionDropdown } from '../../shared/option-dropdown';
import { createGoalBody } from '../../../../functions/src/contract/goal-schemas';
import { cadenceKey, measurementKey, metricKey, registerKindKey, registerMetricKey, statusKey } from './goal-model';
import { goalFormDefaults, unitOfMeasurement, splitList } from './goal-form-model';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    marginBottom: tokens.spacingVerticalM,
  },
  heading: { gridColumn: '1 / -1', margin: 0, fontSize: tokens.fontSizeBase400 },
  wide: { gridColumn: '1 / -1' },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS, gridColumn: '1 / -1' },
});

const months = Array.from({ length: 12 }, (_, index) => index + 1);

/** Which message says what is wrong with a field (the contract's checks, in the user's words). */
function errorKeyOf(errors: FieldErrors<CreateGoalBody>, name: string): MessageKey | undefined {
  const path = name.split('.');
  let node: unknown = errors;
  for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
  if (!node) return undefined;
  return name === 'title' || name === 'ownerId' ? 'goals.form.required' : 'goals.form.invalid';
}

/**
 * Sets or changes a goal (the coordinator): what is measured and how, the target and the colour
 * thresholds, the period, owner and revision month. Checked with the API's own schema before it
 * is sent; the server checks it again.
 */
export function GoalForm(props: {
  heading: string;
  goal: GoalViewDto | null;
  session: Session;
  onSaved(goal: GoalDetailDto): void;
  onCancel(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm<CreateGoalBody>({
    resolver: zodResolver(createGoalBody),
    defaultValues: goalFormDefaults(props.goal, props.session.me.person.id, today),
  });
  const { control, handleSubmit, watch, setValue, formState } = form;
  // The whole measurement: setValue('measurement', …) replaces the object, and a watch of its
  // nested 'kind' alone did not see the change (the fields of the chosen kind never showed).
  const measurementKind = watch('measurement').kind;
  const saving = useApiMutation({
    run: (body: CreateGoalBody) => (props.goal ? api.updateGoal(props.goal, body) : api.createGoal(body)),
    onSuccess: (saved) => props.onSaved(saved),
    invalidates: (saved) => [
      queryKeyOf('goals-list'),
      queryKeyOf('goals-get', { params: { id: saved.id } }),
      queryKeyOf('overview'),
    ],
  });
  const message = (name: string) => {
    const key = errorKeyOf(formState.errors, name);
    return key ? t(key) : undefined;
  };
  const state = (name: string) => (message(name) ? 'error' : 'none');
  const setMeasurement = (kind: CreateGoalBody['measurement']['kind'], metric = 'share-within-target' as const) => {
    const measurement: CreateGoalBody['measurement'] =
      kind === 'cases'
        ? { kind, metric }
        : kind === 'survey'
          ? { kind, surveyId: null }
          : kind === 'register'
            ? { kind, metric: 'replied-in-time', kinds: [] }
            : { kind, values: props.goal?.measurement.kind === 'entered' ? props.goal.measurement.values : [] };
    setValue('measurement', measurement);
    const unit = unitOfMeasurement(measurement);
    if (unit) setValue('target.unit', unit);
  };

  return (
    <form
      className={styles.form}
      aria-label={props.heading}
      noValidate
      onSubmit={(event) => void handleSubmit((body) => saving.mutate(body))(event)}
    >
      <h3 className={styles.heading}>{props.heading}</h3>
      <Controller
        control={control}
        name="title"
        render={({ field }) => (
          <Field
            label={t('goals.form.title')}
            required
            className={styles.wide}
            validationMessage={message('title')}
            validationState={state('title')}
          >
            <Input value={field.value} maxLength={200} onChange={(_, data) => field.onChange(data.value)} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="description"
        render={({ field }) => (
          <Field label={t('goals.form.description')} className={styles.wide}>
            <Textarea value={field.value} maxLength={4000} onChange={(_, data) => field.onChange(data.value)} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="measurement"
        render={({ field }) => (
          <OptionDropdown
            label={t('goals.form.measurement')}
            options={(['cases', 'survey', 'entered', 'register'] as const).map((kind) => ({
              value: kind,
              text: t(measurementKey[kind]),
            }))}
            value={field.value.kind}
            onChange={(kind) => setMeasurement(kind as CreateGoalBody['measurement']['kind'])}
          />
        )}
      />
      {measurementKind === 'cases' ? (
        <Controller
          control={control}
          name="measurement"
          render={({ field }) => (
            <OptionDropdown
              label={t('goals.form.metric')}
              options={(['share-within-target', 'mean-days', 'median-days', 'backlog'] as const).map((metric) => ({
                value: metric,
                text: t(metricKey[metric]),
              }))}
              value={field.value.kind === 'cases' ? field.value.metric : ''}
              onChange={(metric) => {
                const measurement = { kind: 'cases', metric } as CreateGoalBody['measurement'];
                setValue('measurement', measurement);
                const unit = unitOfMeasurement(measurement);
                if (unit) setValue('target.unit', unit);
              }}
            />
          )}
        />
      ) : null}
      {measurementKind === 'register' ? (
        <Controller
          control={control}
          name="measurement"
          render={({ field }) => (
            <>
              <OptionDropdown
                label={t('goals.form.registerMetric')}
                options={(['replied-in-time', 'overdue-unanswered'] as const).map((metric) => ({
                  value: metric,
                  text: t(registerMetricKey[metric]),
                }))}
                value={field.value.kind === 'register' ? field.value.metric : ''}
                onChange={(metric) => {
                  const kinds = field.value.kind === 'register' ? field.value.kinds : [];
                  const measurement = { kind: 'register', metric, kinds } as CreateGoalBody['measurement'];
                  setValue('measurement', measurement);
                  const unit = unitOfMeasurement(measurement);
                  if (unit) setValue('target.unit', unit);
                }}
              />
              <OptionDropdown
                label={t('goals.form.registerKinds')}
                hint={t('goals.form.registerKindsHint')}
                options={[
                  { value: 'all', text: t('goals.registerKind.all') },
                  ...(['complaint', 'praise', 'suggestion', 'deviation'] as const).map((kind) => ({
                    value: kind,
                    text: t(registerKindKey[kind]),
                  })),
                ]}
                value={field.value.kind === 'register' ? (field.value.kinds[0] ?? 'all') : 'all'}
                onChange={(value) => {
                  if (field.value.kind !== 'register') return;
                  setValue('measurement', {
                    ...field.value,
                    kinds: value === 'all' ? [] : [value as (typeof field.value.kinds)[number]],
                  });
                }}
              />
            </>
          )}
        />
      ) : null}
      <Controller
        control={control}
        name="target.direction"
        render={({ field }) => (
          <OptionDropdown
            label={t('goals.form.direction')}
            options={[
              { value: 'at-least', text: t('goals.form.atLeast') },
              { value: 'at-most', text: t('goals.form.atMost') },
            ]}
            value={field.value}
            onChange={(value) => field.onChange(value)}
          />
        )}
      />
      <Controller
        control={control}
        name="target.value"
        render={({ field }) => (
          <Field
            label={t('goals.form.targetValue')}
            required
            validationMessage={message('target.value')}
            validationState={state('target.value')}
          >
            <Input
              type="number"
              min={0}
              value={String(field.value)}
              onChange={(_, data) => field.onChange(data.value === '' ? Number.NaN : Number(data.value))}
            />
          </Field>
        )}
      />
      {measurementKind === 'entered' ? (
        <Controller
          control={control}
          name="target.unit"
          render={({ field }) => (
            <OptionDropdown
              label={t('goals.form.unit')}
              options={(['percent', 'days', 'count'] as const).map((unit) => ({
                value: unit,
                text: t(`goals.unit.${unit}`),
              }))}
              value={field.value}
              onChange={(value) => field.onChange(value)}
            />
          )}
        />
      ) : null}
      <Controller
        control={control}
        name="thresholds.yellowWithinPoints"
        render={({ field }) => (
          <Field
            label={t('goals.form.yellowWithin')}
            hint={t('goals.form.yellowWithinHint')}
            validationMessage={message('thresholds.yellowWithinPoints')}
            validationState={state('thresholds.yellowWithinPoints')}
          >
            <Input
              type="number"
              min={0}
              value={String(field.value)}
              onChange={(_, data) => field.onChange(data.value === '' ? Number.NaN : Number(data.value))}
            />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="periodFrom"
        render={({ field }) => (
          <Field label={t('goals.form.periodFrom')} required validationMessage={message('periodFrom')}>
            <DateField value={field.value} onChange={field.onChange} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="periodTo"
        render={({ field }) => (
          <Field label={t('goals.form.periodTo')} required validationMessage={message('periodTo')}>
            <DateField value={field.value} onChange={field.onChange} />
          </Field>
        )}
      />
      <Controller
        control={control}
        name="cadence"
        render={({ field }) => (
          <OptionDropdown
            label={t('goals.form.cadence')}
            options={(['monthly', 'quarterly', 'yearly'] as const).map((cadence) => ({
              value: cadence,
              text: t(cadenceKey[cadence]),
            }))}
            value={field.value}
            onChange={(value) => field.onChange(value)}
          />
        )}
      />
      <Controller
        control={control}
        name="ownerId"
        render={({ field }) => (
          <OptionDropdown
            inline
            label={t('goals.owner')}
            options={props.session.people.map((person) => ({
              value: person.id,
              text: person.title ? `${person.name} – ${person.title}` : person.name,
            }))}
            value={field.value}
            onChange={field.onChange}
            required
            validationMessage={message('ownerId')}
          />
        )}
      />
      <Controller
        control={control}
        name="status"
        render={({ field }) => (
          <OptionDropdown
            label={t('goals.form.status')}
            options={(['draft', 'active', 'achieved', 'not-achieved', 'retired'] as const).map((status) => ({
              value: status,
              text: t(statusKey[status]),
            }))}
            value={field.value}
            onChange={(value) => field.onChange(value)}
          />
        )}
      />
      <Controller
        control={control}
        name="revisionMonth"
        render={({ field }) => (
          <OptionDropdown
            label={t('goals.form.revisionMonth')}
            options={months.map((month) => ({
              value: String(month),
              text: t(`yearWheel.month${month}` as MessageKey),
            }))}
            value={String(field.value)}
            onChange={(value) => field.onChange(Number(value))}
          />
        )}
      />
      <Controller
        control={control}
        name="clauses"
        render={({ field }) => (
          <Field
            label={t('goals.form.clauses')}
            hint={t('goals.form.clausesHint')}
            validationMessage={message('clauses')}
            validationState={state('clauses')}
          >
            <Input
              defaultValue={field.value.join(', ')}
              onChange={(_, data) => field.onChange(splitList(data.value))}
            />
          </Field>
        )}
      />
      {measurementKind === 'cases' ? (
        <Controller
          control={control}
          name="scope.caseTypes"
          render={({ field }) => (
            <Field label={t('goals.form.caseTypes')} hint={t('goals.form.caseTypesHint')}>
              <Input
                defaultValue={field.value.join(', ')}
                onChange={(_, data) => field.onChange(splitList(data.value))}
              />
            </Field>
          )}
        />
      ) : null}
      {saving.error ? (
        <div className={styles.wide}>
          <ErrorAlert error={saving.error} />
        </div>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={saving.isPending}>
          {saving.isPending ? t('goals.form.saving') : t('goals.form.save')}
        </Button>
        <Button type="button" onClick={props.onCancel}>
          {t('goals.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
