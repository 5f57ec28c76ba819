import type { Locale } from './locale.js';
import type { LocalDate } from './local-date.js';

/**
 * Satisfaction surveys about the case handling, not the decision (ISO 9001 9.1.2). A survey is a
 * questionnaire in Danish, Norwegian bokmål and English with one or more rounds (e.g. one a year);
 * each decided case can get a personal, anonymous link to it (`SurveyLink`), and each answer is
 * kept apart from the link (`SurveyAnswer`: case type, unit and round only, never the case).
 */

/** A survey's own text (title, questions, scale labels) in each of the product's languages. */
export type LocalizedText = Record<Locale, string>;

/** The scales a question may use: 1–5, 1–6 (bedrekommune.no, Karmøy) or 1–10 (Trelleborg). */
export const scaleMaxima = [5, 6, 10] as const;
export type ScaleMax = (typeof scaleMaxima)[number];

/** The longest free-text answer kept (characters). */
export const maxTextAnswerLength = 2000;

export type ScaleQuestion = {
  id: string;
  kind: 'scale';
  wording: LocalizedText;
  scaleMax: ScaleMax;
  /** What the lowest and highest value mean ("Meget utilfreds" … "Meget tilfreds"). */
  lowLabel: LocalizedText;
  highLabel: LocalizedText;
  /** The "satisfied" categories, e.g. [4, 5] on 1–5: the top two. */
  satisfiedValues: number[];
  isRequired: boolean;
};

export type TextQuestion = {
  id: string;
  kind: 'text';
  wording: LocalizedText;
  isRequired: boolean;
};

export type SurveyQuestion = ScaleQuestion | TextQuestion;

/** A round of the survey (e.g. 2025): links and answers belong to one. */
export type SurveyRound = { id: string; label: string; from: LocalDate; to: LocalDate };

type Versioned = { createdAt: string; updatedAt: string; updatedBy: string; etag: number };

export type Survey = Versioned & {
  id: string;
  title: LocalizedText;
  /** Shown above the questions: what the survey is about (the handling, not the decision). */
  intro: LocalizedText;
  questions: SurveyQuestion[];
  /** The scale question whose satisfied share is the headline ("den samlede proces"). */
  headlineQuestionId: string;
  /** The case types (servicemål categories) it covers. */
  caseTypes: string[];
  /** Oldest first; the previous round of a round is the one before it. */
  rounds: SurveyRound[];
  /** Days a link can be answered after it is issued. */
  linkValidDays: number;
};

/**
 * One personal link: only the SHA-256 of its token is kept (the token itself is handed out once,
 * in the CSV for the decision letters). The case id is kept to issue one link per case; the
 * answer given through it is not linked back (see SurveyAnswer).
 */
export type SurveyLink = {
  tokenHash: string;
  surveyId: string;
  roundId: string;
  caseId: string;
  caseType: string;
  unitId: string;
  issuedAt: string;
  expiresAt: string;
  isAnswered: boolean;
};

/** An answer, anonymous: survey, round, case type and unit, and the values per question id. */
export type SurveyAnswer = {
  id: string;
  surveyId: string;
  roundId: string;
  caseType: string;
  unitId: string;
  source: 'link' | 'import';
  values: Record<string, number | string>;
};
