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
    const id = await holdEvaluation();
    const atTheMeeting = await getEvaluationPack(app.services, id);
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
