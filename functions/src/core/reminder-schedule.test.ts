import { describe, expect, it } from 'vitest';
import { addDays, asLocalDate, localDateOf } from './local-date.js';
import {
  localDateReader,
  nextSweepAt,
  reminderKey,
  reminderStagesDue,
  firstOfMonth,
  type ApprovalSubject,
  type QualificationSubject,
  type RequirementSubject,
  type ReviewSubject,
} from './reminder-schedule.js';

const d = asLocalDate;
const reviewDate = d('2026-06-15');

function buildReview(overrides: Partial<ReviewSubject> = {}): ReviewSubject {
  return {
    kind: 'review',
    procedureId: 'p1',
    ownerId: 'owner',
    ownerLeaderId: 'leader',
    nextReviewOn: reviewDate,
    hasOpenRevision: false,
    ...overrides,
  };
}

describe('reminderStagesDue: reviews', () => {
  it.each([
    [45, []],
    [31, []],
    [30, [['review-due-30', 'owner']]],
    [20, [['review-due-30', 'owner']]],
    [8, [['review-due-30', 'owner']]],
    [7, [['review-due-7', 'owner']]],
    [1, [['review-due-7', 'owner']]],
    [0, [['review-due-0', 'owner']]],
    [-1, [['review-overdue', 'owner']]],
    [-13, [['review-overdue', 'owner']]],
    [
      -14,
      [
        ['review-overdue', 'owner'],
        ['review-escalation', 'leader'],
      ],
    ],
    [
      -200,
      [
        ['review-overdue', 'owner'],
        ['review-escalation', 'leader'],
      ],
    ],
  ])('%i days before the review date: %j', (daysLeft, expected) => {
    const today = addDays(reviewDate, -daysLeft);
    const due = reminderStagesDue(buildReview(), today);
    expect(due.map((reminder) => [reminder.stage, reminder.recipientId])).toEqual(expected);
    for (const reminder of due) {
      expect(reminder.dueOn).toBe(reviewDate);
      expect(reminder.key).toBe(`review:p1:2026-06-15:${reminder.stage}`);
    }
  });

  it('sends one notice, not the three it missed, when the sweep first sees an overdue procedure', () => {
    const due = reminderStagesDue(buildReview(), addDays(reviewDate, 3));
    expect(due.map((reminder) => reminder.stage)).toEqual(['review-overdue']);
  });

  it('keys each stage of one review date once, so a daily sweep repeats the same key', () => {
    const keys = new Set<string>();
    for (let offset = -40; offset <= 30; offset++) {
      for (const reminder of reminderStagesDue(buildReview(), addDays(reviewDate, offset))) keys.add(reminder.key);
    }
    expect([...keys].map((key) => key.split(':').at(-1))).toEqual([
      'review-due-30',
      'review-due-7',
      'review-due-0',
      'review-overdue',
      'review-escalation',
    ]);
  });

  it('holds back the notices before the date while a revision is open, but not the overdue ones', () => {
    const revising = buildReview({ hasOpenRevision: true });
    expect(reminderStagesDue(revising, addDays(reviewDate, -20))).toEqual([]);
    expect(reminderStagesDue(revising, reviewDate)).toEqual([]);
    expect(reminderStagesDue(revising, addDays(reviewDate, 15)).map((reminder) => reminder.stage)).toEqual([
      'review-overdue',
      'review-escalation',
    ]);
  });

  it('does not escalate without a leader, or to the owner themself', () => {
    const late = addDays(reviewDate, 30);
    expect(reminderStagesDue(buildReview({ ownerLeaderId: null }), late).map((r) => r.stage)).toEqual([
      'review-overdue',
    ]);
    expect(reminderStagesDue(buildReview({ ownerLeaderId: 'owner' }), late).map((r) => r.stage)).toEqual([
      'review-overdue',
    ]);
  });

  it('has nothing to remind about before the first publication', () => {
    expect(reminderStagesDue(buildReview({ nextReviewOn: null }), reviewDate)).toEqual([]);
  });
});

describe('reminderStagesDue: approvals', () => {
  const approval = (requestedOn: string): ApprovalSubject => ({
    kind: 'approval',
    approvalId: 'a1',
    approverId: 'approver',
    requestedOn: d(requestedOn),
  });

  it.each<[string, string, string | null, string]>([
    // Submitted Wednesday 4 March 2026.
    ['2026-03-04', '2026-03-10', null, '4 working days'],
    ['2026-03-04', '2026-03-11', null, 'exactly 5 working days'],
    ['2026-03-04', '2026-03-12', '2026-03-12', 'more than 5 working days'],
    ['2026-03-04', '2026-03-30', '2026-03-12', 'long after: the same due date, so the same key'],
    // Submitted Friday 6 March: the weekend does not count.
    ['2026-03-06', '2026-03-13', null, 'Friday to Friday is 5'],
    ['2026-03-06', '2026-03-16', '2026-03-16', 'Friday to Monday is 6'],
    // Submitted on a Saturday.
    ['2026-03-07', '2026-03-16', '2026-03-16', 'Saturday to the Monday after next is 6'],
  ])('requested %s, today %s → due %s (%s)', (requestedOn, today, dueOn) => {
    const due = reminderStagesDue(approval(requestedOn), d(today));
    expect(due).toEqual(
      dueOn === null
        ? []
        : [
            {
              key: `approval:a1:${dueOn}:approval-waiting`,
              kind: 'approval',
              subjectId: 'a1',
              dueOn,
              stage: 'approval-waiting',
              recipientId: 'approver',
            },
          ],
    );
  });
});

describe('reminderStagesDue: acknowledgements', () => {
  it.each<[string, string, string | null, string | null]>([
    // The request itself, from the day of publication until the reminder takes over.
    ['2026-03-04', '2026-03-03', null, null],
    ['2026-03-04', '2026-03-04', '2026-03-04', 'acknowledgement-requested'],
    ['2026-03-04', '2026-03-10', '2026-03-04', 'acknowledgement-requested'],
    // A week after the request: the reminder, once.
    ['2026-03-04', '2026-03-11', '2026-03-11', 'acknowledgement-outstanding'],
    ['2026-03-04', '2026-05-01', '2026-03-11', 'acknowledgement-outstanding'],
  ])('requested %s, today %s → due %s (%s)', (requestedOn, today, dueOn, stage) => {
    const due = reminderStagesDue(
      { kind: 'acknowledgement', versionId: 'v1', personId: 'karen', requestedOn: d(requestedOn) },
      d(today),
    );
    expect(due.map((reminder) => [reminder.key, reminder.recipientId])).toEqual(
      dueOn === null ? [] : [[`acknowledgement:v1/karen:${dueOn}:${stage}`, 'karen']],
    );
  });
});

describe('reminderKey', () => {
  it('joins kind, subject, due date and stage', () => {
    expect(reminderKey({ kind: 'review', subjectId: 'p9', dueOn: d('2027-01-31'), stage: 'review-due-7' })).toBe(
      'review:p9:2027-01-31:review-due-7',
    );
  });
});

describe('nextSweepAt (06:00 Europe/Copenhagen)', () => {
  const zone = 'Europe/Copenhagen';
  it.each([
    ['2026-01-15T04:59:59Z', '2026-01-15T05:00:00.000Z', 'winter, just before 06:00 CET'],
    ['2026-01-15T05:00:00Z', '2026-01-16T05:00:00.000Z', 'exactly 06:00: the next one is tomorrow'],
    ['2026-01-15T05:00:00.001Z', '2026-01-16T05:00:00.000Z', 'just after'],
    ['2026-01-14T23:30:00Z', '2026-01-15T05:00:00.000Z', '00:30 local, still the 14th in UTC'],
    ['2026-07-01T03:59:00Z', '2026-07-01T04:00:00.000Z', 'summer: 06:00 CEST is 04:00 UTC'],
    ['2026-06-30T22:30:00Z', '2026-07-01T04:00:00.000Z', '00:30 local on 1 July'],
    ['2026-06-30T21:59:00Z', '2026-07-01T04:00:00.000Z', '23:59 local on 30 June'],
    // Clocks go forward at 02:00 CET on Sunday 29 March 2026.
    ['2026-03-28T05:00:00Z', '2026-03-29T04:00:00.000Z', 'the sweep before the change: 23 hours to the next'],
    ['2026-03-29T00:30:00Z', '2026-03-29T04:00:00.000Z', '01:30 CET, before the change'],
    ['2026-03-29T01:30:00Z', '2026-03-29T04:00:00.000Z', '03:30 CEST, after the change'],
    ['2026-03-29T04:00:00Z', '2026-03-30T04:00:00.000Z', 'the first summer sweep, then the next'],
    // Clocks go back at 03:00 CEST on Sunday 25 October 2026.
    ['2026-10-24T04:00:00Z', '2026-10-25T05:00:00.000Z', 'the sweep before the change: 25 hours to the next'],
    ['2026-10-25T00:30:00Z', '2026-10-25T05:00:00.000Z', '02:30 CEST, the first time'],
    ['2026-10-25T01:30:00Z', '2026-10-25T05:00:00.000Z', '02:30 CET, the second time'],
    ['2026-10-25T04:30:00Z', '2026-10-25T05:00:00.000Z', '05:30 CET on the day of the change'],
    ['2026-10-25T05:00:00Z', '2026-10-26T05:00:00.000Z', 'the first winter sweep, then the next'],
    ['2026-12-31T05:00:00Z', '2027-01-01T05:00:00.000Z', 'over New Year'],
  ])('%s → %s (%s)', (now, expected) => {
    const next = nextSweepAt(new Date(now), zone);
    expect(next.toISOString()).toBe(expected);
    expect(localDateOf(new Date(next.getTime() + 1), zone)).toBe(next.toISOString().slice(0, 10));
  });

  it.each([
    ['UTC', '2026-03-29T07:00:00Z', '2026-03-30T06:00:00.000Z'],
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-08T10:00:00.000Z'], // 06:00 EDT, the day clocks change
    ['Asia/Kolkata', '2026-03-08T00:00:00Z', '2026-03-08T00:30:00.000Z'], // +05:30
  ])('in %s: %s → %s', (zone2, now, expected) => {
    expect(nextSweepAt(new Date(now), zone2).toISOString()).toBe(expected);
  });

  it('honours another hour', () => {
    expect(nextSweepAt(new Date('2026-01-15T06:00:00Z'), zone, 8).toISOString()).toBe('2026-01-15T07:00:00.000Z');
  });
});

describe('localDateReader', () => {
  it('agrees with localDateOf around midnight and the clock changes', () => {
    const read = localDateReader('Europe/Copenhagen');
    for (const instant of [
      '2026-02-28T23:30:00Z',
      '2026-03-28T23:00:00Z',
      '2026-03-29T22:00:00Z',
      '2026-10-24T22:00:00Z',
      '2026-10-25T22:59:59Z',
      '2026-10-25T23:00:00Z',
    ]) {
      expect(read(new Date(instant)), instant).toBe(localDateOf(new Date(instant), 'Europe/Copenhagen'));
    }
  });
});

describe('reminderStagesDue: qualifications', () => {
  const validUntil = d('2026-06-30');
  const qualification = (overrides: Partial<QualificationSubject> = {}): QualificationSubject => ({
    kind: 'qualification',
    personId: 'karen',
    competenceId: 'auditor',
    validUntil,
    leaderId: 'anne',
    ...overrides,
  });

  it.each([
    [120, []],
    [91, []],
    [90, ['qualification-expiring-90', 'qualification-expiring-90-leader']],
    [31, ['qualification-expiring-90', 'qualification-expiring-90-leader']],
    [30, ['qualification-expiring-30', 'qualification-expiring-30-leader']],
    [0, ['qualification-expiring-30', 'qualification-expiring-30-leader']],
    [-1, ['qualification-expired', 'qualification-expired-leader']],
    [-90, ['qualification-expired', 'qualification-expired-leader']],
    [-91, []],
  ])('%i days left: %j', (daysLeft, stages) => {
    const due = reminderStagesDue(qualification(), addDays(validUntil, -daysLeft));
    expect(due.map((reminder) => reminder.stage)).toEqual(stages);
    expect(due.map((reminder) => reminder.recipientId)).toEqual(stages.length === 0 ? [] : ['karen', 'anne']);
  });

  it('keys on the person, the competence and validUntil: a renewal starts a fresh ladder', () => {
    const [holder] = reminderStagesDue(qualification(), addDays(validUntil, -20));
    expect(holder?.key).toBe('qualification:karen/auditor:2026-06-30:qualification-expiring-30');
    const renewed = reminderStagesDue(qualification({ validUntil: d('2029-06-30') }), d('2029-06-10'));
    expect(renewed[0]?.key).toBe('qualification:karen/auditor:2029-06-30:qualification-expiring-30');
  });

  it('sends the leader’s copy to nobody when there is no leader, and never to the holder twice', () => {
    const today = addDays(validUntil, -10);
    expect(reminderStagesDue(qualification({ leaderId: null }), today).map((r) => r.recipientId)).toEqual(['karen']);
    expect(reminderStagesDue(qualification({ leaderId: 'karen' }), today).map((r) => r.recipientId)).toEqual(['karen']);
  });

  it('goes through at most three distinct keys per recipient over the whole ladder', () => {
    const keys = new Set<string>();
    for (let offset = -120; offset <= 120; offset += 1) {
      for (const reminder of reminderStagesDue(qualification(), addDays(validUntil, offset))) keys.add(reminder.key);
    }
    expect(keys.size).toBe(6);
  });
});

describe('reminderStagesDue: requirements', () => {
  const requirement = (overrides: Partial<RequirementSubject> = {}): RequirementSubject => ({
    kind: 'requirement',
    requirementId: 'req-1',
    coverage: 'unmet',
    leaderId: 'anne',
    ...overrides,
  });

  it('tells the leader once a calendar month while unmet', () => {
    const keys = (date: string) => reminderStagesDue(requirement(), d(date)).map((reminder) => reminder.key);
    expect(keys('2026-11-23')).toEqual(['requirement:req-1:2026-11-01:requirement-unmet']);
    expect(keys('2026-11-30')).toEqual(['requirement:req-1:2026-11-01:requirement-unmet']);
    expect(keys('2026-12-01')).toEqual(['requirement:req-1:2026-12-01:requirement-unmet']);
    expect(reminderStagesDue(requirement(), d('2026-11-23'))[0]?.recipientId).toBe('anne');
  });

  it.each([
    ['met', requirement({ coverage: 'met' })],
    ['covered externally', requirement({ coverage: 'external' })],
    ['without a resolved leader', requirement({ leaderId: null })],
  ])('sends nothing when %s', (_, subject) => {
    expect(reminderStagesDue(subject, d('2026-11-23'))).toEqual([]);
  });

  it('firstOfMonth', () => {
    expect(firstOfMonth(d('2028-02-29'))).toBe('2028-02-01');
  });
});
