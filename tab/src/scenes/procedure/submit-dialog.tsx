import type { QueryKey } from '@tanstack/react-query';
import type { PersonDto, SubmitBody } from '../../api/contract';
import { submitBody } from '../../../../functions/src/contract/schemas';
import { useI18n } from '../../i18n/i18n-context';
import { DropdownField, RadioField, TextareaField } from '../../shared/form/form-fields';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ActionDialog } from './action-dialog';

/** The contract's body, with the approver required: the tab always names one. */
const submitForm = submitBody.extend({ approverId: submitBody.shape.approverId.unwrap() });

export function SubmitDialog(props: {
  open: boolean;
  /** Only those the server names eligible (`approverCandidates`): the tab does not re-derive authority. */
  people: readonly PersonDto[];
  defaultApproverId: string;
  onSubmit(body: SubmitBody): Promise<void>;
  onClose(): void;
  /** The reads the write changes (see ActionDialog). */
  invalidates: QueryKey[];
}) {
  const { t } = useI18n();
  const form = useContractForm(submitForm, {
    defaultValues: { changeSummary: '', approverId: props.defaultApproverId, kind: 'major' },
  });

  return (
    <ActionDialog
      open={props.open}
      title={t('submit.title')}
      confirmLabel={t('submit.confirm')}
      form={form}
      onSubmit={(body) => props.onSubmit(body)}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <TextareaField
        control={form.control}
        name="changeSummary"
        label={t('submit.changeSummary')}
        required
        rows={4}
        maxLength={2000}
      />
      <DropdownField
        control={form.control}
        name="approverId"
        label={t('submit.approver')}
        required
        hint={t('submit.approverHint')}
        options={props.people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` }))}
      />
      <RadioField
        control={form.control}
        name="kind"
        label={t('submit.kind')}
        options={[
          { value: 'major', text: t('submit.kindMajor') },
          { value: 'minor', text: t('submit.kindMinor') },
        ]}
      />
    </ActionDialog>
  );
}
