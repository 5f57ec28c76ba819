import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiRequestError } from '../../api/api-error';
import { queryKeyOf, useApiMutation } from '../../api/query-client';
import type { SurveyDto, SurveyLinksInput } from '../../api/survey-api';
import { useApi } from '../../app/api-context';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { ModalDialog } from '../../shared/modal-dialog';
import { parseCaseLines } from './survey-model';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { margin: 0, color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', justifyContent: 'flex-end', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * Issues personal links for a round's decided cases and downloads them as CSV for the decision
 * letters; the tokens are in that file only (the server keeps their hashes).
 */
export function SurveyLinksDialog(props: {
  open: boolean;
  survey: SurveyDto;
  roundId: string;
  onClose(): void;
  onIssued(): void;
}) {
  const { t } = useI18n();
  const api = useApi();
  const styles = useStyles();
  const { units } = useSession();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const round = props.survey.rounds.find((each) => each.id === props.roundId);
  const issue = useApiMutation({
    run: (cases: SurveyLinksInput['cases']) =>
      api.issueSurveyLinksCsv(props.survey.id, { roundId: props.roundId, cases }),
    onSuccess: (blob) => {
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `tilfredshedsundersoegelse-links-${props.roundId}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setText('');
      props.onIssued();
    },
    onError: setError,
    invalidates: () => [queryKeyOf('surveys-results')],
  });
  const close = () => {
    if (issue.isPending) return;
    setProblem('');
    setError(undefined);
    props.onClose();
  };
  const submit = () => {
    setError(undefined);
    const parsed = parseCaseLines(text, units);
    if (parsed.kind === 'empty') return setProblem(t('surveys.links.empty'));
    if (parsed.kind === 'bad-lines')
      return setProblem(parsed.lines.map((line) => t('surveys.links.badLine', { line })).join(' '));
    setProblem('');
    issue.mutate(parsed.cases);
  };

  return (
    <ModalDialog open={props.open} title={`${t('surveys.links.title')} – ${round?.label ?? ''}`} onClose={close}>
      <form
        className={styles.content}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
        noValidate
      >
        <p className={styles.hint}>{t('surveys.links.hint')}</p>
        <Field
          label={t('surveys.links.cases')}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem || undefined}
        >
          <Textarea
            value={text}
            onChange={(_, data) => setText(data.value)}
            rows={8}
            resize="vertical"
            placeholder="BYG-2026-001;Byggetilladelse – enfamiliehuse;byg-plan"
          />
        </Field>
        {error ? <ErrorAlert error={error} /> : null}
        <div className={styles.actions}>
          <Button type="button" onClick={close} disabled={issue.isPending}>
            {t('surveys.close')}
          </Button>
          <Button type="submit" appearance="primary" disabled={issue.isPending}>
            {issue.isPending ? t('surveys.links.issuing') : t('surveys.links.issue')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}
