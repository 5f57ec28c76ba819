import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { PersonDto, ProcedureDetail, UnitDto, UpdateProcedureBody } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { ProcedureFormFields } from '../../shared/procedure-form/procedure-form-fields';
import {
  procedureFormFromDetail,
  toUpdateProcedureBody,
  validateProcedureForm,
  type ProcedureFormErrors,
} from '../../shared/procedure-form/procedure-form-values';
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
  const [values, setValues] = useState(() => procedureFormFromDetail(props.detail));
  const [errors, setErrors] = useState<ProcedureFormErrors>({});
  return (
    <ActionDialog
      open={props.open}
      wide
      title={t('edit.title')}
      confirmLabel={t('action.save')}
      validate={() => {
        const found = validateProcedureForm(values, { checkCode: false });
        setErrors(found);
        return Object.keys(found).length === 0;
      }}
      onSubmit={() => props.onSave(toUpdateProcedureBody(values))}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      <ProcedureFormFields
        values={values}
        errors={errors}
        onChange={setValues}
        people={props.people}
        units={props.units}
        knownAreas={[]}
        showCode={false}
      />
    </ActionDialog>
  );
}
