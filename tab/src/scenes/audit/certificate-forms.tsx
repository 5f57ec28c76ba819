import { Button, Checkbox, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { asApiRequestError } from '../../api/api-error';
import type { CertificateCycleDto, CertificateDto } from '../../api/audit-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { ActionDialog } from '../procedure/action-dialog';
import { readsOfCertificates } from './audit-reads';
import {
  bodyChoice,
  bodyName,
  certificationBodies,
  fieldProblems,
  isDate,
  otherBody,
  parseNames,
  suggestedExpiry,
  messageOf,
  problemProps,
  type Problems,
} from './audit-form-model';
import { DateField } from '../../shared/date-field';

/**
 * Register a certificate or edit one (coordinator): the body (a known one or "Andet"), standard,
 * scope, number, dates and cycle. The expiry is suggested from the issue date and the cycle with
 * the core rule; the server checks the dates against the cycle and its problems show at the fields.
 */
export function CertificateDialogButton(props: {
  certificate?: CertificateDto | undefined;
  onSaved(certificate: CertificateDto): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const { certificate } = props;
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>(certificationBodies[0]);
  const [other, setOther] = useState('');
  const [standard, setStandard] = useState('ISO 9001:2015');
  const [scope, setScope] = useState('');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [cycleYears, setCycleYears] = useState<3 | 4>(3);
  const [isActive, setIsActive] = useState(true);
  const [problems, setProblems] = useState<Problems>({});

  const openDialog = () => {
    const body = bodyChoice(certificate?.body ?? '');
    setChoice(body.choice);
    setOther(body.other);
    setStandard(certificate?.standard ?? 'ISO 9001:2015');
    setScope(certificate?.scope ?? '');
    setCertificateNumber(certificate?.certificateNumber ?? '');
    setIssuedOn(certificate?.issuedOn ?? '');
    setExpiresOn(certificate?.expiresOn ?? '');
    setCycleYears(certificate?.cycleYears ?? 3);
    setIsActive(certificate?.isActive ?? true);
    setProblems({});
    setOpen(true);
  };
  const changeDates = (nextIssued: string, nextCycle: 3 | 4) => {
    setIssuedOn(nextIssued);
    setCycleYears(nextCycle);
    const suggested = suggestedExpiry(nextIssued, nextCycle);
    if (suggested) setExpiresOn(suggested);
  };
  const validate = () => {
    const found: Problems = {};
    const required = t('audit.form.required');
    if (choice === otherBody && other.trim() === '') found['body'] = [required];
    if (standard.trim() === '') found['standard'] = [required];
    if (scope.trim() === '') found['scope'] = [required];
    if (!isDate(issuedOn)) found['issuedOn'] = [t('audit.form.invalidDate')];
    if (!isDate(expiresOn)) found['expiresOn'] = [t('audit.form.invalidDate')];
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  const title = certificate ? t('audit.form.editCertificate') : t('audit.form.newCertificate');

  return (
    <>
      <Button appearance={certificate ? 'secondary' : 'primary'} onClick={openDialog}>
        {certificate ? t('audit.form.editCertificate') : t('audit.form.addCertificate')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={title}
        confirmLabel={t('audit.save')}
        validate={validate}
        onSubmit={async () => {
          const body = {
            body: bodyName(choice, other),
            standard: standard.trim(),
            scope: scope.trim(),
            certificateNumber: certificateNumber.trim(),
            issuedOn,
            expiresOn,
            cycleYears,
            isActive,
          };
          try {
            const saved = certificate
              ? await api.updateCertificate(certificate, body)
              : await api.createCertificate(body);
            props.onSaved(saved);
          } catch (failure) {
            setProblems(fieldProblems(asApiRequestError(failure), t, i18n.formatDate));
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfCertificates()}
      >
        {open ? (
          <>
            <Field
              label={t('audit.certificateBody')}
              required
              validationMessage={choice === otherBody ? undefined : messageOf(problems, 'body')}
              validationState={choice === otherBody || !problems['body'] ? 'none' : 'error'}
            >
              <Select value={choice} onChange={(_, data) => setChoice(data.value)}>
                {certificationBodies.map((body) => (
                  <option key={body} value={body}>
                    {body}
                  </option>
                ))}
                <option value={otherBody}>{t('audit.form.otherBody')}</option>
              </Select>
            </Field>
            {choice === otherBody ? (
              <Field label={t('audit.form.otherBodyName')} required {...problemProps(problems, 'body')}>
                <Input value={other} onChange={(_, data) => setOther(data.value)} />
              </Field>
            ) : null}
            <Field label={t('audit.standard')} required {...problemProps(problems, 'standard')}>
              <Input value={standard} onChange={(_, data) => setStandard(data.value)} />
            </Field>
            <Field label={t('audit.scope')} required {...problemProps(problems, 'scope')}>
              <Textarea value={scope} onChange={(_, data) => setScope(data.value)} />
            </Field>
            <Field label={t('audit.certificateNumber')} {...problemProps(problems, 'certificateNumber')}>
              <Input value={certificateNumber} onChange={(_, data) => setCertificateNumber(data.value)} />
            </Field>
            <Field label={t('audit.cycleYears')} required {...problemProps(problems, 'cycleYears')}>
              <Select
                value={String(cycleYears)}
                onChange={(_, data) => changeDates(issuedOn, data.value === '4' ? 4 : 3)}
              >
                <option value="3">{t('audit.cycleYearsValue', { years: 3 })}</option>
                <option value="4">{t('audit.cycleYearsValue', { years: 4 })}</option>
              </Select>
            </Field>
            <Field label={t('audit.issued')} required {...problemProps(problems, 'issuedOn')}>
              <DateField value={issuedOn} onChange={(value) => changeDates(value, cycleYears)} />
            </Field>
            <Field
              label={t('audit.expires')}
              required
              hint={t('audit.form.expiresHint')}
              {...problemProps(problems, 'expiresOn')}
            >
              <DateField value={expiresOn} onChange={(value) => setExpiresOn(value)} />
            </Field>
            <Checkbox
              label={t('audit.form.isActive')}
              checked={isActive}
              onChange={(_, data) => setIsActive(data.checked === true)}
            />
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}

type CycleEntry = CertificateCycleDto['audits'][number];

/**
 * "Registrér audit" for a certifier's visit of the cycle not recorded yet: creates the
 * surveillance or recertification audit on its due date and opens it, where the certifier's
 * findings are entered or imported.
 */
export function RegisterCycleAuditButton(props: { certificate: CertificateDto; entry: CycleEntry; name: string }) {
  const { t } = useI18n();
  const api = useApi();
  const navigate = useNavigate();
  const { entry } = props;
  const [open, setOpen] = useState(false);
  const [plannedOn, setPlannedOn] = useState<string>(entry.dueOn);
  const [auditors, setAuditors] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const i18n = useI18n();
  const validate = () => {
    const found: Problems = isDate(plannedOn) ? {} : { plannedOn: [t('audit.form.invalidDate')] };
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  return (
    <>
      <Button
        aria-label={t('audit.form.registerAuditFor', { audit: props.name })}
        onClick={() => {
          setPlannedOn(entry.dueOn);
          setAuditors('');
          setProblems({});
          setOpen(true);
        }}
      >
        {t('audit.form.registerAudit')}
      </Button>
      <ActionDialog
        open={open}
        title={t('audit.form.registerAuditFor', { audit: props.name })}
        confirmLabel={t('audit.save')}
        validate={validate}
        onSubmit={async () => {
          try {
            const audit = await api.createAudit({
              kind: entry.kind,
              title: `${props.certificate.body}: ${props.name}`,
              year: Number(entry.dueOn.slice(0, 4)),
              certificateId: props.certificate.id,
              plannedOn,
              externalAuditors: parseNames(auditors),
            });
            setOpen(false);
            navigate(paths.auditDetail(audit.id));
          } catch (failure) {
            setProblems(fieldProblems(asApiRequestError(failure), t, i18n.formatDate));
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfCertificates()}
      >
        {open ? (
          <>
            <Field label={t('audit.date')} required {...problemProps(problems, 'plannedOn')}>
              <DateField value={plannedOn} onChange={(value) => setPlannedOn(value)} />
            </Field>
            <Field
              label={t('audit.form.externalAuditors')}
              hint={t('audit.form.externalAuditorsHint')}
              {...problemProps(problems, 'externalAuditors')}
            >
              <Textarea value={auditors} onChange={(_, data) => setAuditors(data.value)} />
            </Field>
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}
