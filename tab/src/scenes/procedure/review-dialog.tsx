import type { QueryKey } from '@tanstack/react-query';
import { Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReviewBody } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
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
  const [outcome, setOutcome] = useState<ReviewBody['outcome']>('still-valid');
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      open={props.open}
      title={t('reviewDialog.title')}
      confirmLabel={t('reviewDialog.confirm')}
      onSubmit={() => props.onReview({ outcome, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <Field label={t('reviewDialog.outcome')} required>
        <RadioGroup
          value={outcome}
          onChange={(_, data) => setOutcome(data.value === 'revision-started' ? 'revision-started' : 'still-valid')}
        >
          <Radio value="still-valid" label={t('reviewDialog.stillValid')} />
          <Radio value="revision-started" label={t('reviewDialog.startRevision')} />
        </RadioGroup>
      </Field>
      <Field label={t('reviewDialog.comment')}>
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
