import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeading } from '../../shared/page-heading';
import { ProcedureFormFields } from '../../shared/procedure-form/procedure-form-fields';
import {
  emptyProcedureForm,
  toCreateProcedureBody,
  validateProcedureForm,
  type ProcedureFormErrors,
} from '../../shared/procedure-form/procedure-form-values';
import { queryKeyOf, useApiMutation, useApiQuery } from '../../api/query-client';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '64rem' },
  intro: { marginTop: 0, color: tokens.colorNeutralForeground2, maxWidth: '75ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalM },
});

/** "Ny procedure": the metadata first; the document is uploaded as a draft on the new page. */
export function NewProcedureScene(props: { session: Session }) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const navigate = useNavigate();
  const [values, setValues] = useState(() => emptyProcedureForm({ ownerId: props.session.me.person.id }));
  const [errors, setErrors] = useState<ProcedureFormErrors>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const saving = useApiMutation({
    run: (body: ReturnType<typeof toCreateProcedureBody>) => api.createProcedure(body),
    onSuccess: (created) => navigate(paths.procedure(created.id)),
    invalidates: () => [
      queryKeyOf('procedures-list'),
      queryKeyOf('procedures-areas'),
      queryKeyOf('search'),
      queryKeyOf('my-tasks'),
      queryKeyOf('overview'),
    ],
  });
  const error = saving.error ?? undefined;
  const areas = useApiQuery(queryKeyOf('procedures-areas'), (signal) => api.listAreas(signal));
  const knownAreas = [
    ...new Set((areas.data?.areas ?? []).filter((a) => a.level === values.level).map((a) => a.area)),
  ].sort();

  if (!props.session.me.abilities.createProcedure) {
    return (
      <>
        <PageHeading documentTitle={t('new.title')}>{t('new.title')}</PageHeading>
        <p>{t('new.notAllowed')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading documentTitle={t('new.title')}>{t('new.title')}</PageHeading>
      <p className={styles.intro}>{t('new.intro')}</p>
      <form
        className={styles.form}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const found = validateProcedureForm(values, { checkCode: true });
          setErrors(found);
          if (Object.keys(found).length > 0) {
            setFormMessage(t('form.fixErrors'));
            return;
          }
          setFormMessage(null);
          saving.mutate(toCreateProcedureBody(values));
        }}
      >
        <ProcedureFormFields
          values={values}
          errors={errors}
          onChange={setValues}
          people={props.session.people}
          units={props.session.units}
          knownAreas={knownAreas}
          showCode
        />
        <div role="alert">{formMessage ? <p>{formMessage}</p> : null}</div>
        {error ? <ErrorAlert error={error} /> : null}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={saving.isPending}>
            {saving.isPending ? t('action.working') : t('new.create')}
          </Button>
          <Button type="button" onClick={() => navigate(paths.handbook())} disabled={saving.isPending}>
            {t('action.cancel')}
          </Button>
        </div>
      </form>
    </>
  );
}
