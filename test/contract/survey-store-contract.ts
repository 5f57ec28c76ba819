import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SurveyStore } from '../../functions/src/app/survey-ports.js';
import type { LocalDate } from '../../functions/src/core/local-date.js';
import type { Survey, SurveyAnswer, SurveyLink } from '../../functions/src/core/survey-types.js';
import { surveyAnswerRecord, surveyLinkRecord, surveyRecord } from '../../functions/src/records/surveys.js';
import { sampleOf } from '../support/record-samples.js';
import type { TrailWithoutSeq } from './contract-sites.js';

/**
 * The SurveyStore port's behaviour, as every adapter must show it: a fresh, empty store per test.
 */
export type SurveyStoreUnderTest = {
  store: SurveyStore;
  trail(): Promise<TrailWithoutSeq[]>;
  close(): Promise<void>;
};

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T08:30:00.000Z`;
const text = (da: string) => ({ da, nb: `${da} (nb)`, en: `${da} (en)` });

export function buildSurvey(overrides: Partial<Survey> = {}): Survey {
  return sampleOf(surveyRecord, {
    id: 'survey-1',
    title: text('Tilfredshed med byggesagsbehandlingen – æøå'),
    intro: text('Spørgsmålene handler om sagsbehandlingen, ikke om afgørelsen.'),
    questions: [
      {
        id: 'q-overall',
        kind: 'scale',
        wording: text('Hvor tilfreds er du med den samlede proces?'),
        scaleMax: 5,
        lowLabel: text('Meget utilfreds'),
        highLabel: text('Meget tilfreds'),
        satisfiedValues: [4, 5],
        isRequired: true,
      },
      { id: 'q-comment', kind: 'text', wording: text('Kommentar'), isRequired: false },
    ],
    headlineQuestionId: 'q-overall',
    caseTypes: ['Byggetilladelse', 'Landzonetilladelse'],
    rounds: [
      { id: '2025', label: '2025', from: '2025-01-01' as LocalDate, to: '2025-12-31' as LocalDate },
      { id: '2026', label: '2026', from: '2026-01-01' as LocalDate, to: '2026-12-31' as LocalDate },
    ],
    linkValidDays: 60,
    etag: 1,
    createdAt: at(1),
    updatedAt: at(1),
    updatedBy: 'mette-kjaer',
    ...overrides,
  });
}

export function buildLink(overrides: Partial<SurveyLink> = {}): SurveyLink {
  return sampleOf(surveyLinkRecord, {
    tokenHash: 'a'.repeat(64),
    surveyId: 'survey-1',
    roundId: '2026',
    caseId: 'BYG-2026-0001',
    caseType: 'Byggetilladelse',
    unitId: 'u-byg',
    issuedAt: at(1),
    expiresAt: at(20),
    isAnswered: false,
    ...overrides,
  });
}

export function buildAnswer(overrides: Partial<SurveyAnswer> = {}): SurveyAnswer {
  return sampleOf(surveyAnswerRecord, {
    id: 'answer-1',
    surveyId: 'survey-1',
    roundId: '2026',
    caseType: 'Byggetilladelse',
    unitId: 'u-byg',
    source: 'link',
    values: { 'q-overall': 4, 'q-comment': 'Hurtig og venlig – tak!' },
    ...overrides,
  });
}

const hash = (n: number) => n.toString(16).padStart(64, '0');

const trailEntry = (action: string, subjectId: string): TrailWithoutSeq => ({
  at: at(2),
  actorId: 'mette-kjaer',
  action,
  procedureId: null,
  subjectId,
  summary: `${action} – æøå`,
  details: { subjectId, n: 1 },
});

export function describeSurveyStoreContract(name: string, open: () => Promise<SurveyStoreUnderTest>): void {
  describe(`SurveyStore contract: ${name}`, () => {
    let subject: SurveyStoreUnderTest;
    let store: SurveyStore;

    beforeEach(async () => {
      subject = await open();
      store = subject.store;
    });
    afterEach(async () => subject.close());
    /** Links and answers belong to a stored survey (SQLite holds them to it by foreign key). */
    const saveSurveys = async () => {
      for (const id of ['survey-1', 'survey-2'])
        await store.saveSurvey(buildSurvey({ id }), 0, trailEntry('survey.created', id));
    };
    const trailAfterSurveys = async () => (await subject.trail()).filter((entry) => entry.action !== 'survey.created');

    it('round-trips a survey with every field, and lists surveys by Danish title, then id', async () => {
      const b = buildSurvey({ id: 'survey-b', title: text('Borgerservice') });
      const a2 = buildSurvey({ id: 'survey-a2', title: text('Affald') });
      const a1 = buildSurvey({ id: 'survey-a1', title: text('Affald') });
      for (const survey of [buildSurvey(), b, a2, a1])
        await store.saveSurvey(survey, 0, trailEntry('survey.created', survey.id));
      expect(await store.getSurvey('survey-1')).toEqual(buildSurvey());
      expect(await store.getSurvey('nope')).toBeUndefined();
      expect((await store.listSurveys()).map((survey) => survey.id)).toEqual([
        'survey-a1',
        'survey-a2',
        'survey-b',
        'survey-1',
      ]);
      expect((await subject.trail()).map((entry) => entry.subjectId)).toEqual([
        'survey-1',
        'survey-b',
        'survey-a2',
        'survey-a1',
      ]);
      expect((await subject.trail())[0]).toEqual(trailEntry('survey.created', 'survey-1'));
    });

    it('saves a survey only from the etag it was read with: CONFLICT (who, when) otherwise, and nothing written', async () => {
      await store.saveSurvey(buildSurvey(), 0, trailEntry('survey.created', 'survey-1'));
      const created = await store
        .saveSurvey(buildSurvey({ etag: 1 }), 0, trailEntry('survey.created', 'survey-1'))
        .catch((error: unknown) => error);
      expect(created).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'surveys', id: 'survey-1', etag: 1, updatedBy: 'mette-kjaer', updatedAt: at(1) },
      });
      const edited = buildSurvey({ linkValidDays: 30, etag: 2, updatedAt: at(3), updatedBy: 'anne-birk' });
      await store.saveSurvey(edited, 1, trailEntry('survey.updated', 'survey-1'));
      const stale = await store
        .saveSurvey(buildSurvey({ linkValidDays: 90, etag: 2 }), 1, trailEntry('survey.updated', 'survey-1'))
        .catch((error: unknown) => error);
      expect(stale).toMatchObject({
        code: 'CONFLICT',
        details: { collection: 'surveys', etag: 2, updatedBy: 'anne-birk', updatedAt: at(3) },
      });
      const missing = await store
        .saveSurvey(buildSurvey({ id: 'survey-9' }), 4, trailEntry('survey.updated', 'survey-9'))
        .catch((error: unknown) => error);
      expect(missing).toMatchObject({ code: 'CONFLICT', details: { id: 'survey-9', etag: 0, updatedBy: null } });
      expect(await store.listSurveys()).toEqual([edited]);
      expect((await subject.trail()).map((entry) => entry.action)).toEqual(['survey.created', 'survey.updated']);
    });

    it('keeps links per survey and round: the linked case ids and the links issued per round, case type and unit', async () => {
      await saveSurveys();
      const links = [
        buildLink({ tokenHash: hash(1), caseId: 'c-1' }),
        buildLink({ tokenHash: hash(2), caseId: 'c-2', unitId: 'u-miljo' }),
        buildLink({ tokenHash: hash(3), caseId: 'c-3' }),
        buildLink({ tokenHash: hash(4), caseId: 'c-4', caseType: 'Landzonetilladelse' }),
        buildLink({ tokenHash: hash(5), caseId: 'c-0', roundId: '2025' }),
        buildLink({ tokenHash: hash(6), caseId: 'c-9', surveyId: 'survey-2' }),
      ];
      await store.insertLinks(links, trailEntry('survey.links-issued', 'survey-1'));
      expect((await store.linkedCaseIds('survey-1', '2026')).sort()).toEqual(['c-1', 'c-2', 'c-3', 'c-4']);
      expect(await store.linkedCaseIds('survey-1', '2025')).toEqual(['c-0']);
      expect(await store.linkedCaseIds('survey-3', '2026')).toEqual([]);
      expect(await store.issuedLinks('survey-1')).toEqual([
        { roundId: '2025', caseType: 'Byggetilladelse', unitId: 'u-byg', count: 1 },
        { roundId: '2026', caseType: 'Byggetilladelse', unitId: 'u-byg', count: 2 },
        { roundId: '2026', caseType: 'Byggetilladelse', unitId: 'u-miljo', count: 1 },
        { roundId: '2026', caseType: 'Landzonetilladelse', unitId: 'u-byg', count: 1 },
      ]);
      expect(await store.findOpenLink(hash(2), at(5))).toEqual(links[1]);
      expect(await trailAfterSurveys()).toEqual([trailEntry('survey.links-issued', 'survey-1')]);
    });

    it('finds a link only while it is open: before its expiry, never after, never for an unknown hash', async () => {
      await saveSurveys();
      const link = buildLink({ expiresAt: at(20) });
      await store.insertLinks([link], trailEntry('survey.links-issued', 'survey-1'));
      expect(await store.findOpenLink(link.tokenHash, '2026-03-20T08:29:59.999Z')).toEqual(link);
      expect(await store.findOpenLink(link.tokenHash, at(20))).toBeUndefined();
      expect(await store.findOpenLink(link.tokenHash, at(21))).toBeUndefined();
      expect(await store.findOpenLink(hash(99), at(5))).toBeUndefined();
    });

    it('takes one answer per link: accepted once, already-answered after, invalid when expired or unknown', async () => {
      await saveSurveys();
      await store.insertLinks(
        [buildLink({ tokenHash: hash(1) }), buildLink({ tokenHash: hash(2), caseId: 'c-2', expiresAt: at(10) })],
        trailEntry('survey.links-issued', 'survey-1'),
      );
      expect(await store.answerThroughLink(hash(1), at(5), buildAnswer({ id: 'a-1' }))).toBe('accepted');
      expect(await store.answerThroughLink(hash(1), at(6), buildAnswer({ id: 'a-2' }))).toBe('already-answered');
      expect(await store.answerThroughLink(hash(2), at(10), buildAnswer({ id: 'a-3' }))).toBe('invalid');
      expect(await store.answerThroughLink(hash(3), at(5), buildAnswer({ id: 'a-4' }))).toBe('invalid');
      expect(await store.listAnswers('survey-1')).toEqual([buildAnswer({ id: 'a-1' })]);
      expect(await store.findOpenLink(hash(1), at(7))).toEqual(buildLink({ tokenHash: hash(1), isAnswered: true }));
      expect(await store.findOpenLink(hash(2), at(9))).toMatchObject({ isAnswered: false });
    });

    it('accepts one of two answers given at once through the same link', async () => {
      await saveSurveys();
      await store.insertLinks([buildLink({ tokenHash: hash(1) })], trailEntry('survey.links-issued', 'survey-1'));
      const outcomes = await Promise.all([
        store.answerThroughLink(hash(1), at(5), buildAnswer({ id: 'a-1' })),
        store.answerThroughLink(hash(1), at(5), buildAnswer({ id: 'a-2', values: { 'q-overall': 1 } })),
      ]);
      expect([...outcomes].sort()).toEqual(['accepted', 'already-answered']);
      const answers = await store.listAnswers('survey-1');
      expect(answers).toHaveLength(1);
      expect(answers[0]!.id).toBe(outcomes[0] === 'accepted' ? 'a-1' : 'a-2');
    });

    it('imports answers with their trail entry, and lists a survey’s answers by round, then id', async () => {
      await saveSurveys();
      const imported = [
        buildAnswer({ id: 'i-2', source: 'import', roundId: '2025' }),
        buildAnswer({ id: 'i-3', source: 'import', values: { 'q-overall': 2 } }),
        buildAnswer({ id: 'i-1', source: 'import', unitId: 'u-miljo', caseType: 'Landzonetilladelse' }),
        buildAnswer({ id: 'i-9', surveyId: 'survey-2', source: 'import' }),
      ];
      await store.importAnswers(imported, trailEntry('survey.answers-imported', 'survey-1'));
      expect(await store.listAnswers('survey-1')).toEqual([imported[0], imported[2], imported[1]]);
      expect(await store.listAnswers('survey-2')).toEqual([imported[3]]);
      expect(await store.listAnswers('survey-3')).toEqual([]);
      expect(await trailAfterSurveys()).toEqual([trailEntry('survey.answers-imported', 'survey-1')]);
    });
  });
}
