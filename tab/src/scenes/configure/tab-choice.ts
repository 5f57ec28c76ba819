import type { AreaSummary, ProcessLevel } from '../../api/contract';
import type { TabInstance } from '../../teams/tab-configuration';
import { defaultFilters, parseHandbookQuery, processLevelOrder, toHandbookQuery } from '../handbook/handbook-query';

/** What a channel or group-chat tab shows: the whole handbook, one process level or one area. */
export type TabChoice =
  { kind: 'handbook' } | { kind: 'level'; level: ProcessLevel } | { kind: 'area'; level: ProcessLevel; area: string };

export const wholeHandbook: TabChoice = { kind: 'handbook' };

/**
 * The choices besides the whole handbook, in handbook order: each level, then its areas
 * (alphabetical as in Danish and Norwegian, Æ Ø Å last).
 */
export function tabChoices(areas: AreaSummary['areas']): { level: ProcessLevel; choices: TabChoice[] }[] {
  return processLevelOrder.flatMap((level) => {
    const names = [...new Set(areas.filter((a) => a.level === level).map((a) => a.area))].sort((a, b) =>
      a.localeCompare(b, 'da'),
    );
    if (names.length === 0) return [];
    const choices: TabChoice[] = [
      { kind: 'level', level },
      ...names.map((area) => ({ kind: 'area' as const, level, area })),
    ];
    return [{ level, choices }];
  });
}

/** A stable string for a choice (an option's value). */
export function choiceKey(choice: TabChoice): string {
  if (choice.kind === 'handbook') return 'handbook';
  if (choice.kind === 'level') return `level:${choice.level}`;
  return `area:${choice.level}:${choice.area}`;
}

/** The handbook's own filter parameters (level, area), so the tab opens the handbook filtered. */
export function handbookQuery(choice: TabChoice): URLSearchParams {
  if (choice.kind === 'handbook') return new URLSearchParams();
  return toHandbookQuery({
    ...defaultFilters,
    level: choice.level,
    area: choice.kind === 'area' ? choice.area : null,
  });
}

/** Reads the choice back from a saved tab's address; null when it names none. */
export function choiceFromUrl(url: string): TabChoice | null {
  let query: URLSearchParams;
  try {
    query = new URL(url).searchParams;
  } catch {
    return null;
  }
  const { level, area } = parseHandbookQuery(query);
  if (level && area) return { kind: 'area', level, area };
  if (level) return { kind: 'level', level };
  return area ? null : wholeHandbook;
}

const transliterations: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa' };

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[æøå]/g, (letter) => transliterations[letter] ?? letter)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
}

/** Teams' id for the tab's content: kvalitetshaandbog-handbook, -core, -core-byggesager … */
export function entityIdFor(choice: TabChoice): string {
  if (choice.kind === 'handbook') return 'kvalitetshaandbog-handbook';
  if (choice.kind === 'level') return `kvalitetshaandbog-${choice.level}`;
  return `kvalitetshaandbog-${choice.level}-${slug(choice.area) || 'area'}`;
}

/**
 * What Save stores: the handbook inside Teams (?inTeams=1, so the tab connects to Teams at once)
 * and the same page for "Go to website", both filtered by the choice.
 */
export function tabInstanceFor(choice: TabChoice, origin: string, displayName: string): TabInstance {
  const query = handbookQuery(choice);
  const inTeams = new URLSearchParams([['inTeams', '1'], ...query]);
  const websiteQuery = query.toString();
  return {
    contentUrl: `${origin}/?${inTeams.toString()}`,
    websiteUrl: websiteQuery ? `${origin}/?${websiteQuery}` : `${origin}/`,
    entityId: entityIdFor(choice),
    suggestedDisplayName: displayName,
  };
}
