import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 3: only a person with approval authority decides on a procedure: a leader of its
 * unit or of a unit above, or an approver the coordinator has designated for it. The author cannot
 * pick a colleague, the owner cannot reassign the approver, and nobody who wrote or submitted a
 * draft ever decides it, whoever assigns them. Each attack is refused with the stored procedure
 * unchanged.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const admin = 'eva-winther';
const buildingLeader = 'sofie-dahl';

let codes = 0;
/** A new nature procedure created by `as` (its first draft is theirs), owned by the nature author. */
async function newProcedure(as: string = people.natureAuthor, approverId: string = people.natureLeader) {
  codes += 1;
  const created = await server.api.post(as, '/procedures', {
    code: `K-${700 + codes}`,
    title: `Prøveprocedure ${codes}`,
    level: 'core',
    area: 'Natur',
    unitId: 'natur',
    ownerId: people.natureAuthor,
    approverId,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

/** Everything the coordinator sees of a procedure: compared before and after a refused write. */
async function snapshot(id: string) {
  const detail = await server.api.get(people.coordinator, `/procedures/${id}`);
  expect(detail.status).toBe(200);
  return detail.body;
}

const patch = (as: string, detail: { id: string; etag: string }, json: unknown) =>
  server.api.call(as, 'PATCH', `/procedures/${detail.id}`, { json, ifMatch: detail.etag });

const submit = (as: string, detail: { id: string; etag: string }, approverId?: string) =>
  server.api.post(
    as,
    `/procedures/${detail.id}/draft/submit`,
    { changeSummary: 'Første udgave.', ...(approverId ? { approverId } : {}) },
    detail.etag,
  );

function expectNoAuthority(response: { status: number; body: any }) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.code).toBe('VALIDATION');
  expect(response.body.details).toMatchObject({ field: 'approverId', reason: 'no-approval-authority' });
}

function expectOwnDraft(response: { status: number; body: any }) {
  expect(response.status, JSON.stringify(response.body)).toBe(400);
  expect(response.body.code).toBe('VALIDATION');
  expect(response.body.details).toMatchObject({ field: 'approverId', reason: 'own-draft' });
}

describe('the approver a draft is submitted to', () => {
  it('cannot be a caseworker colleague or a leader of another unit; a leader of the unit or above can', async () => {
    const procedure = await newProcedure();
    const before = await snapshot(procedure.id);

    expectNoAuthority(await submit(people.natureAuthor, procedure, people.natureCaseworker));
    expectNoAuthority(await submit(people.natureAuthor, procedure, buildingLeader));
    expect(await snapshot(procedure.id)).toEqual(before);

    // The tab offers only those the server names eligible.
    const asAuthor = await server.api.get(people.natureAuthor, `/procedures/${procedure.id}`);
    const candidates = asAuthor.body.approverCandidates.map((person: { id: string }) => person.id);
    expect(candidates).toEqual(expect.arrayContaining([people.natureLeader, people.director]));
    expect(candidates).not.toContain(people.natureCaseworker);
    expect(candidates).not.toContain(buildingLeader);
    expect(candidates).not.toContain(people.natureAuthor);

    const submitted = await submit(people.natureAuthor, procedure, people.director);
    expect(submitted.status).toBe(200);
    expect(submitted.body.pendingApproval.approver.id).toBe(people.director);
    const approved = await server.api.post(
      people.director,
      `/approvals/${submitted.body.pendingApproval.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body.currentVersion.approvedBy.id).toBe(people.director);
  });

  it('is checked when a procedure is created: an author picks a leader with authority', async () => {
    const body = {
      code: 'K-790',
      title: 'Oprettet med kollega som godkender',
      level: 'core',
      area: 'Natur',
      unitId: 'natur',
      ownerId: people.natureAuthor,
      approverId: people.natureCaseworker,
    };
    expectNoAuthority(await server.api.post(people.natureAuthor, '/procedures', body));
    const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
    expect(list.body.items.some((item: { code: string }) => item.code === 'K-790')).toBe(false);

    // The coordinator may designate the caseworker, and the trail says so.
    const designated = await server.api.post(people.coordinator, '/procedures', body);
    expect(designated.status).toBe(201);
    expect(designated.body.approver.id).toBe(people.natureCaseworker);
    expect(designated.body.trail.at(-1).summary).toContain('designated');
  });
});

describe('changing the approver', () => {
  it('is refused to the owner, even to an eligible leader, and to a leader of another unit', async () => {
    const procedure = await newProcedure();
    const before = await snapshot(procedure.id);
    for (const approverId of [people.environmentCaseworker, people.director]) {
      const response = await patch(people.natureAuthor, procedure, { approverId });
      expect(response.status, approverId).toBe(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
    // A leader of another unit does not even see the unpublished procedure.
    expect((await patch(buildingLeader, procedure, { approverId: buildingLeader })).status).toBe(404);
    expect(await snapshot(procedure.id)).toEqual(before);

    // Nor, on a published procedure, may its owner or another unit's leader change the approver.
    const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
    const k18 = list.body.items.find((item: { code: string }) => item.code === 'K-18');
    const published = await snapshot(k18.id);
    expect(published.owner.id).toBe(people.natureAuthor);
    for (const [as, approverId] of [
      [people.natureAuthor, people.natureCaseworker],
      [buildingLeader, buildingLeader],
    ] as const) {
      const response = await patch(as, published, { approverId });
      expect(response.status, `${as} → ${approverId}`).toBe(403);
    }
    expect(await snapshot(k18.id)).toEqual(published);
  });

  it('is a leader’s act within their authority, recorded in the trail', async () => {
    const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
    const k17 = list.body.items.find((item: { code: string }) => item.code === 'K-17');
    const procedure = await snapshot(k17.id);
    const before = procedure;
    // A leader cannot hand the decision to a caseworker: only the coordinator designates.
    expectNoAuthority(await patch(people.natureLeader, procedure, { approverId: people.natureCaseworker }));
    expect(await snapshot(procedure.id)).toEqual(before);

    const changed = await patch(people.natureLeader, procedure, { approverId: people.director });
    expect(changed.status).toBe(200);
    expect(changed.body.approver.id).toBe(people.director);
    expect(changed.body.trail[0]).toMatchObject({
      action: 'procedure.approver-changed',
      actor: { id: people.natureLeader },
      summary: 'Approver changed from Anne Birk to Lars Holm',
    });
  });

  it('lets the coordinator designate a non-leader, who then decides; a moved designation takes it away', async () => {
    const procedure = await newProcedure();
    const designated = await patch(people.coordinator, procedure, { approverId: people.natureCaseworker });
    expect(designated.status).toBe(200);
    expect(designated.body.trail[0]).toMatchObject({
      action: 'procedure.approver-changed',
      actor: { id: people.coordinator },
      summary: 'Approver changed from Anne Birk to Karen Holt (designated by the quality coordinator)',
    });
    const submitted = await submit(people.natureAuthor, designated.body);
    expect(submitted.status).toBe(200);
    expect(submitted.body.pendingApproval.approver.id).toBe(people.natureCaseworker);

    // The coordinator moves the designation on before the decision: the caseworker may no longer decide.
    const moved = await patch(people.coordinator, submitted.body, { approverId: people.natureLeader });
    expect(moved.status).toBe(200);
    const before = await snapshot(procedure.id);
    const asCaseworker = await server.api.get(people.natureCaseworker, `/procedures/${procedure.id}`);
    expect(asCaseworker.body.abilities.approve).toBe(false);
    const refused = await server.api.post(
      people.natureCaseworker,
      `/approvals/${submitted.body.pendingApproval.id}/approve`,
      {},
    );
    expect(refused.status).toBe(403);
    expect(await snapshot(procedure.id)).toEqual(before);

    // Designated again, the caseworker decides.
    const again = await patch(people.coordinator, moved.body, { approverId: people.natureCaseworker });
    expect(again.status).toBe(200);
    const approved = await server.api.post(
      people.natureCaseworker,
      `/approvals/${submitted.body.pendingApproval.id}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect(approved.body.currentVersion.approvedBy.id).toBe(people.natureCaseworker);
  });

  it('never lets anyone who wrote the draft decide it, whoever assigns them', async () => {
    const procedure = await newProcedure(); // the nature author writes the first draft
    // A leader cannot make the author the approver.
    expectNoAuthority(await patch(people.natureLeader, procedure, { approverId: people.natureAuthor }));
    // The coordinator cannot designate herself.
    expectNoAuthority(await patch(people.coordinator, procedure, { approverId: people.coordinator }));

    // The administrator edits the draft, then the coordinator designates the administrator.
    const edited = await server.api.upload(admin, procedure.id, 'K rettet.md', '# Rettet\n\nTekst.\n', procedure.etag);
    expect(edited.status).toBe(200);
    const designated = await patch(people.coordinator, edited.body, { approverId: admin });
    expect(designated.status).toBe(200);
    let before = await snapshot(procedure.id);
    expectOwnDraft(await submit(people.natureAuthor, designated.body));
    expectOwnDraft(await submit(people.coordinator, designated.body, admin));
    expect(await snapshot(procedure.id)).toEqual(before);
    const asAuthor = await server.api.get(people.natureAuthor, `/procedures/${procedure.id}`);
    expect(asAuthor.body.approverCandidates.map((person: { id: string }) => person.id)).not.toContain(admin);

    // The coordinator designates the author himself: he still cannot be asked.
    const self = await patch(people.coordinator, designated.body, { approverId: people.natureAuthor });
    expect(self.status).toBe(200);
    before = await snapshot(procedure.id);
    expectOwnDraft(await submit(people.natureAuthor, self.body));
    expectOwnDraft(await submit(people.coordinator, self.body, people.natureAuthor));
    expect(await snapshot(procedure.id)).toEqual(before);

    // The coordinator submits it to the leader; the author named approver afterwards cannot decide it.
    const submitted = await submit(people.coordinator, self.body, people.natureLeader);
    expect(submitted.status).toBe(200);
    const approval = submitted.body.pendingApproval;
    for (const who of [people.natureAuthor, admin, people.coordinator]) {
      const attempt = await server.api.post(who, `/approvals/${approval.id}/approve`, {});
      expect(attempt.status, who).toBe(403);
    }
    const approved = await server.api.post(people.natureLeader, `/approvals/${approval.id}/approve`, {});
    expect(approved.status).toBe(200);
  });
});

describe('a decision by someone who may not see the request', () => {
  it('learns nothing of a draft’s request on a published procedure: 404, not who decided', async () => {
    const procedure = await newProcedure();
    const first = await submit(people.natureAuthor, procedure, people.natureLeader);
    const published = await server.api.post(
      people.natureLeader,
      `/approvals/${first.body.pendingApproval.id}/approve`,
      {},
    );
    expect(published.status).toBe(200);
    // A revision, submitted and rejected: draft material that readers of the procedure do not see.
    const revised = await server.api.upload(
      people.natureAuthor,
      procedure.id,
      'revision.md',
      '# Revision\n\nNy tekst.\n',
      published.body.etag,
    );
    expect(revised.status, JSON.stringify(revised.body)).toBe(200);
    const submitted = await submit(people.natureAuthor, revised.body, people.natureLeader);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const approval = submitted.body.pendingApproval;
    const outsider = people.environmentCaseworker;
    expect((await server.api.get(outsider, `/procedures/${procedure.id}`)).status).toBe(200);

    const before = await snapshot(procedure.id);
    const pendingAttempt = await server.api.post(outsider, `/approvals/${approval.id}/approve`, {});
    expect(pendingAttempt.status, JSON.stringify(pendingAttempt.body)).toBe(404);
    expect(await snapshot(procedure.id)).toEqual(before);

    const rejected = await server.api.post(people.natureLeader, `/approvals/${approval.id}/reject`, {
      comment: 'Mangler lovhenvisning.',
    });
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const afterReject = await snapshot(procedure.id);
    const late = await server.api.post(outsider, `/approvals/${approval.id}/approve`, {});
    expect(late.status, JSON.stringify(late.body)).toBe(404);
    expect(JSON.stringify(late.body)).not.toMatch(/rejected|Anne Birk/i);
    expect(await snapshot(procedure.id)).toEqual(afterReject);
  });
});

describe('the approver choices the forms offer', () => {
  it('are the leaders with authority over the unit; the coordinator may designate anyone', async () => {
    const asAuthor = await server.api.get(people.natureAuthor, '/approver-candidates?unitId=natur');
    expect(asAuthor.status, JSON.stringify(asAuthor.body)).toBe(200);
    const ids = asAuthor.body.leaders.map((person: { id: string }) => person.id);
    expect(ids).toEqual(expect.arrayContaining([people.natureLeader, people.director]));
    expect(ids).not.toContain(buildingLeader);
    expect(ids).not.toContain(people.natureCaseworker);
    expect(asAuthor.body.mayDesignate).toBe(false);

    const asCoordinator = await server.api.get(people.coordinator, '/approver-candidates?unitId=natur');
    expect(asCoordinator.body.mayDesignate).toBe(true);

    const organisationWide = await server.api.get(people.natureAuthor, '/approver-candidates');
    expect(organisationWide.body.leaders.map((person: { id: string }) => person.id)).toEqual([people.director]);

    const asCaseworker = await server.api.get(people.natureCaseworker, '/approver-candidates?unitId=natur');
    expect(asCaseworker.body).toEqual({ leaders: [], mayDesignate: false });

    const unknown = await server.api.get(people.natureAuthor, '/approver-candidates?unitId=ikke%20en%20enhed');
    expect(unknown.status).toBe(400);
  });
});
