import { describe, expect, it } from 'vitest';
import { correctedChecklist, ensureChecklistLineFree, isFindingCounted, withdrawnFinding } from './audit-correction.js';
import { AppError } from './errors.js';
import type { LocalDate } from './local-date.js';
import type { ChecklistLine, Finding } from './quality-year-types.js';

const d = (text: string) => text as LocalDate;

const lines: ChecklistLine[] = [
  { id: 'l1', clause: '7.5.3', procedureId: null, question: 'Styres dokumenterne?', result: 'minor', note: 'Set' },
  { id: 'l2', clause: '8.5.1', procedureId: null, question: 'Følges proceduren?', result: 'conform', note: '' },
];

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: 'f1',
    auditId: 'a1',
    grade: 'minor',
    clause: '7.5.3',
    procedureId: null,
    unitId: null,
    description: 'Skabelonerne er ikke styret',
    foundOn: d('2026-03-01'),
    foundBy: 'anne',
    correctiveActionId: null,
    checklistLineId: 'l1',
    withdrawal: null,
    etag: 1,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
    updatedBy: 'anne',
    ...overrides,
  };
}

const withdrawal = { withdrawnOn: d('2026-04-02'), withdrawnBy: 'mette', reason: ' Forkert enhed ', revisionId: 'r1' };

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('correcting a reported audit’s report', () => {
  it('corrects the results and notes of the named lines only, and never adds or removes a line', () => {
    const corrected = correctedChecklist(lines, [
      { lineId: 'l1', result: 'observation' },
      { lineId: 'l1', note: 'Ret' },
    ]);
    expect(corrected).toEqual([{ ...lines[0], result: 'observation', note: 'Ret' }, lines[1]]);
    expect(lines[0]!.result).toBe('minor');
    expect(errorOf(() => correctedChecklist(lines, [{ lineId: 'nope', result: 'conform' }]))).toMatchObject({
      code: 'NOT_FOUND',
      details: { field: 'checklist.0.lineId' },
    });
  });

  it('withdraws a finding with its trimmed reason, once, and never without a reason', () => {
    const withdrawn = withdrawnFinding(finding(), withdrawal);
    expect(withdrawn.withdrawal).toEqual({ ...withdrawal, reason: 'Forkert enhed' });
    expect(withdrawn.description).toBe('Skabelonerne er ikke styret');
    expect(errorOf(() => withdrawnFinding(withdrawn, withdrawal)).code).toBe('INVALID_STATE');
    expect(errorOf(() => withdrawnFinding(finding(), { ...withdrawal, reason: '  ' })).code).toBe('VALIDATION');
  });

  it.each([
    ['a finding never withdrawn', null, undefined, true],
    ['a withdrawn finding', withdrawal, undefined, false],
    ['a withdrawn finding, counted as of the day before it was withdrawn', withdrawal, d('2026-04-01'), true],
    ['a withdrawn finding, counted as of the day it was withdrawn', withdrawal, d('2026-04-02'), false],
  ])('counts %s: %s', (_name, withdrawn, day, expected) => {
    expect(isFindingCounted(finding({ withdrawal: withdrawn }), day)).toBe(expected);
  });

  it('refuses a second finding from the same checklist line with DUPLICATE; a withdrawn one frees the line', () => {
    expect(errorOf(() => ensureChecklistLineFree([finding()], 'l1'))).toMatchObject({
      code: 'DUPLICATE',
      details: { reason: 'checklist-finding', lineId: 'l1', findingId: 'f1' },
    });
    expect(() => ensureChecklistLineFree([finding()], 'l2')).not.toThrow();
    expect(() => ensureChecklistLineFree([finding()], null)).not.toThrow();
    expect(() => ensureChecklistLineFree([finding({ withdrawal })], 'l1')).not.toThrow();
  });
});
