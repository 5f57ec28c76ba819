import type { QueryKey } from '@tanstack/react-query';
import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { ActionDialog } from './action-dialog';

/** `invalidates`: the reads the decision changes (see ActionDialog). */
type DialogProps = { open: boolean; onClose(): void; invalidates: QueryKey[] };

export function ApproveDialog(props: DialogProps & { onApprove(comment: string | undefined): Promise<void> }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      open={props.open}
      title={t('approve.title')}
      confirmLabel={t('approve.confirm')}
      onSubmit={() => props.onApprove(comment.trim() || undefined)}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <p>{t('approve.body')}</p>
      <Field label={t('approve.comment')}>
        <Textarea
          value={comment}
          onChange={(_, data) => setComment(data.value)}
          rows={3}
          resize="vertical"
          maxLength={2000}
        />
      </Field>
    </ActionDialog>
  );
}

/** Rejecting needs a reason: the author must know what to change. */
export function RejectDialog(props: DialogProps & { onReject(comment: string): Promise<void> }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [showErrors, setShowErrors] = useState(false);
  const missing = comment.trim() === '';
  return (
    <ActionDialog
      open={props.open}
      title={t('reject.title')}
      confirmLabel={t('reject.confirm')}
      validate={() => {
        setShowErrors(true);
        return !missing;
      }}
      onSubmit={() => props.onReject(comment.trim())}
      onClose={() => {
        setShowErrors(false);
        props.onClose();
      }}
      invalidates={props.invalidates}
    >
      <Field
        label={t('reject.comment')}
        required
        validationState={showErrors && missing ? 'error' : 'none'}
        validationMessage={showErrors && missing ? t('form.required') : undefined}
      >
        <Textarea
          value={comment}
          onChange={(_, data) => setComment(data.value)}
          rows={4}
          resize="vertical"
          maxLength={2000}
        />
      </Field>
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
