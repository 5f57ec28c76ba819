import type { ProcessLevel } from '../core/types.js';

/**
 * The demo handbook: the 44-procedure register of shared/data/handbook-structure.md (Table 3),
 * with owners and approvers from the demo organisation. `basis` keeps that table's honesty:
 * 'constructed' rows are plausible, not taken from a real municipality's handbook.
 */
export type DemoProcedure = {
  code: string;
  title: string;
  level: ProcessLevel;
  area: string;
  unitId: string | null;
  ownerId: string;
  approverId: string;
  reviewIntervalMonths: number;
  clauses: string[];
  legalBasis: string[];
  basis: 'sourced' | 'derived' | 'constructed';
};

type Row = [
  code: string,
  title: string,
  area: string,
  unit: string | null,
  months: number,
  clauses: string,
  legal: string,
  basis?: DemoProcedure['basis'],
];

const owners: Record<string, [owner: string, approver: string]> = {
  management: ['mette-kjaer', 'lars-holm'],
  support: ['mette-kjaer', 'lars-holm'],
  shared: ['mette-kjaer', 'lars-holm'],
  natur: ['peter-lund', 'anne-birk'],
  miljo: ['mads-berg', 'jens-mortensen'],
  vand: ['ole-frandsen', 'jens-mortensen'],
  byg: ['henrik-skov', 'sofie-dahl'],
  plan: ['camilla-ravn', 'sofie-dahl'],
};

const management: Row[] = [
  ['L-01', 'Kvalitetspolitik og kvalitetsmål', 'Politik og mål', null, 12, '5.2 6.2', ''],
  ['L-02', 'Ansvar, beføjelser og delegation i sagsbehandlingen', 'Ansvar og organisation', null, 12, '5.3', ''],
  ['L-03', 'Systemansvarlig: udpegning, opgaver og rapportering', 'Ansvar og organisation', null, 24, '5.3', ''],
  [
    'L-04',
    'Ledelsens evaluering af kvalitetsstyringssystemet',
    'Evaluering og offentliggørelse',
    null,
    12,
    '9.3',
    '',
    'sourced',
  ],
  [
    'L-05',
    'Offentliggørelse af kvalitetsstyringssystemet og årlig status',
    'Evaluering og offentliggørelse',
    null,
    12,
    '7.4',
    '',
  ],
  ['L-06', 'Kvalitetshåndbogens opbygning, omfang og procesoversigt', 'Politik og mål', null, 12, '4.3 4.4', ''],
  ['L-07', 'Årshjul for kvalitetsarbejdet', 'Politik og mål', null, 12, '6.2 9.1.1', ''],
  [
    'L-08',
    'Kontekst, interessenter, risici og muligheder',
    'Politik og mål',
    null,
    12,
    '4.1 4.2 6.1',
    '',
    'constructed',
  ],
  ['L-09', 'Styring af ændringer i organisation og lovgivning', 'Ansvar og organisation', null, 24, '6.3', ''],
];

const core: [Row, keyof typeof owners][] = [
  [
    [
      'K-01',
      'Modtagelse, journalisering, kvittering og visitation af henvendelser og ansøgninger',
      'Fælles sagsbehandling',
      null,
      24,
      '8.2.1 8.5.2',
      'Forvaltningsloven; Offentlighedsloven',
    ],
    'shared',
  ],
  [
    [
      'K-02',
      'Partshøring, afgørelse, klagevejledning og offentliggørelse af afgørelser',
      'Fælles sagsbehandling',
      null,
      24,
      '8.5.1 8.6',
      'Forvaltningsloven §§ 19, 22–25',
    ],
    'shared',
  ],
  [
    [
      'K-03',
      'Koordinering med andre myndigheder og afdelinger (samtidige afgørelser)',
      'Fælles sagsbehandling',
      null,
      24,
      '7.4 8.1',
      'Forvaltningsloven',
    ],
    'shared',
  ],
  [
    [
      'K-04',
      'Miljøgodkendelse og revurdering af listevirksomheder',
      'Miljø',
      'miljo',
      24,
      '8.1 8.2 8.5.1',
      'Miljøbeskyttelsesloven § 33; godkendelsesbekendtgørelsen',
    ],
    'miljo',
  ],
  [
    [
      'K-05',
      'Planlægning og gennemførelse af miljøtilsyn med virksomheder og landbrug',
      'Miljø',
      'miljo',
      24,
      '8.1 8.5.1 9.1.1',
      'Miljøbeskyttelsesloven kap. 9; miljøtilsynsbekendtgørelsen',
    ],
    'miljo',
  ],
  [
    [
      'K-06',
      'Håndhævelse: henstilling, indskærpelse, påbud, forbud og politianmeldelse',
      'Miljø',
      'miljo',
      24,
      '8.5.1 8.7',
      'Miljøbeskyttelsesloven (håndhævelsesreglerne)',
    ],
    'miljo',
  ],
  [
    [
      'K-07',
      'Husdyrgodkendelser og -tilladelser (HBL §§ 16 a, 16 b)',
      'Miljø',
      'miljo',
      24,
      '8.2 8.5.1',
      'Husdyrbrugloven §§ 16 a, 16 b',
    ],
    'miljo',
  ],
  [
    [
      'K-08',
      'Anmeldelser: husdyr, værksteder, olietanke, jordvarme, midlertidige aktiviteter',
      'Miljø',
      'miljo',
      24,
      '8.2.2 8.5.1',
      'Miljøbeskyttelsesloven; branchebekendtgørelser; olietankbekendtgørelsen',
    ],
    'miljo',
  ],
  [
    [
      'K-09',
      'Behandling af klager over støj, lugt og støv',
      'Miljø',
      'miljo',
      24,
      '8.2.1 8.5.1',
      'Miljøbeskyttelsesloven § 42',
      'constructed',
    ],
    'miljo',
  ],
  [
    [
      'K-10',
      'Jordflytning: anmeldelse og anvisning',
      'Miljø',
      'miljo',
      24,
      '8.5.1',
      'Jordforureningsloven § 50; jordflytningsbekendtgørelsen',
    ],
    'miljo',
  ],
  [
    ['K-11', 'Tilladelser efter jordforureningslovens § 8', 'Miljø', 'miljo', 24, '8.5.1', 'Jordforureningsloven § 8'],
    'miljo',
  ],
  [
    [
      'K-12',
      'Tilladelse til udledning af spildevand og tilslutning af processpildevand',
      'Vand',
      'miljo',
      24,
      '8.2 8.5.1',
      'Miljøbeskyttelsesloven § 28; spildevandsbekendtgørelsen',
    ],
    'vand',
  ],
  [
    [
      'K-13',
      'Nedsivningstilladelser (spildevand, tag- og overfladevand)',
      'Vand',
      'miljo',
      24,
      '8.5.1',
      'Miljøbeskyttelsesloven § 19; spildevandsbekendtgørelsen',
    ],
    'vand',
  ],
  [
    [
      'K-14',
      'Vandindvindingstilladelser og boringer',
      'Vand',
      'miljo',
      24,
      '8.5.1',
      'Vandforsyningsloven §§ 20, 22; vandindvindingsbekendtgørelsen',
    ],
    'vand',
  ],
  [
    [
      'K-15',
      'Vandløb: regulering, restaurering og regulativer',
      'Vand',
      'miljo',
      24,
      '8.5.1',
      'Vandløbsloven §§ 16–17',
    ],
    'vand',
  ],
  [
    [
      'K-16',
      'Dispensation fra naturbeskyttelseslovens § 3',
      'Natur',
      'natur',
      24,
      '8.2 8.5.1',
      'Naturbeskyttelsesloven §§ 3, 65',
    ],
    'natur',
  ],
  [
    [
      'K-17',
      'Dispensation fra bygge- og beskyttelseslinjer',
      'Natur',
      'natur',
      24,
      '8.5.1',
      'Naturbeskyttelsesloven §§ 16, 17, 19',
    ],
    'natur',
  ],
  [
    [
      'K-18',
      'Natura 2000-forhåndsanmeldelser, sten- og jorddiger og friluftsreklamer',
      'Natur',
      'natur',
      24,
      '8.5.1',
      'Naturbeskyttelsesloven §§ 19 b, 21; museumsloven § 29 a',
    ],
    'natur',
  ],
  [
    ['K-19', 'VVM-screening af konkrete projekter', 'Plan', 'byg-plan', 24, '8.1 8.5.1', 'Miljøvurderingsloven'],
    'plan',
  ],
  [
    [
      'K-20',
      'Byggetilladelse efter BR18 – fra fuldt oplyst ansøgning til afgørelse',
      'Byg',
      'byg-plan',
      24,
      '8.2 8.5.1 8.6',
      'Byggeloven § 16; Bygningsreglement 2018 (BR18)',
    ],
    'byg',
  ],
  [['K-21', 'Lovliggørelsessager (byggeri)', 'Byg', 'byg-plan', 24, '8.5.1 8.7', 'Byggeloven'], 'byg'],
  [
    ['K-22', 'Landzonetilladelser inkl. naboorientering', 'Plan', 'byg-plan', 24, '8.5.1', 'Planloven §§ 34–38'],
    'plan',
  ],
  [['K-23', 'Dispensation fra lokalplan', 'Plan', 'byg-plan', 24, '8.5.1', 'Planloven § 19'], 'plan'],
  [
    [
      'K-24',
      'Lokalplan og kommuneplantillæg for konkret projekt',
      'Plan',
      'byg-plan',
      24,
      '8.1 8.3',
      'Planloven kap. 4–5',
    ],
    'plan',
  ],
];

const support: Row[] = [
  [
    'S-01',
    'Dokumentstyring: udarbejdelse, godkendelse, versionering, periodisk gennemgang og forældede dokumenter',
    'Dokumenter',
    null,
    12,
    '7.5.2 7.5.3',
    '',
  ],
  ['S-02', 'Registreringer, sagsakter og arkivering', 'Dokumenter', null, 24, '7.5.3', 'Arkivloven'],
  ['S-03', 'Eksterne dokumenter og lovovervågning', 'Dokumenter', null, 12, '7.5.3 6.3', ''],
  ['S-04', 'Kompetencestyring og kompetencematrix', 'Kompetencer', null, 12, '7.2 7.3 7.1.6', ''],
  ['S-05', 'Køb af ekstern faglig bistand (konsulenter)', 'Kompetencer', null, 24, '8.4', 'Udbudsloven'],
  ['S-06', 'Intern audit: program, gennemførelse og opfølgning', 'Overvågning og måling', null, 12, '9.2', ''],
  ['S-07', 'Procedure for brugertilfredshedsundersøgelser', 'Overvågning og måling', null, 24, '9.1.2', '', 'sourced'],
  ['S-08', 'Afvigelser, korrigerende og forebyggende handlinger', 'Forbedring', null, 12, '10.2 6.1', ''],
  [
    'S-09',
    'Henvendelser fra borgere og virksomheder: ros, klager og forslag',
    'Forbedring',
    null,
    12,
    '9.1.2 10.2 10.3',
    '',
  ],
  [
    'S-10',
    'Måling af sagsbehandlingstider og opfølgning på servicemål',
    'Overvågning og måling',
    null,
    12,
    '9.1.1 9.1.3',
    '',
  ],
  ['S-11', 'Opsamling af klagenævnsafgørelser og læring', 'Forbedring', null, 12, '9.1.3 10.3', ''],
];

function toDemo(row: Row, level: ProcessLevel, ownerKey: keyof typeof owners): DemoProcedure {
  const [code, title, area, unitId, months, clauses, legal, basis = 'derived'] = row;
  const [ownerId, approverId] = owners[ownerKey] as [string, string];
  return {
    code,
    title,
    level,
    area,
    unitId,
    ownerId,
    approverId,
    reviewIntervalMonths: months,
    clauses: clauses.split(' '),
    legalBasis: legal ? legal.split('; ') : [],
    basis,
  };
}

export const demoProcedures: DemoProcedure[] = [
  ...management.map((row) => toDemo(row, 'management', 'management')),
  ...core.map(([row, owner]) => toDemo(row, 'core', owner)),
  ...support.map((row) => toDemo(row, 'support', 'support')),
];
