import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonRef, ProcessLevel, UnitDto } from '../../api/contract';
import type { AreaSummary } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { LazyOptionDropdown } from '../../shared/lazy-option-dropdown';
import { processLevelOrder, statusFilters, type HandbookFilters } from './handbook-query';

const useStyles = makeStyles({
  root: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalS, padding: 0 },
  field: { minWidth: '11rem' },
});

export function HandbookFiltersForm(props: {
  filters: HandbookFilters;
  areas: AreaSummary['areas'];
  owners: readonly PersonRef[];
  units: readonly UnitDto[];
  onChange(filters: HandbookFilters): void;
  onClear(): void;
  canClear: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { filters } = props;
  const areas = [
    ...new Set(props.areas.filter((a) => !filters.level || a.level === filters.level).map((a) => a.area)),
  ].sort((a, b) => a.localeCompare(b));
  const set = (patch: Partial<HandbookFilters>) => props.onChange({ ...filters, ...patch });
  const all = { value: '', text: t('handbook.filterAll') };

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t('handbook.filters')}</legend>
      <LazyOptionDropdown
        label={t('handbook.filterLevel')}
        fieldClassName={styles.field}
        options={[all, ...processLevelOrder.map((level) => ({ value: level, text: t(`levelPlural.${level}`) }))]}
        value={filters.level ?? ''}
        onChange={(value) => {
          const level = (value || null) as ProcessLevel | null;
          const areaStillFits = props.areas.some((a) => a.area === filters.area && (!level || a.level === level));
          set({ level, area: areaStillFits ? filters.area : null });
        }}
      />
      <LazyOptionDropdown
        label={t('handbook.filterArea')}
        fieldClassName={styles.field}
        options={[all, ...areas.map((area) => ({ value: area, text: area }))]}
        value={filters.area ?? ''}
        onChange={(value) => set({ area: value || null })}
      />
      <LazyOptionDropdown
        label={t('handbook.filterStatus')}
        fieldClassName={styles.field}
        options={[all, ...statusFilters.map((status) => ({ value: status, text: t(`statusFilter.${status}`) }))]}
        value={filters.status ?? ''}
        onChange={(value) => set({ status: (value || null) as HandbookFilters['status'] })}
      />
      <LazyOptionDropdown
        label={t('handbook.filterOwner')}
        fieldClassName={styles.field}
        options={[all, ...props.owners.map((owner) => ({ value: owner.id, text: owner.name }))]}
        value={filters.ownerId ?? ''}
        onChange={(value) => set({ ownerId: value || null })}
      />
      <LazyOptionDropdown
        label={t('handbook.filterUnit')}
        fieldClassName={styles.field}
        options={[all, ...props.units.map((unit) => ({ value: unit.id, text: unit.name }))]}
        value={filters.unitId ?? ''}
        onChange={(value) => set({ unitId: value || null })}
      />
      <Button appearance="secondary" disabled={!props.canClear} onClick={props.onClear}>
        {t('handbook.clearFilters')}
      </Button>
    </fieldset>
  );
}
