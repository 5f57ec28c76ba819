import { competenceIdFrom } from '../core/competence-requirements.js';
import { validUntilFrom } from '../core/competence-gaps.js';
import type {
  Competence,
  CompetenceLevel,
  CompetenceRequirement,
  EvidenceKind,
  ExternalCoverage,
  PersonCompetence,
  RequirementScope,
} from '../core/competence-types.js';
import { addDays, addMonths, type LocalDate } from '../core/local-date.js';
import { demoPeople, demoUnits } from './demo-directory.js';
import { demoProcedures } from './demo-procedures.js';

/**
 * The demo municipality's competence matrix (ISO 9001 7.2). Constructed: plausible for a Danish
 * Teknik og Miljø administration, not taken from a real municipality. Requirements on procedures
 * name the procedure by its code (K-16); the seeding step maps codes to stored procedure ids.
 *
 * Seen on `today`, the data shows: met requirements (some resting on self-assessed levels), real
 * gaps (Natura 2000 levels too low, one internal auditor short), one single-person dependency
 * (K-17), one shortfall covered by an external supplier (K-07), two internal-auditor
 * qualifications expiring within 90 days and one that has expired.
 */
export type DemoCompetenceData = {
  competences: Competence[];
  requirements: CompetenceRequirement[];
  personCompetences: PersonCompetence[];
  externalCoverage: ExternalCoverage[];
  procedureUnitOf: Map<string, string | null>;
  areaUnitsOf: Map<string, string[]>;
};

type CompetenceRow = [id: string, name: string, category: string, description: string, validityMonths?: number];

const competenceRows: CompetenceRow[] = [
  ['naturbeskyttelse-3', 'Naturbeskyttelse § 3', 'Natur', 'Registrering og dispensation for beskyttede naturtyper.'],
  ['beskyttelseslinjer', 'Bygge- og beskyttelseslinjer', 'Natur', 'Sø-, å-, skov- og fortidsmindelinjer.'],
  ['natura-2000', 'Natura 2000 og habitatvurdering', 'Natur', 'Væsentlighedsvurdering efter habitatreglerne.'],
  ['bilag-iv-arter', 'Bilag IV-arter og artsbestemmelse', 'Natur', 'Strengt beskyttede arter i sagsbehandlingen.'],
  ['husdyrbrug', 'Miljøgodkendelse af husdyrbrug', 'Miljø', 'Godkendelser og tilladelser efter HBL §§ 16 a, 16 b.'],
  ['jordforurening', 'Jordforurening', 'Miljø', 'Tilladelser efter jordforureningslovens § 8.'],
  ['jordflytning', 'Jordflytning', 'Miljø', 'Anmeldelse, anvisning og analysekrav.'],
  ['miljotilsyn', 'Miljøtilsyn med virksomheder', 'Miljø', 'Tilsyn efter tilsynsbekendtgørelsen.'],
  ['stoj-lugt-stov', 'Støj, lugt og støv', 'Miljø', 'Klagesager og vejledende grænseværdier.'],
  ['spildevand', 'Spildevandstilladelser', 'Vand', 'Udledning og tilslutning af processpildevand.'],
  ['nedsivning', 'Nedsivning af spildevand og regnvand', 'Vand', 'Nedsivningstilladelser og afstandskrav.'],
  ['vandindvinding', 'Vandindvinding og boringer', 'Vand', 'Indvindingstilladelser efter vandforsyningsloven.'],
  ['vandlob', 'Vandløbsregulativer og restaurering', 'Vand', 'Regulering, restaurering og regulativer.'],
  ['byggesag-br18', 'Byggesagsbehandling efter BR18', 'Byg', 'Byggetilladelser efter bygningsreglementet.'],
  ['brandforhold', 'Brandforhold i byggesager', 'Byg', 'Brandklasser og brandteknisk dokumentation.'],
  ['lovliggorelse', 'Lovliggørelse og håndhævelse af byggeri', 'Byg', 'Påbud, forbud og lovliggørelsessager.'],
  ['landzone', 'Landzoneadministration', 'Plan', 'Landzonetilladelser efter planloven §§ 34–38.'],
  ['lokalplan', 'Lokalplanlægning', 'Plan', 'Lokalplaner, kommuneplantillæg og dispensationer.'],
  ['miljovurdering', 'Miljøvurdering (VVM)', 'Plan', 'Screening og miljøkonsekvensrapporter.'],
  [
    'forvaltningsret',
    'Forvaltningsret og partshøring',
    'Jura/forvaltning',
    'Partshøring, begrundelse, klagevejledning.',
  ],
  ['aktindsigt', 'Aktindsigt og offentlighedsloven', 'Jura/forvaltning', 'Behandling af anmodninger om aktindsigt.'],
  ['databeskyttelse', 'Databeskyttelse i sagsbehandlingen', 'Jura/forvaltning', 'GDPR; genopfriskes hvert 2. år.', 24],
  ['intern-auditor', 'Intern auditor (ISO 9001)', 'Kvalitet', 'Auditorkursus efter ISO 19011; certifikat 3 år.', 36],
  ['iso-9001', 'ISO 9001 og kvalitetsledelse', 'Kvalitet', 'Standardens krav og kvalitetssystemets opbygning.'],
  ['dokumentstyring', 'Dokumentstyring', 'Kvalitet', 'Godkendelse, versionering og arkivering af procedurer.'],
];

const demoCompetences: Competence[] = competenceRows.map(([id, name, category, description, validityMonths]) => ({
  id,
  name,
  category,
  description,
  validityMonths: validityMonths ?? null,
}));

type RequirementRow = [competenceId: string, scope: string, minPeople: number, minLevel: CompetenceLevel];

/** Scope shorthand: "K-16" is a procedure code, "unit:natur" a unit, "area:Plan" a handbook area. */
const requirementRows: RequirementRow[] = [
  ['naturbeskyttelse-3', 'K-16', 2, 2],
  ['beskyttelseslinjer', 'K-17', 1, 2],
  ['natura-2000', 'K-18', 2, 3],
  ['husdyrbrug', 'K-07', 2, 2],
  ['jordflytning', 'K-10', 2, 2],
  ['jordforurening', 'K-11', 2, 2],
  ['stoj-lugt-stov', 'K-09', 2, 2],
  ['miljotilsyn', 'unit:miljo', 3, 2],
  ['spildevand', 'K-12', 2, 2],
  ['nedsivning', 'K-13', 2, 2],
  ['vandindvinding', 'K-14', 2, 2],
  ['vandlob', 'area:Vand', 2, 2],
  ['byggesag-br18', 'K-20', 2, 2],
  ['lovliggorelse', 'K-21', 2, 2],
  ['brandforhold', 'unit:byg-plan', 2, 2],
  ['landzone', 'K-22', 2, 2],
  ['lokalplan', 'K-23', 2, 2],
  ['miljovurdering', 'K-19', 2, 2],
  ['forvaltningsret', 'area:Plan', 2, 3],
  ['aktindsigt', 'area:Miljø', 1, 2],
  ['databeskyttelse', 'unit:teknik-miljo', 5, 1],
  ['intern-auditor', 'unit:teknik-miljo', 3, 2],
  ['iso-9001', 'unit:teknik-miljo', 2, 3],
  ['dokumentstyring', 'unit:teknik-miljo', 2, 3],
];

function scopeOf(shorthand: string): RequirementScope {
  if (shorthand.startsWith('unit:')) return { kind: 'unit', unitId: shorthand.slice('unit:'.length) };
  if (shorthand.startsWith('area:')) return { kind: 'area', area: shorthand.slice('area:'.length) };
  return { kind: 'procedure', procedureId: shorthand };
}

/** "area:Miljø" + "aktindsigt" → "req-miljoe-aktindsigt": ids stay within the API's own id alphabet. */
function requirementId(competenceId: string, scope: string): string {
  return `req-${competenceIdFrom(scope.replace(/^(unit|area):/, ''))}-${competenceId}`;
}

const demoRequirements: CompetenceRequirement[] = requirementRows.map(([competenceId, scope, minPeople, minLevel]) => ({
  id: requirementId(competenceId, scope),
  competenceId,
  scope: scopeOf(scope),
  minPeople,
  minLevel,
}));

/** Procedure code → owning unit (null: the procedure applies across the organisation). */
function demoProcedureUnits(): Map<string, string | null> {
  return new Map(demoProcedures.map((procedure) => [procedure.code, procedure.unitId]));
}

/**
 * Handbook area → units owning procedures in it. A procedure without a unit applies across the
 * organisation, so its area maps to the top unit (Teknik og Miljø), which includes every section.
 */
function demoAreaUnits(): Map<string, string[]> {
  const rootUnitIds = demoUnits.filter((unit) => unit.parentId === null).map((unit) => unit.id);
  const result = new Map<string, string[]>();
  for (const procedure of demoProcedures) {
    const unitIds = procedure.unitId === null ? rootUnitIds : [procedure.unitId];
    const current = result.get(procedure.area) ?? [];
    result.set(procedure.area, [...new Set([...current, ...unitIds])]);
  }
  return result;
}

type Holding = {
  level: CompetenceLevel;
  /** Self-assessed when true; otherwise confirmed by the person's leader. */
  isSelf?: boolean;
  evidence?: { kind: EvidenceKind; title: string; date: LocalDate | null };
};

/**
 * The demo municipality's people with their levels. Dates are relative to `today`, so the demo
 * always shows the same situation. Competences with a validity get a dated certificate, and their
 * `validUntil` follows from it by the same rule the app uses.
 */
function holdingsFor(today: LocalDate): Record<string, Record<string, Holding>> {
  const course = (title: string, date: LocalDate): Holding['evidence'] => ({ kind: 'course', title, date });
  const experience = (title: string): Holding['evidence'] => ({ kind: 'experience', title, date: null });
  /** A 36-month certificate that ends `daysLeft` days from today. */
  const auditor = (daysLeft: number): Holding['evidence'] => ({
    kind: 'certificate',
    title: 'Intern auditor ISO 9001 (ISO 19011)',
    date: addMonths(addDays(today, daysLeft), -36),
  });
  const gdpr = (monthsAgo: number): Holding => ({
    level: 2,
    evidence: course('E-læring: databeskyttelse i kommunen', addMonths(today, -monthsAgo)),
  });
  return {
    'lars-holm': { forvaltningsret: { level: 4 }, 'iso-9001': { level: 3 }, databeskyttelse: gdpr(10) },
    'mette-kjaer': {
      'intern-auditor': { level: 4, evidence: auditor(40) },
      'iso-9001': { level: 4, evidence: course('ISO 9001:2015 lead auditor', addMonths(today, -50)) },
      dokumentstyring: { level: 4 },
      forvaltningsret: { level: 2 },
      databeskyttelse: gdpr(3),
    },
    'eva-winther': { dokumentstyring: { level: 3 }, databeskyttelse: { ...gdpr(6), level: 3 } },
    'anne-birk': {
      'naturbeskyttelse-3': { level: 3 },
      'natura-2000': { level: 2 },
      beskyttelseslinjer: { level: 1 },
      forvaltningsret: { level: 3 },
      databeskyttelse: gdpr(14),
    },
    'jens-mortensen': {
      miljotilsyn: { level: 3 },
      'stoj-lugt-stov': { level: 2 },
      vandindvinding: { level: 2 },
      vandlob: { level: 2 },
      aktindsigt: { level: 3 },
      forvaltningsret: { level: 3 },
    },
    'sofie-dahl': {
      'byggesag-br18': { level: 3 },
      lovliggorelse: { level: 2 },
      landzone: { level: 3 },
      lokalplan: { level: 2 },
      forvaltningsret: { level: 4 },
      databeskyttelse: gdpr(20),
    },
    'peter-lund': {
      'naturbeskyttelse-3': { level: 3, evidence: experience('12 års § 3-sager') },
      beskyttelseslinjer: { level: 3 },
      'natura-2000': { level: 2, evidence: course('Habitatvurderinger i praksis', addMonths(today, -30)) },
      'bilag-iv-arter': { level: 4 },
      'intern-auditor': { level: 2, evidence: auditor(75) },
      forvaltningsret: { level: 2 },
    },
    'karen-holt': {
      'naturbeskyttelse-3': { level: 2, isSelf: true },
      'natura-2000': { level: 1, isSelf: true },
      'bilag-iv-arter': { level: 2, isSelf: true },
      forvaltningsret: { level: 2, isSelf: true },
    },
    'mads-berg': {
      miljotilsyn: { level: 4 },
      'stoj-lugt-stov': { level: 3 },
      jordforurening: { level: 2 },
      jordflytning: { level: 2 },
      husdyrbrug: { level: 1 },
      spildevand: { level: 2 },
      aktindsigt: { level: 2 },
    },
    'ida-nielsen': {
      jordforurening: { level: 3, evidence: course('Jordforureningsloven for sagsbehandlere', addMonths(today, -20)) },
      jordflytning: { level: 3 },
      miljotilsyn: { level: 2 },
      husdyrbrug: { level: 1, isSelf: true },
      nedsivning: { level: 2, isSelf: true },
      databeskyttelse: gdpr(8),
    },
    'ole-frandsen': {
      spildevand: { level: 4 },
      nedsivning: { level: 3 },
      vandindvinding: { level: 3 },
      vandlob: { level: 3 },
      jordflytning: { level: 1 },
    },
    'henrik-skov': {
      'byggesag-br18': { level: 4, evidence: course('BR18 for byggesagsbehandlere', addMonths(today, -40)) },
      brandforhold: { level: 3 },
      lovliggorelse: { level: 3 },
      miljovurdering: { level: 2, isSelf: true },
      forvaltningsret: { level: 3 },
      'intern-auditor': { level: 2, evidence: auditor(-20) },
    },
    'camilla-ravn': {
      landzone: { level: 3 },
      lokalplan: { level: 4 },
      miljovurdering: { level: 2 },
      forvaltningsret: { level: 3 },
      databeskyttelse: gdpr(2),
    },
    'rasmus-toft': {
      'byggesag-br18': { level: 2 },
      brandforhold: { level: 2, isSelf: true },
      lovliggorelse: { level: 1 },
    },
  };
}

function demoPersonCompetences(today: LocalDate): PersonCompetence[] {
  const validityOf = new Map(demoCompetences.map((competence) => [competence.id, competence.validityMonths]));
  const leaderOf = new Map(demoPeople.map((person) => [person.id, person.leaderId]));
  return Object.entries(holdingsFor(today)).flatMap(([personId, holdings]) =>
    Object.entries(holdings).map(([competenceId, holding]): PersonCompetence => {
      const evidence = holding.evidence ?? null;
      const validityMonths = validityOf.get(competenceId) ?? null;
      const confirmedBy = holding.isSelf ? null : (leaderOf.get(personId) ?? null);
      return {
        personId,
        competenceId,
        level: holding.level,
        evidence,
        validUntil: evidence?.date ? validUntilFrom(evidence.date, validityMonths) : null,
        // The director has no leader in the demo to confirm his levels, so they stay self-assessed.
        assessment: confirmedBy === null ? 'self' : 'confirmed',
        confirmedBy,
      };
    }),
  );
}

/** All demo competence records as seen on `today`. Pure: no I/O, no clock. */
export function demoCompetenceData(today: LocalDate): DemoCompetenceData {
  return {
    competences: demoCompetences,
    requirements: demoRequirements,
    personCompetences: demoPersonCompetences(today),
    externalCoverage: [
      {
        id: 'ext-k07-husdyrbrug',
        requirementId: requirementId('husdyrbrug', 'K-07'),
        supplier: 'Agro Miljørådgivning ApS (fiktiv)',
        decidedOn: addMonths(today, -5),
        decidedBy: 'jens-mortensen',
        contractEnd: addMonths(today, 14),
        note: 'Konstrueret demodata. Rammeaftale om udkast til husdyrgodkendelser, indtil to medarbejdere er oplært (jf. S-05).',
      },
    ],
    procedureUnitOf: demoProcedureUnits(),
    areaUnitsOf: demoAreaUnits(),
  };
}
