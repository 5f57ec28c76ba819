import { Button, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { PersonRef, ProcessLevel, UnitDto } from '../../api/contract';
import type { AreaSummary } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
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

  return (
    <fieldset className={styles.root}>
      <legend className={styles.legend}>{t('handbook.filters')}</legend>
      <Field label={t('handbook.filterLevel')} className={styles.field}>
        <Select
          value={filters.level ?? ''}
          onChange={(_, data) => {
            const level = (data.value || null) as ProcessLevel | null;
            const areaStillFits = props.areas.some((a) => a.area === filters.area && (!level || a.level === level));
            set({ level, area: areaStillFits ? filters.area : null });
          }}
        >
          <option value="">{t('handbook.filterAll')}</option>
          {processLevelOrder.map((level) => (
            <option key={level} value={level}>
              {t(`levelPlural.${level}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('handbook.filterArea')} className={styles.field}>
        <Select value={filters.area ?? ''} onChange={(_, data) => set({ area: data.value || null })}>
          <option value="">{t('handbook.filterAll')}</option>
          {areas.map((area) => (
            <option key={area} value={area}>
              {area}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('handbook.filterStatus')} className={styles.field}>
        <Select
          value={filters.status ?? ''}
          onChange={(_, data) => set({ status: (data.value || null) as HandbookFilters['status'] })}
        >
          <option value="">{t('handbook.filterAll')}</option>
          {statusFilters.map((status) => (
            <option key={status} value={status}>
              {t(`statusFilter.${status}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('handbook.filterOwner')} className={styles.field}>
        <Select value={filters.ownerId ?? ''} onChange={(_, data) => set({ ownerId: data.value || null })}>
          <option value="">{t('handbook.filterAll')}</option>
          {props.owners.map((owner) => (
            <option key={owner.id} value={owner.id}>
              {owner.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('handbook.filterUnit')} className={styles.field}>
        <Select value={filters.unitId ?? ''} onChange={(_, data) => set({ unitId: data.value || null })}>
          <option value="">{t('handbook.filterAll')}</option>
          {props.units.map((unit) => (
            <option key={unit.id} value={unit.id}>
              {unit.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="secondary" disabled={!props.canClear} onClick={props.onClear}>
        {t('handbook.clearFilters')}
      </Button>
    </fieldset>
  );
}
