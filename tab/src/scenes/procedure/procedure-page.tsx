import { Button, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { invalidate, queryKeyOf, readsOfProcedure, useApiMutation } from '../../api/query-client';
import type { ProcedureDetail, ProcedureRequirementDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { ProcedureStatus } from '../../shared/procedure-status';
import { ReviewStatusText } from '../../shared/review-status-text';
import { AcknowledgementPrompt } from './acknowledgement-prompt';
import { ApprovalTrail } from './approval-trail';
import { AuditTrail } from './audit-trail';
import { WithdrawDialog } from './decision-dialogs';
import { DocumentView } from './document-view';
import { EditMetadataDialog } from './edit-metadata-dialog';
import { FollowUpReport } from './follow-up-report';
import { ProcedureActions, type ProcedureDialog } from './procedure-actions';
import { ProcedureCompetences } from './procedure-competences';
import { ProcedureMetadata } from './procedure-metadata';
import { selectVersion, versionStanding, visibleVersions } from './procedure-versions';
import { ReviewDialog } from './review-dialog';
import { ReviewHistory } from './review-history';
import { AddRequirementDialog, RemoveRequirementDialog } from './requirement-dialogs';
import { SubmitDialog } from './submit-dialog';
import {
  useAcknowledgementReport,
  useDownload,
  useProcedureCompetences,
  useRenderedVersion,
  versionDownloadName,
} from './use-procedure';
import { VersionBanner } from './version-banner';
import { VersionsList } from './versions-list';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  kicker: { color: tokens.colorNeutralForeground2, margin: 0, fontSize: tokens.fontSizeBase300 },
  badges: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    marginTop: `-${tokens.spacingVerticalS}`,
  },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(18rem, 26rem)',
    gap: tokens.spacingHorizontalXXL,
    alignItems: 'start',
    '@media (max-width: 1100px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 0`,
    ':focus': { outline: 'none' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  aside: {
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const decisionLinks: readonly string[] = ['approve', 'reject'];

export function ProcedurePage(props: {
  detail: ProcedureDetail;
  isRefreshing: boolean;
  onDetail(detail: ProcedureDetail): void;
  session: Session;
  query: URLSearchParams;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const api = useApi();
  const navigate = useNavigate();
  const { detail, session } = props;
  const me = session.me.person;

  const versions = visibleVersions(detail);
  const selected = selectVersion(detail, props.query.get('version'));
  const originalName = selected ? versionDownloadName(detail, selected, 'original', t('procedure.draftFileWord')) : '';
  const pdfName = selected ? versionDownloadName(detail, selected, 'pdf', t('procedure.draftFileWord')) : '';
  const rendered = useRenderedVersion(detail.id, selected);
  const followUp = useAcknowledgementReport(detail);
  const competences = useProcedureCompetences(detail);
  const [isAddingRequirement, setIsAddingRequirement] = useState(false);
  const [removingRequirement, setRemovingRequirement] = useState<ProcedureRequirementDto | null>(null);
  const [removedRequirementId, setRemovedRequirementId] = useState<string | null>(null);
  const { download, isDownloading, error: downloadError } = useDownload(detail.id);

  const [dialog, setDialogState] = useState<ProcedureDialog | null>(null);
  const [dialogKey, setDialogKey] = useState(0);
  const setDialog = (next: ProcedureDialog | null) => {
    if (next) setDialogKey((key) => key + 1);
    setDialogState(next);
  };
  const [notice, setNotice] = useState<string | null>(null);
  const documentHeading = useRef<HTMLHeadingElement>(null);
  const competencesHeading = useRef<HTMLHeadingElement>(null);

  // Older links (?action=approve|reject, from cards sent before the approval view) lead the approver
  // to the draft and its comparison: nobody decides without the text in front of them.
  const requestedAction = props.query.get('action');
  useEffect(() => {
    const action = decisionLinks.find((candidate) => candidate === requestedAction);
    if (!action) return;
    if (detail.abilities.approve || detail.abilities.reject) {
      navigate(paths.approval(detail.id), { replace: true });
      return;
    }
    const rest = new URLSearchParams(props.query);
    rest.delete('action');
    navigate(paths.procedure(detail.id, Object.fromEntries(rest)), { replace: true });
    // Only the first render with ?action= matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestedAction]);

  // A removed requirement takes its button along: once the dialog has closed (returning focus to
  // that button) and the list no longer shows it, focus goes to the section, not the page's top.
  useEffect(() => {
    if (removedRequirementId === null || removingRequirement !== null || !competences.data) return;
    if (competences.data.requirements.some((entry) => entry.requirement.id === removedRequirementId)) return;
    setRemovedRequirementId(null);
    competencesHeading.current?.focus();
  }, [removedRequirementId, removingRequirement, competences.data]);

  const apply = (next: ProcedureDetail, message: string) => {
    props.onDetail(next);
    setNotice(message);
  };

  const openVersion = (versionId: string) => {
    const isCurrent = versionId === detail.currentVersion?.id;
    navigate(paths.procedure(detail.id, isCurrent ? {} : { version: versionId }), { keepFocus: true });
    documentHeading.current?.focus();
    documentHeading.current?.scrollIntoView({ block: 'start' });
  };

  // Both answer with the procedure's new detail; onDetail caches it and refetches what it changes.
  const uploading = useApiMutation({
    run: (file: File) => api.uploadDraft(detail, file),
    onSuccess: (next, file) => {
      apply(next, t('action.uploaded', { fileName: file.name }));
      if (next.draft)
        navigate(paths.procedure(detail.id, { version: next.draft.id }), { replace: true, keepFocus: true });
    },
  });
  const acknowledging = useApiMutation({
    run: (versionId: string) => api.acknowledgeVersion(detail, versionId),
    onSuccess: (next) => props.onDetail(next),
  });
  const upload = (file: File) => {
    setNotice(null);
    uploading.mutate(file);
  };
  const acknowledge = () => {
    const versionId = detail.myAcknowledgement?.versionId;
    if (versionId) acknowledging.mutate(versionId);
  };
  const uploadError = uploading.error ?? undefined;
  const ackError = acknowledging.error ?? undefined;

  const closeDialog = () => setDialog(null);
  const procedureReads = readsOfProcedure(detail.id);
  // Competence requirements change the procedure's coverage and the units' gaps.
  const requirementReads = [...procedureReads, queryKeyOf('competence-gaps')];
  /** ErrorAlert's "reload" after a stale write: refetch the procedure and what hangs on it. */
  const reload = () => {
    setNotice(null);
    void invalidate(...procedureReads);
  };
  const selectedLabel = selected?.label ?? t('version.unlabelled');
  const showDraftHint =
    detail.draft && selected && selected.id !== detail.draft.id && selected.id === detail.currentVersion?.id;

  return (
    <article className={styles.root} aria-busy={props.isRefreshing}>
      <div>
        <p className={styles.kicker}>
          {detail.code} · {t(`level.${detail.level}`)} · {detail.area}
        </p>
        <PageHeading documentTitle={`${detail.code} ${detail.title}`}>{detail.title}</PageHeading>
        <div className={styles.badges}>
          <ProcedureStatus
            item={{
              status: detail.status,
              revision: detail.pendingApproval ? 'pending' : detail.draft ? 'draft' : 'none',
            }}
          />
          <span>
            {t('procedure.nextReview')}:{' '}
            <ReviewStatusText nextReviewOn={detail.nextReviewOn} status={detail.reviewStatus} />
          </span>
          {/* Anyone who reads the procedure may report a deviation on it (the register, issue 15). */}
          <AppLink href={paths.reportNew({ procedure: detail.id })}>{t('procedure.reportDeviation')}</AppLink>
        </div>
      </div>

      <div role="status" aria-live="polite">
        {notice ? (
          <MessageBar intent="success">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>

      <AcknowledgementPrompt
        detail={detail}
        isBusy={acknowledging.isPending}
        error={ackError}
        onAcknowledge={acknowledge}
        onRead={() => openVersion(detail.currentVersion?.id ?? '')}
        onReload={reload}
      />

      <ProcedureActions
        detail={detail}
        myPersonId={me.id}
        isUploading={uploading.isPending}
        onUpload={upload}
        onOpenDialog={(next) => {
          setNotice(null);
          setDialog(next);
        }}
      />
      {uploadError ? <ErrorAlert error={uploadError} onReload={reload} /> : null}

      <div className={styles.layout}>
        <section aria-labelledby="document-heading" className={styles.section}>
          <h2 id="document-heading" ref={documentHeading} tabIndex={-1} className={styles.heading}>
            {t('procedure.document')}
          </h2>
          {selected ? (
            <>
              <VersionBanner version={selected} standing={versionStanding(detail, selected)} />
              {showDraftHint && detail.draft ? (
                <p>
                  {t('procedure.draftExists')}{' '}
                  <Link as="button" onClick={() => openVersion(detail.draft?.id ?? '')}>
                    {t('procedure.viewDraft')}
                  </Link>
                </p>
              ) : null}
              {selected.id !== detail.currentVersion?.id && detail.currentVersion ? (
                <p>
                  <Link as="button" onClick={() => openVersion(detail.currentVersion?.id ?? '')}>
                    {t('procedure.viewCurrent')}
                  </Link>
                </p>
              ) : null}
              <div className={styles.row}>
                <Button
                  icon={<ArrowDownloadRegular aria-hidden />}
                  disabled={isDownloading}
                  onClick={() => void download(selected.id, originalName, { format: 'original', locale: i18n.locale })}
                >
                  {isDownloading ? t('procedure.downloading') : t('procedure.download', { fileName: originalName })}
                </Button>
                {selected.file.mediaType.startsWith('application/pdf') ? null : (
                  <Button
                    icon={<ArrowDownloadRegular aria-hidden />}
                    disabled={isDownloading}
                    onClick={() => void download(selected.id, pdfName, { format: 'pdf', locale: i18n.locale })}
                  >
                    {t('procedure.downloadPdf')}
                  </Button>
                )}
              </div>
              {downloadError ? <ErrorAlert error={downloadError} /> : null}
              {rendered.error ? <ErrorAlert error={rendered.error} onRetry={rendered.reload} /> : null}
              {rendered.data && !rendered.isLoading ? (
                <DocumentView document={rendered.data} title={detail.title} versionLabel={selectedLabel} />
              ) : rendered.isLoading ? (
                <Loading label={t('procedure.documentLoading')} />
              ) : null}
            </>
          ) : (
            <p>{t('procedure.noDocument')}</p>
          )}
        </section>

        <section aria-labelledby="metadata-heading" className={`${styles.section} ${styles.aside}`}>
          <h2 id="metadata-heading" className={styles.heading}>
            {t('procedure.metadata')}
          </h2>
          <ProcedureMetadata detail={detail} units={session.units} />
        </section>
      </div>

      <section aria-labelledby="competences-heading" className={styles.section}>
        <h2 id="competences-heading" ref={competencesHeading} tabIndex={-1} className={styles.heading}>
          {t('procedureCompetences.heading')}
        </h2>
        {competences.error ? <ErrorAlert error={competences.error} onRetry={competences.reload} /> : null}
        {competences.data ? (
          <ProcedureCompetences
            data={competences.data}
            units={session.units}
            onAdd={() => {
              setNotice(null);
              setDialogKey((key) => key + 1);
              setIsAddingRequirement(true);
            }}
            onRemove={(entry) => {
              setNotice(null);
              setRemovingRequirement(entry);
            }}
          />
        ) : competences.isLoading ? (
          <Loading label={t('procedureCompetences.loading')} />
        ) : null}
      </section>

      <section aria-labelledby="versions-heading" className={styles.section}>
        <h2 id="versions-heading" className={styles.heading}>
          {t('version.list')}
        </h2>
        <VersionsList detail={detail} versions={versions} selectedId={selected?.id ?? null} onOpen={openVersion} />
      </section>

      <section aria-labelledby="approvals-heading" className={styles.section}>
        <h2 id="approvals-heading" className={styles.heading}>
          {t('approval.trail')}
        </h2>
        <ApprovalTrail approvals={detail.approvals} />
      </section>

      <section aria-labelledby="reviews-heading" className={styles.section}>
        <h2 id="reviews-heading" className={styles.heading}>
          {t('review.history')}
        </h2>
        <ReviewHistory reviews={detail.reviews} />
      </section>

      {detail.abilities.readFollowUp ? (
        <section aria-labelledby="follow-up-heading" className={styles.section}>
          <h2 id="follow-up-heading" className={styles.heading}>
            {t('ack.followUp')}
          </h2>
          {followUp.error ? <ErrorAlert error={followUp.error} onRetry={followUp.reload} /> : null}
          {followUp.data ? (
            <FollowUpReport report={followUp.data} units={session.units} />
          ) : followUp.isLoading ? (
            <Loading label={t('app.loading')} />
          ) : null}
        </section>
      ) : null}

      {detail.trail.length > 0 ? <AuditTrail trail={detail.trail} /> : null}

      {/* Dialogs open and close through `open`; a new key per opening starts with a fresh form. */}
      <SubmitDialog
        key={`submit-${dialogKey}`}
        open={dialog === 'submit'}
        people={session.people.filter((person) =>
          detail.approverCandidates.some((candidate) => candidate.id === person.id),
        )}
        defaultApproverId={
          detail.approverCandidates.some((candidate) => candidate.id === detail.approver.id) ? detail.approver.id : ''
        }
        onSubmit={async (body) => apply(await api.submitDraft(detail, body), t('submit.done'))}
        onClose={closeDialog}
        invalidates={procedureReads}
      />
      <WithdrawDialog
        key={`withdraw-${dialogKey}`}
        open={dialog === 'withdraw'}
        onWithdraw={async () => apply(await api.withdrawDraft(detail), t('withdraw.done'))}
        onClose={closeDialog}
        invalidates={procedureReads}
      />
      <ReviewDialog
        key={`review-${dialogKey}`}
        open={dialog === 'review'}
        onReview={async (body) => apply(await api.recordReview(detail, body), t('reviewDialog.done'))}
        onClose={closeDialog}
        invalidates={procedureReads}
      />
      {competences.data?.abilities.manage ? (
        <>
          <AddRequirementDialog
            key={`requirement-${dialogKey}`}
            open={isAddingRequirement}
            procedureId={detail.id}
            onAdd={async (body) => {
              await api.addCompetenceRequirement(body);
              setNotice(t('procedureCompetences.added'));
            }}
            onClose={() => setIsAddingRequirement(false)}
            invalidates={requirementReads}
          />
          <RemoveRequirementDialog
            entry={removingRequirement}
            onRemove={async (entry) => {
              await api.removeCompetenceRequirement(entry.requirement.id);
              setRemovedRequirementId(entry.requirement.id);
              setNotice(t('procedureCompetences.removed'));
            }}
            onClose={() => setRemovingRequirement(null)}
            invalidates={requirementReads}
          />
        </>
      ) : null}
      {detail.abilities.editMetadata || dialog === 'edit' ? (
        <EditMetadataDialog
          key={`edit-${dialogKey}`}
          open={dialog === 'edit'}
          detail={detail}
          people={session.people}
          units={session.units}
          onSave={async (body) => apply(await api.updateProcedure(detail, body), t('edit.done'))}
          onClose={closeDialog}
          invalidates={procedureReads}
        />
      ) : null}
    </article>
  );
}
