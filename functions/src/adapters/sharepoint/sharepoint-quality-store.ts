import { qualityDeadlineWritesFor } from '../../app/deadline-index.js';
import { deadlineListWrites } from './sharepoint-deadline-writes.js';
import { deadlineMapping } from './sharepoint-records.js';
import { staleQualityRecordError, storedVersionOf } from '../../app/quality-conflict.js';
import {
  qualityCollections,
  type QualityChangeSet,
  type QualityCollection,
  type QualityStore,
} from '../../app/quality-ports.js';
import { frozenRecordId, type FrozenRecord } from '../../core/frozen-records.js';
import { addDays, type LocalDate } from '../../core/local-date.js';
import {
  findingGrades,
  type Audit,
  type Certificate,
  type CorrectiveAction,
  type Finding,
  type FindingGrade,
  type ManagementEvaluation,
  type ProgrammeItem,
  type YearWheelOccurrence,
} from '../../core/quality-year-types.js';
import type { YearlyReport } from '../../core/yearly-report.js';
import type { GraphClient } from './graph-client.js';
import { openSharePointDocumentStore } from './sharepoint-document-store.js';
import { createJsonFiles, type JsonFiles } from './sharepoint-json-files.js';
import { literal, openListRepository, type ListWrite } from './sharepoint-list-repository.js';
import {
  auditMapping,
  certificateMapping,
  correctiveActionMapping,
  fieldOf,
  findingMapping,
  fromFields,
  frozenRecordMapping,
  managementEvaluationMapping,
  occurrenceMapping,
  programmeItemMapping,
  trailMapping,
  yearlyReportMapping,
  type RecordMapping,
} from './sharepoint-records.js';

/**
 * The QualityStore port on SharePoint lists (one list per collection, see `qualityLists`),
 * written through the one list repository (sharepoint-list-repository.ts, whose header gives
 * the commit algorithm and its limits): the records named in `expect` are the guarded writes
 * (If-Match, undone on a lost race); a record that is expected but not written is fenced by a
 * no-op PATCH of its etag column; the other records are upserted and the occurrences deleted
 * without If-Match, and so are the deadline index's entries (app/deadline-index.ts) beside them;
 * the trail entries are appended last, in order.
 *
 * A frozen record's snapshot (`payload`) or a published yearly report's `content`, each one
 * multi-line JSON column, that is longer than a column holds goes to the procedure library's
 * drive as a JSON file, and the item keeps a pointer to it (sharepoint-json-files.ts): the file is written before the item and never
 * changes, so the item's eTag, If-Match and lock (`lockedAt`) guard the snapshot as before, and
 * a read checks the file's SHA-256 against the pointer.
 */
type Versioned = { id: string; etag: number; updatedBy: string; updatedAt: string };
type Mapping = RecordMapping<Versioned>;

const mappings: Record<QualityCollection, Mapping> = {
  certificates: certificateMapping,
  programmeItems: programmeItemMapping,
  audits: auditMapping,
  findings: findingMapping,
  correctiveActions: correctiveActionMapping,
  managementEvaluations: managementEvaluationMapping,
  occurrences: occurrenceMapping,
  frozenRecords: frozenRecordMapping,
  yearlyReports: yearlyReportMapping,
} as unknown as Record<QualityCollection, Mapping>;

const collectionOf = (mapping: RecordMapping<unknown>) =>
  qualityCollections.find((collection) => mappings[collection].list.key === mapping.list.key)!;

/** How long another instance's write may take to reach this instance's search index. */
const searchStampSeconds = 30;

/** Looks up the eight lists, the trail and the deadline index by title once: 9 reads, 9 resource units. */
export async function openSharePointQualityStore(
  graph: GraphClient,
  siteId: string,
  options: { jsonFiles?: JsonFiles } = {},
): Promise<QualityStore> {
  const lists = await openListRepository(graph, siteId, [
    ...qualityCollections.map((collection) => mappings[collection].list),
    trailMapping.list,
    deadlineMapping.list,
  ]);
  let documents: ReturnType<typeof openSharePointDocumentStore> | undefined;
  const jsonFiles =
    options.jsonFiles ?? createJsonFiles(() => (documents ??= openSharePointDocumentStore(graph, siteId)));
  const withPayload = async (record: FrozenRecord): Promise<FrozenRecord> => ({
    ...record,
    payload: await jsonFiles.inline(record.payload),
  });

  async function read<T>(collection: QualityCollection, filter?: string): Promise<T[]> {
    const items = await lists.filter(mappings[collection], filter);
    return items.map((item) => fromFields(mappings[collection], item.fields) as unknown as T);
  }

  const get = <T>(collection: QualityCollection, id: string) =>
    lists.get(mappings[collection], id) as Promise<T | undefined>;

  /** This process's commits, for the search stamp. */
  let commits = 0;
  return {
    async listCertificates() {
      const certificates = await read<Certificate>('certificates');
      return certificates.sort((a, b) => byText(b.issuedOn, a.issuedOn) || byText(a.id, b.id));
    },
    async listProgrammeItems() {
      const items = await read<ProgrammeItem>('programmeItems');
      return items.sort((a, b) => byText(a.title, b.title) || byText(a.id, b.id));
    },
    async listAudits(filter) {
      const audits = await read<Audit>(
        'audits',
        filter?.year === undefined ? undefined : `fields/${fieldOf(auditMapping, 'year')} eq ${filter.year}`,
      );
      return audits.sort((a, b) => byText(a.plannedOn, b.plannedOn) || byText(a.title, b.title) || byText(a.id, b.id));
    },
    getAudit: (id) => get('audits', id),
    async listFindings(filter) {
      const findings = await read<Finding>(
        'findings',
        filter?.auditId === undefined
          ? undefined
          : `fields/${fieldOf(findingMapping, 'auditKey')} eq ${literal(filter.auditId)}`,
      );
      return findings.sort(
        (a, b) => byText(a.foundOn, b.foundOn) || gradeRank(a.grade) - gradeRank(b.grade) || byText(a.id, b.id),
      );
    },
    async listCorrectiveActions() {
      const actions = await read<CorrectiveAction>('correctiveActions');
      return actions.sort(
        (a, b) =>
          Number(a.dueOn === null) - Number(b.dueOn === null) ||
          byText(a.dueOn ?? '', b.dueOn ?? '') ||
          byText(a.title, b.title) ||
          byText(a.id, b.id),
      );
    },
    getCorrectiveAction: (id) => get('correctiveActions', id),
    async listManagementEvaluations() {
      const evaluations = await read<ManagementEvaluation>('managementEvaluations');
      return evaluations.sort((a, b) => b.year - a.year || byText(b.plannedOn, a.plannedOn) || byText(a.id, b.id));
    },
    getManagementEvaluation: (id) => get('managementEvaluations', id),
    async listOccurrences(filter) {
      // The indexed date filter is widened by a day each way: a dateOnly value can come back
      // shifted by the site's time zone; the exact bounds are applied to the decoded dates.
      const dueOn = `fields/${fieldOf(occurrenceMapping, 'dueOn')}`;
      const bounds = [
        ...(filter?.from ? [`${dueOn} ge ${literal(addDays(filter.from, -1))}`] : []),
        ...(filter?.to ? [`${dueOn} le ${literal(addDays(filter.to, 1))}`] : []),
      ];
      const occurrences = await read<YearWheelOccurrence>(
        'occurrences',
        bounds.length > 0 ? bounds.join(' and ') : undefined,
      );
      const from = filter?.from ?? ('0000-01-01' as LocalDate);
      const to = filter?.to ?? ('9999-12-31' as LocalDate);
      return occurrences
        .filter((occurrence) => occurrence.dueOn >= from && occurrence.dueOn <= to)
        .sort((a, b) => byText(a.dueOn, b.dueOn) || byText(a.title, b.title) || byText(a.id, b.id));
    },

    async getFrozenRecord(kind, subjectId) {
      const record = await get<FrozenRecord>('frozenRecords', frozenRecordId(kind, subjectId));
      return record && withPayload(record);
    },
    async listFrozenRecords(kind) {
      // Few snapshots (a handful a year): read whole, filtered here.
      const records = await read<FrozenRecord>('frozenRecords');
      return Promise.all(
        records
          .filter((record) => record.subjectKind === kind)
          .sort((a, b) => byText(a.subjectId, b.subjectId))
          .map(withPayload),
      );
    },
    async listYearlyReports() {
      const stored = await read<YearlyReport>('yearlyReports');
      const reports = await Promise.all(
        stored.map(async (report) => ({ ...report, content: await jsonFiles.inline(report.content) })),
      );
      return reports.sort((a, b) => b.year - a.year || b.revision - a.revision || byText(a.id, b.id));
    },

    async searchStamp() {
      return `${commits}:${Math.floor(Date.now() / searchStampSeconds / 1000)}`;
    },

    async commit(input: QualityChangeSet) {
      commits += 1;
      // Long snapshots to the drive first: the items then point at files that exist.
      const changes: QualityChangeSet = {
        ...input,
        ...(input.frozenRecords && {
          frozenRecords: await Promise.all(
            input.frozenRecords.map(async (record) => ({
              ...record,
              payload: await jsonFiles.outline(record.payload),
            })),
          ),
        }),
        ...(input.yearlyReports && {
          yearlyReports: await Promise.all(
            input.yearlyReports.map(async (report) => ({
              ...report,
              content: (await jsonFiles.outline(report.content)) as YearlyReport['content'],
            })),
          ),
        }),
      };
      const expected = changes.expect ?? [];
      const isExpected = (collection: QualityCollection, id: string) =>
        expected.some((entry) => entry.collection === collection && entry.id === id);
      const writes: ListWrite[] = [];
      for (const collection of qualityCollections)
        for (const record of (changes[collection] ?? []) as Versioned[])
          writes.push({
            kind: 'upsert',
            mapping: mappings[collection],
            record,
            guard: isExpected(collection, record.id),
          });
      for (const id of changes.deleteOccurrenceIds ?? [])
        writes.push({ kind: 'delete', mapping: occurrenceMapping, key: id, guard: isExpected('occurrences', id) });
      for (const entry of expected)
        if (
          !writes.some(
            (write) =>
              write.kind !== 'append' &&
              write.mapping === mappings[entry.collection] &&
              'key' in write &&
              write.key === entry.id,
          ) &&
          !(changes[entry.collection] ?? []).some((record) => record.id === entry.id)
        )
          writes.push({
            kind: 'fence',
            mapping: mappings[entry.collection],
            key: entry.id,
            fields: { [fieldOf(mappings[entry.collection], 'etag')]: entry.etag },
          });
      // The deadline index's entries (app/deadline-index.ts), upserted and deleted with the records.
      writes.push(...deadlineListWrites(qualityDeadlineWritesFor(changes)));
      for (const entry of changes.trail ?? []) writes.push({ kind: 'append', mapping: trailMapping, record: entry });
      await lists.commit(writes, {
        check(found) {
          for (const entry of expected) {
            const stored = storedVersionOf(found.record(mappings[entry.collection], entry.id));
            if (stored.etag !== entry.etag) throw staleQualityRecordError(entry.collection, entry.id, stored);
          }
        },
        async lostRace(write) {
          const collection = collectionOf(write.mapping);
          const id =
            'key' in write && write.key !== undefined ? write.key : ((write as { record: Versioned }).record.id ?? '');
          return staleQualityRecordError(collection, id, storedVersionOf(await get<Versioned>(collection, id)));
        },
      });
    },
  };
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function gradeRank(grade: FindingGrade): number {
  return findingGrades.indexOf(grade);
}
