import { describe, expect, it } from 'vitest';
import { accessDeadlineOf } from './access-request.js';
import { asLocalDate } from './local-date.js';
import { reminderStages, reminderStagesDue, stageUrgency, type AccessRequestSubject } from './reminder-schedule.js';

// Denmark: received Monday 1 March 2027, 7 working days → Wednesday 10 March.
const danish: AccessRequestSubject = {
  kind: 'access-request',
  requestId: 'ar1',
  law: 'dk',
  deadlineOn: accessDeadlineOf(asLocalDate('2027-03-01'), 'dk'),
  answered: false,
  recipientIds: ['coord'],
};
// Norway: received Monday 22 March 2027, 5 working days over Easter (25, 26 and 29 March are
// holidays) → Thursday 1 April.
const norwegian: AccessRequestSubject = {
  ...danish,
  requestId: 'ar2',
  law: 'no',
  deadlineOn: accessDeadlineOf(asLocalDate('2027-03-22'), 'no'),
};

describe('reminderStagesDue for aktindsigt / innsyn requests', () => {
  it('counts the deadlines the tests below assume', () => {
    expect(danish.deadlineOn).toBe('2027-03-10');
    expect(norwegian.deadlineOn).toBe('2027-04-01');
  });

  it.each([
    ['dk', '2027-03-01', []],
    ['dk', '2027-03-05', []], // Friday: 3 working days left
    ['dk', '2027-03-06', []], // Saturday: still 3
    ['dk', '2027-03-07', []], // Sunday: still 3
    ['dk', '2027-03-08', ['access-due-2']], // Monday: 2 left
    ['dk', '2027-03-10', ['access-due-2']], // the last day
    ['dk', '2027-03-11', ['access-overdue']],
    ['dk', '2028-01-01', ['access-overdue']],
    ['no', '2027-03-24', []], // 3 working days left (30, 31 March, 1 April)
    ['no', '2027-03-25', []], // skjærtorsdag: still 3
    ['no', '2027-03-29', []], // 2. påskedag: still 3
    ['no', '2027-03-30', ['access-due-2']],
    ['no', '2027-04-01', ['access-due-2']],
    ['no', '2027-04-02', ['access-overdue']],
  ] as const)('%s on %s: %j', (law, today, expected) => {
    const subject = law === 'dk' ? danish : norwegian;
    const due = reminderStagesDue(subject, asLocalDate(today));
    expect(due.map((reminder) => reminder.stage)).toEqual(expected);
    for (const reminder of due) {
      expect(reminder.recipientId).toBe('coord');
      expect(reminder.key).toBe(`access-request:${subject.requestId}/coord:${subject.deadlineOn}:${reminder.stage}`);
    }
  });

  it('tells each coordinator under a key of their own, once each', () => {
    const due = reminderStagesDue({ ...danish, recipientIds: ['a', 'b', 'a'] }, asLocalDate('2027-03-11'));
    expect(due.map((reminder) => [reminder.recipientId, reminder.subjectId])).toEqual([
      ['a', 'ar1/a'],
      ['b', 'ar1/b'],
    ]);
    expect(new Set(due.map((reminder) => reminder.key)).size).toBe(2);
  });

  it('sends nothing for an answered request or with nobody to tell', () => {
    expect(reminderStagesDue({ ...danish, answered: true }, asLocalDate('2027-03-11'))).toEqual([]);
    expect(reminderStagesDue({ ...danish, recipientIds: [] }, asLocalDate('2027-03-11'))).toEqual([]);
  });

  it('has its stages in the list and ranked by urgency', () => {
    expect(reminderStages).toContain('access-due-2');
    expect(reminderStages).toContain('access-overdue');
    expect(stageUrgency['access-overdue']).toBeLessThan(stageUrgency['access-due-2']);
  });
});
