import { Button, Field, Link, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';

const useStyles = makeStyles({
  intro: { maxWidth: '48rem' },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalS },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, max-content) 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  note: { color: tokens.colorNeutralForeground2 },
});

/** An absolute link for the municipality's website: the public pages live on this host. */
function publicUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/**
 * "Årsrapport": the yearly public report. Everyone signed in sees the published reports and the
 * public links; the coordinator (abilities.publish) previews a year from live data, downloads the
 * PDF, publishes it (frozen and locked) and, once published, publishes a correction with its reason.
 */
export function YearlyReportScene(props: { year: number | null }) {
  const { t, formatDate } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const navigate = useNavigate();
  const year = props.year ?? new Date().getFullYear() - 1;
  const list = useApiQuery(queryKeyOf('yearly-reports-list'), (signal) => api.listYearlyReports(signal));
  const canPublish = list.data?.abilities.publish ?? false;
  const title = t('yearlyReport.title');
  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('yearlyReport.intro')}</p>
      {list.error ? <ErrorAlert error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Loading label={t('app.loading')} /> : null}
      {list.data ? (
        <PageSection id="yearly-report-published" heading={t('yearlyReport.published')}>
          {list.data.items.length === 0 ? <p>{t('yearlyReport.noneYet')}</p> : null}
          <ul className={styles.list}>
            {list.data.items.map((item) => (
              <li key={item.id}>
                <Link href={publicUrl(item.publicPath)} target="_blank" rel="noreferrer">
                  {t('yearlyReport.reportOf', { year: item.year })}
                </Link>{' '}
                <span className={styles.note}>
                  {t('yearlyReport.publishedLine', {
                    date: formatDate(item.publishedOn),
                    name: item.publishedBy.name,
                    revision: item.revision,
                  })}
                  {item.correctionReason
                    ? ` ${t('yearlyReport.correctionLine', { reason: item.correctionReason })}`
                    : ''}
                </span>
              </li>
            ))}
          </ul>
          <p>
            {t('yearlyReport.handbookLink')}{' '}
            <Link href={publicUrl(list.data.handbookPath)} target="_blank" rel="noreferrer">
              {publicUrl(list.data.handbookPath)}
            </Link>
          </p>
        </PageSection>
      ) : null}
      {canPublish ? (
        <PageSection id="yearly-report-preview" heading={t('yearlyReport.previewHeading', { year })}>
          <div className={styles.row}>
            <Button onClick={() => navigate(paths.yearlyReport({ year: year - 1 }))}>
              {t('yearlyReport.previousYear', { year: year - 1 })}
            </Button>
            <Button onClick={() => navigate(paths.yearlyReport({ year: year + 1 }))}>
              {t('yearlyReport.nextYear', { year: year + 1 })}
            </Button>
          </div>
          <Preview key={year} year={year} />
        </PageSection>
      ) : null}
    </>
  );
}

function Preview(props: { year: number }) {
  const { t, formatDate } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const preview = useApiQuery(queryKeyOf('yearly-reports-preview', { params: { year: props.year } }), (signal) =>
    api.previewYearlyReport(props.year, signal),
  );
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState('');
  const [downloadError, setDownloadError] = useState<ApiRequestError | undefined>();
  const publish = useApiMutation({
    run: (correctionReason: string | null) => api.publishYearlyReport(props.year, correctionReason),
    onSuccess: (report) => {
      setReason('');
      setStatus(t('yearlyReport.publishedNow', { year: report.year, revision: report.revision }));
    },
    invalidates: () => [
      queryKeyOf('yearly-reports-list'),
      queryKeyOf('yearly-reports-preview', { params: { year: props.year } }),
      queryKeyOf('year-wheel-get'),
    ],
  });
  const download = async (locale: 'da' | 'nb') => {
    setDownloadError(undefined);
    try {
      const blob = await api.downloadYearlyReportPdf(props.year, locale);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${t('yearlyReport.reportOf', { year: props.year })} (${locale}).pdf`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setDownloadError(asApiRequestError(failure));
    }
  };

  if (preview.error) return <ErrorAlert error={preview.error} onRetry={preview.reload} />;
  const data = preview.data;
  if (!data) return <Loading label={t('app.loading')} />;
  const content = data.content;
  const procedures = content.structure.reduce(
    (sum, level) => sum + level.areas.reduce((count, area) => count + area.procedures.length, 0),
    0,
  );
  const error = publish.error ?? downloadError;
  return (
    <>
      <p className={styles.note}>
        {t('yearlyReport.previewNote', { date: formatDate(content.structureAsOf ?? content.asOf) })}
      </p>
      <dl className={styles.facts}>
        <dt>{t('yearlyReport.facts.procedures')}</dt>
        <dd>{procedures}</dd>
        <dt>{t('yearlyReport.facts.policy')}</dt>
        <dd>{content.policy ? t('yearlyReport.yes') : t('yearlyReport.no')}</dd>
        <dt>{t('yearlyReport.facts.goals')}</dt>
        <dd>{content.goals.length}</dd>
        <dt>{t('yearlyReport.facts.surveys')}</dt>
        <dd>{content.surveys.length}</dd>
        <dt>{t('yearlyReport.facts.register')}</dt>
        <dd>{content.register ? content.register.total : t('yearlyReport.no')}</dd>
        <dt>{t('yearlyReport.facts.audits')}</dt>
        <dd>{content.audits.length}</dd>
        <dt>{t('yearlyReport.facts.certificate')}</dt>
        <dd>
          {content.certificate
            ? `${content.certificate.body} ${content.certificate.certificateNumber} (${formatDate(content.certificate.issuedOn)} – ${formatDate(content.certificate.expiresOn)})`
            : t('yearlyReport.no')}
        </dd>
        <dt>{t('yearlyReport.facts.evaluation')}</dt>
        <dd>{content.evaluation?.heldOn ? formatDate(content.evaluation.heldOn) : t('yearlyReport.notHeld')}</dd>
        <dt>{t('yearlyReport.facts.committee')}</dt>
        <dd>
          {content.evaluation?.committee
            ? `${content.evaluation.committee} ${formatDate(content.evaluation.committeeOn)}`
            : t('yearlyReport.notTreated')}
        </dd>
      </dl>
      <div className={styles.row}>
        <Button onClick={() => void download('da')}>{t('yearlyReport.pdfDanish')}</Button>
        <Button onClick={() => void download('nb')}>{t('yearlyReport.pdfNorwegian')}</Button>
      </div>
      {data.published ? (
        <form
          className={styles.form}
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            publish.mutate(reason.trim());
          }}
        >
          <p>
            {t('yearlyReport.lockedLine', {
              year: props.year,
              date: formatDate(data.published.publishedOn),
              name: data.published.publishedBy.name,
            })}
          </p>
          <Field label={t('yearlyReport.correctionReason')} hint={t('yearlyReport.correctionHint')} required>
            <Textarea value={reason} onChange={(_, value) => setReason(value.value)} resize="vertical" />
          </Field>
          <div>
            <Button type="submit" disabled={publish.isPending || reason.trim() === ''}>
              {t('yearlyReport.publishCorrection')}
            </Button>
          </div>
        </form>
      ) : (
        <div className={styles.row} style={{ marginTop: tokens.spacingVerticalM }}>
          <Button appearance="primary" disabled={publish.isPending} onClick={() => publish.mutate(null)}>
            {t('yearlyReport.publish', { year: props.year })}
          </Button>
        </div>
      )}
      <p role="status">{status}</p>
      {error ? <ErrorAlert error={error} /> : null}
    </>
  );
}
