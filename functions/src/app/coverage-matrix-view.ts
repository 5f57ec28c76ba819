import { coverageMatrix, type Citation, type CitingItem } from '../core/coverage-matrix.js';
import { canReadCoverage, ensure, type Actor } from '../core/policies.js';
import { parseClauseCitation, standardIdOf } from '../core/standards.js';
import type { CoverageMatrixDto } from '../contract/fokus-schemas.js';
import { chosenStandards } from './choose-standards.js';
import { isNamedAuditor } from './fokus-views.js';
import type { Services } from './ports.js';
import { todayOf } from './quality-records.js';

/**
 * The coverage matrix for the standards the municipality works by (core/coverage-matrix.ts):
 * published procedures by their standard references (free text read with `standardIdOf`, so
 * references stored since the first release count), audits that are not cancelled by their
 * clauses and checklist lines (a bare clause is ISO 9001's), and goals through the
 * `goalCitations` port once it is wired.
 */
export async function getCoverageMatrix(services: Services, actor: Actor): Promise<CoverageMatrixDto> {
  ensure(
    canReadCoverage(actor, await isNamedAuditor(services, actor)),
    'Only authors, leaders, the coordinator and auditors read the coverage matrix.',
  );
  const [{ chosen }, procedures, audits, goals] = await Promise.all([
    chosenStandards(services),
    services.store.listProcedures({
      viewer: { id: actor.id, isCoordinator: false },
      today: todayOf(services),
      sort: 'code',
      order: 'asc',
      limit: 100_000,
      offset: 0,
    }),
    services.quality.listAudits(),
    services.goalCitations?.listGoalCitations() ?? Promise.resolve(null),
  ]);
  const items: CitingItem[] = [
    ...procedures.items
      .filter((procedure) => procedure.currentVersionId !== null)
      .map((procedure) => ({
        kind: 'procedure' as const,
        id: procedure.id,
        title: `${procedure.code} ${procedure.title}`,
        citations: procedure.standards.flatMap((reference) => {
          const standard = standardIdOf(reference.standard);
          return standard === null ? [] : reference.clauses.map((clause) => ({ standard, clause }));
        }),
      })),
    ...audits
      .filter((audit) => audit.status !== 'cancelled')
      .map((audit) => ({
        kind: 'audit' as const,
        id: audit.id,
        title: audit.title,
        citations: citationsOf([
          ...audit.clauses,
          ...audit.checklist.flatMap((line) => (line.clause ? [line.clause] : [])),
        ]),
      })),
    ...(goals ?? []).map((goal) => ({
      kind: 'goal' as const,
      id: goal.id,
      title: goal.title,
      citations: citationsOf(goal.citations),
    })),
  ];
  return { standards: coverageMatrix(chosen, items), hasGoals: goals !== null };
}

function citationsOf(texts: readonly string[]): Citation[] {
  return texts.flatMap((text) => {
    const citation = parseClauseCitation(text);
    return citation ? [citation] : [];
  });
}
