import { makeStyles, tokens } from '@fluentui/react-components';
import type { ImportErrorCode } from '../../../functions/src/core/import-errors';
import { useI18n } from '../i18n/i18n-context';
import { importErrorText, type ImportErrorDto, type ImportErrorKeys } from './import-error-text';

const useStyles = makeStyles({
  tableWrap: { overflow: 'auto', maxHeight: '40vh', border: `1px solid ${tokens.colorNeutralStroke2}` },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  cell: {
    textAlign: 'left',
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
});

export type ImportRowErrorDto = ImportErrorDto & { line: number; column: string | null };

/**
 * Every bad row of an imported file, as the imports' previews answer them: its line, its column
 * and what is wrong in the user's language (from the error's code, never the server's English),
 * and how many more there are when the answer lists only the first ones.
 */
export function ImportErrorsTable<Code extends ImportErrorCode>(props: {
  errors: readonly ImportRowErrorDto[];
  errorCount: number;
  keys: ImportErrorKeys<Code>;
  /** The column heading ("Kolonne" unless the import names fields). */
  columnLabel?: string;
  /** The column in the user's words; "–" for the whole row by default. */
  columnText?: (column: string | null) => string;
  /** The error with its params in the user's words before it is worded (e.g. field names). */
  localize?: (error: ImportRowErrorDto) => ImportErrorDto;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const label = t('import.errors');
  const columnText = props.columnText ?? ((column: string | null) => column ?? '–');
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{label}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t('import.line')}
            </th>
            <th scope="col" className={styles.cell}>
              {props.columnLabel ?? t('import.column')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('import.message')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.errors.map((error, index) => (
            <tr key={`${error.line}-${index}`}>
              <th scope="row" className={styles.cell}>
                {error.line}
              </th>
              <td className={styles.cell}>{columnText(error.column)}</td>
              <td className={styles.cell}>
                {importErrorText(props.localize ? props.localize(error) : error, props.keys, t)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.errorCount > props.errors.length ? (
        <p>{t('import.moreErrors', { count: props.errorCount - props.errors.length })}</p>
      ) : null}
    </div>
  );
}
