import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { CompetenceLevel } from '../../api/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import {
  groupByCategory,
  indexCells,
  matrixCells,
  replaceCell,
  todayLocal,
  type CellIndex,
  type MatrixCell,
} from './competence-model';
import { readsOfCompetenceLevels } from './competence-reads';
import { GapsPanel } from './gaps-panel';
import { ImportDialog } from './import-dialog';
import { MatrixTable, type Editing } from './matrix-table';
import { OptionDropdown } from '../../shared/option-dropdown';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  status: { minHeight: '1.5em', margin: `0 0 ${tokens.spacingVerticalS}` },
});

/**
 * "Kompetencer": the matrix for a unit, inline level changes, gaps and export. Opens on the unit
 * in the address (?unit=, from a procedure's "Kompetencekrav"), else on the viewer's own unit.
 */
export function CompetencesScene(props: { session: Session; unitId?: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useStyles();
  const [unitId, setUnitId] = useState<string>(
    props.unitId && props.session.units.some((u) => u.id === props.unitId)
      ? props.unitId
      : props.session.me.person.unitId,
  );
  const unit = unitId || undefined;

  const matrix = useApiQuery(queryKeyOf('competence-matrix', { query: { unitId: unit } }), (signal) =>
    api.getCompetenceMatrix(unit, signal),
  );
  const gaps = useApiQuery(queryKeyOf('competence-gaps', { query: { unitId: unit } }), (signal) =>
    api.getCompetenceGaps(unit, signal),
  );

  // The cells as loaded, then with the user's saved changes on top (until the next load).
  const loaded = useMemo<CellIndex>(
    () => (matrix.data ? indexCells(matrixCells(matrix.data)) : new Map()),
    [matrix.data],
  );
  const [saved, setSaved] = useState<{ base: CellIndex; cells: CellIndex } | null>(null);
  const cells = saved?.base === loaded ? saved.cells : loaded;
  const keepCell = useCallback(
    (cell: MatrixCell) =>
      setSaved((current) => ({
        base: loaded,
        cells: replaceCell(current?.base === loaded ? current.cells : loaded, cell),
      })),
    [loaded],
  );

  const [editing, setEditing] = useState<Editing>(null);
  const [saveError, setSaveError] = useState<ApiRequestError | undefined>(undefined);
  const [status, setStatus] = useState('');

  const groups = useMemo(() => groupByCategory(matrix.data?.competences ?? []), [matrix.data]);
  const today = useMemo(() => todayLocal(), []);
  const myId = props.session.me.person.id;
  const manage = matrix.data?.abilities.manage ?? false;
  // Everyone assesses themselves; a leader sets the levels of the people in the units the API
  // says they manage (their own and the units below it), the coordinator everyone's.
  const editablePeople = useMemo(() => {
    const units = new Set(matrix.data?.abilities.manageUnitIds ?? []);
    return new Set((matrix.data?.people ?? []).filter((person) => units.has(person.unitId)).map((person) => person.id));
  }, [matrix.data]);
  const canEdit = useCallback(
    (personId: string) => personId === myId || editablePeople.has(personId),
    [editablePeople, myId],
  );

  const onEdit = useCallback((personId: string, competenceId: string) => {
    setEditing({ personId, competenceId });
    setSaveError(undefined);
    setStatus('');
  }, []);
  const onCancel = useCallback(() => setEditing(null), []);
  // The saved cell is laid over the loaded matrix (no refetch of a large matrix for one cell);
  // the gaps and the lists that count them are refetched.
  const saving = useApiMutation({
    run: (job: { cell: MatrixCell; level: CompetenceLevel }) => api.setCompetenceLevel(job.cell, job.level),
    onSuccess: (savedCell) => {
      keepCell(savedCell);
      setEditing(null);
      setStatus(t('competences.saved'));
    },
    onError: (error, { cell }) => {
      if (error.status !== 409) return setSaveError(error);
      setStatus(t('competences.stale'));
      setEditing(null);
      // Reload the cell: the fresh matrix has its new level and etag.
      api.getCompetenceMatrix(unit).then(
        (fresh) => {
          const freshCell = matrixCells(fresh).find(
            (c) => c.personId === cell.personId && c.competenceId === cell.competenceId,
          );
          if (freshCell) keepCell(freshCell);
        },
        (reloadFailure: unknown) => setSaveError(asApiRequestError(reloadFailure)),
      );
    },
    invalidates: readsOfCompetenceLevels,
  });
  const isSaving = saving.isPending;
  const { mutate: saveLevel } = saving;
  const onSave = useCallback(
    (cell: MatrixCell, level: CompetenceLevel) => {
      setSaveError(undefined);
      saveLevel({ cell, level });
    },
    [saveLevel],
  );

  const [exportError, setExportError] = useState<ApiRequestError | undefined>(undefined);
  const download = async (format: 'xlsx' | 'csv') => {
    setExportError(undefined);
    try {
      const blob = await api.exportCompetenceMatrix(format, unit, i18n.locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `kompetencematrix${unit ? `-${unit}` : ''}.${format}`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setExportError(asApiRequestError(failure));
    }
  };

  const peopleById = useMemo(() => new Map(props.session.people.map((p) => [p.id, p.name])), [props.session.people]);
  const personName = useCallback((id: string) => peopleById.get(id) ?? id, [peopleById]);

  const [isImportOpen, setIsImportOpen] = useState(false);
  const onImported = useCallback(
    (count: number) => {
      setIsImportOpen(false);
      setEditing(null);
      setStatus(t('competences.import.applied', { count }));
    },
    [t],
  );

  return (
    <>
      <PageHeading documentTitle={t('competences.title')}>{t('competences.title')}</PageHeading>
      <div className={styles.toolbar}>
        <OptionDropdown
          label={t('competences.unit')}
          value={unitId}
          onChange={(value) => {
            setUnitId(value);
            setEditing(null);
          }}
          options={[
            { value: '', text: t('competences.allUnits') },
            ...props.session.units.map((u) => ({ value: u.id, text: u.name })),
          ]}
        />
        <div role="group" aria-label={t('competences.export')} className={styles.toolbar}>
          <Button onClick={() => void download('xlsx')}>{t('competences.exportXlsx')}</Button>
          <Button onClick={() => void download('csv')}>{t('competences.exportCsv')}</Button>
        </div>
        {manage ? <Button onClick={() => setIsImportOpen(true)}>{t('competences.import.open')}</Button> : null}
      </div>
      {manage ? (
        <ImportDialog open={isImportOpen} onClose={() => setIsImportOpen(false)} onImported={onImported} />
      ) : null}
      {exportError ? <ErrorAlert error={exportError} /> : null}
      <p role="status" className={styles.status}>
        {status}
      </p>
      {saveError ? <ErrorAlert error={saveError} /> : null}
      {matrix.error ? <ErrorAlert error={matrix.error} onRetry={matrix.reload} /> : null}
      {matrix.data ? (
        matrix.data.people.length === 0 || matrix.data.competences.length === 0 ? (
          <p>{t('competences.empty')}</p>
        ) : (
          <MatrixTable
            key={matrix.data.unitId ?? ''}
            caption={t('competences.caption')}
            people={matrix.data.people}
            groups={groups}
            cells={cells}
            today={today}
            canEdit={canEdit}
            editing={editing}
            isSaving={isSaving}
            onEdit={onEdit}
            onCancel={onCancel}
            onSave={onSave}
          />
        )
      ) : matrix.isLoading ? (
        <Loading label={t('app.loading')} />
      ) : null}
      {gaps.error ? <ErrorAlert error={gaps.error} onRetry={gaps.reload} /> : null}
      {gaps.data ? (
        <GapsPanel report={gaps.data} competences={matrix.data?.competences ?? []} personName={personName} />
      ) : null}
    </>
  );
}
