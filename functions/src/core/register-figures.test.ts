import { describe, expect, it } from 'vitest';
import { asLocalDate, type LocalDate } from './local-date.js';
import { registerFigures, statisticsRowAsOf } from './register-figures.js';
import { danishReplyDeadlines } from './register-rules.js';
import { registerItemOf, trailStep as step } from './test-support/register-item-fixture.js';

const d = (value: string): LocalDate => asLocalDate(value);
const settings = { replyDeadlines: danishReplyDeadlines, holidayCalendar: 'dk' as const };
const timeZone = 'Europe/Copenhagen';

/** Answered on 2026-03-20 (late: due 2026-03-16), closed on 2026-03-22 (Copenhagen). */
const answeredLate = registerItemOf({
  status: 'closed',
  replyDueOn: null,
  reply: { text: 'Svar', sentAt: '2026-03-20T10:00:00.000Z', sentBy: 'p-anne', deliveredBy: 'email', isLate: true },
  closedOn: d('2026-03-22'),
  trail: [
    step('2026-03-02T09:00:00.000Z', 'registered', 'registered'),
    step('2026-03-05T09:00:00.000Z', 'in-handling'),
    step('2026-03-20T10:00:00.000Z', 'in-handling', 'reply'),
    // 23:30Z on the 21st is already the 22nd in Copenhagen.
    step('2026-03-21T23:30:00.000Z', 'closed'),
  ],
});

describe('statisticsRowAsOf: an item as it stood at the end of a day', () => {
  it('leaves out an item received later', () => {
    expect(statisticsRowAsOf(answeredLate, d('2026-03-01'), timeZone, settings)).toBeNull();
  });

  it.each([
    ['2026-03-04', 'registered', d('2026-03-16'), null],
    ['2026-03-19', 'in-handling', d('2026-03-16'), null],
    ['2026-03-20', 'in-handling', null, true],
    ['2026-03-21', 'in-handling', null, true],
    ['2026-03-22', 'closed', null, true],
  ] as const)('on %s: status %s, deadline %s, late %s', (asOf, status, replyDueOn, isReplyLate) => {
    expect(statisticsRowAsOf(answeredLate, d(asOf), timeZone, settings)).toMatchObject({
      status,
      replyDueOn,
      isReplyLate,
      isAnswerable: true,
    });
  });

  it('takes the deadline of the interim reply sent by then, the first deadline before it', () => {
    const item = registerItemOf({
      replyDueOn: d('2026-04-15'),
      interimReplies: [
        {
          text: 'Vi venter på en udtalelse',
          waitingFor: 'Udtalelse',
          expectedOn: d('2026-04-15'),
          sentAt: '2026-03-12T09:00:00.000Z',
          sentBy: 'p-anne',
          deliveredBy: 'email',
        },
      ],
    });
    expect(statisticsRowAsOf(item, d('2026-03-11'), timeZone, settings)?.replyDueOn).toBe('2026-03-16');
    expect(statisticsRowAsOf(item, d('2026-03-12'), timeZone, settings)?.replyDueOn).toBe('2026-04-15');
  });

  it('counts an anonymous item as not answerable, without a deadline', () => {
    const row = statisticsRowAsOf(
      registerItemOf({ contact: null, replyDueOn: null }),
      d('2026-03-30'),
      timeZone,
      settings,
    );
    expect(row).toMatchObject({ isAnswerable: false, replyDueOn: null, isReplyLate: null });
  });
});

describe('registerFigures', () => {
  const labels = { da: 'Instruks', nb: 'Instruks', en: 'Instruction' };
  const items = [
    answeredLate,
    registerItemOf({ id: 'r2', kind: 'deviation', rootCauseCategoryId: 'rc-a', receivedOn: d('2026-03-10') }),
    registerItemOf({ id: 'r3', kind: 'deviation', rootCauseCategoryId: 'rc-a', receivedOn: d('2026-03-10') }),
    registerItemOf({ id: 'r4', kind: 'suggestion', rootCauseCategoryId: 'rc-b', receivedOn: d('2026-03-11') }),
    ...['rc-c', 'rc-d', 'rc-e', 'rc-f'].map((cause, index) =>
      registerItemOf({ id: `c${index}`, kind: 'praise', rootCauseCategoryId: cause, contact: null, replyDueOn: null }),
    ),
  ];
  const period = { from: d('2025-04-01'), to: d('2026-03-31') };
  const rows = items.flatMap((item) => statisticsRowAsOf(item, period.to, timeZone, settings) ?? []);
  const figures = registerFigures(rows, period, (key) => ({ ...labels, da: key }));

  it('counts per kind, and the Pareto’s first five root causes with their shares', () => {
    expect(figures.total).toBe(8);
    expect(figures.byKind).toEqual({ praise: 4, complaint: 1, suggestion: 1, deviation: 2 });
    expect(figures.withRootCause).toBe(7);
    expect(figures.topRootCauses).toHaveLength(5);
    expect(figures.topRootCauses[0]).toEqual({
      key: 'rc-a',
      label: { ...labels, da: 'rc-a' },
      count: 2,
      share: 2 / 7,
      cumulativeShare: 2 / 7,
    });
  });

  it('judges replies in time over the answered and the overdue, and ages the open items', () => {
    // r1 answered late; r2–r4 unanswered past 2026-03-16; the praise is anonymous.
    expect(figures.replyCompliance).toEqual({
      answerable: 4,
      answeredInTime: 0,
      answeredLate: 1,
      overdueUnanswered: 3,
      share: 0,
    });
    expect(figures.open).toBe(7);
    expect(figures.openByAge.find((entry) => entry.bucket === '8-30')?.count).toBe(7);
  });
});
