import { describe, expect, it } from 'vitest';
import { importLimits, importRowError, reportImportErrors } from './import-errors.js';

const errors = (count: number) =>
  Array.from({ length: count }, (_, index) => importRowError(index + 2, null, 'empty-required', {}));

describe('reportImportErrors', () => {
  it.each([
    { count: 0, listed: 0 },
    { count: 1, listed: 1 },
    { count: importLimits.maxListedErrors, listed: importLimits.maxListedErrors },
    { count: importLimits.maxListedErrors + 1, listed: importLimits.maxListedErrors },
    { count: 12_000, listed: importLimits.maxListedErrors },
  ])('$count errors: lists $listed and counts all', ({ count, listed }) => {
    const report = reportImportErrors(errors(count));
    expect(report.errors).toHaveLength(listed);
    expect(report.errorCount).toBe(count);
    expect(report.errors[0]?.line).toBe(count > 0 ? 2 : undefined);
  });
});
