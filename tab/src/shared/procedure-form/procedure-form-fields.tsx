import { Button, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId } from 'react';
import { useController, useFieldArray, useFormState, useWatch, type Control } from 'react-hook-form';
import { useApi } from '../../app/api-context';
import type { PersonDto, ProcessLevel, Role, UnitDto } from '../../api/contract';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { useI18n } from '../../i18n/i18n-context';
import { DropdownField, TextField, TextareaField } from '../form/form-fields';
import { formMessageText } from '../form/form-message';
import type { ProcedureFormValues } from './procedure-form-values';

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
  legalBasis: { marginTop: tokens.spacingVerticalM },
});

/** Codes are "K-16" or "K-16a": the letters before the dash are always capitals. */
function upperCasePrefix(code: string): string {
  return code.replace(/^[^-]*/, (prefix) => prefix.toUpperCase());
}

const personOptions = (people: readonly PersonDto[]) =>
  people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` }));

/** The procedure's metadata fields, shared by "Ny procedure" and "Rediger oplysninger". */
export function ProcedureFormFields(props: {
  control: Control<ProcedureFormValues, unknown, unknown>;
  people: readonly PersonDto[];
  units: readonly UnitDto[];
  knownAreas: readonly string[];
  showCode: boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const baseId = useId();
  const { control } = props;
  const [unitId, approverId] = useWatch({ control, name: ['unitId', 'approverId'] });
  const approvers = useApproverChoices(unitId, approverId, props.people);
  const standards = useFieldArray({ control, name: 'standards' });
  // The rows' own problem (a clauses list without its standard) or, rarely, one the contract
  // finds in a row after the form's conversion: shown above the rows.
  const standardsError = useFormState({ control, name: 'standards' }).errors.standards;
  const standardsMessage = standardsError
    ? (formMessageText(standardsError.message ?? standardsError.root?.message, t) ?? t('form.invalid'))
    : undefined;

  return (
    <>
      <div className={styles.grid}>
        {props.showCode ? (
          <TextField
            control={control}
            name="code"
            label={t('form.code')}
            required
            hint={t('form.codeHint')}
            autoComplete="off"
            normalize={upperCasePrefix}
          />
        ) : null}
        <TextField
          control={control}
          name="title"
          label={t('form.title')}
          required
          maxLength={200}
          className={styles.wide}
        />
        <DropdownField
          control={control}
          name="level"
          label={t('form.level')}
          required
          options={levels.map((level) => ({ value: level, text: t(`level.${level}`) }))}
        />
        <TextField
          control={control}
          name="area"
          label={t('form.area')}
          required
          maxLength={120}
          list={`${baseId}-areas`}
        />
        <datalist id={`${baseId}-areas`}>
          {props.knownAreas.map((area) => (
            <option key={area} value={area} />
          ))}
        </datalist>
        <DropdownField
          control={control}
          name="unitId"
          label={t('form.unit')}
          options={[
            { value: '', text: t('form.unitNone') },
            ...props.units.map((unit) => ({ value: unit.id, text: unit.name })),
          ]}
        />
        <DropdownField
          control={control}
          name="ownerId"
          label={t('form.owner')}
          required
          options={personOptions(props.people)}
        />
        <DropdownField
          control={control}
          name="approverId"
          label={t('form.approver')}
          required
          hint={t('submit.approverHint')}
          options={personOptions(approvers)}
        />
        <TextField
          control={control}
          name="reviewIntervalMonths"
          label={t('form.reviewInterval')}
          required
          type="number"
        />
      </div>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('form.audience')}</legend>
        <p className={styles.hint}>{t('form.audienceHint')}</p>
        <fieldset className={styles.group}>
          <legend className={styles.groupLegend}>{t('form.audienceUnits')}</legend>
          <CheckboxList
            control={control}
            name="audience.unitIds"
            className={styles.checkboxes}
            options={props.units.map((unit) => ({ value: unit.id, text: unit.name }))}
          />
        </fieldset>
        <fieldset className={styles.group}>
          <legend className={styles.groupLegend}>{t('form.audienceRoles')}</legend>
          <CheckboxList
            control={control}
            name="audience.roles"
            className={styles.checkboxes}
            options={roles.map((role) => ({ value: role, text: t(`role.${role}`) }))}
          />
        </fieldset>
      </fieldset>

      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{t('form.standards')}</legend>
        {standardsMessage ? (
          <p role="alert" className={styles.hint}>
            {standardsMessage}
          </p>
        ) : null}
        {standards.fields.map((row, index) => {
          const number = index + 1;
          return (
            <div
              key={row.id}
              className={styles.standardRow}
              role="group"
              aria-label={t('form.standardNumber', { number })}
            >
              <TextField
                control={control}
                name={`standards.${index}.standard`}
                label={t('form.standard')}
                placeholder="ISO 9001"
              />
              <TextField
                control={control}
                name={`standards.${index}.clauses`}
                label={t('form.clauses')}
                placeholder="7.5, 8.1"
              />
              <Button
                icon={<DeleteRegular aria-hidden />}
                aria-label={t('form.removeStandard', { number })}
                onClick={() => standards.remove(index)}
              />
            </div>
          );
        })}
        <Button
          icon={<AddRegular aria-hidden />}
          onClick={() => standards.append({ standard: '', clauses: '' })}
          disabled={standards.fields.length >= 10}
        >
          {t('form.addStandard')}
        </Button>
      </fieldset>

      <TextareaField
        control={control}
        name="legalBasis"
        label={t('form.legalBasis')}
        hint={t('form.legalBasisHint')}
        className={styles.legalBasis}
      />
    </>
  );
}

/** Checkboxes that together hold a list of chosen values (e.g. the audience's units). */
function CheckboxList(props: {
  control: Control<ProcedureFormValues, unknown, unknown>;
  name: 'audience.unitIds' | 'audience.roles';
  options: readonly { value: string; text: string }[];
  className: string;
}) {
  const { field } = useController({ control: props.control, name: props.name });
  const chosen = (field.value ?? []) as readonly string[];
  return (
    <div className={props.className}>
      {props.options.map((option) => (
        <Checkbox
          key={option.value}
          label={option.text}
          checked={chosen.includes(option.value)}
          onChange={(_, data) =>
            field.onChange(
              data.checked === true ? [...chosen, option.value] : chosen.filter((value) => value !== option.value),
            )
          }
        />
      ))}
    </div>
  );
}

/**
 * The people the approver field offers: those the server says may be named for the unit (leaders
 * of it or above; everyone when the coordinator designates), and the current approver, so an
 * existing choice stays visible. Until the answer comes, everyone (the server decides anyway).
 */
function useApproverChoices(unitId: string, current: string, people: readonly PersonDto[]): readonly PersonDto[] {
  const api = useApi();
  const candidates = useApiQuery(
    queryKeyOf('approver-candidates', { query: { unitId: unitId || undefined } }),
    (signal) => api.getApproverCandidates(unitId, signal),
  ).data;
  if (candidates === undefined || candidates.mayDesignate) return people;
  const allowed = new Set([...candidates.leaders.map((leader) => leader.id), current]);
  return people.filter((person) => allowed.has(person.id));
}
