import { intlTags, type Locale } from '../../../../functions/src/core/locale';
import type { SurveyBodyInput, SurveyDto, SurveyLinksInput, SurveyResultsDto } from '../../api/survey-api';

/** Rounds newest first (the survey keeps them oldest first). */
export function roundsNewestFirst(survey: Pick<SurveyDto, 'rounds'>): SurveyDto['rounds'] {
  return [...survey.rounds].sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : 0));
}

/** A share (0–1) as a whole percent, e.g. 0.923 → "92 %"; null → null. */
export function percentText(share: number | null, locale: Locale): string | null {
  if (share === null) return null;
  return new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** A change in fraction points as signed percentage points, e.g. 0.05 → "+5". */
export function pointsText(change: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 0, signDisplay: 'exceptZero' }).format(
    change * 100,
  );
}

/** The number `pointsText` shows, without its sign: what its plural agrees with. */
export function pointsCount(change: number): number {
  return Math.abs(Math.round(change * 100));
}

export function meanText(mean: number | null, locale: Locale): string | null {
  if (mean === null) return null;
  return new Intl.NumberFormat(intlTags[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(mean);
}

/** The chart's figures: per scale question, the share satisfied of all respondents in each round. */
export type ChartRow = { questionId: string; label: string; values: { roundId: string; share: number | null }[] };

export function chartRows(
  survey: Pick<SurveyDto, 'questions' | 'rounds'>,
  results: readonly Pick<SurveyResultsDto, 'roundId' | 'scopes'>[],
  locale: Locale,
): ChartRow[] {
  const rounds = [...survey.rounds].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return survey.questions.flatMap((question) => {
    if (question.kind !== 'scale') return [];
    return [
      {
        questionId: question.id,
        label: question.wording[locale],
        values: rounds.map((round) => {
          const all = results
            .find((result) => result.roundId === round.id)
            ?.scopes.find((scope) => scope.caseType === null && scope.unitId === null);
          const share = all?.questions.find((each) => each.questionId === question.id)?.shareSatisfied ?? null;
          return { roundId: round.id, share };
        }),
      },
    ];
  });
}

export type CaseLinesResult =
  { kind: 'ok'; cases: SurveyLinksInput['cases'] } | { kind: 'bad-lines'; lines: number[] } | { kind: 'empty' };

/**
 * The decided cases typed or pasted for links: one a line, "Sagsnummer;Sagstype;Enhed" (a tab
 * or comma also separates, as pasted from a spreadsheet). Blank lines are skipped.
 */
export function parseCaseLines(text: string, units: readonly { id: string; name: string }[]): CaseLinesResult {
  const cases: SurveyLinksInput['cases'] = [];
  const bad: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if (raw.trim() === '') return;
    const fields = raw.split(/[;\t]/).length === 3 ? raw.split(/[;\t]/) : raw.split(',');
    const [caseId, caseType, unit] = fields.map((field) => field.trim());
    const unitId = units.find((each) => each.id === unit || each.name.toLowerCase() === unit?.toLowerCase())?.id;
    if (fields.length !== 3 || !caseId || !caseType || !unitId) bad.push(index + 1);
    else cases.push({ caseId, caseType, unitId });
  });
  if (bad.length > 0) return { kind: 'bad-lines', lines: bad };
  return cases.length === 0 ? { kind: 'empty' } : { kind: 'ok', cases };
}

const blank = { da: '', nb: '', en: '' };

/** A new survey's starting point: one 1–5 headline question, the top two satisfied, one round this year. */
export function newSurveyBody(year: number): SurveyBodyInput {
  return {
    title: { ...blank },
    intro: { ...blank },
    questions: [newScaleQuestion('samlet')],
    headlineQuestionId: 'samlet',
    caseTypes: [],
    rounds: [{ id: String(year), label: String(year), from: `${year}-01-01`, to: `${year}-12-31` }],
    linkValidDays: 60,
  };
}

export function newScaleQuestion(id: string): SurveyBodyInput['questions'][number] {
  return {
    id,
    kind: 'scale',
    wording: { ...blank },
    scaleMax: 5,
    lowLabel: { da: 'Meget utilfreds', nb: 'Svært misfornøyd', en: 'Very dissatisfied' },
    highLabel: { da: 'Meget tilfreds', nb: 'Svært fornøyd', en: 'Very satisfied' },
    satisfiedValues: [4, 5],
    isRequired: true,
  };
}

/** The editable part of a stored survey. */
export function bodyOf(survey: SurveyDto): SurveyBodyInput {
  const { title, intro, questions, headlineQuestionId, caseTypes, rounds, linkValidDays } = survey;
  return { title, intro, questions, headlineQuestionId, caseTypes, rounds, linkValidDays };
}

/** An id for a new question or round that the survey does not use yet. */
export function unusedId(prefix: string, used: readonly string[]): string {
  for (let number = used.length + 1; ; number += 1) {
    const id = `${prefix}-${number}`;
    if (!used.includes(id)) return id;
  }
}
