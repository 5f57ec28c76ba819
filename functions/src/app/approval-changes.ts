import type { Approval, Person, Procedure, ProcedureVersion, TrailEntry, Unit } from '../core/types.js';

/**
 * What an approval request changes, read from the store's records: the version it replaces and
 * the metadata changed since that version was published. The approval card and the tab's
 * approval view both show these.
 */

export type MetadataChange = {
  /** The metadata field: title, level, area, unit, owner, approver, audience, reviewIntervalMonths, standards, legalBasis. */
  field: string;
  from: string;
  to: string;
};

/**
 * The version the request replaces: the current one while it is pending, the one it superseded
 * once approved; undefined for a procedure's first version.
 */
export function replacedVersion(
  approval: Pick<Approval, 'versionId'>,
  procedure: Pick<Procedure, 'currentVersionId'>,
  versions: readonly ProcedureVersion[],
): ProcedureVersion | undefined {
  return (
    versions.find((version) => version.supersededByVersionId === approval.versionId) ??
    versions.find((version) => version.id === procedure.currentVersionId && version.id !== approval.versionId)
  );
}

/** Stored field names whose values are ids, shown by the name of what they point at. */
const idFields: Record<string, 'unit' | 'person'> = { unitId: 'unit', ownerId: 'person', approverId: 'person' };
const fieldNames: Record<string, string> = { unitId: 'unit', ownerId: 'owner', approverId: 'approver' };

/** Metadata changes recorded in the trail after `since` (an ISO instant; '' for all), oldest first. */
export function metadataChangesSince(
  trail: readonly TrailEntry[],
  since: string,
  directory: { people: readonly Pick<Person, 'id' | 'name'>[]; units: readonly Pick<Unit, 'id' | 'name'>[] },
): MetadataChange[] {
  const nameOf = (kind: 'unit' | 'person', value: unknown) => {
    if (typeof value !== 'string') return describe(value);
    const list = kind === 'unit' ? directory.units : directory.people;
    return list.find((entry) => entry.id === value)?.name ?? value;
  };
  const unitName = (id: string) => directory.units.find((unit) => unit.id === id)?.name ?? id;
  return trail
    .filter(
      (entry) =>
        (entry.action === 'procedure.updated' || entry.action === 'procedure.approver-changed') && entry.at > since,
    )
    .sort((a, b) => a.seq - b.seq)
    .flatMap((entry) =>
      Object.entries((entry.details['changed'] ?? {}) as Record<string, { from: unknown; to: unknown }>).map(
        ([field, change]) => {
          const kind = idFields[field];
          const show = (value: unknown) =>
            kind
              ? nameOf(kind, value)
              : field === 'audience'
                ? describeAudience(value, unitName)
                : field === 'standards'
                  ? describeStandards(value)
                  : describe(value);
          return { field: fieldNames[field] ?? field, from: show(change.from), to: show(change.to) };
        },
      ),
    );
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function describeAudience(value: unknown, unitName: (id: string) => string): string {
  if (typeof value !== 'object' || value === null) return describe(value);
  const { unitIds, roles } = value as { unitIds?: unknown; roles?: unknown };
  if (!Array.isArray(unitIds) || !Array.isArray(roles)) return describe(value);
  const parts = [...unitIds.map((id) => unitName(String(id))), ...roles.map(String)];
  return parts.length > 0 ? parts.join(', ') : '–';
}

function describeStandards(value: unknown): string {
  if (!Array.isArray(value)) return describe(value);
  const parts = value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return describe(entry);
    const { standard, clauses } = entry as { standard?: unknown; clauses?: unknown };
    const list = Array.isArray(clauses) && clauses.length > 0 ? ` ${clauses.map(String).join(', ')}` : '';
    return `${String(standard)}${list}`;
  });
  return parts.length > 0 ? parts.join('; ') : '–';
}
