import { describe, expect, it } from 'vitest';
import { asLocalDate } from './local-date.js';
import { replyReminderDates, replyReminderStage } from './register-rules.js';
import { reminderStages, reminderStagesDue, stageUrgency, type RegisterReplySubject } from './reminder-schedule.js';

// Deadline Monday 16 March 2026; 2 working days' notice (from Thursday 12 March), escalation 3
// working days after (Thursday 19 March), in the Danish office calendar.
const settings = { remindDaysBefore: 2, escalateDaysAfter: 3, holidayCalendar: 'dk' as const };
const dueOn = asLocalDate('2026-03-16');
const subject: RegisterReplySubject = {
  kind: 'register-reply',
  itemId: 'r1',
  dueOn,
  ...replyReminderDates(dueOn, settings),
  recipientIds: ['anne'],
  leaderId: 'lars',
};

const stagesOn = (today: string, overrides: Partial<RegisterReplySubject> = {}) =>
  reminderStagesDue({ ...subject, ...overrides }, asLocalDate(today)).map(
    (reminder) => `${reminder.recipientId}:${reminder.stage}`,
  );

describe('reminderStagesDue for register items', () => {
  it('counts the days the tests below assume', () => {
    expect(subject.remindOn).toBe('2026-03-12');
    expect(subject.escalateOn).toBe('2026-03-19');
  });

  it.each([
    ['2026-03-02', []],
    ['2026-03-11', []], // 3 working days left
    ['2026-03-12', ['anne:register-due-soon']],
    ['2026-03-14', ['anne:register-due-soon']], // Saturday
    ['2026-03-16', ['anne:register-due-soon']], // the deadline itself
    ['2026-03-17', ['anne:register-overdue']],
    ['2026-03-18', ['anne:register-overdue']],
    ['2026-03-19', ['anne:register-overdue', 'lars:register-escalation']],
    ['2027-01-01', ['anne:register-overdue', 'lars:register-escalation']],
  ])('on %s: %j', (today, expected) => {
    expect(stagesOn(today)).toEqual(expected);
  });

  it('agrees with the register rule (replyReminderStage) on every day around the deadline', () => {
    const ledger: Partial<Record<string, string>> = { 'register-due-soon': 'due-soon', 'register-overdue': 'overdue' };
    for (let day = 1; day <= 31; day++) {
      const today = asLocalDate(`2026-03-${String(day).padStart(2, '0')}`);
      const stages = reminderStagesDue(subject, today).map((reminder) => reminder.stage);
      const expected = replyReminderStage(dueOn, today, settings);
      const handler = stages.find((stage) => stage !== 'register-escalation');
      const found = stages.includes('register-escalation') ? 'escalate' : handler ? (ledger[handler] ?? handler) : null;
      expect(found, today).toBe(expected);
    }
  });

  it('keys each recipient on its own, by item, deadline and stage', () => {
    const [handler, leader] = reminderStagesDue(subject, asLocalDate('2026-03-19'));
    expect(handler!.key).toBe('register-reply:r1/anne:2026-03-16:register-overdue');
    expect(leader!.key).toBe('register-reply:r1/lars:2026-03-16:register-escalation');
    // A new deadline (an interim reply) is a new ladder.
    const moved = reminderStagesDue(
      { ...subject, dueOn: asLocalDate('2026-04-01'), ...replyReminderDates(asLocalDate('2026-04-01'), settings) },
      asLocalDate('2026-04-01'),
    );
    expect(moved.map((reminder) => reminder.key)).toEqual(['register-reply:r1/anne:2026-04-01:register-due-soon']);
  });

  it('tells every coordinator when nobody handles the item, and nobody twice', () => {
    expect(stagesOn('2026-03-12', { recipientIds: ['coord-1', 'coord-2', 'coord-1'] })).toEqual([
      'coord-1:register-due-soon',
      'coord-2:register-due-soon',
    ]);
  });

  it('does not escalate without a leader, without an escalation day, or to someone already told', () => {
    expect(stagesOn('2026-03-20', { leaderId: null })).toEqual(['anne:register-overdue']);
    expect(stagesOn('2026-03-20', { escalateOn: null })).toEqual(['anne:register-overdue']);
    expect(stagesOn('2026-03-20', { recipientIds: ['lars'] })).toEqual(['lars:register-overdue']);
  });

  it('has a place among the stages and in the urgency order', () => {
    for (const stage of ['register-due-soon', 'register-overdue', 'register-escalation'] as const) {
      expect(reminderStages).toContain(stage);
    }
    expect(stageUrgency['register-escalation']).toBeLessThan(stageUrgency['register-overdue']);
    expect(stageUrgency['register-overdue']).toBeLessThan(stageUrgency['register-due-soon']);
  });
});

describe('replyReminderDates', () => {
  it('counts working days in the calendar and leaves out the escalation when it is 0 days', () => {
    // Norway: deadline Thursday 1 April 2027, Easter (25, 26, 29 March) counted out.
    const norwegian = replyReminderDates(asLocalDate('2027-04-01'), {
      remindDaysBefore: 3,
      escalateDaysAfter: 0,
      holidayCalendar: 'no',
    });
    expect(norwegian).toEqual({ remindOn: '2027-03-24', escalateOn: null });
  });
});
