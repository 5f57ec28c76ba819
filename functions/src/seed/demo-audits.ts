import { createAudit } from '../app/create-audit.js';
import { editChecklist } from '../app/edit-checklist.js';
import type { Services } from '../app/ports.js';
import { createFinding } from '../app/record-finding.js';
import { reportAudit } from '../app/report-audit.js';
import { createCertificate } from '../app/save-certificate.js';
import { createProgrammeItem, type ProgrammeItemFields } from '../app/save-programme-item.js';
import { addDays, localDateOf, type LocalDate } from '../core/local-date.js';
import type { Actor } from '../core/policies.js';
import type { Audit, ChecklistResult, FindingGrade } from '../core/quality-year-types.js';
import { demoPeople } from './demo-directory.js';

/**
 * The demo's quality year: the DS Certificering certificate (3-year cycle from 1 March 2024), an
 * audit programme of ten items, the 2025 internal audits reported with findings, 2026 partly
 * reported, one audit planned a few weeks ahead of the demo clock, and the certifier's
 * surveillance audits with their findings. Written through the use cases with the clock moved
 * back to each event. Idempotent: once a certificate exists the store is left alone.
 */

const coordinatorId = 'mette-kjaer';

type DemoItem = ProgrammeItemFields & { key: string };

const programme: DemoItem[] = [
  {
    key: 'modtagelse',
    subject: { kind: 'process', area: 'Fælles sagsbehandling' },
    title: 'Modtagelse, journalisering og kvittering',
    importance: 3,
    clauses: ['8.2.1', '8.5.2'],
    unitId: null,
  },
  {
    key: 'afgorelse',
    subject: { kind: 'process', area: 'Fælles sagsbehandling' },
    title: 'Partshøring, afgørelse og klagevejledning',
    importance: 3,
    clauses: ['8.5.1', '8.6'],
    unitId: null,
  },
  {
    key: 'natur',
    subject: { kind: 'unit', unitId: 'natur' },
    title: 'Natur: dispensationer og tilladelser',
    importance: 2,
    clauses: ['8.5.1', '7.5.3'],
    unitId: 'natur',
  },
  {
    key: 'tilsyn',
    subject: { kind: 'unit', unitId: 'miljo' },
    title: 'Miljø: tilsyn og håndhævelse',
    importance: 3,
    clauses: ['8.5.1', '9.1.1'],
    unitId: 'miljo',
  },
  {
    key: 'byggesag',
    subject: { kind: 'unit', unitId: 'byg-plan' },
    title: 'Byg og Plan: byggesagsbehandling',
    importance: 3,
    clauses: ['8.5.1', '8.6'],
    unitId: 'byg-plan',
  },
  {
    key: 'dokumentstyring',
    subject: { kind: 'clause', clause: '7.5' },
    title: 'Styring af dokumenteret information',
    importance: 2,
    clauses: ['7.5.2', '7.5.3'],
    unitId: null,
    // The move to a new case and document system: audited yearly until it has been audited since.
    changedOn: '2026-09-01',
  },
  {
    key: 'afvigelser',
    subject: { kind: 'clause', clause: '10.2' },
    title: 'Afvigelser og korrigerende handlinger',
    importance: 2,
    clauses: ['10.2'],
    unitId: null,
  },
  {
    key: 'maaling',
    subject: { kind: 'clause', clause: '9.1' },
    title: 'Overvågning, måling og brugertilfredshed',
    importance: 1,
    clauses: ['9.1.1', '9.1.2'],
    unitId: null,
  },
  {
    key: 'kompetencer',
    subject: { kind: 'clause', clause: '7.2' },
    title: 'Kompetencer og oplæring',
    importance: 1,
    clauses: ['7.2', '7.3'],
    unitId: null,
  },
  {
    key: 'ledelse',
    subject: { kind: 'process', area: 'Politik og mål' },
    title: 'Kvalitetsmål og ledelsens evaluering',
    importance: 1,
    clauses: ['6.2', '9.3'],
    unitId: null,
  },
];

type DemoFinding = { grade: FindingGrade; clause: string | null; procedure?: string; description: string };

type DemoAudit = {
  item?: string;
  kind?: Audit['kind'];
  title?: string;
  /** A fixed date, or days after the demo's today. */
  on: string | { daysFromToday: number };
  auditorIds: string[];
  externalAuditors?: string[];
  procedures?: string[];
  results?: ChecklistResult[];
  findings?: DemoFinding[];
  report?: { summary: string; conclusion: string };
};

const internalAudits: DemoAudit[] = [
  {
    item: 'modtagelse',
    on: '2025-03-12',
    auditorIds: ['camilla-ravn', 'mads-berg'],
    procedures: ['K-01'],
    results: ['conform', 'strong-point', 'conform'],
    findings: [
      {
        grade: 'strong-point',
        clause: '8.2.1',
        procedure: 'K-01',
        description: 'Kvitteringsskrivelser sendes konsekvent inden for to arbejdsdage, og fristen fremgår af brevet.',
      },
    ],
    report: {
      summary: 'Tolv sager gennemgået på tværs af afdelingerne; tre interview.',
      conclusion: 'Processen er velfungerende og dokumenteret.',
    },
  },
  {
    item: 'tilsyn',
    on: '2025-04-09',
    auditorIds: ['henrik-skov'],
    procedures: ['K-05'],
    results: ['conform', 'observation', 'conform'],
    findings: [
      {
        grade: 'observation',
        clause: '9.1.1',
        procedure: 'K-05',
        description: 'Tilsynsplanen opdateres, men status på gennemførte tilsyn følges kun op kvartalsvis.',
      },
    ],
    report: {
      summary: 'Otte tilsynssager og tilsynsplanen for 2025.',
      conclusion: 'I overensstemmelse; én observation.',
    },
  },
  {
    item: 'byggesag',
    on: '2025-05-14',
    auditorIds: ['peter-lund'],
    procedures: ['K-21'],
    results: ['minor', 'observation', 'conform'],
    findings: [
      {
        grade: 'minor',
        clause: '8.5.1',
        procedure: 'K-21',
        description: 'I 2 af 6 lovliggørelsessager mangler dokumentation for partshøring før afgørelse.',
      },
      {
        grade: 'observation',
        clause: '8.6',
        description: 'Frigivelse af afgørelser sker uden fast kvalitetssikring i travle perioder.',
      },
    ],
    report: {
      summary: 'Seks byggesager og to lovliggørelsessager gennemgået; interview med to sagsbehandlere.',
      conclusion: 'Én mindre afvigelse og én observation; korrigerende handling aftalt med afdelingslederen.',
    },
  },
  {
    item: 'dokumentstyring',
    on: '2025-09-10',
    auditorIds: ['ida-nielsen'],
    results: ['conform', 'improvement'],
    findings: [
      {
        grade: 'improvement',
        clause: '7.5.3',
        procedure: 'S-02',
        description: 'Skabeloner i ESDH kunne kobles direkte til håndbogens gældende versioner.',
      },
    ],
    report: { summary: 'Stikprøve af 20 dokumenter i håndbogen og ESDH.', conclusion: 'Styringen virker.' },
  },
  {
    item: 'afvigelser',
    on: '2025-10-08',
    auditorIds: ['camilla-ravn'],
    procedures: ['S-08'],
    results: ['conform', 'observation'],
    findings: [
      {
        grade: 'observation',
        clause: '10.2',
        procedure: 'S-08',
        description: 'Effektiviteten af afsluttede handlinger vurderes ikke altid skriftligt.',
      },
    ],
    report: { summary: 'Alle afvigelser fra 2024 gennemgået.', conclusion: 'I overensstemmelse; én observation.' },
  },
  {
    item: 'afgorelse',
    on: '2026-02-11',
    auditorIds: ['mads-berg'],
    procedures: ['K-02'],
    results: ['conform', 'conform', 'observation'],
    findings: [
      {
        grade: 'observation',
        clause: '8.5.1',
        procedure: 'K-02',
        description:
          'Klagevejledningen henviser i enkelte skabeloner til en forældet adresse for Miljø- og Fødevareklagenævnet.',
      },
    ],
    report: { summary: 'Ti afgørelser fra tre afdelinger.', conclusion: 'Velfungerende; én observation.' },
  },
  {
    item: 'natur',
    on: '2026-04-15',
    auditorIds: ['ole-frandsen'],
    results: ['conform', 'strong-point'],
    findings: [
      {
        grade: 'strong-point',
        clause: '7.5.3',
        description: 'Naturafdelingens tjeklister for § 3-dispensationer bruges konsekvent og er let tilgængelige.',
      },
    ],
    report: { summary: 'Otte dispensationssager.', conclusion: 'I overensstemmelse.' },
  },
  {
    item: 'maaling',
    on: '2026-09-16',
    auditorIds: ['henrik-skov'],
    results: ['conform', 'conform'],
    report: { summary: 'Målinger af sagsbehandlingstider og brugertilfredshed.', conclusion: 'I overensstemmelse.' },
  },
  // Within the next weeks of the demo clock: the auditor belongs to the audited unit (a warning).
  { item: 'tilsyn', on: { daysFromToday: 12 }, auditorIds: ['ole-frandsen'], procedures: ['K-05', 'K-06'] },
  { item: 'byggesag', on: { daysFromToday: 26 }, auditorIds: ['karen-holt'], procedures: ['K-21', 'K-22'] },
];

const certifierAudits: DemoAudit[] = [
  {
    kind: 'surveillance',
    title: 'DS Certificering: 1. overvågningsbesøg',
    on: '2025-02-11',
    auditorIds: [],
    externalAuditors: ['Lene Vestergaard (DS Certificering)'],
    findings: [
      {
        grade: 'observation',
        clause: '9.2',
        description: 'Auditprogrammet bør tydeligere vise, hvordan tidligere resultater vægter i planlægningen.',
      },
      {
        grade: 'strong-point',
        clause: '5.1',
        description: 'Ledelsens engagement i kvalitetsarbejdet er synligt i alle afdelinger.',
      },
    ],
    report: {
      summary: 'Overvågningsbesøg over to dage i Teknik og Miljø.',
      conclusion: 'Certifikatet opretholdes. Ingen afvigelser.',
    },
  },
  {
    kind: 'surveillance',
    title: 'DS Certificering: 2. overvågningsbesøg',
    on: '2026-02-17',
    auditorIds: [],
    externalAuditors: ['Lene Vestergaard (DS Certificering)'],
    findings: [
      {
        grade: 'minor',
        clause: '7.5.3',
        procedure: 'S-02',
        description: 'Tre procedurer var ikke gennemgået inden for det fastsatte interval.',
      },
      {
        grade: 'observation',
        clause: '7.2',
        description: 'Kompetencematricen er ikke opdateret for nyansatte i Byg og Plan.',
      },
      {
        grade: 'improvement',
        clause: '9.1.2',
        description: 'Brugertilfredshed kunne måles løbende frem for hvert andet år.',
      },
    ],
    report: {
      summary: 'Overvågningsbesøg med fokus på dokumentstyring, kompetencer og måling.',
      conclusion: 'Certifikatet opretholdes under forudsætning af handling på den mindre afvigelse.',
    },
  },
];

export async function seedDemoAudits(services: Services, clock: { set(date: Date): void }, now: Date): Promise<number> {
  if ((await services.quality.listCertificates()).length > 0) return 0;
  const coordinator = actorOf(coordinatorId);
  const today = localDateOf(now, services.settings.timeZone);
  const atDate = (date: LocalDate, hour = 9) => {
    const moment = new Date(`${date}T00:00:00Z`);
    moment.setUTCHours(hour);
    // Never after the real now: the demo's history is in the past.
    return moment.getTime() > now.getTime() ? now : moment;
  };
  const procedureId = async (code: string | undefined) =>
    code === undefined ? null : ((await services.store.getProcedureByCode(code))?.id ?? null);

  clock.set(atDate('2024-03-01' as LocalDate));
  const certificate = await createCertificate(services, coordinator, {
    body: 'DS Certificering',
    standard: 'ISO 9001:2015',
    scope: 'Sagsbehandling inden for natur, miljø, byggeri og planlægning i Teknik og Miljø',
    certificateNumber: 'DK-Q-24-0317',
    issuedOn: '2024-03-01',
    expiresOn: '2027-02-28',
    cycleYears: 3,
    isActive: true,
  });
  const itemIds = new Map<string, string>();
  clock.set(atDate('2024-11-20' as LocalDate));
  for (const { key, ...fields } of programme) {
    itemIds.set(key, (await createProgrammeItem(services, coordinator, fields)).id);
  }

  let count = 0;
  for (const demo of [...certifierAudits, ...internalAudits]) {
    const plannedOn = typeof demo.on === 'string' ? (demo.on as LocalDate) : addDays(today, demo.on.daysFromToday);
    const item = demo.item === undefined ? undefined : programme.find((each) => each.key === demo.item);
    const isPast = plannedOn <= addDays(today, -14);
    clock.set(atDate(addDays(plannedOn, isPast ? -60 : -20)));
    const procedureIds = (await Promise.all((demo.procedures ?? []).map(procedureId))).filter(
      (id): id is string => id !== null,
    );
    let audit = await createAudit(services, coordinator, {
      kind: demo.kind ?? 'internal',
      title: demo.title ?? item?.title ?? 'Audit',
      year: Number((typeof demo.on === 'string' ? plannedOn : today).slice(0, 4)),
      programmeItemId: item ? (itemIds.get(item.key) ?? null) : null,
      certificateId: demo.kind && demo.kind !== 'internal' ? certificate.id : null,
      unitId: null,
      clauses: item?.clauses ?? [],
      procedureIds,
      scope:
        demo.kind === 'surveillance'
          ? 'Certifikatets omfang: stikprøver i alle afdelinger'
          : `${item?.title ?? ''}: stikprøver af sager fra de seneste 12 måneder`,
      criteria: 'ISO 9001:2015 og kvalitetshåndbogens procedurer',
      auditorIds: demo.auditorIds,
      externalAuditors: demo.externalAuditors ?? [],
      plannedOn,
    });
    count++;
    if (audit.clauses.length + audit.procedureIds.length > 0) {
      audit = await editChecklist(services, coordinator, {
        auditId: audit.id,
        etag: audit.etag,
        edit: { kind: 'start' },
      });
    }
    if (!isPast || !demo.report) continue;
    clock.set(atDate(plannedOn, 10));
    const auditor = demo.auditorIds[0] ? actorOf(demo.auditorIds[0]) : coordinator;
    for (const [index, result] of (demo.results ?? []).entries()) {
      const line = audit.checklist[index];
      if (!line) break;
      audit = await editChecklist(services, auditor, {
        auditId: audit.id,
        etag: audit.etag,
        edit: { kind: 'update', lineId: line.id, changes: { result, note: 'Stikprøve gennemgået.' } },
      });
    }
    for (const finding of demo.findings ?? []) {
      await createFinding(services, auditor, {
        auditId: audit.id,
        grade: finding.grade,
        clause: finding.clause,
        procedureId: await procedureId(finding.procedure),
        unitId: null,
        description: finding.description,
        foundOn: plannedOn,
      });
    }
    clock.set(atDate(addDays(plannedOn, 7), 14));
    await reportAudit(services, auditor, {
      auditId: audit.id,
      etag: audit.etag,
      ...demo.report,
      reportedOn: addDays(plannedOn, 7),
    });
  }
  return count;
}

function actorOf(id: string): Actor {
  const person = demoPeople.find((candidate) => candidate.id === id);
  if (!person) throw new Error(`No demo person ${id}`);
  return { id: person.id, unitId: person.unitId, roles: person.roles };
}
