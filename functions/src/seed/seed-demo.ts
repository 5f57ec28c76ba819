import { seedDemoYearWheel } from './demo-year-wheel.js';
import { demoStandardReferences } from './seed-demo-fokus.js';
import { createProcedure } from '../app/create-procedure.js';
import { acknowledgeVersion } from '../app/acknowledge-version.js';
import { decideApproval } from '../app/decide-approval.js';
import type { Services } from '../app/ports.js';
import { recordReview } from '../app/record-review.js';
import { submitDraft } from '../app/submit-draft.js';
import { uploadDraft } from '../app/upload-draft.js';
import type { Actor } from '../core/policies.js';
import type { Person } from '../core/types.js';
import { buildProcedureDocx } from '../documents/procedure-template.js';
import { seedDemoActions } from './demo-actions.js';
import { demoSections } from './demo-content.js';
import { demoPeople } from './demo-directory.js';
import { demoProcedures, type DemoProcedure } from './demo-procedures.js';
import { seedDemoAudits } from './demo-audits.js';
import { seedDemoGoals } from './demo-goals.js';

const day = 86_400_000;

type Scenario = {
  /** Days before today of the latest approval. */
  approvedDaysAgo: number;
  versions: number;
  afterwards: 'none' | 'draft' | 'pending' | 'unpublished';
  reviewedDaysAgo?: number;
};

/**
 * What happened to each demo procedure, so the demo shows every state a real handbook has:
 * several versions, overdue and soon-due reviews, drafts and revisions awaiting approval, a
 * procedure that was never published.
 */
function scenarioFor(procedure: DemoProcedure, index: number): Scenario {
  const interval = procedure.reviewIntervalMonths * 30.4;
  const special: Record<string, Scenario> = {
    'K-19': { approvedDaysAgo: 0, versions: 0, afterwards: 'unpublished' },
    'K-16': { approvedDaysAgo: 420, versions: 2, afterwards: 'pending' },
    'K-05': { approvedDaysAgo: 300, versions: 1, afterwards: 'pending' },
    'S-04': { approvedDaysAgo: 200, versions: 3, afterwards: 'pending' },
    'K-20': { approvedDaysAgo: 380, versions: 2, afterwards: 'draft' },
  };
  const fixed = special[procedure.code];
  if (fixed) return fixed;
  if (index % 7 === 3)
    return { approvedDaysAgo: Math.round(interval + 15 + index * 3), versions: 1, afterwards: 'none' };
  if (index % 7 === 5)
    return { approvedDaysAgo: Math.round(interval - 10 - (index % 4) * 4), versions: 2, afterwards: 'none' };
  const versions = index % 3 === 0 ? 3 : index % 3 === 1 ? 2 : 1;
  if (index % 5 === 2) {
    // Reviewed this year when the review fell due: mostly a little ahead of the date, now and
    // then some days late, so the management evaluation's review compliance has real figures.
    const dueDaysAgo = 30 + index * 5;
    const reviewedDaysAgo = index % 4 === 0 ? dueDaysAgo - 9 : dueDaysAgo + 8;
    return { approvedDaysAgo: Math.round(interval + dueDaysAgo), versions, afterwards: 'none', reviewedDaysAgo };
  }
  const approvedDaysAgo = 40 + ((index * 37) % Math.max(60, Math.round(interval - 120)));
  return { approvedDaysAgo, versions, afterwards: 'none' };
}

const changeSummaries = [
  'Første godkendte udgave af proceduren.',
  'Præciseret ansvarsfordeling og kvitteringsfrist efter intern audit.',
  'Opdateret efter lovændring og nye servicemål; tjekliste udvidet.',
  'Revideret efter periodisk gennemgang: fremgangsmåde forenklet.',
];

/**
 * Seeds the demo municipality through the same use cases the API uses, with a clock moved
 * through the past. Idempotent: a procedure whose code exists is left alone.
 */
export async function seedDemoHandbook(
  services: Services,
  clock: { set(date: Date): void },
  now: Date,
): Promise<number> {
  const people = new Map(demoPeople.map((person) => [person.id, person]));
  const actor = (id: string): Actor => {
    const person = people.get(id) as Person;
    return { id: person.id, unitId: person.unitId, roles: person.roles };
  };
  let created = 0;
  for (const [index, demo] of demoProcedures.entries()) {
    if (await services.store.getProcedureByCode(demo.code)) continue;
    const scenario = scenarioFor(demo, index);
    const owner = actor(demo.ownerId);
    const approver = actor(demo.approverId);
    const at = (daysAgo: number, hour = 9) => {
      const date = new Date(now.getTime() - daysAgo * day);
      date.setUTCHours(hour, (index * 7) % 60, 0, 0);
      return date;
    };
    const firstDaysAgo = scenario.approvedDaysAgo + (scenario.versions - 1) * 210 + 3;
    clock.set(at(Math.max(firstDaysAgo, 1)));
    const procedure = await createProcedure(services, owner, {
      code: demo.code,
      title: demo.title,
      level: demo.level,
      area: demo.area,
      unitId: demo.unitId,
      ownerId: demo.ownerId,
      approverId: demo.approverId,
      audience: { unitIds: demo.unitId ? [demo.unitId] : [], roles: [] },
      reviewIntervalMonths: demo.reviewIntervalMonths,
      standards: demoStandardReferences(demo.code, demo.clauses),
      legalBasis: demo.legalBasis,
    });
    created++;
    const etag = async () => (await services.store.getProcedure(procedure.id))!.etag;
    const publishVersion = async (revision: number, daysAgo: number, isLast: boolean) => {
      clock.set(at(daysAgo + 2, 10));
      const bytes = await buildProcedureDocx({
        code: demo.code,
        title: demo.title,
        organisation: services.settings.organisationName,
        sections: demoSections(demo, revision),
      });
      await uploadDraft(services, owner, {
        procedureId: procedure.id,
        etag: await etag(),
        fileName: `${demo.code} ${demo.title}.docx`.replace(/[\\/:]/g, '-'),
        bytes,
      });
      const kind = revision === 2 && !isLast ? 'minor' : 'major';
      const approval = await submitDraft(services, owner, {
        procedureId: procedure.id,
        etag: await etag(),
        changeSummary: changeSummaries[Math.min(revision - 1, changeSummaries.length - 1)] as string,
        kind,
      });
      clock.set(at(daysAgo, 14));
      await decideApproval(services, approver, { approvalId: approval.id, decision: 'approve' });
    };
    if (scenario.afterwards === 'unpublished') continue;
    for (let revision = 1; revision <= scenario.versions; revision++) {
      const daysAgo = scenario.approvedDaysAgo + (scenario.versions - revision) * 210;
      await publishVersion(revision, daysAgo, revision === scenario.versions);
    }
    const current = await services.store.getProcedure(procedure.id);
    if (current?.currentVersionId) {
      const requests = await services.store.listAcknowledgementRequests(current.currentVersionId);
      for (const [position, request] of requests.entries()) {
        if ((position + index) % 3 === 0) continue; // some have not acknowledged yet
        clock.set(at(Math.max(scenario.approvedDaysAgo - 3 - position, 0), 11));
        await acknowledgeVersion(services, actor(request.personId), {
          procedureId: procedure.id,
          versionId: current.currentVersionId,
        });
      }
    }
    if (scenario.reviewedDaysAgo !== undefined && scenario.reviewedDaysAgo < scenario.approvedDaysAgo) {
      clock.set(at(scenario.reviewedDaysAgo, 12));
      await recordReview(services, owner, {
        procedureId: procedure.id,
        etag: await etag(),
        outcome: 'still-valid',
        comment: 'Gennemgået; proceduren er fortsat dækkende.',
      });
    }
    if (scenario.afterwards === 'draft' || scenario.afterwards === 'pending') {
      clock.set(at(6, 9));
      const bytes = await buildProcedureDocx({
        code: demo.code,
        title: demo.title,
        organisation: services.settings.organisationName,
        sections: demoSections(demo, scenario.versions + 1),
      });
      await uploadDraft(services, owner, {
        procedureId: procedure.id,
        etag: await etag(),
        fileName: `${demo.code} ${demo.title} (udkast).docx`.replace(/[\\/:]/g, '-'),
        bytes,
      });
      if (scenario.afterwards === 'pending') {
        clock.set(at(4, 13));
        await submitDraft(services, owner, {
          procedureId: procedure.id,
          etag: await etag(),
          changeSummary: changeSummaries[3] as string,
          kind: 'major',
        });
      }
    }
  }
  await seedDemoAudits(services, clock, now);
  await seedDemoActions(services, clock, now);
  await seedDemoYearWheel(services, clock, now);
  await seedDemoGoals(services, clock, now);
  return created;
}
