import { describe, expect, it } from 'vitest';
import type { Competence, CompetenceRequirement, PersonCompetence } from '../core/competence-types.js';
import { AppError } from '../core/errors.js';
import type { CaseRecord, Goal } from '../core/goal-types.js';
import { asLocalDate, type LocalDate } from '../core/local-date.js';
import type {
  Audit,
  CorrectiveAction,
  Finding,
  ManagementEvaluation,
  YearWheelOccurrence,
} from '../core/quality-year-types.js';
import type { Acknowledgement, AcknowledgementRequest, Person, ProcedureVersion, Review, Unit } from '../core/types.js';
import { assembleEvaluationPack, evaluationPeriod } from './assemble-evaluation-pack.js';
import type { SurveyStore } from './survey-ports.js';
import type { Survey, SurveyAnswer } from '../core/survey-types.js';
import type { ProcedureRow, Store } from './ports.js';
import type { QualityChangeSet, QualityStore } from './quality-ports.js';
import type { RegisterItem } from '../core/register-types.js';
import { defaultRegisterSettings } from '../core/register-rules.js';
import { registerItemOf, trailStep } from '../core/test-support/register-item-fixture.js';

const d = (value: string): LocalDate => asLocalDate(value);
const stamp = {
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
  updatedBy: 'p-coord',
  etag: 1,
};

// ---------------------------------------------------------------------------------------------
// Fakes: the quality records in arrays, and a Store with only the reads the pack makes.

type QualityData = {
  audits: Audit[];
  findings: Finding[];
  actions: CorrectiveAction[];
  evaluations: ManagementEvaluation[];
};

function fakeQualityStore(data: QualityData): QualityStore {
  return {
    listCertificates: async () => [],
    listProgrammeItems: async () => [],
    listAudits: async (filter) =>
      data.audits.filter((audit) => filter?.year === undefined || audit.year === filter.year),
    getAudit: async (id) => data.audits.find((audit) => audit.id === id),
    listFindings: async (filter) =>
      data.findings.filter((finding) => filter?.auditId === undefined || finding.auditId === filter.auditId),
    listCorrectiveActions: async () => data.actions,
    getCorrectiveAction: async (id) => data.actions.find((action) => action.id === id),
    listManagementEvaluations: async () => [...data.evaluations].sort((a, b) => b.year - a.year),
    getManagementEvaluation: async (id) => data.evaluations.find((evaluation) => evaluation.id === id),
    listYearlyReports: async () => [],
    listOccurrences: async (): Promise<YearWheelOccurrence[]> => [],
    getFrozenRecord: async () => undefined,
    listFrozenRecords: async () => [],
    searchStamp: async () => 'fixed',
    commit: async (_changes: QualityChangeSet) => {
      throw new Error('the pack must not write');
    },
  };
}

type StoreData = {
  units: Unit[];
  people: Person[];
  procedures: ProcedureRow[];
  versions: ProcedureVersion[];
  reviews: Review[];
  requests: AcknowledgementRequest[];
  acknowledgements: Acknowledgement[];
  competences: Competence[];
  requirements: CompetenceRequirement[];
  personCompetences: PersonCompetence[];
};

function fakeStore(data: StoreData): Store {
  const reads: Partial<Store> = {
    listUnits: async () => data.units,
    listPeople: async () => data.people,
    listProcedures: async () => ({ items: data.procedures, total: data.procedures.length }),
    listVersions: async (procedureId) => data.versions.filter((version) => version.procedureId === procedureId),
    listReviews: async (procedureId) => data.reviews.filter((review) => review.procedureId === procedureId),
    listAcknowledgementRequests: async (versionId) => data.requests.filter((entry) => entry.versionId === versionId),
    listAcknowledgements: async (versionId) => data.acknowledgements.filter((entry) => entry.versionId === versionId),
    listCompetences: async () => data.competences,
    listCompetenceRequirements: async () => data.requirements,
    listPersonCompetences: async () => data.personCompetences,
    listExternalCoverage: async () => [],
  };
  return new Proxy(reads as Store, {
    get(target, name: string) {
      const value = target[name as keyof Store];
      if (value === undefined) throw new Error(`the pack does not need Store.${name}`);
      return value;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Factories

function person(id: string, name: string, unitId = 'u-natur'): Person {
  return {
    id,
    name,
    email: `${id}@kommune.dk`,
    title: 'Medarbejder',
    unitId,
    roles: ['caseworker'],
    leaderId: null,
    aadObjectId: null,
  };
}

function procedure(overrides: Partial<ProcedureRow> & Pick<ProcedureRow, 'id' | 'code' | 'title'>): ProcedureRow {
  return {
    level: 'core',
    area: 'Natur',
    unitId: 'u-natur',
    ownerId: 'p-ole',
    approverId: 'p-coord',
    approverDesignatedBy: null,
    audience: { unitIds: [], roles: [] },
    reviewIntervalMonths: 12,
    standards: [],
    legalBasis: [],
    currentVersionId: `${overrides.id}-v1`,
    draftVersionId: null,
    approvedOn: d('2025-01-10'),
    lastReviewedOn: null,
    nextReviewOn: null,
    createdAt: stamp.createdAt,
    updatedAt: stamp.updatedAt,
    updatedBy: 'p-coord',
    etag: 1,
    currentVersion: { major: 1, minor: 0 },
    draftState: null,
    draftAuthorId: null,
    pendingApproverId: null,
    ...overrides,
  };
}

function version(id: string, procedureId: string, major: number, minor: number, publishedAt: string): ProcedureVersion {
  return {
    id,
    procedureId,
    state: 'published',
    major,
    minor,
    kind: minor === 0 ? 'major' : 'minor',
    authorId: 'p-ole',
    file: { ref: 'ref', name: 'x.docx', mediaType: 'application/octet-stream', size: 1, sha256: 'x' },
    text: '',
    html: '',
    changeSummary: null,
    createdAt: publishedAt,
    updatedAt: publishedAt,
    publishedAt,
    approvedBy: 'p-coord',
    supersededByVersionId: null,
    obsoleteAt: null,
  };
}

function review(id: string, procedureId: string, dueOn: string | null, reviewedAt: string): Review {
  return {
    id,
    procedureId,
    reviewerId: 'p-ole',
    outcome: 'still-valid',
    comment: null,
    reviewedAt,
    dueOn: dueOn === null ? null : d(dueOn),
    nextReviewOn: null,
  };
}

function audit(overrides: Partial<Audit> & Pick<Audit, 'id' | 'title' | 'year'>): Audit {
  return {
    ...stamp,
    kind: 'internal',
    programmeItemId: null,
    certificateId: null,
    unitId: 'u-natur',
    clauses: ['8.5'],
    procedureIds: [],
    scope: '',
    criteria: 'ISO 9001:2015',
    auditorIds: ['p-anne'],
    externalAuditors: [],
    plannedOn: d(`${overrides.year}-03-01`),
    status: 'reported',
    checklist: [],
    report: null,
    ...overrides,
  };
}

function finding(overrides: Partial<Finding> & Pick<Finding, 'id' | 'auditId' | 'grade'>): Finding {
  return {
    ...stamp,
    clause: '8.5.1',
    procedureId: 'pr-natur',
    unitId: 'u-natur',
    description: 'Beskrivelse',
    foundOn: d('2026-03-01'),
    foundBy: null,
    correctiveActionId: null,
    checklistLineId: null,
    withdrawal: null,
    ...overrides,
  };
}

function action(
  overrides: Partial<CorrectiveAction> & Pick<CorrectiveAction, 'id' | 'title' | 'status'>,
): CorrectiveAction {
  return {
    ...stamp,
    source: { kind: 'other' },
    unitId: 'u-natur',
    correction: null,
    rootCause: null,
    plan: null,
    ownerId: 'p-ole',
    dueOn: null,
    implementedOn: null,
    implementedBy: null,
    implementationNote: null,
    evidenceText: null,
    evidenceUrl: null,
    involvedIds: ['p-ole'],
    effectivenessChecks: [],
    closedOn: null,
    ...overrides,
  };
}

function evaluation(
  overrides: Partial<ManagementEvaluation> & Pick<ManagementEvaluation, 'id' | 'year'>,
): ManagementEvaluation {
  return {
    ...stamp,
    plannedOn: d(`${overrides.year}-11-15`),
    heldOn: null,
    status: 'planned',
    participantIds: [],
    guests: [],
    conclusions: '',
    decisions: [],
    committee: null,
    committeeOn: null,
    publishedOn: null,
    ...overrides,
  };
}

// ---------------------------------------------------------------------------------------------
// A small municipality: today is 2026-11-20 in Copenhagen.

function world(
  overrides: {
    quality?: Partial<QualityData>;
    store?: Partial<StoreData>;
    goals?: Goal[];
    cases?: CaseRecord[];
    register?: RegisterItem[];
  } = {},
) {
  const store: StoreData = {
    units: [
      { id: 'u-natur', name: 'Natur og Miljø', parentId: null },
      { id: 'u-vej', name: 'Vej og Park', parentId: null },
    ],
    people: [
      person('p-ole', 'Ole Sørensen'),
      person('p-anne', 'Anne Ærø', 'u-vej'),
      person('p-coord', 'Kåre Kvalitet'),
    ],
    procedures: [
      procedure({ id: 'pr-natur', code: 'NM-01', title: 'Naturbeskyttelse', nextReviewOn: d('2027-02-01') }),
      procedure({
        id: 'pr-vej',
        code: 'VP-02',
        title: 'Vintertjeneste',
        unitId: 'u-vej',
        nextReviewOn: d('2026-06-30'),
      }),
      procedure({
        id: 'pr-draft',
        code: 'VP-03',
        title: 'Kladde',
        currentVersionId: null,
        nextReviewOn: d('2026-05-01'),
      }),
    ],
    versions: [
      version('pr-natur-v1', 'pr-natur', 1, 0, '2025-02-01T09:00:00.000Z'),
      version('pr-natur-v2', 'pr-natur', 2, 0, '2026-02-01T09:00:00.000Z'),
      version('pr-natur-v21', 'pr-natur', 2, 1, '2026-04-01T09:00:00.000Z'),
      version('pr-vej-v1', 'pr-vej', 1, 0, '2026-09-10T09:00:00.000Z'),
    ],
    reviews: [
      // On time: due 2026-02-01, done the day before.
      review('r-1', 'pr-natur', '2026-02-01', '2026-01-31T12:00:00.000Z'),
      // Late: due 2026-03-01, done 2026-03-05.
      review('r-2', 'pr-vej', '2026-03-01', '2026-03-05T12:00:00.000Z'),
      // Before the period (2025-11-21 .. 2026-11-20): not counted.
      review('r-3', 'pr-vej', '2025-10-01', '2025-10-01T12:00:00.000Z'),
      // Unscheduled: not counted.
      review('r-4', 'pr-natur', null, '2026-05-01T12:00:00.000Z'),
      // Due 2026-08-01, done at 23:30 Copenhagen time on the due day (21:30Z): on time.
      review('r-5', 'pr-natur', '2026-08-01', '2026-08-01T21:30:00.000Z'),
    ],
    requests: [
      { procedureId: 'pr-natur', versionId: 'pr-natur-v2', personId: 'p-ole', requestedAt: '2026-02-01T09:00:00.000Z' },
      {
        procedureId: 'pr-natur',
        versionId: 'pr-natur-v2',
        personId: 'p-anne',
        requestedAt: '2026-02-01T09:00:00.000Z',
      },
      {
        procedureId: 'pr-natur',
        versionId: 'pr-natur-v2',
        personId: 'p-coord',
        requestedAt: '2026-02-01T09:00:00.000Z',
      },
      { procedureId: 'pr-vej', versionId: 'pr-vej-v1', personId: 'p-anne', requestedAt: '2026-09-10T09:00:00.000Z' },
    ],
    acknowledgements: [
      {
        procedureId: 'pr-natur',
        versionId: 'pr-natur-v2',
        personId: 'p-ole',
        acknowledgedAt: '2026-02-02T09:00:00.000Z',
      },
      {
        procedureId: 'pr-natur',
        versionId: 'pr-natur-v2',
        personId: 'p-anne',
        acknowledgedAt: '2026-02-03T09:00:00.000Z',
      },
      // Not asked: does not count.
      { procedureId: 'pr-vej', versionId: 'pr-vej-v1', personId: 'p-ole', acknowledgedAt: '2026-09-11T09:00:00.000Z' },
    ],
    competences: [
      { id: 'c-gis', name: 'GIS-analyse', category: 'Natur', description: '', validityMonths: null },
      { id: 'c-kran', name: 'Kranbevis', category: 'Vej', description: '', validityMonths: 60 },
    ],
    requirements: [
      { id: 'req-gis', competenceId: 'c-gis', scope: { kind: 'unit', unitId: 'u-natur' }, minPeople: 2, minLevel: 2 },
      { id: 'req-kran', competenceId: 'c-kran', scope: { kind: 'unit', unitId: 'u-vej' }, minPeople: 1, minLevel: 2 },
    ],
    personCompetences: [
      {
        personId: 'p-ole',
        competenceId: 'c-gis',
        level: 3,
        evidence: null,
        validUntil: null,
        assessment: 'confirmed',
        confirmedBy: 'p-coord',
      },
      {
        personId: 'p-anne',
        competenceId: 'c-kran',
        level: 2,
        evidence: null,
        validUntil: d('2027-01-10'),
        assessment: 'confirmed',
        confirmedBy: 'p-coord',
      },
    ],
    ...overrides.store,
  };
  const quality: QualityData = {
    audits: [
      audit({ id: 'a-2026', title: 'Intern audit Natur', year: 2026 }),
      audit({
        id: 'a-ds',
        title: 'Overvågningsaudit',
        year: 2026,
        kind: 'surveillance',
        plannedOn: d('2026-05-10'),
        unitId: null,
      }),
      audit({ id: 'a-2025', title: 'Intern audit Vej', year: 2025, unitId: 'u-vej' }),
    ],
    findings: [
      finding({ id: 'f-major', auditId: 'a-2026', grade: 'major', correctiveActionId: 'ca-open' }),
      finding({ id: 'f-minor-closed', auditId: 'a-ds', grade: 'minor', correctiveActionId: 'ca-closed' }),
      finding({ id: 'f-obs', auditId: 'a-ds', grade: 'observation', procedureId: null }),
      finding({ id: 'f-strong', auditId: 'a-ds', grade: 'strong-point' }),
      finding({ id: 'f-old-minor', auditId: 'a-2025', grade: 'minor', unitId: 'u-vej', foundOn: d('2025-03-01') }),
      finding({ id: 'f-old-obs', auditId: 'a-2025', grade: 'observation', foundOn: d('2025-03-01') }),
    ],
    actions: [
      action({
        id: 'ca-open',
        title: 'Ret sagsgangen',
        status: 'planned',
        dueOn: d('2026-10-01'),
        source: { kind: 'finding', findingId: 'f-major' },
      }),
      action({
        id: 'ca-closed',
        title: 'Opdatér skabelon',
        status: 'closed',
        dueOn: d('2026-07-01'),
        closedOn: d('2026-08-15'),
        effectivenessChecks: [
          { checkedOn: d('2026-08-01'), checkedBy: 'p-coord', isEffective: false, note: 'Ikke nok' },
          {
            checkedOn: d('2026-08-15'),
            checkedBy: 'p-coord',
            isEffective: true,
            note: 'Stikprøve på 10 sager: alle i orden',
          },
        ],
      }),
      action({ id: 'ca-decision', title: 'Styrk introduktion', status: 'implemented', dueOn: d('2026-12-31') }),
      action({ id: 'ca-old-closed', title: 'Gammel', status: 'closed', closedOn: d('2025-06-01') }),
    ],
    evaluations: [
      evaluation({
        id: 'ev-2025',
        year: 2025,
        status: 'published',
        decisions: [
          {
            id: 'dec-1',
            text: 'Styrk introduktionen af nye medarbejdere',
            ownerId: 'p-ole',
            dueOn: d('2026-06-30'),
            actionId: 'ca-decision',
          },
          { id: 'dec-2', text: 'Ret sagsgangen', ownerId: null, dueOn: d('2026-03-01'), actionId: 'ca-open' },
          {
            id: 'dec-3',
            text: 'Undersøg behovet for en ny GIS-løsning',
            ownerId: 'p-gone',
            dueOn: null,
            actionId: null,
          },
        ],
      }),
      evaluation({
        id: 'ev-2026',
        year: 2026,
        status: 'held',
        heldOn: d('2026-11-10'),
        participantIds: ['p-coord', 'p-ole'],
        guests: ['Borgmester Åse Ødegård'],
        conclusions: 'Systemet er egnet og virker.',
        decisions: [
          { id: 'dec-9', text: 'Flere interne audits', ownerId: 'p-anne', dueOn: d('2027-03-01'), actionId: null },
        ],
        committee: 'Teknik- og Miljøudvalget',
        committeeOn: d('2026-12-05'),
      }),
      evaluation({ id: 'ev-2027', year: 2027 }),
    ],
    ...overrides.quality,
  };
  return {
    store: fakeStore(store),
    quality: fakeQualityStore(quality),
    surveys: fakeSurveyStore(),
    goals: { listGoals: async () => overrides.goals ?? [], listCaseRecords: async () => overrides.cases ?? [] },
    register: fakeRegister(overrides.register ?? registerItems),
    settings: { timeZone: 'Europe/Copenhagen', organisationName: 'Eksempel Kommune', maxUploadBytes: 1 },
    clock: { now: () => new Date('2026-11-20T10:00:00.000Z') },
  };
}

/**
 * The register around ev-2026 (held 2026-11-10): a complaint before the period still open, one
 * answered late, a deviation closed two days after the meeting, a suggestion after the meeting.
 */
const registerItems: RegisterItem[] = [
  registerItemOf({ id: 'r-before', receivedOn: d('2025-10-01'), replyDueOn: d('2025-10-15') }),
  registerItemOf({
    id: 'r-late',
    status: 'closed',
    rootCauseCategoryId: 'rc-instruks',
    replyDueOn: null,
    reply: { text: 'Svar', sentAt: '2026-03-20T10:00:00.000Z', sentBy: 'p-anne', deliveredBy: 'email', isLate: true },
    closedOn: d('2026-03-20'),
    trail: [trailStep('2026-03-02T09:00:00.000Z', 'registered'), trailStep('2026-03-20T10:00:00.000Z', 'closed')],
  }),
  registerItemOf({
    id: 'r-after-meeting-closed',
    kind: 'deviation',
    contact: null,
    reportedBy: 'p-ole',
    status: 'closed',
    rootCauseCategoryId: 'rc-instruks',
    receivedOn: d('2026-11-02'),
    replyDueOn: null,
    reply: { text: 'Rettet', sentAt: '2026-11-12T10:00:00.000Z', sentBy: 'p-anne', deliveredBy: 'tab', isLate: false },
    closedOn: d('2026-11-12'),
    trail: [trailStep('2026-11-02T09:00:00.000Z', 'registered'), trailStep('2026-11-12T10:00:00.000Z', 'closed')],
  }),
  registerItemOf({ id: 'r-after', kind: 'suggestion', receivedOn: d('2026-11-15'), replyDueOn: d('2026-11-29') }),
];

function fakeRegister(items: RegisterItem[]) {
  const settings = {
    ...defaultRegisterSettings('2026-01-01T00:00:00.000Z', 'p-coord'),
    rootCauseCategories: [
      {
        id: 'rc-instruks',
        label: { da: 'Manglende instruks', nb: 'Manglende instruks', en: 'No instruction' },
        isActive: true,
      },
    ],
  };
  return {
    getSettings: async () => settings,
    listItems: async (filter?: { to?: LocalDate }) =>
      items.filter((item) => filter?.to === undefined || item.receivedOn <= filter.to),
    // No goal of these packs is measured from the register (pack-goals.test.ts covers those).
    statisticsRows: async () => [],
  };
}

describe('evaluationPeriod', () => {
  it.each([
    ['2026-11-20', '2025-11-21'],
    ['2026-03-01', '2025-03-02'],
    ['2024-02-29', '2023-03-01'],
  ])('the 12 months ending on %s start on %s', (reference, from) => {
    expect(evaluationPeriod(d(reference))).toEqual({ from: d(from), to: d(reference) });
  });
});

describe('assembleEvaluationPack', () => {
  it('frames the pack: year, organisation, today, and the 12 months up to the day the evaluation was held', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026, evaluationId: 'ev-2026' });
    expect(pack).toMatchObject({ year: 2026, organisationName: 'Eksempel Kommune', asOf: '2026-11-20' });
    expect(pack.period).toEqual({ from: '2025-11-11', to: '2026-11-10' });
    const withoutRecord = await assembleEvaluationPack(world(), { year: 2026 });
    expect(withoutRecord.period).toEqual({ from: '2025-11-21', to: '2026-11-20' });
    expect(withoutRecord.evaluation).toBeNull();
  });

  it('lists the decisions of earlier evaluations with what became of each', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(pack.earlierDecisions.map((entry) => [entry.decisionId, entry.outcome, entry.owner?.name ?? null])).toEqual([
      ['dec-1', 'implemented', 'Ole Sørensen'],
      ['dec-2', 'overdue', null],
      ['dec-3', 'no-action', 'p-gone'],
    ]);
    expect(pack.earlierDecisions[0]).toMatchObject({
      evaluationYear: 2025,
      actionTitle: 'Styrk introduktion',
      dueOn: '2026-12-31',
    });
  });

  it('counts the year’s findings per grade and lists the open ones, nonconformities from earlier years included', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(pack.audits.items.map((item) => [item.id, item.kind])).toEqual([
      ['a-2026', 'internal'],
      ['a-ds', 'surveillance'],
    ]);
    expect(pack.audits.items[1]?.findingCounts).toEqual({
      major: 0,
      minor: 1,
      observation: 1,
      improvement: 0,
      'strong-point': 1,
    });
    expect(pack.audits.findingTotals).toEqual({
      major: 1,
      minor: 1,
      observation: 1,
      improvement: 0,
      'strong-point': 1,
    });
    expect(pack.audits.openFindings.map((item) => item.id)).toEqual(['f-major', 'f-old-minor', 'f-obs']);
    expect(pack.audits.openFindings[0]).toMatchObject({
      grade: 'major',
      clause: '8.5.1',
      procedure: { code: 'NM-01', title: 'Naturbeskyttelse' },
      unit: { name: 'Natur og Miljø' },
      action: { id: 'ca-open', status: 'planned' },
    });
    expect(pack.audits.openFindings[1]).toMatchObject({ auditYear: 2025, unit: { name: 'Vej og Park' }, action: null });
  });

  it('leaves out a finding withdrawn by a correction of its audit’s report, but counts it as of a day before', async () => {
    const findings = (await world().quality.listFindings()).map((each) =>
      each.id === 'f-obs'
        ? {
            ...each,
            withdrawal: { withdrawnOn: d('2026-10-01'), withdrawnBy: 'p-coord', reason: 'Forkert', revisionId: 'r1' },
          }
        : each,
    );
    const pack = await assembleEvaluationPack(world({ quality: { findings } }), { year: 2026 });
    expect(pack.audits.items[1]?.findingCounts).toMatchObject({ minor: 1, observation: 0, 'strong-point': 1 });
    expect(pack.audits.openFindings.map((item) => item.id)).toEqual(['f-major', 'f-old-minor']);
    const before = await assembleEvaluationPack(world({ quality: { findings } }), {
      year: 2026,
      asOf: d('2026-09-30'),
    });
    expect(before.audits.items[1]?.findingCounts).toMatchObject({ observation: 1 });
  });

  it('lists no open findings from after the meeting: a 2025 pack leaves out the 2026 audits’ findings', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2025 });
    expect(pack.audits.openFindings.map((item) => item.id)).toEqual(['f-old-minor', 'f-old-obs']);
    expect(pack.audits.openFindings.every((item) => item.auditYear <= 2025)).toBe(true);
  });

  it('summarises corrective actions: counts by status, the overdue ones, and those closed in the period with their check', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(pack.actions.counts).toEqual({ open: 0, planned: 1, implemented: 1, closed: 2 });
    expect(pack.actions.overdue.map((row) => row.id)).toEqual(['ca-open']);
    expect(pack.actions.closedInPeriod).toHaveLength(1);
    expect(pack.actions.closedInPeriod[0]).toMatchObject({
      id: 'ca-closed',
      closedOn: '2026-08-15',
      effectivenessCheck: {
        isEffective: true,
        checkedByName: 'Kåre Kvalitet',
        note: 'Stikprøve på 10 sager: alle i orden',
      },
    });
  });

  it('measures review compliance: on time, late, and missed (past due, not reviewed), drafts and unscheduled reviews left out', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(pack.reviewCompliance).toMatchObject({
      dueCount: 4,
      onTimeCount: 2,
      lateCount: 1,
      missedCount: 1,
      share: 0.5,
    });
    expect(pack.reviewCompliance.exceptions.map((item) => [item.procedure.code, item.dueOn, item.result])).toEqual([
      ['VP-02', '2026-03-01', 'late'],
      ['VP-02', '2026-06-30', 'missed'],
    ]);
  });

  it('reports no share when nothing fell due', async () => {
    const pack = await assembleEvaluationPack(world({ store: { reviews: [], procedures: [] } }), { year: 2026 });
    expect(pack.reviewCompliance).toMatchObject({ dueCount: 0, share: null, exceptions: [] });
  });

  it('rates acknowledgements per major version published in the period, counting only those asked', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(
      pack.acknowledgements.versions.map((entry) => [
        entry.procedure.code,
        entry.versionLabel,
        entry.requested,
        entry.acknowledged,
      ]),
    ).toEqual([
      ['NM-01', '2.0', 3, 2],
      ['VP-02', '1.0', 1, 0],
    ]);
    expect(pack.acknowledgements.overall).toEqual({ requested: 4, acknowledged: 2, rate: 0.5 });
  });

  it('reports competence gaps through the competence rules: unmet requirements, single-person dependencies, expiring qualifications', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(pack.competenceGaps.gaps).toEqual([
      expect.objectContaining({
        competenceName: 'GIS-analyse',
        scopeLabel: 'Natur og Miljø',
        shortBy: 1,
        coverage: 'unmet',
      }),
    ]);
    expect(
      pack.competenceGaps.singlePersonDependencies.map((entry) => [entry.competenceName, entry.person.name]),
    ).toEqual([
      ['GIS-analyse', 'Ole Sørensen'],
      ['Kranbevis', 'Anne Ærø'],
    ]);
    expect(pack.competenceGaps.expiring).toEqual([
      {
        person: { id: 'p-anne', name: 'Anne Ærø' },
        competenceName: 'Kranbevis',
        validUntil: '2027-01-10',
        isExpired: false,
      },
    ]);
  });

  it('leaves quality goals as a section for a later issue', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    expect(pack.qualityGoals.status).toBe('not-available');
  });

  it('shows the survey rounds of the period, per case type, suppressing fewer than 5 respondents', async () => {
    // The period is 2025-11-21 – 2026-11-20: the rounds 2025 and 2026 overlap it, 2024 does not.
    const pack = await assembleEvaluationPack(world(), { year: 2026 });
    const { rounds } = pack.surveyResults;
    expect(rounds.map((round) => round.roundId)).toEqual(['2025', '2026']);
    const latest = rounds[1]!;
    expect(latest.all).toMatchObject({ isSuppressed: false, headline: { n: 7, satisfied: 6, share: 6 / 7 } });
    expect(latest.all.change).toBeCloseTo(6 / 7 - 2 / 6);
    expect(latest.caseTypes).toMatchObject([
      { caseType: 'Enfamiliehuse', isSuppressed: false, headline: { n: 5, satisfied: 5 } },
      { caseType: 'Husdyr', isSuppressed: true, headline: { n: 0, share: null } },
    ]);
    expect(latest.questions).toEqual([
      {
        questionId: 'samlet',
        wording: { da: 'Samlet', nb: 'Samlet', en: 'Overall' },
        n: 7,
        mean: 31 / 7,
        shareSatisfied: 6 / 7,
      },
    ]);
  });

  it('shows each goal with its value and colour over the evaluation period, not its last reading', async () => {
    const caseRecord = (caseId: string, decidedOn: string, targetDays: number): CaseRecord => ({
      id: `src:${caseId}`,
      sourceId: 'src',
      caseId,
      caseType: 'Enfamiliehuse',
      unitId: null,
      receivedOn: d('2026-01-01'),
      fullyInformedOn: d('2026-01-01'),
      decidedOn: d(decidedOn),
      pausedDays: 0,
      targetDays,
      exemptionReason: null,
      decisionType: null,
      importedAt: '2026-11-01T00:00:00.000Z',
    });
    const goal = (id: string, measurement: Goal['measurement'], periodTo = '2026-12-31'): Goal => ({
      id,
      title: `Mål ${id}`,
      description: '',
      clauses: ['6.2'],
      target: { direction: 'at-least', value: 95, unit: 'percent' },
      scope: { caseTypes: [], unitIds: [] },
      periodFrom: d('2025-01-01'),
      periodTo: d(periodTo),
      cadence: 'monthly',
      ownerId: 'p-ole',
      measurement,
      thresholds: { yellowWithinPoints: 5 },
      status: 'active',
      revisionMonth: 1,
      lastReading: { colour: 'green', value: 100, computedOn: d('2026-11-20'), redSince: null },
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      updatedBy: 'p-coord',
      etag: 1,
    });
    const pack = await assembleEvaluationPack(
      world({
        goals: [
          goal('cases', { kind: 'cases', metric: 'share-within-target' }),
          goal('entered', { kind: 'entered', values: [{ on: d('2026-03-01'), value: 88, note: '' }] }),
          goal('over', { kind: 'cases', metric: 'share-within-target' }, '2024-12-31'),
        ],
        // 9 of 10 within 30 days in the period; one decided before the period is left out.
        cases: [
          ...Array.from({ length: 9 }, (_, index) => caseRecord(`in-${index}`, '2026-01-20', 30)),
          caseRecord('late', '2026-03-01', 30),
          caseRecord('before', '2025-01-10', 1),
        ],
      }),
      { year: 2026 },
    );
    expect(pack.qualityGoals.status).toBe('available');
    if (pack.qualityGoals.status !== 'available') return;
    expect(pack.qualityGoals.goals.map((row) => row.id)).toEqual(['cases', 'entered']);
    expect(pack.qualityGoals.goals[0]).toMatchObject({
      value: 90,
      colour: 'yellow',
      owner: { id: 'p-ole', name: 'Ole Sørensen' },
      figures: { decided: 10, sharePercent: 90 },
    });
    expect(pack.qualityGoals.goals[1]).toMatchObject({ value: 88, colour: 'red', figures: null });
  });

  it('includes the evaluation record with names, decisions and the political treatment', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026, evaluationId: 'ev-2026' });
    expect(pack.evaluation).toMatchObject({
      heldOn: '2026-11-10',
      participants: [
        { id: 'p-coord', name: 'Kåre Kvalitet' },
        { id: 'p-ole', name: 'Ole Sørensen' },
      ],
      guests: ['Borgmester Åse Ødegård'],
      decisions: [{ id: 'dec-9', owner: { name: 'Anne Ærø' }, action: null }],
      committee: 'Teknik- og Miljøudvalget',
      committeeOn: '2026-12-05',
    });
  });

  it('gives the register’s figures of the period as they stood on the day the evaluation was held', async () => {
    const pack = await assembleEvaluationPack(world(), { year: 2026, evaluationId: 'ev-2026' });
    expect(pack.register).toEqual({
      status: 'available',
      period: { from: '2025-11-11', to: '2026-11-10' },
      asOf: '2026-11-10',
      total: 2,
      byKind: { praise: 0, complaint: 1, suggestion: 0, deviation: 1 },
      topRootCauses: [
        {
          key: 'rc-instruks',
          label: { da: 'Manglende instruks', nb: 'Manglende instruks', en: 'No instruction' },
          count: 2,
          share: 1,
          cumulativeShare: 1,
        },
      ],
      withRootCause: 2,
      // The deviation was answered after the meeting: on the day it was neither answered nor overdue.
      replyCompliance: { answerable: 2, answeredInTime: 0, answeredLate: 1, overdueUnanswered: 0, share: 0 },
      // The complaint from before the period (406 days) and the deviation, closed only after the meeting.
      openByAge: [
        { bucket: '0-7', count: 0 },
        { bucket: '8-30', count: 1 },
        { bucket: '31-90', count: 0 },
        { bucket: '91+', count: 1 },
      ],
      open: 2,
    });
    // Without a held evaluation the pack counts up to today: the suggestion and the deviation's answer count.
    const live = await assembleEvaluationPack(world(), { year: 2026 });
    expect(live.register).toMatchObject({
      total: 3,
      byKind: { suggestion: 1 },
      open: 2,
      replyCompliance: { answeredInTime: 1, answeredLate: 1 },
    });
  });

  it('refuses an unknown evaluation, one of another year, and a year out of range', async () => {
    await expect(assembleEvaluationPack(world(), { year: 2026, evaluationId: 'nope' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(assembleEvaluationPack(world(), { year: 2026, evaluationId: 'ev-2025' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(assembleEvaluationPack(world(), { year: 26.5 })).rejects.toBeInstanceOf(AppError);
  });
});

/** One survey with rounds 2024, 2025 and 2026 (an in-memory SurveyStore with only the reads the pack makes). */
function fakeSurveyStore(): SurveyStore {
  const wording = { da: 'Samlet', nb: 'Samlet', en: 'Overall' };
  const survey: Survey = {
    id: 's-1',
    title: { da: 'Tilfredshed', nb: 'Tilfredshet', en: 'Satisfaction' },
    intro: { da: '', nb: '', en: '' },
    questions: [
      {
        id: 'samlet',
        kind: 'scale',
        wording,
        scaleMax: 5,
        lowLabel: wording,
        highLabel: wording,
        satisfiedValues: [4, 5],
        isRequired: true,
      },
    ],
    headlineQuestionId: 'samlet',
    caseTypes: ['Enfamiliehuse', 'Husdyr'],
    rounds: ['2024', '2025', '2026'].map((year) => ({
      id: year,
      label: year,
      from: d(`${year}-01-01`),
      to: d(`${year}-12-31`),
    })),
    linkValidDays: 60,
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    updatedBy: 'p-coord',
    etag: 1,
  };
  let next = 0;
  const answer = (roundId: string, caseType: string, samlet: number): SurveyAnswer => ({
    id: `a-${next++}`,
    surveyId: 's-1',
    roundId,
    caseType,
    unitId: 'u-natur',
    source: 'import',
    values: { samlet },
  });
  const answers = [
    ...[5, 4, 2, 1, 2, 3].map((value) => answer('2025', 'Enfamiliehuse', value)),
    ...[5, 5, 4, 4, 5].map((value) => answer('2026', 'Enfamiliehuse', value)),
    ...[5, 3].map((value) => answer('2026', 'Husdyr', value)),
  ];
  const unused = () => Promise.reject(new Error('not used by the pack'));
  return {
    listSurveys: async () => [survey],
    getSurvey: async (id) => (id === survey.id ? survey : undefined),
    listAnswers: async (id) => answers.filter((each) => each.surveyId === id),
    issuedLinks: async () => [],
    saveSurvey: unused,
    linkedCaseIds: unused,
    insertLinks: unused,
    answerThroughLink: unused,
    findOpenLink: unused,
    importAnswers: unused,
  };
}
