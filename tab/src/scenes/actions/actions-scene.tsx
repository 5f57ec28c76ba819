import { Button, Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ActionSummaryDto } from '../../api/quality-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { OptionDropdown } from '../../shared/option-dropdown';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { actionSourceKey, actionStatusKey, actionStatuses } from './action-labels';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  board: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  column: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  columnHeading: { fontSize: tokens.fontSizeBase400, margin: `0 0 ${tokens.spacingVerticalS}` },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: {
    borderLeft: `4px solid ${tokens.colorNeutralStroke1}`,
    paddingLeft: tokens.spacingHorizontalS,
    display: 'grid',
    gap: tokens.spacingVerticalXXS,
  },
  overdueCard: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  overdueText: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  create: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
});

/**
 * "Handlinger": the corrective-action board by status, the overdue list on top, filters and new
 * actions. The URL's `unit` and `owner` set the filters; `view=overdue` (the overview's tile)
 * shows the overdue list only.
 */
export function ActionsScene(props: { session: Session; query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const api = useApi();
  const styles = useStyles();
  const navigate = useNavigate();
  const [unitId, setUnitId] = useState(props.query.get('unit') ?? '');
  const [ownerId, setOwnerId] = useState(props.query.get('owner') ?? '');
  const onlyOverdue = props.query.get('view') === 'overdue';
  const [mine, setMine] = useState(false);
  const myId = props.session.me.person.id;
  const owner = mine ? myId : ownerId || undefined;
  const board = useApiQuery(
    queryKeyOf('corrective-actions-board', { query: { unitId: unitId || undefined, ownerId: owner } }),
    (signal) => api.getActionBoard({ unitId: unitId || undefined, ownerId: owner }, signal),
  );

  const [title, setTitle] = useState('');
  const [newUnitId, setNewUnitId] = useState('');
  const creating = useApiMutation({
    run: (body: { title: string; unitId: string | null }) =>
      api.createAction({ source: { kind: 'other', title: body.title, unitId: body.unitId } }),
    onSuccess: (action) => navigate(paths.action(action.id)),
    invalidates: () => [queryKeyOf('corrective-actions-board'), queryKeyOf('my-tasks'), queryKeyOf('overview')],
  });
  const createError = creating.error ?? undefined;
  const create = () => creating.mutate({ title, unitId: newUnitId || null });

  const card = (action: ActionSummaryDto, daysOverdue?: number) => (
    <li key={action.id} className={`${styles.card} ${action.isOverdue ? styles.overdueCard : ''}`}>
      <AppLink href={paths.action(action.id)}>{action.title}</AppLink>
      <span className={styles.meta}>
        {t(actionStatusKey[action.status])} · {t(actionSourceKey[action.sourceKind])}
        {action.unit ? ` · ${action.unit.name}` : ''}
      </span>
      <span className={styles.meta}>
        {t('actions.owner')}: {action.owner?.name ?? t('actions.noOwner')}
        {action.dueOn ? ` · ${t('actions.due', { date: formatDate(action.dueOn) })}` : ''}
      </span>
      {daysOverdue !== undefined || action.isOverdue ? (
        <span className={styles.overdueText}>
          {daysOverdue !== undefined ? t('actions.daysOverdue', { count: daysOverdue }) : t('actions.overdue')}
        </span>
      ) : null}
    </li>
  );

  return (
    <>
      <PageHeading documentTitle={t('actions.title')}>{t('actions.title')}</PageHeading>
      <p>{t('actions.intro')}</p>
      <div className={styles.toolbar} role="group" aria-label={t('actions.filters')}>
        <OptionDropdown
          label={t('actions.unit')}
          value={unitId}
          onChange={setUnitId}
          options={[
            { value: '', text: t('actions.allUnits') },
            ...props.session.units.map((unit) => ({ value: unit.id, text: unit.name })),
          ]}
        />
        <OptionDropdown
          label={t('actions.owner')}
          value={mine ? myId : ownerId}
          disabled={mine}
          onChange={setOwnerId}
          options={[
            { value: '', text: t('actions.allOwners') },
            ...props.session.people.map((person) => ({ value: person.id, text: person.name })),
          ]}
        />
        <Checkbox label={t('actions.mine')} checked={mine} onChange={(_, data) => setMine(data.checked === true)} />
      </div>

      {board.error ? <ErrorAlert error={board.error} onRetry={board.reload} /> : null}
      {!board.data && board.isLoading ? <Loading label={t('app.loading')} /> : null}
      {board.data ? (
        <>
          <PageSection id="actions-overdue" heading={t('actions.overdueHeading', { count: board.data.overdue.length })}>
            {board.data.overdue.length === 0 ? (
              <p>{t('actions.noneOverdue')}</p>
            ) : (
              <ul className={styles.list}>{board.data.overdue.map((item) => card(item.action, item.daysOverdue))}</ul>
            )}
          </PageSection>
          {onlyOverdue ? (
            <p>
              <AppLink href={paths.actions()}>{t('actions.showBoard')}</AppLink>
            </p>
          ) : (
            <PageSection id="actions-board" heading={t('actions.boardHeading')}>
              <div className={styles.board}>
                {actionStatuses.map((status) => {
                  const actions = board.data?.columns[status] ?? [];
                  const headingId = `actions-column-${status}`;
                  return (
                    <section key={status} className={styles.column} aria-labelledby={headingId}>
                      <h3 id={headingId} className={styles.columnHeading}>
                        {t('actions.columnHeading', { status: t(actionStatusKey[status]), count: actions.length })}
                      </h3>
                      {actions.length === 0 ? (
                        <p className={styles.meta}>{t('actions.emptyColumn')}</p>
                      ) : (
                        <ul className={styles.list}>{actions.map((action) => card(action))}</ul>
                      )}
                    </section>
                  );
                })}
              </div>
            </PageSection>
          )}
          {board.data.abilities.create ? (
            <PageSection id="actions-new" heading={t('actions.newHeading')}>
              <form
                className={styles.create}
                onSubmit={(event) => {
                  event.preventDefault();
                  create();
                }}
              >
                <Field label={t('actions.newTitle')} required>
                  <Input value={title} onChange={(_, data) => setTitle(data.value)} maxLength={120} />
                </Field>
                <OptionDropdown
                  label={t('actions.unit')}
                  options={[
                    { value: '', text: t('actions.noUnit') },
                    ...props.session.units.map((unit) => ({ value: unit.id, text: unit.name })),
                  ]}
                  value={newUnitId}
                  onChange={setNewUnitId}
                />
                <Button appearance="primary" type="submit" disabled={creating.isPending || title.trim() === ''}>
                  {t('actions.create')}
                </Button>
              </form>
              {createError ? <ErrorAlert error={createError} /> : null}
            </PageSection>
          ) : null}
        </>
      ) : null}
    </>
  );
}
