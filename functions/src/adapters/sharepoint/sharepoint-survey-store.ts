import { isAppError } from '../../core/errors.js';
import type { IssuedLinks } from '../../core/survey-results.js';
import type { Survey, SurveyAnswer, SurveyLink } from '../../core/survey-types.js';
import { staleSurveyError, type SurveyStore } from '../../app/survey-ports.js';
import { surveyAnswerRecord, surveyLinkRecord, surveyRecord } from '../../records/surveys.js';
import type { GraphClient } from './graph-client.js';
import { openListRepository, type Found, type ListWrite } from './sharepoint-list-repository.js';
import { fromFields, mappingOf, toFields, trailMapping } from './sharepoint-records.js';

const surveyMapping = mappingOf(surveyRecord);
const linkMapping = mappingOf(surveyLinkRecord);
const answerMapping = mappingOf(surveyAnswerRecord);

/** Nothing found: the writes of new records with random keys (links, answers) skip the lookups. */
const nothingFound: Found = { get: () => undefined, record: () => undefined };

/**
 * The SurveyStore port on SharePoint lists (`surveyLists`), written through the one list
 * repository (see its header for the commit algorithm and its limits).
 *
 * - A survey is a guarded write: If-Match on the eTag read, a new one relying on the unique KhKey;
 *   a lost race is the port's CONFLICT, as on SQLite.
 * - Links and answers have random keys (the token's hash, a UUID), so they are POSTed without a
 *   lookup, in `$batch` envelopes of 20, the trail entry last. No transaction: if an envelope
 *   fails part-way, the links or answers already written stay and the trail entry is not written;
 *   a repeated link issue skips the cases already linked (`linkedCaseIds`), a repeated answer
 *   import adds its answers again (they have fresh ids), so the coordinator checks n after a
 *   failed import. SQLite writes each in one transaction.
 * - One answer per token: answering PATCHes the link's `isAnswered` with If-Match on the eTag of
 *   the link as read, and POSTs the answer in the same envelope, run only after the PATCH
 *   succeeded (`dependsOn`). Of two answers racing, the second PATCH gets 412 (the first changed
 *   the item's eTag), its answer is not run, and it reads as 'already-answered'. Should the
 *   answer's POST fail after the PATCH, the link is marked unanswered again (not fenced: a link
 *   is only ever written by its one respondent) and the error is thrown.
 * - Reads filter on one indexed column (`surveyKey`); the round is filtered in memory.
 */
export async function openSharePointSurveyStore(graph: GraphClient, siteId: string): Promise<SurveyStore> {
  const lists = await openListRepository(graph, siteId, [
    surveyMapping.list,
    linkMapping.list,
    answerMapping.list,
    trailMapping.list,
  ]);
  const linksOf = (surveyId: string) => lists.records(linkMapping, 'surveyKey', surveyId);

  /** The link item and its record, if it exists and has not expired at `now`. */
  async function openLink(tokenHash: string, now: string) {
    const item = await lists.find(linkMapping, tokenHash);
    if (!item) return undefined;
    const link = fromFields(linkMapping, item.fields);
    return link.expiresAt > now ? { item, link } : undefined;
  }

  /** New records with random keys, then the trail entry (see the header). */
  async function insertAll(writes: ListWrite[], trail: unknown): Promise<void> {
    await lists.write([...writes, { kind: 'append', mapping: trailMapping, record: trail }], nothingFound);
  }

  return {
    async listSurveys() {
      const surveys = (await lists.all(surveyMapping)).map((item) => fromFields(surveyMapping, item.fields));
      return surveys.sort((a, b) => byText(a.title.da, b.title.da) || byText(a.id, b.id));
    },
    getSurvey: (id) => lists.get(surveyMapping, id),
    async saveSurvey(survey: Survey, expectedEtag, trail) {
      await lists.commit(
        [
          { kind: 'upsert', mapping: surveyMapping, record: survey, guard: true },
          { kind: 'append', mapping: trailMapping, record: trail },
        ],
        {
          check(found) {
            const stored = found.record(surveyMapping, survey.id);
            if ((stored?.etag ?? 0) !== expectedEtag) throw staleSurveyError(survey.id, stored);
          },
          async lostRace() {
            return staleSurveyError(survey.id, await lists.get(surveyMapping, survey.id));
          },
        },
      );
    },
    async linkedCaseIds(surveyId, roundId) {
      return (await linksOf(surveyId)).filter((link) => link.roundId === roundId).map((link) => link.caseId);
    },
    async insertLinks(links, trail) {
      await insertAll(
        links.map((link): ListWrite => ({ kind: 'insert', mapping: linkMapping, record: link })),
        trail,
      );
    },
    async answerThroughLink(tokenHash, now, answer: SurveyAnswer) {
      const open = await openLink(tokenHash, now);
      if (!open) return 'invalid';
      if (open.link.isAnswered) return 'already-answered';
      const answered: SurveyLink = { ...open.link, isAnswered: true };
      const [marked, stored] = await lists.batch([
        lists.patchRequest(linkMapping, open.item, toFields(linkMapping, answered), open.item.eTag),
        { ...lists.createRequest(answerMapping, toFields(answerMapping, answer)), afterTheOthers: true },
      ]);
      if (!marked!.ok) {
        if (isAppError(marked!.error) && marked!.error.code === 'CONFLICT') return 'already-answered';
        throw marked!.error;
      }
      if (!stored!.ok) {
        await lists.batch([lists.patchRequest(linkMapping, open.item, toFields(linkMapping, open.link))]);
        throw stored!.error;
      }
      return 'accepted';
    },
    async findOpenLink(tokenHash, now) {
      return (await openLink(tokenHash, now))?.link;
    },
    async importAnswers(answers, trail) {
      await insertAll(
        answers.map((answer): ListWrite => ({ kind: 'insert', mapping: answerMapping, record: answer })),
        trail,
      );
    },
    async listAnswers(surveyId) {
      const answers = await lists.records(answerMapping, 'surveyKey', surveyId);
      return answers.sort((a, b) => byText(a.roundId, b.roundId) || byText(a.id, b.id));
    },
    async issuedLinks(surveyId) {
      const counts = new Map<string, IssuedLinks>();
      for (const link of await linksOf(surveyId)) {
        const key = JSON.stringify([link.roundId, link.caseType, link.unitId]);
        const entry = counts.get(key) ?? {
          roundId: link.roundId,
          caseType: link.caseType,
          unitId: link.unitId,
          count: 0,
        };
        entry.count += 1;
        counts.set(key, entry);
      }
      return [...counts.values()].sort(
        (a, b) => byText(a.roundId, b.roundId) || byText(a.caseType, b.caseType) || byText(a.unitId, b.unitId),
      );
    },
  };
}

/** Code-point order, as SQLite's ORDER BY on text sorts. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
