import { AppError } from '../core/errors.js';
import type { IssuedLinks } from '../core/survey-results.js';
import type { Survey, SurveyAnswer, SurveyLink } from '../core/survey-types.js';
import type { TrailEntry } from '../core/types.js';

/**
 * Satisfaction surveys: the questionnaires, the personal links (token hashes) and the anonymous
 * answers. A port of its own beside `Store` and `QualityStore`. Every write is whole or nothing.
 */

/** What answering through a link did: an expired and an unknown (forged) token read the same. */
export type LinkAnswerOutcome = 'accepted' | 'already-answered' | 'invalid';

export type SurveyStore = {
  /** By Danish title, then id. */
  listSurveys(): Promise<Survey[]>;
  getSurvey(id: string): Promise<Survey | undefined>;
  /**
   * Writes the survey and its trail entry; CONFLICT (details: etag, updatedBy, updatedAt) unless
   * the stored etag is `expectedEtag` (0: must not exist yet).
   */
  saveSurvey(survey: Survey, expectedEtag: number, trail: Omit<TrailEntry, 'seq'>): Promise<void>;
  /** The case ids that already have a link in the round. */
  linkedCaseIds(surveyId: string, roundId: string): Promise<string[]>;
  /** Stores new links (and the trail entry) in one transaction. */
  insertLinks(links: readonly SurveyLink[], trail: Omit<TrailEntry, 'seq'>): Promise<void>;
  /**
   * In one transaction: marks the link answered and stores the answer, if the link exists, has
   * not expired at `now` and was not answered before. Two submissions at once: one is accepted.
   */
  answerThroughLink(tokenHash: string, now: string, answer: SurveyAnswer): Promise<LinkAnswerOutcome>;
  /** The link by its token's hash, if it exists and has not expired at `now`. */
  findOpenLink(tokenHash: string, now: string): Promise<SurveyLink | undefined>;
  /** Stores imported answers (and the trail entry) in one transaction. */
  importAnswers(answers: readonly SurveyAnswer[], trail: Omit<TrailEntry, 'seq'>): Promise<void>;
  listAnswers(surveyId: string): Promise<SurveyAnswer[]>;
  /** Links issued per round, case type and unit. */
  issuedLinks(surveyId: string): Promise<IssuedLinks[]>;
};

/** CONFLICT for a survey saved from a stale read, with who wrote it last (both adapters). */
export function staleSurveyError(
  id: string,
  stored: { etag: number; updatedBy: string; updatedAt: string } | undefined,
): AppError {
  return new AppError('CONFLICT', `The survey ${id} changed after you read it. Reload and try again.`, {
    reason: 'stale',
    collection: 'surveys',
    id,
    etag: stored?.etag ?? 0,
    updatedBy: stored?.updatedBy ?? null,
    updatedAt: stored?.updatedAt ?? null,
  });
}
