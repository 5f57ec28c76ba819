import { makeStyles, tokens } from '@fluentui/react-components';
import type { ProcedureDetail } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useHistoryStyles } from './approval-trail';

const useStyles = makeStyles({
  summary: {
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXS} 0`,
  },
  action: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
});

/** The audit trail can be long, so it is collapsed behind a native disclosure. */
export function AuditTrail(props: { trail: ProcedureDetail['trail'] }) {
  const { t, formatInstant } = useI18n();
  const styles = useStyles();
  const history = useHistoryStyles();
  const entries = [...props.trail].sort((a, b) => b.seq - a.seq);
  return (
    <details>
      <summary className={styles.summary}>
        <h2 style={{ display: 'inline', font: 'inherit', margin: 0 }}>
          {t('trail.title')} ({entries.length})
        </h2>
      </summary>
      <ol className={history.list}>
        {entries.map((entry) => (
          <li key={entry.seq} className={history.item}>
            <span className={`${history.line} ${history.muted}`}>
              {t('trail.entry', { date: formatInstant(entry.at), name: entry.actor.name })}
            </span>
            <span className={history.line}>{entry.summary}</span>
            <span className={`${history.line} ${styles.action}`}>{entry.action}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
