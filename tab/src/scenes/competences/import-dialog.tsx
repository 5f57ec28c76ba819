import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { MatrixImportResult } from '../../api/contract';
import { useApi } from '../../app/api-context';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { importErrorText, type ImportErrorKeys } from '../../shared/import-error-text';
import type { MatrixImportErrorCode } from '../../../../functions/src/core/import-errors';
import { importFormatOf, levelLabel } from './competence-model';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import { readsOfCompetenceLevels } from './competence-reads';

const useStyles = makeStyles({
  dialog: {
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    width: 'min(56rem, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 48px)',
    boxSizing: 'border-box',
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  title: {
    margin: `0 0 ${tokens.spacingVerticalM}`,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflow: 'auto', maxHeight: '40vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  headCell: {
    position: 'sticky',
    top: 0,
    textAlign: 'left',
    padding: tokens.spacingHorizontalXS,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  bodyCell: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  actions: {
    display: 'flex',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXL,
  },
});

type Phase =
  | { kind: 'empty' }
  | { kind: 'wrong-type' }
  | { kind: 'reading' }
  | { kind: 'preview'; file: Blob; format: 'xlsx' | 'csv'; result: MatrixImportResult }
  | { kind: 'applying'; file: Blob; format: 'xlsx' | 'csv'; result: MatrixImportResult };

/**
 * Import levels from a spreadsheet, on the native <dialog> (inert page, focus trap, Escape, focus
 * back to the opener): choosing a file shows the server's preview — the changes, or every bad row
 * with its line number — and only an error-free preview can be applied.
 */
export function ImportDialog(props: { open: boolean; onClose(): void; onImported(count: number): void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useStyles();
  const titleId = useId();
  const fileId = useId();
  const hintId = useId();
  const problemId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  // A new key empties the file field when the dialog is closed or an import is done.
  const [fileKey, setFileKey] = useState(0);
  // A later choice of file wins over a preview still under way.
  const request = useRef(0);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  const reset = () => {
    request.current++;
    setPhase({ kind: 'empty' });
    setError(undefined);
    setFileKey((key) => key + 1);
  };
  const close = () => {
    if (phase.kind === 'applying') return;
    reset();
    props.onClose();
  };

  const choose = (file: File | undefined) => {
    request.current++;
    setError(undefined);
    if (!file) return setPhase({ kind: 'empty' });
    const format = importFormatOf(file.name);
    if (!format) return setPhase({ kind: 'wrong-type' });
    const current = request.current;
    setPhase({ kind: 'reading' });
    api.importCompetenceMatrix(format, 'preview', file).then(
      (result) => {
        if (current === request.current) setPhase({ kind: 'preview', file, format, result });
      },
      (failure: unknown) => {
        if (current !== request.current) return;
        setPhase({ kind: 'empty' });
        setError(asApiRequestError(failure));
      },
    );
  };

  // Applying changes levels in any unit: every matrix is refetched, with the gaps and task lists.
  const applying = useApiMutation({
    run: (job: { preview: Extract<Phase, { kind: 'preview' }>; request: number }) =>
      api.importCompetenceMatrix(job.preview.format, 'apply', job.preview.file),
    onSuccess: (result, job) => {
      if (job.request !== request.current) return;
      reset();
      props.onImported(result.changes.length);
    },
    onError: (failure, job) => {
      if (job.request !== request.current) return;
      setPhase(job.preview);
      setError(failure);
    },
    invalidates: () => [queryKeyOf('competence-matrix'), ...readsOfCompetenceLevels()],
  });
  const apply = () => {
    if (phase.kind !== 'preview') return;
    setPhase({ ...phase, kind: 'applying' });
    setError(undefined);
    applying.mutate({ preview: phase, request: request.current });
  };

  const result = phase.kind === 'preview' || phase.kind === 'applying' ? phase.result : null;
  const canApply = phase.kind === 'preview' && phase.result.errors.length === 0 && phase.result.changes.length > 0;
  const describedBy = [hintId, phase.kind === 'wrong-type' ? problemId : null].filter(Boolean).join(' ');

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={styles.dialog}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog and the state never disagree.
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {t('competences.import.title')}
      </h2>
      <div className={styles.content}>
        <div className={styles.field}>
          <label htmlFor={fileId}>{t('competences.import.file')}</label>
          <input
            key={fileKey}
            id={fileId}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={describedBy}
            aria-invalid={phase.kind === 'wrong-type' || undefined}
            disabled={phase.kind === 'applying'}
            // Emptied before the picker opens, so choosing the corrected file again is a change too.
            onClick={(event) => {
              event.currentTarget.value = '';
            }}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <p id={hintId} className={styles.hint}>
            {t('competences.import.hint')}
          </p>
        </div>
        <div role="status">
          {phase.kind === 'wrong-type' ? (
            <p id={problemId} className={styles.problem}>
              {t('competences.import.wrongType')}
            </p>
          ) : phase.kind === 'reading' ? (
            <p className={styles.hint}>{t('competences.import.reading')}</p>
          ) : result ? (
            <p className={result.errors.length > 0 ? styles.problem : styles.hint}>
              {t('competences.import.summary', {
                changes: result.changes.length,
                unchanged: result.unchangedLines.length,
                errors: result.errorCount,
              })}{' '}
              {result.errors.length > 0
                ? t('competences.import.errorsHint')
                : result.changes.length === 0
                  ? t('competences.import.nothing')
                  : ''}
            </p>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {result && result.errors.length > 0 ? <ErrorTable result={result} /> : null}
        {result && result.changes.length > 0 ? <ChangeTable result={result} i18n={i18n} /> : null}
      </div>
      <div className={styles.actions}>
        <Button type="button" appearance="secondary" onClick={close} disabled={phase.kind === 'applying'}>
          {t('competences.import.close')}
        </Button>
        {result ? (
          <Button type="button" appearance="primary" onClick={apply} disabled={!canApply}>
            {phase.kind === 'applying'
              ? t('competences.import.applying')
              : t('competences.import.apply', { count: result.changes.length })}
          </Button>
        ) : null}
      </div>
    </dialog>
  );
}

const errorKeys: ImportErrorKeys<MatrixImportErrorCode> = {
  'unknown-column': 'competences.import.error.unknownColumn',
  'duplicate-column': 'competences.import.error.duplicateColumn',
  'missing-column': 'competences.import.error.missingColumn',
  'unknown-person': 'competences.import.error.unknownPerson',
  'person-out-of-scope': 'competences.import.error.personOutOfScope',
  'unknown-competence': 'competences.import.error.unknownCompetence',
  'unknown-level': 'competences.import.error.unknownLevel',
  'duplicate-row': 'competences.import.error.duplicateRow',
  'bad-date': 'competences.import.error.badDate',
};

function ErrorTable(props: { result: MatrixImportResult }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <div className={styles.tableWrap} role="region" aria-label={t('competences.import.errors')} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t('competences.import.errors')}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.headCell}>
              {t('competences.import.line')}
            </th>
            <th scope="col" className={styles.headCell}>
              {t('competences.import.column')}
            </th>
            <th scope="col" className={styles.headCell}>
              {t('competences.import.message')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.result.errors.map((error, index) => (
            <tr key={`${error.line}-${index}`}>
              <th scope="row" className={styles.bodyCell}>
                {error.line}
              </th>
              <td className={styles.bodyCell}>{error.column ?? '–'}</td>
              <td className={styles.bodyCell}>{importErrorText(error, errorKeys, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.result.errorCount > props.result.errors.length ? (
        <p>{t('import.moreErrors', { count: props.result.errorCount - props.result.errors.length })}</p>
      ) : null}
    </div>
  );
}

function ChangeTable(props: { result: MatrixImportResult; i18n: I18n }) {
  const { t, formatDate } = props.i18n;
  const styles = useStyles();
  const describe = (level: MatrixImportResult['changes'][number]['from']) => {
    if (!level) return t('competences.import.none');
    const label = levelLabel(level.level, t);
    return level.validUntil
      ? t('competences.import.levelUntil', { level: label, date: formatDate(level.validUntil) })
      : label;
  };
  return (
    <div className={styles.tableWrap} role="region" aria-label={t('competences.import.changes')} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{t('competences.import.changes')}</caption>
        <thead>
          <tr>
            {(['line', 'person', 'competence', 'from', 'to'] as const).map((key) => (
              <th key={key} scope="col" className={styles.headCell}>
                {t(`competences.import.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.result.changes.map((change) => (
            <tr key={change.line}>
              <th scope="row" className={styles.bodyCell}>
                {change.line}
              </th>
              <td className={styles.bodyCell}>{change.personName}</td>
              <td className={styles.bodyCell}>{change.competenceName}</td>
              <td className={styles.bodyCell}>{describe(change.from)}</td>
              <td className={styles.bodyCell}>{describe(change.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
