import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import {
  createFields,
  deadlineMapping,
  fromFields,
  personMapping,
  toFields,
  unitMapping,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { openSharePointReminderSource } from '../../functions/src/adapters/sharepoint/sharepoint-reminder-source.js';
import { openSharePointStore } from '../../functions/src/adapters/sharepoint/sharepoint-store.js';
import { createSqliteReminderSource } from '../../functions/src/adapters/sqlite/sqlite-messaging-store.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import type { ReminderSource } from '../../functions/src/jobs/reminder-source.js';
import { openDatabase } from '../../functions/src/adapters/sqlite/open-database.js';
import { createSqliteStore, upsertDirectory } from '../../functions/src/adapters/sqlite/sqlite-store.js';
import { decideApproval } from '../../functions/src/app/decide-approval.js';
import type { Services, Store } from '../../functions/src/app/ports.js';
import type { Person } from '../../functions/src/core/types.js';
import { startGraphDouble } from '../graph-double/graph-double.js';
import { buildApproval, buildProcedure, buildVersion, people, units } from '../contract/store-contract.js';

/**
 * Approving a major version costs the same whatever the audience: the approval records who made
 * the version instead of writing one acknowledgement request per reader, and every reader
 * derives who is asked (core/audience.ts `acknowledgementRequestsOf`).
 *
 * On SharePoint the cost is read from the Graph double's request log as HTTP requests: a `$batch`
 * envelope is ONE HTTP request, however many sub-requests it carries (`counters.httpRequests`).
 * Measured is the approval use case itself (`decideApproval`: its reads, its commit), with the
 * `approval.decided` event going nowhere: sending the acknowledgement cards is the event's
 * business (jobs/send-acknowledgement-requests.ts), not the approval's.
 */

const approvalBudget = 10;

/** Who the sweep would remind to acknowledge v-1, the day after the approval. */
async function acknowledgementCandidates(source: ReminderSource): Promise<string[]> {
  const candidates = await source.listReminderCandidates('2026-03-03' as LocalDate);
  return candidates
    .filter((candidate) => candidate.kind === 'acknowledgement' && candidate.versionId === 'v-1')
    .map((candidate) => (candidate as { personId: string }).personId)
    .sort();
}

/** `count` readers in the procedure's unit (Miljø), on top of the contract's four people. */
function readers(count: number): Person[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `reader-${index}`,
    name: `Læser ${String(index).padStart(4, '0')}`,
    email: `reader-${index}@kommune.dk`,
    title: 'Sagsbehandler',
    unitId: 'u-miljo',
    roles: ['caseworker'],
    leaderId: 'anne-birk',
    aadObjectId: null,
  }));
}

/** A procedure for everyone (empty audience) with a major draft by Peter, submitted to Anne. */
async function pendingMajor(store: Store): Promise<void> {
  const procedure = buildProcedure({ audience: { unitIds: [], roles: [] }, draftVersionId: 'v-1', etag: 2 });
  await store.commit({
    procedures: [procedure],
    versions: [buildVersion({ state: 'pending', changeSummary: 'Første udgave' })],
    approvals: [buildApproval({ kind: 'major' })],
  });
}

function servicesOf(store: Store): Services {
  return {
    store,
    events: { publish: async () => {} },
    clock: { now: () => new Date('2026-03-02T09:00:00.000Z') },
    ids: { next: () => 'id-1' },
    settings: { timeZone: 'Europe/Copenhagen', organisationName: 'Eksempel Kommune', maxUploadBytes: 1_000_000 },
    quality: undefined as never,
    goals: undefined as never,
    surveys: undefined as never,
    register: undefined as never,
    mailer: undefined as never,
    fokus: undefined as never,
    accessRequests: undefined as never,
    documents: undefined as never,
  } as Services;
}

const anne = people.find((person) => person.id === 'anne-birk')!;
const approve = (store: Store) =>
  decideApproval(servicesOf(store), anne, { approvalId: buildApproval().id, decision: 'approve' });

/** Everyone but the makers (Peter wrote and submitted it, Anne approved it) is asked. */
const expectedAsked = (audience: number) => people.length - 2 + audience;

describe('approving a major version on SharePoint (Graph double)', () => {
  async function approveWithAudience(audience: number) {
    const double = await startGraphDouble();
    try {
      const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
      const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
      await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
      const post = (list: string, fields: Record<string, unknown>) =>
        graph.request({
          method: 'POST',
          url: `/sites/${site.id}/lists/${list}/items`,
          body: { fields: createFields(fields) },
        });
      for (const unit of units) await post(unitMapping.list.displayName, toFields(unitMapping, unit));
      for (const person of people) await post(personMapping.list.displayName, toFields(personMapping, person));
      const extra = readers(audience);
      double.seedItems(site, personMapping.list.displayName, extra.length, (index) =>
        createFields(toFields(personMapping, extra[index]!)),
      );
      const store = await openSharePointStore(graph, site.id);
      await pendingMajor(store);

      double.resetCounters();
      const result = await approve(store);
      const cost = { ...double.counters, log: [...double.counters.log] };

      expect(result.version).toMatchObject({ state: 'published', major: 1, minor: 0 });
      // The deadline index holds ONE acknowledgement entry for the version, written in the commit.
      const entries = (
        await graph.getAll<{ fields: Record<string, unknown> }>(
          `/sites/${site.id}/lists/${deadlineMapping.list.displayName}/items?$expand=fields`,
        )
      ).map((item) => fromFields(deadlineMapping, item.fields));
      expect(entries.filter((entry) => entry.kind === 'acknowledgement')).toEqual([
        expect.objectContaining({
          subjectId: 'v-1',
          responsibleId: null,
          details: expect.objectContaining({ versionId: 'v-1', makerIds: expect.arrayContaining(['peter-lund']) }),
        }),
      ]);
      const asked = await store.listAcknowledgementRequests('v-1');
      expect(asked).toHaveLength(expectedAsked(audience));
      expect(asked.map((request) => request.personId)).not.toContain('peter-lund');
      expect(asked.map((request) => request.personId)).not.toContain('anne-birk');
      // The sweep's reminder source asks the same people (one candidate each, the makers not).
      const source = await openSharePointReminderSource(graph, site.id, { timeZone: 'Europe/Copenhagen' });
      expect(await acknowledgementCandidates(source)).toEqual(asked.map((request) => request.personId).sort());
      expect(await store.listOpenAcknowledgementsFor(`reader-${audience - 1}`)).toEqual([
        {
          procedureId: 'p-1',
          versionId: 'v-1',
          personId: `reader-${audience - 1}`,
          requestedAt: result.version.publishedAt,
        },
      ]);
      return cost;
    } finally {
      await double.stop();
    }
  }

  it(`costs at most ${approvalBudget} HTTP requests with an audience of 1 and of 2,000, and the same for both`, async () => {
    const one = await approveWithAudience(1);
    const many = await approveWithAudience(2_000);
    expect(one.httpRequests).toBeLessThanOrEqual(approvalBudget);
    expect(many.httpRequests).toBeLessThanOrEqual(approvalBudget);
    expect(many.httpRequests).toBe(one.httpRequests);
    expect(many.writes).toBe(one.writes);
    // Nothing is written to the acknowledgement requests list.
    expect(many.log.filter((entry) => entry.method !== 'GET' && /AcknowledgementRequests/.test(entry.path))).toEqual(
      [],
    );
  });
});

describe('approving a major version on SQLite', () => {
  it('writes no acknowledgement request row whatever the audience, and every reader derives who is asked', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kh-approval-audience-'));
    const db = openDatabase(join(dir, 'store.sqlite'));
    try {
      await upsertDirectory(db, { units, people: [...people, ...readers(2_000)] });
      const store = createSqliteStore(db);
      await pendingMajor(store);
      const result = await approve(store);
      expect(result.version).toMatchObject({ state: 'published', major: 1, minor: 0 });
      expect(db.prepare('SELECT count(*) FROM acknowledgement_requests').pluck().get()).toBe(0);
      // One acknowledgement entry in the deadline index for the version, none per reader.
      expect(db.prepare("SELECT subject_id FROM deadlines WHERE kind = 'acknowledgement'").pluck().all()).toEqual([
        'v-1',
      ]);
      expect((await store.getVersion('v-1'))?.makerIds).toEqual(expect.arrayContaining(['peter-lund', 'anne-birk']));
      const asked = await store.listAcknowledgementRequests('v-1');
      expect(asked).toHaveLength(expectedAsked(2_000));
      expect(asked.map((request) => request.personId)).not.toContain('peter-lund');
      expect(await store.listOpenAcknowledgementsFor('reader-1999')).toEqual([
        { procedureId: 'p-1', versionId: 'v-1', personId: 'reader-1999', requestedAt: result.version.publishedAt },
      ]);
      expect(await store.listOpenAcknowledgementsFor('peter-lund')).toEqual([]);
      const source = createSqliteReminderSource(db, { timeZone: 'Europe/Copenhagen' });
      expect(await acknowledgementCandidates(source)).toEqual(asked.map((request) => request.personId).sort());
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
