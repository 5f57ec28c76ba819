import { qualityDeadlineWritesFor } from '../../app/deadline-index.js';
import { sharePointDeadlines } from './sharepoint-deadlines.js';
import { deadlineList } from './sharepoint-schema.js';
import { staleQualityRecordError, storedVersionOf } from '../../app/quality-conflict.js';
import {
  qualityCollections,
  type QualityChangeSet,
  type QualityCollection,
  type QualityStore,
} from '../../app/quality-ports.js';
import { isAppError } from '../../core/errors.js';
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
import type { BatchOutcome, BatchRequest, GraphClient, ListItem } from './graph-client.js';
import {
  createFields,
  auditMapping,
  certificateMapping,
  correctiveActionMapping,
  fieldOf,
  findingMapping,
  fromFields,
  managementEvaluationMapping,
  occurrenceMapping,
  programmeItemMapping,
  toFields,
  trailMapping,
  type Fields,
  type RecordMapping,
} from './sharepoint-records.js';

/**
 * The QualityStore port on SharePoint lists (one list per collection, see `qualityLists`).
 *
 * SharePoint has no transaction across items or lists, so a QualityChangeSet becomes ordered
 * requests, as in the document-control store:
 * 1. one `$batch` of indexed KhKey lookups for every record the ChangeSet expects, writes or
 *    deletes (chunks of 20);
 * 2. the expectations are checked against what was read: a mismatch is CONFLICT before
 *    anything is written;
 * 3. the records named in `expect` are written first, in one `$batch`, each with If-Match on the
 *    eTag that was read (a new record relies on KhKey being unique). A record that is expected
 *    but not written gets a no-op PATCH of its etag column under If-Match, so it fences the
 *    write all the same. If any of them fails (412: someone wrote after our read; 409: someone
 *    created it first), the ones that succeeded are undone (fields restored, a created item
 *    deleted, a deleted item re-created) and the commit fails with CONFLICT;
 * 4. the other records are upserted and deleted in one `$batch`, without If-Match (no one
 *    asked to fence them; the last writer wins, as on SQLite);
 * 4b. the deadline index's entries (app/deadline-index.ts, sharepoint-deadlines.ts): one `$batch`
 *    of lookups and one of writes.
 * 5. the trail entries are appended one by one, in order (their item id is their sequence).
 *
 * Limits: between steps 3 and 5 a failure (throttling past the retries, a lost connection)
 * leaves the guarded records written and the rest not; everything is keyed by our ids and
 * upserted, so running the same ChangeSet again converges (only the trail could then hold an
 * entry twice, never none). The compensation in step 3 is itself not fenced: a third writer
 * between our write and its undo would be overwritten. Readers can see the guarded records
 * before the rest is written.
 */
type Versioned = { id: string; etag: number; updatedBy: string; updatedAt: string };
type Mapping = RecordMapping<Versioned>;
type Item = { id: string; eTag: string; fields: Fields };

const mappings: Record<QualityCollection, Mapping> = {
  certificates: certificateMapping,
  programmeItems: programmeItemMapping,
  audits: auditMapping,
  findings: findingMapping,
  correctiveActions: correctiveActionMapping,
  managementEvaluations: managementEvaluationMapping,
  occurrences: occurrenceMapping,
} as unknown as Record<QualityCollection, Mapping>;

/** A write of one record, as planned by `commit`. */
type Write = {
  collection: QualityCollection;
  id: string;
  /** The stored item as read in step 1, if any. */
  existing: Item | undefined;
} & ({ kind: 'upsert'; record: Versioned } | { kind: 'delete' } | { kind: 'fence'; etag: number });

/** How long another instance's write may take to reach this instance's search index. */
const searchStampSeconds = 30;

/** Looks up the seven lists and the trail by title once: 8 reads, 8 resource units. */
export async function openSharePointQualityStore(graph: GraphClient, siteId: string): Promise<QualityStore> {
  const sitePath = `/sites/${siteId}`;
  const listIds = new Map<QualityCollection, string>();
  for (const collection of qualityCollections) {
    const spec = mappings[collection].list;
    const list = await graph.get<{ id: string }>(`${sitePath}/lists/${encodeURIComponent(spec.displayName)}`);
    listIds.set(collection, list.id);
  }
  const trail = await graph.get<{ id: string }>(
    `${sitePath}/lists/${encodeURIComponent(trailMapping.list.displayName)}`,
  );
  const itemsPath = (collection: QualityCollection) => `${sitePath}/lists/${listIds.get(collection)!}/items`;
  const deadlineListItem = await graph.get<{ id: string }>(
    `${sitePath}/lists/${encodeURIComponent(deadlineList.displayName)}`,
  );
  const deadlines = sharePointDeadlines(graph, `${sitePath}/lists/${deadlineListItem.id}`);
  const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
  const keyQuery = (collection: QualityCollection, id: string) =>
    `${itemsPath(collection)}?$expand=fields&$filter=${encodeURIComponent(
      `fields/${fieldOf(mappings[collection], 'key')} eq ${literal(id)}`,
    )}`;
  const toItem = (item: ListItem): Item => ({ id: item.id, eTag: item.eTag ?? '', fields: item.fields ?? {} });

  async function read<T>(collection: QualityCollection, filter?: string): Promise<T[]> {
    const url = `${itemsPath(collection)}?$expand=fields${filter ? `&$filter=${encodeURIComponent(filter)}` : ''}`;
    const items = await graph.getAll<ListItem>(url);
    return items.map((item) => fromFields(mappings[collection], item.fields ?? {}) as unknown as T);
  }

  async function find(collection: QualityCollection, id: string): Promise<Item | undefined> {
    const items = await graph.getAll<ListItem>(keyQuery(collection, id));
    return items[0] && toItem(items[0]);
  }

  async function get<T>(collection: QualityCollection, id: string): Promise<T | undefined> {
    const item = await find(collection, id);
    return item ? (fromFields(mappings[collection], item.fields) as unknown as T) : undefined;
  }

  /** Step 1: the stored item of each (collection, id), in one `$batch`. */
  async function lookUp(targets: Map<string, { collection: QualityCollection; id: string }>) {
    const entries = [...targets.entries()];
    const outcomes = await runBatch(
      entries.map(([, target]) => ({ method: 'GET', url: keyQuery(target.collection, target.id) })),
    );
    const found = new Map<string, Item | undefined>();
    outcomes.forEach((outcome, index) => {
      if (!outcome.ok) throw outcome.error;
      const first = (outcome.body as { value?: ListItem[] }).value?.[0];
      found.set(entries[index]![0], first && toItem(first));
    });
    return found;
  }

  async function runBatch(requests: BatchRequest[]): Promise<BatchOutcome[]> {
    return requests.length === 0 ? [] : graph.batch(requests);
  }

  function requestFor(write: Write, fenced: boolean): BatchRequest {
    const mapping = mappings[write.collection];
    const ifMatch = fenced && write.existing ? { ifMatch: write.existing.eTag } : {};
    if (write.kind === 'fence')
      return {
        method: 'PATCH',
        url: `${itemsPath(write.collection)}/${write.existing!.id}/fields`,
        body: { [fieldOf(mapping, 'etag')]: write.etag },
        ifMatch: write.existing!.eTag,
      };
    if (write.kind === 'delete')
      return { method: 'DELETE', url: `${itemsPath(write.collection)}/${write.existing!.id}`, ...ifMatch };
    const fields = toFields(mapping, write.record);
    return write.existing
      ? { method: 'PATCH', url: `${itemsPath(write.collection)}/${write.existing.id}/fields`, body: fields, ...ifMatch }
      : { method: 'POST', url: itemsPath(write.collection), body: { fields: createFields(fields) } };
  }

  /** Undoes a guarded write that succeeded (step 3), from what was read before it. */
  function undoFor(write: Write, outcome: BatchOutcome): BatchRequest | null {
    if (!outcome.ok || write.kind === 'fence') return null;
    const mapping = mappings[write.collection];
    if (!write.existing) {
      const created = outcome.body as { id?: string };
      return created.id ? { method: 'DELETE', url: `${itemsPath(write.collection)}/${created.id}` } : null;
    }
    const before = toFields(mapping, fromFields(mapping, write.existing.fields));
    return write.kind === 'delete'
      ? { method: 'POST', url: itemsPath(write.collection), body: { fields: createFields(before) } }
      : { method: 'PATCH', url: `${itemsPath(write.collection)}/${write.existing.id}/fields`, body: before };
  }

  /** The CONFLICT for a guarded write Graph refused (412 or a duplicate KhKey), with what is stored now. */
  async function conflictFor(write: Write, outcome: BatchOutcome & { ok: false }): Promise<Error> {
    const lostRace =
      isAppError(outcome.error) && (outcome.error.code === 'CONFLICT' || outcome.error.code === 'DUPLICATE');
    if (!lostRace) return outcome.error;
    const stored = await get<Versioned>(write.collection, write.id);
    return staleQualityRecordError(write.collection, write.id, storedVersionOf(stored));
  }

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

    async searchStamp() {
      return `${commits}:${Math.floor(Date.now() / searchStampSeconds / 1000)}`;
    },

    async commit(changes: QualityChangeSet) {
      commits += 1;
      const keyOf = (collection: QualityCollection, id: string) => `${collection}/${id}`;
      const targets = new Map<string, { collection: QualityCollection; id: string }>();
      const target = (collection: QualityCollection, id: string) =>
        targets.set(keyOf(collection, id), { collection, id });
      for (const expected of changes.expect ?? []) target(expected.collection, expected.id);
      for (const collection of qualityCollections)
        for (const record of changes[collection] ?? []) target(collection, record.id);
      for (const id of changes.deleteOccurrenceIds ?? []) target('occurrences', id);

      // Steps 1 and 2.
      const found = await lookUp(targets);
      for (const expected of changes.expect ?? []) {
        const item = found.get(keyOf(expected.collection, expected.id));
        const stored = storedVersionOf(item && fromFields(mappings[expected.collection], item.fields));
        if (stored.etag !== expected.etag) throw staleQualityRecordError(expected.collection, expected.id, stored);
      }

      const writes: Write[] = [];
      for (const collection of qualityCollections)
        for (const record of (changes[collection] ?? []) as Versioned[])
          writes.push({
            kind: 'upsert',
            collection,
            id: record.id,
            record,
            existing: found.get(keyOf(collection, record.id)),
          });
      for (const id of changes.deleteOccurrenceIds ?? []) {
        const existing = found.get(keyOf('occurrences', id));
        if (existing) writes.push({ kind: 'delete', collection: 'occurrences', id, existing });
      }
      const isGuarded = (write: Write) =>
        (changes.expect ?? []).some((expected) => expected.collection === write.collection && expected.id === write.id);
      const guarded = writes.filter(isGuarded);
      for (const expected of changes.expect ?? []) {
        const existing = found.get(keyOf(expected.collection, expected.id));
        if (existing && !guarded.some((write) => write.collection === expected.collection && write.id === expected.id))
          guarded.push({
            kind: 'fence',
            collection: expected.collection,
            id: expected.id,
            existing,
            etag: expected.etag,
          });
      }

      // Step 3.
      const outcomes = await runBatch(guarded.map((write) => requestFor(write, true)));
      const failed = outcomes.findIndex((outcome) => !outcome.ok);
      if (failed >= 0) {
        const undo = guarded
          .map((write, index) => undoFor(write, outcomes[index]!))
          .filter((request): request is BatchRequest => request !== null);
        await runBatch(undo);
        throw await conflictFor(guarded[failed]!, outcomes[failed] as BatchOutcome & { ok: false });
      }

      // Step 4.
      const rest = writes.filter((write) => !isGuarded(write));
      const restOutcomes = await runBatch(rest.map((write) => requestFor(write, false)));
      const restFailure = restOutcomes.find((outcome) => !outcome.ok);
      if (restFailure && !restFailure.ok) throw restFailure.error;

      // The deadline index (sharepoint-deadlines.ts), with the records.
      await deadlines.write(qualityDeadlineWritesFor(changes));

      // Step 5.
      for (const entry of changes.trail ?? [])
        await graph.request({
          method: 'POST',
          url: `${sitePath}/lists/${trail.id}/items`,
          body: { fields: createFields(toFields(trailMapping, entry)) },
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
