import type { QueryKey } from '@tanstack/react-query';
import type { PersonDto, ProcedureDetail, UnitDto, UpdateProcedureBody } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ProcedureFormFields } from '../../shared/procedure-form/procedure-form-fields';
import { editProcedureForm, procedureFormFromDetail } from '../../shared/procedure-form/procedure-form-values';
import { ActionDialog } from './action-dialog';

export function EditMetadataDialog(props: {
  open: boolean;
  detail: ProcedureDetail;
  people: readonly PersonDto[];
  units: readonly UnitDto[];
  onSave(body: UpdateProcedureBody): Promise<void>;
  onClose(): void;
  /** The reads the write changes (see ActionDialog). */
  invalidates: QueryKey[];
}) {
  const { t } = useI18n();
  const form = useContractForm(editProcedureForm, { defaultValues: procedureFormFromDetail(props.detail) });
  return (
    <ActionDialog
      open={props.open}
      wide
      title={t('edit.title')}
      confirmLabel={t('action.save')}
      form={form}
      onSubmit={({ code: _code, ...body }) => props.onSave(body)}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <ProcedureFormFields
        control={form.control}
        people={props.people}
        units={props.units}
        knownAreas={[]}
        showCode={false}
      />
    </ActionDialog>
  );
}
