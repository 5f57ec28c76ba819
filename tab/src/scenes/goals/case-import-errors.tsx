import { makeStyles, tokens } from '@fluentui/react-components';
import type { CasePreviewDto } from '../../api/goals-api';
import { useI18n } from '../../i18n/i18n-context';
import { importErrorText } from '../../shared/import-error-text';
import { caseErrorKeys, caseErrorColumn, caseErrorWithFieldNames } from './case-import-texts';

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

/** Every bad row of a case file: its line, the case field, and what is wrong, in the user's language. */
export function CaseImportErrors(props: { preview: Pick<CasePreviewDto, 'errors' | 'errorCount'> }) {
  const { t } = useI18n();
  const styles = useStyles();
  const label = t('goals.import.errors');
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{label}</caption>
        <thead>
          <tr>
            <th scope="col" className={styles.cell}>
              {t('goals.import.line')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.import.column')}
            </th>
            <th scope="col" className={styles.cell}>
              {t('goals.import.message')}
            </th>
          </tr>
        </thead>
        <tbody>
          {props.preview.errors.map((error, index) => (
            <tr key={`${error.line}-${index}`}>
              <th scope="row" className={styles.cell}>
                {error.line}
              </th>
              <td className={styles.cell}>{caseErrorColumn(error.column, t)}</td>
              <td className={styles.cell}>{importErrorText(caseErrorWithFieldNames(error, t), caseErrorKeys, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.preview.errorCount > props.preview.errors.length ? (
        <p>{t('import.moreErrors', { count: props.preview.errorCount - props.preview.errors.length })}</p>
      ) : null}
    </div>
  );
}
