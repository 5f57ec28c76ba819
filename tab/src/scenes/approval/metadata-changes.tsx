import { makeStyles, tokens } from '@fluentui/react-components';
import type { ApprovalComparisonDto, ProcessLevel } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  table: {
    borderCollapse: 'collapse',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalXS} 0`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
      overflowWrap: 'anywhere',
    },
  },
  none: { margin: 0 },
});

/** The labels the procedure page uses for the same details. */
const fieldLabels: Record<string, MessageKey> = {
  title: 'form.title',
  level: 'procedure.level',
  area: 'procedure.area',
  unit: 'procedure.unit',
  owner: 'procedure.owner',
  approver: 'procedure.approver',
  audience: 'procedure.audience',
  reviewIntervalMonths: 'procedure.reviewInterval',
  standards: 'procedure.standards',
  legalBasis: 'procedure.legalBasis',
};

const levels: readonly string[] = ['management', 'core', 'support'] satisfies ProcessLevel[];

export function MetadataChanges(props: { changes: ApprovalComparisonDto['metadataChanges'] }) {
  const { t } = useI18n();
  const styles = useStyles();
  if (props.changes.length === 0) return <p className={styles.none}>{t('approvalView.metadataNone')}</p>;
  const label = (field: string) => {
    const key = fieldLabels[field];
    return key ? t(key) : field;
  };
  const value = (field: string, raw: string) =>
    field === 'level' && levels.includes(raw) ? t(`level.${raw as ProcessLevel}`) : raw;
  return (
    <div className={styles.wrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">{t('approvalView.field')}</th>
            <th scope="col">{t('approvalView.before')}</th>
            <th scope="col">{t('approvalView.after')}</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((change, index) => (
            <tr key={index}>
              <th scope="row">{label(change.field)}</th>
              <td>{value(change.field, change.from)}</td>
              <td>{value(change.field, change.to)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
