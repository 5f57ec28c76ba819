import { makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationPack } from '../../api/quality-api';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { PageSection } from '../../shared/page-section';
import { actionStatusKey, actionStatuses, findingGradeKey } from '../actions/action-labels';
import { PackSurveySection } from './pack-survey-section';
import { PackGoals } from './pack-goals';
import { PackRegisterSection } from './pack-register-section';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  subheading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  figure: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** The input pack (ISO 9001 9.3.2) as it stands now: read-only sections. */
export function PackSections(props: { pack: EvaluationPack; registerLinks: boolean }) {
  const { t, formatDate } = useI18n();
  const styles = useStyles();
  const { pack } = props;
  const grades = ['major', 'minor', 'observation', 'improvement', 'strong-point'] as const;
  const outcome = (value: string) =>
    value === 'overdue'
      ? t('actions.overdue')
      : value === 'no-action'
        ? t('evaluation.noAction')
        : t(actionStatusKey[value as keyof typeof actionStatusKey]);
  const review = pack.reviewCompliance;
  const acknowledgements = pack.acknowledgements.overall;
  const gaps = pack.competenceGaps;

  return (
    <>
      <p>
        {t('evaluation.packIntro', {
          from: formatDate(pack.period.from),
          to: formatDate(pack.period.to),
          asOf: formatDate(pack.asOf),
        })}
      </p>
      {pack.frozen ? <p>{t('evaluation.frozenNote', { asOf: formatDate(pack.frozen.asOf) })}</p> : null}
      <PageSection id="pack-decisions" heading={t('evaluation.earlierDecisions')}>
        {pack.earlierDecisions.length === 0 ? (
          <p>{t('evaluation.none')}</p>
        ) : (
          <ul className={styles.list}>
            {pack.earlierDecisions.map((decision) => (
              <li key={decision.decisionId}>
                {decision.evaluationYear}: {decision.text} – {outcome(decision.outcome)}
                {decision.owner ? ` (${decision.owner.name})` : ''}
                {decision.actionId ? (
                  <>
                    {' '}
                    <AppLink href={paths.action(decision.actionId)}>{t('evaluation.openAction')}</AppLink>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </PageSection>

      <PageSection id="pack-audits" heading={t('evaluation.audits')}>
        {pack.audits.items.length === 0 ? (
          <p>{t('evaluation.noAudits')}</p>
        ) : (
          <ul className={styles.list}>
            {pack.audits.items.map((audit) => (
              <li key={audit.id}>
                {audit.title} ({formatDate(audit.reportedOn ?? audit.plannedOn)}):{' '}
                {grades
                  .filter((grade) => audit.findingCounts[grade] > 0)
                  .map((grade) => `${audit.findingCounts[grade]} × ${t(findingGradeKey[grade])}`)
                  .join(', ') || t('evaluation.noFindings')}
              </li>
            ))}
          </ul>
        )}
        <h3 className={styles.subheading}>
          {t('evaluation.openFindings', { count: pack.audits.openFindings.length })}
        </h3>
        {pack.audits.openFindings.length === 0 ? (
          <p>{t('evaluation.none')}</p>
        ) : (
          <ul className={styles.list}>
            {pack.audits.openFindings.map((finding) => (
              <li key={finding.id}>
                {t(findingGradeKey[finding.grade])}
                {finding.clause ? `, ${t('actionDetail.clause', { clause: finding.clause })}` : ''}:{' '}
                {finding.description} ({finding.auditTitle}) –{' '}
                {finding.action ? (
                  <AppLink href={paths.action(finding.action.id)}>
                    {t('evaluation.actionStatus', { status: t(actionStatusKey[finding.action.status]) })}
                  </AppLink>
                ) : (
                  t('evaluation.noAction')
                )}
              </li>
            ))}
          </ul>
        )}
      </PageSection>

      <PageSection id="pack-actions" heading={t('evaluation.actions')}>
        <p>
          {actionStatuses.map((status) => `${t(actionStatusKey[status])}: ${pack.actions.counts[status]}`).join(' · ')}
        </p>
        <h3 className={styles.subheading}>{t('evaluation.overdueActions', { count: pack.actions.overdue.length })}</h3>
        {pack.actions.overdue.length === 0 ? (
          <p>{t('evaluation.none')}</p>
        ) : (
          <ul className={styles.list}>
            {pack.actions.overdue.map((action) => (
              <li key={action.id}>
                <AppLink href={paths.action(action.id)}>{action.title}</AppLink>
                {action.dueOn ? ` – ${t('actions.due', { date: formatDate(action.dueOn) })}` : ''}
                {action.owner ? ` (${action.owner.name})` : ''}
              </li>
            ))}
          </ul>
        )}
        <h3 className={styles.subheading}>
          {t('evaluation.closedActions', { count: pack.actions.closedInPeriod.length })}
        </h3>
        {pack.actions.closedInPeriod.length === 0 ? (
          <p>{t('evaluation.none')}</p>
        ) : (
          <ul className={styles.list}>
            {pack.actions.closedInPeriod.map((action) => (
              <li key={action.id}>
                <AppLink href={paths.action(action.id)}>{action.title}</AppLink> –{' '}
                {t('evaluation.closedOn', { date: formatDate(action.closedOn) })}
                {action.effectivenessCheck ? `: ${action.effectivenessCheck.note}` : ''}
              </li>
            ))}
          </ul>
        )}
      </PageSection>

      <PageSection id="pack-reviews" heading={t('evaluation.reviewCompliance')}>
        {review.share === null ? (
          <p>{t('evaluation.noReviewsDue')}</p>
        ) : (
          <p>
            <span className={styles.figure}>{percent(review.share)} %</span>{' '}
            {t('evaluation.reviewCounts', {
              onTime: review.onTimeCount,
              due: review.dueCount,
              late: review.lateCount,
              missed: review.missedCount,
            })}
          </p>
        )}
      </PageSection>

      <PageSection id="pack-acknowledgements" heading={t('evaluation.acknowledgements')}>
        {acknowledgements.rate === null ? (
          <p>{t('evaluation.none')}</p>
        ) : (
          <p>
            <span className={styles.figure}>{percent(acknowledgements.rate)} %</span>{' '}
            {t('evaluation.acknowledgementCounts', {
              acknowledged: acknowledgements.acknowledged,
              requested: acknowledgements.requested,
              versions: pack.acknowledgements.versions.length,
            })}
          </p>
        )}
      </PageSection>

      <PageSection id="pack-competences" heading={t('evaluation.competenceGaps')}>
        <p>
          {t('evaluation.competenceCounts', {
            gaps: gaps.gaps.filter((gap) => gap.coverage === 'unmet').length,
            external: gaps.gaps.filter((gap) => gap.coverage === 'external').length,
            single: gaps.singlePersonDependencies.length,
            expiring: gaps.expiring.length,
          })}
        </p>
        {gaps.gaps.length > 0 ? (
          <ul className={styles.list}>
            {gaps.gaps.map((gap) => (
              <li key={gap.requirementId}>
                {gap.competenceName} ({gap.scopeLabel}):{' '}
                {gap.coverage === 'external'
                  ? t('evaluation.coveredExternally')
                  : t('evaluation.shortBy', { count: gap.shortBy })}
              </li>
            ))}
          </ul>
        ) : null}
      </PageSection>

      <PageSection id="pack-goals" heading={t('evaluation.goals')}>
        <PackGoals section={pack.qualityGoals} />
      </PageSection>
      <PageSection id="pack-surveys" heading={t('evaluation.surveys')}>
        <PackSurveySection section={pack.surveyResults} />
      </PageSection>
      <PageSection id="pack-register" heading={t('evaluation.register')}>
        <PackRegisterSection section={pack.register} links={props.registerLinks} />
      </PageSection>
    </>
  );
}
