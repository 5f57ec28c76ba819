import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

type Hit = {
  kind: string;
  id: string;
  procedureId: string | null;
  auditId: string | null;
  code: string | null;
  title: string;
  snippet: { text: string; isMatch: boolean }[];
};
const search = async (query: string, user: string = people.natureCaseworker) => {
  const response = await server.api.get(user, `/search?${query}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { query: string; total: number; limit: number; offset: number; hits: Hit[] };
};

describe('search across the product', () => {
  it('finds the three dispensation procedures from the plural', async () => {
    const result = await search('q=dispensationer&kinds=procedure');
    expect(
      result.hits
        .slice(0, 3)
        .map((hit) => hit.code)
        .sort(),
    ).toEqual(['K-16', 'K-17', 'K-23']);
  });

  it('gives a true total and pages through every hit without gaps or repeats', async () => {
    const all = await search('q=klage&limit=50');
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThan(5);
    const paged: string[] = [];
    for (let offset = 0; offset < all.total; offset += 3) {
      const page = await search(`q=klage&limit=3&offset=${offset}`);
      expect(page).toMatchObject({ total: all.total, limit: 3, offset });
      paged.push(...page.hits.map((hit) => `${hit.kind}:${hit.id}`));
    }
    expect(paged).toEqual(all.hits.map((hit) => `${hit.kind}:${hit.id}`));
    expect((await search(`q=klage&offset=${all.total}`)).hits).toEqual([]);
  });

  it('lists procedures first, then corrective actions, audits and findings, then competences, each labelled', async () => {
    const result = await search('q=klagevejledning&limit=50');
    const kinds = result.hits.map((hit) => hit.kind);
    const order = ['procedure', 'corrective-action', 'audit', 'finding', 'competence'];
    const groups = kinds.map((kind) => (kind === 'finding' ? 2 : order.indexOf(kind)));
    expect(groups).toEqual([...groups].sort((a, b) => a - b));
    expect(kinds).toContain('procedure');
    expect(kinds).toContain('corrective-action');
    expect(kinds).toContain('audit');
    const procedure = result.hits.find((hit) => hit.kind === 'procedure')!;
    expect(procedure.procedureId).toBe(procedure.id);
    expect(procedure.code).toMatch(/^[KLS]-\d\d$/);
    const action = result.hits.find((hit) => hit.kind === 'corrective-action')!;
    expect(action).toMatchObject({ procedureId: null, code: null });
    const audit = result.hits.find((hit) => hit.kind === 'audit')!;
    expect(audit.auditId).toBe(audit.id);
  });

  it('finds competences and limits the kinds when asked', async () => {
    const result = await search('q=brandforhold&kinds=competence');
    expect(result.hits.map((hit) => hit.kind)).toEqual(['competence']);
    expect(result.hits[0]!.title).toBe('Brandforhold i byggesager');
    const onlyActions = await search('q=klage&kinds=corrective-action,audit');
    expect(onlyActions.hits.every((hit) => ['corrective-action', 'audit'].includes(hit.kind))).toBe(true);
  });

  it('cuts snippets at word boundaries and marks the matched words', async () => {
    const result = await search('q=tilsyn&kinds=procedure');
    const hit = result.hits.find((candidate) => candidate.code === 'K-05')!;
    expect(hit.snippet.some((segment) => segment.isMatch && /tilsyn/i.test(segment.text))).toBe(true);
    const text = hit.snippet.map((segment) => segment.text).join('');
    const inner = text.replace(/^…/, '').replace(/…$/, '');
    // Starts and ends with whole words of the procedure's text.
    expect(inner).toMatch(/^[\p{L}\p{N}]/u);
    expect(inner).toMatch(/[\p{L}\p{N}.,;:)]$/u);
    const detail = (await server.api.get(people.natureCaseworker, `/procedures/${hit.id}`)).body;
    expect(detail.code).toBe('K-05');
  });

  it('finds an unpublished procedure only as a draft, and only for those who may read it', async () => {
    for (const user of [people.natureCaseworker, people.coordinator]) {
      const result = await search('q=VVM-screening&kinds=procedure', user);
      expect(result.hits.map((hit) => hit.code)).not.toContain('K-19');
    }
    const asCoordinator = await search('q=VVM-screening', people.coordinator);
    const draft = asCoordinator.hits.find((hit) => hit.code === 'K-19')!;
    expect(draft).toMatchObject({ kind: 'draft', procedureId: draft.id, auditId: null });
    expect(asCoordinator.hits.filter((hit) => hit.kind === 'procedure').map((hit) => hit.code)).not.toContain('K-19');
    const asCaseworker = await search('q=VVM-screening', people.natureCaseworker);
    expect(asCaseworker.hits.filter((hit) => hit.kind === 'draft')).toEqual([]);
  });

  it('lists drafts after the published procedures, for their approver too, and counts only those one may read', async () => {
    const asCoordinator = await search('q=dispensation&limit=50', people.coordinator);
    const kinds = asCoordinator.hits.map((hit) => hit.kind);
    expect(kinds.lastIndexOf('procedure')).toBeLessThan(kinds.indexOf('draft'));
    const pending = asCoordinator.hits.find((hit) => hit.kind === 'draft' && hit.code === 'K-16')!;
    // The published K-16 and its revision awaiting approval are two hits.
    expect(asCoordinator.hits.filter((hit) => hit.id === pending.id).map((hit) => hit.kind)).toEqual([
      'procedure',
      'draft',
    ]);
    const detail = (await server.api.get(people.coordinator, `/procedures/${pending.id}`)).body;
    const asApprover = await search('q=dispensation&kinds=draft', detail.approver.id);
    expect(asApprover.hits.map((hit) => hit.code)).toContain('K-16');
    const asCaseworker = await search('q=dispensation&kinds=draft', people.natureCaseworker);
    expect(asCaseworker).toMatchObject({ total: 0, hits: [] });
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=51', 'limit'],
    ['offset=-1', 'offset'],
    ['kinds=procedures', 'kinds'],
    ['kinds=', 'kinds'],
  ])('refuses %s', async (query) => {
    const response = await server.api.get(people.natureCaseworker, `/search?q=tilsyn&${query}`);
    expect(response.status).toBe(400);
  });
});
