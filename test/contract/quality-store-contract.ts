import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QualityChangeSet, QualityStore } from '../../functions/src/app/quality-ports.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import type {
  Audit,
  Certificate,
  CorrectiveAction,
  Finding,
  ManagementEvaluation,
  ProgrammeItem,
  YearWheelOccurrence,
} from '../../functions/src/core/quality-year-types.js';
import type { TrailEntry } from '../../functions/src/core/types.js';
import type { YearlyReportData } from '../../functions/src/core/yearly-report.js';
import {
  auditRecord,
  certificateRecord,
  correctiveActionRecord,
  findingRecord,
  managementEvaluationRecord,
  occurrenceRecord,
  yearlyReportRecord,
  programmeItemRecord,
} from '../../functions/src/records/index.js';
import { ensureNotLocked, frozenRecordOf, lockedRecordOf } from '../../functions/src/core/frozen-records.js';
import { sampleOf } from '../support/record-samples.js';

/**
 * The QualityStore port's behaviour, as every adapter must show it. Each test gets a fresh,
 * empty store; `trail()` reads the entries appended with procedureId null (the port has no
 * reader for them; each adapter reads its own trail table or list), oldest first.
 */

export type TrailWithoutSeq = Omit<TrailEntry, 'seq'>;
export type QualityStoreUnderTest = {
  store: QualityStore;
  trail(): Promise<TrailWithoutSeq[]>;
  close(): Promise<void>;
};

const d = (value: string) => value as LocalDate;
const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:30:00.000Z`;
const versioned = { etag: 1, createdAt: at(1), updatedAt: at(1), updatedBy: 'anne-birk' };
/** Longer than SharePoint's 255-character single line of text; stored in multi-line columns. */
const longText = 'Kommunen har dokumenteret tilsynet med særlig vægt på ændringer i år. '.repeat(60);

export function buildCertificate(overrides: Partial<Certificate> = {}): Certificate {
  return sampleOf(certificateRecord, {
    id: 'cert-1',
    body: 'DS Certificering',
    standard: 'ISO 9001:2015',
    scope: 'Teknik og Miljø: myndighedsbehandling inden for byggeri, miljø og natur – Ærø og Søllerød',
    certificateNumber: 'DS-9001-1234',
    issuedOn: d('2024-05-01'),
    expiresOn: d('2027-04-30'),
    cycleYears: 3,
    isActive: true,
    ...versioned,
    ...overrides,
  });
}

export function buildProgrammeItem(overrides: Partial<ProgrammeItem> = {}): ProgrammeItem {
  return sampleOf(programmeItemRecord, {
    id: 'pi-1',
    subject: { kind: 'process', area: 'Miljøtilsyn' },
    title: 'Miljøtilsyn',
    importance: 3,
    clauses: ['8.1', '8.5.1'],
    unitId: 'u-miljo',
    changedOn: d('2026-02-01'),
    ...versioned,
    ...overrides,
  });
}

export function buildAudit(overrides: Partial<Audit> = {}): Audit {
  return sampleOf(auditRecord, {
    id: 'audit-1',
    kind: 'internal',
    year: 2026,
    title: 'Intern audit: Miljøtilsyn',
    programmeItemId: 'pi-1',
    unitId: 'u-miljo',
    clauses: ['7.5.3', '8.5.1'],
    procedureIds: ['p-1', 'p-2'],
    scope: longText,
    criteria: 'ISO 9001:2015 afsnit 7.5 og 8.5; håndbogens procedurer; miljøbeskyttelsesloven',
    auditorIds: ['peter-lund', 'kirsten-aa'],
    plannedOn: d('2026-04-15'),
    status: 'reported',
    checklist: [
      {
        id: 'cl-1',
        clause: '7.5.3',
        procedureId: null,
        question: 'Er gældende udgaver tilgængelige, hvor de bruges?',
        result: 'conform',
        note: 'Stikprøve på 5 sager – alle med gældende udgave.',
      },
      {
        id: 'cl-2',
        clause: null,
        procedureId: 'p-2',
        question: 'Følges proceduren for lovliggørelse?',
        result: 'major',
        note: longText,
      },
    ],
    report: {
      summary: 'Auditten fandt én større afvigelse.',
      conclusion: 'Systemet er delvist effektivt; handling påkrævet før næste opfølgning.',
      reportedOn: d('2026-04-20'),
      reportedBy: 'peter-lund',
    },
    ...versioned,
    ...overrides,
  });
}

export function buildFinding(overrides: Partial<Finding> = {}): Finding {
  return sampleOf(findingRecord, {
    id: 'f-1',
    auditId: 'audit-1',
    grade: 'major',
    clause: '8.5.1',
    procedureId: 'p-2',
    unitId: 'u-byg',
    description: longText,
    foundOn: d('2026-04-15'),
    correctiveActionId: 'ca-1',
    ...versioned,
    ...overrides,
  });
}

export function buildAction(overrides: Partial<CorrectiveAction> = {}): CorrectiveAction {
  return sampleOf(correctiveActionRecord, {
    id: 'ca-1',
    title: 'Lovliggørelse: sagsgang følges ikke',
    source: { kind: 'finding', findingId: 'f-1' },
    unitId: 'u-byg',
    correction: 'De tre sager er genåbnet og behandlet efter proceduren.',
    rootCause: 'Nye medarbejdere kendte ikke proceduren; ingen oplæring.',
    plan: 'Oplæring af alle sagsbehandlere; kvittering for læst og forstået.',
    ownerId: 'anne-birk',
    dueOn: d('2026-06-01'),
    status: 'planned',
    implementedOn: d('2026-05-20'),
    implementedBy: 'karen-holt',
    involvedIds: ['mette-kjær', 'anne-birk', 'karen-holt'],
    effectivenessChecks: [
      { checkedOn: d('2026-05-25'), checkedBy: 'peter-lund', isEffective: false, note: 'Én sag afveg stadig.' },
      { checkedOn: d('2026-06-10'), checkedBy: 'peter-lund', isEffective: true, note: 'Ti af ti sager korrekte.' },
    ],
    closedOn: d('2026-06-10'),
    ...versioned,
    ...overrides,
  });
}

export function buildEvaluation(overrides: Partial<ManagementEvaluation> = {}): ManagementEvaluation {
  return sampleOf(managementEvaluationRecord, {
    id: 'me-2026',
    year: 2026,
    plannedOn: d('2026-11-10'),
    heldOn: d('2026-11-12'),
    status: 'published',
    participantIds: ['anne-birk', 'peter-lund'],
    guests: ['Søren Ærbødig (DS Certificering)'],
    conclusions: longText,
    decisions: [
      {
        id: 'dec-1',
        text: 'Oplæring i dokumentstyring for alle nye',
        ownerId: 'anne-birk',
        dueOn: d('2027-02-01'),
        actionId: 'ca-9',
      },
      { id: 'dec-2', text: 'Tilfredshedsundersøgelse i foråret', ownerId: null, dueOn: null, actionId: null },
    ],
    committee: 'Teknik- og Miljøudvalget',
    committeeOn: d('2026-12-03'),
    publishedOn: d('2026-12-10'),
    ...versioned,
    ...overrides,
  });
}

export function buildOccurrence(overrides: Partial<YearWheelOccurrence> = {}): YearWheelOccurrence {
  return sampleOf(occurrenceRecord, {
    id: 'occ-1',
    kind: 'surveillance-audit',
    title: 'Opfølgningsaudit (DS Certificering)',
    dueOn: d('2026-05-01'),
    ownerId: 'anne-birk',
    origin: { kind: 'certificate', certificateId: 'cert-1', cycleIndex: 2 },
    completedOn: d('2026-05-02'),
    isEdited: true,
    note: 'Flyttet en dag – auditor syg.',
    ...versioned,
    ...overrides,
  });
}

const trailEntry = (action: string, subjectId: string): TrailWithoutSeq => ({
  at: at(2),
  actorId: 'anne-birk',
  action,
  procedureId: null,
  subjectId,
  summary: `${action} – æøå`,
  details: { subjectId, n: 1 },
});

const reportContent: YearlyReportData = {
  year: 2026,
  organisationName: 'Eksempel Kommune · Teknik og Miljø',
  asOf: d('2026-12-10'),
  structure: [{ level: 'core', areas: [{ area: 'Byggesager', procedures: [] }] }],
  policy: { text: { da: 'Vi træffer rigtige afgørelser – æøå.' }, adoptedBy: 'Byrådet', adoptedOn: d('2026-02-01') },
  goals: [],
  surveys: [],
  audits: [],
  certificate: {
    body: 'DS Certificering',
    standard: 'ISO 9001:2015',
    scope: 'Natur og miljø',
    certificateNumber: 'DS-1',
    issuedOn: d('2025-05-01'),
    expiresOn: d('2028-04-30'),
  },
  evaluation: null,
};

/** Everything the store holds, read through the port. */
async function snapshot(store: QualityStore) {
  return {
    certificates: await store.listCertificates(),
    programmeItems: await store.listProgrammeItems(),
    audits: await store.listAudits(),
    findings: await store.listFindings(),
    correctiveActions: await store.listCorrectiveActions(),
    managementEvaluations: await store.listManagementEvaluations(),
    occurrences: await store.listOccurrences(),
    frozenRecords: [
      ...(await store.listFrozenRecords('management-evaluation')),
      ...(await store.listFrozenRecords('audit')),
    ],
    yearlyReports: await store.listYearlyReports(),
  };
}

/** An evaluation pack's snapshot of at least `size` characters of JSON: many actions with Danish text. */
export function buildLargePack(size: number, note = 'Uændret'): Record<string, unknown> {
  const actions: Record<string, unknown>[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const action = {
      id: `ca-${index}`,
      title: `Korrigerende handling ${index}: tilsynet med søer og vandløb – æøå`,
      status: index % 3 === 0 ? 'closed' : 'planned',
      dueOn: '2026-03-01',
      note: `${note} "citat" \\ linje\nto`,
    };
    actions.push(action);
    length += JSON.stringify(action).length + 1;
  }
  return { kind: 'management-evaluation', asOf: '2026-03-12', actions, figures: { open: actions.length } };
}

export function describeQualityStoreContract(name: string, open: () => Promise<QualityStoreUnderTest>): void {
  describe(`QualityStore contract: ${name}`, () => {
    let subject: QualityStoreUnderTest;
    let store: QualityStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.close());

    it('round-trips every record type with every field: nested lists, nulls, Danish characters, long text', async () => {
      const full: Required<Omit<QualityChangeSet, 'expect' | 'deleteOccurrenceIds' | 'trail'>> = {
        certificates: [
          buildCertificate(),
          buildCertificate({ id: 'cert-0', issuedOn: d('2021-05-01'), cycleYears: 4, isActive: false }),
        ],
        programmeItems: [
          buildProgrammeItem(),
          buildProgrammeItem({
            id: 'pi-2',
            subject: { kind: 'clause', clause: '9.2' },
            title: 'Intern audit',
            importance: 1,
            clauses: [],
            unitId: null,
            changedOn: null,
          }),
          buildProgrammeItem({
            id: 'pi-3',
            subject: { kind: 'unit', unitId: 'u-byg' },
            title: 'Byggeri',
            importance: 2,
          }),
        ],
        audits: [
          buildAudit(),
          buildAudit({
            id: 'audit-2',
            kind: 'surveillance',
            title: 'Opfølgningsaudit',
            programmeItemId: null,
            certificateId: 'cert-1',
            unitId: null,
            clauses: [],
            procedureIds: [],
            scope: '',
            auditorIds: [],
            externalAuditors: ['Lene Øster (DS Certificering)'],
            plannedOn: d('2026-05-01'),
            status: 'planned',
            checklist: [],
            report: null,
          }),
        ],
        findings: [
          buildFinding(),
          buildFinding({
            id: 'f-2',
            grade: 'strong-point',
            clause: null,
            procedureId: null,
            unitId: null,
            description: '',
            correctiveActionId: null,
          }),
        ],
        correctiveActions: [
          buildAction(),
          buildAction({
            id: 'ca-2',
            title: 'Fra ledelsens evaluering',
            source: { kind: 'management-decision', evaluationId: 'me-2026', decisionId: 'dec-1' },
            unitId: null,
            correction: null,
            rootCause: null,
            plan: null,
            ownerId: null,
            dueOn: null,
            status: 'open',
            implementedOn: null,
            implementedBy: null,
            involvedIds: [],
            effectivenessChecks: [],
            closedOn: null,
          }),
          buildAction({ id: 'ca-3', source: { kind: 'other' }, title: 'Andet' }),
          buildAction({ id: 'ca-4', source: { kind: 'feedback', feedbackId: 'fb-1' }, title: 'Klage' }),
        ],
        managementEvaluations: [
          buildEvaluation(),
          buildEvaluation({
            id: 'me-2027',
            year: 2027,
            plannedOn: d('2027-11-10'),
            heldOn: null,
            status: 'planned',
            participantIds: [],
            guests: [],
            conclusions: '',
            decisions: [],
            committee: null,
            committeeOn: null,
            publishedOn: null,
          }),
        ],
        occurrences: [
          buildOccurrence(),
          buildOccurrence({
            id: 'occ-2',
            kind: 'internal-audit',
            origin: { kind: 'audit', auditId: 'audit-1' },
            dueOn: d('2026-04-15'),
            completedOn: null,
            isEdited: false,
            note: '',
          }),
          buildOccurrence({
            id: 'occ-3',
            kind: 'management-evaluation',
            origin: { kind: 'evaluation', evaluationId: 'me-2026' },
            dueOn: d('2026-11-10'),
          }),
          buildOccurrence({
            id: 'occ-4',
            kind: 'satisfaction-survey',
            origin: { kind: 'recurring', key: 'survey:2026' },
            dueOn: d('2026-03-01'),
          }),
          buildOccurrence({ id: 'occ-5', kind: 'other', origin: { kind: 'manual' }, dueOn: d('2026-08-01') }),
        ],
        frozenRecords: [
          {
            id: 'management-evaluation:me-2026',
            subjectKind: 'management-evaluation',
            subjectId: 'me-2026',
            asOf: d('2026-03-12'),
            frozenAt: '2026-03-12T14:00:00.000Z',
            frozenBy: 'p-coordinator',
            lockedAt: '2026-04-30T08:00:00.000Z',
            payload: { figures: { open: 3, rate: 0.75 }, note: 'Æblegrød på østersø — åben' },
            correctsId: null,
            correctionReason: null,
            correctedById: 'me-2026b',
            etag: 2,
            createdAt: '2026-03-12T14:00:00.000Z',
            updatedAt: '2026-04-30T08:00:00.000Z',
            updatedBy: 'p-coordinator',
          },
          {
            id: 'audit:audit-2',
            subjectKind: 'audit',
            subjectId: 'audit-2',
            asOf: d('2026-05-02'),
            frozenAt: '2026-05-02T10:00:00.000Z',
            frozenBy: 'p-coordinator',
            lockedAt: null,
            payload: [],
            correctsId: 'audit-1',
            correctionReason: 'Forkert konklusion',
            correctedById: null,
            etag: 1,
            createdAt: '2026-05-02T10:00:00.000Z',
            updatedAt: '2026-05-02T10:00:00.000Z',
            updatedBy: 'p-coordinator',
          },
        ],
        yearlyReports: [
          sampleOf(yearlyReportRecord, {
            id: 'yearly-report-2026-r1',
            year: 2026,
            revision: 1,
            content: reportContent,
            publishedOn: d('2026-12-10'),
            correctionReason: null,
            ...versioned,
          }),
          sampleOf(yearlyReportRecord, {
            id: 'yearly-report-2026-r2',
            year: 2026,
            revision: 2,
            content: { ...reportContent, certificate: null },
            publishedOn: d('2026-12-11'),
            correctionReason: 'Forkert certifikatnummer – rettet (æøå).',
            ...versioned,
          }),
        ],
      };
      await store.commit(full);

      const stored = await snapshot(store);
      const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
      for (const collection of Object.keys(full) as (keyof typeof full)[])
        expect(byId(stored[collection] as { id: string }[]), collection).toEqual(
          byId(full[collection] as { id: string }[]),
        );
      expect(await store.getAudit('audit-2')).toEqual(full.audits[1]);
      expect(await store.getCorrectiveAction('ca-2')).toEqual(full.correctiveActions[1]);
      expect(await store.getManagementEvaluation('me-2026')).toEqual(full.managementEvaluations[0]);
      expect(await store.getAudit('nope')).toBeUndefined();
      expect(await store.getCorrectiveAction('nope')).toBeUndefined();
      expect(await store.getManagementEvaluation('nope')).toBeUndefined();
      expect(await store.getFrozenRecord('audit', 'audit-2')).toEqual(full.frozenRecords[1]);
      expect(await store.getFrozenRecord('audit', 'me-2026')).toBeUndefined();
    });

    it('keeps its search stamp until a commit moves it', async () => {
      const before = await store.searchStamp();
      expect(await store.searchStamp()).toBe(before);
      await store.listCorrectiveActions();
      expect(await store.searchStamp()).toBe(before);
      await store.commit({ correctiveActions: [buildAction()] });
      expect(await store.searchStamp()).not.toBe(before);
    });

    it('upserts by id: a second write of a record replaces it, a new id adds one', async () => {
      await store.commit({ correctiveActions: [buildAction()], occurrences: [buildOccurrence()] });
      const changed = buildAction({
        status: 'closed',
        plan: 'Ny plan – æøå',
        implementedBy: null,
        involvedIds: ['anne-birk', 'sofie-dahl'],
        effectivenessChecks: [],
        etag: 2,
        updatedAt: at(5),
        updatedBy: 'peter-lund',
      });
      await store.commit({ correctiveActions: [changed, buildAction({ id: 'ca-2', title: 'Anden' })] });
      expect(await store.listCorrectiveActions()).toEqual([buildAction({ id: 'ca-2', title: 'Anden' }), changed]);
      expect(await store.getCorrectiveAction('ca-1')).toEqual(changed);
      expect(await store.listOccurrences()).toEqual([buildOccurrence()]);
    });

    it('lists in the documented orders, with the documented filters', async () => {
      await store.commit({
        certificates: [
          buildCertificate({ id: 'c-old', issuedOn: d('2018-05-01') }),
          buildCertificate({ id: 'c-new', issuedOn: d('2024-05-01') }),
          buildCertificate({ id: 'c-mid', issuedOn: d('2021-05-01') }),
        ],
        programmeItems: [
          buildProgrammeItem({ id: 'pi-a', title: 'Økonomi' }),
          buildProgrammeItem({ id: 'pi-b', title: 'Byggeri' }),
          buildProgrammeItem({ id: 'pi-c', title: 'Affald' }),
        ],
        audits: [
          buildAudit({ id: 'a-1', year: 2026, plannedOn: d('2026-09-01'), title: 'B' }),
          buildAudit({ id: 'a-2', year: 2026, plannedOn: d('2026-03-01'), title: 'Z' }),
          buildAudit({ id: 'a-3', year: 2026, plannedOn: d('2026-09-01'), title: 'A' }),
          buildAudit({ id: 'a-4', year: 2025, plannedOn: d('2025-10-01'), title: 'A' }),
        ],
        findings: [
          buildFinding({ id: 'f-1', auditId: 'a-1', foundOn: d('2026-09-02'), grade: 'observation' }),
          buildFinding({ id: 'f-2', auditId: 'a-1', foundOn: d('2026-09-01'), grade: 'strong-point' }),
          buildFinding({ id: 'f-3', auditId: 'a-1', foundOn: d('2026-09-01'), grade: 'major' }),
          buildFinding({ id: 'f-4', auditId: 'a-1', foundOn: d('2026-09-01'), grade: 'improvement' }),
          buildFinding({ id: 'f-5', auditId: 'a-1', foundOn: d('2026-09-01'), grade: 'minor' }),
          buildFinding({ id: 'f-6', auditId: 'a-2', foundOn: d('2026-03-01'), grade: 'minor' }),
        ],
        correctiveActions: [
          buildAction({ id: 'ca-1', dueOn: null, title: 'A uden frist' }),
          buildAction({ id: 'ca-2', dueOn: d('2026-06-01'), title: 'B' }),
          buildAction({ id: 'ca-3', dueOn: d('2026-05-01'), title: 'Z' }),
          buildAction({ id: 'ca-4', dueOn: d('2026-06-01'), title: 'A' }),
          buildAction({ id: 'ca-5', dueOn: null, title: 'Å uden frist' }),
        ],
        managementEvaluations: [
          buildEvaluation({ id: 'me-a', year: 2025 }),
          buildEvaluation({ id: 'me-b', year: 2027 }),
          buildEvaluation({ id: 'me-c', year: 2026 }),
        ],
        occurrences: [
          buildOccurrence({ id: 'o-1', dueOn: d('2026-05-01'), title: 'B' }),
          buildOccurrence({ id: 'o-2', dueOn: d('2026-01-01'), title: 'Z' }),
          buildOccurrence({ id: 'o-3', dueOn: d('2026-05-01'), title: 'A' }),
          buildOccurrence({ id: 'o-4', dueOn: d('2026-12-31'), title: 'A' }),
          buildOccurrence({ id: 'o-5', dueOn: d('2027-01-01'), title: 'A' }),
          buildOccurrence({ id: 'o-6', dueOn: d('2025-12-31'), title: 'A' }),
        ],
      });
      const ids = (records: { id: string }[]) => records.map((record) => record.id);
      expect(ids(await store.listCertificates())).toEqual(['c-new', 'c-mid', 'c-old']);
      expect(ids(await store.listProgrammeItems())).toEqual(['pi-c', 'pi-b', 'pi-a']);
      expect(ids(await store.listAudits())).toEqual(['a-4', 'a-2', 'a-3', 'a-1']);
      expect(ids(await store.listAudits({ year: 2026 }))).toEqual(['a-2', 'a-3', 'a-1']);
      expect(ids(await store.listAudits({ year: 2024 }))).toEqual([]);
      expect(ids(await store.listFindings())).toEqual(['f-6', 'f-3', 'f-5', 'f-4', 'f-2', 'f-1']);
      expect(ids(await store.listFindings({ auditId: 'a-1' }))).toEqual(['f-3', 'f-5', 'f-4', 'f-2', 'f-1']);
      expect(ids(await store.listFindings({ auditId: 'a-9' }))).toEqual([]);
      expect(ids(await store.listCorrectiveActions())).toEqual(['ca-3', 'ca-4', 'ca-2', 'ca-1', 'ca-5']);
      expect(ids(await store.listManagementEvaluations())).toEqual(['me-b', 'me-c', 'me-a']);
      expect(ids(await store.listOccurrences())).toEqual(['o-6', 'o-2', 'o-3', 'o-1', 'o-4', 'o-5']);
      expect(ids(await store.listOccurrences({ from: d('2026-01-01'), to: d('2026-12-31') }))).toEqual([
        'o-2',
        'o-3',
        'o-1',
        'o-4',
      ]);
      expect(ids(await store.listOccurrences({ from: d('2026-05-01') }))).toEqual(['o-3', 'o-1', 'o-4', 'o-5']);
      expect(ids(await store.listOccurrences({ to: d('2026-01-01') }))).toEqual(['o-6', 'o-2']);
      expect(ids(await store.listOccurrences({ from: d('2026-05-02'), to: d('2026-12-30') }))).toEqual([]);
    });

    it('writes when every expectation holds, and appends the trail entries in order', async () => {
      await store.commit({ findings: [buildFinding({ correctiveActionId: null })] });
      await store.commit({
        expect: [
          { collection: 'findings', id: 'f-1', etag: 1 },
          { collection: 'correctiveActions', id: 'ca-1', etag: 0 },
        ],
        findings: [buildFinding({ etag: 2 })],
        correctiveActions: [buildAction()],
        trail: [trailEntry('action.created', 'ca-1'), trailEntry('finding.linked', 'f-1')],
      });
      expect(await store.listFindings()).toEqual([buildFinding({ etag: 2 })]);
      expect(await store.getCorrectiveAction('ca-1')).toEqual(buildAction());
      expect(await subject.trail()).toEqual([
        trailEntry('action.created', 'ca-1'),
        trailEntry('finding.linked', 'f-1'),
      ]);
    });

    it('an expectation fences the write even when the expected record itself is not written', async () => {
      await store.commit({ audits: [buildAudit()] });
      await store.commit({ expect: [{ collection: 'audits', id: 'audit-1', etag: 1 }], findings: [buildFinding()] });
      expect(await store.listFindings()).toEqual([buildFinding()]);
      expect(await store.getAudit('audit-1')).toEqual(buildAudit());
      await expect(
        store.commit({
          expect: [{ collection: 'audits', id: 'audit-1', etag: 7 }],
          findings: [buildFinding({ id: 'f-2' })],
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await store.listFindings()).toEqual([buildFinding()]);
    });

    it('refuses a stale write with CONFLICT naming the stored version, and changes nothing', async () => {
      await store.commit({
        correctiveActions: [buildAction({ etag: 3, updatedBy: 'peter-lund', updatedAt: at(4) })],
        occurrences: [buildOccurrence()],
      });
      const before = { ...(await snapshot(store)), trail: await subject.trail() };
      const error = await store
        .commit({
          expect: [{ collection: 'correctiveActions', id: 'ca-1', etag: 2 }],
          correctiveActions: [buildAction({ status: 'closed', etag: 3 })],
          occurrences: [buildOccurrence({ id: 'occ-2' }), buildOccurrence({ title: 'Ændret' })],
          certificates: [buildCertificate()],
          deleteOccurrenceIds: ['occ-1'],
          trail: [trailEntry('action.closed', 'ca-1')],
        })
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'correctiveActions', id: 'ca-1', etag: 3, updatedBy: 'peter-lund', updatedAt: at(4) },
      });
      expect({ ...(await snapshot(store)), trail: await subject.trail() }).toEqual(before);
    });

    it('refuses the whole ChangeSet when one of several expectations fails', async () => {
      await store.commit({ audits: [buildAudit()], findings: [buildFinding()], correctiveActions: [buildAction()] });
      const before = { ...(await snapshot(store)), trail: await subject.trail() };
      for (const stale of [
        { collection: 'findings' as const, id: 'f-1', etag: 5 },
        { collection: 'correctiveActions' as const, id: 'ca-2', etag: 1 },
      ]) {
        const error = await store
          .commit({
            expect: [
              { collection: 'audits', id: 'audit-1', etag: 1 },
              stale,
              { collection: 'correctiveActions', id: 'ca-1', etag: 1 },
            ],
            audits: [buildAudit({ status: 'cancelled', etag: 2 })],
            findings: [buildFinding({ grade: 'minor', etag: stale.etag + 1 })],
            correctiveActions: [buildAction({ status: 'closed', etag: 2 }), buildAction({ id: 'ca-2', etag: 2 })],
            trail: [trailEntry('audit.cancelled', 'audit-1')],
          })
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ code: 'CONFLICT', details: { collection: stale.collection, id: stale.id } });
        expect({ ...(await snapshot(store)), trail: await subject.trail() }).toEqual(before);
      }
    });

    it('etag 0 means "must not exist yet": a second create is refused, and a missing record has etag 0', async () => {
      await store.commit({
        expect: [{ collection: 'managementEvaluations', id: 'me-2026', etag: 0 }],
        managementEvaluations: [buildEvaluation()],
      });
      expect(await store.listManagementEvaluations()).toEqual([buildEvaluation()]);
      await expect(
        store.commit({
          expect: [{ collection: 'managementEvaluations', id: 'me-2026', etag: 0 }],
          managementEvaluations: [buildEvaluation({ conclusions: 'Overskrevet' })],
        }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        details: {
          collection: 'managementEvaluations',
          id: 'me-2026',
          etag: 1,
          updatedBy: 'anne-birk',
          updatedAt: at(1),
        },
      });
      expect(await store.listManagementEvaluations()).toEqual([buildEvaluation()]);
      await expect(
        store.commit({
          expect: [{ collection: 'programmeItems', id: 'pi-9', etag: 1 }],
          programmeItems: [buildProgrammeItem({ id: 'pi-9', etag: 2 })],
        }),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'programmeItems', id: 'pi-9', etag: 0, updatedBy: null, updatedAt: null },
      });
      expect(await store.listProgrammeItems()).toEqual([]);
    });

    it('keeps a frozen pack of more than 200 KB as it was, through its lock: equal on every read, no stale write', async () => {
      const payload = buildLargePack(250_000);
      const frozen = frozenRecordOf('management-evaluation', 'me-2026', {
        asOf: d('2026-03-12'),
        payload,
        at: at(12),
        by: 'mette-kjaer',
      });
      await store.commit({
        expect: [{ collection: 'frozenRecords', id: frozen.id, etag: 0 }],
        frozenRecords: [frozen],
      });
      expect(await store.getFrozenRecord('management-evaluation', 'me-2026')).toEqual(frozen);
      const locked = lockedRecordOf(frozen, { at: at(20), by: 'mette-kjaer' });
      await store.commit({
        expect: [{ collection: 'frozenRecords', id: frozen.id, etag: 1 }],
        frozenRecords: [locked],
      });
      const read = await store.getFrozenRecord('management-evaluation', 'me-2026');
      expect(read).toEqual(locked);
      expect(read!.payload).toEqual(payload);
      expect(await store.listFrozenRecords('management-evaluation')).toEqual([locked]);
      expect(() => ensureNotLocked(read, 'edit')).toThrow(expect.objectContaining({ code: 'RECORD_LOCKED' }));
      // A writer that read the snapshot before the lock cannot replace it.
      await expect(
        store.commit({
          expect: [{ collection: 'frozenRecords', id: frozen.id, etag: 1 }],
          frozenRecords: [{ ...frozen, payload: buildLargePack(210_000, 'Ændret'), etag: 2 }],
        }),
      ).rejects.toMatchObject({ code: 'CONFLICT', details: { collection: 'frozenRecords', etag: 2 } });
      expect(await store.getFrozenRecord('management-evaluation', 'me-2026')).toEqual(locked);
    });

    it('keeps a published yearly report of more than 200 KB as it was', async () => {
      const pack = buildLargePack(220_000);
      const report = sampleOf(yearlyReportRecord, {
        id: 'yearly-report-2026-r1',
        year: 2026,
        revision: 1,
        content: { ...reportContent, goals: pack['actions'] as YearlyReportData['goals'] },
        publishedOn: d('2026-12-10'),
        correctionReason: null,
        ...versioned,
      });
      expect(JSON.stringify(report.content).length).toBeGreaterThan(200_000);
      await store.commit({
        expect: [{ collection: 'yearlyReports', id: report.id, etag: 0 }],
        yearlyReports: [report],
      });
      expect(await store.listYearlyReports()).toEqual([report]);
    });

    it('removes the occurrences named in deleteOccurrenceIds, and ignores ids it does not hold', async () => {
      await store.commit({
        occurrences: [
          buildOccurrence({ id: 'o-1', dueOn: d('2026-02-01') }),
          buildOccurrence({ id: 'o-2', dueOn: d('2026-03-01'), origin: { kind: 'manual' } }),
          buildOccurrence({ id: 'o-3', dueOn: d('2026-04-01'), origin: { kind: 'manual' } }),
        ],
      });
      await store.commit({
        expect: [{ collection: 'occurrences', id: 'o-3', etag: 1 }],
        deleteOccurrenceIds: ['o-2', 'o-3', 'o-unknown'],
        occurrences: [buildOccurrence({ id: 'o-4', dueOn: d('2026-05-01') })],
        trail: [trailEntry('occurrence.deleted', 'o-2')],
      });
      expect((await store.listOccurrences()).map((occurrence) => occurrence.id)).toEqual(['o-1', 'o-4']);
      expect(await subject.trail()).toEqual([trailEntry('occurrence.deleted', 'o-2')]);
    });
  });
}
