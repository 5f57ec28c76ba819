import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths, localDateOf } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const procedureByCode = (code: string, as?: string) => server.api.procedureByCode(code, as);

const markdown = (text: string) => `# K-17 Dispensation fra bygge- og beskyttelseslinjer\n\n## Formål\n\n${text}\n`;

describe('a revision from draft to published version', () => {
  it('keeps the draft from readers, forbids self-approval, publishes and marks the old version obsolete', async () => {
    const { api } = server;
    const before = await procedureByCode('K-17', people.natureAuthor);
    const oldVersion = before.currentVersion;
    expect(oldVersion.state).toBe('published');
    expect(before.abilities.startDraft).toBe(true);

    // The author uploads a new version as a draft.
    const uploaded = await api.upload(
      people.natureAuthor,
      before.id,
      'K-17 revideret.md',
      markdown('Skovbyggelinjen kræver besigtigelse.'),
      before.etag,
    );
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.draft.state).toBe('draft');
    expect(uploaded.body.currentVersion.id).toBe(oldVersion.id);

    // A reader still sees only the approved version, and cannot open the draft.
    const asReader = await api.get(people.environmentCaseworker, `/procedures/${before.id}`);
    expect(asReader.body.draft).toBeNull();
    expect(asReader.body.currentVersion.id).toBe(oldVersion.id);
    expect(asReader.body.versions.map((v: { id: string }) => v.id)).not.toContain(uploaded.body.draft.id);
    const peek = await api.get(
      people.environmentCaseworker,
      `/procedures/${before.id}/versions/${uploaded.body.draft.id}/rendered`,
    );
    expect(peek.status).toBe(404);
    const search = await api.get(people.environmentCaseworker, '/search?q=besigtigelse%20skovbyggelinjen');
    expect(search.body.hits.map((hit: { code: string }) => hit.code)).not.toContain('K-17');

    // Submitting needs a change summary, and the author cannot name themselves as approver.
    const noSummary = await api.post(
      people.natureAuthor,
      `/procedures/${before.id}/draft/submit`,
      { changeSummary: '  ' },
      uploaded.body.etag,
    );
    expect(noSummary.status).toBe(400);
    expect(noSummary.body.code).toBe('VALIDATION');
    const selfApprover = await api.post(
      people.natureAuthor,
      `/procedures/${before.id}/draft/submit`,
      { changeSummary: 'Ny praksis', approverId: people.natureAuthor },
      uploaded.body.etag,
    );
    expect(selfApprover.status).toBe(400);
    const submitted = await api.post(
      people.natureAuthor,
      `/procedures/${before.id}/draft/submit`,
      { changeSummary: 'Besigtigelse er nu obligatorisk.' },
      uploaded.body.etag,
    );
    expect(submitted.status).toBe(200);
    const approval = submitted.body.pendingApproval;
    expect(approval.approver.id).toBe(people.natureLeader);
    expect(submitted.body.abilities.approve).toBe(false);

    // Nobody approves their own draft.
    const ownApproval = await api.post(people.natureAuthor, `/approvals/${approval.id}/approve`, {});
    expect(ownApproval.status).toBe(403);
    expect(ownApproval.body.code).toBe('FORBIDDEN');
    // A leader who was not asked may not see the draft either: the request does not exist for him.
    const strangerApproval = await api.post(people.director, `/approvals/${approval.id}/approve`, {});
    expect(strangerApproval.status).toBe(404);

    // The approver approves: the version is published with the next number.
    const approverView = await api.get(people.natureLeader, `/procedures/${before.id}`);
    expect(approverView.body.abilities.approve).toBe(true);
    expect(approverView.body.draft.state).toBe('pending');
    const approved = await api.post(people.natureLeader, `/approvals/${approval.id}/approve`, {});
    expect(approved.status).toBe(200);
    const [major] = oldVersion.label.split('.').map(Number);
    expect(approved.body.currentVersion.label).toBe(`${major + 1}.0`);
    expect(approved.body.draft).toBeNull();
    const today = localDateOf(new Date(), 'Europe/Copenhagen');
    expect(approved.body.approvedOn).toBe(today);
    expect(approved.body.nextReviewOn).toBe(addMonths(today, before.reviewIntervalMonths));

    // Readers now see the new version, and the old one unmistakably obsolete.
    const after = await api.get(people.environmentCaseworker, `/procedures/${before.id}`);
    expect(after.body.currentVersion.id).toBe(uploaded.body.draft.id);
    const old = after.body.versions.find((v: { id: string }) => v.id === oldVersion.id);
    expect(old.state).toBe('obsolete');
    expect(old.supersededBy).toEqual({ id: uploaded.body.draft.id, label: `${major + 1}.0` });
    const rendered = await api.get(
      people.environmentCaseworker,
      `/procedures/${before.id}/versions/${after.body.currentVersion.id}/rendered`,
    );
    expect(rendered.body.html).toContain('Skovbyggelinjen kræver besigtigelse.');
    const found = await api.get(people.environmentCaseworker, '/search?q=skovbyggelinjen%20besigtigelse');
    expect(found.body.hits[0].code).toBe('K-17');

    // The decision is in the append-only trail, and a double click changes nothing.
    const trail = (await api.get(people.coordinator, `/procedures/${before.id}`)).body.trail;
    expect(trail[0]).toMatchObject({ action: 'approval.approved', actor: { id: people.natureLeader } });
    const again = await api.post(people.natureLeader, `/approvals/${approval.id}/approve`, {});
    expect(again.status).toBe(200);
    expect(again.body.currentVersion.label).toBe(`${major + 1}.0`);
    expect((await api.get(people.coordinator, `/procedures/${before.id}`)).body.trail.length).toBe(trail.length);
    const lateReject = await api.post(people.natureLeader, `/approvals/${approval.id}/reject`, { comment: 'For sent' });
    expect(lateReject.status).toBe(409);
    expect(lateReject.body.code).toBe('ALREADY_DECIDED');

    // A major version asks the audience (the Natur unit) to acknowledge it.
    const natureReader = await api.get(people.natureCaseworker, `/procedures/${before.id}`);
    expect(natureReader.body.myAcknowledgement).toMatchObject({ requested: true, acknowledgedAt: null });
    const report = await api.get(people.natureLeader, `/procedures/${before.id}/acknowledgements`);
    expect(report.body.missing.map((row: { person: { id: string } }) => row.person.id)).toContain(
      people.natureCaseworker,
    );
    const acknowledged = await api.post(
      people.natureCaseworker,
      `/procedures/${before.id}/versions/${after.body.currentVersion.id}/acknowledgement`,
      {},
    );
    expect(acknowledged.body.myAcknowledgement.acknowledgedAt).not.toBeNull();
    const reportAfter = await api.get(people.natureLeader, `/procedures/${before.id}/acknowledgements`);
    expect(reportAfter.body.missing.map((row: { person: { id: string } }) => row.person.id)).not.toContain(
      people.natureCaseworker,
    );
    expect((await api.get(people.natureCaseworker, `/procedures/${before.id}/acknowledgements`)).status).toBe(403);
    const obsoleteAck = await api.post(
      people.natureCaseworker,
      `/procedures/${before.id}/versions/${oldVersion.id}/acknowledgement`,
      {},
    );
    expect(obsoleteAck.status).toBe(409);
  });

  it('a rejection needs a comment and hands the draft back to its author', async () => {
    const { api } = server;
    const procedure = await procedureByCode('K-18', people.natureAuthor);
    const uploaded = await api.upload(
      people.natureAuthor,
      procedure.id,
      'K-18.md',
      markdown('Diger registreres.'),
      procedure.etag,
    );
    const submitted = await api.post(
      people.natureAuthor,
      `/procedures/${procedure.id}/draft/submit`,
      { changeSummary: 'Diger' },
      uploaded.body.etag,
    );
    const approvalId = submitted.body.pendingApproval.id;
    const bare = await api.post(people.natureLeader, `/approvals/${approvalId}/reject`, {});
    expect(bare.status).toBe(400);
    const blank = await api.post(people.natureLeader, `/approvals/${approvalId}/reject`, { comment: '   ' });
    expect(blank.status).toBe(400);
    const rejected = await api.post(people.natureLeader, `/approvals/${approvalId}/reject`, {
      comment: 'Mangler klagevejledning.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.approvals[0]).toMatchObject({ decision: 'rejected', comment: 'Mangler klagevejledning.' });
    const asAuthor = await api.get(people.natureAuthor, `/procedures/${procedure.id}`);
    expect(asAuthor.body.draft.state).toBe('draft');
    expect(asAuthor.body.abilities.editDraft).toBe(true);
    expect(asAuthor.body.currentVersion.id).toBe(procedure.currentVersion.id);
    const approveAfterReject = await api.post(people.natureLeader, `/approvals/${approvalId}/approve`, {});
    expect(approveAfterReject.body.code).toBe('ALREADY_DECIDED');
  });
});

describe('concurrent changes', () => {
  it('refuses a stale write with 409 naming who changed the procedure, and requires If-Match', async () => {
    const { api } = server;
    const procedure = await procedureByCode('L-07', people.coordinator);
    const first = await api.call(people.coordinator, 'PATCH', `/procedures/${procedure.id}`, {
      json: { title: 'Årshjul for kvalitetsarbejdet i Teknik og Miljø' },
      ifMatch: procedure.etag,
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe(first.body.etag);
    const second = await api.call(people.coordinator, 'PATCH', `/procedures/${procedure.id}`, {
      json: { reviewIntervalMonths: 6 },
      ifMatch: procedure.etag,
    });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('CONFLICT');
    expect(second.body.message).toContain('Mette Kjær');
    expect(second.body.details).toMatchObject({ reason: 'stale', changedBy: 'Mette Kjær' });
    const unchanged = (await api.get(people.coordinator, `/procedures/${procedure.id}`)).body;
    expect(unchanged.reviewIntervalMonths).toBe(procedure.reviewIntervalMonths);
    const missing = await api.call(people.coordinator, 'PATCH', `/procedures/${procedure.id}`, {
      json: { reviewIntervalMonths: 6 },
    });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
  });
});

describe('periodic review', () => {
  it('"fortsat gyldig" reschedules without a new version; "start revision" opens a draft', async () => {
    const { api } = server;
    const overdue = (await api.get(people.coordinator, '/procedures?status=review-overdue&limit=100')).body.items;
    expect(overdue.length).toBeGreaterThan(0);
    const procedure = (await api.get(people.coordinator, `/procedures/${overdue[0].id}`)).body;
    const confirmed = await api.post(
      people.coordinator,
      `/procedures/${procedure.id}/reviews`,
      { outcome: 'still-valid', comment: 'OK' },
      procedure.etag,
    );
    expect(confirmed.status).toBe(200);
    const today = localDateOf(new Date(), 'Europe/Copenhagen');
    expect(confirmed.body.nextReviewOn).toBe(addMonths(today, procedure.reviewIntervalMonths));
    expect(confirmed.body.reviewStatus).toBe('ok');
    expect(confirmed.body.currentVersion.id).toBe(procedure.currentVersion.id);
    expect(confirmed.body.reviews[0]).toMatchObject({ outcome: 'still-valid', dueOn: procedure.nextReviewOn });

    const revised = await api.post(
      people.coordinator,
      `/procedures/${procedure.id}/reviews`,
      { outcome: 'revision-started' },
      confirmed.body.etag,
    );
    expect(revised.status).toBe(200);
    expect(revised.body.draft.state).toBe('draft');
    const reader = await api.post(
      people.natureCaseworker,
      `/procedures/${procedure.id}/reviews`,
      { outcome: 'still-valid' },
      revised.body.etag,
    );
    expect(reader.status).toBe(403);
  });
});

describe('my tasks', () => {
  it('shows the approver what waits, and the owner what is due', async () => {
    const leader = await server.api.get(people.natureLeader, '/me/tasks');
    expect(leader.status).toBe(200);
    expect(leader.body.approvals.map((row: { procedure: { code: string } }) => row.procedure.code)).toContain('K-16');
    const coordinator = await server.api.get(people.coordinator, '/me/tasks');
    expect(coordinator.body.reviews.length).toBeGreaterThan(0);
    const dates = coordinator.body.reviews.map((row: { nextReviewOn: string }) => row.nextReviewOn);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('the handbook list and search', () => {
  it.each(['code', 'title', 'owner', 'nextReview', 'updated', 'level'])('sorts by %s both ways', async (sort) => {
    for (const order of ['asc', 'desc']) {
      const response = await server.api.get(
        people.natureCaseworker,
        `/procedures?sort=${sort}&order=${order}&limit=1000`,
      );
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBe(response.body.total);
    }
    const asc = (await server.api.get(people.natureCaseworker, `/procedures?sort=${sort}&limit=1000`)).body.items;
    const desc = (await server.api.get(people.natureCaseworker, `/procedures?sort=${sort}&order=desc&limit=1000`)).body
      .items;
    if (sort === 'code')
      expect(desc.map((i: { code: string }) => i.code)).toEqual(asc.map((i: { code: string }) => i.code).reverse());
  });

  it('pages through the list without gaps or repeats', async () => {
    const all = (await server.api.get(people.natureCaseworker, '/procedures?sort=title&limit=1000')).body.items.map(
      (i: { id: string }) => i.id,
    );
    const pages: string[] = [];
    for (let offset = 0; offset < all.length; offset += 7) {
      const page = await server.api.get(people.natureCaseworker, `/procedures?sort=title&limit=7&offset=${offset}`);
      pages.push(...page.body.items.map((i: { id: string }) => i.id));
    }
    expect(pages).toEqual(all);
  });

  it('lists people without a signed-in person in local mode, for the sign-in picker', async () => {
    const response = await server.api.get(null, '/people');
    expect(response.status).toBe(200);
    expect(response.body.length).toBeGreaterThanOrEqual(12);
  });

  it('filters and sorts, hides unpublished drafts from readers', async () => {
    const { api } = server;
    const core = await api.get(people.natureCaseworker, '/procedures?level=core&sort=code&order=desc&limit=5');
    expect(core.body.items.every((item: { level: string }) => item.level === 'core')).toBe(true);
    const codes = core.body.items.map((item: { code: string }) => item.code);
    expect(codes).toEqual([...codes].sort().reverse());
    const asReader = await api.get(people.natureCaseworker, '/procedures?limit=1000');
    expect(asReader.body.items.map((item: { code: string }) => item.code)).not.toContain('K-19');
    expect(asReader.body.items.every((item: { revision: string }) => item.revision === 'none')).toBe(true);
    const asCoordinator = await api.get(people.coordinator, '/procedures?status=unpublished');
    expect(asCoordinator.body.items.map((item: { code: string }) => item.code)).toContain('K-19');
    const byOwner = await api.get(people.coordinator, `/procedures?ownerId=${people.buildingAuthor}`);
    expect(byOwner.body.items.length).toBeGreaterThan(0);
    expect(byOwner.body.items.every((item: { owner: { id: string } }) => item.owner.id === people.buildingAuthor)).toBe(
      true,
    );
    const byUnit = await api.get(people.coordinator, '/procedures?unitId=natur');
    expect(byUnit.body.items.map((item: { code: string }) => item.code)).toContain('K-16');
    const areas = await api.get(people.natureCaseworker, '/procedures/areas');
    expect(areas.body.areas.find((row: { area: string }) => row.area === 'Natur')).toMatchObject({ level: 'core' });
  });

  it.each([
    ['miljøtilsyn', 'K-05'],
    ['MILJØTILSYN', 'K-05'],
    ['Miljøtil', 'K-05'],
    ['k-16', 'K-16'],
    ['naturbeskyttelseslovens', 'K-16'],
    ['kompetencematrix', 'S-04'],
    ['Bygningsreglement', 'K-20'],
    ['årshjul', 'L-07'],
    ['ÅRSHJUL', 'L-07'],
    ['tilsyn', 'K-05'],
    ['liggørelsessager', 'K-21'],
  ])('finds %s in %s with a highlighted snippet', async (q, code) => {
    const result = await server.api.get(people.natureCaseworker, `/search?q=${encodeURIComponent(q)}`);
    expect(result.status).toBe(200);
    const hit = result.body.hits.find((candidate: { code: string }) => candidate.code === code);
    expect(hit, `${code} among ${result.body.hits.map((h: { code: string }) => h.code)}`).toBeDefined();
    expect(result.body.hits.indexOf(hit)).toBeLessThan(3);
    expect(hit.snippet.some((segment: { isMatch: boolean }) => segment.isMatch)).toBe(true);
  });
});
