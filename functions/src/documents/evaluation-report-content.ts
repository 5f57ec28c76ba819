import type { Locale } from '../core/locale.js';
import type { DecisionOutcome, EvaluationPack } from '../app/assemble-evaluation-pack.js';
import type { LocalDate } from '../core/local-date.js';
import type { AuditKind, AuditStatus, EvaluationStatus, FindingGrade } from '../core/quality-year-types.js';
import { findingGrades } from '../core/quality-year-types.js';

/**
 * The management-evaluation report as neutral blocks (headings, facts, tables, paragraphs), built
 * once from the pack; the .docx and the PDF writers only lay the blocks out. Texts come from the
 * per-locale table below (Danish first).
 */

export type ReportColumn = {
  header: string;
  /** Share of the table width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'right';
};

export type ReportBlock =
  | { kind: 'paragraph'; text: string; tone?: 'muted' }
  | { kind: 'subheading'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: ReportColumn[]; rows: string[][]; emptyText: string };

export type ReportSection = { heading: string; blocks: ReportBlock[] };

export type ReportContent = {
  locale: Locale;
  /** "Ledelsens evaluering 2026". */
  title: string;
  organisation: string;
  subtitle: string;
  /** The title page's facts: held on, participants, period … */
  cover: [label: string, value: string][];
  sections: ReportSection[];
  /** "Side {page} af {total}". */
  pageLabel: (page: number, total: number) => string;
  /** Shown in every page's footer beside the page number. */
  footer: string;
};

type Texts = {
  title: (year: number) => string;
  subtitle: string;
  page: (page: number, total: number) => string;
  generated: string;
  cover: {
    status: string;
    heldOn: string;
    plannedOn: string;
    participants: string;
    guests: string;
    period: string;
    asOf: string;
  };
  notHeld: string;
  none: string;
  grades: Record<FindingGrade, string>;
  outcomes: Record<DecisionOutcome, string>;
  auditKinds: Record<AuditKind, string>;
  auditStatuses: Record<AuditStatus, string>;
  evaluationStatuses: Record<EvaluationStatus, string>;
  sourceKinds: Record<'finding' | 'management-decision' | 'feedback' | 'other', string>;
  sections: {
    earlier: string;
    audits: string;
    actions: string;
    reviews: string;
    acknowledgements: string;
    competences: string;
    goals: string;
    surveys: string;
    conclusions: string;
    decisions: string;
    political: string;
  };
  columns: {
    year: string;
    decision: string;
    owner: string;
    due: string;
    action: string;
    status: string;
    audit: string;
    kind: string;
    date: string;
    unit: string;
    grade: string;
    clause: string;
    procedure: string;
    description: string;
    count: string;
    title: string;
    source: string;
    closedOn: string;
    check: string;
    reviewedOn: string;
    result: string;
    version: string;
    published: string;
    requested: string;
    acknowledged: string;
    rate: string;
    competence: string;
    scope: string;
    need: string;
    qualified: string;
    shortBy: string;
    person: string;
    validUntil: string;
  };
  intro: { earlier: string; reviews: (share: string, from: string, to: string) => string; reviewsNone: string };
  sub: {
    auditsOfYear: (year: number) => string;
    findingTotals: string;
    openFindings: string;
    countsByStatus: string;
    overdue: string;
    closed: string;
    reviewExceptions: string;
    gaps: string;
    single: string;
    expiring: string;
  };
  reviewFacts: { due: string; onTime: string; late: string; missed: string; share: string };
  reviewResults: { late: string; missed: string; 'on-time': string };
  ackOverall: string;
  coverage: { unmet: string; external: string };
  expired: string;
  effective: string;
  notEffective: string;
  noCheck: string;
  minLevel: (level: number) => string;
  empty: {
    earlier: string;
    audits: string;
    openFindings: string;
    overdue: string;
    closed: string;
    exceptions: string;
    acknowledgements: string;
    gaps: string;
    single: string;
    expiring: string;
    decisions: string;
  };
  notAvailable: { goals: string; surveys: string };
  /** The survey section (issue 14): one table per round, per case type, and the means per question. */
  survey: {
    round: (title: string, label: string) => string;
    headline: (question: string) => string;
    scope: string;
    all: string;
    share: string;
    n: string;
    rate: string;
    change: string;
    question: string;
    mean: string;
    suppressed: string;
    none: string;
  };
  noConclusions: string;
  political: { committee: string; committeeOn: string; publishedOn: string; notYet: string };
  noEvaluation: string;
};

const da: Texts = {
  title: (year) => `Ledelsens evaluering ${year}`,
  subtitle: 'Kvalitetsledelsessystemet · ISO 9001:2015, punkt 9.3',
  page: (page, total) => `Side ${page} af ${total}`,
  generated: 'Udskrevet',
  cover: {
    status: 'Status',
    heldOn: 'Afholdt',
    plannedOn: 'Planlagt til',
    participants: 'Deltagere',
    guests: 'Gæster',
    period: 'Perioden der evalueres',
    asOf: 'Data opgjort',
  },
  notHeld: 'Ikke afholdt endnu',
  none: '—',
  grades: {
    major: 'Større afvigelse',
    minor: 'Mindre afvigelse',
    observation: 'Observation',
    improvement: 'Forbedringsmulighed',
    'strong-point': 'Styrke',
  },
  outcomes: {
    open: 'Åben',
    planned: 'Planlagt',
    implemented: 'Gennemført',
    closed: 'Lukket',
    overdue: 'Overskredet',
    'no-action': 'Ingen handling',
  },
  auditKinds: {
    internal: 'Intern audit',
    surveillance: 'Overvågningsaudit',
    recertification: 'Gencertificering',
    certification: 'Certificering',
  },
  auditStatuses: { planned: 'Planlagt', 'in-progress': 'I gang', reported: 'Afrapporteret', cancelled: 'Aflyst' },
  evaluationStatuses: { planned: 'Planlagt', held: 'Afholdt', published: 'Offentliggjort' },
  sourceKinds: {
    finding: 'Fund',
    'management-decision': 'Ledelsens beslutning',
    feedback: 'Henvendelse',
    other: 'Andet',
  },
  sections: {
    earlier: 'Opfølgning på tidligere beslutninger',
    audits: 'Auditresultater og fund',
    actions: 'Korrigerende handlinger',
    reviews: 'Rettidig gennemgang af procedurer',
    acknowledgements: 'Kvittering for læsning af nye versioner',
    competences: 'Kompetencer',
    goals: 'Kvalitetsmål',
    surveys: 'Tilfredshedsundersøgelser',
    conclusions: 'Konklusioner',
    decisions: 'Beslutninger',
    political: 'Politisk behandling og offentliggørelse',
  },
  columns: {
    year: 'År',
    decision: 'Beslutning',
    owner: 'Ansvarlig',
    due: 'Frist',
    action: 'Handling',
    status: 'Status',
    audit: 'Audit',
    kind: 'Type',
    date: 'Dato',
    unit: 'Enhed',
    grade: 'Klassifikation',
    clause: 'Krav',
    procedure: 'Procedure',
    description: 'Beskrivelse',
    count: 'Antal',
    title: 'Titel',
    source: 'Kilde',
    closedOn: 'Lukket',
    check: 'Effektivitetsvurdering',
    reviewedOn: 'Gennemgået',
    result: 'Resultat',
    version: 'Version',
    published: 'Udgivet',
    requested: 'Anmodet',
    acknowledged: 'Kvitteret',
    rate: 'Andel',
    competence: 'Kompetence',
    scope: 'Gælder for',
    need: 'Krav',
    qualified: 'Kvalificerede',
    shortBy: 'Mangler',
    person: 'Medarbejder',
    validUntil: 'Gyldig til',
  },
  intro: {
    earlier: 'Beslutninger fra tidligere års evalueringer og status på den handling, hver beslutning blev til.',
    reviews: (share, from, to) =>
      `${share} af de procedurer, der skulle gennemgås fra ${from} til ${to}, blev gennemgået til tiden.`,
    reviewsNone: 'Ingen procedurer skulle gennemgås i perioden.',
  },
  sub: {
    auditsOfYear: (year) => `Audits i ${year}`,
    findingTotals: 'Fund i alt efter klassifikation',
    openFindings: 'Åbne fund',
    countsByStatus: 'Handlinger efter status',
    overdue: 'Overskredne handlinger',
    closed: 'Lukket i perioden',
    reviewExceptions: 'For sent eller ikke gennemgået',
    gaps: 'Krav der ikke er dækket internt',
    single: 'Afhængighed af én person',
    expiring: 'Kvalifikationer der udløber inden for 90 dage',
  },
  reviewFacts: {
    due: 'Skulle gennemgås',
    onTime: 'Til tiden',
    late: 'For sent',
    missed: 'Ikke gennemgået',
    share: 'Andel til tiden',
  },
  reviewResults: { late: 'For sent', missed: 'Ikke gennemgået', 'on-time': 'Til tiden' },
  ackOverall: 'I alt',
  coverage: { unmet: 'Ikke dækket', external: 'Købt eksternt' },
  expired: 'Udløbet',
  effective: 'Effektiv',
  notEffective: 'Ikke effektiv',
  noCheck: 'Ingen vurdering',
  minLevel: (level) => `niveau ${level}`,
  empty: {
    earlier: 'Der er ingen beslutninger fra tidligere evalueringer.',
    audits: 'Der er ingen audits i året.',
    openFindings: 'Der er ingen åbne fund.',
    overdue: 'Ingen handlinger er overskredet.',
    closed: 'Ingen handlinger er lukket i perioden.',
    exceptions: 'Alle procedurer blev gennemgået til tiden.',
    acknowledgements: 'Ingen nye hovedversioner er udgivet i perioden.',
    gaps: 'Alle kompetencekrav er dækket internt.',
    single: 'Ingen krav afhænger af én person.',
    expiring: 'Ingen kvalifikationer udløber inden for 90 dage.',
    decisions: 'Der er ikke registreret beslutninger.',
  },
  notAvailable: {
    goals: 'Kvalitetsmål og deres målinger registreres ikke i systemet endnu; de fremlægges særskilt.',
    surveys: 'Tilfredshedsundersøgelser registreres ikke i systemet endnu; resultaterne fremlægges særskilt.',
  },
  survey: {
    round: (title, label) => `${title} – runde ${label}`,
    headline: (question) => `Andel tilfredse eller meget tilfredse af dem, der svarede på «${question}».`,
    scope: 'Sagstype',
    all: 'Alle sagstyper',
    share: 'Andel tilfredse',
    n: 'Svar (n)',
    rate: 'Svarprocent',
    change: 'Ændring fra forrige runde',
    question: 'Spørgsmål',
    mean: 'Gennemsnit',
    suppressed: 'Færre end 5 svar – vises ikke (anonymitet)',
    none: 'Ingen undersøgelsesrunder i perioden.',
  },
  noConclusions: 'Der er ikke registreret konklusioner endnu.',
  political: {
    committee: 'Behandlet i',
    committeeOn: 'Mødedato',
    publishedOn: 'Offentliggjort',
    notYet: 'Ikke endnu',
  },
  noEvaluation: 'Evalueringen er ikke registreret; afsnittet udfyldes, når mødet er holdt.',
};

const nb: Texts = {
  ...da,
  title: (year) => `Ledelsens gjennomgang ${year}`,
  subtitle: 'Kvalitetsstyringssystemet · ISO 9001:2015, punkt 9.3',
  page: (page, total) => `Side ${page} av ${total}`,
  generated: 'Skrevet ut',
  cover: {
    status: 'Status',
    heldOn: 'Gjennomført',
    plannedOn: 'Planlagt til',
    participants: 'Deltakere',
    guests: 'Gjester',
    period: 'Perioden som gjennomgås',
    asOf: 'Data per',
  },
  notHeld: 'Ikke gjennomført ennå',
  grades: {
    major: 'Større avvik',
    minor: 'Mindre avvik',
    observation: 'Observasjon',
    improvement: 'Forbedringsmulighet',
    'strong-point': 'Styrke',
  },
  outcomes: {
    open: 'Åpen',
    planned: 'Planlagt',
    implemented: 'Gjennomført',
    closed: 'Lukket',
    overdue: 'Forfalt',
    'no-action': 'Ingen tiltak',
  },
  auditKinds: {
    internal: 'Internrevisjon',
    surveillance: 'Oppfølgingsrevisjon',
    recertification: 'Resertifisering',
    certification: 'Sertifisering',
  },
  auditStatuses: { planned: 'Planlagt', 'in-progress': 'Pågår', reported: 'Rapportert', cancelled: 'Avlyst' },
  evaluationStatuses: { planned: 'Planlagt', held: 'Gjennomført', published: 'Publisert' },
  sourceKinds: {
    finding: 'Funn',
    'management-decision': 'Ledelsens beslutning',
    feedback: 'Henvendelse',
    other: 'Annet',
  },
  sections: {
    earlier: 'Oppfølging av tidligere beslutninger',
    audits: 'Revisjonsresultater og funn',
    actions: 'Korrigerende tiltak',
    reviews: 'Rettidig gjennomgang av prosedyrer',
    acknowledgements: 'Kvittering for lesing av nye versjoner',
    competences: 'Kompetanse',
    goals: 'Kvalitetsmål',
    surveys: 'Brukerundersøkelser',
    conclusions: 'Konklusjoner',
    decisions: 'Beslutninger',
    political: 'Politisk behandling og publisering',
  },
  columns: {
    year: 'År',
    decision: 'Beslutning',
    owner: 'Ansvarlig',
    due: 'Frist',
    action: 'Tiltak',
    status: 'Status',
    audit: 'Revisjon',
    kind: 'Type',
    date: 'Dato',
    unit: 'Enhet',
    grade: 'Klassifisering',
    clause: 'Krav',
    procedure: 'Prosedyre',
    description: 'Beskrivelse',
    count: 'Antall',
    title: 'Tittel',
    source: 'Kilde',
    closedOn: 'Lukket',
    check: 'Effektvurdering',
    reviewedOn: 'Gjennomgått',
    result: 'Resultat',
    version: 'Versjon',
    published: 'Publisert',
    requested: 'Bedt om',
    acknowledged: 'Kvittert',
    rate: 'Andel',
    competence: 'Kompetanse',
    scope: 'Gjelder for',
    need: 'Krav',
    qualified: 'Kvalifiserte',
    shortBy: 'Mangler',
    person: 'Medarbeider',
    validUntil: 'Gyldig til',
  },
  intro: {
    earlier: 'Beslutninger fra tidligere års gjennomganger og status for tiltaket hver beslutning ble til.',
    reviews: (share, from, to) =>
      `${share} av prosedyrene som skulle gjennomgås fra ${from} til ${to}, ble gjennomgått i tide.`,
    reviewsNone: 'Ingen prosedyrer skulle gjennomgås i perioden.',
  },
  sub: {
    auditsOfYear: (year) => `Revisjoner i ${year}`,
    findingTotals: 'Funn totalt etter klassifisering',
    openFindings: 'Åpne funn',
    countsByStatus: 'Tiltak etter status',
    overdue: 'Forfalte tiltak',
    closed: 'Lukket i perioden',
    reviewExceptions: 'For sent eller ikke gjennomgått',
    gaps: 'Krav som ikke er dekket internt',
    single: 'Avhengighet av én person',
    expiring: 'Kvalifikasjoner som utløper innen 90 dager',
  },
  reviewFacts: {
    due: 'Skulle gjennomgås',
    onTime: 'I tide',
    late: 'For sent',
    missed: 'Ikke gjennomgått',
    share: 'Andel i tide',
  },
  reviewResults: { late: 'For sent', missed: 'Ikke gjennomgått', 'on-time': 'I tide' },
  ackOverall: 'Totalt',
  coverage: { unmet: 'Ikke dekket', external: 'Kjøpt eksternt' },
  expired: 'Utløpt',
  effective: 'Effektivt',
  notEffective: 'Ikke effektivt',
  noCheck: 'Ingen vurdering',
  minLevel: (level) => `nivå ${level}`,
  empty: {
    earlier: 'Det finnes ingen beslutninger fra tidligere gjennomganger.',
    audits: 'Det er ingen revisjoner i året.',
    openFindings: 'Det er ingen åpne funn.',
    overdue: 'Ingen tiltak er forfalt.',
    closed: 'Ingen tiltak er lukket i perioden.',
    exceptions: 'Alle prosedyrer ble gjennomgått i tide.',
    acknowledgements: 'Ingen nye hovedversjoner er publisert i perioden.',
    gaps: 'Alle kompetansekrav er dekket internt.',
    single: 'Ingen krav avhenger av én person.',
    expiring: 'Ingen kvalifikasjoner utløper innen 90 dager.',
    decisions: 'Det er ikke registrert beslutninger.',
  },
  notAvailable: {
    goals: 'Kvalitetsmål og målingene av dem registreres ikke i systemet ennå; de legges fram separat.',
    surveys: 'Brukerundersøkelser registreres ikke i systemet ennå; resultatene legges fram separat.',
  },
  survey: {
    round: (title, label) => `${title} – runde ${label}`,
    headline: (question) => `Andel fornøyde eller svært fornøyde av dem som svarte på «${question}».`,
    scope: 'Sakstype',
    all: 'Alle sakstyper',
    share: 'Andel fornøyde',
    n: 'Svar (n)',
    rate: 'Svarprosent',
    change: 'Endring fra forrige runde',
    question: 'Spørsmål',
    mean: 'Gjennomsnitt',
    suppressed: 'Færre enn 5 svar – vises ikke (anonymitet)',
    none: 'Ingen undersøkelsesrunder i perioden.',
  },
  noConclusions: 'Det er ikke registrert konklusjoner ennå.',
  political: {
    committee: 'Behandlet i',
    committeeOn: 'Møtedato',
    publishedOn: 'Publisert',
    notYet: 'Ikke ennå',
  },
  noEvaluation: 'Gjennomgangen er ikke registrert; avsnittet fylles ut når møtet er holdt.',
};

const en: Texts = {
  ...da,
  title: (year) => `Management review ${year}`,
  subtitle: 'Quality management system · ISO 9001:2015, clause 9.3',
  page: (page, total) => `Page ${page} of ${total}`,
  generated: 'Printed',
  cover: {
    status: 'Status',
    heldOn: 'Held on',
    plannedOn: 'Planned for',
    participants: 'Participants',
    guests: 'Guests',
    period: 'Period reviewed',
    asOf: 'Data as of',
  },
  notHeld: 'Not held yet',
  grades: {
    major: 'Major nonconformity',
    minor: 'Minor nonconformity',
    observation: 'Observation',
    improvement: 'Improvement opportunity',
    'strong-point': 'Strong point',
  },
  outcomes: {
    open: 'Open',
    planned: 'Planned',
    implemented: 'Implemented',
    closed: 'Closed',
    overdue: 'Overdue',
    'no-action': 'No action',
  },
  auditKinds: {
    internal: 'Internal audit',
    surveillance: 'Surveillance audit',
    recertification: 'Recertification',
    certification: 'Certification',
  },
  auditStatuses: { planned: 'Planned', 'in-progress': 'In progress', reported: 'Reported', cancelled: 'Cancelled' },
  evaluationStatuses: { planned: 'Planned', held: 'Held', published: 'Published' },
  sourceKinds: {
    finding: 'Finding',
    'management-decision': 'Management decision',
    feedback: 'Feedback',
    other: 'Other',
  },
  sections: {
    earlier: 'Follow-up of earlier decisions',
    audits: 'Audit results and findings',
    actions: 'Corrective actions',
    reviews: 'Procedures reviewed on time',
    acknowledgements: 'Acknowledgement of new versions',
    competences: 'Competence',
    goals: 'Quality objectives',
    surveys: 'Satisfaction surveys',
    conclusions: 'Conclusions',
    decisions: 'Decisions',
    political: 'Political treatment and publication',
  },
  columns: {
    year: 'Year',
    decision: 'Decision',
    owner: 'Owner',
    due: 'Due',
    action: 'Action',
    status: 'Status',
    audit: 'Audit',
    kind: 'Type',
    date: 'Date',
    unit: 'Unit',
    grade: 'Grade',
    clause: 'Clause',
    procedure: 'Procedure',
    description: 'Description',
    count: 'Count',
    title: 'Title',
    source: 'Source',
    closedOn: 'Closed',
    check: 'Effectiveness check',
    reviewedOn: 'Reviewed',
    result: 'Result',
    version: 'Version',
    published: 'Published',
    requested: 'Requested',
    acknowledged: 'Acknowledged',
    rate: 'Rate',
    competence: 'Competence',
    scope: 'Applies to',
    need: 'Requirement',
    qualified: 'Qualified',
    shortBy: 'Short by',
    person: 'Employee',
    validUntil: 'Valid until',
  },
  intro: {
    earlier: 'Decisions of earlier reviews and the status of the action each became.',
    reviews: (share, from, to) =>
      `${share} of the procedures due for review from ${from} to ${to} were reviewed on time.`,
    reviewsNone: 'No procedure was due for review in the period.',
  },
  sub: {
    auditsOfYear: (year) => `Audits in ${year}`,
    findingTotals: 'Findings by grade',
    openFindings: 'Open findings',
    countsByStatus: 'Actions by status',
    overdue: 'Overdue actions',
    closed: 'Closed in the period',
    reviewExceptions: 'Late or not reviewed',
    gaps: 'Requirements not covered internally',
    single: 'Single-person dependencies',
    expiring: 'Qualifications expiring within 90 days',
  },
  reviewFacts: {
    due: 'Due for review',
    onTime: 'On time',
    late: 'Late',
    missed: 'Not reviewed',
    share: 'Share on time',
  },
  reviewResults: { late: 'Late', missed: 'Not reviewed', 'on-time': 'On time' },
  ackOverall: 'Overall',
  coverage: { unmet: 'Not covered', external: 'Bought in' },
  expired: 'Expired',
  effective: 'Effective',
  notEffective: 'Not effective',
  noCheck: 'No check',
  minLevel: (level) => `level ${level}`,
  empty: {
    earlier: 'There are no decisions from earlier reviews.',
    audits: 'There are no audits in the year.',
    openFindings: 'There are no open findings.',
    overdue: 'No action is overdue.',
    closed: 'No action was closed in the period.',
    exceptions: 'Every procedure was reviewed on time.',
    acknowledgements: 'No new major version was published in the period.',
    gaps: 'Every competence requirement is covered internally.',
    single: 'No requirement depends on a single person.',
    expiring: 'No qualification expires within 90 days.',
    decisions: 'No decisions are recorded.',
  },
  notAvailable: {
    goals:
      'Quality objectives and their measurements are not recorded in the system yet; they are presented separately.',
    surveys: 'Satisfaction surveys are not recorded in the system yet; their results are presented separately.',
  },
  survey: {
    round: (title, label) => `${title} – round ${label}`,
    headline: (question) => `Share satisfied or very satisfied of those who answered “${question}”.`,
    scope: 'Case type',
    all: 'All case types',
    share: 'Share satisfied',
    n: 'Answers (n)',
    rate: 'Response rate',
    change: 'Change from the previous round',
    question: 'Question',
    mean: 'Mean',
    suppressed: 'Fewer than 5 answers – not shown (anonymity)',
    none: 'No survey rounds in the period.',
  },
  noConclusions: 'No conclusions are recorded yet.',
  political: { committee: 'Treated by', committeeOn: 'Meeting date', publishedOn: 'Published', notYet: 'Not yet' },
  noEvaluation: 'The review is not recorded; this part is filled in once the meeting has been held.',
};

export const reportTexts: Record<Locale, Texts> = { da, nb, en };

const intlLocale: Record<Locale, string> = { da: 'da-DK', nb: 'nb-NO', en: 'en-GB' };

/** Long dates ("10. november 2026") in prose and facts, short ones ("10.11.2026") in table cells. */
function dateFormatter(locale: Locale, style: 'long' | 'short'): (date: LocalDate | null) => string {
  const format = new Intl.DateTimeFormat(intlLocale[locale], {
    day: style === 'long' ? 'numeric' : '2-digit',
    month: style === 'long' ? 'long' : '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (date) => (date === null ? reportTexts[locale].none : format.format(new Date(`${date}T00:00:00Z`)));
}

function percentFormatter(locale: Locale): (share: number | null) => string {
  const format = new Intl.NumberFormat(intlLocale[locale], { style: 'percent', maximumFractionDigits: 0 });
  // Some locales use a narrow no-break space, which the PDF's standard fonts lack.
  return (share) => (share === null ? reportTexts[locale].none : format.format(share).replace(/\u202F/g, '\u00A0'));
}

/** Builds the report's content from the pack. Pure: same pack and locale, same content. */
export function evaluationReportContent(pack: EvaluationPack, locale: Locale = 'da'): ReportContent {
  const t = reportTexts[locale];
  const date = dateFormatter(locale, 'long');
  const day = dateFormatter(locale, 'short');
  const percent = percentFormatter(locale);
  const orNone = (value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? t.none : value;
  const evaluation = pack.evaluation;

  const participants = evaluation?.participants.map((person) => person.name).join(', ') ?? '';
  const cover: [string, string][] = [
    [t.cover.status, evaluation ? t.evaluationStatuses[evaluation.status] : t.notHeld],
    evaluation?.heldOn
      ? [t.cover.heldOn, date(evaluation.heldOn)]
      : [t.cover.plannedOn, evaluation ? date(evaluation.plannedOn) : t.none],
    [t.cover.participants, orNone(participants)],
    [t.cover.guests, orNone(evaluation?.guests.join(', '))],
    [t.cover.period, `${date(pack.period.from)} – ${date(pack.period.to)}`],
    [t.cover.asOf, date(pack.asOf)],
  ];

  const earlier: ReportSection = {
    heading: t.sections.earlier,
    blocks: [
      { kind: 'paragraph', text: t.intro.earlier, tone: 'muted' },
      {
        kind: 'table',
        columns: [
          { header: t.columns.year, weight: 0.6 },
          { header: t.columns.decision, weight: 3 },
          { header: t.columns.owner, weight: 1.4 },
          { header: t.columns.due, weight: 1.2 },
          { header: t.columns.status, weight: 1.1 },
        ],
        rows: pack.earlierDecisions.map((entry) => [
          String(entry.evaluationYear),
          entry.actionTitle && entry.actionTitle !== entry.text
            ? `${entry.text}\n${t.columns.action}: ${entry.actionTitle}`
            : entry.text,
          orNone(entry.owner?.name),
          day(entry.dueOn),
          t.outcomes[entry.outcome],
        ]),
        emptyText: t.empty.earlier,
      },
    ],
  };

  const audits: ReportSection = {
    heading: t.sections.audits,
    blocks: [
      { kind: 'subheading', text: t.sub.auditsOfYear(pack.year) },
      {
        kind: 'table',
        columns: [
          { header: t.columns.audit, weight: 3 },
          { header: t.columns.date, weight: 1.05 },
          { header: t.columns.status, weight: 1.25 },
          ...findingGrades.map((grade) => ({
            header: shortGrade(locale, grade),
            weight: 0.8,
            align: 'right' as const,
          })),
        ],
        rows: pack.audits.items.map((item) => [
          `${item.title}\n${[t.auditKinds[item.kind], item.unit?.name].filter(Boolean).join(' · ')}`,
          day(item.reportedOn ?? item.plannedOn),
          t.auditStatuses[item.status],
          ...findingGrades.map((grade) => String(item.findingCounts[grade])),
        ]),
        emptyText: t.empty.audits,
      },
      {
        kind: 'paragraph',
        text: `${t.sub.findingTotals}: ${findingGrades.map((grade) => `${t.grades[grade]} ${pack.audits.findingTotals[grade]}`).join(' · ')}.`,
      },
      { kind: 'subheading', text: t.sub.openFindings },
      {
        kind: 'table',
        columns: [
          { header: t.columns.grade, weight: 1.75 },
          { header: t.columns.clause, weight: 0.6 },
          { header: t.columns.description, weight: 2.8 },
          { header: t.columns.procedure, weight: 1.5 },
          { header: t.columns.unit, weight: 1.2 },
          { header: t.columns.action, weight: 1.2 },
        ],
        rows: pack.audits.openFindings.map((item) => [
          t.grades[item.grade],
          orNone(item.clause),
          `${item.description}\n${item.auditTitle} (${item.auditYear}), ${day(item.foundOn)}`,
          item.procedure ? `${item.procedure.code} ${item.procedure.title}`.trim() : t.none,
          orNone(item.unit?.name),
          item.action ? `${item.action.title}\n${t.outcomes[item.action.status]}` : t.outcomes['no-action'],
        ]),
        emptyText: t.empty.openFindings,
      },
    ],
  };

  const actionColumns = [
    { header: t.columns.title, weight: 2.6 },
    { header: t.columns.source, weight: 1.3 },
    { header: t.columns.owner, weight: 1.4 },
    { header: t.columns.due, weight: 1.2 },
    { header: t.columns.status, weight: 1 },
  ];
  const actions: ReportSection = {
    heading: t.sections.actions,
    blocks: [
      { kind: 'subheading', text: t.sub.countsByStatus },
      {
        kind: 'facts',
        rows: [
          ...(['open', 'planned', 'implemented', 'closed'] as const).map((status): [string, string] => [
            t.outcomes[status],
            String(pack.actions.counts[status]),
          ]),
          [t.outcomes.overdue, String(pack.actions.overdue.length)],
        ],
      },
      { kind: 'subheading', text: t.sub.overdue },
      {
        kind: 'table',
        columns: actionColumns,
        rows: pack.actions.overdue.map((row) => [
          row.unit ? `${row.title}\n${row.unit.name}` : row.title,
          t.sourceKinds[row.sourceKind],
          orNone(row.owner?.name),
          day(row.dueOn),
          t.outcomes[row.status],
        ]),
        emptyText: t.empty.overdue,
      },
      { kind: 'subheading', text: t.sub.closed },
      {
        kind: 'table',
        columns: [
          { header: t.columns.title, weight: 2.2 },
          { header: t.columns.owner, weight: 1.3 },
          { header: t.columns.closedOn, weight: 1.2 },
          { header: t.columns.check, weight: 3 },
        ],
        rows: pack.actions.closedInPeriod.map((row) => {
          const check = row.effectivenessCheck;
          const verdict = check
            ? `${check.isEffective ? t.effective : t.notEffective}, ${day(check.checkedOn)}, ${check.checkedByName}${check.note ? `\n${check.note}` : ''}`
            : t.noCheck;
          return [row.title, orNone(row.owner?.name), day(row.closedOn), verdict];
        }),
        emptyText: t.empty.closed,
      },
    ],
  };

  const compliance = pack.reviewCompliance;
  const reviews: ReportSection = {
    heading: t.sections.reviews,
    blocks: [
      {
        kind: 'paragraph',
        text:
          compliance.share === null
            ? t.intro.reviewsNone
            : t.intro.reviews(percent(compliance.share), date(pack.period.from), date(pack.period.to)),
      },
      {
        kind: 'facts',
        rows: [
          [t.reviewFacts.due, String(compliance.dueCount)],
          [t.reviewFacts.onTime, String(compliance.onTimeCount)],
          [t.reviewFacts.late, String(compliance.lateCount)],
          [t.reviewFacts.missed, String(compliance.missedCount)],
          [t.reviewFacts.share, percent(compliance.share)],
        ],
      },
      { kind: 'subheading', text: t.sub.reviewExceptions },
      {
        kind: 'table',
        columns: [
          { header: t.columns.procedure, weight: 3 },
          { header: t.columns.due, weight: 1.3 },
          { header: t.columns.reviewedOn, weight: 1.3 },
          { header: t.columns.result, weight: 1.3 },
        ],
        rows: compliance.exceptions.map((item) => [
          `${item.procedure.code} ${item.procedure.title}`.trim(),
          day(item.dueOn),
          day(item.reviewedOn),
          t.reviewResults[item.result],
        ]),
        emptyText: t.empty.exceptions,
      },
    ],
  };

  const acknowledgementRows = pack.acknowledgements.versions.map((entry) => [
    `${entry.procedure.code} ${entry.procedure.title}`.trim(),
    entry.versionLabel,
    day(entry.publishedOn),
    String(entry.requested),
    String(entry.acknowledged),
    percent(entry.rate),
  ]);
  const overall = pack.acknowledgements.overall;
  const acknowledgements: ReportSection = {
    heading: t.sections.acknowledgements,
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: t.columns.procedure, weight: 3 },
          { header: t.columns.version, weight: 0.8, align: 'right' },
          { header: t.columns.published, weight: 1.4 },
          { header: t.columns.requested, weight: 0.9, align: 'right' },
          { header: t.columns.acknowledged, weight: 0.9, align: 'right' },
          { header: t.columns.rate, weight: 0.8, align: 'right' },
        ],
        rows:
          acknowledgementRows.length === 0
            ? []
            : [
                ...acknowledgementRows,
                [t.ackOverall, '', '', String(overall.requested), String(overall.acknowledged), percent(overall.rate)],
              ],
        emptyText: t.empty.acknowledgements,
      },
    ],
  };

  const gaps = pack.competenceGaps;
  const competences: ReportSection = {
    heading: t.sections.competences,
    blocks: [
      { kind: 'subheading', text: t.sub.gaps },
      {
        kind: 'table',
        columns: [
          { header: t.columns.competence, weight: 2 },
          { header: t.columns.scope, weight: 2 },
          { header: t.columns.need, weight: 1.3 },
          { header: t.columns.qualified, weight: 1, align: 'right' },
          { header: t.columns.status, weight: 1.2 },
        ],
        rows: gaps.gaps.map((row) => [
          row.competenceName,
          row.scopeLabel,
          `${row.minPeople} × ${t.minLevel(row.minLevel)}`,
          String(row.qualifiedCount),
          t.coverage[row.coverage],
        ]),
        emptyText: t.empty.gaps,
      },
      { kind: 'subheading', text: t.sub.single },
      {
        kind: 'table',
        columns: [
          { header: t.columns.competence, weight: 2 },
          { header: t.columns.scope, weight: 2 },
          { header: t.columns.person, weight: 2 },
        ],
        rows: gaps.singlePersonDependencies.map((row) => [row.competenceName, row.scopeLabel, row.person.name]),
        emptyText: t.empty.single,
      },
      { kind: 'subheading', text: t.sub.expiring },
      {
        kind: 'table',
        columns: [
          { header: t.columns.person, weight: 2 },
          { header: t.columns.competence, weight: 2 },
          { header: t.columns.validUntil, weight: 2 },
        ],
        rows: gaps.expiring.map((row) => [
          row.person.name,
          row.competenceName,
          row.isExpired ? `${day(row.validUntil)} (${t.expired.toLowerCase()})` : day(row.validUntil),
        ]),
        emptyText: t.empty.expiring,
      },
    ],
  };

  const goals: ReportSection = {
    heading: t.sections.goals,
    blocks: [{ kind: 'paragraph', text: t.notAvailable.goals, tone: 'muted' }],
  };
  const surveys: ReportSection = { heading: t.sections.surveys, blocks: surveyBlocks(pack, locale) };

  const conclusions: ReportSection = {
    heading: t.sections.conclusions,
    blocks: !evaluation
      ? [{ kind: 'paragraph', text: t.noEvaluation, tone: 'muted' }]
      : evaluation.conclusions.trim() === ''
        ? [{ kind: 'paragraph', text: t.noConclusions, tone: 'muted' }]
        : evaluation.conclusions
            .split(/\n\s*\n/)
            .map((text): ReportBlock => ({ kind: 'paragraph', text: text.trim() }))
            .filter((block) => block.kind === 'paragraph' && block.text !== ''),
  };

  const decisions: ReportSection = {
    heading: t.sections.decisions,
    blocks: !evaluation
      ? [{ kind: 'paragraph', text: t.noEvaluation, tone: 'muted' }]
      : [
          {
            kind: 'table',
            columns: [
              { header: t.columns.decision, weight: 3 },
              { header: t.columns.owner, weight: 1.4 },
              { header: t.columns.due, weight: 1.2 },
              { header: t.columns.action, weight: 1.6 },
            ],
            rows: evaluation.decisions.map((decision) => [
              decision.text,
              orNone(decision.owner?.name),
              day(decision.dueOn),
              decision.action
                ? `${decision.action.title}\n${t.outcomes[decision.action.outcome]}`
                : t.outcomes['no-action'],
            ]),
            emptyText: t.empty.decisions,
          },
        ],
  };

  const political: ReportSection = {
    heading: t.sections.political,
    blocks: [
      {
        kind: 'facts',
        rows: [
          [t.political.committee, evaluation?.committee ?? t.political.notYet],
          [t.political.committeeOn, evaluation?.committeeOn ? date(evaluation.committeeOn) : t.political.notYet],
          [t.political.publishedOn, evaluation?.publishedOn ? date(evaluation.publishedOn) : t.political.notYet],
        ],
      },
    ],
  };

  const title = t.title(pack.year);
  return {
    locale,
    title,
    organisation: pack.organisationName,
    subtitle: t.subtitle,
    cover,
    sections: [
      earlier,
      audits,
      actions,
      reviews,
      acknowledgements,
      competences,
      goals,
      surveys,
      conclusions,
      decisions,
      political,
    ],
    pageLabel: t.page,
    footer: `${pack.organisationName} · ${title} · ${t.generated} ${date(pack.asOf)}`,
  };
}

/** Column headers for the grade counts: the table has room for short names only. */
/** The survey section: per round the headline per case type, then the mean per question. */
function surveyBlocks(pack: EvaluationPack, locale: Locale): ReportBlock[] {
  const t = reportTexts[locale];
  const percent = percentFormatter(locale);
  const number = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  // The change in percentage points, signed ("+5 %").
  const points = new Intl.NumberFormat(intlLocale[locale], {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const { rounds } = pack.surveyResults;
  if (rounds.length === 0) return [{ kind: 'paragraph', text: t.survey.none, tone: 'muted' }];
  const row = (label: string, scope: EvaluationPack['surveyResults']['rounds'][number]['all']) =>
    scope.isSuppressed
      ? [label, t.survey.suppressed, '', '', '']
      : [
          label,
          percent(scope.headline.share),
          String(scope.headline.n),
          percent(scope.responseRate),
          scope.change === null ? t.none : points.format(scope.change).replace(/\u202F/g, '\u00A0'),
        ];
  return rounds.flatMap((round): ReportBlock[] => [
    { kind: 'subheading', text: t.survey.round(round.title[locale], round.roundLabel) },
    { kind: 'paragraph', text: t.survey.headline(round.headlineQuestion[locale]), tone: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: t.survey.scope, weight: 2.4 },
        { header: t.survey.share, weight: 1.2 },
        { header: t.survey.n, weight: 0.9 },
        { header: t.survey.rate, weight: 1 },
        { header: t.survey.change, weight: 1.2 },
      ],
      rows: [row(t.survey.all, round.all), ...round.caseTypes.map((scope) => row(scope.caseType ?? '', scope))],
      emptyText: t.survey.none,
    },
    {
      kind: 'table',
      columns: [
        { header: t.survey.question, weight: 4 },
        { header: t.survey.mean, weight: 1 },
        { header: t.survey.share, weight: 1.2 },
      ],
      rows: round.questions.map((question) => [
        question.wording[locale],
        question.mean === null ? t.none : number.format(question.mean),
        percent(question.shareSatisfied),
      ]),
      emptyText: t.survey.none,
    },
  ]);
}

function shortGrade(locale: Locale, grade: FindingGrade): string {
  const short: Record<Locale, Record<FindingGrade, string>> = {
    da: { major: 'Større', minor: 'Mindre', observation: 'Obs.', improvement: 'Forb.', 'strong-point': 'Styrke' },
    nb: { major: 'Større', minor: 'Mindre', observation: 'Obs.', improvement: 'Forb.', 'strong-point': 'Styrke' },
    en: { major: 'Major', minor: 'Minor', observation: 'Obs.', improvement: 'Impr.', 'strong-point': 'Strong' },
  };
  return short[locale][grade];
}
