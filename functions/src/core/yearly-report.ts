import { AppError } from './errors.js';
import type { GoalColour, GoalTarget, PolicyText } from './goal-types.js';
import type { LocalDate } from './local-date.js';
import type { AuditKind, FindingGrade } from './quality-year-types.js';
import type { LocalizedLabel, RegisterKind, ReplyDeadlineRule } from './register-types.js';
import type { LocalizedText } from './survey-types.js';
import type { ProcessLevel } from './types.js';

/**
 * The yearly public report (the former quality law's duty to publish, once a year, "en
 * beskrivelse af kvalitetsstyringssystemet (kvalitetshåndbogens opbygning), kommunens
 * kvalitetspolitik og mål samt en status for systemet", Randers; the management evaluation
 * "offentliggøres … efter politisk behandling", Høje-Taastrup).
 *
 * `YearlyReportData` holds facts, not sentences: the web page and the PDF render it in Danish
 * or Norwegian (documents/yearly-report-content.ts), and a published report stores it frozen
 * (`YearlyReport.content`), so it reads the same in every language for ever. It never holds a
 * person's name or contact details, a draft or an internal trail: everything in it is public.
 *
 * A new section (e.g. the feedback register's figures) is one optional field here, filled by
 * `assembleYearlyReport` and rendered by one entry of `yearlyReportSections`.
 */

export type YearlyReportProcedure = {
  code: string;
  title: string;
  /** "3.2" */
  version: string;
  approvedOn: LocalDate | null;
  nextReviewOn: LocalDate | null;
  legalBasis: string[];
  /** "ISO 9001:2015 7.5", … */
  standards: string[];
};

export type YearlyReportArea = { area: string; procedures: YearlyReportProcedure[] };

export type YearlyReportGoal = {
  title: string;
  target: GoalTarget;
  /** The value over the year (null: nothing measured). */
  value: number | null;
  colour: GoalColour;
  /**
   * Measured as the register's reply-time compliance (every kind answered within the deadline),
   * so the register's section shows it beside that figure. Absent in reports frozen before it existed.
   */
  isReplyTimeGoal?: boolean;
};

export type YearlyReportSurvey = {
  title: LocalizedText;
  roundLabel: string;
  from: LocalDate;
  to: LocalDate;
  headlineQuestion: LocalizedText;
  respondents: number;
  /** Share satisfied, 0–1; null when suppressed (fewer than 5 respondents). */
  shareSatisfied: number | null;
  responseRate: number | null;
};

export type YearlyReportAudit = {
  title: string;
  kind: AuditKind;
  /** The day it was reported, else planned. */
  on: LocalDate;
  isReported: boolean;
  conclusion: string;
  findingCounts: Record<FindingGrade, number>;
};

export type YearlyReportCertificate = {
  body: string;
  standard: string;
  scope: string;
  certificateNumber: string;
  issuedOn: LocalDate;
  expiresOn: LocalDate;
};

export type YearlyReportEvaluation = {
  heldOn: LocalDate | null;
  conclusions: string;
  decisions: { text: string; dueOn: LocalDate | null }[];
  committee: string | null;
  committeeOn: LocalDate | null;
};

/**
 * The feedback register's figures for the year (issue 15/16): counts, reply-time compliance
 * against the municipality's reply deadlines, the top root causes and what was done. Counts and
 * category labels only: never an item's text, a sender or a handler.
 */
export type YearlyReportRegister = {
  /** Items received in the year, per kind (every kind present, 0 when none). */
  byKind: Record<RegisterKind, number>;
  total: number;
  /** The items received in the year whose sender can be answered, judged as known when the figures were taken. */
  replyCompliance: {
    answerable: number;
    answeredInTime: number;
    answeredLate: number;
    overdueUnanswered: number;
    /** answeredInTime of the judged (in time + late + overdue unanswered); null when none is judged. */
    share: number | null;
  };
  /** The reply deadlines in force (the municipality's reply policy), per kind. */
  replyDeadlines: Record<RegisterKind, ReplyDeadlineRule>;
  /** The most frequent root-cause categories of the year's items, most frequent first (at most 5). */
  rootCauses: { label: LocalizedLabel; count: number }[];
  /** Items received in the year that are closed (as known when the figures were taken). */
  closedItems: number;
  /** Corrective actions started from register items in the year, and those closed in the year. */
  actionsStarted: number;
  actionsClosed: number;
};

export type YearlyReportData = {
  year: number;
  organisationName: string;
  /** The day the figures were taken. */
  asOf: LocalDate;
  structure: { level: ProcessLevel; areas: YearlyReportArea[] }[];
  policy: { text: PolicyText; adoptedBy: string; adoptedOn: LocalDate | null } | null;
  goals: YearlyReportGoal[];
  surveys: YearlyReportSurvey[];
  audits: YearlyReportAudit[];
  certificate: YearlyReportCertificate | null;
  evaluation: YearlyReportEvaluation | null;
  /**
   * The register's figures; absent in reports published before the register was part of it
   * (they render without the section).
   */
  register?: YearlyReportRegister;
  /**
   * The day the handbook's structure is taken as of (31 December of a past year: the versions
   * published by then); absent in reports published before it was kept (then: the day published).
   */
  structureAsOf?: LocalDate;
};

/** A published yearly report: frozen content, locked. A correction is a new revision with its reason. */
export type YearlyReport = {
  /** `yearly-report-<year>-r<revision>` */
  id: string;
  year: number;
  /** 1 for the first publication; each correction adds one. */
  revision: number;
  content: YearlyReportData;
  publishedAt: string;
  publishedOn: LocalDate;
  publishedBy: string;
  /** Why a correction was published; null on the first revision. */
  correctionReason: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  etag: number;
};

export function yearlyReportId(year: number, revision: number): string {
  return `yearly-report-${year}-r${revision}`;
}

/** The newest revision of each year, newest year first. */
export function currentYearlyReports(reports: readonly YearlyReport[]): YearlyReport[] {
  const byYear = new Map<number, YearlyReport>();
  for (const report of reports) {
    const known = byYear.get(report.year);
    if (!known || report.revision > known.revision) byYear.set(report.year, report);
  }
  return [...byYear.values()].sort((a, b) => b.year - a.year);
}

export const maxCorrectionReasonLength = 2000;

/**
 * The revision a publication of `year` gets. A year already published is locked: publishing it
 * again is refused (CONFLICT, 409) unless it is a correction with a reason, which becomes the
 * next revision; the earlier revision stays as it was.
 */
export function nextYearlyReportRevision(
  published: readonly YearlyReport[],
  input: { year: number; correctionReason: string | null },
): number {
  const current = currentYearlyReports(published.filter((report) => report.year === input.year))[0];
  const reason = input.correctionReason?.trim() ?? '';
  if (!current) {
    if (reason !== '')
      throw new AppError(
        'VALIDATION',
        `The yearly report for ${input.year} is not published yet: nothing to correct.`,
        {
          field: 'correctionReason',
        },
      );
    return 1;
  }
  if (reason === '')
    throw new AppError(
      'CONFLICT',
      `The yearly report for ${input.year} was published on ${current.publishedOn} and is locked; publish a correction with its reason instead.`,
      {
        reason: 'yearly-report-locked',
        year: input.year,
        revision: current.revision,
        publishedOn: current.publishedOn,
      },
    );
  if (reason.length > maxCorrectionReasonLength)
    throw new AppError(
      'VALIDATION',
      `The correction's reason is longer than ${maxCorrectionReasonLength} characters.`,
      {
        field: 'correctionReason',
      },
    );
  return current.revision + 1;
}

/** The public path of a year's report (the municipality links to it). */
export function yearlyReportPublicPath(year: number): string {
  return `/public/reports/${year}`;
}

/**
 * The årshjul activity a publication of `year`'s report completes: the open "yearly-publication"
 * activity of the following year (the report on a year is published in the spring after it,
 * by default 30 April), else of the year itself; the earliest due first. Undefined: none is open.
 */
export function publicationOccurrenceFor<
  T extends { kind: string; dueOn: string; completedOn: string | null; id: string },
>(occurrences: readonly T[], year: number): T | undefined {
  const open = occurrences
    .filter((occurrence) => occurrence.kind === 'yearly-publication' && occurrence.completedOn === null)
    .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id));
  return (
    open.find((occurrence) => occurrence.dueOn.startsWith(`${year + 1}-`)) ??
    open.find((occurrence) => occurrence.dueOn.startsWith(`${year}-`))
  );
}
