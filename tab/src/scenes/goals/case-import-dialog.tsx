import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { CasePreviewDto, CaseSourceDto } from '../../api/goals-api';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { OptionDropdown } from '../../shared/option-dropdown';
import { caseFields, type CaseColumnMapping } from '../../../../functions/src/core/goal-types';
import { CaseImportErrors } from './case-import-errors';
import { caseFieldKey, caseFileFormatOf, sourceIdOf } from './goal-model';

const useStyles = makeStyles({
  dialog: {
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusXLarge,
    padding: tokens.spacingHorizontalXXL,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    width: 'min(64rem, calc(100vw - 32px))',
    maxHeight: 'calc(100vh - 48px)',
    boxSizing: 'border-box',
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  title: { margin: `0 0 ${tokens.spacingVerticalM}`, fontSize: tokens.fontSizeBase500 },
  subheading: { margin: `${tokens.spacingVerticalS} 0`, fontSize: tokens.fontSizeBase400 },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  mapping: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 14rem), 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflow: 'auto', maxHeight: '40vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    whiteSpace: 'nowrap',
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXL,
  },
});

const newSource = '';

type Phase =
  | { kind: 'empty' }
  | { kind: 'wrong-type' }
  | { kind: 'reading' }
  | { kind: 'preview'; file: Blob; format: 'xlsx' | 'csv'; preview: CasePreviewDto };

/** The sources' mapping is the same when every field names the same column (case and blanks aside). */
function sameMapping(a: CaseColumnMapping, b: CaseColumnMapping): boolean {
  const norm = (value: string | null) => (value ?? '').trim().toLocaleLowerCase('da');
  return caseFields.every((field) => norm(a[field]) === norm(b[field]));
}

/**
 * Import case data (.csv or .xlsx) on the native <dialog>: choose the source (or name a new one)
 * and the file, see the first rows mapped and every bad row, map the file's columns onto the case
 * fields with dropdowns and save the mapping for the next time, then import: every row or none.
 */
export function CaseImportDialog(props: {
  open: boolean;
  units: readonly { id: string; name: string }[];
  onClose(): void;
  onImported(count: number): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const titleId = useId();
  const fileId = useId();
  const hintId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const sources = useApiQuery(props.open ? queryKeyOf('case-sources-list') : null, (signal) =>
    api.listCaseSources(signal),
  );
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const [mapping, setMapping] = useState<CaseColumnMapping | null>(null);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const [fileKey, setFileKey] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (props.open && !dialog.open) dialog.showModal();
    if (!props.open && dialog.open) dialog.close();
  }, [props.open]);

  const list = sources.data?.sources ?? [];
  const chosenId = sourceId ?? list[0]?.id ?? newSource;
  const source: CaseSourceDto | undefined = list.find((candidate) => candidate.id === chosenId);
  const targetId = source ? source.id : sourceIdOf(newName);

  const reset = () => {
    request.current++;
    setPhase({ kind: 'empty' });
    setMapping(null);
    setError(undefined);
    setFileKey((key) => key + 1);
  };
  const close = () => {
    if (importing.isPending) return;
    reset();
    props.onClose();
  };

  const preview = (file: Blob, format: 'xlsx' | 'csv', id: string) => {
    const current = ++request.current;
    setError(undefined);
    setPhase({ kind: 'reading' });
    api.previewCases(id, format, file).then(
      (result) => {
        if (current !== request.current) return;
        setPhase({ kind: 'preview', file, format, preview: result });
        setMapping(result.mapping);
      },
      (failure: unknown) => {
        if (current !== request.current) return;
        setPhase({ kind: 'empty' });
        setError(asApiRequestError(failure));
      },
    );
  };

  const choose = (file: File | undefined) => {
    request.current++;
    setError(undefined);
    if (!file) return setPhase({ kind: 'empty' });
    const format = caseFileFormatOf(file.name);
    if (!format) return setPhase({ kind: 'wrong-type' });
    preview(file, format, targetId);
  };

  const savingMapping = useApiMutation({
    run: (job: { id: string; etag: number; name: string; mapping: CaseColumnMapping }) =>
      api.saveCaseSource(job.id, job.etag, { name: job.name, mapping: job.mapping }),
    onSuccess: (saved) => {
      setSourceId(saved.id);
      if (phase.kind === 'preview') preview(phase.file, phase.format, saved.id);
    },
    onError: setError,
    invalidates: () => [queryKeyOf('case-sources-list')],
  });
  const saveMapping = () => {
    if (!mapping) return;
    const name = source?.name ?? newName.trim();
    setError(undefined);
    savingMapping.mutate({ id: targetId, etag: source?.etag ?? 0, name, mapping });
  };

  const importing = useApiMutation({
    run: (job: { id: string; file: Blob; format: 'xlsx' | 'csv' }) => api.importCases(job.id, job.format, job.file),
    onSuccess: (result) => {
      reset();
      props.onImported(result.rowCount);
    },
    onError: setError,
    invalidates: () => [
      queryKeyOf('goals-list'),
      queryKeyOf('goals-get'),
      queryKeyOf('overview'),
      queryKeyOf('my-tasks'),
    ],
  });

  const result = phase.kind === 'preview' ? phase.preview : null;
  const isMappingDirty = result !== null && mapping !== null && !sameMapping(mapping, result.mapping);
  const isMappingSaved = result !== null && result.isMappingSaved && !isMappingDirty;
  const needsName = !source && newName.trim() === '';
  const canImport = result !== null && isMappingSaved && result.errorCount === 0 && result.rowCount > 0;
  const columnOptions = [
    { value: '', text: t('goals.import.notInFile') },
    ...(result?.header ?? []).filter((title) => title.trim() !== '').map((title) => ({ value: title, text: title })),
  ];
  const sourceOptions = [
    ...list.map((candidate) => ({ value: candidate.id, text: candidate.name })),
    { value: newSource, text: t('goals.import.newSource') },
  ];

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className={styles.dialog}
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
    >
      <h2 id={titleId} className={styles.title}>
        {t('goals.import.title')}
      </h2>
      <div className={styles.content}>
        <div className={styles.row}>
          <OptionDropdown
            inline
            label={t('goals.import.source')}
            options={sourceOptions}
            value={chosenId}
            disabled={phase.kind === 'reading' || importing.isPending}
            onChange={(value) => {
              reset();
              setSourceId(value);
            }}
          />
          {!source ? (
            <Field label={t('goals.import.sourceName')} required hint={t('goals.import.sourceNameHint')}>
              <Input value={newName} maxLength={200} onChange={(_, data) => setNewName(data.value)} />
            </Field>
          ) : null}
        </div>
        <div className={styles.field}>
          <label htmlFor={fileId}>{t('goals.import.file')}</label>
          <input
            key={fileKey}
            id={fileId}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={hintId}
            disabled={importing.isPending || needsName}
            onClick={(event) => {
              event.currentTarget.value = '';
            }}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <p id={hintId} className={styles.hint}>
            {needsName ? t('goals.import.nameFirst') : t('goals.import.hint')}
          </p>
        </div>
        <div role="status">
          {phase.kind === 'wrong-type' ? (
            <p className={styles.problem}>{t('goals.import.wrongType')}</p>
          ) : phase.kind === 'reading' ? (
            <p className={styles.hint}>{t('goals.import.reading')}</p>
          ) : result ? (
            <p className={result.errorCount > 0 ? styles.problem : styles.hint}>
              {t('goals.import.rowCount', { count: result.rowCount })},{' '}
              {t('goals.import.errorCount', { count: result.errorCount })}.{' '}
              {!isMappingSaved ? t('goals.import.saveMappingFirst') : ''}
            </p>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {result && mapping ? (
          <section aria-labelledby={`${titleId}-mapping`}>
            <h3 id={`${titleId}-mapping`} className={styles.subheading}>
              {t('goals.import.mapping')}
            </h3>
            <p className={styles.hint}>{t('goals.import.mappingHint')}</p>
            <div className={styles.mapping}>
              {caseFields.map((field) => (
                <OptionDropdown
                  inline
                  key={field}
                  label={t(caseFieldKey[field])}
                  options={optionsWith(columnOptions, mapping[field], t('goals.import.missingInFile'))}
                  value={mapping[field] ?? ''}
                  onChange={(value) => setMapping({ ...mapping, [field]: value === '' ? null : value })}
                />
              ))}
            </div>
            <p>
              <Button
                onClick={saveMapping}
                disabled={savingMapping.isPending || (!isMappingDirty && result.isMappingSaved)}
              >
                {savingMapping.isPending ? t('goals.import.savingMapping') : t('goals.import.saveMapping')}
              </Button>
            </p>
          </section>
        ) : null}
        {result && result.errors.length > 0 ? <CaseImportErrors preview={result} /> : null}
        {result && result.cases.length > 0 ? <PreviewTable preview={result} units={props.units} /> : null}
      </div>
      <div className={styles.actions}>
        <Button type="button" appearance="secondary" onClick={close} disabled={importing.isPending}>
          {t('goals.import.close')}
        </Button>
        {result ? (
          <Button
            type="button"
            appearance="primary"
            disabled={!canImport || importing.isPending}
            onClick={() =>
              phase.kind === 'preview' &&
              importing.mutate({ id: phase.preview.sourceId, file: phase.file, format: phase.format })
            }
          >
            {importing.isPending ? t('goals.import.importing') : t('goals.import.import', { count: result.rowCount })}
          </Button>
        ) : null}
      </div>
    </dialog>
  );
}

/** The file's columns, and the saved one when the file lacks it (so the saved choice stays visible). */
function optionsWith(
  options: readonly { value: string; text: string }[],
  saved: string | null,
  missing: string,
): { value: string; text: string }[] {
  if (saved === null || options.some((option) => option.value === saved)) return [...options];
  return [...options, { value: saved, text: `${saved} (${missing})` }];
}

const previewFields = [
  'caseId',
  'caseType',
  'unitId',
  'receivedOn',
  'fullyInformedOn',
  'decidedOn',
  'pausedDays',
  'targetDays',
  'exemptionReason',
] as const;

function PreviewTable(props: { preview: CasePreviewDto; units: readonly { id: string; name: string }[] }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const label = t('goals.import.previewRows', { count: props.preview.cases.length });
  const show = (record: CasePreviewDto['cases'][number], field: (typeof previewFields)[number]) => {
    const value = record[field];
    if (value === null || value === '') return '–';
    if (field === 'receivedOn' || field === 'fullyInformedOn' || field === 'decidedOn')
      return formatDate(String(value));
    if (field === 'unitId') return props.units.find((unit) => unit.id === value)?.name ?? String(value);
    return String(value);
  };
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{label}</caption>
        <thead>
          <tr>
            {previewFields.map((field) => (
              <th key={field} scope="col" className={styles.cell}>
                {t(caseFieldKey[field === 'unitId' ? 'unit' : field])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.preview.cases.map((record) => (
            <tr key={record.id}>
              {previewFields.map((field) =>
                field === 'caseId' ? (
                  <th key={field} scope="row" className={styles.cell}>
                    {record.caseId}
                  </th>
                ) : (
                  <td key={field} className={styles.cell}>
                    {show(record, field)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
