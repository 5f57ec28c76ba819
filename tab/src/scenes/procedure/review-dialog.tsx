import type { QueryKey } from '@tanstack/react-query';
import type { ReviewBody } from '../../api/contract';
import { reviewBody } from '../../../../functions/src/contract/schemas';
import { useI18n } from '../../i18n/i18n-context';
import { RadioField, TextareaField } from '../../shared/form/form-fields';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ActionDialog } from './action-dialog';

/** Periodic review: either the procedure is still valid, or a revision starts. */
export function ReviewDialog(props: {
  open: boolean;
  onReview(body: ReviewBody): Promise<void>;
  onClose(): void;
  /** The reads the write changes (see ActionDialog). */
  invalidates: QueryKey[];
}) {
  const { t } = useI18n();
  const form = useContractForm(reviewBody, { defaultValues: { outcome: 'still-valid', comment: '' } });
  return (
    <ActionDialog
      open={props.open}
      title={t('reviewDialog.title')}
      confirmLabel={t('reviewDialog.confirm')}
      form={form}
      onSubmit={({ outcome, comment }) => props.onReview({ outcome, ...(comment ? { comment } : {}) })}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <RadioField
        control={form.control}
        name="outcome"
        label={t('reviewDialog.outcome')}
        required
        options={[
          { value: 'still-valid', text: t('reviewDialog.stillValid') },
          { value: 'revision-started', text: t('reviewDialog.startRevision') },
        ]}
      />
      <TextareaField control={form.control} name="comment" label={t('reviewDialog.comment')} maxLength={2000} />
    </ActionDialog>
  );
}
