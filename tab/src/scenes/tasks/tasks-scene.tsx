import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { InboxItemDto } from '../../api/overview-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { AppLink } from '../../router/app-link';
import { pathOfListLink } from '../../router/list-link';
import { paths } from '../../router/routes';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { queryKeyOf, readsOfProcedure, useApiMutation, useApiQuery } from '../../api/query-client';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  overdue: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}` },
  kind: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  title: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

const kindKey: Record<InboxItemDto['kind'], MessageKey> = {
  approval: 'tasks.kind.approval',
  acknowledgement: 'tasks.kind.acknowledgement',
  review: 'tasks.kind.review',
  draft: 'tasks.kind.draft',
  action: 'tasks.kind.action',
  'effectiveness-check': 'tasks.kind.effectiveness-check',
  audit: 'tasks.kind.audit',
  occurrence: 'tasks.kind.occurrence',
  qualification: 'tasks.kind.qualification',
  'competence-gap': 'tasks.kind.competence-gap',
  'register-item': 'tasks.kind.register-item',
};

const actionKey: Record<InboxItemDto['action'], MessageKey> = {
  approve: 'tasks.action.approve',
  acknowledge: 'tasks.action.acknowledge',
  review: 'tasks.action.review',
  'finish-draft': 'tasks.action.finish-draft',
  'work-on-action': 'tasks.action.work-on-action',
  implement: 'tasks.action.implement',
  'check-effectiveness': 'tasks.action.check-effectiveness',
  'report-audit': 'tasks.action.report-audit',
  'complete-occurrence': 'tasks.action.complete-occurrence',
  'renew-qualification': 'tasks.action.renew-qualification',
  'close-gap': 'tasks.action.close-gap',
  'assess-register-item': 'tasks.action.assess-register-item',
  'handle-register-item': 'tasks.action.handle-register-item',
  'reply-register-item': 'tasks.action.reply-register-item',
};

/** Requests without a deadline are dated the day they were asked. */
const askedKinds: readonly InboxItemDto['kind'][] = ['approval', 'acknowledgement'];

/**
 * "Mine opgaver", the one inbox: every module's work for me, soonest due first. Acknowledging a
 * version and marking an årshjul activity done happen here; the rest link to where it is done.
 * `?due=overdue` (the overview's tile) shows only what is overdue.
 */
export function TasksScene(props: { query: URLSearchParams }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const tasks = useApiQuery(queryKeyOf('my-tasks'), (signal) => api.getMyTasks(signal));
  const onlyOverdue = props.query.get('due') === 'overdue';
  const [status, setStatus] = useState('');
  const doInPlace = useApiMutation({
    run: async (item: InboxItemDto): Promise<void> => {
      if (item.action === 'acknowledge') await api.acknowledgeInboxItem(item);
      else await api.completeInboxOccurrence(item, tasks.data?.today ?? item.dueOn ?? '');
    },
    onSuccess: (_, item) =>
      setStatus(
        t(item.action === 'acknowledge' ? 'tasks.acknowledged' : 'tasks.occurrenceDone', { title: item.title }),
      ),
    invalidates: (_, item) =>
      item.action === 'acknowledge'
        ? readsOfProcedure(item.target.procedureId ?? '')
        : [queryKeyOf('my-tasks'), queryKeyOf('overview'), queryKeyOf('year-wheel-get')],
  });

  const all = tasks.data?.items ?? [];
  const items = onlyOverdue ? all.filter((item) => item.isOverdue) : all;
  return (
    <>
      <PageHeading documentTitle={t('tasks.title')}>{t('tasks.title')}</PageHeading>
      {tasks.error ? <ErrorAlert error={tasks.error} onRetry={tasks.reload} /> : null}
      {doInPlace.error ? <ErrorAlert error={doInPlace.error} /> : null}
      <p role="status">{status}</p>
      {tasks.data ? (
        <section aria-labelledby="tasks-inbox-heading">
          <h2 id="tasks-inbox-heading">
            {t(onlyOverdue ? 'tasks.overdueCount' : 'tasks.count', { count: items.length })}
          </h2>
          {onlyOverdue ? (
            <p>
              <AppLink href={paths.tasks()}>{t('tasks.showAll')}</AppLink>
            </p>
          ) : null}
          {items.length === 0 ? (
            <p>{t('tasks.empty')}</p>
          ) : (
            <ul className={styles.list} data-testid="inbox">
              {items.map((item) => (
                <InboxItem
                  key={item.key}
                  item={item}
                  isBusy={doInPlace.isPending && doInPlace.variables.key === item.key}
                  onDo={() => doInPlace.mutate(item)}
                />
              ))}
            </ul>
          )}
        </section>
      ) : tasks.isLoading ? (
        <Loading label={t('app.loading')} />
      ) : null}
    </>
  );
}

function InboxItem(props: { item: InboxItemDto; isBusy: boolean; onDo(): void }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const titleId = useId();
  const { item } = props;
  const href = pathOfListLink(item.link);
  const isInPlace = item.action === 'acknowledge' || item.action === 'complete-occurrence';
  const dateKey: MessageKey = askedKinds.includes(item.kind)
    ? 'tasks.askedOn'
    : item.kind === 'register-item'
      ? 'tasks.replyDueOn'
      : 'tasks.dueOn';
  const dateText = item.dueOn ? t(dateKey, { date: formatDate(item.dueOn) }) : t('tasks.noDueDate');
  return (
    <li className={`${styles.item} ${item.isOverdue ? styles.overdue : ''}`} data-kind={item.kind}>
      <span className={styles.kind}>{t(kindKey[item.kind])}</span>
      <span id={titleId} className={styles.title}>
        <AppLink href={href}>{item.subtitle ? `${item.subtitle} ${item.title}` : item.title}</AppLink>
      </span>
      <p className={styles.meta}>
        {dateText}
        {item.isOverdue ? (
          <>
            {' · '}
            <span className={styles.overdueText}>{t('tasks.overdue')}</span>
          </>
        ) : null}
      </p>
      <span className={styles.actions}>
        {isInPlace ? (
          <Button appearance="primary" disabled={props.isBusy} onClick={props.onDo} aria-describedby={titleId}>
            {t(actionKey[item.action])}
          </Button>
        ) : (
          <AppLink href={href}>{t(actionKey[item.action])}</AppLink>
        )}
      </span>
    </li>
  );
}
