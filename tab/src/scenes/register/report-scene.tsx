import { Button, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { registerLimits, registerReportBody } from '../../../../functions/src/contract/register-schemas';
import { registerKinds, type RegisterKind } from '../../../../functions/src/core/register-types';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';
import type { RegisterReportBody } from '../../api/register-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { kindKey, severityKey } from './register-labels';
import { useRegisterStyles } from './register-styles';

type Problems = Partial<Record<'title' | 'description', boolean>>;

/**
 * "Meld afvigelse, forslag eller ros" for anyone signed in, caseworkers included. Opened from a
 * procedure page with `?procedure=`, the procedure comes preselected (and its unit); `?audit=`
 * ties the report to an audit. Checked with the API's own schema before it is sent; the server
 * checks it again. After sending, the item opens with its number.
 */
export function ReportScene(props: { session: Session; query: URLSearchParams }) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useRegisterStyles();
  const navigate = useNavigate();
  const procedureId = props.query.get('procedure') || null;
  const auditId = props.query.get('audit') || null;
  const procedure = useApiQuery(
    procedureId ? queryKeyOf('procedures-get', { params: { id: procedureId } }) : null,
    (signal) => api.getProcedure(procedureId ?? '', signal),
  );
  const [kind, setKind] = useState<RegisterKind>('deviation');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [unitId, setUnitId] = useState('');
  const [severity, setSeverity] = useState('');
  const [keepProcedure, setKeepProcedure] = useState(true);
  const [problems, setProblems] = useState<Problems>({});
  const procedureUnit = procedure.data?.unit?.id ?? '';
  const chosenUnit = unitId || procedureUnit || props.session.me.person.unitId;
  const sending = useApiMutation({
    run: (body: RegisterReportBody) => api.reportToRegister(body),
    invalidates: () => [queryKeyOf('register-list')],
    onSuccess: (item) => navigate(paths.registerItem(item.id, { sent: item.receiptNumber })),
  });
  const submit = () => {
    const body: RegisterReportBody = {
      kind,
      title,
      description,
      unitId: chosenUnit,
      procedureIds: procedureId && keepProcedure ? [procedureId] : [],
      ...(auditId ? { auditId } : {}),
      ...(kind === 'deviation' && severity ? { severity: Number(severity) } : {}),
    };
    const parsed = registerReportBody.safeParse(body);
    if (!parsed.success) {
      const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
      setProblems({ title: fields.has('title'), description: fields.has('description') });
      return;
    }
    setProblems({});
    sending.mutate(body);
  };

  return (
    <>
      <PageHeading documentTitle={t('register.report')}>{t('register.report')}</PageHeading>
      <p>{t('register.new.intro')}</p>
      <form
        className={styles.form}
        aria-label={t('register.report')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label={t('register.new.kind')} required>
          <RadioGroup value={kind} onChange={(_, data) => setKind(data.value as RegisterKind)}>
            {registerKinds.map((value) => (
              <Radio key={value} value={value} label={t(kindKey[value])} />
            ))}
          </RadioGroup>
        </Field>
        <Field
          label={t('register.new.title')}
          required
          validationMessage={problems.title ? t('form.required') : undefined}
          validationState={problems.title ? 'error' : 'none'}
        >
          <Input value={title} maxLength={registerLimits.title} onChange={(_, data) => setTitle(data.value)} />
        </Field>
        <Field
          label={t('register.new.description')}
          hint={t('register.new.descriptionHint')}
          required
          validationMessage={problems.description ? t('form.required') : undefined}
          validationState={problems.description ? 'error' : 'none'}
        >
          <Textarea
            value={description}
            rows={6}
            maxLength={registerLimits.description}
            onChange={(_, data) => setDescription(data.value)}
          />
        </Field>
        {kind === 'deviation' ? (
          <OptionDropdown
            label={t('register.new.severity')}
            options={[
              { value: '', text: t('register.new.severityUnknown') },
              ...[1, 2, 3, 4, 5].map((value) => ({ value: String(value), text: t(severityKey[value]!) })),
            ]}
            value={severity}
            onChange={setSeverity}
          />
        ) : null}
        <OptionDropdown
          label={t('register.new.unit')}
          hint={t('register.new.unitHint')}
          options={props.session.units.map((unit) => ({ value: unit.id, text: unit.name }))}
          value={chosenUnit}
          onChange={setUnitId}
        />
        {procedureId && procedure.data ? (
          <Field label={t('register.new.procedure')}>
            <RadioGroup
              value={keepProcedure ? 'keep' : 'none'}
              onChange={(_, data) => setKeepProcedure(data.value === 'keep')}
            >
              <Radio value="keep" label={`${procedure.data.code} ${procedure.data.title}`} />
              <Radio value="none" label={t('register.new.noProcedure')} />
            </RadioGroup>
          </Field>
        ) : null}
        {procedure.error ? <ErrorAlert error={procedure.error} /> : null}
        {sending.error ? <ErrorAlert error={sending.error} /> : null}
        <div className={styles.buttons}>
          <Button appearance="primary" type="submit" disabled={sending.isPending}>
            {t('register.new.submit')}
          </Button>
        </div>
      </form>
    </>
  );
}
