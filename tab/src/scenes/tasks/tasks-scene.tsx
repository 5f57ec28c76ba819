import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { useAsync } from '../../shared/use-async';
import { AcknowledgementTasks, ApprovalTasks, ProcedureTasks } from './task-lists';

/** "Mine opgaver": what is waiting for me, one section per kind of work. */
export function TasksScene() {
  const { t } = useI18n();
  const api = useApi();
  const tasks = useAsync('tasks', (signal) => api.getMyTasks(signal));
  return (
    <>
      <PageHeading documentTitle={t('tasks.title')}>{t('tasks.title')}</PageHeading>
      {tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.data ? (
        <>
          <ApprovalTasks items={tasks.data.approvals} />
          <AcknowledgementTasks items={tasks.data.acknowledgements} />
          <ProcedureTasks
            id="tasks-reviews"
            title={t('tasks.reviews')}
            emptyText={t('tasks.reviewsEmpty')}
            items={tasks.data.reviews}
            show="review"
          />
          <ProcedureTasks
            id="tasks-drafts"
            title={t('tasks.drafts')}
            emptyText={t('tasks.draftsEmpty')}
            items={tasks.data.drafts}
            show="revision"
          />
        </>
      ) : tasks.isLoading ? (
        <Loading label={t('app.loading')} />
      ) : null}
    </>
  );
}
