import { describe, expect, it } from 'vitest';
import type { Goal, GoalMeasurement } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import type { StatisticsRow } from '../core/register-statistics.js';
import { packGoals, registerGoalValuesOver } from './pack-goals.js';

const d = (value: string) => value as LocalDate;

function goal(id: string, measurement: GoalMeasurement, periodFrom = '2026-01-01'): Goal {
  return {
    id,
    title: `Mål ${id}`,
    description: '',
    clauses: ['6.2'],
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    periodFrom: d(periodFrom),
    periodTo: d('2026-12-31'),
    cadence: 'monthly',
    ownerId: 'p-ole',
    measurement,
    thresholds: { yellowWithinPoints: 5 },
    status: 'active',
    revisionMonth: 1,
    // Today's reading (of a later span): the pack must not show it.
    lastReading: { colour: 'green', value: 100, computedOn: d('2026-11-20'), redSince: null },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'p-coord',
    etag: 1,
  };
}

function row(receivedOn: string, isReplyLate: boolean | null, overrides: Partial<StatisticsRow> = {}): StatisticsRow {
  return {
    kind: 'complaint',
    channel: 'public',
    status: 'closed',
    categoryId: null,
    rootCauseCategoryId: null,
    unitId: null,
    receivedOn: d(receivedOn),
    isAnswerable: true,
    replyDueOn: null,
    isReplyLate,
    ...overrides,
  };
}

describe('register goals in the pack', () => {
  const rows = [
    ...Array.from({ length: 8 }, () => row('2026-02-10', false)),
    row('2026-03-01', true),
    // Unanswered past its deadline by the end of the span.
    row('2026-03-02', null, { status: 'in-handling', replyDueOn: d('2026-03-16') }),
    // Received after the evaluation's period: not counted.
    row('2026-04-10', true),
    // Anonymous: no one to answer.
    row('2026-02-11', null, { isAnswerable: false, status: 'registered' }),
  ];
  const period = { from: d('2025-04-01'), to: d('2026-03-31') };
  const register = { statisticsRows: async (to: LocalDate) => rows.filter((entry) => entry.receivedOn <= to) };

  it('measures a register goal over the part of its period within the evaluation’s period', async () => {
    const goals = [
      goal('reply', { kind: 'register', metric: 'replied-in-time', kinds: [] }),
      goal('deviations', { kind: 'register', metric: 'replied-in-time', kinds: ['deviation'] }),
      goal('later', { kind: 'register', metric: 'replied-in-time', kinds: [] }, '2026-06-01'),
    ];
    const values = await registerGoalValuesOver(register, goals, period);
    expect(values.get('reply')).toBe(80);
    expect(values.get('deviations')).toBeNull();
    expect(values.has('later')).toBe(false);

    const section = packGoals(goals, [], period, () => 'Ole Sørensen', values);
    expect(section.status).toBe('available');
    if (section.status !== 'available') return;
    expect(section.goals.map((entry) => entry.id)).toEqual(['reply', 'deviations']);
    expect(section.goals[0]).toMatchObject({ measurement: 'register', value: 80, colour: 'red', figures: null });
    expect(section.goals[1]).toMatchObject({ value: null, colour: 'none' });
  });

  it('reads nothing without register goals, and shows a reading of the period without the register', async () => {
    const values = await registerGoalValuesOver(
      { statisticsRows: () => Promise.reject(new Error('not read')) },
      [goal('cases', { kind: 'cases', metric: 'share-within-target' })],
      period,
    );
    expect(values.size).toBe(0);
    const reply = goal('reply', { kind: 'register', metric: 'replied-in-time', kinds: [] });
    const section = packGoals(
      [reply],
      [],
      period,
      () => null,
      await registerGoalValuesOver(undefined, [reply], period),
    );
    if (section.status !== 'available') throw new Error('expected the goal');
    // Its last reading was taken after the period: not shown as the period's value.
    expect(section.goals[0]).toMatchObject({ value: null, colour: 'none' });
  });
});
