import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import type { SurveyDto, SurveyImportResultDto } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { importErrorText, type ImportErrorKeys } from '../../shared/import-error-text';
import type { SurveyImportErrorCode } from '../../../../functions/src/core/import-errors';
import { SurveyDialog } from './survey-dialog';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflow: 'auto', maxHeight: '40vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  actions: { display: 'flex', justifyContent: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Format = 'csv' | 'xlsx';
type Phase =
  | { kind: 'empty' }
  | { kind: 'wrong-type' }
  | { kind: 'reading' }
  | { kind: 'preview'; file: Blob; format: Format; result: SurveyImportResultDto };

const errorKeys: ImportErrorKeys<SurveyImportErrorCode> = {
  'unknown-column': 'surveys.import.error.unknownColumn',
  'duplicate-column': 'surveys.import.error.duplicateColumn',
  'missing-column': 'surveys.import.error.missingColumn',
  'no-rows': 'surveys.import.error.noRows',
  'too-many-fields': 'surveys.import.error.tooManyFields',
  'empty-required': 'surveys.import.error.emptyRequired',
  'unknown-case-type': 'surveys.import.error.unknownCaseType',
  'unknown-unit': 'surveys.import.error.unknownUnit',
  'unknown-level': 'surveys.import.error.unknownLevel',
  'too-long': 'surveys.import.error.tooLong',
  'control-characters': 'surveys.import.error.controlCharacters',
};

const formatOf = (name: string): Format | null =>
  name.toLowerCase().endsWith('.csv') ? 'csv' : name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;

/**
 * Imports a round's answers from another tool's export: choosing a file shows the server's
 * preview (the rows it can import, or every bad row with its line and column in the user's
 * language); only an error-free preview can be applied, and then all rows or none are imported.
 */
export function SurveyImportDialog(props: {
  open: boolean;
  survey: SurveyDto;
  roundId: string;
  onClose(): void;
  onImported(rows: number): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const fileId = useId();
  const hintId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const request = useRef(0);
  const round = props.survey.rounds.find((each) => each.id === props.roundId);
  const query = (format: Format, mode: 'preview' | 'apply') => ({ roundId: props.roundId, format, mode });

  const choose = (file: File | undefined) => {
    const current = ++request.current;
    setError(undefined);
    if (!file) return setPhase({ kind: 'empty' });
    const format = formatOf(file.name);
    if (!format) return setPhase({ kind: 'wrong-type' });
    setPhase({ kind: 'reading' });
    api.importSurveyAnswers(props.survey.id, query(format, 'preview'), file).then(
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
  const apply = useApiMutation({
    run: (preview: Extract<Phase, { kind: 'preview' }>) =>
      api.importSurveyAnswers(props.survey.id, query(preview.format, 'apply'), preview.file),
    onSuccess: (result) => {
      setPhase({ kind: 'empty' });
      props.onImported(result.rowCount);
    },
    onError: setError,
    invalidates: () => [queryKeyOf('surveys-results')],
  });
  const close = () => {
    if (apply.isPending) return;
    request.current++;
    setPhase({ kind: 'empty' });
    setError(undefined);
    props.onClose();
  };
  const result = phase.kind === 'preview' ? phase.result : null;
  const canApply = phase.kind === 'preview' && phase.result.errors.length === 0 && phase.result.rowCount > 0;

  return (
    <SurveyDialog open={props.open} title={`${t('surveys.import.title')} – ${round?.label ?? ''}`} onClose={close}>
      <div className={styles.content}>
        <div className={styles.field}>
          <label htmlFor={fileId}>{t('surveys.import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={hintId}
            aria-invalid={phase.kind === 'wrong-type' || undefined}
            disabled={apply.isPending}
            onClick={(event) => {
              event.currentTarget.value = '';
            }}
            onChange={(event) => choose(event.target.files?.[0])}
          />
          <p id={hintId} className={styles.hint}>
            {t('surveys.import.hint')}
          </p>
        </div>
        <div role="status">
          {phase.kind === 'wrong-type' ? (
            <p className={styles.problem}>{t('surveys.import.wrongType')}</p>
          ) : phase.kind === 'reading' ? (
            <p className={styles.hint}>{t('surveys.import.reading')}</p>
          ) : result ? (
            <p className={result.errors.length > 0 ? styles.problem : styles.hint}>
              {t('surveys.import.summary', { rows: result.rowCount, errors: result.errorCount })}{' '}
              {result.errors.length > 0 ? t('surveys.import.errorsHint') : ''}
            </p>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {result && result.errors.length > 0 ? (
          <div className={styles.tableWrap} role="region" aria-label={t('surveys.import.errors')} tabIndex={0}>
            <table className={styles.table}>
              <caption className={styles.caption}>{t('surveys.import.errors')}</caption>
              <thead>
                <tr>
                  {(['line', 'column', 'message'] as const).map((column) => (
                    <th key={column} scope="col" className={styles.cell}>
                      {t(`surveys.import.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.errors.map((each, index) => (
                  <tr key={`${each.line}-${index}`}>
                    <th scope="row" className={styles.cell}>
                      {each.line}
                    </th>
                    <td className={styles.cell}>{each.column ?? '–'}</td>
                    <td className={styles.cell}>{importErrorText(each, errorKeys, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className={styles.actions}>
          <Button type="button" onClick={close} disabled={apply.isPending}>
            {t('surveys.close')}
          </Button>
          {result ? (
            <Button
              type="button"
              appearance="primary"
              disabled={!canApply || apply.isPending}
              onClick={() => phase.kind === 'preview' && apply.mutate(phase)}
            >
              {apply.isPending ? t('surveys.import.applying') : t('surveys.import.apply', { rows: result.rowCount })}
            </Button>
          ) : null}
        </div>
      </div>
    </SurveyDialog>
  );
}
