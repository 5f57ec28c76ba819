import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApprovalDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';

export const useHistoryStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}`, paddingLeft: tokens.spacingHorizontalM },
  headline: { fontWeight: tokens.fontWeightSemibold },
  line: { display: 'block' },
  muted: { color: tokens.colorNeutralForeground2 },
  empty: { color: tokens.colorNeutralForeground2, margin: 0 },
});

/** Who asked whom to approve what, why, and what was decided: newest first. */
export function ApprovalTrail(props: { approvals: readonly ApprovalDto[] }) {
  const { t, formatInstant } = useI18n();
  const styles = useHistoryStyles();
  if (props.approvals.length === 0) return <p className={styles.empty}>{t('approval.none')}</p>;
  const approvals = [...props.approvals].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return (
    <ol className={styles.list}>
      {approvals.map((approval) => {
        const decision = approval.decision
          ? t(`approval.decision.${approval.decision}`)
          : t('approval.decision.pending');
        return (
          <li key={approval.id} className={styles.item}>
            <span className={`${styles.line} ${styles.headline}`}>
              {approval.versionLabel ? `${t('version.label')} ${approval.versionLabel} · ` : ''}
              {decision} · {t(`version.kind.${approval.kind}`)}
            </span>
            <span className={`${styles.line} ${styles.muted}`}>
              {t('approval.requested', {
                requester: approval.requestedBy.name,
                approver: approval.approver.name,
                date: formatInstant(approval.requestedAt),
              })}
            </span>
            <span className={styles.line}>{t('approval.changeSummary', { summary: approval.changeSummary })}</span>
            {approval.decision && approval.decidedAt ? (
              <span className={styles.line}>
                {t('approval.decidedBy', {
                  decision,
                  name: approval.decidedBy?.name ?? '',
                  date: formatInstant(approval.decidedAt),
                })}
              </span>
            ) : null}
            {approval.comment ? (
              <span className={styles.line}>{t('approval.comment', { comment: approval.comment })}</span>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
