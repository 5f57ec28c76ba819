import { createGoal } from '../app/save-goal.js';
import { importCases, saveCaseSource } from '../app/import-cases.js';
import type { Services } from '../app/ports.js';
import { saveQualityPolicy } from '../app/save-quality-policy.js';
import { qualityPolicyId, type CaseColumnMapping } from '../core/goal-types.js';
import { addDays, localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import { zonedTime } from '../core/reminder-schedule.js';
import { demoPeople } from './demo-directory.js';

/**
 * The demo's quality policy, goals and two years of case data. Constructed: the case figures
 * are generated (deterministically) to look like a mid-sized municipality's Byg og Miljø export
 * with the national servicemål (KL–regeringen, December 2015; docs/goals-data.md); no real
 * municipality's cases. The two goals are the seeds' own wording (seed 002).
 */

const coordinatorId = 'mette-kjaer';

export const demoCaseSourceId = 'byg-og-miljo';

/** The export's own headers (as a case system names them), so the saved mapping matters. */
export const demoCaseMapping: CaseColumnMapping = {
  caseId: 'Sagsnr.',
  caseType: 'Servicemålskategori',
  unit: 'Afdeling',
  receivedOn: 'Modtagelsesdato',
  fullyInformedOn: 'Fuldt oplyst dato',
  decidedOn: 'Afgørelsesdato',
  pausedDays: 'Dage hos ansøger',
  targetDays: 'Servicemål',
  exemptionReason: 'Fritagelsesbegrundelse',
  decisionType: 'Afgørelse',
};

type DemoCaseType = {
  name: string;
  unit: string;
  targetDays: number;
  perMonth: number;
  /** Share of cases decided within target in the first year and in the latest months. */
  withinThen: number;
  withinNow: number;
};

/** National servicemål; some categories keep their target, some slip, as in real statistics. */
const caseTypes: DemoCaseType[] = [
  {
    name: 'Simple konstruktioner',
    unit: 'Byg og Plan',
    targetDays: 40,
    perMonth: 14,
    withinThen: 0.99,
    withinNow: 0.97,
  },
  { name: 'Enfamiliehuse', unit: 'Byg og Plan', targetDays: 40, perMonth: 11, withinThen: 0.97, withinNow: 0.78 },
  { name: 'Industri og lager', unit: 'Byg og Plan', targetDays: 50, perMonth: 3, withinThen: 0.96, withinNow: 0.95 },
  { name: 'Etagebyggeri erhverv', unit: 'Byg og Plan', targetDays: 55, perMonth: 2, withinThen: 0.95, withinNow: 0.9 },
  { name: 'Etagebyggeri boliger', unit: 'Byg og Plan', targetDays: 60, perMonth: 2, withinThen: 0.93, withinNow: 0.8 },
  { name: 'Miljøgodkendelse bilag 2', unit: 'Miljø', targetDays: 130, perMonth: 1, withinThen: 0.9, withinNow: 0.85 },
  { name: 'Miljøgodkendelse bilag 1', unit: 'Miljø', targetDays: 200, perMonth: 0.3, withinThen: 1, withinNow: 1 },
];

/** A small deterministic generator, so every demo database has the same cases. */
function randomSequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const danish = (date: LocalDate) => `${date.slice(8, 10)}-${date.slice(5, 7)}-${date.slice(0, 4)}`;

/**
 * The export: cases fully informed over the last two years, decided within or over their
 * servicemål (worse lately for single-family houses), a few exempt (BBR, lovliggørelse), the
 * newest still open, and a backlog of single-family houses open beyond their target.
 */
export function demoCaseExport(today: LocalDate): string {
  const random = randomSequence(14);
  const header = caseFieldsInExportOrder.map((field) => demoCaseMapping[field]);
  const rows: string[][] = [];
  let number = 1;
  const start = addDays(today, -730);
  for (let offset = 0; offset < 730; offset += 1) {
    const day = addDays(start, offset);
    const progress = offset / 730;
    for (const type of caseTypes) {
      if (random() >= type.perMonth / 30.4) continue;
      const fullyInformedOn = day;
      const receivedOn = addDays(fullyInformedOn, -Math.round(3 + random() * 20));
      const later = progress < 0.5 ? 0 : (progress - 0.5) * 2;
      const within = type.withinThen + (type.withinNow - type.withinThen) * later;
      const pausedDays = random() < 0.25 ? Math.round(random() * 30) : 0;
      const counted =
        random() < within
          ? Math.round(type.targetDays * (0.35 + random() * 0.6))
          : Math.round(type.targetDays * (1.05 + random() * 0.6));
      const decidedOn = addDays(fullyInformedOn, counted + Math.max(0, pausedDays - 7));
      const exemption = random() < 0.03 ? (random() < 0.5 ? 'BBR' : 'Lovliggørelse') : '';
      const isOpen = decidedOn > today;
      rows.push([
        `${today.slice(0, 4) === fullyInformedOn.slice(0, 4) ? 'B' : 'A'}-${String(number++).padStart(5, '0')}`,
        type.name,
        type.unit,
        danish(receivedOn),
        danish(fullyInformedOn),
        isOpen ? '' : danish(decidedOn),
        String(pausedDays),
        String(type.targetDays),
        exemption,
        isOpen ? '' : random() < 0.92 ? 'Tilladelse' : 'Afslag',
      ]);
    }
  }
  // The backlog ("sagspukkel"): single-family houses fully informed 45–80 days ago, still open.
  for (let index = 0; index < 7; index += 1) {
    const fullyInformedOn = addDays(today, -45 - index * 5);
    rows.push([
      `P-${String(index + 1).padStart(3, '0')}`,
      'Enfamiliehuse',
      'Byg og Plan',
      danish(addDays(fullyInformedOn, -10)),
      danish(fullyInformedOn),
      '',
      '0',
      '40',
      '',
      '',
    ]);
  }
  return [header, ...rows].map((row) => row.join(';')).join('\r\n') + '\r\n';
}

const caseFieldsInExportOrder = [
  'caseId',
  'caseType',
  'unit',
  'receivedOn',
  'fullyInformedOn',
  'decidedOn',
  'pausedDays',
  'targetDays',
  'exemptionReason',
  'decisionType',
] as const;

const policyText = {
  da: [
    'Eksempel Kommunes Teknik og Miljø træffer afgørelser, som borgere og virksomheder kan stole på.',
    'Vi vil sikre faglig kvalitet, effektivitet og ensartethed i sagsbehandlingen, overholde de politisk vedtagne servicemål og styrke borgernes og virksomhedernes tillid til og tilfredshed med sagsbehandlingen.',
    'Vi arbejder efter ISO 9001: vi måler vores mål, lærer af afvigelser og forbedrer løbende vores procedurer.',
  ].join('\n\n'),
  en: [
    'Eksempel Kommune’s Technical and Environmental Services make decisions that citizens and businesses can rely on.',
    'We ensure professional quality, efficiency and consistency in case handling, keep the politically adopted service targets, and strengthen the trust and satisfaction of citizens and businesses.',
    'We work to ISO 9001: we measure our goals, learn from nonconformities and keep improving our procedures.',
  ].join('\n\n'),
};

/**
 * Seeds the quality policy (adopted by Byrådet), the case source with its mapping, two years of
 * case data, the seeds' two goals and a register goal for this year, through the use cases. Idempotent: nothing is done when
 * the policy exists. The survey goal has no survey yet (surveyId null): the surveys module links it.
 */
export async function seedDemoGoals(services: Services, clock: { set(date: Date): void }, now: Date): Promise<void> {
  if (await services.goals.getQualityPolicy(qualityPolicyId)) return;
  const person = demoPeople.find((candidate) => candidate.id === coordinatorId);
  if (!person) return;
  const coordinator: Actor = { id: person.id, unitId: person.unitId, roles: person.roles };
  const { timeZone } = services.settings;
  const today = localDateOf(now, timeZone);
  const year = Number(today.slice(0, 4));

  clock.set(zonedTime(`${year - 1}-03-14` as LocalDate, 10, timeZone));
  await saveQualityPolicy(services, coordinator, {
    etag: 0,
    text: policyText,
    adoptedBy: 'Byrådet',
    adoptedOn: `${year - 1}-03-12` as LocalDate,
    isPublished: true,
  });

  clock.set(now);
  await saveCaseSource(services, coordinator, {
    id: demoCaseSourceId,
    etag: 0,
    name: 'Byg og Miljø (BOM) – konstruerede demodata',
    mapping: demoCaseMapping,
  });
  await importCases(services, coordinator, {
    sourceId: demoCaseSourceId,
    format: 'csv',
    bytes: new TextEncoder().encode(demoCaseExport(today)),
  });

  const common = {
    clauses: ['6.2', '9.1.1'],
    periodFrom: `${year - 1}-01-01` as LocalDate,
    periodTo: `${year}-12-31` as LocalDate,
    ownerId: 'sofie-dahl',
    status: 'active' as const,
  };
  await createGoal(services, coordinator, {
    ...common,
    title: '95 % af bygge-, plan- og miljøsager skal overholde de politisk vedtagne og udmeldte sagsbehandlingstider',
    description:
      'Andelen af afgjorte sager, hvis sagsbehandlingstid fra fuldt oplyst til afgørelse (fratrukket dage hos ansøger ud over 7) er inden for servicemålet. Fritagne sager tæller ikke med.',
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    cadence: 'monthly',
    measurement: { kind: 'cases', metric: 'share-within-target' },
    thresholds: { yellowWithinPoints: 5 },
    revisionMonth: 1,
  });
  await createGoal(services, coordinator, {
    ...common,
    title: '90 % af respondenterne tilkendegiver, at de er tilfredse eller meget tilfredse med den samlede proces',
    description:
      'Andelen af de adspurgte ansøgere, der har svaret, som svarer tilfreds eller meget tilfreds om den samlede sagsbehandling (ikke om afgørelsen). Toårigt mål.',
    target: { direction: 'at-least', value: 90, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    cadence: 'yearly',
    measurement: { kind: 'survey', surveyId: null },
    thresholds: { yellowWithinPoints: 5 },
    revisionMonth: 1,
  });
  // This year's only: the register holds the last twelve months, and a goal over last year would
  // enter the packs of evaluations already held (frozen as of their meeting day).
  await createGoal(services, coordinator, {
    ...common,
    periodFrom: `${year}-01-01` as LocalDate,
    title: 'Henvendelser besvares inden for fristen',
    description:
      'Andelen af ros, klager, forslag og afvigelser med en afsender, der kan få svar, som er besvaret inden for svarfristen (10 arbejdsdage). Anonyme henvendelser tæller ikke med; en ubesvaret henvendelse tæller som for sent, når fristen er overskredet.',
    target: { direction: 'at-least', value: 95, unit: 'percent' },
    scope: { caseTypes: [], unitIds: [] },
    cadence: 'monthly',
    measurement: { kind: 'register', metric: 'replied-in-time', kinds: [] },
    thresholds: { yellowWithinPoints: 5 },
    revisionMonth: 1,
  });
}
