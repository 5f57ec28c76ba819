import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { PersonRef } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useRouter } from '../../router/router';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { HandbookFiltersForm } from './handbook-filters';
import {
  defaultFilters,
  hasActiveFilters,
  parseHandbookQuery,
  toHandbookQuery,
  toggleSort,
  type HandbookFilters,
} from './handbook-query';
import { ProcedureTable } from './procedure-table';
import { ProcedureTree } from './procedure-tree';
import { useHandbookStructure, useProcedureList } from './use-handbook-data';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  intro: { marginTop: 0, color: tokens.colorNeutralForeground2 },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(16rem, 22rem) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 960px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  sectionHeading: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  tableArea: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  summary: { color: tokens.colorNeutralForeground2, margin: 0 },
});

export function HandbookScene(props: { session: Session; query: URLSearchParams }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { navigate } = useRouter();
  const filters = useMemo(() => parseHandbookQuery(props.query), [props.query]);
  const { list, showMore } = useProcedureList(filters);
  const { all, areas } = useHandbookStructure();

  const setFilters = (next: HandbookFilters) => navigate(paths.handbook(toHandbookQuery(next)), { replace: true });

  const owners = useMemo(() => {
    const byId = new Map<string, PersonRef>();
    for (const item of all.data?.items ?? []) byId.set(item.owner.id, item.owner);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [all.data]);

  const items = list.data?.items ?? [];
  return (
    <>
      <div className={styles.top}>
        <PageHeading documentTitle={t('handbook.title')}>{t('handbook.title')}</PageHeading>
        {props.session.me.abilities.createProcedure ? (
          <Button appearance="primary" icon={<AddRegular aria-hidden />} onClick={() => navigate(paths.newProcedure())}>
            {t('nav.newProcedure')}
          </Button>
        ) : null}
      </div>
      <p className={styles.intro}>{t('handbook.intro')}</p>
      <div className={styles.layout}>
        <nav aria-labelledby="handbook-structure-heading">
          <h2 id="handbook-structure-heading" className={styles.sectionHeading}>
            {t('handbook.structure')}
          </h2>
          {all.error ? <ErrorAlert error={all.error} onRetry={all.reload} /> : null}
          {all.data ? (
            <ProcedureTree
              items={all.data.items}
              selectedArea={filters.area}
              onShowArea={(level, area) => setFilters({ ...filters, level, area })}
            />
          ) : all.isLoading ? (
            <Loading label={t('app.loading')} />
          ) : null}
        </nav>
        <section aria-labelledby="handbook-procedures-heading" className={styles.tableArea}>
          <h2 id="handbook-procedures-heading" className={styles.sectionHeading}>
            {t('handbook.procedures')}
          </h2>
          <HandbookFiltersForm
            filters={filters}
            areas={areas.data?.areas ?? []}
            owners={owners}
            units={props.session.units}
            onChange={setFilters}
            onClear={() => setFilters({ ...defaultFilters, sort: filters.sort, order: filters.order })}
            canClear={hasActiveFilters(filters)}
          />
          {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
          {list.data ? (
            <>
              <p className={styles.summary} role="status">
                {items.length === 0
                  ? t('handbook.noMatches')
                  : t('handbook.showing', { shown: items.length, total: list.data.total })}
              </p>
              {items.length > 0 ? (
                <ProcedureTable
                  items={items}
                  sort={filters.sort}
                  order={filters.order}
                  onSort={(key) => setFilters(toggleSort(filters, key))}
                />
              ) : null}
              {list.data.total > items.length ? (
                <div>
                  <Button onClick={showMore} disabled={list.isLoading}>
                    {t('handbook.showMore')}
                  </Button>
                </div>
              ) : null}
            </>
          ) : list.isLoading ? (
            <Loading label={t('app.loading')} />
          ) : null}
        </section>
      </div>
    </>
  );
}
