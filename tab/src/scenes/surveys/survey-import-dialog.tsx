import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import type { SurveyDto, SurveyImportResultDto } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import type { ImportErrorKeys } from '../../shared/import-error-text';
import { ImportErrorsTable } from '../../shared/import-errors-table';
import type { SurveyImportErrorCode } from '../../../../functions/src/core/import-errors';
import { ModalDialog } from '../../shared/modal-dialog';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
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
    <ModalDialog open={props.open} title={`${t('surveys.import.title')} – ${round?.label ?? ''}`} onClose={close}>
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
              {t('surveys.import.summary', { count: result.rowCount })},{' '}
              {t('surveys.import.errorCount', { count: result.errorCount })}.{' '}
              {result.errors.length > 0 ? t('surveys.import.errorsHint') : ''}
            </p>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {result && result.errors.length > 0 ? (
          <ImportErrorsTable errors={result.errors} errorCount={result.errorCount} keys={errorKeys} />
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
              {apply.isPending ? t('surveys.import.applying') : t('surveys.import.apply', { count: result.rowCount })}
            </Button>
          ) : null}
        </div>
      </div>
    </ModalDialog>
  );
}
