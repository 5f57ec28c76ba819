import { describe, expect, it } from 'vitest';
import type { LocalDate } from './local-date.js';
import { applyEvaluationChanges, ensurePlannedInYear, linkDecisionAction } from './management-evaluation.js';
import type { ManagementEvaluation } from './quality-year-types.js';

const planned: ManagementEvaluation = {
  id: 'ev-2026',
  year: 2026,
  plannedOn: '2026-03-10' as LocalDate,
  heldOn: null,
  status: 'planned',
  participantIds: [],
  guests: [],
  conclusions: '',
  decisions: [],
  committee: null,
  committeeOn: null,
  publishedOn: null,
  etag: 3,
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
  updatedBy: 'mette',
};
let counter = 0;
const context = {
  today: '2026-04-01' as LocalDate,
  actorId: 'eva',
  at: '2026-04-01T09:00:00.000Z',
  newId: () => `d${++counter}`,
};
const date = (value: string) => value as LocalDate;

describe('management evaluation changes', () => {
  it('records the meeting and moves to held, with etag + 1 and the writer', () => {
    const held = applyEvaluationChanges(
      planned,
      { heldOn: date('2026-03-12'), participantIds: ['lars', 'mette', 'lars'], status: 'held', conclusions: ' OK ' },
      context,
    );
    expect(held).toMatchObject({ status: 'held', heldOn: '2026-03-12', participantIds: ['lars', 'mette'] });
    expect(held).toMatchObject({ conclusions: 'OK', etag: 4, updatedBy: 'eva', updatedAt: context.at });
    expect(planned.status).toBe('planned');
  });

  it('refuses held without a date or without participants', () => {
    expect(() => applyEvaluationChanges(planned, { status: 'held', participantIds: ['lars'] }, context)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ field: 'heldOn' }) }),
    );
    expect(() => applyEvaluationChanges(planned, { status: 'held', heldOn: date('2026-03-12') }, context)).toThrow(
      expect.objectContaining({ code: 'VALIDATION', details: expect.objectContaining({ field: 'participantIds' }) }),
    );
  });

  it('refuses a meeting in the future and publication without date or before the meeting', () => {
    expect(() => applyEvaluationChanges(planned, { heldOn: date('2026-04-02') }, context)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    const held = applyEvaluationChanges(
      planned,
      { heldOn: date('2026-03-12'), participantIds: ['lars'], status: 'held' },
      context,
    );
    expect(() => applyEvaluationChanges(held, { status: 'published' }, context)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'publishedOn' }) }),
    );
    expect(() =>
      applyEvaluationChanges(held, { status: 'published', publishedOn: date('2026-03-01') }, context),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    const published = applyEvaluationChanges(held, { status: 'published', publishedOn: date('2026-03-20') }, context);
    expect(published.status).toBe('published');
    expect(() => applyEvaluationChanges(published, { status: 'held' }, context)).toThrow(
      expect.objectContaining({ code: 'INVALID_STATE', details: { status: 'published', to: 'held' } }),
    );
  });

  it('needs the committee for a committee date', () => {
    expect(() => applyEvaluationChanges(planned, { committeeOn: date('2026-05-01') }, context)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'committee' }) }),
    );
    expect(
      applyEvaluationChanges(
        planned,
        { committee: 'Teknik- og Miljøudvalget', committeeOn: date('2026-05-01') },
        context,
      ),
    ).toMatchObject({ committee: 'Teknik- og Miljøudvalget', committeeOn: '2026-05-01' });
  });

  it('adds, edits and removes decisions, keeps the action link and refuses removing a linked one', () => {
    const withTwo = applyEvaluationChanges(
      planned,
      {
        decisions: [
          { text: 'Styrk tilsynet', ownerId: 'jens', dueOn: date('2026-09-01') },
          { text: 'Ny skabelon', ownerId: null, dueOn: null },
        ],
      },
      context,
    );
    expect(withTwo.decisions).toHaveLength(2);
    const [first, second] = withTwo.decisions as [
      ManagementEvaluation['decisions'][0],
      ManagementEvaluation['decisions'][0],
    ];
    const linked = linkDecisionAction(withTwo, first.id, 'action-1', context);
    expect(linked.decisions[0]?.actionId).toBe('action-1');
    const edited = applyEvaluationChanges(
      linked,
      { decisions: [{ id: first.id, text: 'Styrk tilsynet med jord', ownerId: 'jens', dueOn: null }] },
      context,
    );
    expect(edited.decisions).toEqual([
      { id: first.id, text: 'Styrk tilsynet med jord', ownerId: 'jens', dueOn: null, actionId: 'action-1' },
    ]);
    expect(() =>
      applyEvaluationChanges(
        linked,
        { decisions: [{ id: second.id, text: 'x', ownerId: null, dueOn: null }] },
        context,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    expect(() =>
      applyEvaluationChanges(linked, { decisions: [{ id: 'nope', text: 'x', ownerId: null, dueOn: null }] }, context),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    expect(() =>
      applyEvaluationChanges(linked, { decisions: [{ text: '  ', ownerId: null, dueOn: null }] }, context),
    ).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('requires the planned date in the evaluation year', () => {
    expect(() => ensurePlannedInYear(2026, date('2026-03-01'))).not.toThrow();
    expect(() => ensurePlannedInYear(2026, date('2027-01-05'))).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
