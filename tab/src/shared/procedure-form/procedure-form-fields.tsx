import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useEffect, useId, useState } from 'react';
import { useApi } from '../../app/api-context';
import type { ApproverCandidatesDto, PersonDto, ProcessLevel, Role, UnitDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { PersonSelect } from '../person-select';
import type { ProcedureFormErrors, ProcedureFormValues } from './procedure-form-values';

const levels: readonly ProcessLevel[] = ['management', 'core', 'support'];
const roles: readonly Role[] = ['caseworker', 'author', 'leader', 'coordinator', 'admin'];

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))',
    gap: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    alignItems: 'start',
    '& > *': { minWidth: 0 },
  },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalM} 0 0`,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  hint: { margin: `0 0 ${tokens.spacingVerticalS}`, color: tokens.colorNeutralForeground2 },
  checkboxes: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  group: { border: 'none', margin: 0, padding: 0 },
  groupLegend: { padding: 0, marginBottom: tokens.spacingVerticalXS },
  standardRow: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalS,
  },
  wide: { gridColumn: '1 / -1' },
});

/** Codes are "K-16" or "K-16a": the letters before the dash are always capitals. */
function upperCasePrefix(code: string): string {
  return code.replace(/^[^-]*/, (prefix) => prefix.toUpperCase());
}

/** The procedure's metadata fields, shared by "Ny procedure" and "Rediger oplysninger". */
export function ProcedureFormFields(props: {
  values: ProcedureFormValues;
  errors: ProcedureFormErrors;
  onChange(values: ProcedureFormValues): void;
  people: readonly PersonDto[];
  units: readonly UnitDto[];
  knownAreas: readonly string[];
  showCode: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const baseId = useId();
  const { values, errors } = props;
  const set = (patch: Partial<ProcedureFormValues>) => props.onChange({ ...values, ...patch });
  const message = (field: keyof ProcedureFormErrors) => {
    const key = errors[field];
    return key ? t(key) : undefined;
  };
  const state = (field: keyof ProcedureFormErrors) => (errors[field] ? 'error' : 'none');
  const toggle = <T,>(list: readonly T[], item: T, checked: boolean) =>
    checked ? [...list, item] : list.filter((x) => x !== item);
  const approvers = useApproverChoices(values.unitId, values.approverId, props.people);

  return (
    <>
      <div className={styles.grid}>
        {props.showCode ? (
          <Field
            label={t('form.code')}
            required
            hint={t('form.codeHint')}
            validationMessage={message('code')}
            validationState={state('code')}
          >
            <Input
              value={values.code}
              onChange={(_, data) => set({ code: upperCasePrefix(data.value) })}
              autoComplete="off"
            />
          </Field>
        ) : null}
        <Field
          label={t('form.title')}
          required
          validationMessage={message('title')}
          validationState={state('title')}
          className={styles.wide}
        >
          <Input value={values.title} onChange={(_, data) => set({ title: data.value })} maxLength={200} />
        </Field>
        <Field label={t('form.level')} required>
          <Select value={values.level} onChange={(_, data) => set({ level: data.value as ProcessLevel })}>
            {levels.map((level) => (
              <option key={level} value={level}>
                {t(`level.${level}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('form.area')} required validationMessage={message('area')} validationState={state('area')}>
          <Input
            value={values.area}
            onChange={(_, data) => set({ area: data.value })}
            list={`${baseId}-areas`}
            maxLength={120}
          />
        </Field>
        <datalist id={`${baseId}-areas`}>
          {props.knownAreas.map((area) => (
            <option key={area} value={area} />
          ))}
        </datalist>
        <Field label={t('form.unit')}>
          <Select value={values.unitId} onChange={(_, data) => set({ unitId: data.value })}>
            <option value="">{t('form.unitNone')}</option>
            {props.units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </Select>
        </Field>
        <PersonSelect
          label={t('form.owner')}
          required
          people={props.people}
          value={values.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          validationMessage={message('ownerId')}
        />
        <PersonSelect
          label={t('form.approver')}
          required
          people={approvers}
          value={values.approverId}
          onChange={(approverId) => set({ approverId })}
          validationMessage={message('approverId')}
          hint={t('submit.approverHint')}
        />
        <Field
          label={t('form.reviewInterval')}
          required
          validationMessage={message('reviewIntervalMonths')}
          validationState={state('reviewIntervalMonths')}
        >
          <Input
            type="number"
            min={1}
            max={60}
            step={1}
            inputMode="numeric"
            value={values.reviewIntervalMonths}
            onChange={(_, data) => set({ reviewIntervalMonths: data.value })}
          />
        </Field>
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('form.audience')}</legend>
        <p className={styles.hint}>{t('form.audienceHint')}</p>
        <fieldset className={styles.group}>
          <legend className={styles.groupLegend}>{t('form.audienceUnits')}</legend>
          <div className={styles.checkboxes}>
            {props.units.map((unit) => (
              <Checkbox
                key={unit.id}
                label={unit.name}
                checked={values.audienceUnitIds.includes(unit.id)}
                onChange={(_, data) =>
                  set({ audienceUnitIds: toggle(values.audienceUnitIds, unit.id, data.checked === true) })
                }
              />
            ))}
          </div>
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.groupLegend}>{t('form.audienceRoles')}</legend>
          <div className={styles.checkboxes}>
            {roles.map((role) => (
              <Checkbox
                key={role}
                label={t(`role.${role}`)}
                checked={values.audienceRoles.includes(role)}
                onChange={(_, data) =>
                  set({ audienceRoles: toggle(values.audienceRoles, role, data.checked === true) })
                }
              />
            ))}
          </div>
        </fieldset>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('form.standards')}</legend>
        {errors.standards ? (
          <p role="alert" className={styles.hint}>
            {t(errors.standards)}
          </p>
        ) : null}
        {values.standards.map((standard, index) => {
          const number = index + 1;
          const update = (patch: Partial<(typeof values.standards)[number]>) =>
            set({ standards: values.standards.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
          return (
            <div
              key={index}
              className={styles.standardRow}
              role="group"
              aria-label={t('form.standardNumber', { number })}
            >
              <Field label={t('form.standard')}>
                <Input
                  value={standard.standard}
                  onChange={(_, data) => update({ standard: data.value })}
                  placeholder="ISO 9001"
                />
              </Field>
              <Field label={t('form.clauses')}>
                <Input
                  value={standard.clauses}
                  onChange={(_, data) => update({ clauses: data.value })}
                  placeholder="7.5, 8.1"
                />
              </Field>
              <Button
                icon={<DeleteRegular aria-hidden />}
                aria-label={t('form.removeStandard', { number })}
                onClick={() => set({ standards: values.standards.filter((_, i) => i !== index) })}
              />
            </div>
          );
        })}
        <Button
          icon={<AddRegular aria-hidden />}
          onClick={() => set({ standards: [...values.standards, { standard: '', clauses: '' }] })}
          disabled={values.standards.length >= 10}
        >
          {t('form.addStandard')}
        </Button>
      </fieldset>

      <Field
        label={t('form.legalBasis')}
        hint={t('form.legalBasisHint')}
        style={{ marginTop: tokens.spacingVerticalM }}
      >
        <Textarea
          value={values.legalBasis}
          onChange={(_, data) => set({ legalBasis: data.value })}
          resize="vertical"
          rows={3}
        />
      </Field>
    </>
  );
}

/**
 * The people the approver field offers: those the server says may be named for the unit (leaders
 * of it or above; everyone when the coordinator designates), and the current approver, so an
 * existing choice stays visible. Until the answer comes, everyone (the server decides anyway).
 */
function useApproverChoices(unitId: string, current: string, people: readonly PersonDto[]): readonly PersonDto[] {
  const api = useApi();
  const [candidates, setCandidates] = useState<ApproverCandidatesDto | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api.getApproverCandidates(unitId, controller.signal).then(setCandidates, () => setCandidates(null));
    return () => controller.abort();
  }, [api, unitId]);
  if (candidates === null || candidates.mayDesignate) return people;
  const allowed = new Set([...candidates.leaders.map((leader) => leader.id), current]);
  return people.filter((person) => allowed.has(person.id));
}
