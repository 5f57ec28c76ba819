import { intlTags } from '../../../../functions/src/core/locale';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationPack } from '../../api/quality-api';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { GoalColourBadge } from '../goals/goal-colour-badge';
import { formatFigure, measurementKey, targetKey } from '../goals/goal-model';

const useStyles = makeStyles({
  tableWrap: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', width: '100%' },
  cell: {
    textAlign: 'left',
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
});

/** The pack's quality goals (ISO 9001 9.3.2 c 2): each goal's value and colour over the evaluation's period. */
export function PackGoals(props: { section: EvaluationPack['qualityGoals'] }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const tag = intlTags[locale];
  if (props.section.status === 'not-available') return <p>{t('goals.pack.none')}</p>;
  return (
    <div className={styles.tableWrap} role="region" aria-label={t('evaluation.goals')} tabIndex={0}>
      <table className={styles.table}>
        <thead>
          <tr>
            {(
              [
                'goals.listHeading',
                'goals.owner',
                'goals.targetLabel',
                'goals.pack.value',
                'goals.form.status',
                'goals.figures.decided',
                'goals.figures.backlog',
              ] as const
            ).map((key) => (
              <th key={key} scope="col" className={styles.cell}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.section.goals.map((goal) => (
            <tr key={goal.id}>
              <th scope="row" className={styles.cell}>
                <AppLink href={paths.goal(goal.id)}>{goal.title}</AppLink>
              </th>
              <td className={styles.cell}>{goal.owner?.name ?? '–'}</td>
              <td className={styles.cell}>
                {t(targetKey(goal.target), {
                  value: formatFigure(goal.target.value, goal.target.unit, tag),
                  count: goal.target.value,
                })}
              </td>
              <td className={styles.cell}>
                {goal.value === null && goal.measurement === 'survey'
                  ? t(measurementKey.survey)
                  : formatFigure(goal.value, goal.target.unit, tag)}
              </td>
              <td className={styles.cell}>
                <GoalColourBadge colour={goal.colour} />
              </td>
              <td className={styles.cell}>{goal.figures ? goal.figures.decided : '–'}</td>
              <td className={styles.cell}>{goal.figures ? goal.figures.backlog : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
