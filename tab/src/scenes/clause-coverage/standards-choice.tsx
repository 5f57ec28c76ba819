import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { ApiRequestError } from '../../api/api-error';
import type { StandardsDto } from '../../api/fokus-api';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';

const useStyles = makeStyles({
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    minWidth: 0,
    maxWidth: '48rem',
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  hint: { margin: 0, flexBasis: '100%', color: tokens.colorNeutralForeground2 },
  problem: { margin: 0, flexBasis: '100%', color: tokens.colorPaletteRedForeground1 },
  status: { minHeight: '1.5em', margin: `0 0 ${tokens.spacingVerticalS}` },
});

type StandardId = StandardsDto['chosen'][number];

/**
 * The standards the municipality works by (ISO 9001, 14001, 45001): the coordinator chooses them
 * here and the matrix follows; everyone else reads which they are.
 */
export function StandardsChoice() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const standards = useApiQuery(queryKeyOf('standards-get'), (signal) => api.getStandards(signal));
  // Outside the form, which starts afresh from each saved choice.
  const [status, setStatus] = useState('');
  const data = standards.data;
  if (standards.error) return <ErrorAlert error={standards.error} onRetry={standards.reload} />;
  if (!data) return null;
  const names = (ids: readonly StandardId[]) =>
    ids.map((id) => data.available.find((standard) => standard.id === id)?.name ?? id).join(', ');
  if (!data.abilities.choose) return <p>{t('coverage.standards.chosen', { standards: names(data.chosen) })}</p>;
  return (
    <>
      <StandardsForm
        key={data.etag}
        data={data}
        onSaved={(saved) => setStatus(t('coverage.standards.saved', { standards: names(saved.chosen) }))}
        onChange={() => setStatus('')}
      />
      <p role="status" className={styles.status}>
        {status}
      </p>
    </>
  );
}

function StandardsForm(props: { data: StandardsDto; onSaved(saved: StandardsDto): void; onChange(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const problemId = useId();
  const { data } = props;
  const [chosen, setChosen] = useState<StandardId[]>(data.chosen);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const save = useApiMutation({
    run: (ids: StandardId[]) => api.chooseStandards(ids, data.etag),
    onSuccess: props.onSaved,
    onError: setError,
    invalidates: () => [queryKeyOf('standards-get'), queryKeyOf('coverage-matrix-get')],
  });
  const isEmpty = chosen.length === 0;
  const isChanged = chosen.length !== data.chosen.length || chosen.some((id) => !data.chosen.includes(id));
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(undefined);
        if (!isEmpty) save.mutate(chosen);
      }}
    >
      <fieldset className={styles.fieldset} aria-describedby={isEmpty ? problemId : undefined}>
        <legend className={styles.legend}>{t('coverage.standards.heading')}</legend>
        <p className={styles.hint}>{t('coverage.standards.hint')}</p>
        {data.available.map((standard) => (
          <Checkbox
            key={standard.id}
            label={t('coverage.standards.option', { name: standard.name, edition: standard.edition })}
            checked={chosen.includes(standard.id)}
            onChange={(_, change) => {
              props.onChange();
              setChosen((current) =>
                data.available
                  .map((each) => each.id)
                  .filter((id) => (id === standard.id ? change.checked === true : current.includes(id))),
              );
            }}
          />
        ))}
        <Button type="submit" appearance="primary" disabled={save.isPending || isEmpty || !isChanged}>
          {save.isPending ? t('coverage.standards.saving') : t('coverage.standards.save')}
        </Button>
        {isEmpty ? (
          <p id={problemId} className={styles.problem}>
            {t('coverage.standards.atLeastOne')}
          </p>
        ) : null}
      </fieldset>
      {error ? <ErrorAlert error={error} /> : null}
    </form>
  );
}
