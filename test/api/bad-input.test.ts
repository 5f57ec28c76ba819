import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProcedureDocx } from '../../functions/src/documents/procedure-template.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
let procedure: { id: string; etag: string; currentVersion: { id: string } };
let createdId = '';

beforeAll(async () => {
  server = await startTestServer();
  const list = await server.api.get(people.natureAuthor, '/procedures?limit=1000');
  const id = list.body.items.find((item: { code: string }) => item.code === 'K-17').id;
  procedure = (await server.api.get(people.natureAuthor, `/procedures/${id}`)).body;
});
afterAll(async () => server?.stop());

/** Every refused write must leave the procedure exactly as it was. */
async function expectUnchanged(): Promise<void> {
  const now = (await server.api.get(people.coordinator, `/procedures/${procedure.id}`)).body;
  expect(now.etag).toBe(procedure.etag);
  expect(now.draft).toBeNull();
  expect(now.currentVersion.id).toBe(procedure.currentVersion.id);
}

const validBody = {
  code: 'S-12',
  title: 'Procedure for test',
  level: 'support',
  area: 'Forbedring',
  ownerId: people.coordinator,
  approverId: people.director,
};

describe('bad input gets a clear 4xx and loses nothing', () => {
  it('malformed JSON', async () => {
    const response = await server.api.call(people.coordinator, 'POST', '/procedures', {
      raw: '{"code": "S-12",',
      contentType: 'application/json',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'BAD_JSON', message: expect.stringContaining('JSON') });
  });

  it('wrong types name the field', async () => {
    const response = await server.api.post(people.coordinator, '/procedures', {
      ...validBody,
      reviewIntervalMonths: 'tolv',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION');
    expect(response.body.details.issues[0].path).toBe('reviewIntervalMonths');
  });

  it('unknown fields are refused, not dropped', async () => {
    const response = await server.api.post(people.coordinator, '/procedures', { ...validBody, isApproved: true });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('isApproved');
  });

  it('unknown query parameters and bad enum values are refused', async () => {
    expect((await server.api.get(people.coordinator, '/procedures?sort=password')).status).toBe(400);
    expect((await server.api.get(people.coordinator, '/procedures?limit=100000')).status).toBe(400);
    expect((await server.api.get(people.coordinator, '/procedures?debug=1')).status).toBe(400);
  });

  it('oversized JSON bodies get 413', async () => {
    const response = await server.api.post(people.coordinator, '/procedures', {
      ...validBody,
      title: 'x'.repeat(200_000),
    });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('oversized files get 413', async () => {
    const big = new Uint8Array(11 * 1024 * 1024).fill(0x61);
    const response = await server.api.upload(people.natureAuthor, procedure.id, 'stor.md', big, procedure.etag);
    expect(response.status).toBe(413);
    await expectUnchanged();
  });

  it.each(['../../etc/passwd.md', '..\\..\\windows\\win.ini.md', 'a/b.md', 'ok\u0000.md', ''])(
    'path traversal or control characters in the file name %j',
    async (fileName) => {
      const response = await server.api.upload(people.natureAuthor, procedure.id, fileName, '# Hej', procedure.etag);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION');
      await expectUnchanged();
    },
  );

  it('an executable renamed .docx is refused by its content', async () => {
    const executable = new Uint8Array(4096);
    executable.set([0x4d, 0x5a, 0x90, 0x00]);
    const response = await server.api.upload(
      people.natureAuthor,
      procedure.id,
      'procedure.docx',
      executable,
      procedure.etag,
    );
    expect(response.status).toBe(415);
    expect(response.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(response.body.message.toLowerCase()).toContain('executable');
    await expectUnchanged();
  });

  it('a real Word document named .pdf is refused; named .docx it is accepted', async () => {
    const docx = await buildProcedureDocx({ code: 'K-17', title: 'Test', organisation: 'Eksempel Kommune' });
    const misnamed = await server.api.upload(people.natureAuthor, procedure.id, 'procedure.pdf', docx, procedure.etag);
    expect(misnamed.status).toBe(415);
    await expectUnchanged();
  });

  it('HTML and script in titles are stored and returned as text', async () => {
    const title = '<script>alert("x")</script><img src=x onerror=alert(1)> Støj & lugt';
    const created = await server.api.post(people.coordinator, '/procedures', { ...validBody, code: 'S-13', title });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe(title);
    const rendered = await server.api.get(
      people.coordinator,
      `/procedures/${created.body.id}/versions/${created.body.draft.id}/rendered`,
    );
    expect(rendered.body.html).not.toContain('<script');
    expect(rendered.body.html).not.toContain('<img');
    expect(rendered.body.html).toContain('&lt;script&gt;');
    createdId = created.body.id;
  });

  it('script in an uploaded Markdown file is neutralised', async () => {
    const md = '# Titel\n\n<script>alert(1)</script>\n\n[klik](javascript:alert(1))\n';
    const fresh = (await server.api.get(people.coordinator, `/procedures/${createdId}`)).body;
    const uploaded = await server.api.upload(people.coordinator, createdId, 'x.md', md, fresh.etag);
    expect(uploaded.status).toBe(200);
    const rendered = await server.api.get(
      people.coordinator,
      `/procedures/${createdId}/versions/${uploaded.body.draft.id}/rendered`,
    );
    expect(rendered.body.html).not.toMatch(/<script|href="javascript:/i);
    expect(rendered.body.html).toContain('&lt;script&gt;');
  });

  it.each(['"', '*', "'; DROP TABLE procedures; --", 'NEAR(a b)', '(', 'title:x', '^', 'AND OR NOT', '%', '\\'])(
    'FTS and SQL special characters in search: %j',
    async (q) => {
      const response = await server.api.get(people.natureCaseworker, `/search?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body.hits)).toBe(true);
    },
  );

  it('a search query that is too long is refused', async () => {
    const response = await server.api.get(people.natureCaseworker, `/search?q=${'a'.repeat(201)}`);
    expect(response.status).toBe(400);
  });

  it('malformed ids and paths', async () => {
    expect((await server.api.get(people.coordinator, '/procedures/..%2F..%2Fetc')).status).toBe(400);
    expect((await server.api.get(people.coordinator, '/procedures/%E0%A4%A')).status).toBe(400);
    expect((await server.api.get(people.coordinator, '/procedures/does-not-exist')).status).toBe(404);
    expect((await server.api.get(people.coordinator, '/nothing-here')).status).toBe(404);
    expect((await server.api.call(people.coordinator, 'DELETE', '/procedures')).status).toBe(405);
  });

  it('no identity, or an unknown one, is 401', async () => {
    expect((await server.api.get(null, '/procedures')).status).toBe(401);
    expect((await server.api.get('nobody', '/procedures')).status).toBe(401);
  });

  it('a duplicate code is refused', async () => {
    const response = await server.api.post(people.coordinator, '/procedures', { ...validBody, code: 'K-16' });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('DUPLICATE');
  });

  it('a caseworker cannot create procedures', async () => {
    const response = await server.api.post(people.natureCaseworker, '/procedures', { ...validBody, code: 'S-14' });
    expect(response.status).toBe(403);
  });

  it('the audit trail cannot be changed, even from inside the process', () => {
    expect(() => server.app.db.prepare("UPDATE audit_trail SET summary = 'x'").run()).toThrow(/append-only/);
    expect(() => server.app.db.prepare('DELETE FROM audit_trail').run()).toThrow(/append-only/);
  });
});
