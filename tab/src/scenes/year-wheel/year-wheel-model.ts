import type { OccurrenceDto, OccurrenceKind } from '../../api/contract';
import type { MessageKey } from '../../i18n/messages';
import { paths } from '../../router/routes';

/** The kinds in the order the "add" form offers them: 'other' first, it is the usual manual one. */
export const occurrenceKindOptions: readonly OccurrenceKind[] = [
  'other',
  'internal-audit',
  'surveillance-audit',
  'recertification-audit',
  'management-evaluation',
  'goal-revision',
  'satisfaction-survey',
  'yearly-publication',
];

export function kindKey(kind: OccurrenceKind): MessageKey {
  return `yearWheel.kind.${kind}` as MessageKey;
}

export function monthKey(month: number): MessageKey {
  return `yearWheel.month${month}` as MessageKey;
}

/** Where an occurrence's source lives in the tab, if anywhere: the audit, or the management evaluation. */
export function sourceLink(
  occurrence: Pick<OccurrenceDto, 'origin'>,
): { href: string; kind: 'audit' | 'evaluation' } | null {
  const { origin } = occurrence;
  if (origin.kind === 'audit') return { href: paths.auditDetail(origin.auditId), kind: 'audit' };
  if (origin.kind === 'evaluation') return { href: paths.evaluation(), kind: 'evaluation' };
  return null;
}

/** Replaces one occurrence (after a write) wherever it is, moving it to its new month. */
export function replaceOccurrence<T extends { months: { month: number; occurrences: OccurrenceDto[] }[] }>(
  wheel: T,
  updated: OccurrenceDto,
  year: number,
): T {
  const isInYear = Number(updated.dueOn.slice(0, 4)) === year;
  const month = Number(updated.dueOn.slice(5, 7));
  return {
    ...wheel,
    months: wheel.months.map((entry) => {
      const rest = entry.occurrences.filter((occurrence) => occurrence.id !== updated.id);
      if (!isInYear || entry.month !== month) return { ...entry, occurrences: rest };
      const occurrences = [...rest, updated].sort(
        (a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title, 'da') || a.id.localeCompare(b.id),
      );
      return { ...entry, occurrences };
    }),
  };
}

export function removeOccurrence<T extends { months: { month: number; occurrences: OccurrenceDto[] }[] }>(
  wheel: T,
  id: string,
): T {
  return {
    ...wheel,
    months: wheel.months.map((entry) => ({
      ...entry,
      occurrences: entry.occurrences.filter((occurrence) => occurrence.id !== id),
    })),
  };
}
