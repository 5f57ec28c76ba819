import { Button } from '@fluentui/react-components';
import { lazy, Suspense, useState } from 'react';
import type { RoundDto } from '../../api/fokus-api';
import { useApi } from '../../app/api-context';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import { useI18n } from '../../i18n/i18n-context';
import { useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { Loading } from '../../shared/loading';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';
import { ComparisonTable } from './comparison-table';
import { useFokusStyles } from './fokus-styles';
import { RoundFormDialog } from './round-form-dialog';
import { ScoreImportDialog } from './score-import-dialog';
import { ScorecardTable } from './scorecard-table';
import { UnitScoresDialog, type UnitToScore } from './unit-scores-dialog';

// The charts library comes with this scene only, and after the tables.
const ComparisonChart = lazy(() => import('./comparison-chart').then((m) => ({ default: m.ComparisonChart })));

type RoundDialog = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; round: RoundDto };

/**
 * "Kvalitetsevaluering": FOKUS-style rounds. The units side by side across rounds with the change,
 * a chart of the same, and the scorecard of each unit in a round. Units scored on part of the
 * themes are marked "Ikke sammenlignelig" and left out of the comparison. The coordinator sets up
 * rounds, enters each unit's scores and imports them from a file.
 */
export function FokusScene() {
  const { t } = useI18n();
  const api = useApi();
  const session = useSession();
  const styles = useFokusStyles();
  const fokus = useApiQuery(queryKeyOf('fokus-get'), (signal) => api.getFokus(signal));
  const [chosenRoundId, setChosenRoundId] = useState<string | null>(null);
  const [roundDialog, setRoundDialog] = useState<RoundDialog>({ kind: 'closed' });
  const [scoring, setScoring] = useState<UnitToScore | null>(null);
  const [isImporting, setIsImporting] = useState(false);
  const [status, setStatus] = useState('');
  const title = t('fokus.title');
  const data = fokus.data;
  const canManage = data?.abilities.manage === true;
  const round = data?.rounds.find((candidate) => candidate.id === chosenRoundId) ?? data?.rounds.at(-1);
  const newRoundButton = canManage ? (
    <Button onClick={() => setRoundDialog({ kind: 'new' })}>{t('fokus.manage.newRound')}</Button>
  ) : null;
  return (
    <>
      <PageHeading documentTitle={title}>{title}</PageHeading>
      <p className={styles.intro}>{t('fokus.intro')}</p>
      <p role="status" aria-live="polite" className={styles.status}>
        {status}
      </p>
      {fokus.error ? <ErrorAlert error={fokus.error} /> : null}
      {!data && !fokus.error ? <Loading label={t('app.loading')} /> : null}
      {data && data.rounds.length === 0 ? (
        <>
          <p>{t('fokus.empty')}</p>
          {newRoundButton}
        </>
      ) : null}
      {data && round ? (
        <>
          <PageSection id="fokus-comparison" heading={t('fokus.comparison.heading')}>
            <ComparisonTable data={data} />
            <Suspense fallback={<Loading label={t('app.loading')} />}>
              <ComparisonChart data={data} />
            </Suspense>
          </PageSection>
          <PageSection id="fokus-scorecards" heading={t('fokus.scorecard.heading')}>
            <ScorecardTable
              data={data}
              roundId={round.id}
              onRoundChange={setChosenRoundId}
              onEnterScores={canManage ? setScoring : undefined}
              actions={
                canManage ? (
                  <>
                    <Button onClick={() => setRoundDialog({ kind: 'edit', round })}>
                      {t('fokus.manage.editRound')}
                    </Button>
                    <Button onClick={() => setIsImporting(true)}>{t('fokus.manage.importScores')}</Button>
                    {newRoundButton}
                  </>
                ) : null
              }
            />
          </PageSection>
        </>
      ) : null}
      {canManage ? (
        <>
          <RoundFormDialog
            open={roundDialog.kind !== 'closed'}
            round={roundDialog.kind === 'edit' ? roundDialog.round : undefined}
            units={session.units}
            onClose={() => setRoundDialog({ kind: 'closed' })}
            onSaved={(saved, isNew) => {
              setRoundDialog({ kind: 'closed' });
              setChosenRoundId(saved.id);
              setStatus(t(isNew ? 'fokus.round.created' : 'fokus.round.saved', { round: saved.name }));
            }}
          />
          {round ? (
            <>
              <UnitScoresDialog
                round={round}
                target={scoring}
                onClose={() => setScoring(null)}
                onSaved={(_, unitName) => {
                  setScoring(null);
                  setStatus(t('fokus.scores.saved', { unit: unitName }));
                }}
              />
              <ScoreImportDialog
                open={isImporting}
                round={round}
                units={data?.units ?? []}
                onClose={() => setIsImporting(false)}
                onImported={(count) => {
                  setIsImporting(false);
                  setStatus(t('fokus.import.done', { count }));
                }}
              />
            </>
          ) : null}
        </>
      ) : null}
    </>
  );
}
