import type { QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { AddCompetenceRequirementBody, ProcedureRequirementDto } from '../../api/contract';
import { addCompetenceRequirementBody } from '../../../../functions/src/contract/schemas';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { DropdownField, TextField } from '../../shared/form/form-fields';
import { numberFromText } from '../../shared/form/form-shapes';
import { useContractForm } from '../../shared/form/use-contract-form';
import { Loading } from '../../shared/loading';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { ActionDialog } from './action-dialog';
import { levelName, requiredLevels, requirementSentence } from './requirement-text';

/** The contract's body without its scope (always this procedure), with numbers as typed. */
const requirementForm = addCompetenceRequirementBody.pick({ competenceId: true }).extend({
  minPeople: numberFromText(addCompetenceRequirementBody.shape.minPeople),
  minLevel: numberFromText(addCompetenceRequirementBody.shape.minLevel),
});

/** A new requirement on this procedure: which competence, how many people, from which level. */
export function AddRequirementDialog(props: {
  open: boolean;
  procedureId: string;
  onAdd(body: AddCompetenceRequirementBody): Promise<void>;
  onClose(): void;
  /** The reads the write changes (see ActionDialog). */
  invalidates: QueryKey[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const catalogue = useApiQuery(props.open ? queryKeyOf('competences-list') : null, (signal) =>
    api.listCompetences(signal),
  );
  const competences = useMemo(
    () => [...(catalogue.data?.competences ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'da')),
    [catalogue.data],
  );
  const form = useContractForm(requirementForm, {
    defaultValues: { competenceId: '', minPeople: '1', minLevel: '2' },
  });

  return (
    <ActionDialog
      open={props.open}
      title={t('procedureCompetences.addTitle')}
      confirmLabel={t('procedureCompetences.addConfirm')}
      form={form}
      onSubmit={(values) => props.onAdd({ ...values, scope: { kind: 'procedure', procedureId: props.procedureId } })}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      {catalogue.error ? <ErrorAlert error={catalogue.error} onRetry={catalogue.reload} /> : null}
      {catalogue.isLoading && !catalogue.data ? <Loading label={t('app.loading')} /> : null}
      <DropdownField
        control={form.control}
        name="competenceId"
        label={t('procedureCompetences.competence')}
        required
        options={competences.map((competence) => ({ value: competence.id, text: competence.name }))}
      />
      <TextField
        control={form.control}
        name="minPeople"
        label={t('procedureCompetences.minPeople')}
        required
        type="number"
      />
      <DropdownField
        control={form.control}
        name="minLevel"
        label={t('procedureCompetences.minLevel')}
        required
        options={requiredLevels.map((level) => ({
          value: String(level),
          text: t('procedureCompetences.levelOption', { level, name: levelName(level, i18n) }),
        }))}
      />
    </ActionDialog>
  );
}

/** Confirms removing one of the procedure's own requirements, saying what goes with it. */
export function RemoveRequirementDialog(props: {
  entry: ProcedureRequirementDto | null;
  onRemove(entry: ProcedureRequirementDto): Promise<void>;
  onClose(): void;
  /** The reads the write changes (see ActionDialog). */
  invalidates: QueryKey[];
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { entry } = props;
  return (
    <ActionDialog
      open={entry !== null}
      title={t('procedureCompetences.removeTitle')}
      confirmLabel={t('procedureCompetences.removeConfirm')}
      onSubmit={async () => {
        if (entry) await props.onRemove(entry);
      }}
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      {entry ? (
        <>
          <p>
            {t('procedureCompetences.removeBody', {
              competence: entry.competence.name,
              requirement: requirementSentence(entry.requirement, i18n),
            })}
          </p>
          {entry.externalCoverage ? (
            <p>{t('procedureCompetences.removeExternal', { supplier: entry.externalCoverage.supplier })}</p>
          ) : null}
        </>
      ) : null}
    </ActionDialog>
  );
}
