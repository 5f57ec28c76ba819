import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyTasks, OverviewDto, OverviewTileDto } from '../../functions/src/contract/schemas.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { registerItemOf, trailStep } from '../../functions/src/core/test-support/register-item-fixture.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The register feeds the rest of the product (issue 15): the management evaluation's pack
 * ("Afvigelser, klager og forslag"), the Overblik's register tile and "Mine opgaver", each within
 * what core/policies.ts lets the caller see. Against the seeded demo database.
 */

let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  server = await startTestServer();
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
});
afterAll(async () => server?.stop());

type RegisterSection = { status: string; total: number; byKind: Record<string, number>; open: number };
type Row = { id: string; status: string; channel: string };

const report = (as: string, json: Record<string, unknown>) => server.api.call(as, 'POST', '/register/items', { json });
const evaluations = async () =>
  (await server.api.get(people.coordinator, '/management-evaluations')).body.items as {
    id: string;
    year: number;
    status: string;
  }[];
const packOf = async (id: string) =>
  (await server.api.get(people.natureCaseworker, `/management-evaluations/${id}/pack`)).body as {
    register: RegisterSection;
    period: { from: string; to: string };
  };
const tasksOf = async (as: string) => (await server.api.get<MyTasks>(as, '/me/tasks')).body.items;
const overviewOf = async (as: string, scope?: string) =>
  server.api.get<OverviewDto>(as, `/overview${scope ? `?scope=${scope}` : ''}`);
const registerTile = (tiles: OverviewTileDto[]) => tiles.find((tile) => tile.id === 'register-open');
/** The rows of the register's list the tile leads to, not closed (the items, not the audit findings). */
const openRows = async (as: string, query: string) =>
  ((await server.api.get(as, `/register/items?view=all&includeFindings=false${query}`)).body.rows as Row[]).filter(
    (row) => row.status !== 'closed',
  );

describe('the management evaluation’s pack', () => {
  it('counts a new item in this year’s live pack; last year’s frozen pack keeps its figures', async () => {
    const all = await evaluations();
    const year = Number(today.slice(0, 4));
    const live = all.find((evaluation) => evaluation.year === year && evaluation.status === 'planned');
    const frozen = all.find((evaluation) => evaluation.status === 'published');
    expect(live).toBeDefined();
    expect(frozen).toBeDefined();
    const [before, frozenBefore] = [await packOf(live!.id), await packOf(frozen!.id)];
    expect(before.register.status).toBe('available');
    // The demo freezes last year's pack after seeding the register: the section is part of its snapshot.
    expect(frozenBefore.register.status).toBe('available');
    expect(before.register.total).toBeGreaterThan(0);
    expect(before.register.total).toBe(Object.values(before.register.byKind).reduce((sum, count) => sum + count, 0));

    const response = await report(people.natureCaseworker, {
      kind: 'suggestion',
      title: 'Pakketest: fælles skabelon til høringssvar',
      description: 'Forslag fra pakketesten.',
    });
    expect(response.status).toBe(201);

    const after = await packOf(live!.id);
    expect(after.register.total).toBe(before.register.total + 1);
    expect(after.register.byKind['suggestion']).toBe((before.register.byKind['suggestion'] ?? 0) + 1);
    expect(after.register.open).toBe(before.register.open + 1);
    expect((await packOf(frozen!.id)).register).toEqual(frozenBefore.register);
  });

  it('offers the links to the register’s list and statistics only to whoever may open them', async () => {
    const id = (await evaluations())[0]?.id;
    const abilitiesOf = async (as: string) =>
      ((await server.api.get(as, `/management-evaluations/${id}`)).body as { abilities: { readRegister: boolean } })
        .abilities.readRegister;
    expect(await abilitiesOf(people.coordinator)).toBe(true);
    expect(await abilitiesOf(people.natureCaseworker)).toBe(false);
    expect((await server.api.get(people.natureCaseworker, '/register/statistics')).status).toBe(403);
  });
});

describe('the Overblik’s register tile', () => {
  it('shows the coordinator the organisation’s open items, the count of the list it leads to', async () => {
    const overview = (await overviewOf(people.coordinator, 'organisation')).body;
    const tile = registerTile(overview.tiles);
    expect(tile?.link).toEqual({ list: 'register', id: null, query: { view: 'all' } });
    expect(tile?.count).toBe((await openRows(people.coordinator, '')).length);
    expect(Object.keys(tile?.parts ?? {}).sort()).toEqual([
      'complaint',
      'deviation',
      'overdue',
      'praise',
      'suggestion',
    ]);
    expect(tile!.parts['complaint']! + tile!.parts['praise']!).toBeGreaterThan(0);
  });

  it('shows a leader their unit’s open items, fewer than the organisation’s', async () => {
    const organisation = registerTile((await overviewOf(people.coordinator, 'organisation')).body.tiles)!;
    const unit = registerTile((await overviewOf(people.natureLeader, 'unit')).body.tiles);
    expect(unit?.link).toEqual({ list: 'register', id: null, query: { view: 'all', unit: 'natur' } });
    expect(unit?.count).toBe((await openRows(people.natureLeader, '&unitId=natur')).length);
    expect(unit!.count).toBeLessThan(organisation.count);
  });

  it('is not shown to a caseworker, who may not read the register’s statistics', async () => {
    const overview = (await overviewOf(people.natureCaseworker)).body;
    expect(overview.scope).toBe('personal');
    expect([...overview.tiles, ...overview.personal].map((tile) => tile.id)).not.toContain('register-open');
    expect((await overviewOf(people.natureCaseworker, 'organisation')).status).toBe(403);
    expect((await server.api.get(people.natureCaseworker, '/register/statistics')).status).toBe(403);
  });
});

describe('"Mine opgaver"', () => {
  it('gives the routed leader a new deviation to assess with its reply deadline; never the reporter', async () => {
    const response = await report(people.natureCaseworker, {
      kind: 'deviation',
      title: 'Indbakketest: kortbilag manglede',
      description: 'Afgørelsen blev sendt uden kortbilag.',
    });
    expect(response.status).toBe(201);
    const item = response.body as { id: string; receiptNumber: string; replyDueOn: string; handler: { id: string } };
    expect(item.handler.id).toBe(people.natureLeader);
    const row = (await tasksOf(people.natureLeader)).find((task) => task.key === `register:${item.id}`);
    expect(row).toMatchObject({
      kind: 'register-item',
      title: 'Indbakketest: kortbilag manglede',
      subtitle: item.receiptNumber,
      dueOn: item.replyDueOn,
      isOverdue: false,
      action: 'assess-register-item',
      link: { list: 'register-item', id: item.id, query: {} },
    });
    const reporters = await tasksOf(people.natureCaseworker);
    expect(reporters.filter((task) => task.kind === 'register-item')).toEqual([]);
  });

  it('flags an unanswered item past its deadline as overdue, to answer; leaves out closed items', async () => {
    const at = new Date().toISOString();
    const stamp = { createdAt: at, updatedAt: at, updatedBy: people.natureLeader, etag: 1 };
    const received = addDays(today, -20);
    await server.app.services.register.commit({
      expect: [
        { id: 'feed-overdue', etag: 0 },
        { id: 'feed-closed', etag: 0 },
      ],
      items: [
        registerItemOf({
          ...stamp,
          id: 'feed-overdue',
          receiptNumber: `${today.slice(0, 4)}-FEED01`,
          title: 'Indbakketest: klage uden svar',
          status: 'in-handling',
          unitIds: ['natur'],
          handlerUnitId: 'natur',
          handlerId: people.natureLeader,
          receivedOn: received,
          reportedAt: `${received}T09:00:00.000Z`,
          replyDueOn: addDays(today, -2),
          trail: [trailStep(`${received}T09:00:00.000Z`, 'registered'), trailStep(at, 'in-handling')],
        }),
        registerItemOf({
          ...stamp,
          id: 'feed-closed',
          receiptNumber: `${today.slice(0, 4)}-FEED02`,
          status: 'closed',
          unitIds: ['natur'],
          handlerUnitId: 'natur',
          handlerId: people.natureLeader,
          receivedOn: received,
          replyDueOn: null,
          closedOn: today,
        }),
      ],
    });
    const tasks = await tasksOf(people.natureLeader);
    expect(tasks.find((task) => task.key === 'register:feed-overdue')).toMatchObject({
      action: 'reply-register-item',
      dueOn: addDays(today, -2),
      isOverdue: true,
    });
    expect(tasks.map((task) => task.key)).not.toContain('register:feed-closed');
    // Every register row in the leader's inbox is one the leader handles.
    for (const task of tasks.filter((entry) => entry.kind === 'register-item')) {
      const detail = await server.api.get(people.natureLeader, `/register/items/${task.link.id}`);
      expect(detail.body.handler?.id, task.key).toBe(people.natureLeader);
    }
    // The leader above (the director) does not handle it; the Overblik counts it among the overdue replies.
    expect((await tasksOf(people.director)).map((task) => task.key)).not.toContain('register:feed-overdue');
    const tile = registerTile((await overviewOf(people.natureLeader, 'unit')).body.tiles);
    expect(tile!.parts['overdue']).toBeGreaterThanOrEqual(1);
  });

  it('asks to handle an answered item still in handling; gives an item routed to nobody to the coordinator', async () => {
    const at = new Date().toISOString();
    const stamp = { createdAt: at, updatedAt: at, updatedBy: people.coordinator, etag: 1 };
    await server.app.services.register.commit({
      expect: [
        { id: 'feed-answered', etag: 0 },
        { id: 'feed-unrouted', etag: 0 },
      ],
      items: [
        registerItemOf({
          ...stamp,
          id: 'feed-answered',
          receiptNumber: `${today.slice(0, 4)}-FEED03`,
          status: 'in-handling',
          unitIds: ['natur'],
          handlerId: people.natureLeader,
          receivedOn: addDays(today, -5),
          replyDueOn: null,
          reply: { text: 'Tak', sentAt: at, sentBy: people.natureLeader, deliveredBy: 'email', isLate: false },
        }),
        registerItemOf({
          ...stamp,
          id: 'feed-unrouted',
          receiptNumber: `${today.slice(0, 4)}-FEED04`,
          status: 'registered',
          unitIds: [],
          handlerUnitId: null,
          handlerId: null,
          receivedOn: today,
          replyDueOn: addDays(today, 14),
        }),
      ],
    });
    const leaders = await tasksOf(people.natureLeader);
    expect(leaders.find((task) => task.key === 'register:feed-answered')).toMatchObject({
      action: 'handle-register-item',
      dueOn: null,
      isOverdue: false,
    });
    expect(leaders.map((task) => task.key)).not.toContain('register:feed-unrouted');
    const coordinators = await tasksOf(people.coordinator);
    expect(coordinators.find((task) => task.key === 'register:feed-unrouted')).toMatchObject({
      action: 'assess-register-item',
      dueOn: addDays(today, 14),
    });
    expect(coordinators.map((task) => task.key)).not.toContain('register:feed-answered');
  });
});
