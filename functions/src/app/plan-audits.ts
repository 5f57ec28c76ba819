import { AppError } from '../core/errors.js';
import { auditPlanDate } from '../core/audit-dates.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { Audit } from '../core/quality-year-types.js';
import { getProgrammeYear } from './audit-views.js';
import type { Services } from './ports.js';
import { firstVersion, qualityTrail, stampOf } from './quality-records.js';

/** Default audit criteria: the standard and the handbook. */
export const defaultAuditCriteria = 'ISO 9001:2015 og kvalitetshåndbogens procedurer';

/** An audit whose suggested date had passed and that was planned later (core/audit-dates.ts). */
export type MovedAudit = { itemId: string; auditId: string; suggestedOn: LocalDate; plannedOn: LocalDate };

/**
 * Plans internal audits for chosen programme items in a year, on the 15th of the month the
 * programme suggests (items the plan does not list as due get June), never in the past: a
 * suggestion that has passed moves to the first 15th from today on and comes back in `moved`;
 * a past year, or a year with no 15th left, is refused with VALIDATION (`auditPlanDate`) and
 * nothing is planned. Idempotent: an item that already has an audit in the year (not cancelled)
 * is not planned twice but reported back. All audits are written in one commit.
 */
export async function planAudits(
  services: Services,
  actor: Actor,
  input: { year: number; itemIds: string[] },
): Promise<{ created: Audit[]; alreadyPlanned: string[]; moved: MovedAudit[] }> {
  ensure(canManageQuality(actor), 'Only the quality coordinator plans audits.');
  const programme = await getProgrammeYear(services, actor, input.year);
  const itemById = new Map(programme.items.map((item) => [item.id, item]));
  const unknown = input.itemIds.filter((id) => !itemById.has(id));
  if (unknown.length > 0)
    throw new AppError('VALIDATION', `Unknown programme items: ${unknown.join(', ')}.`, {
      field: 'itemIds',
      ids: unknown,
    });
  const alreadyPlanned = new Set(
    programme.plan.flatMap((entry) => (entry.plannedAuditId === null ? [] : [entry.item.id])),
  );
  const monthOf = new Map(programme.plan.map((entry) => [entry.item.id, entry.suggestedMonth]));
  const stamp = stampOf(services, actor);
  const today = localDateOf(services.clock.now(), services.settings.timeZone);
  const created: Audit[] = [];
  const moved: MovedAudit[] = [];
  for (const itemId of new Set(input.itemIds)) {
    if (alreadyPlanned.has(itemId)) continue;
    const item = itemById.get(itemId)!;
    const date = auditPlanDate(input.year, monthOf.get(itemId) ?? 6, today);
    const auditId = services.ids.next();
    if (date.isMoved) moved.push({ itemId, auditId, suggestedOn: date.suggestedOn, plannedOn: date.plannedOn });
    created.push({
      id: auditId,
      kind: 'internal',
      year: input.year,
      title: item.title,
      programmeItemId: item.id,
      certificateId: null,
      unitId: item.unitId,
      clauses: item.clauses,
      procedureIds: [],
      scope: item.title,
      criteria: defaultAuditCriteria,
      auditorIds: [],
      externalAuditors: [],
      plannedOn: date.plannedOn,
      status: 'planned',
      checklist: [],
      report: null,
      ...firstVersion(stamp),
    });
  }
  if (created.length > 0)
    await services.quality.commit({
      expect: created.map((audit) => ({ collection: 'audits' as const, id: audit.id, etag: 0 })),
      audits: created,
      trail: created.map((audit) =>
        qualityTrail(stamp, 'audit.planned', audit.id, `Audit planlagt: ${audit.title} (${audit.plannedOn})`, {
          year: audit.year,
          programmeItemId: audit.programmeItemId,
          movedFrom: moved.find((entry) => entry.auditId === audit.id)?.suggestedOn ?? null,
        }),
      ),
    });
  return { created, alreadyPlanned: input.itemIds.filter((id) => alreadyPlanned.has(id)), moved };
}
