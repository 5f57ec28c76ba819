import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OverviewDto, OverviewTileDto, ProcedureListItem } from '../../functions/src/contract/schemas.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * GET /api/overview. The demo's figures are computed here from the plain lists of the API (all
 * procedures, all findings, the whole board, the year's audits, the certificate's cycle) and from
 * the store's acknowledgement records, not taken from the overview's own answer.
 */

let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  server = await startTestServer();
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
});
afterAll(async () => server?.stop());

const overview = async (as: string, scope?: string) =>
  server.api.get<OverviewDto & { code?: string }>(as, `/overview${scope ? `?scope=${scope}` : ''}`);
const tileOf = (body: OverviewDto, id: string): OverviewTileDto => {
  const found = [...body.tiles, ...body.personal].find((tile) => tile.id === id);
  expect(found, `tile ${id}`).toBeDefined();
  return found!;
};
const allProcedures = async (as: string): Promise<ProcedureListItem[]> =>
  (await server.api.get(as, '/procedures?limit=1000')).body.items;

describe('who sees which overview (core/policies.ts overviewScopes)', () => {
  it('opens the organisation-wide overview for the quality coordinator and the director', async () => {
    for (const who of [people.coordinator, people.director]) {
      const response = await overview(who);
      expect(response.status).toBe(200);
      expect(response.body.scope).toBe('organisation');
      expect(response.body.scopes[0]).toBe('organisation');
      expect(response.body.unit).toBeNull();
    }
  });

  it('opens the unit overview for a leader below the top, on their own unit', async () => {
    const response = await overview(people.natureLeader);
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe('unit');
    expect(response.body.scopes).toEqual(['unit', 'personal']);
    expect(response.body.unit?.id).toBe('natur');
  });

  it('gives a caseworker their personal overview, without organisation tiles', async () => {
    const response = await overview(people.natureCaseworker);
    expect(response.status).toBe(200);
    expect(response.body.scope).toBe('personal');
    expect(response.body.scopes).toEqual(['personal']);
    expect(response.body.tiles).toEqual([]);
    expect(response.body.personal.map((tile) => tile.id)).toContain('my-tasks');
  });

  it('refuses a wider scope than the caller’s with 403 FORBIDDEN instead of narrowing it silently', async () => {
    for (const [who, scope] of [
      [people.natureCaseworker, 'organisation'],
      [people.natureCaseworker, 'unit'],
      [people.natureLeader, 'organisation'],
      [people.natureAuthor, 'organisation'],
      [people.coordinator, 'unit'],
    ] as const) {
      const response = await overview(who, scope);
      expect(response.status, `${who} asking for ${scope}`).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
  });

  it('lets the wider scopes ask for the narrower ones they hold', async () => {
    expect((await overview(people.director, 'unit')).body.unit?.id).toBe('teknik-miljo');
    expect((await overview(people.coordinator, 'personal')).body.tiles).toEqual([]);
  });

  it('refuses an unknown scope with VALIDATION and an anonymous caller with 401', async () => {
    const bad = await overview(people.coordinator, 'everything');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION');
    expect((await server.api.get(null, '/overview')).status).toBe(401);
  });
});

describe("the coordinator's organisation-wide figures", () => {
  let body: OverviewDto;
  beforeAll(async () => {
    body = (await overview(people.coordinator)).body;
  });

  it('counts overdue and coming reviews and approvals waiting from the whole handbook', async () => {
    const procedures = await allProcedures(people.coordinator);
    const soon = addDays(today, 30);
    const overdue = procedures.filter((item) => item.nextReviewOn !== null && item.nextReviewOn < today).length;
    const coming = procedures.filter((item) => item.nextReviewOn !== null && item.nextReviewOn <= soon).length;
    const pending = procedures.filter((item) => item.revision === 'pending').length;
    expect(overdue).toBeGreaterThan(0);
    expect(tileOf(body, 'reviews-overdue')).toMatchObject({ count: overdue, link: { list: 'procedures' } });
    expect(tileOf(body, 'reviews-due').count).toBe(coming);
    expect(tileOf(body, 'approvals-waiting').count).toBe(pending);
    // The tile's list is the handbook's own filter: it shows exactly that many rows.
    const listed = await server.api.get(people.coordinator, `/procedures?status=review-overdue&limit=1000`);
    expect(listed.body.total).toBe(overdue);
  });

  it('counts open nonconformities (major or minor without a closed action) and overdue actions', async () => {
    const findings = (await server.api.get(people.coordinator, '/findings?state=all')).body.findings as {
      grade: string;
      actionStatus: string | null;
    }[];
    const open = findings.filter(
      (finding) => (finding.grade === 'major' || finding.grade === 'minor') && finding.actionStatus !== 'closed',
    ).length;
    expect(tileOf(body, 'open-nonconformities')).toMatchObject({ count: open, link: { list: 'findings' } });

    const board = (await server.api.get(people.coordinator, '/corrective-actions')).body;
    const actions = Object.values(board.columns).flat() as { status: string; dueOn: string | null }[];
    // Overdue: the plan is not carried out (open or planned) and its due date has passed.
    const overdue = actions.filter(
      (action) => ['open', 'planned'].includes(action.status) && action.dueOn !== null && action.dueOn < today,
    );
    expect(tileOf(body, 'actions-overdue')).toMatchObject({ count: overdue.length, link: { list: 'actions' } });
  });

  it("shows the audit programme's status of this year", async () => {
    const year = Number(today.slice(0, 4));
    // The audits dated in the year, as the audit scene's "Audits i {year}" lists them.
    const audits = (await server.api.get(people.coordinator, `/audit-programme?year=${year}`)).body.audits as {
      status: string;
    }[];
    const held = audits.filter((audit) => audit.status !== 'cancelled');
    const tile = tileOf(body, 'audit-programme');
    expect(tile.total).toBe(held.length);
    expect(tile.count).toBe(held.filter((audit) => audit.status === 'reported').length);
    expect(tile.parts['planned']).toBe(held.filter((audit) => audit.status === 'planned').length);
    expect(tile.link).toEqual({ list: 'audits', id: null, query: { year: String(year) } });
  });

  it("shows the certificate's next certifier audit, or its expiry when the cycle has none left", async () => {
    const certificates = (await server.api.get(people.coordinator, '/certificates')).body.certificates as {
      id: string;
      isActive: boolean;
      expiresOn: string;
    }[];
    const active = certificates.find((certificate) => certificate.isActive);
    expect(active).toBeDefined();
    const cycle = (await server.api.get(people.coordinator, `/certificates/${active!.id}/cycle`)).body;
    const tile = tileOf(body, 'certificate');
    // A cycle audit past its date without a reported audit comes first, as the audit scene's warning.
    const overdue = cycle.audits.find((entry: { state: string }) => entry.state === 'overdue');
    if (overdue)
      expect(tile).toMatchObject({ date: overdue.plannedOn ?? overdue.dueOn, detail: `overdue-${overdue.kind}` });
    else if (cycle.next) expect(tile).toMatchObject({ date: cycle.next.dueOn, detail: cycle.next.kind });
    else expect(tile).toMatchObject({ date: active!.expiresOn, detail: 'expiry' });
  });

  it('counts the competence gaps the gap report lists', async () => {
    const gaps = (await server.api.get(people.coordinator, '/competence-gaps')).body.gaps;
    expect(tileOf(body, 'competence-gaps')).toMatchObject({ count: gaps.length, link: { list: 'competences' } });
  });

  it('rates acknowledgements of the major versions published in the last 90 days', async () => {
    const { store, settings } = server.app.services;
    const since = addDays(today, -90);
    let asked = 0;
    let given = 0;
    for (const procedure of await allProcedures(people.coordinator)) {
      for (const version of await store.listVersions(procedure.id)) {
        if (version.kind !== 'major' || version.publishedAt === null) continue;
        if (localDateOf(new Date(version.publishedAt), settings.timeZone) < since) continue;
        const requests = new Set((await store.listAcknowledgementRequests(version.id)).map((r) => r.personId));
        asked += requests.size;
        given += (await store.listAcknowledgements(version.id)).filter((ack) => requests.has(ack.personId)).length;
      }
    }
    expect(asked).toBeGreaterThan(0);
    expect(tileOf(body, 'acknowledgements')).toMatchObject({ count: given, total: asked });
  });

  it('leaves room for more tiles: a list of tiles with stable ids, not fixed fields', () => {
    expect(body.tiles.map((tile) => tile.id)).toEqual([
      'reviews-overdue',
      'reviews-due',
      'approvals-waiting',
      'open-nonconformities',
      'actions-overdue',
      'acknowledgements',
      'audit-programme',
      'certificate',
      'competence-gaps',
      'survey-satisfaction',
      'register-open',
      'goals-red',
      'goals-yellow',
      'goals-green',
    ]);
  });

  it('shows the latest survey round’s share satisfied, linking to the surveys scene', () => {
    // The constructed demo's newest round: 36 of 39 satisfied.
    expect(tileOf(body, 'survey-satisfaction')).toMatchObject({
      count: 36,
      total: 39,
      link: { list: 'surveys', query: { survey: 'demo-tilfredshed' } },
    });
  });

  it('counts the active goals by colour, each tile leading to the goals of its colour', async () => {
    const goals = (await server.api.get(people.coordinator, '/goals')).body.goals as {
      status: string;
      lastReading: { colour: string } | null;
    }[];
    for (const colour of ['red', 'yellow', 'green']) {
      const count = goals.filter(
        (goal) => goal.status === 'active' && (goal.lastReading?.colour ?? 'none') === colour,
      ).length;
      expect(tileOf(body, `goals-${colour}`)).toMatchObject({ count, link: { list: 'goals', query: { colour } } });
    }
  });
});

describe("a leader's unit figures", () => {
  it("counts only the unit's procedures, findings, actions and gaps, and links to lists filtered by the unit", async () => {
    const body = (await overview(people.natureLeader)).body;
    const procedures = (await allProcedures(people.natureLeader)).filter((item) => item.unitId === 'natur');
    const soon = addDays(today, 30);
    expect(tileOf(body, 'reviews-due')).toMatchObject({
      count: procedures.filter((item) => item.nextReviewOn !== null && item.nextReviewOn <= soon).length,
      link: { list: 'procedures', query: { status: 'review-due', unit: 'natur' } },
    });
    const gaps = (await server.api.get(people.natureLeader, '/competence-gaps?unitId=natur')).body.gaps;
    expect(tileOf(body, 'competence-gaps')).toMatchObject({ count: gaps.length, link: { query: { unit: 'natur' } } });
    const board = (await server.api.get(people.natureLeader, '/corrective-actions?unitId=natur')).body;
    expect(tileOf(body, 'actions-overdue').count).toBe(board.overdue.length);
    const findings = (await server.api.get(people.natureLeader, '/findings?state=open&unitId=natur')).body.findings;
    expect(tileOf(body, 'open-nonconformities').count).toBe(findings.length);
  });
});

describe('the personal figures', () => {
  it("count the caller's inbox and what in it is overdue", async () => {
    for (const who of [people.coordinator, people.natureLeader, people.natureCaseworker]) {
      const body = (await overview(who)).body;
      const items = (await server.api.get(who, '/me/tasks')).body.items as { isOverdue: boolean }[];
      expect(tileOf(body, 'my-tasks').count, who).toBe(items.length);
      expect(tileOf(body, 'my-tasks-overdue').count, who).toBe(items.filter((item) => item.isOverdue).length);
    }
  });

  it('count reviews due of the procedures the caller owns', async () => {
    const soon = addDays(today, 30);
    const own = (await allProcedures(people.coordinator)).filter(
      (item) => item.owner.id === people.coordinator && item.nextReviewOn !== null && item.nextReviewOn <= soon,
    );
    expect(tileOf((await overview(people.coordinator)).body, 'my-reviews-due').count).toBe(own.length);
  });
});
