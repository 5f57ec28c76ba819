import type { QueryKey } from '@tanstack/react-query';
import { Field, Input, Select } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { AddCompetenceRequirementBody, ProcedureRequirementDto } from '../../api/contract';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { ActionDialog } from './action-dialog';
import { levelName, parseMinPeople, requiredLevels, requirementSentence, type RequiredLevel } from './requirement-text';

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
  const [competenceId, setCompetenceId] = useState('');
  const [minPeople, setMinPeople] = useState('1');
  const [minLevel, setMinLevel] = useState<RequiredLevel>(2);
  const [showErrors, setShowErrors] = useState(false);
  const people = parseMinPeople(minPeople);

  return (
    <ActionDialog
      open={props.open}
      title={t('procedureCompetences.addTitle')}
      confirmLabel={t('procedureCompetences.addConfirm')}
      validate={() => {
        setShowErrors(true);
        return competenceId !== '' && people !== null;
      }}
      onSubmit={() =>
        props.onAdd({
          competenceId,
          scope: { kind: 'procedure', procedureId: props.procedureId },
          minPeople: people ?? 1,
          minLevel,
        })
      }
      onClose={props.onClose}
      invalidates={props.invalidates}
    >
      {catalogue.error ? <ErrorAlert error={catalogue.error} onRetry={catalogue.reload} /> : null}
      {catalogue.isLoading && !catalogue.data ? <Loading label={t('app.loading')} /> : null}
      <Field
        label={t('procedureCompetences.competence')}
        required
        validationMessage={showErrors && competenceId === '' ? t('procedureCompetences.competenceRequired') : undefined}
      >
        <Select value={competenceId} onChange={(_, data) => setCompetenceId(data.value)}>
          <option value="">{t('procedureCompetences.chooseCompetence')}</option>
          {competences.map((competence) => (
            <option key={competence.id} value={competence.id}>
              {competence.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label={t('procedureCompetences.minPeople')}
        required
        validationMessage={showErrors && people === null ? t('procedureCompetences.minPeopleInvalid') : undefined}
      >
        <Input
          type="number"
          inputMode="numeric"
          min={1}
          max={50}
          step={1}
          value={minPeople}
          onChange={(_, data) => setMinPeople(data.value)}
        />
      </Field>
      <Field label={t('procedureCompetences.minLevel')} required>
        <Select
          value={String(minLevel)}
          onChange={(_, data) => setMinLevel(requiredLevels.find((level) => String(level) === data.value) ?? 2)}
        >
          {requiredLevels.map((level) => (
            <option key={level} value={level}>
              {t('procedureCompetences.levelOption', { level, name: levelName(level, i18n) })}
            </option>
          ))}
        </Select>
      </Field>
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
