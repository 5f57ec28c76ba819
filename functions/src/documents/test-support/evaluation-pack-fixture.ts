import type { EvaluationPack, OpenFinding } from '../../app/assemble-evaluation-pack.js';
import { asLocalDate, type LocalDate } from '../../core/local-date.js';
import type { FindingGrade } from '../../core/quality-year-types.js';

/**
 * A management-evaluation pack as a municipality would have it in November 2026, for the report
 * writers' tests: Danish letters everywhere, a long conclusion, and enough open findings to run
 * a table over a page break.
 */

const d = (value: string): LocalDate => asLocalDate(value);

const grades: FindingGrade[] = ['major', 'minor', 'minor', 'observation', 'improvement'];
const units = [
  { id: 'u-natur', name: 'Natur og Miljø' },
  { id: 'u-vej', name: 'Vej og Park' },
  { id: 'u-byg', name: 'Byggeri og Ejendomme' },
];
const procedures = [
  { id: 'pr-1', code: 'NM-01', title: 'Behandling af klager over støj' },
  { id: 'pr-2', code: 'VP-04', title: 'Vintertjeneste på cykelstier' },
  { id: 'pr-3', code: 'BE-12', title: 'Tilsyn med byggepladser' },
];

function openFindings(count: number): OpenFinding[] {
  return Array.from({ length: count }, (_, index): OpenFinding => {
    const grade = grades[index % grades.length] ?? 'minor';
    const procedure = procedures[index % procedures.length] ?? null;
    return {
      id: `f-${index + 1}`,
      auditId: index % 4 === 0 ? 'a-ds' : 'a-int',
      auditTitle: index % 4 === 0 ? 'Overvågningsaudit (DS Certificering)' : 'Intern audit: Sagsbehandling',
      auditYear: 2026,
      grade,
      clause: ['7.5.3', '8.5.1', '9.1.3', '10.2'][index % 4] ?? null,
      procedure,
      unit: units[index % units.length] ?? null,
      description:
        index % 3 === 0
          ? `Fund ${index + 1}: Ved stikprøve på ${10 + index} sager manglede dokumentation for, at partshøring var gennemført før afgørelse. Medarbejderne kendte ikke den gældende procedure, og den tjekliste, der henvises til, findes ikke længere på intranettet.`
          : `Fund ${index + 1}: Kvitteringer for læsning af procedurens nye version mangler for flere medarbejdere i afdelingen.`,
      foundOn: d(index % 4 === 0 ? '2026-05-12' : '2026-03-18'),
      action:
        grade === 'major' || grade === 'minor'
          ? {
              id: `ca-${index + 1}`,
              title: `Ret årsagen til fund ${index + 1}`,
              status: index % 2 === 0 ? 'planned' : 'open',
            }
          : null,
    };
  });
}

export function evaluationPackFixture(overrides: Partial<EvaluationPack> = {}): EvaluationPack {
  return {
    year: 2026,
    frozen: null,
    organisationName: 'Ærøskøbing Kommune',
    generatedAt: '2026-11-20T09:00:00.000Z',
    asOf: d('2026-11-20'),
    period: { from: d('2025-11-11'), to: d('2026-11-10') },
    evaluation: {
      id: 'ev-2026',
      year: 2026,
      status: 'held',
      plannedOn: d('2026-11-10'),
      heldOn: d('2026-11-10'),
      participants: [
        { id: 'p-1', name: 'Søren Østergaard' },
        { id: 'p-2', name: 'Åse Lønstrup' },
        { id: 'p-3', name: 'Kåre Kvalitet' },
      ],
      guests: ['Jørgen Bæk (DS Certificering)'],
      conclusions:
        'Kvalitetsledelsessystemet er fortsat egnet, tilstrækkeligt og virkningsfuldt. Den større afvigelse fra overvågningsauditten om partshøring er rettet, og effekten er målt ved stikprøver i tre måneder.\n\nLedelsen bemærker, at andelen af procedurer, der gennemgås til tiden, er faldet. Årsagen er især manglende ressourcer i Vej og Park i vintersæsonen; gennemgangene flyttes derfor til foråret.',
      decisions: [
        {
          id: 'dec-1',
          text: 'Gennemgangsfrister for Vej og Park flyttes til april–maj, uden for vintersæsonen.',
          owner: { id: 'p-2', name: 'Åse Lønstrup' },
          dueOn: d('2027-04-30'),
          action: { id: 'ca-50', title: 'Flyt gennemgangsfrister', status: 'planned', outcome: 'planned' },
        },
        {
          id: 'dec-2',
          text: 'Introduktionen af nye medarbejdere skal omfatte kvalitetshåndbogen og kvittering for læsning.',
          owner: { id: 'p-1', name: 'Søren Østergaard' },
          dueOn: d('2027-02-01'),
          action: null,
        },
      ],
      committee: 'Teknik- og Miljøudvalget',
      committeeOn: d('2026-12-03'),
      publishedOn: null,
    },
    earlierDecisions: [
      {
        evaluationId: 'ev-2025',
        evaluationYear: 2025,
        decisionId: 'dec-a',
        text: 'Indfør digital kvittering for læsning af procedurer i alle afdelinger.',
        owner: { id: 'p-3', name: 'Kåre Kvalitet' },
        dueOn: d('2026-06-30'),
        actionId: 'ca-10',
        actionTitle: 'Digital kvittering',
        outcome: 'closed',
      },
      {
        evaluationId: 'ev-2025',
        evaluationYear: 2025,
        decisionId: 'dec-b',
        text: 'Styrk den interne auditorgruppe med to nye auditorer fra Byggeri og Ejendomme.',
        owner: { id: 'p-1', name: 'Søren Østergaard' },
        dueOn: d('2026-09-01'),
        actionId: 'ca-11',
        actionTitle: 'Uddan to interne auditorer',
        outcome: 'overdue',
      },
      {
        evaluationId: 'ev-2025',
        evaluationYear: 2025,
        decisionId: 'dec-c',
        text: 'Undersøg behovet for et nyt sagssystem til miljøtilsyn.',
        owner: null,
        dueOn: null,
        actionId: null,
        actionTitle: null,
        outcome: 'no-action',
      },
    ],
    audits: {
      items: [
        {
          id: 'a-int',
          title: 'Intern audit: Sagsbehandling',
          kind: 'internal',
          status: 'reported',
          plannedOn: d('2026-03-18'),
          reportedOn: d('2026-03-25'),
          unit: units[0] ?? null,
          findingCounts: { major: 0, minor: 4, observation: 2, improvement: 3, 'strong-point': 1 },
        },
        {
          id: 'a-ds',
          title: 'Overvågningsaudit (DS Certificering)',
          kind: 'surveillance',
          status: 'reported',
          plannedOn: d('2026-05-12'),
          reportedOn: d('2026-05-13'),
          unit: null,
          findingCounts: { major: 1, minor: 2, observation: 1, improvement: 0, 'strong-point': 2 },
        },
        {
          id: 'a-plan',
          title: 'Intern audit: Vintertjeneste',
          kind: 'internal',
          status: 'planned',
          plannedOn: d('2026-12-08'),
          reportedOn: null,
          unit: units[1] ?? null,
          findingCounts: { major: 0, minor: 0, observation: 0, improvement: 0, 'strong-point': 0 },
        },
      ],
      findingTotals: { major: 1, minor: 6, observation: 3, improvement: 3, 'strong-point': 3 },
      openFindings: openFindings(22),
    },
    actions: {
      counts: { open: 3, planned: 5, implemented: 2, closed: 7 },
      overdue: [
        {
          id: 'ca-11',
          title: 'Uddan to interne auditorer',
          status: 'planned',
          sourceKind: 'management-decision',
          owner: { id: 'p-1', name: 'Søren Østergaard' },
          unit: units[2] ?? null,
          dueOn: d('2026-09-01'),
        },
      ],
      closedInPeriod: [
        {
          id: 'ca-1',
          title: 'Partshøring før afgørelse',
          status: 'closed',
          sourceKind: 'finding',
          owner: { id: 'p-2', name: 'Åse Lønstrup' },
          unit: units[0] ?? null,
          dueOn: d('2026-08-01'),
          closedOn: d('2026-10-15'),
          effectivenessCheck: {
            checkedOn: d('2026-10-15'),
            checkedBy: 'p-3',
            checkedByName: 'Kåre Kvalitet',
            isEffective: true,
            note: 'Stikprøve på 20 sager i august–oktober: partshøring dokumenteret i alle.',
          },
        },
      ],
    },
    reviewCompliance: {
      dueCount: 48,
      onTimeCount: 41,
      lateCount: 4,
      missedCount: 3,
      share: 41 / 48,
      exceptions: [
        {
          procedure: procedures[1] ?? { id: '', code: '', title: '' },
          dueOn: d('2026-01-15'),
          reviewedOn: d('2026-03-02'),
          result: 'late',
        },
        {
          procedure: procedures[2] ?? { id: '', code: '', title: '' },
          dueOn: d('2026-09-30'),
          reviewedOn: null,
          result: 'missed',
        },
      ],
    },
    acknowledgements: {
      versions: [
        {
          procedure: procedures[0] ?? { id: '', code: '', title: '' },
          versionId: 'v-1',
          versionLabel: '3.0',
          publishedOn: d('2026-02-01'),
          requested: 34,
          acknowledged: 31,
          rate: 31 / 34,
        },
        {
          procedure: procedures[2] ?? { id: '', code: '', title: '' },
          versionId: 'v-2',
          versionLabel: '2.0',
          publishedOn: d('2026-09-10'),
          requested: 12,
          acknowledged: 7,
          rate: 7 / 12,
        },
      ],
      overall: { requested: 46, acknowledged: 38, rate: 38 / 46 },
    },
    competenceGaps: {
      gaps: [
        {
          requirementId: 'req-1',
          competenceName: 'Miljøgodkendelse af virksomheder',
          scopeLabel: 'Natur og Miljø',
          minPeople: 2,
          minLevel: 3,
          qualifiedCount: 1,
          shortBy: 1,
          coverage: 'unmet',
        },
      ],
      singlePersonDependencies: [
        {
          requirementId: 'req-1',
          competenceName: 'Miljøgodkendelse af virksomheder',
          scopeLabel: 'Natur og Miljø',
          person: { id: 'p-4', name: 'Bjørn Ærenlund' },
        },
      ],
      expiring: [
        {
          person: { id: 'p-5', name: 'Trine Høj' },
          competenceName: 'Kranbevis',
          validUntil: d('2027-01-10'),
          isExpired: false,
        },
      ],
    },
    qualityGoals: {
      status: 'available',
      goals: [
        {
          id: 'goal-95',
          title:
            '95 % af bygge-, plan- og miljøsager skal overholde de politisk vedtagne og udmeldte sagsbehandlingstider',
          owner: { id: 'p-sofie', name: 'Sofie Dahl' },
          target: { direction: 'at-least', value: 95, unit: 'percent' },
          measurement: 'cases',
          value: 92.4,
          colour: 'yellow',
          figures: { decided: 412, sharePercent: 92.4, meanDays: 31.2, medianDays: 28, backlog: 7 },
        },
        {
          id: 'goal-90',
          title:
            '90 % af respondenterne tilkendegiver, at de er tilfredse eller meget tilfredse med den samlede proces',
          owner: { id: 'p-sofie', name: 'Sofie Dahl' },
          target: { direction: 'at-least', value: 90, unit: 'percent' },
          measurement: 'survey',
          value: null,
          colour: 'none',
          figures: null,
        },
      ],
    },
    surveyResults: {
      status: 'available',
      rounds: [
        {
          surveyId: 's-1',
          title: { da: 'Tilfredshed med sagsbehandlingen', nb: 'Tilfredshet med saksbehandlingen', en: 'Satisfaction' },
          roundId: '2026',
          roundLabel: '2026',
          from: d('2026-01-01'),
          to: d('2026-12-31'),
          headlineQuestion: { da: 'Den samlede proces', nb: 'Hele prosessen', en: 'The whole process' },
          all: surveyScope(null, { n: 39, satisfied: 36, share: 36 / 39 }, 0.1),
          caseTypes: [
            surveyScope('Byggetilladelse – enfamiliehuse', { n: 24, satisfied: 23, share: 23 / 24 }, 0.05),
            { ...surveyScope('Husdyrgodkendelse', { n: 0, satisfied: 0, share: null }, null), isSuppressed: true },
          ],
          questions: [
            {
              questionId: 'samlet',
              wording: { da: 'Den samlede proces', nb: 'Hele prosessen', en: 'The whole process' },
              n: 39,
              mean: 4.4,
              shareSatisfied: 36 / 39,
            },
          ],
        },
      ],
    },
    register: {
      status: 'available',
      period: { from: d('2025-11-11'), to: d('2026-11-10') },
      asOf: d('2026-11-10'),
      total: 41,
      byKind: { praise: 6, complaint: 14, suggestion: 9, deviation: 12 },
      topRootCauses: [
        {
          key: 'rc-instruks',
          label: { da: 'Manglende instruks', nb: 'Manglende instruks', en: 'Missing instruction' },
          count: 9,
          share: 9 / 20,
          cumulativeShare: 9 / 20,
        },
        {
          key: 'rc-kommunikation',
          label: { da: 'Kommunikation', nb: 'Kommunikasjon', en: 'Communication' },
          count: 6,
          share: 6 / 20,
          cumulativeShare: 15 / 20,
        },
      ],
      withRootCause: 20,
      replyCompliance: { answerable: 30, answeredInTime: 24, answeredLate: 4, overdueUnanswered: 2, share: 24 / 30 },
      openByAge: [
        { bucket: '0-7', count: 2 },
        { bucket: '8-30', count: 3 },
        { bucket: '31-90', count: 1 },
        { bucket: '91+', count: 0 },
      ],
      open: 6,
    },
    ...overrides,
  };
}

function surveyScope(
  caseType: string | null,
  headline: { n: number; satisfied: number; share: number | null },
  change: number | null,
) {
  return {
    caseType,
    unitId: null,
    isSuppressed: false,
    respondents: headline.n,
    headline,
    responseRate: headline.n === 0 ? null : 0.5,
    previousShare: change === null || headline.share === null ? null : headline.share - change,
    change,
  };
}
