import { catalogueClauseOf, standards, type ClauseLabel, type StandardId } from './standards.js';

/**
 * The coverage matrix, pure: for each standard the municipality works by, each clause of its
 * catalogue (standards.ts) against the procedures, goals and audits that cite it. A clause no
 * procedure, goal or audit cites is **uncovered**: what an auditor looks for first. A citation
 * of a sub-clause counts for the catalogue clause containing it (`catalogueClauseOf`); a citation
 * of a standard the municipality does not work by is left out, and one of a clause outside the
 * catalogue (e.g. "3") is listed as unplaced so it is not silently lost.
 */

export const citingKinds = ['procedure', 'goal', 'audit'] as const;
export type CitingKind = (typeof citingKinds)[number];

export type Citation = { standard: StandardId; clause: string };
export type CitingItem = { kind: CitingKind; id: string; title: string; citations: readonly Citation[] };
export type ItemReference = { kind: CitingKind; id: string; title: string };

export type CoverageRow = {
  clause: string;
  label: ClauseLabel;
  procedures: ItemReference[];
  goals: ItemReference[];
  audits: ItemReference[];
  isCovered: boolean;
};

export type StandardCoverage = {
  standard: StandardId;
  name: string;
  edition: string;
  rows: CoverageRow[];
  uncoveredCount: number;
  /** Citations of this standard that fit no clause of its catalogue. */
  unplaced: (ItemReference & { clause: string })[];
};

export function coverageMatrix(chosen: readonly StandardId[], items: readonly CitingItem[]): StandardCoverage[] {
  return chosen.map((standardId) => {
    const standard = standards[standardId];
    const rows = new Map<string, CoverageRow>(
      standard.clauses.map(({ clause, label }) => [
        clause,
        { clause, label, procedures: [], goals: [], audits: [], isCovered: false },
      ]),
    );
    const unplaced: StandardCoverage['unplaced'] = [];
    for (const item of items) {
      const reference: ItemReference = { kind: item.kind, id: item.id, title: item.title };
      const placed = new Set<string>();
      for (const citation of item.citations) {
        if (citation.standard !== standardId) continue;
        const clause = catalogueClauseOf(standardId, citation.clause);
        if (clause === null) {
          unplaced.push({ ...reference, clause: citation.clause });
          continue;
        }
        if (placed.has(clause)) continue;
        placed.add(clause);
        const row = rows.get(clause)!;
        (item.kind === 'procedure' ? row.procedures : item.kind === 'goal' ? row.goals : row.audits).push(reference);
        row.isCovered = true;
      }
    }
    const list = [...rows.values()];
    return {
      standard: standardId,
      name: standard.name,
      edition: standard.edition,
      rows: list,
      uncoveredCount: list.filter((row) => !row.isCovered).length,
      unplaced,
    };
  });
}
