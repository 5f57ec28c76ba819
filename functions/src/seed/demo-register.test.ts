import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../core/local-date.js';
import { registerStatistics } from '../core/register-statistics.js';
import { registerStatuses } from '../core/register-types.js';
import { demoRegisterItems, demoRegisterSettings } from './demo-register.js';

describe('the demo register (constructed)', () => {
  const today = '2026-12-06' as LocalDate;
  const items = demoRegisterItems(today, demoRegisterSettings('2026-12-06T06:00:00.000Z'));

  it('has a year of items from all three doors, every status, some answered late', () => {
    expect(new Set(items.map((item) => item.channel))).toEqual(new Set(['public', 'tab', 'teams']));
    expect(new Set(items.map((item) => item.status))).toEqual(new Set(registerStatuses));
    expect(items.some((item) => item.reply?.isLate === true)).toBe(true);
    expect(items.some((item) => item.reply?.isLate === false)).toBe(true);
    expect(items.every((item) => item.receivedOn <= today && item.receivedOn >= '2025-12-01')).toBe(true);
    expect(new Set(items.map((item) => item.receiptNumber)).size).toBe(items.length);
    expect(items.every((item) => item.description.includes('Konstrueret demodata'))).toBe(true);
  });

  it('gives a telling Pareto: missing training first', () => {
    const rows = items.map((item) => ({
      kind: item.kind,
      channel: item.channel,
      status: item.status,
      categoryId: item.categoryId,
      rootCauseCategoryId: item.rootCauseCategoryId,
      unitId: item.unitIds[0] ?? null,
      receivedOn: item.receivedOn,
      isAnswerable: item.reportedBy !== null || item.contact?.email != null,
      replyDueOn: item.replyDueOn,
      isReplyLate: item.reply === null ? null : item.reply.isLate,
    }));
    const pareto = registerStatistics(rows, '2025-12-07' as LocalDate, today).pareto;
    expect(pareto[0]!.key).toBe('oplaering');
    expect(pareto[1]!.key).toBe('procedure');
  });
});
