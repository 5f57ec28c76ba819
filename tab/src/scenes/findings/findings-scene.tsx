import { makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { GradeBadge } from '../audit/audit-texts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  item: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalM,
    display: 'grid',
    gap: tokens.spacingVerticalXS,
  },
  description: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, margin: 0 },
  links: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
});

/**
 * "Afvigelser": findings across audits, the open nonconformities by default (major and minor
 * without a closed corrective action). The overview's tile leads here; `unit` and `year` in the
 * URL narrow the list, `state=all` shows every finding.
 */
export function FindingsScene(props: { session: Session; query: URLSearchParams }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const api = useApi();
  const styles = useStyles();
  const state = props.query.get('state') === 'all' ? 'all' : 'open';
  const unitId = props.query.get('unit') || undefined;
  const yearText = props.query.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const findings = useApiQuery(queryKeyOf('findings-list', { query: { state, unitId, year } }), (signal) =>
    api.listFindings({ state, unitId, year }, signal),
  );
  const unitName = (id: string | null) =>
    id === null ? t('findings.noUnit') : (props.session.units.find((unit) => unit.id === id)?.name ?? id);
  const title = state === 'open' ? t('findings.openTitle') : t('findings.allTitle');
  const list = findings.data?.findings ?? [];
  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p>
        {unitId ? t('findings.inUnit', { unit: unitName(unitId) }) : t('findings.allUnits')}
        {year ? ` · ${year}` : ''}
      </p>
      {findings.error ? <ErrorAlert error={findings.error} onRetry={findings.reload} /> : null}
      {!findings.data && findings.isLoading ? <Loading label={t('app.loading')} /> : null}
      {findings.data ? (
        <>
          <p role="status">
            {t('findings.count', {
              count: list.length,
            })}
          </p>
          {list.length === 0 ? null : (
            <ul className={styles.list} data-testid="findings-list">
              {list.map((finding) => (
                <li key={finding.id} className={styles.item}>
                  <span>
                    <GradeBadge grade={finding.grade} />
                  </span>
                  <p className={styles.description}>{finding.description}</p>
                  <p className={styles.meta}>
                    {[
                      finding.clause ? t('findings.clause', { clause: finding.clause }) : null,
                      unitName(finding.unitId),
                      t('findings.foundOn', { date: formatDate(finding.foundOn) }),
                      // Withdrawn by a correction of its audit's report: listed under "all", never open.
                      finding.withdrawal
                        ? t('audit.findingWithdrawn', {
                            date: formatDate(finding.withdrawal.withdrawnOn),
                            reason: finding.withdrawal.reason,
                          })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <span className={styles.links}>
                    <AppLink href={paths.auditDetail(finding.auditId)}>{t('findings.openAudit')}</AppLink>
                    {finding.correctiveActionId ? (
                      <AppLink href={paths.action(finding.correctiveActionId)}>{t('audit.openAction')}</AppLink>
                    ) : finding.isOpen ? (
                      <span className={styles.meta}>{t('audit.actionNeeded')}</span>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>
  );
}
