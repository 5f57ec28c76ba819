import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upsertDirectory } from '../adapters/sqlite/sqlite-store.js';
import { createEmbeddedApp, type EmbeddedApp } from '../compose.js';
import { loadConfig } from '../config.js';
import { personCompetenceEtag } from '../core/competence-etag.js';
import { actionAsOf } from '../core/frozen-records.js';
import { asLocalDate, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { Audit, CorrectiveAction, Finding } from '../core/quality-year-types.js';
import { auditRecord, correctiveActionRecord, findingRecord } from '../records/index.js';
import { demoPeople, demoUnits } from '../seed/demo-directory.js';
import { seedDemoCompetences } from '../seed/seed-demo-competences.js';
import { sampleOf } from '../../../test/support/record-samples.js';
import { assembleEvaluationPack } from './assemble-evaluation-pack.js';
import { createManagementEvaluation } from './create-management-evaluation.js';
import { correctManagementEvaluation } from './freeze-evaluation.js';
import { getEvaluationPack, getManagementEvaluation } from './management-evaluation-views.js';
import { runActionCommand } from './run-action-command.js';
import { setCompetenceLevel } from './set-competence-level.js';
import { registerItemOf, trailStep } from '../core/test-support/register-item-fixture.js';
import { updateManagementEvaluation } from './update-management-evaluation.js';

const coordinator: Actor = { id: 'mette-kjaer', unitId: 'kvalitet', roles: ['coordinator'] };
const leader: Actor = { id: 'anne-birk', unitId: 'natur', roles: ['leader'] };
const d = (text: string) => asLocalDate(text);
const heldOn = d('2026-03-12');

let app: EmbeddedApp;
let dir: string;
let now = new Date('2026-03-12T14:00:00Z');
const on = (date: LocalDate) => (now = new Date(`${date}T10:00:00Z`));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kh-freeze-'));
  now = new Date('2026-03-12T14:00:00Z');
  app = await createEmbeddedApp(
    { ...loadConfig({}), dataDir: dir, seedDemo: false, sweepOnTimer: false },
    { clock: { now: () => now } },
  );
  upsertDirectory(app.db, { units: demoUnits, people: demoPeople });
});
afterEach(() => {
  app.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An audit of 2026 with one minor finding and its action planned, due 25 March; competences as of the meeting. */
async function worldAtTheMeeting(): Promise<{ action: CorrectiveAction; audit: Audit }> {
  const services = app.services;
  const at = now.toISOString();
  const stamp = { etag: 1, createdAt: at, updatedAt: at, updatedBy: coordinator.id };
  const audit = sampleOf(auditRecord, {
    ...stamp,
    id: 'audit-1',
    year: 2026,
    kind: 'internal',
    status: 'in-progress',
    plannedOn: d('2026-02-20'),
    report: null,
    checklist: [],
    clauses: [],
    procedureIds: [],
    auditorIds: [],
    externalAuditors: [],
    certificateId: null,
    programmeItemId: null,
    unitId: 'natur',
  });
  const action = sampleOf(correctiveActionRecord, {
    ...stamp,
    id: 'action-1',
    title: 'Frister i naturbeskyttelse',
    source: { kind: 'finding', findingId: 'finding-1' },
    status: 'planned',
    plan: 'Fælles fristliste',
    rootCause: 'Ingen overblik',
    ownerId: 'anne-birk',
    dueOn: d('2026-03-25'),
    implementedOn: null,
    implementedBy: null,
    involvedIds: ['anne-birk'],
    effectivenessChecks: [],
    closedOn: null,
    unitId: 'natur',
  });
  const finding: Finding = sampleOf(findingRecord, {
    ...stamp,
    id: 'finding-1',
    auditId: audit.id,
    grade: 'minor',
    foundOn: d('2026-02-20'),
    correctiveActionId: action.id,
    procedureId: null,
    unitId: 'natur',
  });
  await services.quality.commit({ audits: [audit], findings: [finding], correctiveActions: [action] });
  await seedDemoCompetences(services.store, heldOn);
  return { action, audit };
}

async function holdEvaluation(): Promise<string> {
  on(d('2026-01-10'));
  const planned = await createManagementEvaluation(app.services, coordinator, { year: 2026, plannedOn: heldOn });
  on(heldOn);
  await updateManagementEvaluation(app.services, coordinator, {
    evaluationId: planned.id,
    etag: planned.etag,
    changes: { heldOn, participantIds: ['lars-holm', 'mette-kjaer'], conclusions: 'Egnet.', status: 'held' },
  });
  return planned.id;
}

describe('freezing the management evaluation', () => {
  it('keeps the pack as it was on the meeting day when actions, findings and competences change after it', async () => {
    const { action, audit } = await worldAtTheMeeting();
    // A complaint in handling at the meeting (closed after it) and a deviation answered in time.
    await app.services.register.commit({
      expect: [
        { id: 'r-open', etag: 0 },
        { id: 'r-done', etag: 0 },
      ],
      items: [
        registerItemOf({ id: 'r-open', receiptNumber: '2026-OPEN01', unitIds: ['natur'], handlerId: 'anne-birk' }),
        registerItemOf({
          id: 'r-done',
          receiptNumber: '2026-DONE01',
          kind: 'deviation',
          status: 'closed',
          replyDueOn: null,
          reply: {
            text: 'Rettet',
            sentAt: '2026-03-05T09:00:00.000Z',
            sentBy: 'anne-birk',
            deliveredBy: 'email',
            isLate: false,
          },
          closedOn: d('2026-03-05'),
          trail: [
            trailStep('2026-03-02T09:00:00.000Z', 'registered', 'registered'),
            trailStep('2026-03-05T09:00:00.000Z', 'closed'),
          ],
        }),
      ],
    });
    const id = await holdEvaluation();
    const atTheMeeting = await getEvaluationPack(app.services, id);
    expect(atTheMeeting.register).toMatchObject({
      status: 'available',
      total: 2,
      byKind: { complaint: 1, deviation: 1 },
      open: 1,
      replyCompliance: { answeredInTime: 1, overdueUnanswered: 0 },
    });
    expect(atTheMeeting.frozen).toMatchObject({ asOf: heldOn, lockedAt: null });
    expect(atTheMeeting.asOf).toBe(heldOn);
    expect(atTheMeeting.actions.counts.planned).toBe(1);
    expect(atTheMeeting.audits.openFindings.map((row) => row.id)).toEqual(['finding-1']);
    const expiredThen = atTheMeeting.competenceGaps.expiring.filter((row) => row.isExpired).length;

    // After the meeting: the action is carried out and closed, a major finding is added (dated
    // before the meeting), a qualification changes and time passes so others expire.
    on(d('2026-04-02'));
    await runActionCommand(app.services, leader, {
      actionId: action.id,
      etag: 1,
      command: { kind: 'markImplemented', implementedOn: d('2026-04-02'), description: 'Proceduren er rettet.' },
    });
    on(d('2026-05-05'));
    await runActionCommand(app.services, coordinator, {
      actionId: action.id,
      etag: 2,
      command: { kind: 'checkEffectiveness', isEffective: true, note: 'Virker.' },
    });
    const at = now.toISOString();
    await app.services.quality.commit({
      findings: [
        sampleOf(findingRecord, {
          id: 'finding-late',
          auditId: audit.id,
          grade: 'major',
          foundOn: d('2026-03-01'),
          correctiveActionId: null,
          procedureId: null,
          unitId: 'natur',
          etag: 1,
          createdAt: at,
          updatedAt: at,
          updatedBy: coordinator.id,
        }),
      ],
    });
    const cell = (await app.services.store.listPersonCompetences())[0]!;
    await setCompetenceLevel(app.services, coordinator, {
      personId: cell.personId,
      competenceId: cell.competenceId,
      etag: personCompetenceEtag(cell),
      level: 0,
      evidence: null,
      validUntil: null,
    });
    // The register moves on: the complaint is answered late and closed, a suggestion comes in.
    const open = (await app.services.register.getItem('r-open'))!;
    await app.services.register.commit({
      expect: [
        { id: 'r-open', etag: open.etag },
        { id: 'r-new', etag: 0 },
      ],
      items: [
        {
          ...open,
          status: 'closed',
          replyDueOn: null,
          reply: {
            text: 'Svar',
            sentAt: '2026-05-05T09:00:00.000Z',
            sentBy: 'anne-birk',
            deliveredBy: 'email',
            isLate: true,
          },
          closedOn: d('2026-05-05'),
          trail: [...open.trail, trailStep('2026-05-05T09:00:00.000Z', 'closed')],
          etag: open.etag + 1,
        },
        registerItemOf({ id: 'r-new', receiptNumber: '2026-NEW001', kind: 'suggestion', receivedOn: d('2026-05-05') }),
      ],
    });
    on(d('2027-02-01'));

    const later = await getEvaluationPack(app.services, id);
    const { evaluation: _a, ...frozenFigures } = atTheMeeting;
    const { evaluation: _b, ...laterFigures } = later;
    expect(laterFigures).toEqual(frozenFigures);

    // The same evaluation assembled from live data today reads differently: the test can fail.
    const live = await assembleEvaluationPack(app.services, { year: 2026, evaluationId: id });
    expect(live.actions.counts.closed).toBe(1);
    expect(live.audits.openFindings.map((row) => row.id)).toContain('finding-late');
    expect(live.competenceGaps.expiring.filter((row) => row.isExpired).length).toBeGreaterThan(expiredThen);
    // The register counts up to the reference day even when live: the held evaluation's pack
    // assembled again reads as frozen; the year's pack as of today counts the later steps and item.
    expect(live.register).toEqual(atTheMeeting.register);
    const today = await assembleEvaluationPack(app.services, { year: 2026 });
    expect(today.register).toMatchObject({ total: 3, open: 1, replyCompliance: { answeredLate: 1 } });
    const asOfTheMeeting = await assembleEvaluationPack(app.services, { year: 2026, evaluationId: id, asOf: heldOn });
    expect(asOfTheMeeting.register).toEqual(atTheMeeting.register);
  });

  it('shows a pack frozen before the register fed it without the register’s figures, as not part of that snapshot', async () => {
    await worldAtTheMeeting();
    const id = await holdEvaluation();
    const frozen = (await app.services.quality.getFrozenRecord('management-evaluation', id))!;
    const { register: _register, ...older } = frozen.payload as Record<string, unknown>;
    await app.services.quality.commit({
      expect: [{ collection: 'frozenRecords', id: frozen.id, etag: frozen.etag }],
      frozenRecords: [{ ...frozen, payload: older, etag: frozen.etag + 1 }],
    });
    const pack = await getEvaluationPack(app.services, id);
    expect(pack.register).toEqual({ status: 'not-in-snapshot' });
    expect(pack.actions.counts.planned).toBe(1);
  });

  it('assembles as of a past day: an action closed after it shows as it was, one created after it is left out', () => {
    const base = sampleOf(correctiveActionRecord, {
      source: { kind: 'other' },
      involvedIds: [],
      status: 'closed',
      plan: 'p',
      dueOn: d('2026-03-01'),
      implementedOn: d('2026-03-20'),
      closedOn: d('2026-04-10'),
      effectivenessChecks: [{ checkedOn: d('2026-04-10'), checkedBy: 'x', isEffective: true, note: '' }],
    });
    expect(actionAsOf(base, d('2026-01-01'), d('2026-03-12'))).toMatchObject({
      status: 'planned',
      closedOn: null,
      implementedOn: null,
      effectivenessChecks: [],
    });
    expect(actionAsOf(base, d('2026-01-01'), d('2026-03-25'))).toMatchObject({ status: 'implemented' });
    expect(actionAsOf(base, d('2026-01-01'), d('2026-04-10'))).toBe(base);
    expect(actionAsOf(base, d('2026-03-13'), d('2026-03-12'))).toBeUndefined();
    expect(actionAsOf({ ...base, plan: null, dueOn: null }, d('2026-01-01'), d('2026-03-12'))?.status).toBe('open');
  });

  it('locks the published evaluation: edits are RECORD_LOCKED; a correction is a new linked record with its reason', async () => {
    await worldAtTheMeeting();
    const id = await holdEvaluation();
    on(d('2026-04-30'));
    const held = await app.services.quality.getManagementEvaluation(id);
    await updateManagementEvaluation(app.services, coordinator, {
      evaluationId: id,
      etag: held!.etag,
      changes: { publishedOn: d('2026-04-30'), status: 'published' },
    });
    const published = (await app.services.quality.getManagementEvaluation(id))!;
    await expect(
      updateManagementEvaluation(app.services, coordinator, {
        evaluationId: id,
        etag: published.etag,
        changes: { conclusions: 'Ændret bagefter' },
      }),
    ).rejects.toMatchObject({ code: 'RECORD_LOCKED', details: { kind: 'management-evaluation', id } });
    expect((await app.services.quality.getManagementEvaluation(id))?.conclusions).toBe('Egnet.');

    await expect(
      correctManagementEvaluation(app.services, leader, { evaluationId: id, etag: published.etag, reason: 'Fejl' }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      correctManagementEvaluation(app.services, coordinator, { evaluationId: id, etag: published.etag, reason: ' ' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });

    const correction = await correctManagementEvaluation(app.services, coordinator, {
      evaluationId: id,
      etag: published.etag,
      reason: 'Deltagerlisten manglede direktøren',
    });
    expect(correction).toMatchObject({ year: 2026, status: 'held', heldOn, conclusions: 'Egnet.', publishedOn: null });
    const original = await getManagementEvaluation(app.services, coordinator, id);
    expect(original.record).toMatchObject({
      locked: true,
      correctedBy: { id: correction.id, year: 2026 },
      corrects: null,
    });
    expect(original.abilities).toMatchObject({ edit: false, correct: false });
    const copy = await getManagementEvaluation(app.services, coordinator, correction.id);
    expect(copy.record).toMatchObject({
      locked: false,
      corrects: { id, year: 2026 },
      correctionReason: 'Deltagerlisten manglede direktøren',
      frozenAsOf: heldOn,
    });
    // The correction carries the original's frozen figures.
    const [originalPack, correctionPack] = [
      await getEvaluationPack(app.services, id),
      await getEvaluationPack(app.services, correction.id),
    ];
    expect(correctionPack.actions).toEqual(originalPack.actions);
    expect(correctionPack.asOf).toBe(heldOn);
    // A record is corrected once; the correction itself is edited until it is published.
    await expect(
      correctManagementEvaluation(app.services, coordinator, {
        evaluationId: id,
        etag: published.etag,
        reason: 'Igen',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    await updateManagementEvaluation(app.services, coordinator, {
      evaluationId: correction.id,
      etag: correction.etag,
      changes: { participantIds: ['lars-holm', 'mette-kjaer', 'anne-birk'] },
    });
    await expect(
      correctManagementEvaluation(app.services, coordinator, {
        evaluationId: correction.id,
        etag: correction.etag + 1,
        reason: 'Ikke låst endnu',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_STATE', details: { status: 'not-locked' } });
  });
});
