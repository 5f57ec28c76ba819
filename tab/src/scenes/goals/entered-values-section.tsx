import { Button, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiRequestError } from '../../api/api-error';
import type { GoalDetailDto } from '../../api/goals-api';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { DateField } from '../../shared/date-field';
import { ErrorAlert } from '../../shared/error-alert';
import { PageSection } from '../../shared/page-section';
import { intlTags } from '../../../../functions/src/core/locale';
import { formatFigure, parseEnteredValue } from './goal-model';

const useStyles = makeStyles({
  tableWrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', fontSize: tokens.fontSizeBase300 },
  caption: { textAlign: 'start', padding: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground2 },
  cell: {
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 12rem), 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    maxWidth: '48rem',
    marginTop: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  heading: { gridColumn: '1 / -1', margin: 0, fontSize: tokens.fontSizeBase400 },
  wide: { gridColumn: '1 / -1' },
  buttons: { gridColumn: '1 / -1' },
});

/**
 * The values of a goal measured by entered values, newest first, and (for its owner and the
 * coordinator) a form to enter one for a date in the goal's period. The goal's value is the
 * newest of its period; the server measures it again on save.
 */
export function EnteredValuesSection(props: { goal: GoalDetailDto; onSaved(goal: GoalDetailDto): void }) {
  const { t, formatDate, locale } = useI18n();
  const styles = useStyles();
  const { goal } = props;
  if (goal.measurement.kind !== 'entered') return null;
  const values = [...goal.measurement.values].sort((a, b) => (a.on < b.on ? 1 : a.on > b.on ? -1 : 0));
  const tag = intlTags[locale];
  return (
    <PageSection id="goal-entered" heading={t('goals.entered.heading')}>
      <p>{t('goals.entered.intro')}</p>
      {values.length === 0 ? (
        <p>{t('goals.entered.none')}</p>
      ) : (
        <div className={styles.tableWrap} role="region" aria-labelledby="goal-entered-caption" tabIndex={0}>
          <table className={styles.table}>
            <caption id="goal-entered-caption" className={styles.caption}>
              {t('goals.entered.caption')}
            </caption>
            <thead>
              <tr>
                <th scope="col" className={styles.cell}>
                  {t('goals.entered.on')}
                </th>
                <th scope="col" className={`${styles.cell} ${styles.number}`}>
                  {t('goals.entered.value')}
                </th>
                <th scope="col" className={styles.cell}>
                  {t('goals.entered.note')}
                </th>
              </tr>
            </thead>
            <tbody>
              {values.map((entry, index) => (
                <tr key={`${entry.on}-${index}`}>
                  <th scope="row" className={styles.cell}>
                    {formatDate(entry.on)}
                  </th>
                  <td className={`${styles.cell} ${styles.number}`}>
                    {formatFigure(entry.value, goal.target.unit, tag)}
                  </td>
                  <td className={styles.cell}>{entry.note || '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {goal.abilities.enterValue ? <EnteredValueForm key={goal.etag} goal={goal} onSaved={props.onSaved} /> : null}
    </PageSection>
  );
}

function EnteredValueForm(props: { goal: GoalDetailDto; onSaved(goal: GoalDetailDto): void }) {
  const { t, formatDate } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { goal } = props;
  const today = new Date().toISOString().slice(0, 10);
  const [on, setOn] = useState(today < goal.periodTo ? today : goal.periodTo);
  const [valueText, setValueText] = useState('');
  const [note, setNote] = useState('');
  const [isChecked, setIsChecked] = useState(false);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const value = parseEnteredValue(valueText);
  const isDateInPeriod = on !== '' && on >= goal.periodFrom && on <= goal.periodTo;
  const save = useApiMutation({
    run: (entry: { on: string; value: number; note: string }) =>
      api.updateGoal(goal, {
        measurement: {
          kind: 'entered',
          values: [...(goal.measurement.kind === 'entered' ? goal.measurement.values : []), entry],
        },
      }),
    onSuccess: props.onSaved,
    onError: setError,
    invalidates: (saved) => [
      queryKeyOf('goals-list'),
      queryKeyOf('goals-get', { params: { id: saved.id } }),
      queryKeyOf('overview'),
    ],
  });
  const dateMessage =
    isChecked && !isDateInPeriod
      ? t('goals.entered.outsidePeriod', { from: formatDate(goal.periodFrom), to: formatDate(goal.periodTo) })
      : undefined;
  const valueMessage = isChecked && value === null ? t('goals.entered.badValue') : undefined;
  return (
    <form
      className={styles.form}
      aria-labelledby="goal-entered-form-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        setIsChecked(true);
        if (value === null || !isDateInPeriod) return;
        save.mutate({ on, value, note: note.trim() });
      }}
    >
      <h3 id="goal-entered-form-heading" className={styles.heading}>
        {t('goals.entered.formHeading')}
      </h3>
      <Field
        label={t('goals.entered.on')}
        required
        validationState={dateMessage ? 'error' : 'none'}
        validationMessage={dateMessage}
      >
        <DateField value={on} onChange={setOn} minDate={goal.periodFrom} maxDate={goal.periodTo} />
      </Field>
      <Field
        label={t('goals.entered.value')}
        required
        validationState={valueMessage ? 'error' : 'none'}
        validationMessage={valueMessage}
      >
        <Input
          inputMode="decimal"
          autoComplete="off"
          value={valueText}
          onChange={(_, data) => setValueText(data.value)}
        />
      </Field>
      <Field label={t('goals.entered.note')} className={styles.wide}>
        <Textarea value={note} maxLength={500} resize="vertical" onChange={(_, data) => setNote(data.value)} />
      </Field>
      {error ? (
        <div className={styles.wide}>
          <ErrorAlert error={error} />
        </div>
      ) : null}
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" disabled={save.isPending}>
          {save.isPending ? t('goals.entered.adding') : t('goals.entered.add')}
        </Button>
      </div>
    </form>
  );
}
