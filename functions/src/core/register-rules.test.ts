import { describe, expect, it } from 'vitest';
import type { LocalDate } from './local-date.js';
import {
  allowedStatuses,
  canBeAnswered,
  contactRemovalDueOn,
  defaultRiskBands,
  defaultRoutingRules,
  isContactDueForRemoval,
  replyDueOn,
  replyReminderStage,
  riskBandOf,
  riskScore,
  routeItem,
  statusAfterActions,
  statusChangeRefusal,
  statusWhenActionsDone,
} from './register-rules.js';
import type { RegisterScope, RegisterStatus, Severity } from './register-types.js';
import type { Person, Unit } from './types.js';
import { leaderDirectory } from './unit-leaders.js';

const day = (value: string) => value as LocalDate;

const units: Unit[] = [
  { id: 'kommune', name: 'Kommunen', parentId: null },
  { id: 'social', name: 'Social', parentId: 'kommune' },
  { id: 'team-a', name: 'Team A', parentId: 'social' },
  { id: 'team-b', name: 'Team B', parentId: 'social' },
  { id: 'teknik', name: 'Teknik', parentId: 'kommune' },
];
const leader = (id: string, unitId: string): Person => ({
  id,
  name: id,
  email: `${id}@k.dk`,
  title: '',
  unitId,
  roles: ['leader'],
  leaderId: null,
  aadObjectId: null,
});
const directory = leaderDirectory(
  [
    leader('director', 'kommune'),
    leader('social-chief', 'social'),
    leader('a-lead', 'team-a'),
    leader('tek', 'teknik'),
  ],
  units,
);

describe('riskScore and riskBandOf', () => {
  it.each([
    [1, 1, 1, 'green'],
    [2, 2, 4, 'green'],
    [1, 5, 5, 'yellow'],
    [3, 4, 12, 'yellow'],
    [4, 4, 16, 'red'],
    [5, 5, 25, 'red'],
  ] as const)('%i × %i = %i (%s with the default bands)', (severity, likelihood, score, band) => {
    expect(riskScore(severity, likelihood)).toBe(score);
    expect(riskBandOf(score, defaultRiskBands)).toBe(band);
  });
  it('is unknown until both are assessed', () => {
    expect(riskScore(3, null)).toBeNull();
    expect(riskBandOf(null, defaultRiskBands)).toBeNull();
  });
  it('follows the bands the municipality sets', () => {
    expect(riskBandOf(6, { greenMax: 6, yellowMax: 15 })).toBe('green');
    expect(riskBandOf(16, { greenMax: 6, yellowMax: 15 })).toBe('red');
  });
});

describe('routeItem with the default table', () => {
  it.each([
    ['unit', 2, ['team-a'], 'team-a', 'a-lead', 'a minor item: its unit’s leader'],
    ['unit', 4, ['team-a'], 'social', 'social-chief', 'a serious item: one level up'],
    ['unit', 5, ['team-a'], 'kommune', 'director', 'a critical item: the top'],
    ['unit', null, ['team-b'], 'team-b', 'social-chief', 'unassessed, unit without leader: the nearest above'],
    ['several-units', 2, ['team-a', 'team-b'], 'social', 'social-chief', 'across teams: their common unit'],
    ['several-units', 1, ['team-a', 'teknik'], 'kommune', 'director', 'across departments: the top'],
    ['several-units', 4, ['team-a', 'team-b'], 'kommune', 'director', 'serious and across units: the top'],
    ['administration', 1, ['team-a'], 'kommune', 'director', 'the whole administration: the top'],
  ] as const)('%s, severity %s, %j → %s (%s): %s', (scope, severity, unitIds, unit, handler, _why) => {
    expect(
      routeItem(
        { scope: scope as RegisterScope, severity: severity as Severity | null, unitIds: [...unitIds] },
        defaultRoutingRules,
        directory,
      ),
    ).toEqual({ handlerUnitId: unit, handlerId: handler });
  });
  it('goes to the coordinator without a known unit', () => {
    expect(routeItem({ scope: 'unit', severity: 3, unitIds: [] }, defaultRoutingRules, directory)).toEqual({
      handlerUnitId: null,
      handlerId: null,
    });
    expect(routeItem({ scope: 'unit', severity: 3, unitIds: ['gone'] }, defaultRoutingRules, directory)).toEqual({
      handlerUnitId: null,
      handlerId: null,
    });
  });
  it('follows a local table: everything two levels up', () => {
    const rules = [{ scope: 'unit' as const, fromSeverity: 1 as const, level: 2 }];
    expect(routeItem({ scope: 'unit', severity: 1, unitIds: ['team-a'] }, rules, directory).handlerId).toBe('director');
  });
  it('stops at the top when the table asks for more levels than there are', () => {
    const rules = [{ scope: 'unit' as const, fromSeverity: 1 as const, level: 9 }];
    expect(routeItem({ scope: 'unit', severity: 1, unitIds: ['team-a'] }, rules, directory).handlerUnitId).toBe(
      'kommune',
    );
  });
});

describe('replyDueOn', () => {
  it.each([
    ['2025-03-05', { unit: 'working-days', count: 10 }, 'dk', '2025-03-19', 'Danish default: 10 working days'],
    ['2025-04-16', { unit: 'working-days', count: 10 }, 'dk', '2025-05-05', 'Easter holidays counted out'],
    ['2025-03-15', { unit: 'months', count: 1 }, 'no', '2025-04-15', 'Norway: one month (fvl § 11 a)'],
    ['2025-01-31', { unit: 'months', count: 1 }, 'no', '2025-02-28', 'one month from 31 January'],
  ] as const)('%s + %j (%s) = %s: %s', (from, rule, calendar, expected, _why) => {
    expect(replyDueOn(day(from), rule, calendar)).toBe(expected);
  });
});

describe('canBeAnswered', () => {
  it.each([
    [{ contact: null, reportedBy: null }, false, 'anonymous'],
    [{ contact: { name: 'A', email: null, phone: '12345678' }, reportedBy: null }, false, 'a phone number only'],
    [{ contact: { name: null, email: 'a@b.dk', phone: null }, reportedBy: null }, true, 'an e-mail address'],
    [{ contact: null, reportedBy: 'karen' }, true, 'an employee'],
  ])('%j → %s (%s)', (item, expected, _why) => {
    expect(canBeAnswered(item)).toBe(expected);
  });
});

describe('status transitions', () => {
  const answered = {
    text: 'Tak',
    sentAt: '2025-01-01T10:00:00Z',
    sentBy: 'x',
    deliveredBy: 'email' as const,
    isLate: false,
  };
  const employee = { contact: null, reportedBy: 'karen' };
  const anonymous = { contact: null, reportedBy: null };
  const handler = { openActionCount: 0, isCoordinator: false };
  it.each([
    ['registered', 'in-handling', anonymous, null, handler, null],
    ['registered', 'awaiting-handling', anonymous, null, handler, 'not-allowed'],
    ['awaiting-handling', 'in-handling', anonymous, null, handler, null],
    ['in-handling', 'open', anonymous, null, handler, 'not-allowed'],
    ['in-handling', 'closed', anonymous, null, handler, null],
    ['in-handling', 'closed', employee, null, handler, 'needs-reply'],
    ['in-handling', 'closed', employee, answered, handler, null],
    ['open', 'closed', employee, answered, { openActionCount: 1, isCoordinator: false }, 'actions-open'],
    ['open', 'closed', employee, answered, handler, null],
    ['closed', 'in-handling', employee, answered, handler, 'coordinator-only'],
    ['closed', 'in-handling', employee, answered, { openActionCount: 0, isCoordinator: true }, null],
    ['closed', 'registered', employee, answered, { openActionCount: 0, isCoordinator: true }, 'not-allowed'],
  ] as const)('%s → %s: %s', (status, to, sender, reply, context, expected) => {
    const item = { status: status as RegisterStatus, reply, ...sender };
    expect(statusChangeRefusal(item, to, context)).toBe(expected);
  });
  it('lists only the steps allowed now', () => {
    expect(allowedStatuses({ status: 'in-handling', reply: null, ...employee }, handler)).toEqual([]);
    expect(allowedStatuses({ status: 'registered', reply: null, ...anonymous }, handler)).toEqual([
      'in-handling',
      'closed',
    ]);
  });
  it.each([
    ['in-handling', 1, 'open'],
    ['open', 0, 'in-handling'],
    ['open', 2, 'open'],
    ['closed', 1, 'closed'],
    ['registered', 0, 'registered'],
  ] as const)('after the actions change: %s with %i open → %s', (status, open, expected) => {
    expect(statusAfterActions(status, open)).toBe(expected);
  });
});

describe('when the last corrective action of an open item closes', () => {
  const reply = {
    text: 'Svar',
    sentAt: '2026-03-10T10:00:00Z',
    sentBy: 'anne',
    deliveredBy: 'email' as const,
    isLate: false,
  };
  const citizen = { contact: { name: 'B', email: 'b@example.dk', phone: null }, reportedBy: null };
  const employee = { contact: null, reportedBy: 'ole' };
  const anonymous = { contact: null, reportedBy: null };
  it.each([
    ['a citizen not yet answered', { status: 'open', reply: null, ...citizen }, 0, 'in-handling'],
    ['an employee not yet answered', { status: 'open', reply: null, ...employee }, 0, 'in-handling'],
    ['a citizen already answered', { status: 'open', reply, ...citizen }, 0, 'closed'],
    ['an anonymous sender (nobody to answer)', { status: 'open', reply: null, ...anonymous }, 0, 'closed'],
    ['an action still running', { status: 'open', reply, ...citizen }, 1, null],
    ['an item not open (handled by hand since)', { status: 'in-handling', reply: null, ...citizen }, 0, null],
    ['a closed item', { status: 'closed', reply, ...citizen }, 0, null],
  ] as const)('%s → %s', (_name, item, open, expected) => {
    expect(statusWhenActionsDone(item, open)).toBe(expected);
  });
  it('never closes an item the handler could not close by hand', () => {
    for (const item of [
      { status: 'open' as const, reply: null, ...citizen },
      { status: 'open' as const, reply, ...citizen },
      { status: 'open' as const, reply: null, ...anonymous },
    ]) {
      const closes = statusWhenActionsDone(item, 0) === 'closed';
      const handlerMay = statusChangeRefusal(item, 'closed', { openActionCount: 0, isCoordinator: false }) === null;
      expect(closes).toBe(handlerMay);
    }
  });
});

describe('retention of contact details', () => {
  const contact = { name: 'A', email: 'a@b.dk', phone: null };
  it('removes them the retention period after closing', () => {
    expect(contactRemovalDueOn(day('2020-03-10'), 5)).toBe('2025-03-10');
  });
  it.each([
    [{ contact, status: 'closed', closedOn: '2020-03-10' }, '2025-03-09', false, 'the day before'],
    [{ contact, status: 'closed', closedOn: '2020-03-10' }, '2025-03-10', true, 'on the day'],
    [{ contact, status: 'in-handling', closedOn: null }, '2040-01-01', false, 'never while open'],
    [{ contact: null, status: 'closed', closedOn: '2010-01-01' }, '2025-03-10', false, 'already removed'],
  ] as const)('%j on %s → %s (%s)', (item, today, expected, _why) => {
    expect(
      isContactDueForRemoval(
        { ...item, status: item.status as RegisterStatus, closedOn: item.closedOn as LocalDate | null },
        day(today),
        5,
      ),
    ).toBe(expected);
  });
});

describe('replyReminderStage', () => {
  const settings = { remindDaysBefore: 2, escalateDaysAfter: 3, holidayCalendar: 'dk' as const };
  it.each([
    ['2025-03-11', null, 'three working days before'],
    ['2025-03-12', 'due-soon', 'two working days before'],
    ['2025-03-14', 'due-soon', 'on the deadline'],
    ['2025-03-17', 'overdue', 'the working day after'],
    ['2025-03-18', 'overdue', 'two working days after'],
    ['2025-03-19', 'escalate', 'three working days after'],
  ] as const)('deadline Friday 2025-03-14, today %s → %s (%s)', (today, expected, _why) => {
    expect(replyReminderStage(day('2025-03-14'), day(today), settings)).toBe(expected);
  });
  it('nothing without a deadline', () => {
    expect(replyReminderStage(null, day('2025-03-14'), settings)).toBeNull();
  });
});
