import { describe, expect, it } from 'vitest';
import type { BatchRequest, GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { openSharePointSurveyStore } from '../../functions/src/adapters/sharepoint/sharepoint-survey-store.js';
import { sharePointContractSite } from './contract-sites.js';
import { buildAnswer, buildLink, describeSurveyStoreContract } from './survey-store-contract.js';

/** The SurveyStore contract on SharePoint lists, through the Graph double (a fresh site per test). */
describeSurveyStoreContract('SharePoint (Graph double)', async () => {
  const { graph, site, trail, close } = await sharePointContractSite();
  return { store: await openSharePointSurveyStore(graph, site.id), trail, close };
});

const trail = {
  at: '2026-03-01T08:00:00.000Z',
  actorId: 'mette-kjaer',
  action: 'survey.links-issued',
  procedureId: null,
  subjectId: 'survey-1',
  summary: 's',
  details: {},
};

describe('the SharePoint survey store: one answer per link under a race', () => {
  it('refuses the answer whose If-Match lost to another answer written after its read (412 → already-answered)', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const store = await openSharePointSurveyStore(graph, site.id);
      const link = buildLink();
      await store.insertLinks([link], trail);
      // The other respondent's answer lands between our read of the link and our write.
      let raced = false;
      const racing: GraphClient = {
        ...graph,
        async batch<T>(requests: BatchRequest[]) {
          if (!raced && requests.some((request) => request.method === 'PATCH')) {
            raced = true;
            expect(await store.answerThroughLink(link.tokenHash, '2026-03-05T00:00:00.000Z', buildAnswer())).toBe(
              'accepted',
            );
          }
          return graph.batch<T>(requests);
        },
      };
      const slow = await openSharePointSurveyStore(racing, site.id);
      expect(
        await slow.answerThroughLink(link.tokenHash, '2026-03-05T00:00:00.000Z', buildAnswer({ id: 'answer-2' })),
      ).toBe('already-answered');
      expect(raced).toBe(true);
      expect(await store.listAnswers('survey-1')).toEqual([buildAnswer()]);
    } finally {
      await close();
    }
  });

  it('marks the link unanswered again when the answer cannot be stored, so the respondent can try again', async () => {
    const { graph, site, close } = await sharePointContractSite();
    try {
      const store = await openSharePointSurveyStore(graph, site.id);
      const link = buildLink();
      await store.insertLinks([link], trail);
      const failing: GraphClient = {
        ...graph,
        async batch<T>(requests: BatchRequest[]) {
          const outcomes = await graph.batch<T>(
            requests.map((request) =>
              request.method === 'POST' ? { ...request, url: `${request.url}/nope` } : request,
            ),
          );
          return outcomes;
        },
      };
      const broken = await openSharePointSurveyStore(failing, site.id);
      await expect(
        broken.answerThroughLink(link.tokenHash, '2026-03-05T00:00:00.000Z', buildAnswer()),
      ).rejects.toThrow();
      expect(await store.findOpenLink(link.tokenHash, '2026-03-05T00:00:00.000Z')).toEqual(link);
      expect(await store.answerThroughLink(link.tokenHash, '2026-03-05T00:00:00.000Z', buildAnswer())).toBe('accepted');
      expect(await store.listAnswers('survey-1')).toEqual([buildAnswer()]);
    } finally {
      await close();
    }
  });
});
