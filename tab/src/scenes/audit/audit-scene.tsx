import { Button, Checkbox } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { CertificateDto, ProgrammeItemDto } from '../../api/audit-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { readsOfProgramme } from './audit-reads';
import { currentYear, importanceKey, reasonText, yearFromQuery } from './audit-model';
import { useAuditStyles } from './audit-styles';
import { AuditStatusText, AuditKindText, AuditTable, WarningLine } from './audit-texts';
import { CertificateDialogButton, RegisterCycleAuditButton } from './certificate-forms';
import { InternalAuditDialogButton, ProgrammeItemDialogButton } from './programme-forms';
import { OptionDropdown } from '../../shared/option-dropdown';

/** "Audit": the year's programme with its weighting, the planned audits and the certificate's cycle. */
export function AuditScene(props: { session: Session; query: URLSearchParams }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useAuditStyles();
  const navigate = useNavigate();
  const thisYear = useMemo(() => currentYear(), []);
  const year = yearFromQuery(props.query, thisYear);

  const programme = useApiQuery(queryKeyOf('audit-programme-year', { query: { year } }), (signal) =>
    api.getProgrammeYear(year, signal),
  );
  const certificates = useApiQuery(queryKeyOf('certificates-list'), (signal) => api.listCertificates(signal));
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [status, setStatus] = useState('');
  const planning = useApiMutation({
    run: (itemIds: string[]) => api.planAudits(year, itemIds),
    onSuccess: (result) => {
      // Never in the past: say which audits were moved from a month that has passed, and to when.
      const titleOf = (itemId: string) => programme.data?.items.find((item) => item.id === itemId)?.title ?? itemId;
      const moved = result.moved.map((entry) => `${titleOf(entry.itemId)} (${i18n.formatDate(entry.plannedOn)})`);
      setStatus(
        [
          t('audit.planned', { count: result.created.length }),
          ...(moved.length > 0 ? [t('audit.plannedMoved', { count: moved.length, list: moved.join(', ') })] : []),
        ].join(' '),
      );
      setChosen(new Set());
    },
    invalidates: readsOfProgramme,
  });
  const planError = planning.error ?? undefined;

  const manage = programme.data?.abilities.manage ?? false;
  const monthName = (month: number) =>
    new Intl.DateTimeFormat(i18n.locale, { month: 'long' }).format(new Date(Date.UTC(2000, month - 1, 15)));
  const toggle = (itemId: string, isChecked: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (isChecked) next.add(itemId);
      else next.delete(itemId);
      return next;
    });

  const years = [thisYear - 2, thisYear - 1, thisYear, thisYear + 1, thisYear + 2];
  if (!years.includes(year)) years.push(year);
  const active = certificates.data?.certificates.find((certificate) => certificate.isActive);
  const manageCertificates = certificates.data?.abilities.manage ?? false;
  const unitName = (id: string | null) =>
    id === null ? t('audit.crossCutting') : (props.session.units.find((unit) => unit.id === id)?.name ?? id);
  const subjectText = (subject: ProgrammeItemDto['subject']) =>
    subject.kind === 'process'
      ? `${t('audit.form.subject.process')}: ${subject.area}`
      : subject.kind === 'unit'
        ? `${t('audit.form.subject.unit')}: ${unitName(subject.unitId)}`
        : `${t('audit.form.subject.clause')}: ${subject.clause}`;
  const itemSaved = (item: ProgrammeItemDto) => setStatus(t('audit.form.itemSaved', { title: item.title }));

  return (
    <>
      <PageHeading documentTitle={t('audit.title')}>{t('audit.title')}</PageHeading>
      <div className={styles.toolbar}>
        <OptionDropdown
          label={t('audit.year')}
          value={String(year)}
          onChange={(value) => {
            setChosen(new Set());
            setStatus('');
            navigate(paths.audit({ year: Number(value) }), { replace: true, keepFocus: true });
          }}
          options={years.sort((a, b) => a - b).map((option) => ({ value: String(option), text: String(option) }))}
        />
        <nav aria-label={t('audit.related')} className={styles.related}>
          <AppLink href={paths.fokus()}>{t('fokus.nav')}</AppLink>
          <AppLink href={paths.coverage()}>{t('coverage.nav')}</AppLink>
        </nav>
      </div>
      <p role="status" className={styles.status}>
        {status}
      </p>

      {certificates.error ? <ErrorAlert error={certificates.error} onRetry={certificates.reload} /> : null}
      {active ? (
        <CertificatePanel
          certificate={active}
          manage={manageCertificates}
          onSaved={() => setStatus(t('audit.form.certificateSaved'))}
        />
      ) : certificates.data ? (
        <PageSection id="audit-certificate" heading={t('audit.certificate')}>
          <p>{t('audit.form.noCertificate')}</p>
        </PageSection>
      ) : null}
      {manageCertificates ? (
        <div className={styles.toolbar}>
          <CertificateDialogButton onSaved={() => setStatus(t('audit.form.certificateSaved'))} />
        </div>
      ) : null}

      <PageSection id="audit-programme" heading={t('audit.programme')}>
        {programme.error ? <ErrorAlert error={programme.error} onRetry={programme.reload} /> : null}
        {programme.isLoading && !programme.data ? <Loading label={t('app.loading')} /> : null}
        {programme.data ? (
          programme.data.plan.length === 0 ? (
            <p>{t('audit.nothingDue')}</p>
          ) : (
            <>
              <AuditTable
                caption={t('audit.programmeCaption', { year })}
                columns={[
                  manage ? t('audit.choose') : null,
                  t('audit.subject'),
                  t('audit.importance'),
                  t('audit.score'),
                  t('audit.reasons'),
                  t('audit.suggestedMonth'),
                  t('audit.planStatus'),
                ]}
              >
                <tbody>
                  {programme.data.plan.map((entry) => (
                    <tr key={entry.item.id}>
                      {manage ? (
                        <td>
                          {entry.plannedAuditId === null ? (
                            <Checkbox
                              checked={chosen.has(entry.item.id)}
                              onChange={(_, data) => toggle(entry.item.id, data.checked === true)}
                              aria-label={t('audit.chooseItem', { title: entry.item.title })}
                            />
                          ) : null}
                        </td>
                      ) : null}
                      <th scope="row">{entry.item.title}</th>
                      <td>{t(importanceKey[entry.item.importance])}</td>
                      <td>{entry.score}</td>
                      <td>
                        <ul className={styles.reasons}>
                          {entry.reasons.map((reason) => (
                            <li key={reason.code}>{reasonText(reason, t)}</li>
                          ))}
                        </ul>
                      </td>
                      <td>{monthName(entry.suggestedMonth)}</td>
                      <td>
                        {entry.plannedAuditId === null ? (
                          t('audit.notPlanned')
                        ) : (
                          <AppLink href={paths.auditDetail(entry.plannedAuditId)}>{t('audit.plannedLink')}</AppLink>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </AuditTable>
              {manage ? (
                <div className={styles.toolbar}>
                  <Button
                    appearance="primary"
                    disabled={chosen.size === 0 || planning.isPending}
                    onClick={() => planning.mutate([...chosen])}
                  >
                    {t('audit.planChosen', { count: chosen.size })}
                  </Button>
                </div>
              ) : null}
              {planError ? <ErrorAlert error={planError} /> : null}
            </>
          )
        ) : null}
      </PageSection>

      <PageSection id="audit-items" heading={t('audit.form.items')}>
        {programme.data ? (
          <>
            {programme.data.items.length === 0 ? (
              <p>{t('audit.form.noItems')}</p>
            ) : (
              <AuditTable
                caption={t('audit.form.itemsCaption')}
                columns={[
                  t('audit.form.title'),
                  t('audit.subject'),
                  t('audit.importance'),
                  t('audit.clauses'),
                  t('audit.unit'),
                  manage ? t('audit.actions') : null,
                ]}
              >
                <tbody>
                  {programme.data.items.map((item) => (
                    <tr key={item.id}>
                      <th scope="row">{item.title}</th>
                      <td>{subjectText(item.subject)}</td>
                      <td>{t(importanceKey[item.importance])}</td>
                      <td>{item.clauses.join(', ') || '–'}</td>
                      <td>{unitName(item.unitId)}</td>
                      {manage ? (
                        <td>
                          <ProgrammeItemDialogButton session={props.session} item={item} onSaved={itemSaved} />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </AuditTable>
            )}
            {manage ? (
              <div className={styles.toolbar}>
                <ProgrammeItemDialogButton session={props.session} onSaved={itemSaved} />
              </div>
            ) : null}
          </>
        ) : null}
      </PageSection>

      <PageSection id="audit-list" heading={t('audit.audits')}>
        {manage ? (
          <div className={styles.toolbar}>
            <InternalAuditDialogButton session={props.session} />
          </div>
        ) : null}
        {programme.data ? (
          programme.data.audits.length === 0 ? (
            <p>{t('audit.noAudits')}</p>
          ) : (
            <AuditTable
              caption={t('audit.auditsCaption', { year })}
              columns={[
                t('audit.date'),
                t('audit.auditTitle'),
                t('audit.kind'),
                t('audit.status'),
                t('audit.warnings'),
              ]}
            >
              <tbody>
                {programme.data.audits.map((audit) => (
                  <tr key={audit.id}>
                    <td>{i18n.formatDate(audit.plannedOn)}</td>
                    <th scope="row">
                      <AppLink href={paths.auditDetail(audit.id)}>{audit.title}</AppLink>
                    </th>
                    <td>
                      <AuditKindText kind={audit.kind} />
                    </td>
                    <td>
                      <AuditStatusText status={audit.status} />
                    </td>
                    <td>
                      {audit.independenceWarnings.length === 0
                        ? t('audit.noWarnings')
                        : t('audit.warningCount', { count: audit.independenceWarnings.length })}
                    </td>
                  </tr>
                ))}
              </tbody>
            </AuditTable>
          )
        ) : null}
      </PageSection>
    </>
  );
}

function CertificatePanel(props: {
  certificate: CertificateDto;
  manage: boolean;
  onSaved(certificate: CertificateDto): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const styles = useAuditStyles();
  const { certificate } = props;
  const cycle = useApiQuery(
    [...queryKeyOf('certificates-cycle', { params: { id: certificate.id } }), certificate.etag],
    (signal) => api.getCertificateCycle(certificate.id, signal),
  );
  return (
    <PageSection id="audit-certificate" heading={t('audit.certificate')}>
      <dl className={styles.facts}>
        <dt>{t('audit.certificateBody')}</dt>
        <dd>{certificate.body}</dd>
        <dt>{t('audit.standard')}</dt>
        <dd>{certificate.standard}</dd>
        <dt>{t('audit.scope')}</dt>
        <dd>{certificate.scope}</dd>
        <dt>{t('audit.certificateNumber')}</dt>
        <dd>{certificate.certificateNumber || '–'}</dd>
        <dt>{t('audit.issued')}</dt>
        <dd>{i18n.formatDate(certificate.issuedOn)}</dd>
        <dt>{t('audit.expires')}</dt>
        <dd>{i18n.formatDate(certificate.expiresOn)}</dd>
        <dt>{t('audit.cycleYears')}</dt>
        <dd>{t('audit.cycleYearsValue', { years: certificate.cycleYears })}</dd>
      </dl>
      {props.manage ? (
        <div className={styles.toolbar}>
          <CertificateDialogButton certificate={certificate} onSaved={props.onSaved} />
        </div>
      ) : null}
      {cycle.error ? <ErrorAlert error={cycle.error} onRetry={cycle.reload} /> : null}
      {cycle.data ? (
        <AuditTable
          caption={t('audit.cycleCaption')}
          columns={[
            t('audit.cycleAudit'),
            t('audit.windowStart'),
            t('audit.dueOn'),
            t('audit.recorded'),
            props.manage ? t('audit.actions') : null,
          ]}
        >
          <tbody>
            {cycle.data.audits.map((entry) => {
              const name =
                entry.kind === 'surveillance'
                  ? t('audit.surveillanceN', { index: entry.index })
                  : t('audit.recertification');
              return (
                <tr key={`${entry.kind}-${entry.index}`}>
                  <th scope="row">{name}</th>
                  <td>{i18n.formatDate(entry.windowStart)}</td>
                  <td>{i18n.formatDate(entry.dueOn)}</td>
                  <td>
                    {entry.auditId === null ? (
                      entry.state === 'overdue' ? null : (
                        t('audit.notRecorded')
                      )
                    ) : (
                      <AppLink href={paths.auditDetail(entry.auditId)}>
                        {i18n.formatDate(entry.plannedOn ?? entry.dueOn)}
                      </AppLink>
                    )}
                    {/* The same rule as the årshjul's "Over tid" (core/certifier-audit-match.ts). */}
                    {entry.state === 'overdue' ? (
                      <WarningLine
                        as="span"
                        text={
                          entry.auditId === null ? t('audit.cycleOverdueNotRecorded') : t('audit.cycleOverdueNotHeld')
                        }
                      />
                    ) : null}
                  </td>
                  {props.manage ? (
                    <td>
                      {entry.auditId === null ? (
                        <RegisterCycleAuditButton certificate={certificate} entry={entry} name={name} />
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </AuditTable>
      ) : null}
    </PageSection>
  );
}
