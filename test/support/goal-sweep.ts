import { expect } from 'vitest';
import type { Services } from '../../functions/src/app/ports.js';
import type { Goal } from '../../functions/src/core/goal-types.js';
import { addDays, localDateOf } from '../../functions/src/core/local-date.js';
import type { SweepResult } from '../../functions/src/jobs/run-sweep.js';
import { buildAnswer, buildLink, buildSurvey } from '../contract/survey-store-contract.js';

/**
 * The daily sweep re-measures the goals (issue 14): a goal measured by a survey moves when
 * answers come in through the personal links (the public page does not measure goals), so
 * the sweep turns it red, stamps the new reading, and puts the "goal in red" activity in its
 * owner's årshjul; a second sweep the same day changes nothing. The same on either store.
 */
export async function expectSweepToMeasureGoals(
  services: Services,
  timeZone: string,
  sweep: () => Promise<SweepResult>,
): Promise<void> {
  const now = services.clock.now();
  const at = now.toISOString();
  const today = localDateOf(now, timeZone);
  const version = { etag: 1, createdAt: at, updatedAt: at, updatedBy: 'mette-kjaer' };
  const trail = {
    at,
    actorId: 'mette-kjaer',
    action: 'survey.created',
    procedureId: null,
    subjectId: 'survey-sweep',
    summary: 's',
    details: {},
  };
  const round = { id: 'sweep-round', label: 'Runde', from: addDays(today, -30), to: addDays(today, 30) };
  await services.surveys.saveSurvey(buildSurvey({ id: 'survey-sweep', rounds: [round], ...version }), 0, trail);
  const hash = (n: number) => `5eed${String(n).padStart(60, '0')}`;
  const expiresAt = new Date(now.getTime() + 10 * 86_400_000).toISOString();
  await services.surveys.insertLinks(
    [0, 1, 2, 3, 4].map((n) =>
      buildLink({ tokenHash: hash(n), surveyId: 'survey-sweep', roundId: round.id, caseId: `S-${n}`, expiresAt }),
    ),
    { ...trail, action: 'survey.links-issued' },
  );
  const goal: Goal = {
    id: 'goal-sweep',
    title: 'Tilfredshed (målt af fejningen)',
    description: 'Andel tilfredse af de svarende.',
    clauses: ['9.1.2'],
    target: { direction: 'at-least', value: 90, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    periodFrom: round.from,
    periodTo: round.to,
    cadence: 'monthly',
    ownerId: 'mette-kjaer',
    measurement: { kind: 'survey', surveyId: 'survey-sweep' },
    thresholds: { yellowWithinPoints: 5 },
    status: 'active',
    revisionMonth: 1,
    lastReading: { colour: 'none', value: null, computedOn: addDays(today, -1), redSince: null },
    ...version,
  };
  await services.goals.commit({ expect: [{ collection: 'goals', id: goal.id, etag: 0 }], goals: [goal] });
  // Two of five satisfied: 40 %, far below 90 %.
  for (const n of [0, 1, 2, 3, 4])
    expect(
      await services.surveys.answerThroughLink(
        hash(n),
        at,
        buildAnswer({
          id: `sweep-answer-${n}`,
          surveyId: 'survey-sweep',
          roundId: round.id,
          values: { 'q-overall': n < 2 ? 5 : 1 },
        }),
      ),
    ).toBe('accepted');
  expect(await services.goals.getGoal(goal.id)).toEqual(goal);

  const first = await sweep();
  expect(first.status).toBe('completed');
  expect(first.goals).toMatchObject({ turnedRed: expect.arrayContaining([goal.id]) });
  const red = { colour: 'red', value: 40, computedOn: today, redSince: today };
  expect(await services.goals.getGoal(goal.id)).toMatchObject({ lastReading: red, etag: 2, updatedBy: 'system' });
  const activities = await services.quality.listOccurrences({ from: today, to: today });
  expect(activities.map((occurrence) => occurrence.id)).toContain(`goal-red-${goal.id}-${today}`);

  const second = await sweep();
  expect(second.goals).toMatchObject({ turnedRed: [] });
  expect(await services.goals.getGoal(goal.id)).toMatchObject({ lastReading: red, etag: 2 });
}
