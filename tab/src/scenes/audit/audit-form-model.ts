import type { ApiRequestError } from '../../api/api-error';
import { expiryFor } from '../../../../functions/src/core/certification-cycle';
import { isLocalDate } from '../../../../functions/src/core/local-date';
import { certificationBodies, clausePattern } from '../../../../functions/src/core/quality-year-types';
import type { MessageKey, MessageValues } from '../../i18n/messages';
import { z } from 'zod';
import { encodeFormMessage } from '../../shared/form/form-message';

/** Pure helpers of the coordinator's forms in the audit scene (certificate, programme item, audit). */

type Translate = (key: MessageKey, values?: MessageValues) => string;

export { certificationBodies };
/** The select's value for a body not in `certificationBodies` ("Andet"). */
export const otherBody = 'other';

/** The select's choice and the free text for a stored body name. */
export function bodyChoice(body: string): { choice: string; other: string } {
  return (certificationBodies as readonly string[]).includes(body)
    ? { choice: body, other: '' }
    : { choice: body === '' ? certificationBodies[0] : otherBody, other: body };
}

/** The body name to send: the chosen body, or the typed one for "Andet". */
export function bodyName(choice: string, other: string): string {
  return choice === otherBody ? other.trim() : choice;
}

/** The expiry that fits the cycle (core `expiryFor`), or undefined while the issue date is incomplete. */
export function suggestedExpiry(issuedOn: string, cycleYears: 3 | 4): string | undefined {
  return isLocalDate(issuedOn) ? expiryFor(issuedOn, cycleYears) : undefined;
}

/**
 * A comma-separated list of ISO 9001 clauses ("7.5, 8.5.1"), checked with the API's pattern.
 * Blanks are ignored and duplicates kept once; `invalid` lists what does not look like a clause.
 */
export function parseClauses(text: string): { clauses: string[]; invalid: string[] } {
  const parts = text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return {
    clauses: [...new Set(parts.filter((part) => clausePattern.test(part)))],
    invalid: parts.filter((part) => !clausePattern.test(part)),
  };
}

/**
 * The form's shape of a contract clause list: typed comma-separated, each part checked with the
 * API's pattern and named when it is not a clause ("Ikke et punkt i ISO 9001: 99"), then the
 * contract's own list rules.
 */
export function clauseListFromText<Contract extends z.ZodType<unknown, string[]>>(contract: Contract) {
  return z
    .string()
    .transform((text, context) => {
      const { clauses, invalid } = parseClauses(text);
      if (invalid.length > 0) {
        context.addIssue({
          code: 'custom',
          input: text,
          message: encodeFormMessage({ key: 'audit.form.invalidClauses', values: { clauses: invalid.join(', ') } }),
        });
        return z.NEVER;
      }
      return clauses;
    })
    .pipe(contract);
}

type CertificateProblem =
  | { code: 'invalid-date'; field: string }
  | { code: 'invalid-cycle-years' }
  | { code: 'expires-not-after-issued' }
  | { code: 'expiry-inconsistent-with-cycle'; expectedExpiresOn: string; toleranceDays: number };

/**
 * The server's VALIDATION problems by field, in the user's words: the certificate's date problems
 * (details.problems) by their codes, and the contract's issues (details.issues, whose path names
 * the field) and single-field errors as "not valid", never the server's English message.
 * Messages without a field are left to the dialog's alert.
 */
export function fieldProblems(
  error: ApiRequestError,
  t: Translate,
  formatDate: (date: string) => string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  if (error.code !== 'VALIDATION') return result;
  const add = (field: string, message: string) => {
    (result[field] ??= []).push(message);
  };
  const problems = error.details['problems'];
  if (Array.isArray(problems)) {
    for (const problem of problems as CertificateProblem[]) {
      switch (problem.code) {
        case 'invalid-date':
          add(problem.field, t('audit.form.invalidDate'));
          break;
        case 'invalid-cycle-years':
          add('cycleYears', t('audit.form.invalidCycle'));
          break;
        case 'expires-not-after-issued':
          add('expiresOn', t('audit.form.expiresNotAfterIssued'));
          break;
        case 'expiry-inconsistent-with-cycle':
          add(
            'expiresOn',
            t('audit.form.expiryInconsistent', {
              date: formatDate(problem.expectedExpiresOn),
              days: problem.toleranceDays,
            }),
          );
          break;
      }
    }
  }
  const issues = error.details['issues'];
  if (Array.isArray(issues)) {
    for (const issue of issues as { path?: unknown; message?: unknown }[]) {
      const field = typeof issue.path === 'string' ? issue.path.split('.')[0] : undefined;
      // The contract's reasons are English: the field is marked in the user's words instead.
      if (field) add(field, t('error.fieldInvalid'));
    }
  }
  const field = error.details['field'];
  if (typeof field === 'string' && !Array.isArray(problems) && !result[field]) add(field, t('error.fieldInvalid'));
  return result;
}

/** Field problems by field name, from the form's own checks or from the server (`fieldProblems`). */
export type Problems = Record<string, string[]>;

/**
 * Shows the server's field problems (`fieldProblems`) at the form's fields with the form's
 * `setError`; `rename` maps a body field to the control that holds it.
 */
export function showProblems(
  problems: Problems,
  setError: (field: string, error: { type: string; message: string }) => void,
  rename: Readonly<Record<string, string>> = {},
): void {
  for (const [field, messages] of Object.entries(problems)) {
    setError(rename[field] ?? field, { type: 'server', message: messages.join(' ') });
  }
}
