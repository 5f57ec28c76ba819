import type { CasePreviewDto } from '../../api/goals-api';
import { useI18n } from '../../i18n/i18n-context';
import { ImportErrorsTable } from '../../shared/import-errors-table';
import { caseErrorKeys, caseErrorColumn, caseErrorWithFieldNames } from './case-import-texts';

/** Every bad row of a case file: its line, the case field, and what is wrong, in the user's language. */
export function CaseImportErrors(props: { preview: Pick<CasePreviewDto, 'errors' | 'errorCount'> }) {
  const { t } = useI18n();
  return (
    <ImportErrorsTable
      errors={props.preview.errors}
      errorCount={props.preview.errorCount}
      keys={caseErrorKeys}
      columnLabel={t('goals.import.column')}
      columnText={(column) => caseErrorColumn(column, t)}
      localize={(error) => caseErrorWithFieldNames(error, t)}
    />
  );
}
