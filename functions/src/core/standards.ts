/**
 * The management-system standards a municipality can work by, with their clause numbers and the
 * product's OWN short labels in Danish, Norwegian bokmål and English. The standards' titles and
 * text are ISO's and are not reproduced; the numbers follow the shared harmonized structure
 * (clauses 4–10, ../shared/data/goals-register-publication.md section 6.1) and the sub-clauses
 * that are particular to ISO 14001 and ISO 45001. A municipality that wants the official titles
 * can read them in its purchased copy.
 */

export const standardIds = ['iso9001', 'iso14001', 'iso45001'] as const;
export type StandardId = (typeof standardIds)[number];

export type ClauseLabel = { da: string; nb: string; en: string };
export type StandardClause = { clause: string; label: ClauseLabel };
export type Standard = { id: StandardId; name: string; edition: string; clauses: StandardClause[] };

const l = (da: string, nb: string, en: string): ClauseLabel => ({ da, nb, en });

/** Clauses 4–10 as every one of the three standards numbers them; the labels are ours. */
const sharedClauses: Record<string, ClauseLabel> = {
  '4.1': l('Kommunen og dens omgivelser', 'Kommunen og omgivelsene', 'The organisation and its setting'),
  '4.2': l('Interessenternes behov', 'Interessentenes behov', 'What stakeholders need'),
  '4.3': l('Systemets afgrænsning', 'Systemets avgrensning', 'Where the system applies'),
  '4.4': l('Systemet og dets processer', 'Systemet og prosessene', 'The system and its processes'),
  '5.1': l('Ledelsens engagement', 'Ledelsens engasjement', 'Management commitment'),
  '5.2': l('Politik', 'Politikk', 'Policy'),
  '5.3': l('Roller og ansvar', 'Roller og ansvar', 'Roles and responsibilities'),
  '6.1': l('Risici og muligheder', 'Risikoer og muligheter', 'Risks and opportunities'),
  '6.2': l('Mål og planer for at nå dem', 'Mål og planer for å nå dem', 'Objectives and plans'),
  '7.1': l('Ressourcer', 'Ressurser', 'Resources'),
  '7.2': l('Kompetencer', 'Kompetanse', 'Competence'),
  '7.3': l('Bevidsthed', 'Bevissthet', 'Awareness'),
  '7.4': l('Kommunikation', 'Kommunikasjon', 'Communication'),
  '7.5': l('Dokumentation', 'Dokumentasjon', 'Documentation'),
  '8.1': l('Planlægning og styring af driften', 'Planlegging og styring av driften', 'Planning and running operations'),
  '9.1': l('Overvågning og måling', 'Overvåking og måling', 'Monitoring and measurement'),
  '9.2': l('Intern audit', 'Internrevisjon', 'Internal audit'),
  '9.3': l('Ledelsens evaluering', 'Ledelsens gjennomgåelse', 'Management review'),
  '10.1': l('Forbedring generelt', 'Forbedring generelt', 'Improvement in general'),
  '10.2': l(
    'Afvigelser og korrigerende handlinger',
    'Avvik og korrigerende tiltak',
    'Nonconformities and corrective action',
  ),
  '10.3': l('Løbende forbedring', 'Kontinuerlig forbedring', 'Continual improvement'),
};

function clauses(overrides: Record<string, ClauseLabel>, extra: Record<string, ClauseLabel>): StandardClause[] {
  const all = { ...sharedClauses, ...overrides, ...extra };
  return Object.keys(all)
    .sort(compareClauses)
    .map((clause) => ({ clause, label: all[clause]! }));
}

export const standards: Record<StandardId, Standard> = {
  iso9001: {
    id: 'iso9001',
    name: 'ISO 9001',
    edition: '2015',
    clauses: clauses(
      {},
      {
        '6.3': l('Planlagte ændringer', 'Planlagte endringer', 'Planned changes'),
        '8.2': l('Krav til ydelserne', 'Krav til tjenestene', 'Requirements for the services'),
        '8.3': l('Udvikling af ydelser', 'Utvikling av tjenester', 'Designing services'),
        '8.4': l('Indkøbte ydelser', 'Innkjøpte tjenester', 'Services bought from others'),
        '8.5': l('Levering af ydelserne', 'Levering av tjenestene', 'Delivering the services'),
        '8.6': l('Frigivelse', 'Frigivelse', 'Release'),
        '8.7': l(
          'Ydelser der ikke lever op til kravene',
          'Tjenester som ikke oppfyller kravene',
          'Services not meeting requirements',
        ),
        '9.1.2': l('Borgernes tilfredshed', 'Innbyggernes tilfredshet', 'Citizen satisfaction'),
      },
    ),
  },
  iso14001: {
    id: 'iso14001',
    name: 'ISO 14001',
    edition: '2015',
    clauses: clauses(
      { '6.2': l('Miljømål og planer', 'Miljømål og planer', 'Environmental objectives and plans') },
      {
        '6.1.2': l('Miljøforhold', 'Miljøaspekter', 'Environmental aspects'),
        '6.1.3': l('Bindende forpligtelser', 'Bindende forpliktelser', 'Compliance obligations'),
        '8.2': l('Beredskab', 'Beredskap', 'Emergency preparedness'),
        '9.1.2': l('Vurdering af overholdelse', 'Vurdering av etterlevelse', 'Evaluation of compliance'),
      },
    ),
  },
  iso45001: {
    id: 'iso45001',
    name: 'ISO 45001',
    edition: '2018',
    clauses: clauses(
      {
        '10.2': l(
          'Hændelser, afvigelser og korrigerende handlinger',
          'Hendelser, avvik og korrigerende tiltak',
          'Incidents, nonconformities and corrective action',
        ),
      },
      {
        '5.4': l('Medarbejdernes inddragelse', 'Medvirkning fra arbeidstakerne', 'Worker participation'),
        '6.1.2': l('Farer og risici', 'Farer og risikoer', 'Hazards and risks'),
        '6.1.3': l('Lovkrav og andre krav', 'Lovkrav og andre krav', 'Legal and other requirements'),
        '8.2': l('Beredskab', 'Beredskap', 'Emergency preparedness'),
        '9.1.2': l('Vurdering af overholdelse', 'Vurdering av etterlevelse', 'Evaluation of compliance'),
      },
    ),
  },
};

/** Orders clause numbers as numbers, segment by segment ("9.2" before "10.1", "6.1" before "6.1.2"). */
export function compareClauses(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? -1) - (right[index] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The standard a free-text reference names ("ISO 9001:2015", "DS/EN ISO 14001", "iso45001"), or
 * null when it names none of ours. Procedures have stored their standards as free text since
 * the first release; this reads them all without rewriting them.
 */
export function standardIdOf(text: string): StandardId | null {
  const number = /(?:^|[^\d])(9001|14001|45001)(?:[^\d]|$)/.exec(text)?.[1];
  return number === undefined ? null : (`iso${number}` as StandardId);
}

/**
 * A clause citation of an audit, a checklist line or a finding: "7.5.3" cites ISO 9001 (as every
 * citation before several standards did, so old data keeps its meaning); "ISO 14001 6.1.2",
 * "14001:6.1.2" or "iso45001:8.2" cite another standard. null when it is not a citation.
 */
export function parseClauseCitation(text: string): { standard: StandardId; clause: string } | null {
  const match = /^\s*(?:(?:iso\s*)?(9001|14001|45001)(?::\d{4})?\s*[:\s]\s*)?(\d{1,2}(?:\.\d{1,2}){0,3})\s*$/i.exec(
    text,
  );
  if (!match) return null;
  return { standard: match[1] === undefined ? 'iso9001' : (`iso${match[1]}` as StandardId), clause: match[2]! };
}

/**
 * The clause of the catalogue a cited clause counts for: the longest catalogue clause that the
 * citation lies within ("7.5.3" counts for 7.5; "6.1.2" for 6.1.2 where the catalogue lists it,
 * otherwise for 6.1). null when no catalogue clause contains it (e.g. "3" or "11.1").
 */
export function catalogueClauseOf(standard: StandardId, cited: string): string | null {
  let best: string | null = null;
  for (const { clause } of standards[standard].clauses)
    if ((cited === clause || cited.startsWith(`${clause}.`)) && (best === null || clause.length > best.length))
      best = clause;
  return best;
}

/** The standards the municipality works by: one record; an install from before it works by ISO 9001. */
export type StandardsChoice = {
  id: string;
  standardIds: StandardId[];
  etag: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
};
export const standardsChoiceId = 'standards';
