import { createHash, randomBytes } from 'node:crypto';

/**
 * A personal survey link's token: 256 random bits from the operating system's CSPRNG, written as
 * 43 base64url characters. Only its SHA-256 is stored: a token has far too much entropy to be
 * guessed from its hash, so a plain (unsalted, fast) hash is enough, and a leaked database holds
 * no usable links.
 */
export function newSurveyToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a string can be a token at all (checked before any hashing or lookup). */
export function isSurveyTokenShape(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

export function hashSurveyToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** The answer page of a token: `{publicUrl}/survey/{token}`. */
export function surveyLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/survey/${token}`;
}
