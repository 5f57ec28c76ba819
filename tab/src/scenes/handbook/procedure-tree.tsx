import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, FilterRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import type { ProcedureListItem, ProcessLevel } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { processLevelOrder } from './handbook-query';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, paddingLeft: tokens.spacingHorizontalL },
  rootList: { listStyle: 'none', margin: 0, padding: 0 },
  item: { margin: `${tokens.spacingVerticalXXS} 0` },
  toggle: { justifyContent: 'flex-start', textAlign: 'left', minWidth: 0, fontWeight: tokens.fontWeightSemibold },
  areaRow: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  count: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  procedure: { display: 'block', padding: `${tokens.spacingVerticalXXS} 0` },
  code: { fontVariantNumeric: 'tabular-nums', marginRight: tokens.spacingHorizontalXS },
});

type AreaGroup = { area: string; items: ProcedureListItem[] };
type LevelGroup = { level: ProcessLevel; areas: AreaGroup[]; count: number };

export function groupByLevelAndArea(items: readonly ProcedureListItem[]): LevelGroup[] {
  return processLevelOrder.flatMap((level) => {
    const inLevel = items.filter((item) => item.level === level);
    if (inLevel.length === 0) return [];
    const areaNames = [...new Set(inLevel.map((item) => item.area))].sort((a, b) => a.localeCompare(b));
    return [
      {
        level,
        count: inLevel.length,
        areas: areaNames.map((area) => ({ area, items: inLevel.filter((item) => item.area === area) })),
      },
    ];
  });
}

function Disclosure(props: { label: string; count: string; isExpanded: boolean; onToggle(): void; controls: string }) {
  const styles = useStyles();
  return (
    <Button
      appearance="subtle"
      size="small"
      className={styles.toggle}
      aria-expanded={props.isExpanded}
      aria-controls={props.controls}
      icon={props.isExpanded ? <ChevronDownRegular aria-hidden /> : <ChevronRightRegular aria-hidden />}
      onClick={props.onToggle}
    >
      <span>
        {props.label} <span className={styles.count}>({props.count})</span>
      </span>
    </Button>
  );
}

/**
 * The handbook's structure as a nested list of disclosure buttons (aria-expanded) and links:
 * level → area → procedure. Simpler for assistive technology than a tree of interactive items.
 */
export function ProcedureTree(props: {
  items: readonly ProcedureListItem[];
  selectedArea: string | null;
  onShowArea(level: ProcessLevel, area: string): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const baseId = useId();
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(processLevelOrder));
  const toggle = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });

  const groups = groupByLevelAndArea(props.items);
  return (
    <ul className={styles.rootList}>
      {groups.map((group) => {
        const levelKey = group.level;
        const levelListId = `${baseId}-${group.level}`;
        const isLevelExpanded = expanded.has(levelKey);
        return (
          <li key={group.level} className={styles.item}>
            <Disclosure
              label={t(`levelPlural.${group.level}`)}
              count={String(group.count)}
              isExpanded={isLevelExpanded}
              onToggle={() => toggle(levelKey)}
              controls={levelListId}
            />
            <ul id={levelListId} className={styles.list} hidden={!isLevelExpanded}>
              {group.areas.map((area, areaIndex) => {
                const areaKey = `${group.level}/${area.area}`;
                const areaListId = `${levelListId}-${areaIndex}`;
                const isAreaExpanded = expanded.has(areaKey);
                return (
                  <li key={area.area} className={styles.item}>
                    <div className={styles.areaRow}>
                      <Disclosure
                        label={area.area}
                        count={String(area.items.length)}
                        isExpanded={isAreaExpanded}
                        onToggle={() => toggle(areaKey)}
                        controls={areaListId}
                      />
                      <Button
                        appearance="subtle"
                        size="small"
                        icon={<FilterRegular aria-hidden />}
                        aria-label={`${t('handbook.showArea')}: ${area.area}`}
                        title={t('handbook.showArea')}
                        aria-pressed={props.selectedArea === area.area}
                        onClick={() => props.onShowArea(group.level, area.area)}
                      />
                    </div>
                    <ul id={areaListId} className={styles.list} hidden={!isAreaExpanded}>
                      {area.items.map((item) => (
                        <li key={item.id}>
                          <AppLink href={paths.procedure(item.id)} className={styles.procedure}>
                            <span className={styles.code}>{item.code}</span>
                            {item.title}
                          </AppLink>
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
