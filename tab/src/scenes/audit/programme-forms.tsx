import { Button, Field, Input, Select } from '@fluentui/react-components';
import { useState } from 'react';
import { asApiRequestError } from '../../api/api-error';
import type { ProgrammeItemDto } from '../../api/audit-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ActionDialog } from '../procedure/action-dialog';
import { readsOfProgramme } from './audit-reads';
import { fieldProblems, isDate, parseClauses, messageOf, problemProps, type Problems } from './audit-form-model';
import { PeoplePicker } from '../../shared/people-picker';
import { DateField } from '../../shared/date-field';

type SubjectKind = ProgrammeItemDto['subject']['kind'];
const subjectKinds: readonly SubjectKind[] = ['process', 'unit', 'clause'];
const subjectKey: Record<SubjectKind, MessageKey> = {
  process: 'audit.form.subject.process',
  unit: 'audit.form.subject.unit',
  clause: 'audit.form.subject.clause',
};
const importanceLabel: Record<1 | 2 | 3, MessageKey> = {
  1: 'audit.form.importance.1',
  2: 'audit.form.importance.2',
  3: 'audit.form.importance.3',
};

/** The unit select: "Tværgående" (none) or one of the organisation's units. */
function UnitSelect(props: { session: Session; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  return (
    <Select value={props.value} onChange={(_, data) => props.onChange(data.value)}>
      <option value="">{t('audit.crossCutting')}</option>
      {props.session.units.map((unit) => (
        <option key={unit.id} value={unit.id}>
          {unit.name}
        </option>
      ))}
    </Select>
  );
}

/** Checks a comma-separated clause list; adds its problem under `field`. */
function checkClauses(text: string, field: string, found: Problems, t: ReturnType<typeof useI18n>['t']): void {
  const { invalid } = parseClauses(text);
  if (invalid.length > 0) found[field] = [t('audit.form.invalidClauses', { clauses: invalid.join(', ') })];
}

/**
 * Add an item to the audit programme or edit one (coordinator): title, subject (a process, a unit
 * or a clause), importance Lav/Middel/Høj, clauses and unit. An edit sends If-Match.
 */
export function ProgrammeItemDialogButton(props: {
  session: Session;
  item?: ProgrammeItemDto | undefined;
  onSaved(item: ProgrammeItemDto): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const { item } = props;
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<SubjectKind>('process');
  const [area, setArea] = useState('');
  const [subjectUnit, setSubjectUnit] = useState('');
  const [subjectClause, setSubjectClause] = useState('');
  const [importance, setImportance] = useState<1 | 2 | 3>(2);
  const [clauses, setClauses] = useState('');
  const [unitId, setUnitId] = useState('');
  const [changedOn, setChangedOn] = useState('');
  const [problems, setProblems] = useState<Problems>({});

  const openDialog = () => {
    const subject = item?.subject;
    setTitle(item?.title ?? '');
    setKind(subject?.kind ?? 'process');
    setArea(subject?.kind === 'process' ? subject.area : '');
    setSubjectUnit(subject?.kind === 'unit' ? subject.unitId : (props.session.units[0]?.id ?? ''));
    setSubjectClause(subject?.kind === 'clause' ? subject.clause : '');
    setImportance(item?.importance ?? 2);
    setClauses(item?.clauses.join(', ') ?? '');
    setUnitId(item?.unitId ?? '');
    setChangedOn(item?.changedOn ?? '');
    setProblems({});
    setOpen(true);
  };
  const subject = () =>
    kind === 'process'
      ? { kind, area: area.trim() }
      : kind === 'unit'
        ? { kind, unitId: subjectUnit }
        : { kind, clause: subjectClause.trim() };
  const validate = () => {
    const found: Problems = {};
    const required = t('audit.form.required');
    if (title.trim() === '') found['title'] = [required];
    if (kind === 'process' && area.trim() === '') found['subject'] = [required];
    if (kind === 'unit' && subjectUnit === '') found['subject'] = [required];
    if (kind === 'clause') {
      const { clauses: one, invalid } = parseClauses(subjectClause);
      if (one.length !== 1 || invalid.length > 0)
        found['subject'] = [t('audit.form.invalidClauses', { clauses: subjectClause.trim() || '–' })];
    }
    checkClauses(clauses, 'clauses', found, t);
    if (changedOn !== '' && !isDate(changedOn)) found['changedOn'] = [t('audit.form.invalidDate')];
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  const dialogTitle = item ? t('audit.form.editItem', { title: item.title }) : t('audit.form.newItem');

  return (
    <>
      <Button
        appearance={item ? 'subtle' : 'secondary'}
        aria-label={item ? t('audit.form.editItem', { title: item.title }) : undefined}
        onClick={openDialog}
      >
        {item ? t('audit.form.edit') : t('audit.form.addItem')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={dialogTitle}
        confirmLabel={t('audit.save')}
        validate={validate}
        onSubmit={async () => {
          const body = {
            title: title.trim(),
            subject: subject(),
            importance,
            clauses: parseClauses(clauses).clauses,
            unitId: unitId === '' ? null : unitId,
            changedOn: changedOn === '' ? null : changedOn,
          };
          try {
            props.onSaved(item ? await api.updateProgrammeItem(item, body) : await api.createProgrammeItem(body));
          } catch (failure) {
            setProblems(fieldProblems(asApiRequestError(failure), t, i18n.formatDate));
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfProgramme()}
      >
        {open ? (
          <>
            <Field label={t('audit.form.title')} required {...problemProps(problems, 'title')}>
              <Input value={title} onChange={(_, data) => setTitle(data.value)} />
            </Field>
            <Field label={t('audit.form.subjectKind')} required>
              <Select value={kind} onChange={(_, data) => setKind(data.value as SubjectKind)}>
                {subjectKinds.map((each) => (
                  <option key={each} value={each}>
                    {t(subjectKey[each])}
                  </option>
                ))}
              </Select>
            </Field>
            {kind === 'process' ? (
              <Field label={t('audit.form.subjectArea')} required {...problemProps(problems, 'subject')}>
                <Input value={area} onChange={(_, data) => setArea(data.value)} />
              </Field>
            ) : null}
            {kind === 'unit' ? (
              <Field label={t('audit.form.subjectUnit')} required {...problemProps(problems, 'subject')}>
                <Select value={subjectUnit} onChange={(_, data) => setSubjectUnit(data.value)}>
                  {props.session.units.map((unit) => (
                    <option key={unit.id} value={unit.id}>
                      {unit.name}
                    </option>
                  ))}
                </Select>
              </Field>
            ) : null}
            {kind === 'clause' ? (
              <Field
                label={t('audit.form.subjectClause')}
                required
                hint={t('audit.clauseHint')}
                {...problemProps(problems, 'subject')}
              >
                <Input value={subjectClause} onChange={(_, data) => setSubjectClause(data.value)} />
              </Field>
            ) : null}
            <Field label={t('audit.importance')} required>
              <Select value={String(importance)} onChange={(_, data) => setImportance(Number(data.value) as 1 | 2 | 3)}>
                {([1, 2, 3] as const).map((level) => (
                  <option key={level} value={level}>
                    {t(importanceLabel[level])}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('audit.clauses')} hint={t('audit.form.clausesHint')} {...problemProps(problems, 'clauses')}>
              <Input value={clauses} onChange={(_, data) => setClauses(data.value)} />
            </Field>
            <Field label={t('audit.unit')} {...problemProps(problems, 'unitId')}>
              <UnitSelect session={props.session} value={unitId} onChange={setUnitId} />
            </Field>
            <Field
              label={t('audit.form.changedOn')}
              hint={t('audit.form.changedOnHint')}
              {...problemProps(problems, 'changedOn')}
            >
              <DateField value={changedOn} onChange={(value) => setChangedOn(value)} />
            </Field>
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}

/**
 * An internal audit by hand, not from the plan (coordinator): title, unit, clauses, date and
 * auditors. The independence warnings are shown on the audit's page, which opens after saving.
 */
export function InternalAuditDialogButton(props: { session: Session }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [unitId, setUnitId] = useState('');
  const [clauses, setClauses] = useState('');
  const [plannedOn, setPlannedOn] = useState('');
  const [auditorIds, setAuditorIds] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problems>({});
  const validate = () => {
    const found: Problems = {};
    if (title.trim() === '') found['title'] = [t('audit.form.required')];
    if (!isDate(plannedOn)) found['plannedOn'] = [t('audit.form.invalidDate')];
    checkClauses(clauses, 'clauses', found, t);
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  const auditorsProblem = messageOf(problems, 'auditorIds');

  return (
    <>
      <Button
        onClick={() => {
          setTitle('');
          setUnitId('');
          setClauses('');
          setPlannedOn('');
          setAuditorIds([]);
          setProblems({});
          setOpen(true);
        }}
      >
        {t('audit.form.addAudit')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={t('audit.form.addAudit')}
        confirmLabel={t('audit.save')}
        validate={validate}
        onSubmit={async () => {
          try {
            const audit = await api.createAudit({
              kind: 'internal',
              title: title.trim(),
              unitId: unitId === '' ? null : unitId,
              clauses: parseClauses(clauses).clauses,
              plannedOn,
              auditorIds,
            });
            setOpen(false);
            navigate(paths.auditDetail(audit.id));
          } catch (failure) {
            setProblems(fieldProblems(asApiRequestError(failure), t, i18n.formatDate));
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfProgramme()}
      >
        {open ? (
          <>
            <Field label={t('audit.form.title')} required {...problemProps(problems, 'title')}>
              <Input value={title} onChange={(_, data) => setTitle(data.value)} />
            </Field>
            <Field label={t('audit.unit')} {...problemProps(problems, 'unitId')}>
              <UnitSelect session={props.session} value={unitId} onChange={setUnitId} />
            </Field>
            <Field label={t('audit.clauses')} hint={t('audit.form.clausesHint')} {...problemProps(problems, 'clauses')}>
              <Input value={clauses} onChange={(_, data) => setClauses(data.value)} />
            </Field>
            <Field label={t('audit.date')} required {...problemProps(problems, 'plannedOn')}>
              <DateField value={plannedOn} onChange={(value) => setPlannedOn(value)} />
            </Field>
            <PeoplePicker
              label={t('audit.auditors')}
              hint={t('audit.auditorsHint')}
              people={props.session.people}
              value={auditorIds}
              onChange={setAuditorIds}
              validationMessage={auditorsProblem}
            />
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}
