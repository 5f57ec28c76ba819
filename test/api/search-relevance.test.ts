import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relevanceCases } from '../fixtures/search-relevance.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

/** The share of the relevance set whose right procedure is among the first three hits, over HTTP. */
describe('search relevance over the demo handbook', () => {
  it('finds the right procedure in the top 3 for at least 90 % of the relevance set', async () => {
    const misses: string[] = [];
    const byLang = { da: { found: 0, all: 0 }, nb: { found: 0, all: 0 } };
    for (const { query, expected, lang } of relevanceCases) {
      const response = await server.api.get(people.natureCaseworker, `/search?q=${encodeURIComponent(query)}`);
      expect(response.status).toBe(200);
      const top = (response.body.hits as { code: string | null }[]).slice(0, 3).map((hit) => hit.code);
      const found = expected.some((code) => top.includes(code));
      byLang[lang].all += 1;
      if (found) byLang[lang].found += 1;
      else misses.push(`${lang} "${query}": expected ${expected.join('/')}, got ${top.join(', ') || 'nothing'}`);
    }
    const found = byLang.da.found + byLang.nb.found;
    const share = found / relevanceCases.length;
    console.log(
      `Search relevance: ${found}/${relevanceCases.length} in the top 3 (${(share * 100).toFixed(1)} %);` +
        ` Danish ${byLang.da.found}/${byLang.da.all}, Norwegian ${byLang.nb.found}/${byLang.nb.all}` +
        (misses.length > 0 ? `\nMisses:\n  ${misses.join('\n  ')}` : ''),
    );
    expect(byLang.da.all).toBeGreaterThanOrEqual(40);
    expect(byLang.nb.all).toBeGreaterThanOrEqual(10);
    expect(share).toBeGreaterThanOrEqual(0.9);
  });
});
