import { describe, expect, it } from 'vitest';
import { asLocalDate, addDays } from './local-date.js';
import { reminderStages, reminderStagesDue, stageUrgency, type ActionSubject } from './reminder-schedule.js';

const dueOn = asLocalDate('2027-03-10');
const subject: ActionSubject = {
  kind: 'action',
  actionId: 'ca1',
  ownerId: 'owner',
  ownerLeaderId: 'leader',
  dueOn,
  status: 'planned',
};

describe('reminderStagesDue for corrective actions', () => {
  it.each([
    [-30, []],
    [-8, []],
    [-7, ['action-due-7:owner']],
    [-1, ['action-due-7:owner']],
    [0, ['action-due-0:owner']],
    [1, ['action-overdue:owner']],
    [13, ['action-overdue:owner']],
    [14, ['action-overdue:owner', 'action-escalation:leader']],
    [400, ['action-overdue:owner', 'action-escalation:leader']],
  ])('%i days after the due date: %j', (offset, expected) => {
    const due = reminderStagesDue(subject, addDays(dueOn, offset));
    expect(due.map((reminder) => `${reminder.stage}:${reminder.recipientId}`)).toEqual(expected);
    for (const reminder of due) expect(reminder.key).toBe(`action:ca1:${dueOn}:${reminder.stage}`);
  });

  it('reminds of open and planned actions only, with an owner and a due date', () => {
    const later = addDays(dueOn, 20);
    expect(reminderStagesDue({ ...subject, status: 'open' }, later)).toHaveLength(2);
    expect(reminderStagesDue({ ...subject, status: 'implemented' }, later)).toEqual([]);
    expect(reminderStagesDue({ ...subject, status: 'closed' }, later)).toEqual([]);
    expect(reminderStagesDue({ ...subject, ownerId: null }, later)).toEqual([]);
    expect(reminderStagesDue({ ...subject, dueOn: null }, later)).toEqual([]);
  });

  it('escalates to nobody when the owner leads themselves or has no leader', () => {
    const later = addDays(dueOn, 20);
    const stages = (change: Partial<ActionSubject>) =>
      reminderStagesDue({ ...subject, ...change }, later).map((reminder) => reminder.stage);
    expect(stages({ ownerLeaderId: 'owner' })).toEqual(['action-overdue']);
    expect(stages({ ownerLeaderId: null })).toEqual(['action-overdue']);
  });

  it('a new due date starts a fresh ladder', () => {
    const moved = addDays(dueOn, 30);
    const [reminder] = reminderStagesDue({ ...subject, dueOn: moved }, addDays(moved, -3));
    expect(reminder?.key).toBe(`action:ca1:${moved}:action-due-7`);
  });

  it('knows the stages for the ledger and orders them by urgency', () => {
    expect(reminderStages).toEqual(expect.arrayContaining(['action-due-7', 'action-escalation']));
    expect(stageUrgency['action-escalation']).toBeLessThan(stageUrgency['action-overdue']);
    expect(stageUrgency['action-overdue']).toBeLessThan(stageUrgency['action-due-0']);
    expect(stageUrgency['action-due-0']).toBeLessThan(stageUrgency['action-due-7']);
  });
});
