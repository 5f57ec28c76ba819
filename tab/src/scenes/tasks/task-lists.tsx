import type { MyTasks } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { ProcedureStatus } from '../../shared/procedure-status';
import { ReviewStatusText } from '../../shared/review-status-text';
import { TaskSection, useTaskItemStyles } from './task-section';

export function ApprovalTasks(props: { items: MyTasks['approvals'] }) {
  const { t, formatInstant } = useI18n();
  const styles = useTaskItemStyles();
  return (
    <TaskSection
      id="tasks-approvals"
      title={t('tasks.approvals')}
      count={props.items.length}
      emptyText={t('tasks.approvalsEmpty')}
    >
      {props.items.map(({ approval, procedure }) => (
        <li key={approval.id} className={styles.item}>
          <AppLink href={paths.approval(procedure.id)} className={styles.title}>
            {procedure.code} {procedure.title}
          </AppLink>
          <span className={styles.meta}>
            {t('tasks.approvalRequested', {
              name: approval.requestedBy.name,
              date: formatInstant(approval.requestedAt),
            })}
          </span>
          <span>{t('approval.changeSummary', { summary: approval.changeSummary })}</span>
          {/* The decision is taken on the approval view, below the text it is about. */}
          <span className={styles.actions}>
            <AppLink href={paths.approval(procedure.id)}>{t('tasks.approveLink', { code: procedure.code })}</AppLink>
          </span>
        </li>
      ))}
    </TaskSection>
  );
}

export function AcknowledgementTasks(props: { items: MyTasks['acknowledgements'] }) {
  const { t, formatInstant } = useI18n();
  const styles = useTaskItemStyles();
  return (
    <TaskSection
      id="tasks-acknowledgements"
      title={t('tasks.acknowledgements')}
      count={props.items.length}
      emptyText={t('tasks.acknowledgementsEmpty')}
    >
      {props.items.map((item) => (
        <li key={`${item.procedure.id}/${item.versionId}`} className={styles.item}>
          <AppLink href={paths.procedure(item.procedure.id)} className={styles.title}>
            {item.procedure.code} {item.procedure.title}
          </AppLink>
          <span className={styles.meta}>
            {t('tasks.acknowledgementVersion', {
              label: item.versionLabel ?? t('version.unlabelled'),
              date: formatInstant(item.requestedAt),
            })}
          </span>
        </li>
      ))}
    </TaskSection>
  );
}

/** Procedures I own: for reviews the due date matters, for drafts where the revision stands. */
export function ProcedureTasks(props: {
  id: string;
  title: string;
  emptyText: string;
  items: MyTasks['reviews'];
  show: 'review' | 'revision';
}) {
  const styles = useTaskItemStyles();
  return (
    <TaskSection id={props.id} title={props.title} count={props.items.length} emptyText={props.emptyText}>
      {props.items.map((item) => (
        <li key={item.id} className={styles.item}>
          <AppLink href={paths.procedure(item.id)} className={styles.title}>
            {item.code} {item.title}
          </AppLink>
          <span className={styles.meta}>
            {props.show === 'review' ? (
              <ReviewStatusText nextReviewOn={item.nextReviewOn} status={item.reviewStatus} />
            ) : (
              <ProcedureStatus item={item} />
            )}
          </span>
        </li>
      ))}
    </TaskSection>
  );
}
