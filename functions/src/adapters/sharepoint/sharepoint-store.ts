import { deadlineKeysToCarry, deadlineWritesFor } from '../../app/deadline-index.js';
import type { ChangeSet, ProcedureSearchSource, Store } from '../../app/ports.js';
import { staleWriteError } from '../../app/procedure-context.js';
import { personCompetenceEtag, staleCompetenceError } from '../../core/competence-etag.js';
import { AppError } from '../../core/errors.js';
import { acknowledgementRequestsOf } from '../../core/audience.js';
import type { Person, ProcessLevel, Procedure, ProcedureVersion, Unit } from '../../core/types.js';
import { areasOf, listRows, procedureRowOf } from './sharepoint-listing.js';
import { driveChildrenPath } from './drive-files.js';
import type { GraphClient, ListItem } from './graph-client.js';
import {
  isDuplicate,
  keyOfWrite,
  literal,
  openListRepository,
  type ListWrite,
  type StoredItem,
} from './sharepoint-list-repository.js';
import {
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
  procedureMapping,
  reviewMapping,
  toFields,
  trailMapping,
  unitMapping,
  versionMapping,
  type Fields,
  type RecordMapping,
} from './sharepoint-records.js';
import { procedureLibrary, recordLists } from './sharepoint-schema.js';
import { carriedDeadlines, deadlineListWrites, deadlineLookups } from './sharepoint-deadline-writes.js';

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

type Item = StoredItem;

/** How long another instance's write may take to reach this instance's search index. */
const searchStampSeconds = 30;
/** Up to this many changed procedures are read one indexed query each; more, the whole list once. */
const maxSearchItemQueries = 10;

/** Looks up the lists (by title) and the library's drive once; 17 reads, 17 resource units. */
export async function openSharePointStore(graph: GraphClient, siteId: string): Promise<SharePointStore> {
  // The quality year's lists are looked up by its own store (sharepoint-quality-store.ts).
  const lists = await openListRepository(graph, siteId, [procedureLibrary, ...recordLists]);
  const drive = await graph.get<{ id: string }>(`${lists.listPath(procedureLibrary)}/drive`);

  const one = <T>(mapping: RecordMapping<T>, key: string) => lists.get(mapping, key);

  async function many<T>(mapping: RecordMapping<T>, column: string, value: string, order: (record: T) => string) {
    const records = await lists.records(mapping, column, value);
    return records.sort((a, b) => order(a).localeCompare(order(b)));
  }

  /** A new procedure: its folder (named by code, refused when taken); its item's fields are then PATCHed. */
  async function createProcedure(procedure: Procedure): Promise<Item> {
    // https://learn.microsoft.com/en-us/graph/api/driveitem-post-children
    let folder;
    try {
      folder = await graph.request<{ id: string }>({
        method: 'POST',
        url: driveChildrenPath(drive.id),
        body: { name: folderName(procedure.code), folder: {}, '@microsoft.graph.conflictBehavior': 'fail' },
      });
    } catch (error) {
      if (isDuplicate(error))
        throw new AppError('DUPLICATE', 'A procedure with this code already exists.', { field: 'code' });
      throw error;
    }
    const item = await graph.get<ListItem>(`/drives/${encodeURIComponent(drive.id)}/items/${folder.body.id}/listItem`);
    return { id: item.id, eTag: item.eTag ?? '*', fields: {} };
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
      for (const key of ['draftState', 'draftAuthorKey', 'pendingApproverKey']) fields[column(key)] = null;
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
        const open = (await lists.records(approvalMapping, 'versionKey', draftId)).find(
          (approval) => approval.decision === null,
        );
        fields[column('pendingApproverKey')] = open?.approverId ?? null;
      }
    }
    const currentId = procedure.currentVersionId;
    if (!currentId) {
      for (const key of ['version', 'searchText', 'acknowledgementAsk']) fields[column(key)] = null;
    } else {
      const changed = inChanges(currentId);
      const known = existing?.[column('currentVersionKey')] === currentId;
      const current = changed ?? (known ? undefined : await one(versionMapping, currentId));
      if (current) {
        fields[column('version')] = `${current.major ?? 0}.${current.minor ?? 0}`;
        fields[column('searchText')] = current.text;
        fields[column('acknowledgementAsk')] = askOf(current);
      }
    }
    return fields;
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
    const items = await lists.filter(
      procedureMapping,
      where.key !== undefined
        ? `fields/${column('key')} eq ${literal(where.key)}`
        : where.ownerId !== undefined
          ? `fields/${column('ownerKey')} eq ${literal(where.ownerId)}`
          : `fields/${column('status')} eq '${where.status!}'`,
    );
    return items
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
    return (await lists.query(personMapping, 'aadObjectId', aadObjectId))[0];
  }

  /** This process's commits, for the search stamp. */
  let commits = 0;
  const store: SharePointStore = {
    async listUnits() {
      const units = (await lists.all(unitMapping)).map((item) => fromFields(unitMapping, item.fields));
      return units.sort((a, b) => a.name.localeCompare(b.name));
    },
    async listPeople() {
      const people = (await lists.all(personMapping)).map((item) => fromFields(personMapping, item.fields));
      return people.sort((a, b) => a.name.localeCompare(b.name));
    },
    getPerson: (id) => one(personMapping, id),
    getProcedure: (id) => one(procedureMapping, id),
    async getProcedureByCode(code) {
      const item = (await lists.query(procedureMapping, 'code', code))[0];
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
    async listAcknowledgementRequests(versionId) {
      const stored = await many(
        acknowledgementRequestMapping,
        'versionKey',
        versionId,
        (request) => request.requestedAt,
      );
      if (stored.length > 0) return stored;
      // A version whose makers were recorded: its requests are the audience except them.
      const version = await one(versionMapping, versionId);
      const procedure = version && (await one(procedureMapping, version.procedureId));
      if (!version || !procedure) return [];
      return acknowledgementRequestsOf(version, procedure, await store.listPeople()) ?? [];
    },
    listAcknowledgements: (versionId) =>
      many(acknowledgementMapping, 'versionKey', versionId, (acknowledgement) => acknowledgement.acknowledgedAt),
    async listTrail(procedureId) {
      const items = await lists.query(trailMapping, 'procedureKey', procedureId);
      return items
        .map((item) => ({ seq: Number(item.id), ...fromFields(trailMapping, item.fields) }))
        .sort((a, b) => a.seq - b.seq);
    },

    async listCompetences() {
      const competences = (await lists.all(competenceMapping)).map((item) =>
        fromFields(competenceMapping, item.fields),
      );
      return competences.sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
    },
    async listCompetenceRequirements() {
      const requirements = (await lists.all(competenceRequirementMapping)).map((item) =>
        fromFields(competenceRequirementMapping, item.fields),
      );
      return requirements.sort((a, b) => byText(a.competenceId, b.competenceId) || byText(a.id, b.id));
    },
    async listPersonCompetences(filter) {
      const items =
        filter?.personId === undefined
          ? await lists.all(personCompetenceMapping)
          : await lists.query(personCompetenceMapping, 'personKey', filter.personId);
      return items
        .map((item) => fromFields(personCompetenceMapping, item.fields))
        .sort((a, b) => byText(a.personId, b.personId) || byText(a.competenceId, b.competenceId));
    },
    async listExternalCoverage() {
      const coverage = (await lists.all(externalCoverageMapping)).map((item) =>
        fromFields(externalCoverageMapping, item.fields),
      );
      return coverage.sort((a, b) => byText(a.decidedOn, b.decidedOn) || byText(a.id, b.id));
    },

    async ensureUnit(unit) {
      await lists.commit([{ kind: 'insert', mapping: unitMapping, record: unit }]);
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
            addedAt: new Date().toISOString(),
          };
          await graph.request(lists.createRequest(personMapping, toFields(personMapping, person)));
          return person;
        }
        const person = { ...fromFields(personMapping, existing.fields), ...pick(entry) };
        try {
          await graph.request(
            lists.patchRequest(
              personMapping,
              existing,
              {
                [fieldOf(personMapping, 'title')]: person.name,
                [fieldOf(personMapping, 'email')]: person.email,
                [fieldOf(personMapping, 'roles')]: JSON.stringify(person.roles),
              },
              existing.eTag,
            ),
          );
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
      const [requests, acknowledged, current, person] = await Promise.all([
        lists.query(acknowledgementRequestMapping, 'personKey', personId),
        lists.query(acknowledgementMapping, 'personKey', personId),
        procedureItems(published()),
        one(personMapping, personId),
      ]);
      const done = new Set(acknowledged.map((item) => fromFields(acknowledgementMapping, item.fields).versionId));
      const currentVersions = new Set(current.map((fields) => fields[column('currentVersionKey')]));
      // Current major versions whose makers were recorded (the procedure item carries them): asked
      // if in the audience and not a maker.
      const derived = person
        ? current.flatMap((fields) => {
            const ask = askFrom(fields[column('acknowledgementAsk')]);
            if (!ask) return [];
            const procedure = fromFields(procedureMapping, fields);
            const version = {
              ...ask,
              id: ask.versionId,
              procedureId: procedure.id,
              kind: 'major' as const,
              approvedBy: null,
            };
            return acknowledgementRequestsOf(version, procedure, [person]) ?? [];
          })
        : [];
      return [...requests.map((item) => fromFields(acknowledgementRequestMapping, item.fields)), ...derived]
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
      const expected = changes.expect;
      const procedures = changes.procedures ?? [];
      const competence = changes.expectPersonCompetence;
      const coverageToDelete =
        (changes.deleteCompetenceRequirements ?? []).length > 0
          ? (await lists.all(externalCoverageMapping))
              .map((item) => fromFields(externalCoverageMapping, item.fields))
              .filter((coverage) => changes.deleteCompetenceRequirements!.includes(coverage.requirementId))
          : [];
      const writes: ListWrite[] = [
        ...each('upsert', versionMapping, changes.versions),
        ...each('upsert', approvalMapping, changes.approvals),
        ...each('upsert', reviewMapping, changes.reviews),
        ...each('insert', acknowledgementRequestMapping, changes.acknowledgementRequests),
        ...each('insert', acknowledgementMapping, changes.acknowledgements),
        ...each('upsert', competenceMapping, changes.competences),
        ...each('upsert', competenceRequirementMapping, changes.competenceRequirements),
        ...each('upsert', personCompetenceMapping, changes.personCompetences),
        ...each('upsert', externalCoverageMapping, changes.externalCoverage),
        // A requirement's coverage decisions go first, the requirement last: a run that fails
        // half-way leaves the requirement in place, and running the ChangeSet again finishes the job.
        ...coverageToDelete.map((coverage): ListWrite => ({
          kind: 'delete',
          mapping: externalCoverageMapping,
          key: coverage.id,
          phase: 1,
        })),
        ...(changes.deleteCompetenceRequirements ?? []).map((key): ListWrite => ({
          kind: 'delete',
          mapping: competenceRequirementMapping,
          key,
          phase: 2,
        })),
        ...(changes.trail ?? []).map((record): ListWrite => ({ kind: 'append', mapping: trailMapping, record })),
      ];
      // The deadline index's entries ride in the same lookups and writes (their carried values first).
      const keysToCarry = deadlineKeysToCarry(changes);
      const found = await lists.lookUp([
        ...deadlineLookups(deadlineWritesFor(changes), keysToCarry),
        ...(expected ? [{ mapping: procedureMapping, key: expected.procedureId }] : []),
        ...procedures.map((procedure) => ({ mapping: procedureMapping, key: procedure.id })),
        ...(competence ? [{ mapping: personCompetenceMapping, key: personCompetenceKey(competence) }] : []),
        ...writes.flatMap((write) => {
          const key = keyOfWrite(write);
          return key === undefined ? [] : [{ mapping: write.mapping, key }];
        }),
      ]);

      // Checked before anything is written: SharePoint cannot roll back a half-applied ChangeSet.
      if (expected) {
        const current = found.record(procedureMapping, expected.procedureId);
        if (!current) throw new AppError('NOT_FOUND', `No procedure with id ${expected.procedureId}.`);
        if (current.etag !== expected.etag) {
          const who = await one(personMapping, current.updatedBy);
          throw staleWriteError(current, who?.name ?? current.updatedBy);
        }
      }
      if (competence) {
        const currentEtag = personCompetenceEtag(
          found.record(personCompetenceMapping, personCompetenceKey(competence)),
        );
        if (currentEtag !== competence.etag) throw staleCompetenceError(currentEtag);
      }
      for (const requirementId of changes.deleteCompetenceRequirements ?? [])
        if (!found.get(competenceRequirementMapping, requirementId))
          throw new AppError('NOT_FOUND', `No competence requirement with id ${requirementId}.`);

      // The procedures: the expected one guarded by its eTag (fenced even when unchanged), new
      // ones created as folders before anything else.
      const procedureWrites: ListWrite[] = [];
      for (const procedure of procedures) {
        const existing = found.get(procedureMapping, procedure.id);
        const extra = {
          [column('status')]: procedure.currentVersionId ? 'published' : 'unpublished',
          ...(await derivedFields(procedure, changes, existing?.fields)),
        };
        procedureWrites.push({
          kind: 'upsert',
          mapping: procedureMapping,
          record: procedure,
          extra,
          guard: procedure.id === expected?.procedureId,
          phase: existing ? 0 : -1,
        });
      }
      if (expected && !procedures.some((procedure) => procedure.id === expected.procedureId))
        procedureWrites.push({
          kind: 'fence',
          mapping: procedureMapping,
          key: expected.procedureId,
          fields: { [column('etag')]: expected.etag },
        });
      const deadlineWrites = deadlineListWrites(deadlineWritesFor(changes, carriedDeadlines(found, keysToCarry)));
      await lists.write([...procedureWrites, ...writes, ...deadlineWrites], found, {
        create: (mapping, record) => (mapping === procedureMapping ? createProcedure(record as Procedure) : undefined),
        lostRace: async () => {
          const current = (await one(procedureMapping, expected!.procedureId))!;
          const who = await one(personMapping, current.updatedBy);
          return staleWriteError(current, who?.name ?? current.updatedBy);
        },
      });
    },
  };
  return store;
}

/** One keyed write per record (the record's KhKey from its mapping). */
function each<T>(kind: 'upsert' | 'insert', mapping: RecordMapping<T>, records: readonly T[] | undefined): ListWrite[] {
  return (records ?? []).map((record) => ({ kind, mapping, record }));
}

/** What the procedure item says about who is asked to acknowledge its current version. */
type Ask = { versionId: string; makerIds: string[]; publishedAt: string };

function askOf(version: ProcedureVersion): string | null {
  if (version.kind !== 'major' || !version.makerIds || !version.publishedAt) return null;
  const ask: Ask = { versionId: version.id, makerIds: [...version.makerIds], publishedAt: version.publishedAt };
  return JSON.stringify(ask);
}

function askFrom(value: unknown): Ask | null {
  if (typeof value !== 'string' || value === '') return null;
  return JSON.parse(value) as Ask;
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
