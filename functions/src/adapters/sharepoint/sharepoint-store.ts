import type { ChangeSet, Store } from '../../app/ports.js';
import { staleWriteError } from '../../app/procedure-context.js';
import { AppError } from '../../core/errors.js';
import type { Procedure } from '../../core/types.js';
import type { GraphClient, ListItem } from './graph-client.js';
import { isGraphError } from './graph-errors.js';
import {
  acknowledgementMapping,
  acknowledgementRequestMapping,
  approvalMapping,
  fieldOf,
  fromFields,
  personMapping,
  procedureFields,
  procedureMapping,
  reviewMapping,
  toFields,
  trailMapping,
  unitMapping,
  versionMapping,
  type Fields,
  type RecordMapping,
} from './sharepoint-records.js';
import { handbookSchema, procedureLibrary } from './sharepoint-schema.js';

/**
 * The Store port on SharePoint lists (IN PROGRESS: not wired into compose). Implemented so far:
 * the record reads below and `commit`. Not yet: listProcedures (sorting, paging and visibility
 * over the library), listAreas, search, listOpenAcknowledgementsFor and the directory methods.
 *
 * SharePoint has no transactions, so a ChangeSet becomes ordered writes. The procedure goes
 * first, with If-Match on the eTag that was read: a concurrent writer that read the same eTag
 * gets 412 (CONFLICT) before it has written anything. What follows (versions, approvals,
 * trail…) is keyed by our ids and upserted, so re-running a ChangeSet that failed half-way
 * converges instead of duplicating.
 *
 * A procedure is a folder in the "Procedurer" library: the folder's list item carries the
 * metadata columns, the version files go inside it.
 */
export type SharePointStore = Pick<
  Store,
  | 'listUnits'
  | 'listPeople'
  | 'getPerson'
  | 'getProcedure'
  | 'getProcedureByCode'
  | 'listVersions'
  | 'getVersion'
  | 'listApprovals'
  | 'getApproval'
  | 'listOpenApprovalsFor'
  | 'listReviews'
  | 'listAcknowledgementRequests'
  | 'listAcknowledgements'
  | 'listTrail'
  | 'commit'
>;

type Item = { id: string; eTag: string; fields: Fields };

/** Looks up the lists (by title) and the library's drive once; 12 reads, 12 resource units. */
export async function openSharePointStore(graph: GraphClient, siteId: string): Promise<SharePointStore> {
  const sitePath = `/sites/${siteId}`;
  const listIds = new Map<string, string>();
  for (const spec of handbookSchema) {
    const list = await graph.get<{ id: string }>(`${sitePath}/lists/${encodeURIComponent(spec.displayName)}`);
    listIds.set(spec.key, list.id);
  }
  const listPath = (mapping: RecordMapping<unknown>) => `${sitePath}/lists/${listIds.get(mapping.list.key)!}`;
  const drive = await graph.get<{ id: string }>(`${sitePath}/lists/${listIds.get(procedureLibrary.key)!}/drive`);

  const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

  async function query<T>(mapping: RecordMapping<T>, column: string, value: string): Promise<Item[]> {
    const filter = encodeURIComponent(`fields/${fieldOf(mapping, column)} eq ${literal(value)}`);
    const items = await graph.getAll<ListItem>(
      `${listPath(mapping as RecordMapping<unknown>)}/items?$expand=fields&$filter=${filter}`,
    );
    return items.map((item) => ({ id: item.id, eTag: item.eTag ?? '', fields: item.fields ?? {} }));
  }

  async function all<T>(mapping: RecordMapping<T>): Promise<Item[]> {
    const items = await graph.getAll<ListItem>(`${listPath(mapping as RecordMapping<unknown>)}/items?$expand=fields`);
    return items.map((item) => ({ id: item.id, eTag: item.eTag ?? '', fields: item.fields ?? {} }));
  }

  async function findByKey<T>(mapping: RecordMapping<T>, key: string): Promise<Item | undefined> {
    return (await query(mapping, 'key', key))[0];
  }

  async function one<T>(mapping: RecordMapping<T>, key: string): Promise<T | undefined> {
    const item = await findByKey(mapping, key);
    return item ? fromFields(mapping, item.fields) : undefined;
  }

  async function many<T>(mapping: RecordMapping<T>, column: string, value: string, order: (record: T) => string) {
    const records = (await query(mapping, column, value)).map((item) => fromFields(mapping, item.fields));
    return records.sort((a, b) => order(a).localeCompare(order(b)));
  }

  async function patch<T>(mapping: RecordMapping<T>, item: Item, fields: Fields): Promise<void> {
    await graph.request({
      method: 'PATCH',
      url: `${listPath(mapping as RecordMapping<unknown>)}/items/${item.id}/fields`,
      body: fields,
      ifMatch: item.eTag,
    });
  }

  async function upsert<T>(mapping: RecordMapping<T>, record: T, key: string): Promise<void> {
    const existing = await findByKey(mapping, key);
    if (existing) await patch(mapping, existing, toFields(mapping, record));
    else await append(mapping, record);
  }

  async function append<T>(mapping: RecordMapping<T>, record: T): Promise<void> {
    await graph.request({
      method: 'POST',
      url: `${listPath(mapping as RecordMapping<unknown>)}/items`,
      body: { fields: toFields(mapping, record) },
    });
  }

  async function insertIfMissing<T>(mapping: RecordMapping<T>, record: T): Promise<void> {
    if (!(await findByKey(mapping, mapping.key!(record)))) await append(mapping, record);
  }

  /** A new procedure: its folder (named by code, refused when taken), then the folder item's fields. */
  async function createProcedure(procedure: Procedure): Promise<void> {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-post-children
    const folder = await graph.request<{ id: string }>({
      method: 'POST',
      url: `/drives/${encodeURIComponent(drive.id)}/items/root/children`,
      body: { name: folderName(procedure.code), folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
    });
    const item = await graph.get<ListItem>(`/drives/${encodeURIComponent(drive.id)}/items/${folder.body.id}/listItem`);
    await patch(procedureMapping, { id: item.id, eTag: item.eTag ?? '*', fields: {} }, procedureFields(procedure));
  }

  async function writeProcedures(changes: ChangeSet, guard: Item | undefined): Promise<void> {
    const expected = changes.expect?.procedureId;
    const procedures = [...(changes.procedures ?? [])].sort(
      (a, b) => Number(b.id === expected) - Number(a.id === expected),
    );
    if (guard && !procedures.some((procedure) => procedure.id === expected)) {
      // Nothing to change on the procedure, but the write must still be fenced by its eTag.
      await patch(procedureMapping, guard, { [fieldOf(procedureMapping, 'etag')]: changes.expect!.etag });
    }
    for (const procedure of procedures) {
      const existing = procedure.id === expected ? guard : await findByKey(procedureMapping, procedure.id);
      if (existing) await patch(procedureMapping, existing, procedureFields(procedure));
      else await createProcedure(procedure);
    }
  }

  const store: SharePointStore = {
    async listUnits() {
      const units = (await all(unitMapping)).map((item) => fromFields(unitMapping, item.fields));
      return units.sort((a, b) => a.name.localeCompare(b.name));
    },
    async listPeople() {
      const people = (await all(personMapping)).map((item) => fromFields(personMapping, item.fields));
      return people.sort((a, b) => a.name.localeCompare(b.name));
    },
    getPerson: (id) => one(personMapping, id),
    getProcedure: (id) => one(procedureMapping, id),
    async getProcedureByCode(code) {
      const item = (await query(procedureMapping, 'code', code))[0];
      return item ? fromFields(procedureMapping, item.fields) : undefined;
    },
    listVersions: (procedureId) => many(versionMapping, 'procedureKey', procedureId, (version) => version.createdAt),
    getVersion: (id) => one(versionMapping, id),
    listApprovals: (procedureId) =>
      many(approvalMapping, 'procedureKey', procedureId, (approval) => approval.requestedAt),
    getApproval: (id) => one(approvalMapping, id),
    async listOpenApprovalsFor(approverId) {
      const approvals = await many(approvalMapping, 'approverKey', approverId, (approval) => approval.requestedAt);
      return approvals.filter((approval) => approval.decision === null);
    },
    listReviews: (procedureId) => many(reviewMapping, 'procedureKey', procedureId, (review) => review.reviewedAt),
    listAcknowledgementRequests: (versionId) =>
      many(acknowledgementRequestMapping, 'versionKey', versionId, (request) => request.requestedAt),
    listAcknowledgements: (versionId) =>
      many(acknowledgementMapping, 'versionKey', versionId, (acknowledgement) => acknowledgement.acknowledgedAt),
    async listTrail(procedureId) {
      const items = await query(trailMapping, 'procedureKey', procedureId);
      return items
        .map((item) => ({ seq: Number(item.id), ...fromFields(trailMapping, item.fields) }))
        .sort((a, b) => a.seq - b.seq);
    },

    async commit(changes) {
      let guard: Item | undefined;
      if (changes.expect) {
        guard = await findByKey(procedureMapping, changes.expect.procedureId);
        if (!guard) throw new AppError('NOT_FOUND', `No procedure with id ${changes.expect.procedureId}.`);
        const current = fromFields(procedureMapping, guard.fields);
        if (current.etag !== changes.expect.etag) {
          const who = await one(personMapping, current.updatedBy);
          throw staleWriteError(current, who?.name ?? current.updatedBy);
        }
      }
      try {
        await writeProcedures(changes, guard);
      } catch (error) {
        if (isGraphError(error) && error.status === 409)
          throw new AppError('DUPLICATE', 'A procedure with this code already exists.', { field: 'code' });
        throw error;
      }
      for (const version of changes.versions ?? []) await upsert(versionMapping, version, version.id);
      for (const approval of changes.approvals ?? []) await upsert(approvalMapping, approval, approval.id);
      for (const review of changes.reviews ?? []) await upsert(reviewMapping, review, review.id);
      for (const request of changes.acknowledgementRequests ?? [])
        await insertIfMissing(acknowledgementRequestMapping, request);
      for (const acknowledgement of changes.acknowledgements ?? [])
        await insertIfMissing(acknowledgementMapping, acknowledgement);
      for (const entry of changes.trail ?? []) await append(trailMapping, entry);
    },
  };
  return store;
}

/** SharePoint refuses " * : < > ? / \ | in names. */
function folderName(code: string): string {
  return code.replace(/["*:<>?/\\|]/g, '-').trim();
}
