import { Button } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { ComparisonCellDto, FokusOverviewDto } from '../../api/fokus-api';
import { useI18n } from '../../i18n/i18n-context';
import { OptionDropdown } from '../../shared/option-dropdown';
import { formatNumber, isScored } from './fokus-model';
import { useFokusStyles } from './fokus-styles';
import type { UnitToScore } from './unit-scores-dialog';

/**
 * The scorecard of each unit in one round: its score per theme, total and mean, or why it has
 * none. With `onEnterScores` (the coordinator) each unit has a button to enter its scores, and
 * `actions` (the round's own buttons) sit beside the round picker.
 */
export function ScorecardTable(props: {
  data: FokusOverviewDto;
  roundId: string;
  onRoundChange(roundId: string): void;
  onEnterScores?: ((target: UnitToScore) => void) | undefined;
  actions?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const styles = useFokusStyles();
  const { data, onEnterScores } = props;
  const captionId = useId();
  const round = data.rounds.find((candidate) => candidate.id === props.roundId);
  if (!round) return null;
  const unitName = new Map(data.units.map((unit) => [unit.id, unit.name]));
  const cards = data.comparison.flatMap((row) => {
    const cell = row.cells.find((candidate) => candidate.roundId === round.id) as ComparisonCellDto | undefined;
    return cell && isScored(cell) ? [cell] : [];
  });
  return (
    <>
      <div className={styles.picker}>
        <OptionDropdown
          label={t('fokus.scorecard.round')}
          value={round.id}
          onChange={props.onRoundChange}
          options={data.rounds.map((candidate) => ({ value: candidate.id, text: candidate.name }))}
        />
        {props.actions}
      </div>
      <div className={styles.scroller} role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className={styles.table}>
          <caption id={captionId} className={styles.caption}>
            {t('fokus.scorecard.caption', {
              round: round.name,
              min: round.scaleMin,
              max: round.scaleMax,
            })}
          </caption>
          <thead>
            <tr>
              <th scope="col" className={`${styles.cell} ${styles.head}`}>
                {t('fokus.unit')}
              </th>
              {round.themes.map((theme) => (
                <th key={theme.id} scope="col" className={`${styles.cell} ${styles.head}`}>
                  {theme.name}
                </th>
              ))}
              <th scope="col" className={`${styles.cell} ${styles.head}`}>
                {t('fokus.total')}
              </th>
              <th scope="col" className={`${styles.cell} ${styles.head}`}>
                {t('fokus.mean')}
              </th>
              {onEnterScores ? (
                <th scope="col" className={`${styles.cell} ${styles.head}`}>
                  {t('fokus.manage.scores')}
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {cards.map((card) => {
              const isComparable = card.standing === 'comparable';
              return (
                <tr key={card.unitId} className={isComparable ? undefined : styles.notComparable}>
                  <th scope="row" className={`${styles.cell} ${styles.head}`}>
                    {unitName.get(card.unitId) ?? card.unitId}
                    {card.note ? <span className={styles.change}>{card.note}</span> : null}
                  </th>
                  {card.scores.map((entry) => (
                    <td key={entry.themeId} className={`${styles.cell} ${styles.number}`}>
                      {entry.score === null ? t('fokus.notScored') : formatNumber(entry.score, locale)}
                    </td>
                  ))}
                  {isComparable ? (
                    <>
                      <td className={`${styles.cell} ${styles.number}`}>{formatNumber(card.total ?? 0, locale)}</td>
                      <td className={`${styles.cell} ${styles.number}`}>{formatNumber(card.mean ?? 0, locale)}</td>
                    </>
                  ) : (
                    <td colSpan={2} className={styles.cell}>
                      <span className={styles.mark}>
                        {card.standing === 'not-comparable' ? t('fokus.notComparable') : t('fokus.notEvaluated')}
                      </span>
                    </td>
                  )}
                  {onEnterScores ? (
                    <td className={styles.cell}>
                      <Button
                        size="small"
                        onClick={() =>
                          onEnterScores({
                            unit: { id: card.unitId, name: unitName.get(card.unitId) ?? card.unitId },
                            scores: card.scores,
                            note: card.note,
                          })
                        }
                      >
                        {t('fokus.manage.enterScores', { unit: unitName.get(card.unitId) ?? card.unitId })}
                      </Button>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
