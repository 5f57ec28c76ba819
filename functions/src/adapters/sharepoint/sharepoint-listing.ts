import type { ProcedureQuery, ProcedureRow, Viewer } from '../../app/ports.js';
import { addDays } from '../../core/local-date.js';
import type { ProcessLevel } from '../../core/types.js';
import { fieldOf, fromFields, procedureMapping, type Fields } from './sharepoint-records.js';

/**
 * The handbook list in memory, over the rows of one query of the procedure library: the same
 * visibility, filters, sort order and paging as the SQLite store's SQL (see the Store contract
 * suite). Pure functions, so the semantics are testable without Graph.
 */

const levelRank: Record<ProcessLevel, number> = { management: 1, core: 2, support: 3 };

const text = (fields: Fields, column: string) => {
  const value = fields[fieldOf(procedureMapping, column)];
  return typeof value === 'string' && value !== '' ? value : null;
};

/** A procedure item's fields as a row of the handbook list (the derived columns included). */
export function procedureRowOf(fields: Fields): ProcedureRow {
  const procedure = fromFields(procedureMapping, fields);
  const version = text(fields, 'version');
  const [major, minor] = (version ?? '').split('.').map(Number);
  return {
    ...procedure,
    currentVersion:
      procedure.currentVersionId && version ? { major: major ?? 0, minor: Number.isFinite(minor) ? minor! : 0 } : null,
    draftState: procedure.draftVersionId ? (text(fields, 'draftState') as 'draft' | 'pending' | null) : null,
    draftAuthorId: procedure.draftVersionId ? text(fields, 'draftAuthorKey') : null,
    pendingApproverId: procedure.draftVersionId ? text(fields, 'pendingApproverKey') : null,
  };
}

/** Who sees the unpublished draft: coordinators, the approver, the draft's author, the open approval's approver. */
function seesDraft(row: ProcedureRow, viewer: Viewer): boolean {
  return (
    viewer.isCoordinator ||
    row.approverId === viewer.id ||
    row.draftAuthorId === viewer.id ||
    row.pendingApproverId === viewer.id
  );
}

export function isVisible(row: ProcedureRow, viewer: Viewer): boolean {
  return row.currentVersionId !== null || row.ownerId === viewer.id || seesDraft(row, viewer);
}

function matchesQuery(row: ProcedureRow, query: ProcedureQuery): boolean {
  if (!isVisible(row, query.viewer)) return false;
  if (query.level !== undefined && row.level !== query.level) return false;
  if (query.area !== undefined && row.area !== query.area) return false;
  if (query.ownerId !== undefined && row.ownerId !== query.ownerId) return false;
  if (query.unitId !== undefined && row.unitId !== query.unitId) return false;
  switch (query.status) {
    case 'published':
      return row.currentVersionId !== null;
    case 'unpublished':
      return row.currentVersionId === null;
    case 'in-approval':
      return row.draftState === 'pending' && seesDraft(row, query.viewer);
    case 'draft':
      return row.draftVersionId !== null && seesDraft(row, query.viewer);
    case 'review-overdue':
      return row.nextReviewOn !== null && row.nextReviewOn < query.today;
    case 'review-due':
      return row.nextReviewOn !== null && row.nextReviewOn <= addDays(query.today, 30);
    case undefined:
      return true;
  }
}

/** SQLite compares text by code point and its lower() folds ASCII only; so do these. */
const binary = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const asciiLower = (value: string) => value.replace(/[A-Z]/g, (letter) => letter.toLowerCase());

function sortKey(sort: ProcedureQuery['sort'], ownerNames: ReadonlyMap<string, string>) {
  return (row: ProcedureRow): (string | number)[] => {
    switch (sort) {
      case 'code':
        return [row.code];
      case 'title':
        return [asciiLower(row.title)];
      case 'owner':
        return [ownerNames.get(row.ownerId) ?? ''];
      case 'nextReview':
        return [row.nextReviewOn ?? '9999-12-31'];
      case 'updated':
        return [row.updatedAt];
      case 'level':
        return [levelRank[row.level], row.area];
    }
  };
}

export function listRows(
  rows: ProcedureRow[],
  query: ProcedureQuery,
  ownerNames: ReadonlyMap<string, string> = new Map(),
): { items: ProcedureRow[]; total: number } {
  const key = sortKey(query.sort, ownerNames);
  const direction = query.order === 'desc' ? -1 : 1;
  const matching = rows
    .filter((row) => matchesQuery(row, query))
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      for (let index = 0; index < a.key.length; index++) {
        const order = binary(a.key[index]!, b.key[index]!);
        if (order !== 0) return order * direction;
      }
      return binary(a.row.code, b.row.code);
    })
    .map((entry) => entry.row);
  return { items: matching.slice(query.offset, query.offset + query.limit), total: matching.length };
}

/** Areas per level with counts, levels in process order, areas by their first code. */
export function areasOf(rows: ProcedureRow[], viewer: Viewer): { level: ProcessLevel; area: string; count: number }[] {
  const groups = new Map<string, { level: ProcessLevel; area: string; count: number; first: string }>();
  for (const row of rows) {
    if (!isVisible(row, viewer)) continue;
    const id = JSON.stringify([row.level, row.area]);
    const group = groups.get(id);
    if (group) {
      group.count += 1;
      if (row.code < group.first) group.first = row.code;
    } else groups.set(id, { level: row.level, area: row.area, count: 1, first: row.code });
  }
  return [...groups.values()]
    .sort((a, b) => levelRank[a.level] - levelRank[b.level] || binary(a.first, b.first))
    .map(({ level, area, count }) => ({ level, area, count }));
}
