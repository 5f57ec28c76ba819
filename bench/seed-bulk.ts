/**
 * Bulk seeding for the benchmark: thousands of realistic procedures written straight through
 * `Store.commit` (the same transaction and full-text reindex the use cases use), without going
 * through the use cases' one-document-at-a-time rendering. One real .docx is built from the
 * procedure template and rendered once; every version reuses its stored file and its HTML/text
 * with per-procedure sentences filled in, so the search index holds varied, meaningful text.
 */
import type { ChangeSet, Services } from '../functions/src/app/ports.js';
import { ingestDocument } from '../functions/src/app/ingest-document.js';
import { audienceMembers } from '../functions/src/core/audience.js';
import { addMonths, localDateOf, type LocalDate } from '../functions/src/core/local-date.js';
import type {
  Acknowledgement,
  AcknowledgementRequest,
  Approval,
  ChangeKind,
  Person,
  Procedure,
  ProcedureVersion,
  Review,
  TrailEntry,
} from '../functions/src/core/types.js';
import type { SqliteDatabase } from '../functions/src/adapters/sqlite/open-database.js';
import { buildProcedureDocx } from '../functions/src/documents/procedure-template.js';
import { demoPeople } from '../functions/src/seed/demo-directory.js';
import { demoProcedures, type DemoProcedure } from '../functions/src/seed/demo-procedures.js';

const day = 86_400_000;

/** Small deterministic PRNG (mulberry32), so every run seeds the same handbook. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (probability: number) => next() < probability,
  };
}
export type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------
// Text

const titleVariants = [
  '',
  ' – Nord',
  ' – Syd',
  ' – Øst',
  ' – Vest',
  ' (tjekliste)',
  ' (vejledning)',
  ' i landdistrikter',
  ' i byområder',
  ' – særlige sager',
  ' ved større projekter',
  ' – hastesager',
  ' for erhverv',
  ' for private borgere',
];

/** Subject words per area: what the varied sentences talk about, so searches hit the right areas. */
const areaTerms: Record<string, string[]> = {
  'Politik og mål': [
    'kvalitetsmål',
    'kvalitetspolitikken',
    'målopfølgning',
    'årshjulet',
    'strategiske mål',
    'ledelsesinformation',
  ],
  'Ansvar og organisation': [
    'delegation',
    'kompetencefordeling',
    'stedfortræder',
    'organisationsændringer',
    'ansvarsmatrix',
    'systemansvarlig',
  ],
  'Evaluering og offentliggørelse': [
    'ledelsens evaluering',
    'årlig status',
    'offentliggørelse på hjemmesiden',
    'nøgletal',
    'målopfyldelse',
  ],
  'Fælles sagsbehandling': [
    'partshøring',
    'klagevejledning',
    'aktindsigt',
    'kvittering',
    'visitation',
    'journalisering',
    'begrundelse',
  ],
  Miljø: [
    'miljøtilsyn',
    'påbud',
    'støj',
    'lugtgener',
    'støvgener',
    'jordforurening',
    'listevirksomheder',
    'olietanke',
    'husdyrbrug',
    'gyllebeholdere',
    'jordflytning',
  ],
  Vand: [
    'spildevand',
    'nedsivning',
    'vandløbsregulativ',
    'boringer',
    'grundvandsbeskyttelse',
    'regnvandsbassiner',
    'udledningstilladelse',
    'vandindvinding',
  ],
  Natur: [
    '§ 3-beskyttet natur',
    'moser og enge',
    'strandbeskyttelseslinjen',
    'fredninger',
    'Natura 2000-områder',
    'bilag IV-arter',
    'sten- og jorddiger',
    'skovbyggelinjen',
  ],
  Plan: [
    'lokalplaner',
    'landzonetilladelse',
    'kommuneplantillæg',
    'naboorientering',
    'dispensation fra lokalplan',
    'VVM-screening',
    'miljøvurdering',
  ],
  Byg: [
    'byggetilladelse',
    'BR18',
    'brandforhold',
    'statiske forhold',
    'ibrugtagningstilladelse',
    'færdigmelding',
    'lovliggørelse',
    'byggeskadeforsikring',
  ],
  Dokumenter: [
    'dokumentstyring',
    'versionering',
    'arkivering',
    'ESDH-systemet',
    'lovovervågning',
    'forældede dokumenter',
    'journalplan',
  ],
  Kompetencer: [
    'kompetencematrix',
    'oplæring',
    'introduktion af nye medarbejdere',
    'efteruddannelse',
    'sidemandsoplæring',
    'konsulentbistand',
  ],
  'Overvågning og måling': [
    'intern audit',
    'sagsbehandlingstider',
    'servicemål',
    'brugertilfredshed',
    'stikprøvekontrol',
    'målinger',
  ],
  Forbedring: [
    'afvigelser',
    'korrigerende handlinger',
    'klagenævnsafgørelser',
    'læring',
    'forbedringsforslag',
    'rodårsagsanalyse',
  ],
};
const genericTerms = [
  'sagsbehandlingen',
  'borgerkontakt',
  'dokumentation',
  'kvalitetssikring',
  'fristerne',
  'ansvarsfordelingen',
];

const sentenceTemplates: ((a: string, b: string) => string)[] = [
  (a, b) => `Ved ${a} skal sagsbehandleren sikre, at ${b} er beskrevet og dokumenteret på sagen.`,
  (a, b) => `Der lægges særlig vægt på ${a} og ${b}, når sagen vurderes, og vurderingen noteres i ESDH-systemet.`,
  (a, b) => `Nærmeste leder følger op på ${a} hvert kvartal og drøfter ${b} på afdelingsmødet.`,
  (a, b) => `Er der tvivl om ${a}, inddrages en erfaren kollega, og spørgsmålet om ${b} afklares før afgørelsen.`,
  (a, b) => `Tjeklisten for ${a} udfyldes, og eventuelle mangler vedrørende ${b} meddeles ansøgeren skriftligt.`,
  (a, b) => `Fristen for ${a} er normalt fire uger; for ${b} gælder de frister, der følger af lovgivningen.`,
  (a, b) => `Erfaringer med ${a} samles årligt og bruges til at forbedre arbejdet med ${b}.`,
  (a, b) => `Høringssvar om ${a} besvares samlet, og forhold om ${b} indgår i begrundelsen for afgørelsen.`,
];

const placeholders = [
  'QQPARAONEQQ',
  'QQPARATWOQQ',
  'QQPARATHREEQQ',
  'QQPARAFOURQQ',
  'QQPARAFIVEQQ',
  'QQPARASIXQQ',
] as const;
const titleToken = 'QQTITLEQQ';
const codeToken = 'QQCODEQQ';

export type BodyTemplate = { file: ProcedureVersion['file']; text: string; html: string };

/** Builds and renders ONE real procedure .docx with placeholders where the varied text goes. */
export async function buildBodyTemplate(services: Services): Promise<BodyTemplate> {
  const bytes = await buildProcedureDocx({
    code: codeToken,
    title: titleToken,
    organisation: services.settings.organisationName,
    sections: {
      Formål: [
        `Proceduren skal sikre, at opgaven ${titleToken} løses ensartet, korrekt og rettidigt, og at borgere og virksomheder får en sagsbehandling af høj faglig kvalitet.`,
        placeholders[0],
      ],
      Omfang: [
        'Proceduren gælder for de medarbejdere, der løser opgaven, fra modtagelse til afslutning og arkivering.',
        'Proceduren omfatter ikke sager, hvor en anden myndighed har kompetencen; de videresendes efter forvaltningslovens § 7.',
        placeholders[1],
      ],
      Definitioner: ['Sagsbehandlingstid: tiden fra en fuldt oplyst ansøgning er modtaget, til afgørelsen er sendt.'],
      Ansvar: [
        '- Procedureansvarlig: holder proceduren opdateret og gennemgår den periodisk.',
        '- Sagsbehandler: følger proceduren og registrerer afvigelser.',
        '- Nærmeste leder: godkender nye versioner og sikrer, at medarbejderne kender proceduren.',
        '- Kvalitetskoordinator (systemansvarlig): fører kvalitetshåndbogen og følger op på gennemgange.',
      ],
      Fremgangsmåde: [
        '1. Henvendelsen journaliseres på en sag, og der sendes kvittering inden for 5 arbejdsdage.',
        '2. Sagen visiteres og fordeles til en sagsbehandler med de nødvendige kompetencer.',
        `3. ${placeholders[2]}`,
        '4. Der foretages partshøring, hvor det er påkrævet, og afgørelsen træffes med klagevejledning.',
        `5. ${placeholders[3]}`,
        '6. Afgørelsen offentliggøres, hvor reglerne kræver det, og sagen afsluttes og arkiveres.',
      ],
      Afvigelser: [
        'Kan proceduren ikke følges, aftales fravigelsen med nærmeste leder, og afvigelsen registreres i afvigelsesregistret med årsag og handling.',
        placeholders[4],
      ],
      Registreringer: [
        'Sagens akter, partshøring, afgørelse og klagevejledning gemmes på sagen i ESDH-systemet.',
        placeholders[5],
      ],
      Referencer: ['- DS/EN ISO 9001:2015', '- Forvaltningsloven', '- Offentlighedsloven'],
    },
  });
  const ingested = await ingestDocument(services, bytes, 'Skabelon for benchmark.docx');
  for (const token of [...placeholders, titleToken, codeToken]) {
    if (!ingested.text.includes(token) || !ingested.html.includes(token)) {
      throw new Error(`The rendered template lost the placeholder ${token}; the benchmark text would not vary.`);
    }
  }
  return ingested;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function fill(template: string, values: Map<string, string>, escape: (text: string) => string): string {
  return template.replace(/QQ[A-Z]+QQ/g, (token) => escape(values.get(token) ?? ''));
}

function variedBody(
  template: BodyTemplate,
  random: Random,
  code: string,
  title: string,
  area: string,
  revision: number,
) {
  const terms = areaTerms[area] ?? genericTerms;
  const values = new Map<string, string>([
    [codeToken, code],
    [titleToken, title.charAt(0).toLowerCase() + title.slice(1)],
  ]);
  for (const token of placeholders) {
    const sentences = [1, 2, 3].map(() =>
      random.pick(sentenceTemplates)(random.pick(terms), random.pick([...terms, ...genericTerms])),
    );
    values.set(token, sentences.join(' '));
  }
  if (revision > 1) {
    values.set(
      placeholders[5],
      `${values.get(placeholders[5])} Ændret i version ${revision}: tjeklisten er udvidet efter intern audit.`,
    );
  }
  return { text: fill(template.text, values, (text) => text), html: fill(template.html, values, escapeHtml) };
}

// ---------------------------------------------------------------------------------------------
// Records

const changeSummaries = [
  'Første godkendte udgave af proceduren.',
  'Præciseret ansvarsfordeling og kvitteringsfrist efter intern audit.',
  'Opdateret efter lovændring og nye servicemål; tjekliste udvidet.',
  'Revideret efter periodisk gennemgang: fremgangsmåde forenklet.',
];

type Scenario = {
  published: number;
  afterwards: 'none' | 'draft' | 'pending';
  reviewed: boolean;
  acknowledgements: boolean;
};

function scenarioFor(random: Random): Scenario {
  if (random.chance(0.04)) return { published: 0, afterwards: 'draft', reviewed: false, acknowledgements: false };
  const roll = random.next();
  const published = roll < 0.5 ? 1 : roll < 0.8 ? 2 : 3;
  const after = random.next();
  return {
    published,
    afterwards: after < 0.08 ? 'draft' : after < 0.13 ? 'pending' : 'none',
    reviewed: random.chance(0.12),
    acknowledgements: random.chance(0.35),
  };
}

const authorsByUnit = new Map<string | null, string[]>();
for (const person of demoPeople) {
  if (!person.roles.includes('author')) continue;
  const list = authorsByUnit.get(person.unitId) ?? [];
  list.push(person.id);
  authorsByUnit.set(person.unitId, list);
}
const unitIds = ['natur', 'miljo', 'byg-plan'];

/** One procedure with its whole history, as one ChangeSet. */
function procedureChanges(
  index: number,
  random: Random,
  template: BodyTemplate,
  people: Person[],
  newId: () => string,
  now: Date,
  timeZone: string,
): { changes: ChangeSet; id: string; published: boolean } {
  const base: DemoProcedure = random.pick(demoProcedures);
  const code = `B-${String(index + 1).padStart(4, '0')}`;
  const title = `${base.title}${random.pick(titleVariants)} nr. ${index + 1}`;
  // Procedures without a unit sometimes get one, so every unit has management/support procedures too.
  const unitId = base.unitId ?? (random.chance(0.3) ? random.pick(unitIds) : null);
  const ownerId =
    base.unitId === null && unitId !== null ? random.pick(authorsByUnit.get(unitId) ?? [base.ownerId]) : base.ownerId;
  const approverId = base.approverId;
  const scenario = scenarioFor(random);
  const interval = base.reviewIntervalMonths;
  const at = (daysAgo: number, hour: number) => {
    const date = new Date(now.getTime() - daysAgo * day);
    date.setUTCHours(hour, index % 60, 0, 0);
    return date.toISOString();
  };
  // Latest approval between 5 days ago and a little past the review interval, so some reviews are overdue.
  const latestApprovedDaysAgo = random.int(5, Math.round(interval * 30.4) + 60);
  const firstDaysAgo = latestApprovedDaysAgo + Math.max(scenario.published - 1, 0) * 210 + 3;
  const id = newId();
  const created = at(firstDaysAgo + 1, 8);

  const versions: ProcedureVersion[] = [];
  const approvals: Approval[] = [];
  const reviews: Review[] = [];
  const trail: Omit<TrailEntry, 'seq'>[] = [];
  const entry = (
    when: string,
    actorId: string,
    action: string,
    subjectId: string,
    summary: string,
  ): Omit<TrailEntry, 'seq'> => ({
    at: when,
    actorId,
    action,
    procedureId: id,
    subjectId,
    summary,
    details: {},
  });
  trail.push(entry(created, ownerId, 'procedure.created', id, `Created ${code} ${title}`));

  let etag = 1;
  let previous: { major: number; minor: number } | null = null;
  let current: ProcedureVersion | null = null;
  let approvedOn: LocalDate | null = null;
  for (let revision = 1; revision <= scenario.published; revision++) {
    const daysAgo = latestApprovedDaysAgo + (scenario.published - revision) * 210;
    const publishedAt = at(daysAgo, 14);
    const kind: ChangeKind = revision === 1 || random.chance(0.6) ? 'major' : 'minor';
    const number: { major: number; minor: number } =
      previous === null
        ? { major: 1, minor: 0 }
        : kind === 'major'
          ? { major: previous.major + 1, minor: 0 }
          : { major: previous.major, minor: previous.minor + 1 };
    const versionId = newId();
    const body = variedBody(template, random, code, title, base.area, revision);
    const summary = changeSummaries[Math.min(revision - 1, changeSummaries.length - 1)] as string;
    const version: ProcedureVersion = {
      id: versionId,
      procedureId: id,
      state: 'published',
      ...number,
      kind,
      authorId: ownerId,
      file: { ...template.file, name: `${code} ${title}.docx`.replace(/[\\/:]/g, '-') },
      text: body.text,
      html: body.html,
      changeSummary: summary,
      createdAt: at(daysAgo + 2, 10),
      updatedAt: publishedAt,
      publishedAt,
      approvedBy: approverId,
      supersededByVersionId: null,
      obsoleteAt: null,
    };
    if (current)
      Object.assign(current, {
        state: 'obsolete',
        supersededByVersionId: versionId,
        obsoleteAt: publishedAt,
        updatedAt: publishedAt,
      });
    versions.push(version);
    approvals.push({
      id: newId(),
      procedureId: id,
      versionId,
      requestedBy: ownerId,
      requestedAt: at(daysAgo + 2, 11),
      approverId,
      changeSummary: summary,
      kind,
      decision: 'approved',
      decidedBy: approverId,
      decidedAt: publishedAt,
      comment: null,
    });
    trail.push(
      entry(version.createdAt, ownerId, 'draft.uploaded', versionId, `Uploaded ${version.file.name} as draft`),
    );
    trail.push(entry(at(daysAgo + 2, 11), ownerId, 'draft.submitted', versionId, `Submitted for approval: ${summary}`));
    trail.push(
      entry(
        publishedAt,
        approverId,
        'approval.approved',
        versionId,
        `Approved and published version ${number.major}.${number.minor}`,
      ),
    );
    etag += 3;
    previous = number;
    current = version;
    approvedOn = localDateOf(new Date(publishedAt), timeZone);
  }

  let lastReviewedOn: LocalDate | null = null;
  if (scenario.reviewed && current && latestApprovedDaysAgo > 40) {
    const reviewedAt = at(random.int(3, latestApprovedDaysAgo - 20), 12);
    lastReviewedOn = localDateOf(new Date(reviewedAt), timeZone);
    reviews.push({
      id: newId(),
      procedureId: id,
      reviewerId: ownerId,
      outcome: 'still-valid',
      comment: 'Gennemgået; proceduren er fortsat dækkende.',
      reviewedAt,
      dueOn: approvedOn ? addMonths(approvedOn, interval) : null,
      nextReviewOn: addMonths(lastReviewedOn, interval),
    });
    trail.push(entry(reviewedAt, ownerId, 'review.still-valid', id, 'Reviewed: still valid'));
    etag++;
  }

  let draft: ProcedureVersion | null = null;
  if (scenario.afterwards !== 'none') {
    const revision = scenario.published + 1;
    const body = variedBody(template, random, code, title, base.area, revision);
    const createdAt = at(random.int(1, 4), 9);
    draft = {
      id: newId(),
      procedureId: id,
      state: scenario.afterwards === 'pending' ? 'pending' : 'draft',
      major: null,
      minor: null,
      kind: null,
      authorId: ownerId,
      file: { ...template.file, name: `${code} ${title} (udkast).docx`.replace(/[\\/:]/g, '-') },
      text: body.text,
      html: body.html,
      changeSummary: scenario.afterwards === 'pending' ? (changeSummaries[3] as string) : null,
      createdAt,
      updatedAt: createdAt,
      publishedAt: null,
      approvedBy: null,
      supersededByVersionId: null,
      obsoleteAt: null,
    };
    versions.push(draft);
    trail.push(entry(createdAt, ownerId, 'draft.uploaded', draft.id, `Uploaded ${draft.file.name} as draft`));
    etag++;
    if (scenario.afterwards === 'pending') {
      approvals.push({
        id: newId(),
        procedureId: id,
        versionId: draft.id,
        requestedBy: ownerId,
        requestedAt: createdAt,
        approverId,
        changeSummary: changeSummaries[3] as string,
        kind: 'major',
        decision: null,
        decidedBy: null,
        decidedAt: null,
        comment: null,
      });
      trail.push(
        entry(createdAt, ownerId, 'draft.submitted', draft.id, `Submitted for approval: ${changeSummaries[3]}`),
      );
      etag++;
    }
  }

  const audience = { unitIds: unitId ? [unitId] : [], roles: [] };
  const acknowledgementRequests: AcknowledgementRequest[] = [];
  const acknowledgements: Acknowledgement[] = [];
  if (scenario.acknowledgements && current && current.kind === 'major' && current.publishedAt) {
    for (const person of audienceMembers(people, audience)) {
      acknowledgementRequests.push({
        procedureId: id,
        versionId: current.id,
        personId: person.id,
        requestedAt: current.publishedAt,
      });
      if (random.chance(0.6)) {
        acknowledgements.push({
          procedureId: id,
          versionId: current.id,
          personId: person.id,
          acknowledgedAt: at(Math.max(latestApprovedDaysAgo - random.int(1, 4), 0), 11),
        });
      }
    }
  }

  const lastChange = [
    ...versions.map((version) => version.updatedAt),
    ...reviews.map((review) => review.reviewedAt),
    created,
  ]
    .sort()
    .at(-1) as string;
  const procedure: Procedure = {
    id,
    code,
    title,
    level: base.level,
    area: base.area,
    unitId,
    ownerId,
    approverId,
    approverDesignatedBy: null,
    audience,
    reviewIntervalMonths: interval,
    standards: [{ standard: 'ISO 9001:2015', clauses: base.clauses }],
    legalBasis: base.legalBasis,
    currentVersionId: current?.id ?? null,
    draftVersionId: draft?.id ?? null,
    approvedOn,
    lastReviewedOn,
    nextReviewOn:
      approvedOn === null
        ? null
        : addMonths(lastReviewedOn !== null && lastReviewedOn > approvedOn ? lastReviewedOn : approvedOn, interval),
    createdAt: created,
    updatedAt: lastChange,
    updatedBy: ownerId,
    etag,
  };
  return {
    id,
    published: current !== null,
    changes: {
      procedures: [procedure],
      versions,
      approvals,
      reviews,
      acknowledgementRequests,
      acknowledgements,
      trail,
    },
  };
}

export type BulkSeedResult = { procedureIds: string[]; publishedIds: string[]; versions: number; batches: number };

/**
 * Seeds `count` procedures, `batchSize` per SQLite transaction (each procedure is still its own
 * `Store.commit`, which nests as a savepoint). Batching keeps the run fast despite
 * synchronous=FULL, which would otherwise fsync the WAL on every commit.
 */
export async function seedBulk(
  services: Services,
  db: SqliteDatabase,
  options: { count: number; batchSize: number; seed: number; now: Date },
): Promise<BulkSeedResult> {
  const random = createRandom(options.seed);
  const template = await buildBodyTemplate(services);
  const people = await services.store.listPeople();
  const newId = () => services.ids.next();
  const result: BulkSeedResult = { procedureIds: [], publishedIds: [], versions: 0, batches: 0 };
  for (let start = 0; start < options.count; start += options.batchSize) {
    const end = Math.min(start + options.batchSize, options.count);
    const commits: Promise<void>[] = [];
    db.transaction(() => {
      for (let index = start; index < end; index++) {
        const { changes, id, published } = procedureChanges(
          index,
          random,
          template,
          people,
          newId,
          options.now,
          services.settings.timeZone,
        );
        // SqliteStore.commit is synchronous underneath; its promise only carries the outcome.
        commits.push(services.store.commit(changes));
        result.procedureIds.push(id);
        if (published) result.publishedIds.push(id);
        result.versions += changes.versions?.length ?? 0;
      }
    })();
    await Promise.all(commits);
    result.batches++;
  }
  return result;
}
