import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useWatch } from 'react-hook-form';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import type { Session } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { PageHeading } from '../../shared/page-heading';
import type { CreateProcedureBody } from '../../api/contract';
import { useContractForm } from '../../shared/form/use-contract-form';
import { ProcedureFormFields } from '../../shared/procedure-form/procedure-form-fields';
import { emptyProcedureForm, newProcedureForm } from '../../shared/procedure-form/procedure-form-values';
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
  const form = useContractForm(newProcedureForm, {
    defaultValues: emptyProcedureForm({ ownerId: props.session.me.person.id }),
  });
  const level = useWatch({ control: form.control, name: 'level' });
  const hasProblems = Object.keys(form.formState.errors).length > 0;
  const saving = useApiMutation({
    run: (body: CreateProcedureBody) => api.createProcedure(body),
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
  const knownAreas = [...new Set((areas.data?.areas ?? []).filter((a) => a.level === level).map((a) => a.area))].sort();

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
          if (saving.isPending) return;
          void form.handleSubmit((body) => saving.mutate(body))();
        }}
      >
        <ProcedureFormFields
          control={form.control}
          people={props.session.people}
          units={props.session.units}
          knownAreas={knownAreas}
          showCode
        />
        <div role="alert">{hasProblems ? <p>{t('form.fixErrors')}</p> : null}</div>
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
