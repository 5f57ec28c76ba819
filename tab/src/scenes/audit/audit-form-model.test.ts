import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { messageForIssue } from '../../shared/form/form-message';
import { ApiRequestError } from '../../api/api-error';
import { danish } from '../../i18n/danish-texts';
import {
  bodyChoice,
  bodyName,
  fieldProblems,
  otherBody,
  parseClauses,
  clauseListFromText,
  suggestedExpiry,
} from './audit-form-model';

const asIs = (date: string) => date;

describe('the certificate form', () => {
  it('offers the known bodies and keeps any other as "Andet" with its name', () => {
    expect(bodyChoice('FORCE Certification')).toEqual({ choice: 'FORCE Certification', other: '' });
    expect(bodyChoice('Kiwa Danmark')).toEqual({ choice: otherBody, other: 'Kiwa Danmark' });
    expect(bodyChoice('')).toEqual({ choice: 'DS Certificering', other: '' });
    expect(bodyName(otherBody, '  Kiwa Danmark ')).toBe('Kiwa Danmark');
    expect(bodyName('DNV', 'ignored')).toBe('DNV');
  });

  it('suggests the expiry from the issue date and the cycle with the core rule', () => {
    expect(suggestedExpiry('2026-03-01', 4)).toBe('2030-02-28');
    expect(suggestedExpiry('2024-02-29', 3)).toBe('2027-02-28');
    expect(suggestedExpiry('2025-06-15', 3)).toBe('2028-06-14');
    expect(suggestedExpiry('2026-02-3', 3)).toBeUndefined();
    expect(suggestedExpiry('', 4)).toBeUndefined();
  });

  it('puts the server’s date problems next to the fields, in words', () => {
    const error = new ApiRequestError({
      status: 400,
      code: 'VALIDATION',
      message: 'The certificate’s dates do not fit: expiry-inconsistent-with-cycle.',
      details: {
        field: 'expiresOn',
        problems: [
          {
            code: 'expiry-inconsistent-with-cycle',
            expectedExpiresOn: '2030-02-28',
            differenceDays: -365,
            toleranceDays: 92,
          },
        ],
      },
    });
    expect(fieldProblems(error, danish, asIs)).toEqual({
      expiresOn: ['Udløbsdatoen passer ikke med cyklussen: forventet omkring 2030-02-28 (højst 92 dages afvigelse).'],
    });
  });

  it('maps contract issues and single-field errors to their fields, and nothing for other codes', () => {
    const contract = new ApiRequestError({
      status: 400,
      code: 'VALIDATION',
      message: 'Invalid body',
      details: { in: 'body', issues: [{ path: 'clauses.1', message: 'An ISO 9001 clause such as 7.5.3' }] },
    });
    expect(fieldProblems(contract, danish, asIs)).toEqual({ clauses: ['Værdien er ikke gyldig.'] });
    const unit = new ApiRequestError({
      status: 400,
      code: 'VALIDATION',
      message: 'No unit with id x.',
      details: { field: 'unitId', unitId: 'x' },
    });
    expect(fieldProblems(unit, danish, asIs)).toEqual({ unitId: ['Værdien er ikke gyldig.'] });
    const conflict = new ApiRequestError({ status: 409, code: 'CONFLICT', message: 'stale', details: { field: 'x' } });
    expect(fieldProblems(conflict, danish, asIs)).toEqual({});
  });
});

describe('clause lists', () => {
  it('reads comma-separated clauses like the API and names what is not a clause', () => {
    expect(parseClauses(' 7.5, 8.5.1 ,, 7.5 ')).toEqual({ clauses: ['7.5', '8.5.1'], invalid: [] });
    expect(parseClauses('7.5; 9.2.1.1.1, ISO 9001, 123')).toEqual({
      clauses: ['7.5'],
      invalid: ['9.2.1.1.1', 'ISO 9001', '123'],
    });
    expect(parseClauses('')).toEqual({ clauses: [], invalid: [] });
  });

  it('gives the contract the clause list, or names what is not a clause in the user’s words', () => {
    const clauses = clauseListFromText(z.array(z.string()).max(30));
    expect(clauses.parse('7.5, 8.5.1')).toEqual(['7.5', '8.5.1']);
    const result = clauses.safeParse('7.5, ISO 9001', { reportInput: true });
    expect(result.success).toBe(false);
    expect(messageForIssue(result.error!.issues[0]!)).toEqual({
      key: 'audit.form.invalidClauses',
      values: { clauses: 'ISO 9001' },
    });
  });
});
