import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import type { RoundDto, ScoreImportResultDto } from '../../api/fokus-api';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { ImportErrorsTable } from '../../shared/import-errors-table';
import { ModalDialog } from '../../shared/modal-dialog';
import { formatNumber } from './fokus-model';
import { scoreErrorKeys } from './score-import-texts';

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
  | { kind: 'preview'; file: Blob; format: Format; result: ScoreImportResultDto };

const formatOf = (name: string): Format | null =>
  name.toLowerCase().endsWith('.csv') ? 'csv' : name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : null;

/**
 * Imports a round's scores from a spreadsheet (the coordinator): choosing a file shows the
 * server's preview, the scores per unit as read or every bad row with its line and column in the
 * user's language; only an error-free preview can be applied, and then every row or none.
 */
export function ScoreImportDialog(props: {
  open: boolean;
  round: RoundDto;
  units: readonly { id: string; name: string }[];
  onClose(): void;
  onImported(units: number): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const fileId = useId();
  const hintId = useId();
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const request = useRef(0);
  const { round } = props;

  const choose = (file: File | undefined) => {
    const current = ++request.current;
    setError(undefined);
    if (!file) return setPhase({ kind: 'empty' });
    const format = formatOf(file.name);
    if (!format) return setPhase({ kind: 'wrong-type' });
    setPhase({ kind: 'reading' });
    api.importScores(round.id, { format, mode: 'preview' }, file).then(
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
      api.importScores(round.id, { format: preview.format, mode: 'apply' }, preview.file),
    onSuccess: (result) => {
      setPhase({ kind: 'empty' });
      props.onImported(result.rows.length);
    },
    onError: setError,
    invalidates: () => [queryKeyOf('fokus-get')],
  });
  const close = () => {
    if (apply.isPending) return;
    request.current++;
    setPhase({ kind: 'empty' });
    setError(undefined);
    props.onClose();
  };
  const result = phase.kind === 'preview' ? phase.result : null;
  const canApply = result !== null && result.errorCount === 0 && result.rows.length > 0;

  return (
    <ModalDialog open={props.open} title={t('fokus.import.title', { round: round.name })} onClose={close}>
      <div className={styles.content}>
        <div className={styles.field}>
          <label htmlFor={fileId}>{t('fokus.import.file')}</label>
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
            {t('fokus.import.hint', { themes: round.themes.map((theme) => theme.name).join(', ') })}{' '}
            {t('fokus.import.replaces')}
          </p>
        </div>
        <div role="status">
          {phase.kind === 'wrong-type' ? (
            <p className={styles.problem}>{t('fokus.import.wrongType')}</p>
          ) : phase.kind === 'reading' ? (
            <p className={styles.hint}>{t('fokus.import.reading')}</p>
          ) : result ? (
            <p className={result.errorCount > 0 ? styles.problem : styles.hint}>
              {t('fokus.import.summary', { count: result.rows.length })},{' '}
              {t('fokus.import.errorCount', { count: result.errorCount })}.{' '}
              {result.errorCount > 0 ? t('fokus.import.errorsHint') : ''}
            </p>
          ) : null}
        </div>
        {error ? <ErrorAlert error={error} /> : null}
        {result && result.errors.length > 0 ? (
          <ImportErrorsTable errors={result.errors} errorCount={result.errorCount} keys={scoreErrorKeys} />
        ) : null}
        {result && result.errorCount === 0 && result.rows.length > 0 ? (
          <ScorePreview round={round} result={result} units={props.units} />
        ) : null}
        <div className={styles.actions}>
          <Button type="button" onClick={close} disabled={apply.isPending}>
            {t('fokus.import.close')}
          </Button>
          {result ? (
            <Button
              type="button"
              appearance="primary"
              disabled={!canApply || apply.isPending}
              onClick={() => phase.kind === 'preview' && apply.mutate(phase)}
            >
              {apply.isPending ? t('fokus.import.applying') : t('fokus.import.apply', { count: result.rows.length })}
            </Button>
          ) : null}
        </div>
      </div>
    </ModalDialog>
  );
}

/** The rows of an error-free file as they will be saved: a unit's score per theme, "Ikke vurderet" where empty. */
function ScorePreview(props: {
  round: RoundDto;
  result: ScoreImportResultDto;
  units: readonly { id: string; name: string }[];
}) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const label = t('fokus.import.preview');
  const unitName = new Map(props.units.map((unit) => [unit.id, unit.name]));
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{label}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t('fokus.unit')}
            </th>
            {props.round.themes.map((theme) => (
              <th key={theme.id} scope="col" className={styles.cell}>
                {theme.name}
              </th>
            ))}
            <th scope="col" className={styles.cell}>
              {t('fokus.scores.note')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.result.rows.map((row) => (
            <tr key={row.unitId}>
              <th scope="row" className={styles.cell}>
                {unitName.get(row.unitId) ?? row.unitId}
                {row.scores.length < props.round.themes.length ? ` (${t('fokus.notComparable')})` : ''}
              </th>
              {props.round.themes.map((theme) => {
                const entry = row.scores.find((score) => score.themeId === theme.id);
                return (
                  <td key={theme.id} className={styles.cell}>
                    {entry ? formatNumber(entry.score, locale) : t('fokus.notScored')}
                  </td>
                );
              })}
              <td className={styles.cell}>{row.note || '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
