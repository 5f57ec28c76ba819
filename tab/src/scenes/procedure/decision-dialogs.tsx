import type { QueryKey } from '@tanstack/react-query';
import { decisionBody, rejectBody } from '../../../../functions/src/contract/schemas';
import { useI18n } from '../../i18n/i18n-context';
import { TextareaField } from '../../shared/form/form-fields';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ActionDialog } from './action-dialog';

/** `invalidates`: the reads the decision changes (see ActionDialog). */
type DialogProps = { open: boolean; onClose(): void; invalidates: QueryKey[] };

export function ApproveDialog(props: DialogProps & { onApprove(comment: string | undefined): Promise<void> }) {
  const { t } = useI18n();
  const form = useContractForm(decisionBody, { defaultValues: { comment: '' } });
  return (
    <ActionDialog
      open={props.open}
      title={t('approve.title')}
      confirmLabel={t('approve.confirm')}
      form={form}
      onSubmit={({ comment }) => props.onApprove(comment || undefined)}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <p>{t('approve.body')}</p>
      <TextareaField control={form.control} name="comment" label={t('approve.comment')} maxLength={2000} />
    </ActionDialog>
  );
}

/** Rejecting needs a reason: the author must know what to change. */
export function RejectDialog(props: DialogProps & { onReject(comment: string): Promise<void> }) {
  const { t } = useI18n();
  const form = useContractForm(rejectBody, { defaultValues: { comment: '' } });
  return (
    <ActionDialog
      open={props.open}
      title={t('reject.title')}
      confirmLabel={t('reject.confirm')}
      form={form}
      onSubmit={({ comment }) => props.onReject(comment)}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <TextareaField
        control={form.control}
        name="comment"
        label={t('reject.comment')}
        required
        rows={4}
        maxLength={2000}
      />
    </ActionDialog>
  );
}

export function WithdrawDialog(props: DialogProps & { onWithdraw(): Promise<void> }) {
  const { t } = useI18n();
  return (
    <ActionDialog
      open={props.open}
      title={t('withdraw.title')}
      confirmLabel={t('withdraw.confirm')}
      onSubmit={props.onWithdraw}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <p>{t('withdraw.body')}</p>
    </ActionDialog>
  );
}
