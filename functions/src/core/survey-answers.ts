import { maxTextAnswerLength, type Survey, type SurveyQuestion } from './survey-types.js';

/**
 * Checks one respondent's raw answers (the answer page's form fields, or a row of an imported
 * file) against the survey's questions: a scale answer is a whole number on its scale, a text
 * answer at most `maxTextAnswerLength` characters without control characters, and a required
 * question is answered. Fields that name no question are ignored; empty fields are unanswered.
 */

export type AnswerErrorCode = 'required' | 'out-of-scale' | 'too-long' | 'control-characters';
export type AnswerError = { questionId: string; code: AnswerErrorCode };

export type CheckedAnswer =
  { ok: true; values: Record<string, number | string> } | { ok: false; errors: AnswerError[] };

// Tab and newline are what a person types into a text box; other control characters are not.
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export function checkSurveyAnswer(
  survey: Pick<Survey, 'questions'>,
  raw: Readonly<Record<string, string | undefined>>,
): CheckedAnswer {
  const values: Record<string, number | string> = {};
  const errors: AnswerError[] = [];
  for (const question of survey.questions) {
    const text = (raw[question.id] ?? '').replace(/\r\n?/g, '\n').trim();
    if (text === '') {
      if (question.isRequired) errors.push({ questionId: question.id, code: 'required' });
      continue;
    }
    const checked = checkValue(question, text);
    if (checked.ok) values[question.id] = checked.value;
    else errors.push({ questionId: question.id, code: checked.code });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, values };
}

function checkValue(
  question: SurveyQuestion,
  text: string,
): { ok: true; value: number | string } | { ok: false; code: AnswerErrorCode } {
  if (question.kind === 'scale') {
    const value = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    return value >= 1 && value <= question.scaleMax ? { ok: true, value } : { ok: false, code: 'out-of-scale' };
  }
  if ([...text].length > maxTextAnswerLength) return { ok: false, code: 'too-long' };
  if (controlCharacters.test(text)) return { ok: false, code: 'control-characters' };
  return { ok: true, value: text };
}
