import {
  correctedChecklist,
  ensureChecklistLineFree,
  withdrawnFinding,
  type ChecklistLineCorrection,
} from '../core/audit-correction.js';
import { AppError } from '../core/errors.js';
import { correctionRecordsOf, type FrozenRecord } from '../core/frozen-records.js';
import { canCorrectAuditReport, ensure, type Actor } from '../core/policies.js';
import type { Audit, AuditReport, Finding } from '../core/quality-year-types.js';
import { reportedAuditSnapshot, type AuditSnapshot } from './freeze-audit.js';
import type { Services } from './ports.js';
import { ensureFresh, loadAudit, nextVersion, qualityTrail, stampOf, todayOf } from './quality-records.js';
import { checkFindingLinks, newFinding, type FindingFields } from './record-finding.js';

/**
 * "Ret rapport": a correction of a reported (locked) audit's report (core/audit-correction.ts).
 *
 * The audit record takes the corrected report and checklist, so everything that lists or counts
 * audits sees it once, with its latest revision. The revision before it stays as it was in its
 * locked snapshot (`audit:<audit id>` for the reported original, `audit:<revision id>` after),
 * now marked `correctedById`; the new revision's snapshot, locked at once, `correctsId` it with
 * the reason. Findings stay the audit's one set: the correction may add findings and withdraw
 * findings with their reasons, never delete or copy them. The coordinator or the lead auditor.
 */

export type AuditReportCorrection = {
  auditId: string;
  etag: number;
  reason: string;
  summary?: string | undefined;
  conclusion?: string | undefined;
  checklist?: readonly ChecklistLineCorrection[] | undefined;
  addFindings?: readonly (FindingFields & { checklistLineId: string | null })[] | undefined;
  withdrawFindings?: readonly { findingId: string; reason: string }[] | undefined;
};

/** The most revisions followed (a chain is one per correction; a loop would be a broken store). */
const maxRevisions = 1000;

/**
 * The report's revisions, oldest first: the reported original's snapshot, then each correction's,
 * following `correctedById`. Empty for an audit reported before snapshots were kept and never corrected.
 */
export async function reportRevisionsOf(services: Pick<Services, 'quality'>, auditId: string): Promise<FrozenRecord[]> {
  const chain: FrozenRecord[] = [];
  let current = await services.quality.getFrozenRecord('audit', auditId);
  while (current && chain.length < maxRevisions) {
    chain.push(current);
    if (current.correctedById === null) break;
    current = await services.quality.getFrozenRecord('audit', current.correctedById);
  }
  return chain;
}

export async function correctAuditReport(
  services: Services,
  actor: Actor,
  input: AuditReportCorrection,
): Promise<{ audit: Audit; revision: FrozenRecord }> {
  const current = await loadAudit(services, input.auditId);
  ensure(
    canCorrectAuditReport(actor, current),
    'Only the quality coordinator and the audit’s lead auditor correct a reported audit’s report.',
  );
  if (current.status !== 'reported' || current.report === null)
    throw new AppError('INVALID_STATE', 'Only a reported audit’s report is corrected; edit the audit instead.', {
      status: current.status,
    });
  ensureFresh('audits', current, input.etag);
  const stamp = stampOf(services, actor);
  const by = { at: stamp.at, by: actor.id };

  const revisions = await reportRevisionsOf(services, current.id);
  // Reported before snapshots were kept: the original's snapshot is taken now, as it stands.
  const latest = revisions.at(-1) ?? (await reportedAuditSnapshot(services, current, by));
  const latestStoredEtag = revisions.length === 0 ? 0 : latest.etag;
  const revisionId = services.ids.next();
  const links = correctionRecordsOf(latest, {
    correctionId: revisionId,
    reason: input.reason,
    at: stamp.at,
    by: actor.id,
  });

  const findings = await services.quality.listFindings({ auditId: current.id });
  const withdrawn = (input.withdrawFindings ?? []).map((withdrawal, index) => {
    const finding = findings.find((candidate) => candidate.id === withdrawal.findingId);
    if (!finding)
      throw new AppError('NOT_FOUND', `The audit has no finding ${withdrawal.findingId}.`, {
        field: `withdrawFindings.${index}.findingId`,
      });
    const next = withdrawnFinding(finding, {
      withdrawnOn: todayOf(services),
      withdrawnBy: actor.id,
      reason: withdrawal.reason,
      revisionId,
    });
    return { ...next, ...nextVersion(finding, stamp) };
  });
  if (new Set(withdrawn.map((finding) => finding.id)).size !== withdrawn.length)
    throw new AppError('VALIDATION', 'A finding is withdrawn once.', { field: 'withdrawFindings' });
  const checklist = correctedChecklist(current.checklist, input.checklist ?? []);
  let after: Finding[] = findings.map((finding) => withdrawn.find((each) => each.id === finding.id) ?? finding);
  const added: Finding[] = [];
  for (const [index, fields] of (input.addFindings ?? []).entries()) {
    await checkFindingLinks(services, fields);
    if (fields.checklistLineId !== null && !checklist.some((line) => line.id === fields.checklistLineId))
      throw new AppError('VALIDATION', `The audit has no checklist line ${fields.checklistLineId}.`, {
        field: `addFindings.${index}.checklistLineId`,
      });
    ensureChecklistLineFree(after, fields.checklistLineId);
    const finding = newFinding(services, actor, current, fields, stamp);
    added.push(finding);
    after = [...after, finding];
  }

  const report: AuditReport = {
    ...current.report,
    summary: input.summary ?? current.report.summary,
    conclusion: input.conclusion ?? current.report.conclusion,
  };
  const isChanged =
    report.summary !== current.report.summary ||
    report.conclusion !== current.report.conclusion ||
    JSON.stringify(checklist) !== JSON.stringify(current.checklist) ||
    added.length > 0 ||
    withdrawn.length > 0;
  if (!isChanged)
    throw new AppError('VALIDATION', 'The correction changes nothing in the report, checklist or findings.', {
      field: 'summary',
      reason: 'no-change',
    });

  const audit: Audit = { ...current, checklist, report, ...nextVersion(current, stamp) };
  const payload: AuditSnapshot = { audit, findings: after };
  const revision: FrozenRecord = { ...links.correction, lockedAt: stamp.at, payload };
  await services.quality.commit({
    expect: [
      { collection: 'audits', id: audit.id, etag: current.etag },
      { collection: 'frozenRecords', id: links.original.id, etag: latestStoredEtag },
      { collection: 'frozenRecords', id: revision.id, etag: 0 },
      ...withdrawn.map((finding) => ({ collection: 'findings' as const, id: finding.id, etag: finding.etag - 1 })),
      ...added.map((finding) => ({ collection: 'findings' as const, id: finding.id, etag: 0 })),
    ],
    audits: [audit],
    findings: [...withdrawn, ...added],
    frozenRecords: [links.original, revision],
    trail: [
      qualityTrail(stamp, 'audit.report-corrected', audit.id, `Auditrapport rettet: ${audit.title}`, {
        revisionId,
        corrects: latest.subjectId,
        reason: revision.correctionReason,
        addedFindings: added.map((finding) => finding.id),
        withdrawnFindings: withdrawn.map((finding) => finding.id),
      }),
    ],
  });
  return { audit, revision };
}

/** The report's revisions as the API shows them, oldest (the reported original) first. */
export async function listReportRevisions(services: Services, auditId: string) {
  const audit = await loadAudit(services, auditId);
  const revisions = await reportRevisionsOf(services, audit.id);
  return {
    revisions: revisions.map((frozen, revision) => {
      const payload = frozen.payload as Partial<AuditSnapshot>;
      return {
        id: revision === 0 ? audit.id : frozen.subjectId,
        revision,
        madeAt: frozen.frozenAt,
        madeBy: frozen.frozenBy,
        lockedAt: frozen.lockedAt,
        correctsId: frozen.correctsId,
        correctionReason: frozen.correctionReason,
        correctedById: frozen.correctedById,
        report: payload.audit?.report ?? null,
        checklist: payload.audit?.checklist ?? [],
        findingIds: (payload.findings ?? [])
          .filter((finding) => (finding.withdrawal ?? null) === null)
          .map((finding) => finding.id),
      };
    }),
  };
}
