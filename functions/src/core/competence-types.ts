import type { Locale } from './locale.js';
import type { LocalDate } from './local-date.js';

/**
 * Competence management (ISO 9001 7.2): what the municipality must be able to do, who can do it,
 * and where it buys competence it does not have. Records only; the rules are in competence-gaps.ts.
 */

/** 0 none, 1 basic, 2 independent, 3 experienced, 4 expert who can also train others. */
export const competenceLevels = [0, 1, 2, 3, 4] as const;
export type CompetenceLevel = (typeof competenceLevels)[number];

export const competenceLevelLabels: Record<Locale, Record<CompetenceLevel, string>> = {
  da: { 0: 'Ingen', 1: 'Grundlæggende', 2: 'Selvstændig', 3: 'Erfaren', 4: 'Ekspert/underviser' },
  nb: { 0: 'Ingen', 1: 'Grunnleggende', 2: 'Selvstendig', 3: 'Erfaren', 4: 'Ekspert/instruktør' },
  en: { 0: 'None', 1: 'Basic', 2: 'Independent', 3: 'Experienced', 4: 'Expert/trainer' },
};

export function isCompetenceLevel(value: number): value is CompetenceLevel {
  return (competenceLevels as readonly number[]).includes(value);
}

export type Competence = {
  id: string;
  name: string;
  /** Free grouping for the matrix, e.g. "Natur", "Jura/forvaltning", "Kvalitet". */
  category: string;
  description: string;
  /**
   * How long a qualification lasts from its evidence date (certifications, mandatory refreshers).
   * null: the competence does not expire once acquired.
   */
  validityMonths: number | null;
};

/** Where a requirement applies. Procedure ids and area names are those of the handbook. */
export type RequirementScope =
  { kind: 'unit'; unitId: string } | { kind: 'procedure'; procedureId: string } | { kind: 'area'; area: string };

/** "This task needs at least `minPeople` people at `minLevel` or above in this competence." */
export type CompetenceRequirement = {
  id: string;
  competenceId: string;
  scope: RequirementScope;
  minPeople: number;
  minLevel: CompetenceLevel;
};

/** The spreadsheet formats of the competence matrix's import and export. */
export const sheetFormats = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof sheetFormats)[number];

export const evidenceKinds = ['course', 'certificate', 'experience', 'other'] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export type Evidence = {
  kind: EvidenceKind;
  title: string;
  /** When the course was passed or the certificate issued. null: not known (e.g. long experience). */
  date: LocalDate | null;
};

export const assessments = ['self', 'confirmed'] as const;
export type Assessment = (typeof assessments)[number];

export type PersonCompetence = {
  personId: string;
  competenceId: string;
  level: CompetenceLevel;
  /** null: no evidence recorded (common for self-assessed levels). */
  evidence: Evidence | null;
  /** Last day the qualification is valid (inclusive). null: it does not expire. */
  validUntil: LocalDate | null;
  /** 'self': the employee's own assessment; 'confirmed': a leader has confirmed the level. */
  assessment: Assessment;
  /** Person id of the leader who confirmed the level. null while the level is self-assessed. */
  confirmedBy: string | null;
};

/**
 * A dated decision to buy a competence from outside (ISO 9001 7.1.6/8.4: "where the municipality
 * lacks it, it is bought"). It covers a requirement's shortfall while the contract runs.
 */
export type ExternalCoverage = {
  id: string;
  requirementId: string;
  supplier: string;
  decidedOn: LocalDate;
  /** Person id of the leader who decided. */
  decidedBy: string;
  /** Last day of the contract (inclusive). null: open-ended, until the decision is revoked. */
  contractEnd: LocalDate | null;
  note: string;
};
