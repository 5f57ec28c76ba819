import type { ListLink, OverviewDto, OverviewTileDto } from '../contract/schemas.js';
import { isDatedInYear } from '../core/audit-dates.js';
import { certificationCycle, nextCertifierAudit } from '../core/certification-cycle.js';
import { cycleAuditState, matchCycleAudits } from '../core/certifier-audit-match.js';
import { AppError } from '../core/errors.js';
import type { Goal } from '../core/goal-types.js';
import { addDays, localDateOf, type LocalDate } from '../core/local-date.js';
import { isCoordinator, overviewScopes, type Actor, type OverviewScope } from '../core/policies.js';
import type { ProcedureStatusFilter, Services } from './ports.js';
import { activeCertificate, listFindings } from './audit-views.js';
import { getActionBoard } from './corrective-action-views.js';
import { myInbox } from './my-inbox.js';
import { today as todayOf } from './procedure-context.js';
import { reportCompetenceGaps } from './report-competence-gaps.js';
import { registerOverviewTile } from './register-overview-tile.js';
import { surveyOverviewTile } from './survey-overview-tile.js';

/**
 * The overview ("Overblik"): each tile is a figure and the filtered list it leads to. Every figure
 * is counted by the same use case (with the same filter) that serves the list, so the number on
 * the tile is the number of rows the list shows. Who sees which scope: `overviewScopes` in
 * core/policies.ts.
 *
 * Scopes: `organisation` counts everything; `unit` counts the leader's own unit (the lists filter
 * by one unit); `personal` counts the caller's own inbox and the procedures they own. The audit
 * programme and the certificate belong to the organisation: their tiles show the organisation's
 * figures in the unit overview too.
 */

/** "Recent" major versions, for the acknowledgement rate. */
export const recentMajorVersionDays = 90;

const tile = (
  id: string,
  count: number,
  link: ListLink,
  extra: Partial<Pick<OverviewTileDto, 'total' | 'date' | 'detail' | 'parts'>> = {},
): OverviewTileDto => ({
  id,
  count,
  total: extra.total ?? null,
  date: extra.date ?? null,
  detail: extra.detail ?? null,
  parts: extra.parts ?? {},
  link,
});

const link = (list: ListLink['list'], query: Record<string, string> = {}, id: string | null = null): ListLink => ({
  list,
  id,
  query,
});

export async function getOverview(
  services: Services,
  actor: Actor,
  input: { scope?: OverviewScope | undefined },
): Promise<OverviewDto> {
  const units = await services.store.listUnits();
  const scopes = overviewScopes(actor, units);
  const scope = input.scope ?? scopes[0] ?? 'personal';
  if (!scopes.includes(scope))
    throw new AppError('FORBIDDEN', `The ${scope} overview is not yours to see; yours: ${scopes.join(', ')}.`);
  const today = todayOf(services);
  const unitId = scope === 'unit' ? actor.unitId : undefined;
  const unit = unitId ? (units.find((candidate) => candidate.id === unitId) ?? null) : null;
  const [tiles, personal] = await Promise.all([
    scope === 'personal' ? Promise.resolve([]) : scopeTiles(services, actor, today, unitId),
    personalTiles(services, actor),
  ]);
  return {
    scope,
    scopes,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    today,
    tiles,
    personal,
  };
}

async function countProcedures(
  services: Services,
  actor: Actor,
  today: LocalDate,
  filter: { status: ProcedureStatusFilter; unitId?: string | undefined; ownerId?: string | undefined },
): Promise<number> {
  const { total } = await services.store.listProcedures({
    viewer: { id: actor.id, isCoordinator: isCoordinator(actor) },
    today,
    status: filter.status,
    unitId: filter.unitId,
    ownerId: filter.ownerId,
    sort: 'code',
    order: 'asc',
    limit: 1,
    offset: 0,
  });
  return total;
}

function handbookLink(filter: { status: ProcedureStatusFilter; unitId?: string | undefined; owner?: string }) {
  return link('procedures', {
    status: filter.status,
    ...(filter.unitId ? { unit: filter.unitId } : {}),
    ...(filter.owner ? { owner: filter.owner } : {}),
  });
}

async function scopeTiles(
  services: Services,
  actor: Actor,
  today: LocalDate,
  unitId: string | undefined,
): Promise<OverviewTileDto[]> {
  const unitQuery: Record<string, string> = unitId ? { unit: unitId } : {};
  const year = Number(today.slice(0, 4));
  const [
    overdueReviews,
    dueReviews,
    approvals,
    findings,
    board,
    acknowledgements,
    audits,
    certificates,
    gaps,
    survey,
    goals,
    register,
  ] = await Promise.all([
    countProcedures(services, actor, today, { status: 'review-overdue', unitId }),
    countProcedures(services, actor, today, { status: 'review-due', unitId }),
    countProcedures(services, actor, today, { status: 'in-approval', unitId }),
    listFindings(services, actor, { state: 'open', unitId }),
    getActionBoard(services, actor, { unitId }),
    acknowledgementRate(services, actor, today, unitId),
    services.quality.listAudits(),
    services.quality.listCertificates(),
    reportCompetenceGaps(services, actor, { unitId }),
    surveyOverviewTile(services, actor, today, unitId),
    services.goals.listGoals(),
    registerOverviewTile(services, actor, today, unitId),
  ]);
  // The audits dated in the year, as "Audits i {year}" lists them (core/audit-dates.ts).
  const held = audits.filter((audit) => audit.status !== 'cancelled' && isDatedInYear(audit.plannedOn, year));
  const certificate = activeCertificate(certificates);
  const next = certificate ? nextCertifierAudit(certificate, today) : null;
  // A cycle audit whose date has passed without a reported audit comes first, as a warning: the
  // same rule as the audit scene and the årshjul (core/certifier-audit-match.ts).
  const overdue = certificate
    ? matchCycleAudits(certificationCycle(certificate), audits, certificate.id).find(
        (entry) => cycleAuditState(entry, today) === 'overdue',
      )
    : undefined;
  return [
    tile('reviews-overdue', overdueReviews, handbookLink({ status: 'review-overdue', unitId })),
    tile('reviews-due', dueReviews, handbookLink({ status: 'review-due', unitId })),
    tile('approvals-waiting', approvals, handbookLink({ status: 'in-approval', unitId })),
    tile('open-nonconformities', findings.findings.length, link('findings', { state: 'open', ...unitQuery })),
    tile('actions-overdue', board.overdue.length, link('actions', { ...unitQuery, view: 'overdue' })),
    tile('acknowledgements', acknowledgements.acknowledged, link('procedures', acknowledgements.listQuery), {
      total: acknowledgements.requested,
      parts: { versions: acknowledgements.versions },
    }),
    tile('audit-programme', countOf(held, 'reported'), link('audits', { year: String(year) }), {
      total: held.length,
      parts: {
        planned: countOf(held, 'planned'),
        'in-progress': countOf(held, 'in-progress'),
        reported: countOf(held, 'reported'),
      },
    }),
    // The certifier's next audit of the cycle; when none is left, the day the certificate expires.
    tile('certificate', certificate ? 1 : 0, link('audits', { year: String(year) }), {
      date: overdue ? (overdue.plannedOn ?? overdue.dueOn) : (next?.dueOn ?? certificate?.expiresOn ?? null),
      detail: overdue ? `overdue-${overdue.kind}` : (next?.kind ?? (certificate ? 'expiry' : 'no-certificate')),
    }),
    tile('competence-gaps', gaps.gaps.length, link('competences', unitQuery)),
    ...(survey ? [survey] : []),
    ...(register ? [register] : []),
    ...goalTiles(goals),
  ];
}

/**
 * The active quality goals by the colour of their last reading, each tile leading to the goals of
 * that colour. Goals belong to the organisation: the unit overview shows them too.
 */
function goalTiles(goals: readonly Goal[]): OverviewTileDto[] {
  const active = goals.filter((goal) => goal.status === 'active');
  return goalTileColours.map((colour) =>
    tile(
      `goals-${colour}`,
      active.filter((goal) => (goal.lastReading?.colour ?? 'none') === colour).length,
      link('goals', { colour }),
    ),
  );
}

const goalTileColours = ['red', 'yellow', 'green'] as const;

function countOf(audits: readonly { status: string }[], status: string): number {
  return audits.filter((audit) => audit.status === status).length;
}

/**
 * Acknowledgements of the major versions published in the last `recentMajorVersionDays` days:
 * how many of the people asked have acknowledged. The list it leads to is the handbook's
 * procedures, newest change first.
 */
async function acknowledgementRate(
  services: Services,
  actor: Actor,
  today: LocalDate,
  unitId: string | undefined,
): Promise<{ acknowledged: number; requested: number; versions: number; listQuery: Record<string, string> }> {
  const since = addDays(today, -recentMajorVersionDays);
  const { items } = await services.store.listProcedures({
    viewer: { id: actor.id, isCoordinator: isCoordinator(actor) },
    today,
    status: 'published',
    unitId,
    sort: 'code',
    order: 'asc',
    limit: 100_000,
    offset: 0,
  });
  let acknowledged = 0;
  let requested = 0;
  let versions = 0;
  for (const procedure of items) {
    const recent = (await services.store.listVersions(procedure.id)).filter(
      (version) =>
        version.kind === 'major' &&
        version.publishedAt !== null &&
        localDateOf(new Date(version.publishedAt), services.settings.timeZone) >= since,
    );
    for (const version of recent) {
      const [asked, given] = await Promise.all([
        services.store.listAcknowledgementRequests(version.id),
        services.store.listAcknowledgements(version.id),
      ]);
      if (asked.length === 0) continue;
      const askedIds = new Set(asked.map((request) => request.personId));
      versions += 1;
      requested += askedIds.size;
      acknowledged += new Set(given.map((ack) => ack.personId).filter((id) => askedIds.has(id))).size;
    }
  }
  return {
    acknowledged,
    requested,
    versions,
    listQuery: { status: 'published', sort: 'updated', order: 'desc', ...(unitId ? { unit: unitId } : {}) },
  };
}

/** The caller's own figures: their inbox, what in it is overdue, and reviews of procedures they own. */
async function personalTiles(services: Services, actor: Actor): Promise<OverviewTileDto[]> {
  const today = todayOf(services);
  const [inbox, ownReviews] = await Promise.all([
    myInbox(services, actor),
    countProcedures(services, actor, today, { status: 'review-due', ownerId: actor.id }),
  ]);
  return [
    tile('my-tasks', inbox.items.length, link('tasks')),
    tile('my-tasks-overdue', inbox.items.filter((item) => item.isOverdue).length, link('tasks', { due: 'overdue' })),
    tile('my-reviews-due', ownReviews, handbookLink({ status: 'review-due', owner: actor.id })),
  ];
}
