import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { CoverageTable } from './coverage-table';
import { StandardsChoice } from './standards-choice';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem', marginTop: 0 },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
});

/**
 * "Dækningsmatrix", for the auditor: each clause of the standards the municipality works by
 * against the procedures, goals and audits that cite it. Uncovered clauses are highlighted and
 * can be shown alone; a filter picks one standard. The coordinator chooses the standards here.
 */
export function CoverageScene() {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const matrix = useApiQuery(queryKeyOf('coverage-matrix-get'), (signal) => api.getCoverageMatrix(signal));
  const [standard, setStandard] = useState('all');
  const [onlyUncovered, setOnlyUncovered] = useState(false);
  const title = t('coverage.title');
  const data = matrix.data;
  // A standard no longer worked by (the choice changed) shows them all again.
  const filter = data?.standards.some((entry) => entry.standard === standard) ? standard : 'all';
  const shown = data?.standards.filter((entry) => filter === 'all' || entry.standard === filter) ?? [];
  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('coverage.intro')}</p>
      <StandardsChoice />
      {matrix.error ? <ErrorAlert error={matrix.error} /> : null}
      {!data && !matrix.error ? <Loading label={t('app.loading')} /> : null}
      {data ? (
        <>
          <div className={styles.filters}>
            <OptionDropdown
              label={t('coverage.standardFilter')}
              value={filter}
              onChange={setStandard}
              options={[
                { value: 'all', text: t('coverage.allStandards') },
                ...data.standards.map((entry) => ({ value: entry.standard, text: entry.name })),
              ]}
            />
            <Checkbox
              label={t('coverage.onlyUncovered')}
              checked={onlyUncovered}
              onChange={(_event, checked) => setOnlyUncovered(checked.checked === true)}
            />
          </div>
          {shown.map((entry) => (
            <PageSection
              key={entry.standard}
              id={`coverage-${entry.standard}`}
              heading={`${entry.name}:${entry.edition}`}
            >
              <p>{t('coverage.uncoveredCount', { count: entry.uncoveredCount })}</p>
              <CoverageTable coverage={entry} onlyUncovered={onlyUncovered} hasGoals={data.hasGoals} />
              {entry.unplaced.length > 0 ? (
                <p>
                  {t('coverage.unplaced', {
                    items: entry.unplaced.map((item) => `${item.title} (${item.clause})`).join(', '),
                  })}
                </p>
              ) : null}
            </PageSection>
          ))}
        </>
      ) : null}
    </>
  );
}
