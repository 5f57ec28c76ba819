import type { OverviewTileDto } from '../contract/schemas.js';
import type { LocalDate } from '../core/local-date.js';
import { canReadRegisterStatistics, type Actor } from '../core/policies.js';
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
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const thisYear = Object.fromEntries(registerKinds.map((kind) => [kind, 0])) as Record<RegisterKind, number>;
  let open = 0;
  let overdue = 0;
  for (const row of rows) {
    if (unitId !== undefined && (row.unitId === null || !isUnitWithin(row.unitId, unitId, parentOf))) continue;
    if (row.receivedOn >= yearStart) thisYear[row.kind] += 1;
    if (row.status === 'closed') continue;
    open += 1;
    if (row.isAnswerable && row.isReplyLate === null && row.replyDueOn !== null && row.replyDueOn < today) overdue += 1;
  }
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
