import { AppError } from '../core/errors.js';
import { isFindingCounted } from '../core/audit-correction.js';
import { localDateOf, type LocalDate } from '../core/local-date.js';
import { canPublishYearlyReport, ensure, type Actor } from '../core/policies.js';
import { findingGrades, type YearWheelOccurrence } from '../core/quality-year-types.js';
import { processLevels } from '../core/types.js';
import {
  currentYearlyReports,
  nextYearlyReportRevision,
  publicationOccurrenceFor,
  yearlyReportId,
  yearlyReportPublicPath,
  type YearlyReport,
  type YearlyReportArea,
  type YearlyReportData,
  type YearlyReportProcedure,
} from '../core/yearly-report.js';
import { nextReviewDue } from '../core/review-schedule.js';
import { qualityPolicyId, type Goal } from '../core/goal-types.js';
import { packGoals, measuredGoalValuesOver } from './pack-goals.js';
import type { ProcedureRow, Services } from './ports.js';
import { publicRegisterFiguresFor } from './register-queries.js';
import { surveyEvaluationSection } from './survey-evaluation-section.js';

/**
 * The yearly public report: assembled from live data for a year (`assembleYearlyReport`, the
 * coordinator's preview), frozen and locked when published (`publishYearlyReport`). Only what
 * may be public goes in: published procedures, the adopted quality policy, goals and survey
 * figures (never comments), audits' conclusions, the certificate, the management evaluation's
 * conclusions and decisions and its political treatment. No person's name.
 */

const reader = { id: 'system:yearly-report', isCoordinator: true };

function yearBounds(year: number): { from: LocalDate; to: LocalDate } {
  return { from: `${year}-01-01` as LocalDate, to: `${year}-12-31` as LocalDate };
}

export function ensureReportYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new AppError('VALIDATION', `The year must be a whole number from 2000 to 2100, not ${year}.`, {
      field: 'year',
    });
}

export async function assembleYearlyReport(services: Services, year: number): Promise<YearlyReportData> {
  ensureReportYear(year);
  const today = localDateOf(services.clock.now(), services.settings.timeZone);
  const bounds = yearBounds(year);
  // The figures run to the end of the year, or to today while the year is still going.
  const period = { from: bounds.from, to: bounds.to < today ? bounds.to : today };
  const [procedures, policy, goals, cases, audits, findings, certificates, evaluations, surveys, register] =
    await Promise.all([
      services.store.listProcedures({
        viewer: reader,
        today,
        sort: 'code',
        order: 'asc',
        limit: 100_000,
        offset: 0,
      }),
      services.goals.getQualityPolicy(qualityPolicyId),
      services.goals.listGoals(),
      services.goals.listCaseRecords(),
      services.quality.listAudits({ year }),
      services.quality.listFindings(),
      services.quality.listCertificates(),
      services.quality.listManagementEvaluations(),
      surveyEvaluationSection(services.surveys, period),
      publicRegisterFiguresFor(services, period),
    ]);

  const structure = await structureAsOf(services, procedures.items, period.to);

  const goalSection = packGoals(
    goals,
    cases,
    period,
    () => null,
    await measuredGoalValuesOver(services, goals, period),
  );
  const countsOf = (auditId: string) => {
    const counts = Object.fromEntries(findingGrades.map((grade) => [grade, 0])) as Record<
      (typeof findingGrades)[number],
      number
    >;
    // A finding withdrawn by a correction of its audit's report is kept, not counted.
    for (const finding of findings)
      if (finding.auditId === auditId && isFindingCounted(finding)) counts[finding.grade] += 1;
    return counts;
  };
  const certificate =
    certificates.find((candidate) => candidate.isActive && candidate.issuedOn <= bounds.to) ??
    certificates.find((candidate) => candidate.issuedOn <= bounds.to) ??
    null;
  const evaluation = evaluations.find((candidate) => candidate.year === year && candidate.status !== 'planned');

  return {
    year,
    organisationName: services.settings.organisationName,
    asOf: period.to,
    structureAsOf: period.to,
    structure,
    policy:
      policy && policy.isPublished
        ? { text: policy.text, adoptedBy: policy.adoptedBy, adoptedOn: policy.adoptedOn }
        : null,
    goals:
      goalSection.status === 'available'
        ? goalSection.goals.map((goal) => ({
            title: goal.title,
            target: goal.target,
            value: goal.value,
            colour: goal.colour,
            ...(isReplyTimeGoal(goals.find((candidate) => candidate.id === goal.id)) ? { isReplyTimeGoal: true } : {}),
          }))
        : [],
    surveys: surveys.rounds.map((round) => ({
      title: round.title,
      roundLabel: round.roundLabel,
      from: round.from,
      to: round.to,
      headlineQuestion: round.headlineQuestion,
      respondents: round.all.respondents,
      shareSatisfied: round.all.isSuppressed ? null : round.all.headline.share,
      responseRate: round.all.responseRate,
    })),
    audits: audits
      .filter((audit) => audit.status !== 'cancelled')
      .map((audit) => ({
        title: audit.title,
        kind: audit.kind,
        on: audit.report?.reportedOn ?? audit.plannedOn,
        isReported: audit.report !== null,
        conclusion: audit.report?.conclusion ?? '',
        findingCounts: countsOf(audit.id),
      })),
    certificate: certificate
      ? {
          body: certificate.body,
          standard: certificate.standard,
          scope: certificate.scope,
          certificateNumber: certificate.certificateNumber,
          issuedOn: certificate.issuedOn,
          expiresOn: certificate.expiresOn,
        }
      : null,
    evaluation: evaluation
      ? {
          heldOn: evaluation.heldOn,
          conclusions: evaluation.conclusions,
          decisions: evaluation.decisions.map((decision) => ({ text: decision.text, dueOn: decision.dueOn })),
          committee: evaluation.committee,
          committeeOn: evaluation.committeeOn,
        }
      : null,
    register,
  };
}

/**
 * A procedure as it stood on `day`: the version in force then (the last one published by then,
 * from the version history), its approval and the next review due then. Undefined: nothing of it
 * was published by then. A row whose approval and last review are both on or before `day` already
 * is as it stood then (a later version would have a later approval), so only the others are read.
 */
async function procedureAsOf(
  services: Services,
  procedure: ProcedureRow,
  day: LocalDate,
): Promise<YearlyReportProcedure | undefined> {
  const standards = procedure.standards.map((reference) =>
    [reference.standard, reference.clauses.join(', ')].filter((part) => part !== '').join(' '),
  );
  const base = { code: procedure.code, title: procedure.title, legalBasis: procedure.legalBasis, standards };
  const { currentVersion, approvedOn, lastReviewedOn } = procedure;
  if (
    currentVersion !== null &&
    approvedOn !== null &&
    approvedOn <= day &&
    (lastReviewedOn === null || lastReviewedOn <= day)
  )
    return {
      ...base,
      version: `${currentVersion.major}.${currentVersion.minor}`,
      approvedOn,
      nextReviewOn: procedure.nextReviewOn,
    };
  const zone = services.settings.timeZone;
  const dayOf = (instant: string) => localDateOf(new Date(instant), zone);
  const [versions, reviews] = await Promise.all([
    services.store.listVersions(procedure.id),
    services.store.listReviews(procedure.id),
  ]);
  const inForce = versions
    .filter(
      (version) =>
        (version.state === 'published' || version.state === 'obsolete') &&
        version.publishedAt !== null &&
        dayOf(version.publishedAt) <= day,
    )
    .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''))[0];
  if (!inForce) return undefined;
  const versionApprovedOn = dayOf(inForce.publishedAt!);
  const lastReview = reviews
    .filter((review) => review.outcome === 'still-valid')
    .map((review) => dayOf(review.reviewedAt))
    .filter((reviewedOn) => reviewedOn <= day)
    .sort()
    .at(-1);
  return {
    ...base,
    version: `${inForce.major ?? 0}.${inForce.minor ?? 0}`,
    approvedOn: versionApprovedOn,
    nextReviewOn: nextReviewDue({
      approvedOn: versionApprovedOn,
      lastReviewedOn: lastReview ?? null,
      intervalMonths: procedure.reviewIntervalMonths,
    }),
  };
}

/** The handbook's structure as it stood on `day`: the procedures in force then, by level and area. */
async function structureAsOf(
  services: Services,
  procedures: ProcedureRow[],
  day: LocalDate,
): Promise<YearlyReportData['structure']> {
  const asOf = await Promise.all(procedures.map((procedure) => procedureAsOf(services, procedure, day)));
  return processLevels
    .map((level) => {
      const areas = new Map<string, YearlyReportArea>();
      procedures.forEach((procedure, index) => {
        const entry = asOf[index];
        if (procedure.level !== level || entry === undefined) return;
        const area = areas.get(procedure.area) ?? { area: procedure.area, procedures: [] };
        area.procedures.push(entry);
        areas.set(procedure.area, area);
      });
      return { level, areas: [...areas.values()].sort((a, b) => a.area.localeCompare(b.area, 'da')) };
    })
    .filter((entry) => entry.areas.length > 0);
}

/** The coordinator's preview of a year's report, from live data. */
export async function previewYearlyReport(services: Services, actor: Actor, year: number): Promise<YearlyReportData> {
  ensure(canPublishYearlyReport(actor), 'Only the quality coordinator prepares the yearly report.');
  return assembleYearlyReport(services, year);
}

export type PublishYearlyReportInput = { year: number; correctionReason: string | null };

/**
 * Publishes a year's report: its content is assembled now and stored frozen; the årshjul's
 * publication activity is marked done. A year already published is locked (CONFLICT) unless this
 * is a correction with its reason, stored as the next revision beside the earlier one.
 */
export async function publishYearlyReport(
  services: Services,
  actor: Actor,
  input: PublishYearlyReportInput,
): Promise<YearlyReport> {
  ensure(canPublishYearlyReport(actor), 'Only the quality coordinator publishes the yearly report.');
  ensureReportYear(input.year);
  const published = await services.quality.listYearlyReports();
  const revision = nextYearlyReportRevision(published, input);
  const content = await assembleYearlyReport(services, input.year);
  const now = services.clock.now();
  const at = now.toISOString();
  const today = localDateOf(now, services.settings.timeZone);
  const report: YearlyReport = {
    id: yearlyReportId(input.year, revision),
    year: input.year,
    revision,
    content,
    publishedAt: at,
    publishedOn: today,
    publishedBy: actor.id,
    correctionReason: revision === 1 ? null : (input.correctionReason?.trim() ?? null),
    createdAt: at,
    updatedAt: at,
    updatedBy: actor.id,
    etag: 1,
  };

  const occurrences: YearWheelOccurrence[] = [];
  const expect: { collection: 'yearlyReports' | 'occurrences'; id: string; etag: number }[] = [
    { collection: 'yearlyReports', id: report.id, etag: 0 },
  ];
  if (revision === 1) {
    const open = publicationOccurrenceFor(await services.quality.listOccurrences(), input.year);
    if (open) {
      expect.push({ collection: 'occurrences', id: open.id, etag: open.etag });
      occurrences.push({
        ...open,
        completedOn: today,
        note: [open.note, `Årsrapport ${input.year} offentliggjort ${today}.`].filter((part) => part !== '').join('\n'),
        etag: open.etag + 1,
        updatedAt: at,
        updatedBy: actor.id,
      });
    } else {
      const id = `yearly-publication-${input.year}-${services.ids.next()}`;
      expect.push({ collection: 'occurrences', id, etag: 0 });
      occurrences.push({
        id,
        kind: 'yearly-publication',
        title: `Offentliggørelse af årsrapport ${input.year}`,
        dueOn: today,
        ownerId: actor.id,
        origin: { kind: 'manual' },
        completedOn: today,
        isEdited: false,
        note: '',
        createdAt: at,
        updatedAt: at,
        updatedBy: actor.id,
        etag: 1,
      });
    }
  }
  await services.quality.commit({
    expect,
    yearlyReports: [report],
    occurrences,
    trail: [
      {
        at,
        actorId: actor.id,
        action: revision === 1 ? 'yearly-report.published' : 'yearly-report.corrected',
        procedureId: null,
        subjectId: report.id,
        summary: `Årsrapport ${input.year} offentliggjort (revision ${revision})`,
        details: { year: input.year, revision, correctionReason: report.correctionReason },
      },
    ],
  });
  return report;
}

/** The published reports, newest revision of each year (for the tab and the public pages). */
export async function listPublishedYearlyReports(services: Services): Promise<YearlyReport[]> {
  return currentYearlyReports(await services.quality.listYearlyReports());
}

/** A year's published report (its newest revision), NOT_FOUND when the year is not published. */
export async function getPublishedYearlyReport(services: Services, year: number): Promise<YearlyReport> {
  const report = (await listPublishedYearlyReports(services)).find((candidate) => candidate.year === year);
  if (!report) throw new AppError('NOT_FOUND', `No published yearly report for ${year}.`);
  return report;
}

export type YearlyReportSummary = {
  id: string;
  year: number;
  revision: number;
  publishedAt: string;
  publishedOn: LocalDate;
  publishedBy: { id: string; name: string };
  correctionReason: string | null;
  publicPath: string;
};

/** The public handbook's path, for the municipality's website. */
export const publicHandbookPath = '/public/handbook';

async function summariesOf(services: Services, reports: YearlyReport[]): Promise<YearlyReportSummary[]> {
  const names = new Map((await services.store.listPeople()).map((person) => [person.id, person.name]));
  return reports.map((report) => ({
    id: report.id,
    year: report.year,
    revision: report.revision,
    publishedAt: report.publishedAt,
    publishedOn: report.publishedOn,
    publishedBy: { id: report.publishedBy, name: names.get(report.publishedBy) ?? report.publishedBy },
    correctionReason: report.correctionReason,
    publicPath: yearlyReportPublicPath(report.year),
  }));
}

/** The published reports (newest revision of each year) for everyone signed in. */
export async function listYearlyReportsView(services: Services, actor: Actor) {
  return {
    items: await summariesOf(services, await listPublishedYearlyReports(services)),
    handbookPath: publicHandbookPath,
    abilities: { publish: canPublishYearlyReport(actor) },
  };
}

export async function yearlyReportSummary(services: Services, report: YearlyReport): Promise<YearlyReportSummary> {
  return (await summariesOf(services, [report]))[0]!;
}

/** The coordinator's preview: live data, and the published revision if there is one. */
export async function yearlyReportPreviewView(services: Services, actor: Actor, year: number) {
  const content = await previewYearlyReport(services, actor, year);
  const published = (await listPublishedYearlyReports(services)).find((report) => report.year === year);
  return { year, content, published: published ? await yearlyReportSummary(services, published) : null };
}

/** A goal measured as the register's reply-time compliance over every kind of item. */
function isReplyTimeGoal(goal: Goal | undefined): boolean {
  return (
    goal?.measurement.kind === 'register' &&
    goal.measurement.metric === 'replied-in-time' &&
    goal.measurement.kinds.length === 0
  );
}
