import { describe, expect, it } from 'vitest';
import { asLocalDate, addDays } from './local-date.js';
import { reminderStages, reminderStagesDue, stageUrgency, type OccurrenceSubject } from './reminder-schedule.js';

const dueOn = asLocalDate('2027-03-10');
const subject: OccurrenceSubject = {
  kind: 'occurrence',
  occurrenceId: 'o1',
  ownerId: 'owner',
  ownerLeaderId: 'leader',
  dueOn,
  completedOn: null,
};

describe('reminderStagesDue for årshjul occurrences', () => {
  it.each([
    [-31, []],
    [-30, ['occurrence-due-30:owner']],
    [-8, ['occurrence-due-30:owner']],
    [-7, ['occurrence-due-7:owner']],
    [-1, ['occurrence-due-7:owner']],
    [0, ['occurrence-due-0:owner']],
    [1, ['occurrence-overdue:owner']],
    [6, ['occurrence-overdue:owner']],
    [7, ['occurrence-overdue:owner', 'occurrence-escalation:leader']],
    [400, ['occurrence-overdue:owner', 'occurrence-escalation:leader']],
  ])('%i days after the date: %j', (offset, expected) => {
    const due = reminderStagesDue(subject, addDays(dueOn, offset));
    expect(due.map((reminder) => `${reminder.stage}:${reminder.recipientId}`)).toEqual(expected);
    for (const reminder of due) expect(reminder.key).toBe(`occurrence:o1:${dueOn}:${reminder.stage}`);
  });

  it('sends nothing for a completed occurrence, and no escalation to an owner who is their own leader', () => {
    expect(reminderStagesDue({ ...subject, completedOn: dueOn }, addDays(dueOn, 10))).toEqual([]);
    expect(
      reminderStagesDue({ ...subject, ownerLeaderId: 'owner' }, addDays(dueOn, 10)).map((reminder) => reminder.stage),
    ).toEqual(['occurrence-overdue']);
  });

  it('knows the stages for the ledger and orders them by urgency', () => {
    expect(reminderStages).toEqual(expect.arrayContaining(['occurrence-due-7', 'occurrence-escalation']));
    expect(stageUrgency['occurrence-escalation']).toBeLessThan(stageUrgency['occurrence-overdue']);
    expect(stageUrgency['occurrence-overdue']).toBeLessThan(stageUrgency['occurrence-due-0']);
    expect(stageUrgency['occurrence-due-7']).toBeLessThan(stageUrgency['occurrence-due-30']);
  });
});
