import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { z } from 'zod';
import { asApiRequestError } from '../../api/api-error';
import type { CertificateCycleDto, CertificateDto } from '../../api/audit-api';
import { certificateBody, createAuditBody } from '../../../../functions/src/contract/audit-schemas';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { CheckboxField, DropdownField, TextField, TextareaField } from '../../shared/form/form-fields';
import { DateFormField } from '../../shared/form/date-form-field';
import { encodeFormMessage } from '../../shared/form/form-message';
import { linesFromText } from '../../shared/form/form-shapes';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ActionDialog } from '../procedure/action-dialog';
import { readsOfCertificates } from './audit-reads';
import {
  bodyChoice,
  bodyName,
  certificationBodies,
  fieldProblems,
  otherBody,
  showProblems,
  suggestedExpiry,
} from './audit-form-model';

/**
 * The certificate's body (certificateBody) as the dialog holds it: the certification body as a
 * choice plus a typed name for "Andet", the cycle as text.
 */
const certificateForm = z
  .object({
    body: z.string(),
    otherBody: z.string(),
    standard: z.string(),
    scope: z.string(),
    certificateNumber: z.string(),
    issuedOn: z.string(),
    expiresOn: z.string(),
    cycleYears: z.string(),
    isActive: z.boolean(),
  })
  .transform(({ body, otherBody: other, cycleYears, ...rest }, context): z.input<typeof certificateBody> => {
    if (body === otherBody && other.trim() === '') {
      context.addIssue({
        code: 'custom',
        path: ['otherBody'],
        input: other,
        message: encodeFormMessage({ key: 'form.required' }),
      });
      return z.NEVER;
    }
    // The contract checks that the cycle is 3 or 4 years.
    return { ...rest, body: bodyName(body, other), cycleYears: Number(cycleYears) as 3 | 4 };
  })
  .pipe(certificateBody);
type CertificateValues = z.input<typeof certificateForm>;

function certificateValues(certificate: CertificateDto | undefined): CertificateValues {
  const body = bodyChoice(certificate?.body ?? '');
  return {
    body: body.choice,
    otherBody: body.other,
    standard: certificate?.standard ?? 'ISO 9001:2015',
    scope: certificate?.scope ?? '',
    certificateNumber: certificate?.certificateNumber ?? '',
    issuedOn: certificate?.issuedOn ?? '',
    expiresOn: certificate?.expiresOn ?? '',
    cycleYears: String(certificate?.cycleYears ?? 3),
    isActive: certificate?.isActive ?? true,
  };
}

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
  const form = useContractForm(certificateForm, { defaultValues: certificateValues(certificate) });
  const choice = form.watch('body');
  const suggestExpiry = (issuedOn: string, cycleYears: string) => {
    const suggested = suggestedExpiry(issuedOn, cycleYears === '4' ? 4 : 3);
    if (suggested) form.setValue('expiresOn', suggested, { shouldValidate: form.formState.isSubmitted });
  };
  const title = certificate ? t('audit.form.editCertificate') : t('audit.form.newCertificate');

  return (
    <>
      <Button
        appearance={certificate ? 'secondary' : 'primary'}
        onClick={() => {
          form.reset(certificateValues(certificate));
          setOpen(true);
        }}
      >
        {certificate ? t('audit.form.editCertificate') : t('audit.form.addCertificate')}
      </Button>
      <ActionDialog
        open={open}
        wide
        title={title}
        confirmLabel={t('audit.save')}
        form={form}
        onSubmit={async (body) => {
          try {
            const saved = certificate
              ? await api.updateCertificate(certificate, body)
              : await api.createCertificate(body);
            props.onSaved(saved);
          } catch (failure) {
            showProblems(
              fieldProblems(asApiRequestError(failure), t, i18n.formatDate),
              (field, error) => form.setError(field as FieldPath<CertificateValues>, error),
              choice === otherBody ? { body: 'otherBody' } : {},
            );
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfCertificates()}
      >
        {open ? (
          <>
            <DropdownField
              control={form.control}
              name="body"
              label={t('audit.certificateBody')}
              required
              options={[
                ...certificationBodies.map((body) => ({ value: body, text: body })),
                { value: otherBody, text: t('audit.form.otherBody') },
              ]}
            />
            {choice === otherBody ? (
              <TextField control={form.control} name="otherBody" label={t('audit.form.otherBodyName')} required />
            ) : null}
            <TextField control={form.control} name="standard" label={t('audit.standard')} required />
            <TextareaField control={form.control} name="scope" label={t('audit.scope')} required />
            <TextField control={form.control} name="certificateNumber" label={t('audit.certificateNumber')} />
            <DropdownField
              control={form.control}
              name="cycleYears"
              label={t('audit.cycleYears')}
              required
              options={[
                { value: '3', text: t('audit.cycleYearsValue', { years: 3 }) },
                { value: '4', text: t('audit.cycleYearsValue', { years: 4 }) },
              ]}
              onValueChange={(cycleYears) => suggestExpiry(form.getValues('issuedOn'), cycleYears)}
            />
            <DateFormField
              control={form.control}
              name="issuedOn"
              label={t('audit.issued')}
              required
              onValueChange={(issuedOn) => suggestExpiry(issuedOn, form.getValues('cycleYears'))}
            />
            <DateFormField
              control={form.control}
              name="expiresOn"
              label={t('audit.expires')}
              required
              hint={t('audit.form.expiresHint')}
            />
            <CheckboxField control={form.control} name="isActive" label={t('audit.form.isActive')} />
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}

type CycleEntry = CertificateCycleDto['audits'][number];

/** A certifier's visit (createAuditBody): its date and the external auditors, one per line. */
const cycleAuditForm = z.object({
  plannedOn: createAuditBody.shape.plannedOn,
  externalAuditors: linesFromText(createAuditBody.shape.externalAuditors.unwrap()),
});
type CycleAuditValues = z.input<typeof cycleAuditForm>;

/**
 * "Registrér audit" for a certifier's visit of the cycle not recorded yet: creates the
 * surveillance or recertification audit on its due date and opens it, where the certifier's
 * findings are entered or imported.
 */
export function RegisterCycleAuditButton(props: { certificate: CertificateDto; entry: CycleEntry; name: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const api = useApi();
  const navigate = useNavigate();
  const { entry } = props;
  const [open, setOpen] = useState(false);
  const form = useContractForm(cycleAuditForm, { defaultValues: { plannedOn: entry.dueOn, externalAuditors: '' } });
  return (
    <>
      <Button
        aria-label={t('audit.form.registerAuditFor', { audit: props.name })}
        onClick={() => {
          form.reset({ plannedOn: entry.dueOn, externalAuditors: '' });
          setOpen(true);
        }}
      >
        {t('audit.form.registerAudit')}
      </Button>
      <ActionDialog
        open={open}
        title={t('audit.form.registerAuditFor', { audit: props.name })}
        confirmLabel={t('audit.save')}
        form={form}
        onSubmit={async (values) => {
          try {
            const audit = await api.createAudit({
              kind: entry.kind,
              title: `${props.certificate.body}: ${props.name}`,
              year: Number(entry.dueOn.slice(0, 4)),
              certificateId: props.certificate.id,
              ...values,
            });
            setOpen(false);
            navigate(paths.auditDetail(audit.id));
          } catch (failure) {
            showProblems(fieldProblems(asApiRequestError(failure), t, i18n.formatDate), (field, error) =>
              form.setError(field as FieldPath<CycleAuditValues>, error),
            );
            throw failure;
          }
        }}
        onClose={() => setOpen(false)}
        invalidates={readsOfCertificates()}
      >
        {open ? (
          <>
            <DateFormField control={form.control} name="plannedOn" label={t('audit.date')} required />
            <TextareaField
              control={form.control}
              name="externalAuditors"
              label={t('audit.form.externalAuditors')}
              hint={t('audit.form.externalAuditorsHint')}
            />
          </>
        ) : null}
      </ActionDialog>
    </>
  );
}
