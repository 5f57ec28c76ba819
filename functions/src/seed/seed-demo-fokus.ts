import type { Services } from '../app/ports.js';
import { unitEvaluationId, type EvaluationRound, type FokusTheme, type UnitEvaluation } from '../core/fokus-types.js';
import { standardsChoiceId } from '../core/standards.js';
import type { StandardReference } from '../core/types.js';

/**
 * The demo's FOKUS-style comparison and its standards, CONSTRUCTED: the idea (rounds two years
 * apart, the municipality's own themes, a unit evaluated on part of them marked not comparable)
 * follows Københavns Borgerrådgiver's FOKUS (evaluations 2013, 2015 and 2017; in 2017 one
 * administration was evaluated on complaints handling only, "ikke sammenligneligt"; source: seed
 * 003 and https://www.kk.dk/nyheder/fokus-paa-kvalitetsniveauet-i-kommunens-sagsbehandling). FOKUS'
 * own themes, scale and scores were not found (../shared/data/goals-register-publication.md
 * section 5): everything below is invented for the demo.
 */
const themes: FokusTheme[] = [
  { id: 'klagesager', name: 'Klagesagsbehandling' },
  { id: 'sagsbehandlingstider', name: 'Sagsbehandlingstider' },
  { id: 'borgerbetjening', name: 'Borgerbetjening' },
  { id: 'laering', name: 'Læring af fejl' },
];
const units = ['natur', 'miljo', 'byg-plan'];

/** Scores per round year and unit, in the themes' order; null: not evaluated on the theme. */
const scores: Record<number, Record<string, (number | null)[]>> = {
  2021: { natur: [2, 2, 3, 1], miljo: [3, 2, 2, 2], 'byg-plan': [1, 1, 2, 1] },
  // Byg og Plan asked to be evaluated on complaints handling only this round: not comparable.
  2023: { natur: [3, 2, 3, 2], miljo: [3, 3, 3, 2], 'byg-plan': [3, null, null, null] },
  2025: { natur: [3, 3, 4, 3], miljo: [4, 3, 3, 3], 'byg-plan': [3, 2, 3, 2] },
};
const notes: Record<string, string> = {
  '2023:byg-plan': 'Konstrueret eksempel: evalueret på klagesagsbehandling alene efter eget ønske.',
};

/**
 * Seeds the three rounds and the standards worked by (ISO 9001 and ISO 14001). Idempotent: once
 * any round exists the store is left alone.
 */
export async function seedDemoFokus(services: Pick<Services, 'fokus'>, now: Date): Promise<number> {
  if ((await services.fokus.listRounds()).length > 0) return 0;
  const at = now.toISOString();
  const version = { etag: 1, createdAt: at, updatedAt: at, updatedBy: 'mette-kjaer' };
  const rounds: EvaluationRound[] = Object.keys(scores).map((year) => ({
    id: `fokus-${year}`,
    name: `Kvalitetsevaluering ${year}`,
    year: Number(year),
    scaleMin: 0,
    scaleMax: 4,
    themes,
    unitIds: units,
    note: 'Konstrueret demo-eksempel i FOKUS-stil (Københavns Borgerrådgiver); temaer og scorer er opdigtede.',
    ...version,
  }));
  const evaluations: UnitEvaluation[] = rounds.flatMap((round) =>
    units.map((unitId) => ({
      id: unitEvaluationId(round.id, unitId),
      roundId: round.id,
      unitId,
      scores: themes.flatMap((theme, index) => {
        const score = scores[round.year]![unitId]![index];
        return score === null || score === undefined ? [] : [{ themeId: theme.id, score }];
      }),
      note: notes[`${round.year}:${unitId}`] ?? '',
      ...version,
    })),
  );
  const existing = await services.fokus.getStandardsChoice();
  await services.fokus.commit({
    expect: [{ collection: 'standardsChoice', id: standardsChoiceId, etag: existing?.etag ?? 0 }],
    rounds,
    unitEvaluations: evaluations,
    standardsChoice: [
      {
        id: standardsChoiceId,
        standardIds: ['iso9001', 'iso14001'],
        ...version,
        etag: (existing?.etag ?? 0) + 1,
      },
    ],
  });
  return rounds.length;
}

/**
 * The demo's environmental procedures cite ISO 14001 too (constructed); the other 14001 clauses,
 * emergency preparedness (8.2) among them, stay uncovered for the coverage matrix to show.
 */
const environmentCitations: Record<string, string[]> = {
  'K-04': ['6.1.2', '8.1'],
  'K-05': ['9.1.2'],
  'K-11': ['6.1.3'],
};

/** A demo procedure's standard references: ISO 9001 always, ISO 14001 where it cites it. */
export function demoStandardReferences(code: string, clauses: string[]): StandardReference[] {
  const environment = environmentCitations[code];
  return [
    { standard: 'ISO 9001:2015', clauses },
    ...(environment ? [{ standard: 'ISO 14001:2015', clauses: environment }] : []),
  ];
}
