import type { OverviewTileDto } from '../contract/schemas.js';
import { asLocalDate, type LocalDate } from '../core/local-date.js';
import { canReadRegisterStatistics, type Actor } from '../core/policies.js';
import { registerStatistics } from '../core/register-statistics.js';
import { registerKinds, type RegisterKind } from '../core/register-types.js';
import { isUnitWithin, parentLookup } from '../core/unit-tree.js';
import type { Services } from './ports.js';

/**
 * The Overblik's register tile (issue 15): the items not closed in the organisation or the unit
 * (their main unit within it), with `parts` the unanswered ones past their reply deadline
 * (`overdue`, as the register's statistics count them) and this year's count per kind. It leads
 * to the register's list of the scope. Null for those who do not read the register's statistics
 * (core/policies.ts `canReadRegisterStatistics`: leaders and the coordinator).
 */
export async function registerOverviewTile(
  services: Services,
  actor: Actor,
  today: LocalDate,
  unitId: string | undefined,
): Promise<OverviewTileDto | null> {
  if (!canReadRegisterStatistics(actor)) return null;
  const [rows, units] = await Promise.all([services.register.statisticsRows(today), services.store.listUnits()]);
  const parentOf = parentLookup(units);
  const scoped = rows.filter(
    (row) => unitId === undefined || (row.unitId !== null && isUnitWithin(row.unitId, unitId, parentOf)),
  );
  // Counted by the register's own statistics (a store may group identical rows with a count):
  // overdue and open over every item received by today, the kinds over this year's.
  const earliest = scoped.reduce((first, row) => (row.receivedOn < first ? row.receivedOn : first), today);
  const everything = registerStatistics(scoped, earliest, today);
  const thisYear = Object.fromEntries(registerKinds.map((kind) => [kind, 0])) as Record<RegisterKind, number>;
  for (const entry of registerStatistics(scoped, asLocalDate(`${today.slice(0, 4)}-01-01`), today).byKind)
    thisYear[entry.key as RegisterKind] = entry.count;
  const open = everything.openByAge.reduce((sum, entry) => sum + entry.count, 0);
  const overdue = everything.replyCompliance.overdueUnanswered;
  return {
    id: 'register-open',
    count: open,
    total: null,
    date: null,
    detail: null,
    parts: { overdue, ...thisYear },
    link: { list: 'register', id: null, query: { view: 'all', ...(unitId ? { unit: unitId } : {}) } },
  };
}
