import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * "Ret rapport" (issue 16): a reported audit is locked; its report is corrected by a linked
 * revision with its reason, the findings stay one set (added or withdrawn, never copied), and
 * every list and count sees the audit and each finding once.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const coordinator = people.coordinator;
const lead = people.natureLeader;
const call = (as: string, method: string, path: string, json?: unknown, ifMatch?: string | number) =>
  server.api.call(as, method, path, {
    ...(json !== undefined ? { json } : {}),
    ...(ifMatch !== undefined ? { ifMatch: String(ifMatch) } : {}),
  });
const get = (path: string, as: string = coordinator) => server.api.get(as, path);

type Finding = {
  id: string;
  etag: number;
  grade: string;
  checklistLineId: string | null;
  withdrawal: unknown;
  isOpen: boolean;
};

/** Every refused write leaves the audit, its findings and its revisions as they were. */
async function snapshotOf(id: string) {
  const [audit, findings, revisions] = await Promise.all([
    get(`/audits/${id}`),
    get(`/audits/${id}/findings`),
    get(`/audits/${id}/report/revisions`),
  ]);
  return { audit: audit.body, findings: findings.body, revisions: revisions.body };
}

async function reportedAudit(title = 'Rettelsesaudit: natursager') {
  const created = await call(coordinator, 'POST', '/audits', {
    kind: 'internal',
    title,
    unitId: 'natur',
    clauses: ['7.5.3'],
    scope: 'Dispensationer',
    criteria: 'ISO 9001:2015',
    auditorIds: [lead, people.buildingAuthor],
    plannedOn: '2034-03-10',
  });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await call(coordinator, 'POST', `/audits/${id}/checklist`, { clause: '7.5.3', question: 'Er skabeloner styret?' }, 1);
  const added = await call(
    coordinator,
    'POST',
    `/audits/${id}/checklist`,
    { clause: '8.5.1', question: 'Journal?' },
    2,
  );
  const [first, second] = added.body.checklist as { id: string }[];
  expect((await call(coordinator, 'POST', `/audits/${id}/status`, { command: 'start' }, 3)).status).toBe(200);
  return { id, first: first!.id, second: second!.id };
}

const findingFrom = (lineId: string | null, grade = 'minor', description = 'Skabeloner er ikke styret') => ({
  grade,
  clause: '7.5.3',
  procedureId: null,
  description,
  checklistLineId: lineId,
});

describe('a checklist line gives one finding', () => {
  it('refuses a second finding from the same line with 409 DUPLICATE, and an unknown line with 400', async () => {
    const { id, first } = await reportedAudit();
    const recorded = await call(lead, 'POST', `/audits/${id}/findings`, findingFrom(first));
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ checklistLineId: first, withdrawal: null });
    const before = await snapshotOf(id);
    const twice = await call(lead, 'POST', `/audits/${id}/findings`, findingFrom(first, 'major', 'Igen'));
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({
      code: 'DUPLICATE',
      details: { reason: 'checklist-finding', lineId: first, findingId: recorded.body.id },
    });
    const unknown = await call(lead, 'POST', `/audits/${id}/findings`, findingFrom('no-such-line'));
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VALIDATION', details: { field: 'checklistLineId' } });
    expect(await snapshotOf(id)).toEqual(before);
    // A finding on its own (no line) is still recorded as before.
    expect((await call(lead, 'POST', `/audits/${id}/findings`, findingFrom(null))).status).toBe(201);
  });
});

describe('correcting a reported audit’s report', () => {
  it('makes a linked revision with its reason; the original stays locked and readable; counts stay once', async () => {
    const { id, first, second } = await reportedAudit('Rettet audit: natursager');
    const minor = (await call(lead, 'POST', `/audits/${id}/findings`, findingFrom(first))).body as Finding;
    const wrong = (await call(lead, 'POST', `/audits/${id}/findings`, findingFrom(second, 'minor', 'Forkert fund')))
      .body as Finding;
    const reported = await call(
      lead,
      'PUT',
      `/audits/${id}/report`,
      {
        summary: 'Fem sager gennemgået.',
        conclusion: 'To afvigelser.',
        reportedOn: '2034-03-12',
      },
      4,
    );
    expect(reported.status).toBe(200);
    expect(reported.body.abilities).toMatchObject({ correctReport: true });
    expect((await get(`/audits/${id}`, people.buildingAuthor)).body.abilities.correctReport).toBe(false);
    expect((await get(`/audits/${id}`, people.natureCaseworker)).body.abilities.correctReport).toBe(false);

    const correction = {
      reason: 'Fund 2 var registreret på den forkerte sag',
      conclusion: 'Én afvigelse og en observation.',
      checklist: [{ lineId: second, result: 'observation' }],
      withdrawFindings: [{ findingId: wrong.id, reason: 'Sagen hørte til en anden enhed' }],
      addFindings: [findingFrom(second, 'observation', 'Journalnotat kort')],
    };
    const path = `/audits/${id}/report/corrections`;
    const before = await snapshotOf(id);
    const refusals = [
      [await call(coordinator, 'POST', path, { ...correction, reason: undefined }, 5), 400, 'VALIDATION'],
      [await call(coordinator, 'POST', path, { ...correction, reason: '   ' }, 5), 400, 'VALIDATION'],
      [await call(people.natureCaseworker, 'POST', path, correction, 5), 403, 'FORBIDDEN'],
      [await call(people.buildingAuthor, 'POST', path, correction, 5), 403, 'FORBIDDEN'],
      [await call(coordinator, 'POST', path, correction, 4), 409, 'CONFLICT'],
      [await call(coordinator, 'POST', path, { reason: 'Ingen ændring' }, 5), 400, 'VALIDATION'],
      [
        await call(
          coordinator,
          'POST',
          path,
          { ...correction, withdrawFindings: [{ findingId: 'nope', reason: 'x' }] },
          5,
        ),
        404,
        'NOT_FOUND',
      ],
      // Its own finding from the line is not withdrawn: the line still has one.
      [await call(coordinator, 'POST', path, { ...correction, withdrawFindings: [] }, 5), 409, 'DUPLICATE'],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      expect(response.body.code).toBe(code);
    }
    expect(await snapshotOf(id)).toEqual(before);

    const corrected = await call(lead, 'POST', path, correction, 5);
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(corrected.body.audit).toMatchObject({
      id,
      status: 'reported',
      etag: 6,
      report: {
        summary: 'Fem sager gennemgået.',
        conclusion: 'Én afvigelse og en observation.',
        reportedOn: '2034-03-12',
      },
    });
    expect(corrected.body.revision).toMatchObject({
      revision: 1,
      madeBy: lead,
      correctsId: id,
      correctionReason: correction.reason,
      correctedById: null,
    });
    expect(corrected.body.revision.lockedAt).not.toBeNull();
    const revisionId = corrected.body.revision.id as string;

    // The original stays readable as it was reported, linked to its correction.
    const revisions = (await get(`/audits/${id}/report/revisions`, people.natureCaseworker)).body.revisions;
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toMatchObject({
      id,
      revision: 0,
      correctedById: revisionId,
      correctsId: null,
      report: { conclusion: 'To afvigelser.' },
    });
    expect([...revisions[0].findingIds].sort()).toEqual([minor.id, wrong.id].sort());
    expect(revisions[0].checklist[1]).toMatchObject({ id: second, result: 'not-checked' });
    expect(revisions[1].checklist[1]).toMatchObject({ id: second, result: 'observation' });
    expect(revisions[1].findingIds).toHaveLength(2);
    expect(revisions[1].findingIds).toContain(minor.id);
    expect(revisions[1].findingIds).not.toContain(wrong.id);

    // Still locked: every edit of the audit and its findings is 409 RECORD_LOCKED.
    const lockedBefore = await snapshotOf(id);
    const locked = [
      await call(coordinator, 'PUT', `/audits/${id}/report`, { summary: 'Ændret', conclusion: 'Ingen' }, 6),
      await call(coordinator, 'PATCH', `/audits/${id}/checklist/${first}`, { result: 'conform' }, 6),
      await call(coordinator, 'PATCH', `/findings/${minor.id}`, { grade: 'observation' }, minor.etag),
      await call(coordinator, 'POST', `/audits/${id}/findings`, findingFrom(null, 'observation', 'Bagefter')),
    ];
    for (const response of locked) {
      expect(response.status, JSON.stringify(response.body)).toBe(409);
      expect(response.body).toMatchObject({ code: 'RECORD_LOCKED', details: { kind: 'audit', id } });
    }
    expect(await snapshotOf(id)).toEqual(lockedBefore);

    // One set of findings: the withdrawn one kept with its reason, never open, never counted.
    const findings = (await get(`/audits/${id}/findings`)).body.findings as Finding[];
    expect(findings).toHaveLength(3);
    expect(findings.find((finding) => finding.id === wrong.id)).toMatchObject({
      isOpen: false,
      withdrawal: { reason: 'Sagen hørte til en anden enhed', revisionId, withdrawnBy: lead },
    });
    const ofThisAudit = new Set(findings.map((finding) => finding.id));
    const open = (await get('/findings?state=open&year=2034')).body.findings as Finding[];
    expect(open.filter((finding) => ofThisAudit.has(finding.id)).map((finding) => finding.id)).toEqual([minor.id]);
    const refusedAction = await call(coordinator, 'POST', '/corrective-actions', {
      source: { kind: 'finding', findingId: wrong.id },
    });
    expect(refusedAction.status).toBe(409);
    expect(refusedAction.body.code).toBe('INVALID_STATE');

    // The audit is listed once, with the corrected report, wherever audits are listed and counted.
    const once = (audits: { id: string }[]) => audits.filter((audit) => audit.id === id);
    expect(once((await get('/audits?year=2034')).body.audits)).toHaveLength(1);
    expect(once((await get('/audit-programme?year=2034')).body.audits)).toHaveLength(1);
    const preview = (await get('/yearly-reports/2034/preview')).body.content;
    const rows = preview.audits.filter((audit: { title: string }) => audit.title === 'Rettet audit: natursager');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      conclusion: 'Én afvigelse og en observation.',
      findingCounts: { major: 0, minor: 1, observation: 1, improvement: 0, 'strong-point': 0 },
    });

    // A second correction corrects the latest revision; a finding is withdrawn once.
    const twice = await call(
      coordinator,
      'POST',
      path,
      {
        reason: 'Stavefejl',
        withdrawFindings: [{ findingId: wrong.id, reason: 'Igen' }],
      },
      6,
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('INVALID_STATE');
    const second2 = await call(
      coordinator,
      'POST',
      path,
      { reason: 'Stavefejl', summary: 'Fem sager er gennemgået.' },
      6,
    );
    expect(second2.status).toBe(201);
    expect(second2.body.revision).toMatchObject({ revision: 2, correctsId: revisionId });
    const chain = (await get(`/audits/${id}/report/revisions`)).body.revisions;
    expect(chain.map((revision: { correctedById: string | null }) => revision.correctedById)).toEqual([
      revisionId,
      second2.body.revision.id,
      null,
    ]);
    expect(once((await get('/audits?year=2034')).body.audits)).toHaveLength(1);
  });

  it('refuses a correction of an audit that is not reported', async () => {
    const { id } = await reportedAudit();
    const response = await call(
      coordinator,
      'POST',
      `/audits/${id}/report/corrections`,
      {
        reason: 'For tidligt',
        conclusion: 'x',
      },
      4,
    );
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('INVALID_STATE');
  });
});
