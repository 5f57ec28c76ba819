import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import type { SurveyDto } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useNavigate } from '../../router/navigation';
import { paths } from '../../router/routes';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { OptionDropdown } from '../../shared/option-dropdown';
import { PageHeading } from '../../shared/page-heading';
import { SatisfactionChart } from './satisfaction-chart';
import { SurveyFormDialog } from './survey-form-dialog';
import { SurveyImportDialog } from './survey-import-dialog';
import { SurveyLinksDialog } from './survey-links-dialog';
import { roundsNewestFirst } from './survey-model';
import { SurveyResultsView } from './survey-results-view';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  intro: { maxWidth: '60rem' },
  status: { minHeight: '1.5em' },
});

type Dialog = 'new' | 'edit' | 'links' | 'import' | null;

/**
 * Satisfaction surveys (issue 14): the results of a round per case type and unit, the chart of
 * satisfaction per question and round, and for the coordinator the survey's definition, its
 * personal links and the import of another tool's answers. `?survey=` and `?round=` pick what is shown.
 */
export function SurveysScene(props: { query: URLSearchParams }) {
  const { t, locale } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [status, setStatus] = useState('');
  const list = useApiQuery(queryKeyOf('surveys-list'), (signal) => api.listSurveys(signal));
  const surveys = list.data ?? [];
  const survey = surveys.find((each) => each.id === props.query.get('survey')) ?? surveys[0];
  const rounds = survey ? roundsNewestFirst(survey) : [];
  const round = rounds.find((each) => each.id === props.query.get('round')) ?? rounds[0];
  const canManage = survey?.abilities.manage ?? false;
  const choose = (next: { survey?: string; round?: string }) =>
    navigate(paths.surveys({ ...(survey ? { survey: survey.id } : {}), ...next }), { replace: true, keepFocus: true });

  return (
    <>
      <PageHeading documentTitle={t('surveys.title')}>{t('surveys.title')}</PageHeading>
      <p className={styles.intro}>{t('surveys.intro')}</p>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      {list.isLoading && !list.data ? <Loading label={t('app.loading')} /> : null}
      {list.data && surveys.length === 0 ? <p>{t('surveys.none')}</p> : null}
      <div className={styles.toolbar}>
        {survey ? (
          <OptionDropdown
            label={t('surveys.survey')}
            options={surveys.map((each) => ({ value: each.id, text: titleOf(each, locale) }))}
            value={survey.id}
            onChange={(value) => choose({ survey: value })}
          />
        ) : null}
        {survey && round ? (
          <OptionDropdown
            label={t('surveys.round')}
            options={rounds.map((each) => ({ value: each.id, text: each.label }))}
            value={round.id}
            onChange={(value) => choose({ round: value })}
          />
        ) : null}
        {canManage || (list.data && surveys.length === 0) ? (
          <div className={styles.actions}>
            <Button onClick={() => setDialog('new')}>{t('surveys.new')}</Button>
            {survey && canManage ? (
              <>
                <Button onClick={() => setDialog('edit')}>{t('surveys.edit')}</Button>
                <Button onClick={() => setDialog('links')}>{t('surveys.issueLinks')}</Button>
                <Button onClick={() => setDialog('import')}>{t('surveys.importAnswers')}</Button>
              </>
            ) : null}
          </div>
        ) : null}
      </div>
      <p role="status" className={styles.status}>
        {status}
      </p>
      {survey && round ? <SurveyResultsView survey={survey} roundId={round.id} /> : null}
      {survey ? <SatisfactionChart survey={survey} /> : null}
      <SurveyFormDialog
        open={dialog === 'new' || dialog === 'edit'}
        survey={dialog === 'edit' ? survey : undefined}
        onClose={() => setDialog(null)}
        onSaved={(saved) => {
          setDialog(null);
          setStatus(t('surveys.form.saved'));
          choose({ survey: saved.id });
        }}
      />
      {survey && round ? (
        <>
          <SurveyLinksDialog
            open={dialog === 'links'}
            survey={survey}
            roundId={round.id}
            onClose={() => setDialog(null)}
            onIssued={() => {
              setDialog(null);
              setStatus(t('surveys.links.done'));
            }}
          />
          <SurveyImportDialog
            open={dialog === 'import'}
            survey={survey}
            roundId={round.id}
            onClose={() => setDialog(null)}
            onImported={(rows) => {
              setDialog(null);
              setStatus(t('surveys.import.done', { count: rows }));
            }}
          />
        </>
      ) : null}
    </>
  );
}

export function titleOf(survey: Pick<SurveyDto, 'title'>, locale: 'da' | 'nb' | 'en'): string {
  return survey.title[locale] || survey.title.da;
}
