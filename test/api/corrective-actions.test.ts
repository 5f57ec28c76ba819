import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Audit, Finding } from '../../functions/src/core/quality-year-types.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import { localDateOf, addDays } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';
import { findingRecord } from '../../functions/src/records/index.js';
import { sampleOf } from '../support/record-samples.js';

let server: TestServer;
let today: LocalDate;
beforeAll(async () => {
  server = await startTestServer();
  today = localDateOf(server.app.services.clock.now(), server.app.services.settings.timeZone);
});
afterAll(async () => server?.stop());

const at = '2026-01-10T09:00:00.000Z';
const audit: Audit = {
  id: 'test-audit-1',
  etag: 1,
  createdAt: at,
  updatedAt: at,
  updatedBy: people.coordinator,
  kind: 'surveillance',
  year: 2026,
  title: 'Overvågningsaudit (test)',
  programmeItemId: null,
  certificateId: null,
  unitId: 'miljo',
  clauses: ['7.5.3'],
  procedureIds: [],
  scope: 'Miljø',
  criteria: 'ISO 9001:2015',
  auditorIds: [],
  externalAuditors: ['DS Certificering'],
  plannedOn: '2026-01-10' as LocalDate,
  status: 'reported',
  checklist: [],
  report: null,
};
const finding = (id: string, grade: Finding['grade']): Finding =>
  sampleOf(findingRecord, {
    id,
    etag: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: people.coordinator,
    auditId: audit.id,
    grade,
    clause: '7.5.3',
    unitId: 'miljo',
    description: 'Styring af dokumenteret information mangler i tilsynssager.',
    foundOn: '2026-01-10' as LocalDate,
    foundBy: people.coordinator,
  });

const create = (as: string, json: unknown) => server.api.post(as, '/corrective-actions', json);
const command = (as: string, id: string, name: string, json: unknown, ifMatch: string) =>
  server.api.post(as, `/corrective-actions/${id}/${name}`, json, ifMatch);
/** Marked implemented 30 days ago: today's effectiveness checks come after the waiting period. */
const done = () => ({ implementedOn: addDays(today, -30), description: 'Planen er gennemført.' });
const read = async (id: string) => (await server.api.get(people.coordinator, `/corrective-actions/${id}`)).body;

describe('corrective actions over HTTP', () => {
  it('creates an action from a major finding, links the finding, and refuses a second one', async () => {
    await server.app.services.quality.commit({
      audits: [audit],
      findings: [finding('test-finding-major', 'major'), finding('test-finding-obs', 'observation')],
    });
    const created = await create(people.coordinator, { source: { kind: 'finding', findingId: 'test-finding-major' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'open',
      // The problem, not the grade: issue 15.
      title: 'Styring af dokumenteret information mangler i tilsynssager. (ISO 9001 pkt. 7.5.3)',
      unit: { id: 'miljo' },
      source: { kind: 'finding', grade: 'major', clause: '7.5.3', auditTitle: audit.title },
    });
    expect(created.headers.get('etag')).toBe('"1"');
    const stored = (await server.app.services.quality.listFindings()).find((item) => item.id === 'test-finding-major');
    expect(stored?.correctiveActionId).toBe(created.body.id);

    const again = await create(people.coordinator, { source: { kind: 'finding', findingId: 'test-finding-major' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'DUPLICATE', details: { correctiveActionId: created.body.id } });
    const observation = await create(people.coordinator, {
      source: { kind: 'finding', findingId: 'test-finding-obs' },
    });
    expect(observation.status).toBe(400);
    expect((await create(people.coordinator, { source: { kind: 'finding', findingId: 'nope' } })).status).toBe(404);
  });

  it('refuses bad bodies and people who do not manage quality', async () => {
    const before = (await server.app.services.quality.listCorrectiveActions()).length;
    for (const body of [
      {},
      { source: { kind: 'other' } },
      { source: { kind: 'other', title: '  ', unitId: null } },
      { source: { kind: 'other', title: 'x', unitId: null, extra: 1 } },
      { source: { kind: 'feedback', feedbackId: 'f1' } },
    ]) {
      const response = await create(people.coordinator, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.code).toBe('VALIDATION');
    }
    expect(
      (await create(people.coordinator, { source: { kind: 'other', title: 'x', unitId: 'nowhere' } })).status,
    ).toBe(400);
    const forbidden = await create(people.natureLeader, {
      source: { kind: 'other', title: 'Mit forslag', unitId: null },
    });
    expect(forbidden.status).toBe(403);
    expect((await server.app.services.quality.listCorrectiveActions()).length).toBe(before);
  });

  it('runs the whole cycle: correction, plan, implemented, ineffective back to planned, effective closes', async () => {
    const created = await create(people.coordinator, {
      source: { kind: 'other', title: 'Kvittering for modtagne klager udebliver', unitId: 'natur' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.abilities).toMatchObject({
      recordCorrection: true,
      analyseAndPlan: true,
      markImplemented: false,
    });

    // No close without an effective check: the check is refused while the action is open.
    const early = await command(people.coordinator, id, 'checkEffectiveness', { isEffective: true, note: 'ok' }, '"1"');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'INVALID_STATE',
      details: { status: 'open', command: 'checkEffectiveness' },
    });
    expect(await read(id)).toMatchObject({ status: 'open', etag: '"1"' });

    const correction = await command(
      people.coordinator,
      id,
      'recordCorrection',
      { correction: 'Kvittering sendt til de 4 klagere.' },
      '"1"',
    );
    expect(correction.status).toBe(200);
    expect(correction.body).toMatchObject({
      status: 'open',
      correction: 'Kvittering sendt til de 4 klagere.',
      rootCause: null,
    });

    const stale = await command(
      people.coordinator,
      id,
      'analyseAndPlan',
      { rootCause: 'x', plan: 'y', ownerId: people.natureLeader, dueOn: addDays(today, 30) },
      '"1"',
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('CONFLICT');
    const noIfMatch = await server.api.call(people.coordinator, 'POST', `/corrective-actions/${id}/recordCorrection`, {
      json: { correction: 'x' },
    });
    expect(noIfMatch.status).toBe(428);

    const badPlan = await command(
      people.coordinator,
      id,
      'analyseAndPlan',
      { rootCause: 'x', plan: 'y', ownerId: people.natureLeader, dueOn: '2026-02-30' },
      '"2"',
    );
    expect(badPlan.status).toBe(400);
    const unknownOwner = await command(
      people.coordinator,
      id,
      'analyseAndPlan',
      { rootCause: 'x', plan: 'y', ownerId: 'nobody', dueOn: addDays(today, 30) },
      '"2"',
    );
    expect(unknownOwner.status).toBe(400);

    const planned = await command(
      people.coordinator,
      id,
      'analyseAndPlan',
      {
        rootCause: 'Postkassen overvåges ikke i ferier.',
        plan: 'Fælles postkasse med stedfortræder.',
        ownerId: people.natureLeader,
        dueOn: addDays(today, 30),
      },
      '"2"',
    );
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({
      status: 'planned',
      owner: { id: people.natureLeader, name: 'Anne Birk' },
      correction: 'Kvittering sendt til de 4 klagere.',
      rootCause: 'Postkassen overvåges ikke i ferier.',
    });

    // The owner carries it out; someone else's leader may not.
    const stranger = await command(people.director, id, 'markImplemented', done(), '"3"');
    expect(stranger.status).toBe(403);
    const future = await command(
      people.natureLeader,
      id,
      'markImplemented',
      { ...done(), implementedOn: addDays(today, 1) },
      '"3"',
    );
    expect(future.status).toBe(400);
    const implemented = await command(people.natureLeader, id, 'markImplemented', done(), '"3"');
    expect(implemented.status).toBe(200);
    expect(implemented.body).toMatchObject({
      status: 'implemented',
      implementedOn: addDays(today, -30),
      implementationNote: 'Planen er gennemført.',
      effectivenessCheckDueOn: today,
    });
    expect(implemented.body.abilities.checkEffectiveness).toBe(false);

    // The owner does not check their own action.
    const ownCheck = await command(
      people.natureLeader,
      id,
      'checkEffectiveness',
      { isEffective: true, note: 'ok' },
      '"4"',
    );
    expect(ownCheck.status).toBe(403);
    const replanNow = await command(people.coordinator, id, 'replan', { plan: 'z' }, '"4"');
    expect(replanNow.status).toBe(409);
    expect(replanNow.body.code).toBe('INVALID_STATE');
    const noNote = await command(people.coordinator, id, 'checkEffectiveness', { isEffective: true, note: ' ' }, '"4"');
    expect(noNote.status).toBe(400);
    expect((await read(id)).status).toBe('implemented');

    const ineffective = await command(
      people.coordinator,
      id,
      'checkEffectiveness',
      { isEffective: false, note: 'To klager uden kvittering i uge 30.' },
      '"4"',
    );
    expect(ineffective.status).toBe(200);
    expect(ineffective.body).toMatchObject({ status: 'planned', implementedOn: null, closedOn: null });
    expect(ineffective.body.effectivenessChecks).toHaveLength(1);

    const replanned = await command(people.natureLeader, id, 'replan', { plan: 'Automatisk kvittering.' }, '"5"');
    expect(replanned.status).toBe(200);
    expect(replanned.body.plan).toBe('Automatisk kvittering.');
    const emptyReplan = await command(people.natureLeader, id, 'replan', {}, '"6"');
    expect(emptyReplan.status).toBe(400);
    await command(people.natureLeader, id, 'markImplemented', done(), '"6"');
    const closed = await command(
      people.coordinator,
      id,
      'checkEffectiveness',
      { isEffective: true, note: 'Stikprøve af 20 klager: alle kvitteret.' },
      '"7"',
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', closedOn: today });
    expect(closed.body.effectivenessChecks[1]).not.toHaveProperty('earlyReason');
    expect(closed.body.effectivenessChecks.map((check: { isEffective: boolean }) => check.isEffective)).toEqual([
      false,
      true,
    ]);
    expect(closed.body.effectivenessChecks[1]).toMatchObject({
      checkedBy: people.coordinator,
      checkedByName: 'Mette Kjær',
    });
    expect(Object.values(closed.body.abilities).every((allowed) => allowed === false)).toBe(true);
    const afterClose = await command(people.coordinator, id, 'recordCorrection', { correction: 'x' }, '"8"');
    expect(afterClose.status).toBe(409);
    expect(afterClose.body.code).toBe('INVALID_STATE');
  });

  it('shows the board by status with the overdue list, filtered by unit and owner', async () => {
    const created = await create(people.coordinator, {
      source: { kind: 'other', title: 'Overskredet tilsynsfrist', unitId: 'miljo' },
    });
    const id = created.body.id as string;
    const past = addDays(today, -12);
    // A plan can be dated in the past (registered late); it is then overdue at once.
    const planned = await command(
      people.coordinator,
      id,
      'analyseAndPlan',
      { rootCause: 'Ingen fristkontrol.', plan: 'Ugentlig fristliste.', ownerId: 'jens-mortensen', dueOn: past },
      '"1"',
    );
    expect(planned.status).toBe(200);
    expect(planned.body).toMatchObject({ isOverdue: true, daysOverdue: 12 });

    const board = await server.api.get(people.natureCaseworker, '/corrective-actions');
    expect(board.status).toBe(200);
    expect(Object.keys(board.body.columns)).toEqual(['open', 'planned', 'implemented', 'closed']);
    expect(board.body.abilities.create).toBe(false);
    const overdue = board.body.overdue.find((item: { action: { id: string } }) => item.action.id === id);
    expect(overdue).toMatchObject({ daysOverdue: 12, action: { status: 'planned', owner: { id: 'jens-mortensen' } } });
    expect(board.body.columns.planned.some((action: { id: string }) => action.id === id)).toBe(true);

    const miljo = await server.api.get(people.coordinator, '/corrective-actions?unitId=miljo');
    const all = Object.values(miljo.body.columns).flat() as { unit: { id: string } | null }[];
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((action) => action.unit?.id === 'miljo')).toBe(true);
    const jens = await server.api.get(people.coordinator, '/corrective-actions?ownerId=jens-mortensen');
    const owned = Object.values(jens.body.columns).flat() as { owner: { id: string } | null }[];
    expect(owned.every((action) => action.owner?.id === 'jens-mortensen')).toBe(true);
    expect((await server.api.get(people.coordinator, '/corrective-actions?unitId=a%20b')).status).toBe(400);
    expect((await server.api.get(people.coordinator, '/corrective-actions?colour=red')).status).toBe(400);
    expect((await server.api.get(people.coordinator, '/corrective-actions/nope')).status).toBe(404);
  });
});

describe('the independent effectiveness check over HTTP (issue 10, item 4: segregation of duties)', () => {
  const admin = 'eva-winther';
  const stored = async (id: string) => server.app.services.quality.getCorrectiveAction(id);
  const newAction = async (title: string) => {
    const created = await create(people.coordinator, { source: { kind: 'other', title, unitId: 'natur' } });
    expect(created.status).toBe(201);
    return created.body.id as string;
  };
  const plan = (ownerId: string) => ({
    rootCause: 'Ingen fast procedure.',
    plan: 'Skriv proceduren.',
    ownerId,
    dueOn: addDays(today, 30),
  });
  const check = { isEffective: true, note: 'Stikprøve: i orden.' };

  it('refuses the coordinator who owned, reassigned and implemented the action, and the data stays as it was', async () => {
    const id = await newAction('Selvkontrol omgås');
    expect((await command(people.coordinator, id, 'analyseAndPlan', plan(people.coordinator), '"1"')).status).toBe(200);
    const reassigned = await command(people.coordinator, id, 'replan', { ownerId: people.natureLeader }, '"2"');
    expect(reassigned.status).toBe(200);
    const implemented = await command(people.coordinator, id, 'markImplemented', done(), '"3"');
    expect(implemented.status).toBe(200);
    expect(implemented.body).toMatchObject({
      status: 'implemented',
      implementedBy: { id: people.coordinator, name: 'Mette Kjær' },
    });
    expect(implemented.body.abilities.checkEffectiveness).toBe(false);
    expect((await server.api.get(people.coordinator, `/corrective-actions/${id}`)).body.abilities).toMatchObject({
      checkEffectiveness: false,
    });

    const before = await stored(id);
    const refused = await command(people.coordinator, id, 'checkEffectiveness', check, '"4"');
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    expect(await stored(id)).toEqual(before);

    // The administrator, who neither owned nor implemented it, checks it.
    expect((await server.api.get(admin, `/corrective-actions/${id}`)).body.abilities.checkEffectiveness).toBe(true);
    const closed = await command(admin, id, 'checkEffectiveness', check, '"4"');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', implementedBy: { id: people.coordinator } });
  });

  it('refuses a former owner who handed the action on, even after someone else implemented it', async () => {
    const id = await newAction('Tidligere ejer lukker');
    await command(people.coordinator, id, 'analyseAndPlan', plan(people.coordinator), '"1"');
    await command(people.coordinator, id, 'replan', { ownerId: people.natureLeader }, '"2"');
    expect((await command(people.natureLeader, id, 'markImplemented', done(), '"3"')).status).toBe(200);
    const before = await stored(id);
    expect(before?.implementedBy).toBe(people.natureLeader);
    const refused = await command(people.coordinator, id, 'checkEffectiveness', check, '"4"');
    expect(refused.status).toBe(403);
    expect(await stored(id)).toEqual(before);
    expect((await command(admin, id, 'checkEffectiveness', check, '"4"')).status).toBe(200);
  });

  it('refuses an implementer who is not the owner, and lets another coordinator or the admin check', async () => {
    const id = await newAction('Implementeret af koordinatoren');
    await command(people.coordinator, id, 'analyseAndPlan', plan(people.natureLeader), '"1"');
    expect((await command(people.coordinator, id, 'markImplemented', done(), '"2"')).status).toBe(200);
    const before = await stored(id);
    expect(before).toMatchObject({ ownerId: people.natureLeader, implementedBy: people.coordinator });
    const refused = await command(people.coordinator, id, 'checkEffectiveness', check, '"3"');
    expect(refused.status).toBe(403);
    expect(await stored(id)).toEqual(before);

    // An ineffective check by the admin clears the implementation, but the coordinator stays an implementer.
    const ineffective = await command(admin, id, 'checkEffectiveness', { isEffective: false, note: 'Nej.' }, '"3"');
    expect(ineffective.status).toBe(200);
    expect(ineffective.body).toMatchObject({ status: 'planned', implementedBy: null });
    await command(people.natureLeader, id, 'markImplemented', done(), '"4"');
    const again = await stored(id);
    expect((await command(people.coordinator, id, 'checkEffectiveness', check, '"5"')).status).toBe(403);
    expect(await stored(id)).toEqual(again);
    expect((await command(admin, id, 'checkEffectiveness', check, '"5"')).status).toBe(200);
  });

  it('lets the coordinator check an action she never owned nor implemented', async () => {
    const id = await newAction('Uafhængig kontrol');
    await command(people.coordinator, id, 'analyseAndPlan', plan(people.natureLeader), '"1"');
    await command(people.natureLeader, id, 'markImplemented', done(), '"2"');
    const closed = await command(people.coordinator, id, 'checkEffectiveness', check, '"3"');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', implementedBy: { id: people.natureLeader } });
  });
});

describe('marking implemented and the waiting period over HTTP (issue 15)', () => {
  const newPlannedAction = async (title: string) => {
    const created = await create(people.coordinator, { source: { kind: 'other', title, unitId: 'natur' } });
    const id = created.body.id as string;
    const plan = { rootCause: 'Årsag.', plan: 'Plan.', ownerId: people.natureLeader, dueOn: addDays(today, 30) };
    expect((await command(people.coordinator, id, 'analyseAndPlan', plan, '"1"')).status).toBe(200);
    return id;
  };
  const stored = async (id: string) => server.app.services.quality.getCorrectiveAction(id);
  const trailOf = (id: string) =>
    server.app.db.prepare('SELECT action, details FROM audit_trail WHERE subject_id = ? ORDER BY seq').all(id) as {
      action: string;
      details: string;
    }[];

  it('needs a description of what was done; evidence is a text and/or an http(s) link', async () => {
    const id = await newPlannedAction('Kvittering udebliver (beskrivelse)');
    const before = await stored(id);
    for (const body of [
      { implementedOn: today },
      { implementedOn: today, description: '   ' },
      { implementedOn: today, description: 'Gjort.', evidenceUrl: 'javascript:alert(1)' },
      { implementedOn: today, description: 'Gjort.', evidenceUrl: 'sag 12' },
      { implementedOn: today, description: 'Gjort.', evidenceFile: 'x.pdf' },
      { implementedOn: today, description: 'x'.repeat(4001) },
    ]) {
      const refused = await command(people.natureLeader, id, 'markImplemented', body, '"2"');
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.body.code).toBe('VALIDATION');
    }
    expect(await stored(id)).toEqual(before);

    const implemented = await command(
      people.natureLeader,
      id,
      'markImplemented',
      {
        implementedOn: today,
        description: 'Fælles postkasse oprettet; stedfortræder udpeget.',
        evidenceText: 'Referat fra personalemødet',
        evidenceUrl: 'https://intranet.example.dk/natur/postkasse',
      },
      '"2"',
    );
    expect(implemented.status).toBe(200);
    expect(implemented.body).toMatchObject({
      status: 'implemented',
      implementationNote: 'Fælles postkasse oprettet; stedfortræder udpeget.',
      evidenceText: 'Referat fra personalemødet',
      evidenceUrl: 'https://intranet.example.dk/natur/postkasse',
      effectivenessCheckDueOn: addDays(today, 30),
    });
  });

  it('refuses a check before the waiting period without a reason (400), lets the coordinator check early with one, kept in the check and the trail', async () => {
    const id = await newPlannedAction('Kvittering udebliver (tidlig kontrol)');
    const implementedOn = addDays(today, -10);
    await command(people.natureLeader, id, 'markImplemented', { implementedOn, description: 'Gjort.' }, '"2"');
    const before = await stored(id);

    const check = { isEffective: true, note: 'Stikprøve af 5 sager.' };
    const noReason = await command(people.coordinator, id, 'checkEffectiveness', check, '"3"');
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'earlyReason', dueOn: addDays(implementedOn, 30) },
    });
    const blankReason = await command(
      people.coordinator,
      id,
      'checkEffectiveness',
      { ...check, earlyReason: ' ' },
      '"3"',
    );
    expect(blankReason.status).toBe(400);
    // The owner may not check at all, with or without a reason.
    const byOwner = await command(
      people.natureLeader,
      id,
      'checkEffectiveness',
      { ...check, earlyReason: 'Travlt' },
      '"3"',
    );
    expect(byOwner.status).toBe(403);
    const byDirector = await command(people.director, id, 'checkEffectiveness', { ...check, earlyReason: 'Nu' }, '"3"');
    expect(byDirector.status).toBe(403);
    expect(await stored(id)).toEqual(before);

    const early = await command(
      people.coordinator,
      id,
      'checkEffectiveness',
      { ...check, earlyReason: 'Certificeringsaudit om en uge; sagerne er allerede gennemgået.' },
      '"3"',
    );
    expect(early.status).toBe(200);
    expect(early.body.status).toBe('closed');
    expect(early.body.effectivenessChecks.at(-1)).toMatchObject({
      earlyReason: 'Certificeringsaudit om en uge; sagerne er allerede gennemgået.',
    });
    const entry = trailOf(id).find((item) => item.action === 'corrective-action.checkEffectiveness');
    expect(entry?.details).toContain('Certificeringsaudit om en uge');
  });
});
