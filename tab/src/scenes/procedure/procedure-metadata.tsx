import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ProcedureDetail, UnitDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { ReviewStatusText } from '../../shared/review-status-text';

const useStyles = makeStyles({
  list: {
    margin: 0,
    display: 'grid',
    // A term's column is never narrower than its longest word: at 320 px "Procedureansvarlig"
    // ran into its value (browsers without a Danish hyphenation dictionary cannot split it).
    gridTemplateColumns: 'minmax(min-content, 2fr) minmax(0, 3fr)',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'break-word', hyphens: 'auto' },
  inlineList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function Row(props: { term: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{props.term}</dt>
      <dd className={styles.value}>{props.children}</dd>
    </>
  );
}

export function ProcedureMetadata(props: { detail: ProcedureDetail; units: readonly UnitDto[] }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { detail } = props;
  const unitName = (id: string) => props.units.find((unit) => unit.id === id)?.name ?? id;
  const audience = [
    ...detail.audience.unitIds.map(unitName),
    ...detail.audience.roles.map((role) => t(`role.${role}`)),
  ];
  return (
    <dl className={styles.list}>
      <Row term={t('procedure.code')}>{detail.code}</Row>
      <Row term={t('procedure.level')}>{t(`level.${detail.level}`)}</Row>
      <Row term={t('procedure.area')}>{detail.area}</Row>
      <Row term={t('procedure.unit')}>{detail.unit?.name ?? t('procedure.noUnit')}</Row>
      <Row term={t('procedure.owner')}>{detail.owner.name}</Row>
      <Row term={t('procedure.approver')}>{detail.approver.name}</Row>
      <Row term={t('procedure.status')}>{t(`status.${detail.status}`)}</Row>
      <Row term={t('procedure.approvedOn')}>
        {detail.approvedOn ? formatDate(detail.approvedOn) : t('procedure.none')}
      </Row>
      <Row term={t('procedure.reviewInterval')}>
        {t('procedure.reviewIntervalMonths', { count: detail.reviewIntervalMonths })}
      </Row>
      <Row term={t('procedure.lastReviewedOn')}>
        {detail.lastReviewedOn ? formatDate(detail.lastReviewedOn) : t('procedure.none')}
      </Row>
      <Row term={t('procedure.nextReview')}>
        <ReviewStatusText nextReviewOn={detail.nextReviewOn} status={detail.reviewStatus} />
      </Row>
      <Row term={t('procedure.standards')}>
        {detail.standards.length === 0 ? (
          t('procedure.none')
        ) : (
          <ul className={styles.inlineList}>
            {detail.standards.map((standard) => (
              <li key={standard.standard}>
                {standard.standard}
                {standard.clauses.length > 0
                  ? `, ${t('procedure.clauses', { clauses: standard.clauses.join(', ') })}`
                  : ''}
              </li>
            ))}
          </ul>
        )}
      </Row>
      <Row term={t('procedure.legalBasis')}>
        {detail.legalBasis.length === 0 ? (
          t('procedure.none')
        ) : (
          <ul className={styles.inlineList}>
            {detail.legalBasis.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </Row>
      <Row term={t('procedure.audience')}>
        {audience.length === 0 ? t('procedure.audienceEveryone') : audience.join(', ')}
      </Row>
    </dl>
  );
}
