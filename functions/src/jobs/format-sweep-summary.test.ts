import { describe, expect, it } from 'vitest';
import { asLocalDate } from '../core/local-date.js';
import { formatSweepSummary } from './format-sweep-summary.js';
import { reminderSummary } from './reminder-text.js';
import type { SweepResult } from './run-sweep.js';

function buildResult(overrides: Partial<SweepResult> = {}): SweepResult {
  return {
    runId: 'sweep-1',
    status: 'completed',
    today: asLocalDate('2026-03-16'),
    sent: [],
    skipped: 0,
    failed: [],
    durationMs: 12.4,
    timings: { collectMs: 1, planMs: 1, claimMs: 1, sendMs: 1 },
    ...overrides,
  };
}

const items = [
  { stage: 'review-overdue' as const, label: 'S-06', title: 'Dokumentstyring' },
  { stage: 'approval-waiting' as const, label: 'K-05', title: 'Tilsyn' },
  { stage: 'acknowledgement-outstanding' as const, label: 'K-12', title: 'Jordflytning' },
];

describe('formatSweepSummary', () => {
  it('says who got what', () => {
    const text = formatSweepSummary(
      buildResult({
        sent: [
          { recipientId: 'mette-kjaer', recipientName: 'Mette Kjær', messageId: 'm1', items },
          { recipientId: 'karen-holt', recipientName: 'Karen Holt', messageId: 'm2', items: items.slice(2) },
        ],
        skipped: 4,
      }),
    );
    expect(text).toBe(
      [
        'Påmindelser 2026-03-16: 2 beskeder (12 ms)',
        '  Mette Kjær: 3 påmindelser (S-06 gennemgang overskredet, K-05 venter på godkendelse, K-12 mangler kvittering)',
        '  Karen Holt: 1 påmindelse (K-12 mangler kvittering)',
        '4 allerede sendt tidligere.',
      ].join('\n'),
    );
  });

  it('says when there is nothing to send, in Danish or English', () => {
    expect(formatSweepSummary(buildResult())).toBe('Intet at sende (2026-03-16)');
    expect(formatSweepSummary(buildResult(), 'en')).toBe('Nothing to send (2026-03-16)');
  });

  it('lists failures and a lost or held lease', () => {
    const failed = formatSweepSummary(
      buildResult({
        status: 'lease-lost',
        failed: [{ recipientId: 'anne-birk', recipientName: 'Anne Birk', items: items.slice(0, 1), error: 'HTTP 403' }],
      }),
      'en',
    );
    expect(failed).toContain(
      'Not sent (tried again on the next run):\n  Anne Birk: 1 reminder (S-06 review overdue) – HTTP 403',
    );
    expect(failed).toContain('another run took over');
    expect(formatSweepSummary(buildResult({ status: 'lease-held' }))).toMatch(/En anden kørsel/);
  });
});

describe('reminderSummary', () => {
  it('lists a few and counts the rest', () => {
    expect(reminderSummary(items, 'en', 2)).toBe(
      '3 reminders: S-06 review overdue, K-05 awaiting approval, and 1 more',
    );
    expect(reminderSummary(items.slice(0, 1), 'nb')).toBe('1 påminnelse: S-06 gjennomgang forfalt');
  });

  it('names the goals that turned red in the run, or why they were not measured', () => {
    expect(formatSweepSummary(buildResult({ goals: { measured: 3, turnedRed: ['goal-1', 'goal-2'] } }))).toBe(
      ['Intet at sende (2026-03-16)', 'Mål, der blev røde i dag: goal-1, goal-2'].join('\n'),
    );
    expect(formatSweepSummary(buildResult({ goals: { measured: 3, turnedRed: [] } }))).toBe(
      'Intet at sende (2026-03-16)',
    );
    expect(formatSweepSummary(buildResult({ goals: { error: 'HTTP 503' } }), 'nb')).toBe(
      ['Ingenting å sende (2026-03-16)', 'Målene ble ikke målt: HTTP 503'].join('\n'),
    );
  });
});
