import type { ReactNode } from 'react';
import { WarningFilled } from '@fluentui/react-icons';
import type { AuditViewDto, FindingGrade } from '../../api/audit-api';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { gradeKey } from './audit-model';
import { useAuditStyles } from './audit-styles';

const statusKey: Record<AuditViewDto['status'], MessageKey> = {
  planned: 'audit.statusPlanned',
  'in-progress': 'audit.statusInProgress',
  reported: 'audit.statusReported',
  cancelled: 'audit.statusCancelled',
};
const kindKey: Record<AuditViewDto['kind'], MessageKey> = {
  internal: 'audit.kindInternal',
  surveillance: 'audit.kindSurveillance',
  recertification: 'audit.kindRecertification',
  certification: 'audit.kindCertification',
};

export function AuditStatusText(props: { status: AuditViewDto['status'] }) {
  return <>{useI18n().t(statusKey[props.status])}</>;
}

export function AuditKindText(props: { kind: AuditViewDto['kind'] }) {
  return <>{useI18n().t(kindKey[props.kind])}</>;
}

/** The grade in words; the colour only repeats what the text says. */
export function GradeBadge(props: { grade: FindingGrade }) {
  const styles = useAuditStyles();
  const { t } = useI18n();
  const colour = {
    major: styles.gradeMajor,
    minor: styles.gradeMinor,
    observation: styles.gradeObservation,
    improvement: styles.gradeImprovement,
    'strong-point': styles.gradeStrong,
  }[props.grade];
  return <span className={`${styles.grade} ${colour}`}>{t(gradeKey[props.grade])}</span>;
}

/** A warning: an icon and its text (never the colour alone); `as="span"` inside a table cell. */
export function WarningLine(props: { text: string; as?: 'li' | 'span' }) {
  const styles = useAuditStyles();
  const { t } = useI18n();
  const Element = props.as ?? 'li';
  return (
    <Element className={styles.warning}>
      <WarningFilled aria-hidden="true" />
      <span>
        <strong>{t('audit.warningLabel')}</strong> {props.text}
      </span>
    </Element>
  );
}

/**
 * The audit scene's tables: a caption, one header row of column names (null: a column this user
 * does not get), and the body rows as children. It scrolls sideways in place in a narrow tab.
 */
export function AuditTable(props: { caption: string; columns: readonly (string | null)[]; children: ReactNode }) {
  const styles = useAuditStyles();
  // A region that scrolls must be reachable by keyboard (axe scrollable-region-focusable): it
  // takes focus, so the arrow keys scroll it, and is named by the table's caption.
  return (
    <div className={styles.tableScroll} role="region" aria-label={props.caption} tabIndex={0}>
      <table className={styles.table}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.columns.map((column, index) =>
              column === null ? null : (
                <th key={index} scope="col">
                  {column}
                </th>
              ),
            )}
          </tr>
        </thead>
        {props.children}
      </table>
    </div>
  );
}
