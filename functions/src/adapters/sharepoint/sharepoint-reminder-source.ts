import { join } from 'node:path';
import { addDays, type LocalDate } from '../../core/local-date.js';
import { localDateReader, reminderRules, zonedTime } from '../../core/reminder-schedule.js';
import { acknowledgementRequestsOf } from '../../core/audience.js';
import type { Audience, ChangeKind } from '../../core/types.js';
import type { ReminderCandidate, ReminderSource } from '../../jobs/reminder-source.js';
import { competenceCandidates } from '../../jobs/competence-candidates.js';
import type { Person } from '../../core/types.js';
import type { GraphClient } from './graph-client.js';
import { createListMirror, resolveListPaths, type ListMirror, type MirrorItem } from './sharepoint-delta-mirror.js';
import {
  acknowledgementMapping,
  acknowledgementRequestMapping,
  approvalMapping,
  certificateMapping,
  competenceMapping,
  competenceRequirementMapping,
  conversationMapping,
  externalCoverageMapping,
  fieldOf,
  fromFields,
  occurrenceMapping,
  personCompetenceMapping,
  personMapping,
  procedureMapping,
  unitMapping,
  versionMapping,
  type RecordMapping,
} from './sharepoint-records.js';
import { handbookSchema } from './sharepoint-schema.js';
import type { OccurrenceKind, OccurrenceOrigin } from '../../core/quality-year-types.js';
import { leaderDirectory, leaderOfPerson } from '../../core/unit-leaders.js';
import { occurrenceReminderRules } from '../../core/year-wheel.js';

/**
 * The sweep's ReminderSource on SharePoint (compose.ts uses it for STORE=sharepoint), with no
 * per-item reads: the state the sweep needs (procedures, versions, approvals, acknowledgement
 * requests and acknowledgements, people, conversations, for the competence reminders units,
 * competences, requirements, people's records and external decisions, and for the årshjul its
 * occurrences and the certificates' bodies) lives in a small local
 * snapshot, one delta
 * mirror per list (sharepoint-delta-mirror.ts), holding only the columns the candidates use.
 * A run refreshes each mirror with its stored deltaLink (1 RU per list on a quiet day), then
 * computes the candidates in memory exactly as the SQLite source does in SQL.
 *
 * Where the snapshot and its delta tokens live: files under `<dataDir>/sharepoint/<site-id>/`,
 * not a settings list item. A token is only meaningful together with the state it was handed
 * out with, and that state (10,000 procedures' columns, a few MB) cannot live in a list item;
 * a file keeps both in one atomic write, costs no resource units to read or write, and if the
 * file is lost (a new Functions instance, a wiped temp dir) the price is one full enumeration,
 * which is what a token in a list item without its state would cost anyway.
 */

export type SharePointReminderSource = ReminderSource & {
  /** The people known from the snapshot (id and name), for the sweep's recipient names. */
  listPeopleNames(): Promise<{ id: string; name: string }[]>;
  /** Refreshes every mirror (the candidates call does this itself). */
  refresh(): Promise<{ changes: number; fullLists: number }>;
};

const listKeys = [
  'procedures',
  'versions',
  'approvals',
  'acknowledgementRequests',
  'acknowledgements',
  'people',
  'conversations',
  'units',
  'competences',
  'competenceRequirements',
  'personCompetences',
  'externalCoverage',
  'occurrences',
  'certificates',
] as const;
type ListKey = (typeof listKeys)[number];

function columns<T>(mapping: RecordMapping<T>, keys: string[]): { mapping: RecordMapping<T>; select: string[] } {
  return { mapping, select: keys.map((key) => fieldOf(mapping, key)) };
}

const wanted = {
  procedures: columns(procedureMapping, [
    'key',
    'code',
    'title',
    'ownerKey',
    'nextReviewDate',
    'currentVersionKey',
    'draftVersionKey',
    'etag',
    'lastReviewedOn',
    'reviewIntervalMonths',
    'unitKey',
    'area',
    'audience',
  ]),
  versions: columns(versionMapping, [
    'key',
    'major',
    'minor',
    'changeSummary',
    'publishedAt',
    'kind',
    'approvedBy',
    'makerKeys',
  ]),
  approvals: columns(approvalMapping, [
    'key',
    'procedureKey',
    'versionKey',
    'requestedBy',
    'requestedAt',
    'approverKey',
    'changeSummary',
    'kind',
    'decision',
  ]),
  acknowledgementRequests: columns(acknowledgementRequestMapping, [
    'procedureKey',
    'versionKey',
    'personKey',
    'requestedAt',
  ]),
  acknowledgements: columns(acknowledgementMapping, ['versionKey', 'personKey']),
  people: columns(personMapping, ['key', 'title', 'leaderKey', 'aadObjectId', 'unitKey', 'roles']),
  conversations: columns(conversationMapping, ['key', 'userId']),
  units: columns(unitMapping, ['key', 'title', 'parentKey']),
  competences: columns(competenceMapping, ['key', 'title']),
  competenceRequirements: columns(competenceRequirementMapping, [
    'key',
    'competenceKey',
    'scope',
    'minPeople',
    'minLevel',
  ]),
  personCompetences: columns(personCompetenceMapping, [
    'personKey',
    'competenceKey',
    'level',
    'evidence',
    'validUntil',
    'assessment',
    'confirmedBy',
  ]),
  externalCoverage: columns(externalCoverageMapping, [
    'key',
    'requirementKey',
    'supplier',
    'decidedOn',
    'decidedBy',
    'contractEnd',
    'note',
  ]),
  // The årshjul: every occurrence is small, and a year has a few dozen; the open ones are picked in memory.
  occurrences: columns(occurrenceMapping, ['key', 'title', 'kind', 'dueOn', 'ownerKey', 'origin', 'completedOn']),
  // Only for the certification body's name on the certifier's audits (a handful of items).
  certificates: columns(certificateMapping, ['key', 'body']),
};

export async function openSharePointReminderSource(
  graph: GraphClient,
  siteId: string,
  options: { timeZone: string; dataDir?: string },
): Promise<SharePointReminderSource> {
  const { timeZone } = options;
  const dir = options.dataDir ? join(options.dataDir, 'sharepoint', siteId) : undefined;
  const specs = listKeys.map((key) => {
    const spec = handbookSchema.find((candidate) => candidate.key === key);
    if (!spec) throw new Error(`No list ${key} in the SharePoint schema`);
    return spec;
  });
  const paths = await resolveListPaths(graph, siteId, specs, dir && join(dir, 'source-lists.json'));
  const mirrors = Object.fromEntries(
    listKeys.map((key) => [
      key,
      createListMirror({
        graph,
        listPath: paths.get(key)!,
        select: wanted[key].select,
        // Not `${key}.json`: the messaging store keeps its own (unprojected) conversations mirror there.
        file: dir && join(dir, `source-${key}.json`),
      }),
    ]),
  ) as Record<ListKey, ListMirror>;

  const readLocalDate = localDateReader(timeZone);
  const localDates = new Map<string, LocalDate>();
  const localDate = (instant: string): LocalDate => {
    let date = localDates.get(instant);
    if (date === undefined) {
      date = readLocalDate(new Date(instant));
      if (localDates.size > 50_000) localDates.clear();
      localDates.set(instant, date);
    }
    return date;
  };
  const startOf = (date: LocalDate) => zonedTime(date, 0, timeZone).toISOString();

  /** A column's value of a mirrored item, decoded like sharepoint-records does. */
  const reader =
    <T>(mapping: RecordMapping<T>) =>
    (item: MirrorItem, column: string) =>
      item.fields[fieldOf(mapping, column)];
  const text = (value: unknown): string | null =>
    value === null || value === undefined || value === '' ? null : String(value);
  const date = (value: unknown): LocalDate | null => (text(value)?.slice(0, 10) as LocalDate | undefined) ?? null;
  const number = (value: unknown): number | null => (text(value) === null ? null : Number(value));

  async function refresh() {
    const results = await Promise.all(listKeys.map((key) => mirrors[key].refresh()));
    return {
      changes: results.reduce((sum, result) => sum + result.changes, 0),
      fullLists: results.filter((result) => result.full).length,
    };
  }

  function byKey<T>(key: ListKey, mapping: RecordMapping<T>, column = 'key'): Map<string, MirrorItem> {
    const read = reader(mapping);
    const index = new Map<string, MirrorItem>();
    for (const item of mirrors[key].items.values()) {
      const value = text(read(item, column));
      if (value !== null) index.set(value, item);
    }
    return index;
  }

  return {
    refresh,
    async listPeopleNames() {
      if (!mirrors.people.loaded) await mirrors.people.refresh();
      const read = reader(personMapping);
      return [...mirrors.people.items.values()].map((item) => ({
        id: text(read(item, 'key')) ?? item.id,
        name: text(read(item, 'title')) ?? '',
      }));
    },
    async listReminderCandidates(today) {
      await refresh();
      const procedure = reader(procedureMapping);
      const version = reader(versionMapping);
      const approval = reader(approvalMapping);
      const request = reader(acknowledgementRequestMapping);
      const acknowledgement = reader(acknowledgementMapping);
      const person = reader(personMapping);
      const conversation = reader(conversationMapping);

      const procedures = byKey('procedures', procedureMapping);
      const versions = byKey('versions', versionMapping);
      const people = byKey('people', personMapping);
      const conversations = byKey('conversations', conversationMapping);
      const personName = (id: string) => {
        const item = people.get(id);
        return (item && text(person(item, 'title'))) ?? null;
      };
      const versionLabel = (id: string | null): string | null => {
        const item = id === null ? undefined : versions.get(id);
        const major = item ? number(version(item, 'major')) : null;
        if (!item || major === null) return null;
        return `${major}.${number(version(item, 'minor')) ?? 0}`;
      };

      const candidates: ReminderCandidate[] = [];
      const horizon = addDays(today, reminderRules.reviewNoticeDays['review-due-30']);
      for (const item of procedures.values()) {
        const nextReviewOn = date(procedure(item, 'nextReviewDate'));
        if (nextReviewOn === null || nextReviewOn > horizon || text(procedure(item, 'currentVersionKey')) === null)
          continue;
        const ownerId = text(procedure(item, 'ownerKey')) ?? '';
        const owner = people.get(ownerId);
        candidates.push({
          kind: 'review',
          procedureId: text(procedure(item, 'key'))!,
          code: text(procedure(item, 'code')) ?? '',
          title: text(procedure(item, 'title')) ?? '',
          ownerId,
          ownerName: personName(ownerId) ?? ownerId,
          ownerLeaderId: (owner && text(person(owner, 'leaderKey'))) ?? null,
          nextReviewOn,
          hasOpenRevision: text(procedure(item, 'draftVersionKey')) !== null,
          etag: number(procedure(item, 'etag')) ?? 0,
          lastReviewedOn: date(procedure(item, 'lastReviewedOn')),
          reviewIntervalMonths: number(procedure(item, 'reviewIntervalMonths')) ?? 0,
        });
      }

      // More than N working days have passed only if at least N + 1 calendar days have.
      const approvalsBefore = startOf(addDays(today, -reminderRules.approvalWaitingWorkingDays));
      for (const item of mirrors.approvals.items.values()) {
        const requestedAt = text(approval(item, 'requestedAt'));
        if (text(approval(item, 'decision')) !== null || requestedAt === null || !(requestedAt < approvalsBefore))
          continue;
        const procedureId = text(approval(item, 'procedureKey')) ?? '';
        const versionId = text(approval(item, 'versionKey')) ?? '';
        const owning = procedures.get(procedureId);
        // Only approvals of the procedure's draft as it stands now: a stale open one is not a task.
        if (!owning || text(procedure(owning, 'draftVersionKey')) !== versionId) continue;
        const approverId = text(approval(item, 'approverKey')) ?? '';
        const requestedBy = text(approval(item, 'requestedBy')) ?? '';
        const approverConversation = conversations.get(approverId);
        candidates.push({
          kind: 'approval',
          approvalId: text(approval(item, 'key')) ?? item.id,
          approverId,
          requestedOn: localDate(requestedAt),
          procedureId,
          versionId,
          code: text(procedure(owning, 'code')) ?? '',
          title: text(procedure(owning, 'title')) ?? '',
          changeKind: (text(approval(item, 'kind')) ?? 'minor') as ChangeKind,
          fromVersionLabel: versionLabel(text(procedure(owning, 'currentVersionKey'))),
          changeSummary: text(approval(item, 'changeSummary')) ?? '',
          requestedBy,
          requestedByName: personName(requestedBy) ?? requestedBy,
          requestedAt,
          approverName: personName(approverId) ?? approverId,
          approverUserId: (approverConversation && text(conversation(approverConversation, 'userId'))) ?? null,
        });
      }

      const acknowledged = new Set(
        [...mirrors.acknowledgements.items.values()].map(
          (item) => `${text(acknowledgement(item, 'versionKey'))}:${text(acknowledgement(item, 'personKey'))}`,
        ),
      );
      // Every open request up to today: the request itself is due from its day (`acknowledgement-requested`).
      const acknowledgementsBefore = startOf(addDays(today, 1));
      for (const item of mirrors.acknowledgementRequests.items.values()) {
        const requestedAt = text(request(item, 'requestedAt'));
        if (requestedAt === null || !(requestedAt < acknowledgementsBefore)) continue;
        const versionId = text(request(item, 'versionKey')) ?? '';
        const personId = text(request(item, 'personKey')) ?? '';
        const procedureId = text(request(item, 'procedureKey')) ?? '';
        const owning = procedures.get(procedureId);
        const current = versions.get(versionId);
        // Requests for the current version only: a superseded version asks nobody to read it.
        if (!owning || !current || text(procedure(owning, 'currentVersionKey')) !== versionId) continue;
        if (acknowledged.has(`${versionId}:${personId}`)) continue;
        candidates.push({
          kind: 'acknowledgement',
          versionId,
          personId,
          requestedOn: localDate(requestedAt),
          procedureId,
          code: text(procedure(owning, 'code')) ?? '',
          title: text(procedure(owning, 'title')) ?? '',
          versionLabel: versionLabel(versionId),
          changeSummary: text(version(current, 'changeSummary')),
          publishedAt: text(version(current, 'publishedAt')) ?? requestedAt,
          requestedAt,
        });
      }

      // Current major versions whose makers were recorded: their requests are derived from the
      // procedure's audience (core/audience.ts), not stored.
      const members = [...people.values()].map((item) => ({
        id: text(person(item, 'key')) ?? '',
        unitId: text(person(item, 'unitKey')) ?? '',
        roles: JSON.parse(text(person(item, 'roles')) ?? '[]') as Person['roles'],
      }));
      for (const owning of procedures.values()) {
        const versionId = text(procedure(owning, 'currentVersionKey'));
        const current = versionId === null ? undefined : versions.get(versionId);
        const makers = current && text(version(current, 'makerKeys'));
        const publishedAt = current && text(version(current, 'publishedAt'));
        if (!current || !makers || !publishedAt || !(publishedAt < acknowledgementsBefore)) continue;
        const procedureId = text(procedure(owning, 'key')) ?? '';
        const asked = acknowledgementRequestsOf(
          {
            id: versionId!,
            procedureId,
            kind: text(version(current, 'kind')) as ChangeKind | null,
            publishedAt,
            approvedBy: text(version(current, 'approvedBy')),
            makerIds: JSON.parse(makers) as string[],
          },
          { audience: JSON.parse(text(procedure(owning, 'audience')) ?? '{"unitIds":[],"roles":[]}') as Audience },
          members,
        );
        for (const request of asked ?? []) {
          if (acknowledged.has(`${request.versionId}:${request.personId}`)) continue;
          candidates.push({
            kind: 'acknowledgement',
            versionId: request.versionId,
            personId: request.personId,
            requestedOn: localDate(request.requestedAt),
            procedureId,
            code: text(procedure(owning, 'code')) ?? '',
            title: text(procedure(owning, 'title')) ?? '',
            versionLabel: versionLabel(request.versionId),
            changeSummary: text(version(current, 'changeSummary')),
            publishedAt,
            requestedAt: request.requestedAt,
          });
        }
      }

      // Records as the store reads them (a damaged item is skipped, not fatal).
      const records = <T>(key: ListKey, mapping: RecordMapping<T>): T[] =>
        [...mirrors[key].items.values()].flatMap((item) => {
          try {
            return [fromFields(mapping, item.fields)];
          } catch {
            return [];
          }
        });
      // The årshjul: open occurrences due within 30 days or overdue, with the owner's leader.
      const occurrenceHorizon = addDays(today, occurrenceReminderRules.noticeDays['occurrence-due-30']);
      const open = records('occurrences', occurrenceMapping).filter(
        (occurrence) => occurrence.completedOn === null && occurrence.dueOn <= occurrenceHorizon,
      );
      const directoryPeople = () =>
        records('people', personMapping).map((entry) => ({
          id: entry.id,
          name: entry.name ?? entry.id,
          unitId: entry.unitId ?? '',
          roles: (Array.isArray(entry.roles) ? entry.roles : []) as Person['roles'],
          leaderId: entry.leaderId ?? null,
        }));
      const directoryUnits = () =>
        records('units', unitMapping).map((unit) => ({ ...unit, parentId: unit.parentId ?? null }));
      if (open.length > 0) {
        const owners = directoryPeople();
        const leaders = leaderDirectory(owners, directoryUnits());
        const ownerById = new Map(owners.map((owner) => [owner.id, owner]));
        const bodies = new Map(
          records('certificates', certificateMapping).map((certificate) => [certificate.id, certificate.body]),
        );
        for (const occurrence of open) {
          const owner = ownerById.get(occurrence.ownerId);
          const origin = occurrence.origin as OccurrenceOrigin;
          candidates.push({
            kind: 'occurrence',
            occurrenceId: occurrence.id,
            ownerId: occurrence.ownerId,
            ownerLeaderId: owner ? leaderOfPerson(owner, leaders) : null,
            dueOn: occurrence.dueOn,
            completedOn: occurrence.completedOn,
            occurrenceKind: occurrence.kind as OccurrenceKind,
            title: occurrence.title,
            origin,
            ownerName: owner?.name ?? occurrence.ownerId,
            certificationBody: origin.kind === 'certificate' ? (bodies.get(origin.certificateId) ?? null) : null,
          });
        }
      }

      const requirements = records('competenceRequirements', competenceRequirementMapping);
      const personCompetences = records('personCompetences', personCompetenceMapping);
      if (requirements.length > 0 || personCompetences.length > 0) {
        const people = directoryPeople();
        const procedureRecords = [...procedures.values()].map((item) => ({
          id: text(procedure(item, 'key')) ?? item.id,
          code: text(procedure(item, 'code')) ?? '',
          title: text(procedure(item, 'title')) ?? '',
          unitId: text(procedure(item, 'unitKey')),
          area: text(procedure(item, 'area')) ?? '',
        }));
        candidates.push(
          ...competenceCandidates(
            {
              people,
              units: directoryUnits(),
              competences: records('competences', competenceMapping),
              requirements,
              personCompetences,
              externalCoverage: records('externalCoverage', externalCoverageMapping),
              procedures: procedureRecords,
            },
            today,
          ),
        );
      }
      return candidates;
    },
  };
}
