import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItemDto, MyTasks } from '../../functions/src/contract/schemas.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * GET /api/me/tasks, the one inbox. What each person should find is gathered here from the
 * modules' own lists (audits, the årshjul, the action board, the gap report, the competence
 * records), and compared with the inbox's items.
 */

let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  server = await startTestServer();
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
});
afterAll(async () => server?.stop());

const inbox = async (as: string): Promise<InboxItemDto[]> => {
  const response = await server.api.get<MyTasks>(as, '/me/tasks');
  expect(response.status).toBe(200);
  return response.body.items;
};
const keysOf = (items: InboxItemDto[], kind: InboxItemDto['kind']) =>
  items
    .filter((item) => item.kind === kind)
    .map((item) => item.key)
    .sort();

type Occurrence = { id: string; ownerId: string; dueOn: string; completedOn: string | null; etag: string };
async function openOccurrencesOf(personId: string): Promise<Occurrence[]> {
  const horizon = addDays(today, 30);
  const years = [...new Set([today.slice(0, 4), horizon.slice(0, 4)])];
  const found: Occurrence[] = [];
  for (const year of years) {
    const wheel = (await server.api.get(personId, `/year-wheel?year=${year}`)).body;
    for (const month of wheel.months)
      for (const occurrence of month.occurrences)
        if (occurrence.owner.id === personId && occurrence.completedOn === null && occurrence.dueOn <= horizon)
          found.push({ ...occurrence, ownerId: occurrence.owner.id });
  }
  return found;
}

async function auditWorkOf(personId: string): Promise<string[]> {
  const audits = (await server.api.get(personId, '/audits')).body.audits as {
    id: string;
    auditorIds: string[];
    status: string;
  }[];
  return audits
    .filter((audit) => audit.auditorIds.includes(personId) && ['planned', 'in-progress'].includes(audit.status))
    .map((audit) => `audit:${audit.id}`)
    .sort();
}

describe('the one inbox', () => {
  it('is sorted by due date, undated last, and every item has a kind, title, link and action', async () => {
    for (const who of [people.coordinator, people.natureLeader, people.natureCaseworker, people.director]) {
      const items = await inbox(who);
      const dates = items.map((item) => item.dueOn);
      const firstUndated = dates.indexOf(null);
      if (firstUndated >= 0)
        expect(
          dates.slice(firstUndated).every((date) => date === null),
          who,
        ).toBe(true);
      const dated = dates.filter((date) => date !== null);
      expect(dated, who).toEqual([...dated].sort());
      for (const item of items) {
        expect(item.title.length).toBeGreaterThan(0);
        expect(item.link.list).toBeTruthy();
      }
      expect(new Set(items.map((item) => item.key)).size, `${who}: unique keys`).toBe(items.length);
    }
  });

  it("lists Karen's tasks across modules: acknowledgements, her audit work and her årshjul activities", async () => {
    const items = await inbox(people.natureCaseworker);
    const { acknowledgements } = (await server.api.get<MyTasks>(people.natureCaseworker, '/me/tasks')).body;
    expect(keysOf(items, 'acknowledgement')).toEqual(
      acknowledgements.map((request) => `acknowledgement:${request.versionId}`).sort(),
    );
    const audits = await auditWorkOf(people.natureCaseworker);
    const occurrences = await openOccurrencesOf(people.natureCaseworker);
    expect(audits.length + occurrences.length).toBeGreaterThan(0);
    expect(keysOf(items, 'audit')).toEqual(audits);
    expect(keysOf(items, 'occurrence')).toEqual(occurrences.map((occurrence) => `occurrence:${occurrence.id}`).sort());
    expect(new Set(items.map((item) => item.kind)).size).toBeGreaterThanOrEqual(2);
    // A caseworker is not shown unit gaps: that is a leader's work.
    expect(keysOf(items, 'competence-gap')).toEqual([]);
  });

  it("lists Anne's approvals, the corrective actions she owns and the unmet requirements of her unit", async () => {
    const items = await inbox(people.natureLeader);
    const board = (await server.api.get(people.natureLeader, `/corrective-actions?ownerId=${people.natureLeader}`))
      .body;
    const owned = [...board.columns.open, ...board.columns.planned].map(
      (action: { id: string }) => `action:${action.id}`,
    );
    expect(owned.length).toBeGreaterThan(0);
    expect(keysOf(items, 'action')).toEqual(owned.sort());
    const gaps = (await server.api.get(people.natureLeader, '/competence-gaps?unitId=natur')).body.gaps as {
      requirement: { id: string };
      coverage: string;
    }[];
    const unmet = gaps.filter((gap) => gap.coverage === 'unmet').map((gap) => `competence-gap:${gap.requirement.id}`);
    expect(unmet.length).toBeGreaterThan(0);
    expect(keysOf(items, 'competence-gap')).toEqual(unmet.sort());
    const approvals = items.filter((item) => item.kind === 'approval');
    expect(approvals.length).toBeGreaterThan(0);
    for (const approval of approvals) expect(approval).toMatchObject({ action: 'approve', link: { list: 'approval' } });
  });

  it("lists Mette's effectiveness checks (actions others implemented), her expiring qualifications and reviews", async () => {
    const items = await inbox(people.coordinator);
    const board = (await server.api.get(people.coordinator, '/corrective-actions')).body;
    const implementedByOthers = [];
    for (const summary of board.columns.implemented as { id: string }[]) {
      const detail = (await server.api.get(people.coordinator, `/corrective-actions/${summary.id}`)).body;
      if (detail.abilities.checkEffectiveness) implementedByOthers.push(`effectiveness-check:${summary.id}`);
    }
    expect(implementedByOthers.length).toBeGreaterThan(0);
    expect(keysOf(items, 'effectiveness-check')).toEqual(implementedByOthers.sort());

    const records = await server.app.services.store.listPersonCompetences({ personId: people.coordinator });
    const horizon = addDays(today, 90);
    const expiring = records
      .filter((record) => record.level > 0 && record.validUntil !== null && record.validUntil <= horizon)
      .map((record) => `qualification:${record.competenceId}`);
    expect(keysOf(items, 'qualification')).toEqual([...new Set(expiring)].sort());
    expect(items.some((item) => item.kind === 'review')).toBe(true);
  });

  it('never lists somebody else’s work: every owned item of Karen is hers', async () => {
    const items = await inbox(people.natureCaseworker);
    const others = await openOccurrencesOf(people.natureLeader);
    for (const occurrence of others) expect(items.map((item) => item.key)).not.toContain(`occurrence:${occurrence.id}`);
  });
});

describe('actions done from the inbox', () => {
  it('acknowledges a version with the target it carries, and the item leaves the inbox', async () => {
    const before = await inbox(people.natureCaseworker);
    const item = before.find((candidate) => candidate.action === 'acknowledge');
    expect(item).toBeDefined();
    const { procedureId, versionId } = item!.target;
    const response = await server.api.post(
      people.natureCaseworker,
      `/procedures/${procedureId}/versions/${versionId}/acknowledgement`,
      {},
    );
    expect(response.status).toBe(200);
    const after = await inbox(people.natureCaseworker);
    expect(after.map((candidate) => candidate.key)).not.toContain(item!.key);
    expect(after.length).toBe(before.length - 1);
  });

  it('marks an årshjul occurrence done with its ETag, and the item leaves the inbox', async () => {
    const before = await inbox(people.natureCaseworker);
    const item = before.find((candidate) => candidate.action === 'complete-occurrence');
    expect(item).toBeDefined();
    const response = await server.api.call(
      people.natureCaseworker,
      'PATCH',
      `/year-wheel/occurrences/${item!.target.occurrenceId}`,
      { json: { completedOn: today }, ifMatch: item!.target.etag! },
    );
    expect(response.status).toBe(200);
    expect((await inbox(people.natureCaseworker)).map((candidate) => candidate.key)).not.toContain(item!.key);
  });

  it("refuses marking someone else's occurrence done (the year-wheel rule, not the inbox's)", async () => {
    const [theirs] = await openOccurrencesOf(people.coordinator);
    expect(theirs).toBeDefined();
    const response = await server.api.call(people.natureCaseworker, 'PATCH', `/year-wheel/occurrences/${theirs!.id}`, {
      json: { completedOn: today },
      ifMatch: theirs!.etag,
    });
    expect(response.status).toBe(403);
    expect((await inbox(people.coordinator)).map((item) => item.key)).toContain(`occurrence:${theirs!.id}`);
  });
});
