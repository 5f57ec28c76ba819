import type { I18n } from '../../i18n/i18n-context';

/** The levels a requirement can name; 0 ("none") is never required. */
export const requiredLevels = [1, 2, 3, 4] as const;
export type RequiredLevel = (typeof requiredLevels)[number];

export function levelName(level: number, i18n: Pick<I18n, 't'>): string {
  const known = requiredLevels.find((candidate) => candidate === level);
  return known ? i18n.t(`procedureCompetences.level${known}`) : String(level);
}

/** "Mindst 2 personer på niveau Selvstændig eller derover". */
export function requirementSentence(
  requirement: { minPeople: number; minLevel: number },
  i18n: Pick<I18n, 't'>,
): string {
  const level = levelName(requirement.minLevel, i18n);
  return requirement.minPeople === 1
    ? i18n.t('procedureCompetences.requirementOne', { level })
    : i18n.t('procedureCompetences.requirementMany', { count: requirement.minPeople, level });
}
