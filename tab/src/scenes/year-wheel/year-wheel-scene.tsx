import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { OccurrenceDto, YearWheelDto } from '../../api/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { OccurrenceForm, type OccurrenceFormValues } from './occurrence-form';
import { OccurrenceItem } from './occurrence-item';
import { monthKey, removeOccurrence, replaceOccurrence } from './year-wheel-model';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem', marginTop: 0 },
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalM,
  },
  status: { minHeight: '1.5em', margin: `0 0 ${tokens.spacingVerticalS}` },
  months: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 20rem), 1fr))',
    gap: tokens.spacingHorizontalL,
    padding: 0,
    margin: 0,
    listStyle: 'none',
  },
  month: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  monthHeading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  monthCount: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  list: { listStyle: 'none', padding: 0, margin: 0 },
  empty: { color: tokens.colorNeutralForeground3, margin: `${tokens.spacingVerticalS} 0 0` },
});

/**
 * "Årshjul": the quality year as twelve months of activities (a list per month, readable on a
 * narrow Teams tab and by a screen reader), generated from the audits, the certificate and the
 * management evaluation, and edited by the coordinator. Owners mark their activities done.
 */
export function YearWheelScene(props: { session: Session; year: number | null }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const navigate = useNavigate();
  const year = props.year ?? new Date().getFullYear();
  const wheel = useApiQuery(queryKeyOf('year-wheel-get', { query: { year } }), (signal) =>
    api.getYearWheel(year, signal),
  );
  const [status, setStatus] = useState('');
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const { setData, reload } = wheel;
  const data = wheel.data;

  const fail = useCallback(
    (failure: unknown) => {
      const apiError = asApiRequestError(failure);
      if (apiError.status === 409 && apiError.isStale) {
        setStatus(t('yearWheel.stale'));
        setEditing(null);
        reload();
        return;
      }
      setError(apiError);
    },
    [reload, t],
  );

  // One write at a time; its id marks the row (or 'new') whose buttons are disabled meanwhile.
  const writing = useApiMutation({
    run: (job: { id: string; run: () => Promise<void> }) => job.run(),
    onError: fail,
    invalidates: () => [queryKeyOf('my-tasks'), queryKeyOf('overview')],
  });
  const write = (id: string, run: () => Promise<void>) => {
    setError(undefined);
    setStatus('');
    writing.mutate({ id, run });
  };
  const busyId = writing.isPending ? writing.variables.id : null;

  const applyUpdate = (current: YearWheelDto, updated: OccurrenceDto) =>
    setData(replaceOccurrence(current, updated, year));

  // Generating adds and moves occurrences: the wheel, my tasks and the overview are refetched.
  const generating = useApiMutation({
    run: (forYear: number) => api.generateYearWheel(forYear),
    onSuccess: (result) => {
      const changed = result.created.length + result.updated.length;
      const summary =
        changed === 0
          ? t('yearWheel.generatedNothing')
          : t('yearWheel.generated', {
              created: t('yearWheel.generatedCreated', { count: result.created.length }),
              updated: t('yearWheel.generatedUpdated', { count: result.updated.length }),
            });
      setStatus(
        result.orphans.length > 0 ? `${summary} ${t('yearWheel.orphans', { count: result.orphans.length })}` : summary,
      );
    },
    onError: fail,
    invalidates: () => [queryKeyOf('year-wheel-get'), queryKeyOf('my-tasks'), queryKeyOf('overview')],
  });
  const isGenerating = generating.isPending;
  const generate = () => {
    setError(undefined);
    setStatus('');
    generating.mutate(year);
  };

  const toggleDone = (occurrence: OccurrenceDto) =>
    write(occurrence.id, async () => {
      const completedOn = occurrence.completedOn ? null : (data?.today ?? occurrence.dueOn);
      const updated = await api.updateOccurrence(occurrence, { completedOn });
      if (data) applyUpdate(data, updated);
      setStatus(completedOn ? t('yearWheel.doneSaved') : t('yearWheel.undoneSaved'));
    });

  const saveEdit = (occurrence: OccurrenceDto, values: OccurrenceFormValues) =>
    write(occurrence.id, async () => {
      const updated = await api.updateOccurrence(occurrence, {
        dueOn: values.dueOn,
        ownerId: values.ownerId,
        title: values.title,
        note: values.note,
      });
      if (data) applyUpdate(data, updated);
      setEditing(null);
      setStatus(t('yearWheel.saved'));
    });

  const create = (values: OccurrenceFormValues) =>
    write('new', async () => {
      const created = await api.createOccurrence(values);
      if (data) applyUpdate(data, created);
      setEditing(null);
      setStatus(t('yearWheel.created'));
    });

  const remove = (occurrence: OccurrenceDto) =>
    write(occurrence.id, async () => {
      await api.deleteOccurrence(occurrence);
      if (data) setData(removeOccurrence(data, occurrence.id));
      setStatus(t('yearWheel.removed'));
    });

  const title = t('yearWheel.title', { year });
  const people = props.session.people;
  const emptyForm: OccurrenceFormValues = {
    kind: 'other',
    title: '',
    dueOn: `${year}-01-01` > (data?.today ?? '') ? `${year}-01-01` : (data?.today ?? `${year}-01-01`),
    ownerId: props.session.me.person.id,
    note: '',
  };

  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('yearWheel.intro')}</p>
      <div className={styles.toolbar}>
        <nav aria-label={t('yearWheel.yearNavigation')} className={styles.toolbar}>
          <Button onClick={() => navigate(paths.yearWheel({ year: year - 1 }))}>
            {t('yearWheel.previousYear', { year: year - 1 })}
          </Button>
          <Button onClick={() => navigate(paths.yearWheel({ year: year + 1 }))}>
            {t('yearWheel.nextYear', { year: year + 1 })}
          </Button>
        </nav>
        {data?.abilities.generate ? (
          <Button appearance="primary" disabled={isGenerating} onClick={generate}>
            {isGenerating ? t('yearWheel.generating') : t('yearWheel.generate', { year })}
          </Button>
        ) : null}
        {data?.abilities.create && editing !== 'new' ? (
          <Button onClick={() => setEditing('new')}>{t('yearWheel.add')}</Button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      {error ? <ErrorAlert error={error} /> : null}
      {editing === 'new' ? (
        <OccurrenceForm
          heading={t('yearWheel.addTitle')}
          initial={emptyForm}
          people={people}
          showKind
          isSaving={busyId === 'new'}
          onSubmit={(values) => void create(values)}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {wheel.error ? <ErrorAlert error={wheel.error} onRetry={reload} /> : null}
      {!data && wheel.isLoading ? <Loading label={t('app.loading')} /> : null}
      {data ? (
        <ol className={styles.months} aria-label={title}>
          {data.months.map((month) => {
            const headingId = `year-wheel-month-${month.month}`;
            return (
              <li key={month.month} className={styles.month}>
                <section aria-labelledby={headingId}>
                  <h2 id={headingId} className={styles.monthHeading}>
                    {t(monthKey(month.month))}
                  </h2>
                  <p className={styles.monthCount}>
                    {month.occurrences.length === 0
                      ? t('yearWheel.monthEmpty')
                      : t('yearWheel.monthCount', { count: month.occurrences.length })}
                  </p>
                  {month.occurrences.length > 0 ? (
                    <ul className={styles.list}>
                      {month.occurrences.map((occurrence) =>
                        editing === occurrence.id ? (
                          <li key={occurrence.id}>
                            <OccurrenceForm
                              heading={t('yearWheel.editFor', { title: occurrence.title })}
                              initial={{
                                kind: occurrence.kind,
                                title: occurrence.title,
                                dueOn: occurrence.dueOn,
                                ownerId: occurrence.owner.id,
                                note: occurrence.note,
                              }}
                              people={people}
                              showKind={false}
                              isSaving={busyId === occurrence.id}
                              onSubmit={(values) => void saveEdit(occurrence, values)}
                              onCancel={() => setEditing(null)}
                            />
                          </li>
                        ) : (
                          <OccurrenceItem
                            key={occurrence.id}
                            occurrence={occurrence}
                            isBusy={busyId === occurrence.id}
                            onToggleDone={(item) => void toggleDone(item)}
                            onEdit={(item) => setEditing(item.id)}
                            onRemove={(item) => void remove(item)}
                          />
                        ),
                      )}
                    </ul>
                  ) : null}
                </section>
              </li>
            );
          })}
        </ol>
      ) : null}
    </>
  );
}
