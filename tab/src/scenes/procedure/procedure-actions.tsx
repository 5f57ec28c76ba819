import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, EditRegular, CalendarCheckmarkRegular, SendRegular } from '@fluentui/react-icons';
import type { ProcedureDetail } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { UploadDraftControl } from './upload-draft-control';

export type ProcedureDialog = 'submit' | 'withdraw' | 'review' | 'edit';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * The actions this user may take, straight from the server's abilities. The only thing derived
 * here is an explanation: why an author sees no Approve button on their own draft.
 */
export function ProcedureActions(props: {
  detail: ProcedureDetail;
  myPersonId: string;
  isUploading: boolean;
  onUpload(file: File): void;
  onOpenDialog(dialog: ProcedureDialog): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const { detail } = props;
  const { abilities, pendingApproval } = detail;
  const isOwnDraft =
    pendingApproval !== null &&
    (pendingApproval.requestedBy.id === props.myPersonId || detail.draft?.author.id === props.myPersonId);
  const canUpload = abilities.startDraft || abilities.editDraft;
  const hasButtons =
    canUpload || abilities.submitDraft || abilities.withdraw || abilities.confirmReview || abilities.editMetadata;

  return (
    <div className={styles.root}>
      {pendingApproval && !abilities.approve ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {isOwnDraft ? <MessageBarTitle>{t('approval.cannotApproveOwn')}</MessageBarTitle> : null}
            {t('approval.pendingInfo', { approver: pendingApproval.approver.name })}
            {isOwnDraft ? ` ${t('approval.cannotApproveOwnDetail')}` : ''}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {pendingApproval && abilities.approve ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('approvalView.openFromProcedure')}{' '}
            <AppLink href={paths.approval(detail.id)}>{t('approvalView.openLink')}</AppLink>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {hasButtons ? (
        <div className={styles.buttons} role="group" aria-label={t('procedure.actions')}>
          {canUpload ? <UploadDraftControl isBusy={props.isUploading} onFile={props.onUpload} /> : null}
          {abilities.submitDraft ? (
            <Button
              appearance="primary"
              icon={<SendRegular aria-hidden />}
              onClick={() => props.onOpenDialog('submit')}
            >
              {t('action.submit')}
            </Button>
          ) : null}
          {abilities.withdraw ? (
            <Button icon={<ArrowUndoRegular aria-hidden />} onClick={() => props.onOpenDialog('withdraw')}>
              {t('action.withdraw')}
            </Button>
          ) : null}
          {abilities.confirmReview ? (
            <Button icon={<CalendarCheckmarkRegular aria-hidden />} onClick={() => props.onOpenDialog('review')}>
              {t('action.review')}
            </Button>
          ) : null}
          {abilities.editMetadata ? (
            <Button icon={<EditRegular aria-hidden />} onClick={() => props.onOpenDialog('edit')}>
              {t('action.editMetadata')}
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
