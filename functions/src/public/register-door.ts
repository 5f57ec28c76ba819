import {
  publicSubmissionBody,
  type PublicRegisterOptionsDto,
  type PublicStatusDto,
  type PublicSubmissionBody,
} from '../contract/register-schemas.js';
import { isAppError } from '../core/errors.js';
import type { Locale } from '../core/locale.js';
import type { PublicRegisterDoor, PublicReportField, PublicReportOutcome } from './register-page.js';

/**
 * The public page's door into the register: the same use cases as the register's public routes
 * (`/api/public/register/...`), with their refusals turned into what the form shows. The body is
 * checked with the route's own schema first; the use case checks the proof of work, the
 * honeypot and the case area, and writes nothing when it refuses.
 */
export function publicRegisterDoor(register: {
  challengePath: string;
  options(locale: Locale): Promise<PublicRegisterOptionsDto>;
  submit(body: PublicSubmissionBody): Promise<{ statusToken: string; canBeAnswered: boolean }>;
  status(token: string, locale: Locale): Promise<PublicStatusDto | null>;
}): PublicRegisterDoor {
  return {
    challengePath: register.challengePath,
    options: (locale) => register.options(locale),
    status: (token, locale) => register.status(token, locale),
    async receive({ body }): Promise<PublicReportOutcome> {
      const parsed = publicSubmissionBody.safeParse(body);
      if (!parsed.success) {
        const fields = parsed.error.issues.map((issue) => formFieldOf(issue.path.map(String)));
        return { state: 'rejected', fields: [...new Set(fields)] };
      }
      try {
        const receipt = await register.submit(parsed.data);
        return { state: 'received', statusToken: receipt.statusToken, canBeAnswered: receipt.canBeAnswered };
      } catch (error) {
        if (!isAppError(error) || error.code !== 'VALIDATION') throw error;
        const field = typeof error.details?.['field'] === 'string' ? error.details['field'] : '';
        if (field === 'website') return { state: 'bot' };
        if (field === 'altcha') return { state: 'unverified' };
        return { state: 'rejected', fields: [formFieldOf(field.split('.'))] };
      }
    },
  };
}

/** The form's field for a path in the submission body (`contact.email` → `email`). */
function formFieldOf(path: readonly string[]): PublicReportField {
  const [first, second] = path;
  if (first === 'contact') return second === 'name' || second === 'phone' ? second : 'email';
  if (first === 'kind' || first === 'caseAreaId' || first === 'caseNumber' || first === 'description') return first;
  if (first === 'altcha') return 'proof';
  // The language and the honeypot are the page's own fields; anything else is the text's.
  return 'description';
}
