import { deadlineKeysToCarry, deadlineWritesFor } from '../../app/deadline-index.js';
import type { ChangeSet, ProcedureSearchSource, Store } from '../../app/ports.js';
import { staleWriteError } from '../../app/procedure-context.js';
import { personCompetenceEtag, staleCompetenceError } from '../../core/competence-etag.js';
import { AppError } from '../../core/errors.js';
import type { Person, ProcessLevel, Procedure, Unit } from '../../core/types.js';
import { areasOf, listRows, procedureRowOf } from './sharepoint-listing.js';
import { driveChildrenPath } from './drive-files.js';
import type { GraphClient, ListItem } from './graph-client.js';
import {
  createFields,
  acknowledgementMapping,
  acknowledgementRequestMapping,
  approvalMapping,
  competenceMapping,
  competenceRequirementMapping,
  externalCoverageMapping,
  fieldOf,
  fromFields,
  personCompetenceKey,
  personCompetenceMapping,
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
import { deadlineList, procedureLibrary, recordLists } from './sharepoint-schema.js';
import { sharePointDeadlines } from './sharepoint-deadlines.js';

/**
 * The Store port on SharePoint lists (not yet wired into compose).
 *
 * SharePoint has no transactions, so a ChangeSet becomes ordered writes. The procedure goes
 * first, with If-Match on the eTag that was read: a concurrent writer that read the same eTag
 * gets 412 (CONFLICT) before it has written anything. What follows (versions, approvals,
 * trail…) is keyed by our ids and upserted, so re-running a ChangeSet that failed half-way
 * converges instead of duplicating.
 *
 * A procedure is a folder in the "Procedurer" library: the folder's list item carries the
 * metadata columns, the version files go inside it. The item also carries what a row of the
 * handbook list derives from other records (draft state and author, the open approval's
 * approver, the published version's number and text), written with the procedure, so that
 * listing and searching read the library alone.
 *
 * Listing: one paged query of the library per status (published, unpublished; or just the
 * one asked for), `$filter`ed only on indexed columns (status, owner), then visibility, the
 * other filters, sorting and paging in memory, with the same semantics as the SQLite store
 * (the contract suite checks both).
 * Filtering on a column that is not indexed fails past 5,000 items:
 * https://learn.microsoft.com/en-us/graph/api/listitem-list
 *
 * Search: Graph has no full-text query over list item fields, so the store hands the published
 * procedures' texts (one indexed query) to the product's one in-memory search index
 * (core/search-index.ts), as the SQLite store does. Its stamp moves with this process's commits
 * and at least every 30 seconds, so writes by other instances reach the index within that time.
 */
export type SharePointStore = Store & {
  /** Production: makes sure the unit new people are placed in exists; an existing unit is left as it is. */
  ensureUnit(unit: Unit): Promise<void>;
};

type Item = { id: string; eTag: string; fields: Fields };

/** How long another instance's write may take to reach this instance's search index. */
const searchStampSeconds = 30;
/** Up to this many changed procedures are read one indexed query each; more, the whole list once. */
const maxSearchItemQueries = 10;

/** Looks up the lists (by title) and the library's drive once; 17 reads, 17 resource units. */
export async function openSharePointStore(graph: GraphClient, siteId: string): Promise<SharePointStore> {
  const sitePath = `/sites/${siteId}`;
  const listIds = new Map<string, string>();
  // The quality year's lists are looked up by its own store (sharepoint-quality-store.ts).
  for (const spec of [procedureLibrary, ...recordLists]) {
    const list = await graph.get<{ id: string }>(`${sitePath}/lists/${encodeURIComponent(spec.displayName)}`);
    listIds.set(spec.key, list.id);
  }
  const listPath = (mapping: RecordMapping<unknown>) => `${sitePath}/lists/${listIds.get(mapping.list.key)!}`;
  const drive = await graph.get<{ id: string }>(`${sitePath}/lists/${listIds.get(procedureLibrary.key)!}/drive`);
  const deadlines = sharePointDeadlines(graph, `${sitePath}/lists/${listIds.get(deadlineList.key)!}`);

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
      body: { fields: createFields(toFields(mapping, record)) },
    });
  }

  async function insertIfMissing<T>(mapping: RecordMapping<T>, record: T): Promise<void> {
    if (!(await findByKey(mapping, mapping.key!(record)))) await append(mapping, record);
  }

  async function remove<T>(mapping: RecordMapping<T>, item: Item): Promise<void> {
    // https://learn.microsoft.com/en-us/graph/api/listitem-delete
    await graph.request({
      method: 'DELETE',
      url: `${listPath(mapping as RecordMapping<unknown>)}/items/${item.id}`,
      ifMatch: item.eTag,
    });
  }

  /**
   * A requirement's coverage decisions go first, the requirement last: a run that fails half-way
   * leaves the requirement in place, and running the ChangeSet again finishes the job. The coverage
   * list is read whole (a few decisions; its requirement column is not indexed).
   */
  async function deleteRequirements(items: Item[]): Promise<void> {
    const ids = new Set(items.map((item) => fromFields(competenceRequirementMapping, item.fields).id));
    for (const coverage of await all(externalCoverageMapping))
      if (ids.has(fromFields(externalCoverageMapping, coverage.fields).requirementId))
        await remove(externalCoverageMapping, coverage);
    for (const item of items) await remove(competenceRequirementMapping, item);
  }

  /** A new procedure: its folder (named by code, refused when taken), then the folder item's fields. */
  async function createProcedure(procedure: Procedure, fields: Fields): Promise<void> {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-post-children
    const folder = await graph.request<{ id: string }>({
      method: 'POST',
      url: driveChildrenPath(drive.id),
      body: { name: folderName(procedure.code), folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
    });
    const item = await graph.get<ListItem>(`/drives/${encodeURIComponent(drive.id)}/items/${folder.body.id}/listItem`);
    await patch(procedureMapping, { id: item.id, eTag: item.eTag ?? '*', fields: {} }, fields);
  }

  const column = (key: string) => fieldOf(procedureMapping, key);

  /**
   * The row's derived columns (draft state and author, the open approval's approver, the
   * published version's number and text), from the ChangeSet where it has them; read only when
   * the procedure points at a version the ChangeSet does not carry and the item does not
   * already describe. Columns that stay as they are are left out of the PATCH.
   */
  async function derivedFields(procedure: Procedure, changes: ChangeSet, existing: Fields | undefined) {
    const fields: Fields = {};
    const inChanges = (id: string) => (changes.versions ?? []).find((version) => version.id === id);
    const draftId = procedure.draftVersionId;
    if (!draftId) {
      Object.assign(fields, {
        [column('draftState')]: null,
        [column('draftAuthorKey')]: null,
        [column('pendingApproverKey')]: null,
      });
    } else {
      const known = existing?.[column('draftVersionKey')] === draftId;
      const changed = inChanges(draftId);
      const draft = changed ?? (known ? undefined : await one(versionMapping, draftId));
      if (draft) {
        fields[column('draftState')] = draft.state === 'pending' ? 'pending' : 'draft';
        fields[column('draftAuthorKey')] = draft.authorId;
      }
      const approvals = (changes.approvals ?? []).filter((approval) => approval.versionId === draftId);
      if (approvals.length > 0)
        fields[column('pendingApproverKey')] =
          approvals.find((approval) => approval.decision === null)?.approverId ?? null;
      else if (draft && draft.state !== 'pending') fields[column('pendingApproverKey')] = null;
      else if (draft) {
        const open = (await query(approvalMapping, 'versionKey', draftId))
          .map((item) => fromFields(approvalMapping, item.fields))
          .find((approval) => approval.decision === null);
        fields[column('pendingApproverKey')] = open?.approverId ?? null;
      }
    }
    const currentId = procedure.currentVersionId;
    if (!currentId) {
      Object.assign(fields, { [column('version')]: null, [column('searchText')]: null });
    } else {
      const changed = inChanges(currentId);
      const known = existing?.[column('currentVersionKey')] === currentId;
      const current = changed ?? (known ? undefined : await one(versionMapping, currentId));
      if (current) {
        fields[column('version')] = `${current.major ?? 0}.${current.minor ?? 0}`;
        fields[column('searchText')] = current.text;
      }
    }
    return fields;
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
      const fields = { ...procedureFields(procedure), ...(await derivedFields(procedure, changes, existing?.fields)) };
      if (existing) await patch(procedureMapping, existing, fields);
      else await createProcedure(procedure, fields);
    }
  }

  /**
   * The procedure items, `$filter`ed on one indexed column: "When filtering on indexed fields,
   * the service can only filter one indexed field at a time" (listitem-list). An owner is the
   * most selective (a handful of procedures), so it goes to SharePoint and a status is applied
   * here. The library also holds the version files (and their folders' other items), so a query
   * always names a column that only procedure items carry: without an owner it is two queries
   * by status (published, unpublished) rather than a read of every file in the library.
   */
  /** One indexed condition per query (SharePoint filters on one indexed field at a time). */
  type ProcedureWhere = { ownerId?: string; status?: 'published' | 'unpublished'; key?: string };

  async function procedureItems(where: ProcedureWhere = {}): Promise<Fields[]> {
    return (await procedureListItems(where)).map((item) => item.fields);
  }

  /**
   * `procedureItems` with each item's eTag. The most selective condition goes to SharePoint (the
   * key, else the owner, else the status); the others are applied here.
   */
  async function procedureListItems(where: ProcedureWhere = {}): Promise<Item[]> {
    if (where.key === undefined && where.ownerId === undefined && where.status === undefined) {
      const [published, unpublished] = await Promise.all([
        procedureListItems({ status: 'published' }),
        procedureListItems({ status: 'unpublished' }),
      ]);
      return [...published, ...unpublished];
    }
    const filter = encodeURIComponent(
      where.key !== undefined
        ? `fields/${column('key')} eq ${literal(where.key)}`
        : where.ownerId !== undefined
          ? `fields/${column('ownerKey')} eq ${literal(where.ownerId)}`
          : `fields/${column('status')} eq '${where.status!}'`,
    );
    const items = await graph.getAll<ListItem>(
      `${listPath(procedureMapping as RecordMapping<unknown>)}/items?$expand=fields&$filter=${filter}`,
    );
    return items
      .map((item) => ({ id: item.id ?? '', eTag: item.eTag ?? '', fields: (item.fields ?? {}) as Fields }))
      .filter(({ fields }) => typeof fields[column('key')] === 'string' && fields[column('key')] !== '')
      .filter(({ fields }) => where.status === undefined || fields[column('status')] === where.status)
      .filter(({ fields }) => where.ownerId === undefined || fields[column('ownerKey')] === where.ownerId);
  }

  /**
   * The published procedures' items (all, or the few named: one indexed query each) with the
   * names their search metadata shows; the revision of an item's search texts is its eTag and
   * those names.
   */
  async function searchItems(procedureIds?: readonly string[]) {
    if (procedureIds?.length === 0) return [];
    const [items, units, people] = await Promise.all([
      procedureIds === undefined || procedureIds.length > maxSearchItemQueries
        ? procedureListItems(published())
        : Promise.all(procedureIds.map((id) => procedureListItems({ ...published(), key: id }))).then((found) =>
            found.flat(),
          ),
      store.listUnits(),
      store.listPeople(),
    ]);
    const wanted = procedureIds === undefined ? null : new Set(procedureIds);
    const unitNames = new Map(units.map((unit) => [unit.id, unit.name]));
    const personNames = new Map(people.map((person) => [person.id, person.name]));
    return items
      .filter((item) => wanted === null || wanted.has(item.fields[column('key')] as string))
      .map((item) => {
        const procedure = fromFields(procedureMapping, item.fields);
        const unitName = (procedure.unitId && unitNames.get(procedure.unitId)) ?? '';
        const ownerName = personNames.get(procedure.ownerId) ?? '';
        return { item, procedure, unitName, ownerName, revision: `${item.eTag}|${unitName}|${ownerName}` };
      });
  }

  const published = () => ({ status: 'published' as const });

  async function personItem(aadObjectId: string): Promise<Item | undefined> {
    return (await query(personMapping, 'aadObjectId', aadObjectId))[0];
  }

  /** This process's commits, for the search stamp. */
  let commits = 0;
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

    async listCompetences() {
      const competences = (await all(competenceMapping)).map((item) => fromFields(competenceMapping, item.fields));
      return competences.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
    },
    async listCompetenceRequirements() {
      const requirements = (await all(competenceRequirementMapping)).map((item) =>
        fromFields(competenceRequirementMapping, item.fields),
      );
      return requirements.sort((a, b) => byText(a.competenceId, b.competenceId) || byText(a.id, b.id));
    },
    async listPersonCompetences(filter) {
      const items =
        filter?.personId === undefined
          ? await all(personCompetenceMapping)
          : await query(personCompetenceMapping, 'personKey', filter.personId);
      return items
        .map((item) => fromFields(personCompetenceMapping, item.fields))
        .sort((a, b) => byText(a.personId, b.personId) || byText(a.competenceId, b.competenceId));
    },
    async listExternalCoverage() {
      const coverage = (await all(externalCoverageMapping)).map((item) =>
        fromFields(externalCoverageMapping, item.fields),
      );
      return coverage.sort((a, b) => byText(a.decidedOn, b.decidedOn) || byText(a.id, b.id));
    },

    async ensureUnit(unit) {
      await insertIfMissing(unitMapping, unit);
    },
    async getPersonByAadObjectId(aadObjectId) {
      const item = await personItem(aadObjectId);
      return item ? fromFields(personMapping, item.fields) : undefined;
    },
    async upsertPersonFromDirectory(entry) {
      // Not atomic across two processes signing the same new person in at the same moment
      // (SharePoint has no unique constraint on KhAadObjectId that we could rely on here); the
      // refresh of a known person is fenced by If-Match and retried once on a lost race.
      for (let attempt = 0; ; attempt++) {
        const existing = await personItem(entry.aadObjectId);
        if (!existing) {
          const person: Person = {
            id: entry.whenNew.id,
            name: entry.name,
            email: entry.email,
            title: entry.whenNew.title,
            unitId: entry.whenNew.unitId,
            roles: entry.roles,
            leaderId: null,
            aadObjectId: entry.aadObjectId,
          };
          await append(personMapping, person);
          return person;
        }
        const person = { ...fromFields(personMapping, existing.fields), ...pick(entry) };
        try {
          await patch(personMapping, existing, {
            [fieldOf(personMapping, 'title')]: person.name,
            [fieldOf(personMapping, 'email')]: person.email,
            [fieldOf(personMapping, 'roles')]: JSON.stringify(person.roles),
          });
          return person;
        } catch (error) {
          if (attempt > 0 || !(error instanceof AppError && error.code === 'CONFLICT')) throw error;
        }
      }
    },
    async listProcedures(listQuery) {
      const rows = (
        await procedureItems({
          ownerId: listQuery.ownerId,
          status: listQuery.status === 'published' || listQuery.status === 'unpublished' ? listQuery.status : undefined,
        })
      ).map(procedureRowOf);
      const ownerNames =
        listQuery.sort === 'owner'
          ? new Map((await store.listPeople()).map((person) => [person.id, person.name]))
          : undefined;
      return listRows(rows, listQuery, ownerNames);
    },
    async listAreas(viewer) {
      return areasOf((await procedureItems()).map(procedureRowOf), viewer);
    },
    async listOpenAcknowledgementsFor(personId) {
      const [requests, acknowledged, current] = await Promise.all([
        query(acknowledgementRequestMapping, 'personKey', personId),
        query(acknowledgementMapping, 'personKey', personId),
        procedureItems(published()),
      ]);
      const done = new Set(acknowledged.map((item) => fromFields(acknowledgementMapping, item.fields).versionId));
      const currentVersions = new Set(current.map((fields) => fields[column('currentVersionKey')]));
      return requests
        .map((item) => fromFields(acknowledgementRequestMapping, item.fields))
        .filter((request) => currentVersions.has(request.versionId) && !done.has(request.versionId))
        .sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    },
    async searchStamp() {
      return `${commits}:${Math.floor(Date.now() / searchStampSeconds / 1000)}`;
    },
    async listSearchRevisions() {
      return (await searchItems()).map(({ procedure, revision }) => ({ procedureId: procedure.id, revision }));
    },
    async listSearchSources(procedureIds) {
      return (await searchItems(procedureIds)).map(
        ({ item, procedure, unitName, ownerName, revision }): ProcedureSearchSource => ({
          procedureId: procedure.id,
          code: procedure.code,
          title: procedure.title,
          metadata: [
            levelWords[procedure.level],
            procedure.area,
            unitName,
            ownerName,
            ...procedure.legalBasis,
            ...procedure.standards.map((s) => `${s.standard} ${s.clauses.join(' ')}`),
          ].join(' · '),
          body: (item.fields[column('searchText')] as string | null | undefined) ?? '',
          revision,
        }),
      );
    },

    async commit(changes) {
      commits += 1;
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
      const expected = changes.expectPersonCompetence;
      if (expected) {
        const item = await findByKey(personCompetenceMapping, personCompetenceKey(expected));
        const currentEtag = personCompetenceEtag(item && fromFields(personCompetenceMapping, item.fields));
        if (currentEtag !== expected.etag) throw staleCompetenceError(currentEtag);
      }
      // Checked before anything is written: SharePoint cannot roll back a half-applied ChangeSet.
      const doomed: Item[] = [];
      for (const requirementId of changes.deleteCompetenceRequirements ?? []) {
        const item = await findByKey(competenceRequirementMapping, requirementId);
        if (!item) throw new AppError('NOT_FOUND', `No competence requirement with id ${requirementId}.`);
        doomed.push(item);
      }
      // The deadline index's carried values, read before anything is written.
      const deadlineCarry = await deadlines.carried(deadlineKeysToCarry(changes));
      try {
        await writeProcedures(changes, guard);
      } catch (error) {
        if (error instanceof AppError && error.code === 'DUPLICATE')
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
      for (const competence of changes.competences ?? []) await upsert(competenceMapping, competence, competence.id);
      for (const requirement of changes.competenceRequirements ?? [])
        await upsert(competenceRequirementMapping, requirement, requirement.id);
      for (const record of changes.personCompetences ?? [])
        await upsert(personCompetenceMapping, record, personCompetenceKey(record));
      for (const coverage of changes.externalCoverage ?? [])
        await upsert(externalCoverageMapping, coverage, coverage.id);
      if (doomed.length > 0) await deleteRequirements(doomed);
      await deadlines.write(deadlineWritesFor(changes, deadlineCarry));
      for (const entry of changes.trail ?? []) await append(trailMapping, entry);
    },
  };
  return store;
}

/** The same words the SQLite store indexes for each process level. */
const levelWords: Record<ProcessLevel, string> = {
  management: 'Ledelsesproces ledelsesprocesser',
  core: 'Kerneproces kerneprocesser sagsbehandling',
  support: 'Støtteproces støtteprocesser',
};

/** Code-point order, as SQLite's ORDER BY on text sorts ids. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pick(entry: { name: string; email: string; roles: Person['roles'] }) {
  return { name: entry.name, email: entry.email, roles: entry.roles };
}

/** SharePoint refuses " * : < > ? / \ | in names. */
function folderName(code: string): string {
  return code.replace(/["*:<>?/\\|]/g, '-').trim();
}
