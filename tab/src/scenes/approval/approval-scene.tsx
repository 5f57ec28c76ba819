import { Button, MessageBar, MessageBarBody, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import type { ApprovalComparisonDto, ProcedureDetail } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { procedureChanged, queryKeyOf, readsOfProcedure, useApiQuery } from '../../api/query-client';
import { ApproveDialog, RejectDialog } from '../procedure/decision-dialogs';
import { DocumentView } from '../procedure/document-view';
import { useProcedure, useRenderedVersion } from '../procedure/use-procedure';
import { ComparisonView } from './comparison-view';
import { MetadataChanges } from './metadata-changes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  kicker: { color: tokens.colorNeutralForeground2, margin: 0, fontSize: tokens.fontSizeBase300 },
  meta: { margin: 0, color: tokens.colorNeutralForeground2 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  summary: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxWidth: '75ch' },
  note: { margin: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * The approver's page: the draft, not the current version. Heading, change summary, changed
 * details and the comparison with the current version (or the whole draft), and only then the
 * decision. "Mine opgaver" and the approval card's "Åbn kladden" link here.
 */
export function ApprovalScene(props: { procedureId: string }) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const procedure = useProcedure(props.procedureId);
  const detail = procedure.data?.id === props.procedureId ? procedure.data : undefined;
  const [outcome, setOutcome] = useState<{ detail: ProcedureDetail; message: string } | null>(null);
  const approvalId = detail?.pendingApproval?.id ?? null;
  const comparison = useApiQuery<ApprovalComparisonDto>(
    approvalId
      ? [...queryKeyOf('approvals-comparison', { params: { id: approvalId } }), detail?.draft?.file.sha256 ?? '']
      : null,
    (signal) => api.getApprovalComparison(approvalId ?? '', signal),
  );

  if (outcome) {
    return (
      <div className={styles.root}>
        <PageHeading documentTitle={`${outcome.detail.code} ${outcome.detail.title}`}>
          {outcome.detail.title}
        </PageHeading>
        <div role="status" aria-live="polite">
          <MessageBar intent="success">
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
        </div>
        <p className={styles.note}>
          <AppLink href={paths.procedure(outcome.detail.id)}>{t('approvalView.toProcedure')}</AppLink>
        </p>
      </div>
    );
  }

  if (!detail || (approvalId && !comparison.data)) {
    const error = procedure.error ?? comparison.error;
    return (
      <div className={styles.root}>
        {error ? (
          <>
            <PageHeading documentTitle={t('error.title')}>{t('error.title')}</PageHeading>
            <ErrorAlert error={error} onRetry={procedure.error ? procedure.reload : comparison.reload} />
          </>
        ) : (
          <Loading label={t('approvalView.loading')} />
        )}
      </div>
    );
  }

  if (!comparison.data || !detail.pendingApproval) {
    return (
      <div className={styles.root}>
        <p className={styles.kicker}>{detail.code}</p>
        <PageHeading documentTitle={`${detail.code} ${detail.title}`}>{detail.title}</PageHeading>
        <p className={styles.note}>{t('approvalView.notPending')}</p>
        <p className={styles.note}>
          <AppLink href={paths.procedure(detail.id)}>{t('approvalView.toProcedure')}</AppLink>
        </p>
      </div>
    );
  }

  return (
    <ApprovalPage
      detail={detail}
      data={comparison.data}
      onDecided={(next, message) => {
        procedureChanged(next);
        setOutcome({ detail: next, message });
      }}
    />
  );
}

function ApprovalPage(props: {
  detail: ProcedureDetail;
  data: ApprovalComparisonDto;
  onDecided(detail: ProcedureDetail, message: string): void;
}) {
  const { t, formatInstant } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const { detail, data } = props;
  const { approval, comparison } = data;
  const canCompare = comparison.state === 'compared';
  const [showWhole, setShowWhole] = useState(!canCompare);
  const draft = detail.draft;
  const rendered = useRenderedVersion(detail.id, showWhole && draft ? draft : null);
  const [dialog, setDialog] = useState<'approve' | 'reject' | null>(null);
  const [dialogKey, setDialogKey] = useState(0);
  const open = (next: 'approve' | 'reject') => {
    setDialogKey((key) => key + 1);
    setDialog(next);
  };

  return (
    <article className={styles.root} aria-labelledby="approval-title">
      <div>
        <p className={styles.kicker}>
          {data.procedure.code} · {t('approvalView.kicker')}
        </p>
        <PageHeading documentTitle={`${data.procedure.code} ${data.procedure.title} – ${t('approvalView.kicker')}`}>
          <span id="approval-title">
            {data.procedure.code} {data.procedure.title}
          </span>
        </PageHeading>
        <p className={styles.meta}>
          {data.from?.label ? t('approvalView.replaces', { label: data.from.label }) : t('approvalView.firstVersion')}
          {' · '}
          {t('approvalView.requested', {
            name: approval.requestedBy.name,
            date: formatInstant(approval.requestedAt),
            approver: approval.approver.name,
          })}
        </p>
      </div>

      <section aria-labelledby="approval-summary" className={styles.section}>
        <h2 id="approval-summary" className={styles.heading}>
          {t('approvalView.changeSummary')}
        </h2>
        <p className={styles.summary}>{approval.changeSummary}</p>
      </section>

      <section aria-labelledby="approval-metadata" className={styles.section}>
        <h2 id="approval-metadata" className={styles.heading}>
          {t('approvalView.metadata')}
        </h2>
        <MetadataChanges changes={data.metadataChanges} />
      </section>

      <section aria-labelledby="approval-comparison" className={styles.section}>
        <h2 id="approval-comparison" className={styles.heading}>
          {t('approvalView.comparison')}
        </h2>
        {comparison.state === 'compared' ? (
          <>
            <p className={styles.note}>
              {data.from?.label ? t('approvalView.comparedWith', { label: data.from.label }) : t('approvalView.allNew')}{' '}
              {data.from ? t('approvalView.legend') : null}
            </p>
            {data.from ? (
              <p className={styles.note}>
                {comparison.counts.added + comparison.counts.removed + comparison.counts.changed === 0
                  ? t('approvalView.noTextChanges')
                  : t('approvalView.counts', {
                      changed: comparison.counts.changed,
                      added: comparison.counts.added,
                      removed: comparison.counts.removed,
                    })}
              </p>
            ) : null}
            <Switch
              checked={showWhole}
              onChange={(_, state) => setShowWhole(state.checked)}
              label={t('approvalView.showWhole')}
            />
          </>
        ) : (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              {comparison.state === 'not-text' ? t('approvalView.notText') : t('approvalView.tooLarge')}
            </MessageBarBody>
          </MessageBar>
        )}
        {showWhole ? (
          rendered.error ? (
            <ErrorAlert error={rendered.error} onRetry={rendered.reload} />
          ) : rendered.data && !rendered.isLoading ? (
            <DocumentView document={rendered.data} title={detail.title} versionLabel={t('approvalView.wholeDraft')} />
          ) : (
            <Loading label={t('procedure.documentLoading')} />
          )
        ) : comparison.state === 'compared' ? (
          <ComparisonView blocks={comparison.blocks} />
        ) : null}
      </section>

      <section aria-labelledby="approval-decision" className={styles.section}>
        <h2 id="approval-decision" className={styles.heading}>
          {t('approvalView.decision')}
        </h2>
        {data.abilities.approve || data.abilities.reject ? (
          <>
            <p className={styles.note}>{t('approvalView.decisionHint')}</p>
            <div className={styles.buttons}>
              {data.abilities.approve ? (
                <Button appearance="primary" icon={<CheckmarkRegular aria-hidden />} onClick={() => open('approve')}>
                  {t('action.approve')}
                </Button>
              ) : null}
              {data.abilities.reject ? (
                <Button icon={<DismissRegular aria-hidden />} onClick={() => open('reject')}>
                  {t('action.reject')}
                </Button>
              ) : null}
            </div>
          </>
        ) : (
          <p className={styles.note}>{t('approval.pendingInfo', { approver: approval.approver.name })}</p>
        )}
        <p className={styles.note}>
          <AppLink href={paths.procedure(detail.id)}>{t('approvalView.toProcedure')}</AppLink>
        </p>
      </section>

      <ApproveDialog
        key={`approve-${dialogKey}`}
        open={dialog === 'approve'}
        onApprove={async (comment) => props.onDecided(await api.approve(approval.id, comment), t('approve.done'))}
        onClose={() => setDialog(null)}
        invalidates={[...readsOfProcedure(detail.id), queryKeyOf('approvals-comparison')]}
      />
      <RejectDialog
        key={`reject-${dialogKey}`}
        open={dialog === 'reject'}
        onReject={async (comment) => props.onDecided(await api.reject(approval.id, comment), t('reject.done'))}
        onClose={() => setDialog(null)}
        invalidates={[...readsOfProcedure(detail.id), queryKeyOf('approvals-comparison')]}
      />
    </article>
  );
}
