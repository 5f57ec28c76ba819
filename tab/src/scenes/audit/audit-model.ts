import type { ChecklistResult, FindingGrade, IndependenceWarningDto, PriorityReasonDto } from '../../api/audit-api';
import type { MessageKey, MessageValues } from '../../i18n/messages';

/** Pure helpers of the audit scene: the words for codes the API sends. */

type Translate = (key: MessageKey, values?: MessageValues) => string;

export const gradeOrder: readonly FindingGrade[] = ['major', 'minor', 'observation', 'improvement', 'strong-point'];
export const resultOrder: readonly ChecklistResult[] = [
  'not-checked',
  'conform',
  'strong-point',
  'improvement',
  'observation',
  'minor',
  'major',
];

export const gradeKey: Record<FindingGrade, MessageKey> = {
  major: 'audit.grade.major',
  minor: 'audit.grade.minor',
  observation: 'audit.grade.observation',
  improvement: 'audit.grade.improvement',
  'strong-point': 'audit.grade.strongPoint',
};

export const resultKey: Record<ChecklistResult, MessageKey> = {
  'not-checked': 'audit.result.notChecked',
  conform: 'audit.result.conform',
  'strong-point': 'audit.grade.strongPoint',
  improvement: 'audit.grade.improvement',
  observation: 'audit.grade.observation',
  minor: 'audit.grade.minor',
  major: 'audit.grade.major',
};

/** A programme weighting reason in words, e.g. "Vigtighed høj" or "1 større afvigelse siden 2025". */
export function reasonText(reason: PriorityReasonDto, t: Translate): string {
  switch (reason.code) {
    case 'importance':
      return t('audit.reason.importance', { level: t(importanceKey[reason.importance]) });
    case 'major-findings':
      return t('audit.reason.majors', { count: reason.count, year: reason.sinceYear });
    case 'minor-findings':
      return t('audit.reason.minors', { count: reason.count, year: reason.sinceYear });
    case 'observations':
      return t('audit.reason.observations', { count: reason.count, year: reason.sinceYear });
    case 'never-audited':
      return t('audit.reason.neverAudited');
    case 'last-audited':
      return t('audit.reason.lastAudited', { year: reason.year });
    case 'changed':
      return t('audit.reason.changed');
    case 'cycle-coverage':
      return t('audit.reason.cycleCoverage', { year: reason.cycleLastYear });
  }
}

export const importanceKey: Record<1 | 2 | 3, MessageKey> = {
  1: 'audit.importance.1',
  2: 'audit.importance.2',
  3: 'audit.importance.3',
};

export function warningText(warning: IndependenceWarningDto, t: Translate, personName: (id: string) => string): string {
  switch (warning.code) {
    case 'no-auditors':
      return t('audit.warning.noAuditors');
    case 'audits-own-unit':
      return t('audit.warning.ownUnit', { person: personName(warning.auditorId) });
    case 'unknown-auditor':
      return t('audit.warning.unknownAuditor', { person: warning.auditorId });
    case 'unknown-unit':
      return t('audit.warning.unknownUnit', { unit: warning.unitId });
  }
}

/** The current year in the browser's calendar. */
export function currentYear(now: Date = new Date()): number {
  return now.getFullYear();
}

/** The year from ?year=, when it is a plausible one. */
export function yearFromQuery(query: URLSearchParams, fallback: number): number {
  const value = Number(query.get('year'));
  return Number.isInteger(value) && value >= 2000 && value <= 2100 ? value : fallback;
}
