import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  OverlayDrawer,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DismissRegular, FilterRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { PersonRef } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
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
import { ProcedureCards } from './procedure-cards';
import { ProcedureTable } from './procedure-table';
import { narrowQuery, useMediaQuery } from '../../shared/use-media-query';
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
  narrowTop: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  accordionHeading: { margin: 0 },
});

/** How many of the filters (not the sort) are set, for the narrow tab's "Filtre (2)" button. */
function activeFilterCount(filters: HandbookFilters): number {
  return [filters.level, filters.area, filters.status, filters.ownerId, filters.unitId].filter(
    (value) => value !== null,
  ).length;
}

export function HandbookScene(props: { session: Session; query: URLSearchParams }) {
  const { t } = useI18n();
  const styles = useStyles();
  const navigate = useNavigate();
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
  // In a narrow tab (the Teams side panel, 420 px) the first procedure must be on the first
  // screen: the tree folds away, the filters open in a drawer, the rows become cards.
  const narrow = useMediaQuery(narrowQuery);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeCount = activeFilterCount(filters);
  const filtersForm = (
    <HandbookFiltersForm
      filters={filters}
      areas={areas.data?.areas ?? []}
      owners={owners}
      units={props.session.units}
      onChange={setFilters}
      onClear={() => setFilters({ ...defaultFilters, sort: filters.sort, order: filters.order })}
      canClear={hasActiveFilters(filters)}
    />
  );
  const tree = all.data ? (
    <ProcedureTree
      items={all.data.items}
      selectedArea={filters.area}
      onShowArea={(level, area) => setFilters({ ...filters, level, area })}
    />
  ) : all.isLoading ? (
    <Loading label={t('app.loading')} />
  ) : null;
  const listBody = (
    <>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        <>
          <p className={styles.summary} role="status">
            {items.length === 0
              ? t('handbook.noMatches')
              : t('handbook.showing', { shown: items.length, total: list.data.total })}
          </p>
          {items.length > 0 ? (
            narrow ? (
              <ProcedureCards items={items} label={t('handbook.procedures')} />
            ) : (
              <ProcedureTable
                items={items}
                sort={filters.sort}
                order={filters.order}
                onSort={(key) => setFilters(toggleSort(filters, key))}
              />
            )
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
    </>
  );

  if (narrow) {
    return (
      <>
        <div className={styles.top}>
          <PageHeading documentTitle={t('handbook.title')}>{t('handbook.title')}</PageHeading>
          {props.session.me.abilities.createProcedure ? (
            <Button
              appearance="primary"
              icon={<AddRegular aria-hidden />}
              onClick={() => navigate(paths.newProcedure())}
            >
              {t('nav.newProcedure')}
            </Button>
          ) : null}
        </div>
        <section aria-labelledby="handbook-procedures-heading" className={styles.tableArea}>
          <div className={styles.narrowTop}>
            <h2 id="handbook-procedures-heading" className={styles.sectionHeading}>
              {t('handbook.procedures')}
            </h2>
            <Button icon={<FilterRegular aria-hidden />} onClick={() => setFiltersOpen(true)}>
              {activeCount > 0 ? t('filters.openCount', { count: activeCount }) : t('handbook.filters')}
            </Button>
          </div>
          {/* Mounted only while open: a closed Fluent drawer still registers Tabster's modal
              machinery, whose focus sentinels axe reports at page load (aria-hidden-focus). */}
          {filtersOpen ? (
            <OverlayDrawer
              open
              position="end"
              onOpenChange={(_, data) => setFiltersOpen(data.open)}
              aria-labelledby="handbook-filters-title"
            >
              <DrawerHeader>
                <DrawerHeaderTitle
                  id="handbook-filters-title"
                  action={
                    <Button
                      appearance="subtle"
                      aria-label={t('filters.close')}
                      icon={<DismissRegular aria-hidden />}
                      onClick={() => setFiltersOpen(false)}
                    />
                  }
                >
                  {t('handbook.filters')}
                </DrawerHeaderTitle>
              </DrawerHeader>
              <DrawerBody>{filtersForm}</DrawerBody>
            </OverlayDrawer>
          ) : null}
          {listBody}
        </section>
        <nav aria-label={t('handbook.structure')}>
          <Accordion collapsible>
            <AccordionItem value="structure">
              <AccordionHeader as="h2">{t('handbook.structure')}</AccordionHeader>
              <AccordionPanel>
                {all.error ? <ErrorAlert error={all.error} onRetry={all.reload} /> : null}
                {tree}
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
        </nav>
      </>
    );
  }

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
          {tree}
        </nav>
        <section aria-labelledby="handbook-procedures-heading" className={styles.tableArea}>
          <h2 id="handbook-procedures-heading" className={styles.sectionHeading}>
            {t('handbook.procedures')}
          </h2>
          {filtersForm}
          {listBody}
        </section>
      </div>
    </>
  );
}
