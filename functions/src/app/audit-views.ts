import { isDatedInYear } from '../core/audit-dates.js';
import {
  auditHistoryFrom,
  auditorIndependenceWarnings,
  changedItemIdsFor,
  planProgramme,
} from '../core/audit-programme.js';
import { certificationCycle, nextCertifierAudit } from '../core/certification-cycle.js';
import { cycleAuditState, matchCycleAudits } from '../core/certifier-audit-match.js';
import { isFindingCounted } from '../core/audit-correction.js';
import { findingNeedsAction } from '../core/corrective-action.js';
import { AppError } from '../core/errors.js';
import { auditAbilities, canManageQuality, canRecordAuditResults, type Actor } from '../core/policies.js';
import type { Audit, Certificate, Finding } from '../core/quality-year-types.js';
import type { Person, Unit } from '../core/types.js';
import type { Services } from './ports.js';
import { loadAudit, todayOf } from './quality-records.js';

/**
 * Reads of the audit programme, audits, certificates and findings as the API shows them: each
 * audit with its auditors' independence warnings and the caller's abilities, each finding with
 * its corrective action's status. Everyone signed in may read them.
 */

type Directory = { people: readonly Pick<Person, 'id' | 'unitId'>[]; units: readonly Unit[] };

async function directoryOf(services: Services): Promise<Directory> {
  const [people, units] = await Promise.all([services.store.listPeople(), services.store.listUnits()]);
  return { people, units };
}

/**
 * An audit as the API shows it. A certifier's audit names its auditors in `externalAuditors`,
 * so it is not warned about having none.
 */
export function auditView(actor: Actor, audit: Audit, directory: Directory) {
  const warnings = auditorIndependenceWarnings(audit, directory.people, directory.units);
  return {
    ...audit,
    independenceWarnings:
      audit.externalAuditors.length > 0 ? warnings.filter((warning) => warning.code !== 'no-auditors') : warnings,
    abilities: auditAbilities(actor, audit),
  };
}
export type AuditView = ReturnType<typeof auditView>;

export async function getAuditView(services: Services, actor: Actor, auditId: string): Promise<AuditView> {
  const [audit, directory] = await Promise.all([loadAudit(services, auditId), directoryOf(services)]);
  return auditView(actor, audit, directory);
}

/** Views of the given audits (after a write that returns several). */
export async function auditViews(services: Services, actor: Actor, audits: readonly Audit[]): Promise<AuditView[]> {
  const directory = await directoryOf(services);
  return audits.map((audit) => auditView(actor, audit, directory));
}

export async function listAuditViews(services: Services, actor: Actor, year: number | undefined) {
  const audits = await services.quality.listAudits(year === undefined ? {} : { year });
  return {
    year: year ?? null,
    audits: await auditViews(services, actor, audits),
    abilities: { manage: canManageQuality(actor) },
  };
}

/** The current certificate: the active one issued last (the store lists the newest first). */
export function activeCertificate(certificates: readonly Certificate[]): Certificate | undefined {
  return certificates.find((certificate) => certificate.isActive);
}

/**
 * The programme for a year: the items due with their weighting (planProgramme, using the
 * active certificate's cycle so every item is audited once per cycle), each with the audit
 * already planned from it that year, and all the year's audits.
 */
export async function getProgrammeYear(services: Services, actor: Actor, year: number) {
  const [items, audits, findings, certificates] = await Promise.all([
    services.quality.listProgrammeItems(),
    services.quality.listAudits(),
    services.quality.listFindings(),
    services.quality.listCertificates(),
  ]);
  const certificate = activeCertificate(certificates);
  const cycle = certificate ? certificationCycle(certificate) : [];
  const cycleYears = certificate
    ? {
        firstYear: Number(certificate.issuedOn.slice(0, 4)),
        lastYear: Number((cycle[cycle.length - 1]?.dueOn ?? certificate.expiresOn).slice(0, 4)),
      }
    : null;
  // A withdrawn finding does not weigh in the programme.
  const history = auditHistoryFrom(
    audits,
    findings.filter((finding) => isFindingCounted(finding)),
  );
  const plan = planProgramme(items, history, year, {
    changedItemIds: changedItemIdsFor(items, history, year),
    ...(cycleYears ? { certificationCycle: cycleYears } : {}),
  });
  const yearAudits = audits.filter((audit) => audit.year === year);
  const plannedFrom = new Map(
    yearAudits
      .filter((audit) => audit.programmeItemId !== null && audit.status !== 'cancelled')
      .map((audit) => [audit.programmeItemId as string, audit.id]),
  );
  return {
    year,
    plan: plan.map(({ item, priority, suggestedMonth }) => ({
      item,
      score: priority.score,
      frequency: priority.frequency,
      reasons: priority.reasons,
      lastAuditedYear: priority.lastAuditedYear,
      suggestedMonth,
      plannedAuditId: plannedFrom.get(item.id) ?? null,
    })),
    items,
    // "Audits i {year}": the audits dated in the year (an audit of the year's programme may be
    // held in January of the next; it is listed there, where it happens).
    audits: await auditViews(
      services,
      actor,
      audits.filter((audit) => isDatedInYear(audit.plannedOn, year)),
    ),
    certificationCycle: cycleYears,
    abilities: { manage: canManageQuality(actor) },
  };
}

/** One record of the quality year from its list, or NOT_FOUND in our words. */
async function oneOf<T extends { id: string }>(records: Promise<T[]>, id: string, what: string): Promise<T> {
  const found = (await records).find((record) => record.id === id);
  if (!found) throw new AppError('NOT_FOUND', `No ${what} with id ${id}.`);
  return found;
}

export async function getProgrammeItem(services: Services, itemId: string) {
  return oneOf(services.quality.listProgrammeItems(), itemId, 'audit programme item');
}

export async function getCertificate(services: Services, certificateId: string) {
  return oneOf(services.quality.listCertificates(), certificateId, 'certificate');
}

export async function getFindingView(services: Services, actor: Actor, findingId: string) {
  const finding = await oneOf(services.quality.listFindings(), findingId, 'finding');
  return (await findingViews(services, actor, [finding]))[0]!;
}

export async function listCertificatesView(services: Services, actor: Actor) {
  return { certificates: await services.quality.listCertificates(), abilities: { manage: canManageQuality(actor) } };
}

/** The certifier's audits of a certificate's cycle and which of them are recorded as audits. */
export async function getCertificateCycle(services: Services, certificateId: string) {
  const [certificates, audits] = await Promise.all([
    services.quality.listCertificates(),
    services.quality.listAudits(),
  ]);
  const certificate = certificates.find((candidate) => candidate.id === certificateId);
  if (!certificate) throw new AppError('NOT_FOUND', `No certificate with id ${certificateId}.`);
  const today = todayOf(services);
  const next = nextCertifierAudit(certificate, today);
  return {
    certificate,
    audits: matchCycleAudits(certificationCycle(certificate), audits, certificate.id).map((entry) => ({
      ...entry,
      state: cycleAuditState(entry, today),
    })),
    next: next ? { kind: next.kind, index: next.index, dueOn: next.dueOn } : null,
  };
}

/** A finding as the API shows it: with its action's status and whether it is still open. */
export async function findingViews(services: Services, actor: Actor, findings: readonly Finding[]) {
  const withAction = findings.filter((finding) => finding.correctiveActionId !== null);
  const actions = withAction.length > 0 ? await services.quality.listCorrectiveActions() : [];
  const statusOf = new Map(actions.map((action) => [action.id, action.status]));
  const auditIds = [...new Set(findings.map((finding) => finding.auditId))];
  const audits = await Promise.all(auditIds.map((id) => services.quality.getAudit(id)));
  const auditorsOf = new Map(audits.flatMap((audit) => (audit ? [[audit.id, audit.auditorIds] as const] : [])));
  return findings.map((finding) => {
    const actionStatus =
      finding.correctiveActionId === null ? null : (statusOf.get(finding.correctiveActionId) ?? null);
    return {
      ...finding,
      actionStatus,
      isOpen: findingNeedsAction(finding.grade) && actionStatus !== 'closed' && isFindingCounted(finding),
      abilities: { edit: canRecordAuditResults(actor, { auditorIds: auditorsOf.get(finding.auditId) ?? [] }) },
    };
  });
}

export async function listAuditFindings(services: Services, actor: Actor, auditId: string) {
  await loadAudit(services, auditId);
  return { findings: await findingViews(services, actor, await services.quality.listFindings({ auditId })) };
}

/**
 * All findings (`all`), or the open ones: major and minor nonconformities whose corrective action
 * is missing or not closed. `year` keeps the findings of that year's audits, `unitId` those of one unit.
 */
export async function listFindings(
  services: Services,
  actor: Actor,
  query: { state: 'open' | 'all'; year?: number | undefined; unitId?: string | undefined },
) {
  let findings = await services.quality.listFindings();
  if (query.unitId !== undefined) findings = findings.filter((finding) => finding.unitId === query.unitId);
  if (query.year !== undefined) {
    const ids = new Set((await services.quality.listAudits({ year: query.year })).map((audit) => audit.id));
    findings = findings.filter((finding) => ids.has(finding.auditId));
  }
  const views = await findingViews(services, actor, findings);
  return { findings: query.state === 'open' ? views.filter((finding) => finding.isOpen) : views };
}
