import { createHash } from 'node:crypto';
import { measureGoals } from '../app/measure-goals.js';
import type { Services } from '../app/ports.js';
import { nextVersion, type Stamp } from '../app/quality-records.js';
import type { SurveyStore } from '../app/survey-ports.js';
import { asLocalDate, type LocalDate } from '../core/local-date.js';
import type { LocalizedText, Survey, SurveyAnswer, SurveyLink, SurveyQuestion } from '../core/survey-types.js';

/**
 * CONSTRUCTED DEMO DATA: the demo municipality's satisfaction survey about the case handling,
 * with one round a year for the last two years. Every answer, count and comment is invented for
 * the demo; the questions follow the themes of KL's survey in Byg og Miljø (the overall service,
 * the caseworker's professionalism, guidance), plus processing time and the seeds' headline "den
 * samlede proces" (sources in docs/surveys.md). The case types are the
 * national servicemål categories the demo's units handle.
 */

export const demoSurveyId = 'demo-tilfredshed';
export const demoCaseTypes = {
  house: 'Byggetilladelse – enfamiliehuse',
  business: 'Byggetilladelse – etagebyggeri, erhverv',
  livestock: 'Husdyrgodkendelse – mindre husdyrbrug',
} as const;

const scale = (id: string, wording: LocalizedText): SurveyQuestion => ({
  id,
  kind: 'scale',
  wording,
  scaleMax: 5,
  lowLabel: { da: 'Meget utilfreds', nb: 'Svært misfornøyd', en: 'Very dissatisfied' },
  highLabel: { da: 'Meget tilfreds', nb: 'Svært fornøyd', en: 'Very satisfied' },
  satisfiedValues: [4, 5],
  isRequired: true,
});

export function demoSurvey(today: LocalDate): Survey {
  const year = Number(today.slice(0, 4));
  const at = `${year - 1}-01-02T08:00:00.000Z`;
  return {
    id: demoSurveyId,
    title: {
      da: 'Tilfredshed med sagsbehandlingen (demo)',
      nb: 'Tilfredshet med saksbehandlingen (demo)',
      en: 'Satisfaction with the case handling (demo)',
    },
    intro: {
      da: 'Du har fået en afgørelse fra Teknik og Miljø. Vi vil gerne høre, hvordan du har oplevet forløbet. Det tager 2 minutter.',
      nb: 'Du har fått et vedtak fra Teknikk og miljø. Vi vil gjerne høre hvordan du har opplevd prosessen. Det tar 2 minutter.',
      en: 'You have received a decision from Technical and Environmental Services. We would like to hear how you experienced the process. It takes 2 minutes.',
    },
    questions: [
      scale('vejledning', {
        da: 'Hvor tilfreds er du med den vejledning, du fik før og under sagen?',
        nb: 'Hvor fornøyd er du med veiledningen du fikk før og under saken?',
        en: 'How satisfied are you with the guidance you received before and during the case?',
      }),
      scale('faglighed', {
        da: 'Hvor tilfreds er du med sagsbehandlerens faglighed?',
        nb: 'Hvor fornøyd er du med saksbehandlerens faglighet?',
        en: 'How satisfied are you with the caseworker’s professional competence?',
      }),
      scale('tid', {
        da: 'Hvor tilfreds er du med sagsbehandlingstiden?',
        nb: 'Hvor fornøyd er du med saksbehandlingstiden?',
        en: 'How satisfied are you with the processing time?',
      }),
      scale('samlet', {
        da: 'Hvor tilfreds er du samlet set med den samlede proces?',
        nb: 'Hvor fornøyd er du alt i alt med hele prosessen?',
        en: 'Overall, how satisfied are you with the whole process?',
      }),
      {
        id: 'kommentar',
        kind: 'text',
        wording: {
          da: 'Har du forslag til, hvad vi kan gøre bedre?',
          nb: 'Har du forslag til hva vi kan gjøre bedre?',
          en: 'Do you have suggestions for what we could do better?',
        },
        isRequired: false,
      },
    ],
    headlineQuestionId: 'samlet',
    caseTypes: Object.values(demoCaseTypes),
    rounds: [year - 1, year].map((roundYear) => ({
      id: String(roundYear),
      label: String(roundYear),
      from: asLocalDate(`${roundYear}-01-01`),
      to: asLocalDate(`${roundYear}-12-31`),
    })),
    linkValidDays: 60,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'mette-kjaer',
    etag: 1,
  };
}

const comments = [
  'Det ville hjælpe at få besked, når sagen venter på noget.',
  'Hurtig og venlig behandling.',
  'Svært at finde ud af, hvilke bilag der manglede.',
  'God dialog med sagsbehandleren.',
];

/** Per round and case type: links issued, answers, and how many of them are satisfied overall. */
const plan: {
  round: 0 | 1;
  caseType: keyof typeof demoCaseTypes;
  unitId: string;
  links: number;
  answers: number;
  satisfied: number;
}[] = [
  { round: 0, caseType: 'house', unitId: 'byg-plan', links: 40, answers: 20, satisfied: 18 },
  { round: 0, caseType: 'business', unitId: 'byg-plan', links: 16, answers: 8, satisfied: 6 },
  { round: 0, caseType: 'livestock', unitId: 'miljo', links: 10, answers: 5, satisfied: 4 },
  { round: 1, caseType: 'house', unitId: 'byg-plan', links: 44, answers: 24, satisfied: 23 },
  { round: 1, caseType: 'business', unitId: 'byg-plan', links: 18, answers: 9, satisfied: 8 },
  { round: 1, caseType: 'livestock', unitId: 'miljo', links: 12, answers: 6, satisfied: 5 },
];

/** A fixed id from a label (the demo is the same on every start). */
const fixedId = (label: string) => createHash('sha256').update(label).digest('hex');

export function demoSurveyRecords(today: LocalDate): { survey: Survey; links: SurveyLink[]; answers: SurveyAnswer[] } {
  const survey = demoSurvey(today);
  const links: SurveyLink[] = [];
  const answers: SurveyAnswer[] = [];
  for (const line of plan) {
    const round = survey.rounds[line.round]!;
    const caseType = demoCaseTypes[line.caseType];
    for (let index = 0; index < line.links; index++) {
      const caseId = `DEMO-${round.id}-${line.caseType}-${String(index + 1).padStart(3, '0')}`;
      // Demo links have no token anyone holds: the hash is of a label, so no page opens for them.
      links.push({
        tokenHash: fixedId(`demo-link:${caseId}`),
        surveyId: survey.id,
        roundId: round.id,
        caseId,
        caseType,
        unitId: line.unitId,
        issuedAt: `${round.from}T09:00:00.000Z`,
        expiresAt: `${round.to}T22:00:00.000Z`,
        isAnswered: index < line.answers,
      });
    }
    for (let index = 0; index < line.answers; index++) {
      const isSatisfied = index < line.satisfied;
      const overall = isSatisfied ? 4 + (index % 2) : 2 + (index % 2);
      const values: Record<string, number | string> = {
        vejledning: Math.max(1, Math.min(5, overall - (index % 3 === 0 ? 1 : 0))),
        faglighed: Math.min(5, overall + (index % 4 === 0 ? 1 : 0)),
        tid: Math.max(1, overall - (index % 2)),
        samlet: overall,
      };
      if (index % 5 === 0) values['kommentar'] = comments[(index / 5 + line.round) % comments.length]!;
      answers.push({
        id: fixedId(`demo-answer:${round.id}:${line.caseType}:${index}`).slice(0, 32),
        surveyId: survey.id,
        roundId: round.id,
        caseType,
        unitId: line.unitId,
        source: 'link',
        values,
      });
    }
  }
  return { survey, links, answers };
}

/** Seeds the demo survey once (idempotent: nothing when it exists). Returns the answers written. */
export async function seedDemoSurveys(store: SurveyStore, today: LocalDate): Promise<number> {
  if (await store.getSurvey(demoSurveyId)) return 0;
  const { survey, links, answers } = demoSurveyRecords(today);
  const trail = (action: string, summary: string) => ({
    at: survey.createdAt,
    actorId: survey.updatedBy,
    action,
    procedureId: null,
    subjectId: survey.id,
    summary,
    details: { constructed: true },
  });
  await store.saveSurvey(survey, 0, trail('survey.created', 'Demo survey seeded (constructed data)'));
  await store.insertLinks(links, trail('survey.links-issued', 'Demo survey links seeded (constructed data)'));
  await store.importAnswers(answers, trail('survey.answers-imported', 'Demo survey answers seeded (constructed data)'));
  return answers.length;
}

/**
 * The last step of the demo seed, after the goals' and the surveys' own: a demo goal measured by
 * a survey that names none yet (the seeds' "90 % af respondenterne …") is pointed at the demo
 * survey and measured. Nothing when either is missing or the goal already names a survey.
 * Returns the ids of the goals linked.
 */
export async function linkDemoSurveyGoals(services: Services, stamp: Stamp, today: LocalDate): Promise<string[]> {
  if (!(await services.surveys.getSurvey(demoSurveyId))) return [];
  const unlinked = (await services.goals.listGoals()).filter(
    (goal) => goal.measurement.kind === 'survey' && goal.measurement.surveyId === null,
  );
  if (unlinked.length === 0) return [];
  await services.goals.commit({
    expect: unlinked.map((goal) => ({ collection: 'goals' as const, id: goal.id, etag: goal.etag })),
    goals: unlinked.map((goal) => ({
      ...goal,
      measurement: { kind: 'survey' as const, surveyId: demoSurveyId },
      ...nextVersion(goal, stamp),
    })),
  });
  await measureGoals(services, stamp, today);
  return unlinked.map((goal) => goal.id);
}
