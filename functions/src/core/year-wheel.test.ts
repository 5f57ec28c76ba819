import { describe, expect, it } from 'vitest';
import { expiryFor } from './certification-cycle.js';
import { addDays, asLocalDate } from './local-date.js';
import type { Audit, Certificate, ManagementEvaluation, YearWheelOccurrence } from './quality-year-types.js';
import {
  defaultRecurringActivities,
  generateOccurrences,
  occurrenceRemindersDue,
  originKey,
  recurringDate,
  type YearWheelInput,
} from './year-wheel.js';

const d = asLocalDate;
const versioned = {
  etag: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'x',
};

function buildAudit(overrides: Partial<Audit> = {}): Audit {
  return {
    ...versioned,
    id: 'au1',
    kind: 'internal',
    year: 2027,
    title: 'Byggesagsbehandling',
    programmeItemId: 'p1',
    certificateId: null,
    unitId: 'byg',
    clauses: ['8.5'],
    procedureIds: [],
    scope: '',
    criteria: '',
    auditorIds: ['signe'],
    externalAuditors: [],
    plannedOn: d('2027-03-10'),
    status: 'planned',
    checklist: [],
    report: null,
    ...overrides,
  };
}

function buildCertificate(overrides: Partial<Certificate> = {}): Certificate {
  const issuedOn = d('2026-03-15');
  return {
    ...versioned,
    id: 'c1',
    body: 'DS Certificering',
    standard: 'ISO 9001:2015',
    scope: 'Teknik og Miljø',
    certificateNumber: 'DS-123',
    issuedOn,
    expiresOn: expiryFor(issuedOn, 3),
    cycleYears: 3,
    isActive: true,
    ...overrides,
  };
}

function buildEvaluation(overrides: Partial<ManagementEvaluation> = {}): ManagementEvaluation {
  return {
    ...versioned,
    id: 'e1',
    year: 2027,
    plannedOn: d('2027-02-20'),
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

function input(overrides: Partial<YearWheelInput> = {}): YearWheelInput {
  let next = 0;
  return {
    year: 2027,
    audits: [buildAudit()],
    certificates: [buildCertificate()],
    evaluations: [],
    recurring: defaultRecurringActivities,
    defaultOwnerId: 'kvalitet',
    existing: [],
    now: '2026-12-01T08:00:00.000Z',
    actorId: 'kvalitet',
    ids: () => `o${++next}`,
    ...overrides,
  };
}

const summary = (occurrences: YearWheelOccurrence[]) =>
  occurrences.map((occurrence) => [occurrence.kind, occurrence.dueOn, occurrence.title, occurrence.ownerId]);

describe('generateOccurrences: a first run', () => {
  it('creates one occurrence per audit, certifier audit in the year, the evaluation default and each recurring activity', () => {
    const result = generateOccurrences(input());
    expect(summary(result.upserts)).toEqual([
      ['internal-audit', '2027-03-10', 'Intern audit: Byggesagsbehandling', 'signe'],
      ['surveillance-audit', '2027-03-15', 'Overvågningsaudit 1 (DS Certificering)', 'kvalitet'],
      ['management-evaluation', '2027-02-15', 'Ledelsens evaluering', 'kvalitet'],
      ['yearly-publication', '2027-04-30', 'Offentliggørelse af kvalitetsrapporten', 'kvalitet'],
      ['satisfaction-survey', '2027-09-30', 'Tilfredshedsundersøgelse', 'kvalitet'],
      ['goal-revision', '2027-11-15', 'Revision af kvalitetsmål', 'kvalitet'],
    ]);
    expect(result.upserts.map((occurrence) => originKey(occurrence.origin))).toEqual([
      'audit:au1',
      'certificate:c1:1',
      'recurring:management-evaluation/2027',
      'recurring:yearly-publication/2027',
      'recurring:satisfaction-survey/2027',
      'recurring:goal-revision/2027',
    ]);
    expect(result.upserts[0]).toMatchObject({
      id: 'o1',
      etag: 1,
      createdAt: '2026-12-01T08:00:00.000Z',
      updatedBy: 'kvalitet',
      completedOn: null,
      isEdited: false,
      note: '',
    });
    expect(result.unchanged).toEqual([]);
    expect(result.orphans).toEqual([]);
  });

  it('leaves out cancelled audits, other years, certifier audits and inactive certificates', () => {
    const result = generateOccurrences(
      input({
        audits: [
          buildAudit({ id: 'cancelled', status: 'cancelled' }),
          buildAudit({ id: 'other-year', year: 2026 }),
          buildAudit({ id: 'surv', kind: 'surveillance', certificateId: 'c1' }),
        ],
        certificates: [buildCertificate({ isActive: false })],
        recurring: [],
      }),
    );
    expect(result.upserts).toEqual([]);
  });

  it('uses a recorded certifier audit date, and the recertification in its year', () => {
    const certificate = buildCertificate({ issuedOn: d('2025-03-15'), expiresOn: d('2028-03-14') });
    const recorded = buildAudit({
      id: 'surv2',
      kind: 'surveillance',
      certificateId: 'c1',
      plannedOn: d('2027-02-02'),
      programmeItemId: null,
    });
    const result = generateOccurrences(input({ audits: [recorded], certificates: [certificate], recurring: [] }));
    expect(summary(result.upserts)).toEqual([
      ['surveillance-audit', '2027-02-02', 'Overvågningsaudit 2 (DS Certificering)', 'kvalitet'],
      ['recertification-audit', '2027-12-14', 'Recertificeringsaudit (DS Certificering)', 'kvalitet'],
    ]);
  });

  it('uses a planned management evaluation instead of the recurring default', () => {
    const result = generateOccurrences(input({ audits: [], certificates: [], evaluations: [buildEvaluation()] }));
    expect(result.upserts.filter((occurrence) => occurrence.kind === 'management-evaluation')).toMatchObject([
      { dueOn: '2027-02-20', title: 'Ledelsens evaluering 2027', origin: { kind: 'evaluation', evaluationId: 'e1' } },
    ]);
  });

  it('writes titles in another language on request, and an audit without auditors goes to the default owner', () => {
    const result = generateOccurrences(
      input({ audits: [buildAudit({ auditorIds: [] })], recurring: [], locale: 'en' }),
    );
    expect(summary(result.upserts)).toEqual([
      ['internal-audit', '2027-03-10', 'Internal audit: Byggesagsbehandling', 'kvalitet'],
      ['surveillance-audit', '2027-03-15', 'Surveillance audit 1 (DS Certificering)', 'kvalitet'],
    ]);
  });

  it('marks an occurrence completed when its source is done', () => {
    const reported = buildAudit({
      status: 'reported',
      report: { summary: '', conclusion: '', reportedOn: d('2027-03-12'), reportedBy: 'signe' },
    });
    const held = buildEvaluation({ status: 'held', heldOn: d('2027-02-21') });
    const result = generateOccurrences(
      input({ audits: [reported], certificates: [], evaluations: [held], recurring: [] }),
    );
    expect(result.upserts.map((occurrence) => occurrence.completedOn)).toEqual(['2027-03-12', '2027-02-21']);
  });
});

describe('generateOccurrences: regenerating', () => {
  const first = generateOccurrences(input()).upserts;

  it('is idempotent: a second run changes nothing and creates nothing', () => {
    const again = generateOccurrences(input({ existing: first }));
    expect(again.upserts).toEqual([]);
    expect(again.unchanged).toHaveLength(first.length);
    expect(again.orphans).toEqual([]);
  });

  it('follows a moved or renamed source, bumping etag, keeping id, owner and note', () => {
    const existing = first.map((occurrence) =>
      occurrence.kind === 'internal-audit' ? { ...occurrence, ownerId: 'bo', note: 'Husk stikprøver' } : occurrence,
    );
    const moved = buildAudit({ plannedOn: d('2027-04-01'), title: 'Byggesag' });
    const result = generateOccurrences(input({ audits: [moved], existing, now: '2027-01-05T08:00:00.000Z' }));
    expect(result.upserts).toEqual([
      {
        ...existing[0],
        dueOn: '2027-04-01',
        title: 'Intern audit: Byggesag',
        etag: 2,
        updatedAt: '2027-01-05T08:00:00.000Z',
        updatedBy: 'kvalitet',
      },
    ]);
    expect(result.upserts[0]).toMatchObject({ id: 'o1', ownerId: 'bo', note: 'Husk stikprøver' });
  });

  it('leaves an edited occurrence on its date and title, but completes it when the source is done', () => {
    const existing = first.map((occurrence) =>
      occurrence.kind === 'internal-audit' ? { ...occurrence, dueOn: d('2027-05-05'), isEdited: true } : occurrence,
    );
    const moved = buildAudit({ plannedOn: d('2027-04-01') });
    expect(generateOccurrences(input({ audits: [moved], existing })).upserts).toEqual([]);
    const reported = buildAudit({
      plannedOn: d('2027-04-01'),
      status: 'reported',
      report: { summary: '', conclusion: '', reportedOn: d('2027-05-06'), reportedBy: 'signe' },
    });
    expect(generateOccurrences(input({ audits: [reported], existing })).upserts).toMatchObject([
      { id: 'o1', dueOn: '2027-05-05', completedOn: '2027-05-06', etag: 2 },
    ]);
  });

  it('leaves completed occurrences alone', () => {
    const existing = first.map((occurrence) => ({ ...occurrence, completedOn: d('2027-01-02') }));
    const moved = buildAudit({ plannedOn: d('2027-04-01') });
    const result = generateOccurrences(input({ audits: [moved], existing }));
    expect(result.upserts).toEqual([]);
    expect(result.unchanged).toHaveLength(first.length);
  });

  it('hands the recurring management evaluation over to a planned evaluation instead of adding a second', () => {
    const result = generateOccurrences(input({ existing: first, evaluations: [buildEvaluation()] }));
    const evaluationOccurrences = result.upserts.filter((occurrence) => occurrence.kind === 'management-evaluation');
    expect(evaluationOccurrences).toMatchObject([
      { id: 'o3', dueOn: '2027-02-20', origin: { kind: 'evaluation', evaluationId: 'e1' }, etag: 2 },
    ]);
    expect(result.upserts).toHaveLength(1);
    expect(result.orphans).toEqual([]);
    const third = generateOccurrences(
      input({ existing: [...result.unchanged, ...result.upserts], evaluations: [buildEvaluation()] }),
    );
    expect(third.upserts).toEqual([]);
  });

  it('reports generated occurrences of the year whose source is gone, not manual or completed ones or other years', () => {
    const manual: YearWheelOccurrence = { ...first[0]!, id: 'm', origin: { kind: 'manual' } };
    const lastYear: YearWheelOccurrence = {
      ...first[0]!,
      id: 'old',
      origin: { kind: 'audit', auditId: 'old' },
      dueOn: d('2026-05-01'),
    };
    const done: YearWheelOccurrence = {
      ...first[0]!,
      id: 'done',
      origin: { kind: 'audit', auditId: 'done' },
      completedOn: d('2027-01-01'),
    };
    const result = generateOccurrences(input({ audits: [], existing: [...first, manual, lastYear, done] }));
    expect(result.orphans.map((occurrence) => occurrence.id)).toEqual(['o1']);
  });

  it('matches by origin, not by date: a generated occurrence moved into another year is not duplicated', () => {
    const existing = first.map((occurrence) =>
      occurrence.kind === 'goal-revision' ? { ...occurrence, dueOn: d('2028-01-10'), isEdited: true } : occurrence,
    );
    expect(generateOccurrences(input({ existing })).upserts).toEqual([]);
  });
});

describe('recurringDate', () => {
  it('clamps the day to the end of the month, leap years included', () => {
    expect(recurringDate({ month: 2, day: 30 }, 2027)).toBe('2027-02-28');
    expect(recurringDate({ month: 2, day: 30 }, 2028)).toBe('2028-02-29');
    expect(recurringDate({ month: 4, day: 31 }, 2027)).toBe('2027-04-30');
  });

  it('refuses a month or day that cannot be', () => {
    expect(() => recurringDate({ month: 13, day: 1 }, 2027)).toThrow(RangeError);
    expect(() => recurringDate({ month: 1, day: 0 }, 2027)).toThrow(RangeError);
  });
});

describe('occurrenceRemindersDue', () => {
  const dueOn = d('2027-03-10');
  const occurrence = { id: 'o1', dueOn, ownerId: 'signe', completedOn: null };

  it.each([
    [45, []],
    [31, []],
    [30, [['occurrence-due-30', 'signe']]],
    [8, [['occurrence-due-30', 'signe']]],
    [7, [['occurrence-due-7', 'signe']]],
    [1, [['occurrence-due-7', 'signe']]],
    [0, [['occurrence-due-0', 'signe']]],
    [-1, [['occurrence-overdue', 'signe']]],
    [-6, [['occurrence-overdue', 'signe']]],
    [
      -7,
      [
        ['occurrence-overdue', 'signe'],
        ['occurrence-escalation', 'leader'],
      ],
    ],
    [
      -100,
      [
        ['occurrence-overdue', 'signe'],
        ['occurrence-escalation', 'leader'],
      ],
    ],
  ])('%i days before the date: %j', (daysLeft, expected) => {
    const due = occurrenceRemindersDue(occurrence, 'leader', addDays(dueOn, -daysLeft));
    expect(due.map((reminder) => [reminder.stage, reminder.recipientId])).toEqual(expected);
    for (const reminder of due) {
      expect(reminder).toMatchObject({ kind: 'occurrence', subjectId: 'o1', dueOn });
      expect(reminder.key).toBe(`occurrence:o1:2027-03-10:${reminder.stage}`);
    }
  });

  it('does not escalate without a leader or to the owner', () => {
    const late = addDays(dueOn, 10);
    expect(occurrenceRemindersDue(occurrence, null, late).map((reminder) => reminder.stage)).toEqual([
      'occurrence-overdue',
    ]);
    expect(occurrenceRemindersDue(occurrence, 'signe', late)).toHaveLength(1);
  });

  it('sends nothing for a completed occurrence', () => {
    expect(occurrenceRemindersDue({ ...occurrence, completedOn: dueOn }, 'leader', addDays(dueOn, 10))).toEqual([]);
  });

  it('a daily sweep over the whole ladder sends each stage exactly once (ledger by key)', () => {
    const ledger = new Set<string>();
    const sent: string[] = [];
    for (let day = -40; day <= 20; day += 1) {
      for (const reminder of occurrenceRemindersDue(occurrence, 'leader', addDays(dueOn, day))) {
        if (ledger.has(reminder.key)) continue;
        ledger.add(reminder.key);
        sent.push(reminder.stage);
      }
    }
    expect(sent).toEqual([
      'occurrence-due-30',
      'occurrence-due-7',
      'occurrence-due-0',
      'occurrence-overdue',
      'occurrence-escalation',
    ]);
  });
});
