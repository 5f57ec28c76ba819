import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApprovalComparisonDto } from '../../functions/src/contract/schemas.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const procedureByCode = (code: string, as?: string) => server.api.procedureByCode(code, as);

const before = [
  '# Dispensation',
  '',
  'Ansøgningen behandles inden for 30 dage.',
  '',
  '- Kort over arealet',
  '- Fotos af stedet',
  '- Naboernes bemærkninger',
  '',
  'Afgørelsen sendes med klagevejledning.',
].join('\n');

const after = [
  '# Dispensation',
  '',
  'Ansøgningen behandles inden for 20 dage.',
  '',
  '- Kort over arealet',
  '- Naboernes bemærkninger',
  '',
  'Afgørelsen sendes med klagevejledning.',
  '',
  'Besigtigelse er obligatorisk.',
].join('\n');

/** Uploads a Markdown draft as the author and submits it; returns the procedure after submitting. */
async function submitRevision(procedureId: string, text: string, changeSummary: string) {
  const { api } = server;
  const current = (await api.get(people.natureAuthor, `/procedures/${procedureId}`)).body;
  const uploaded = await api.upload(people.natureAuthor, procedureId, 'K-17.md', text, current.etag);
  expect(uploaded.status).toBe(200);
  const submitted = await api.post(
    people.natureAuthor,
    `/procedures/${procedureId}/draft/submit`,
    { changeSummary },
    uploaded.body.etag,
  );
  expect(submitted.status).toBe(200);
  return submitted.body;
}

describe('GET /approvals/{id}/comparison: the approver sees what they approve', () => {
  let procedureId: string;
  let approvalId: string;

  beforeAll(async () => {
    const { api } = server;
    const procedure = await procedureByCode('K-17', people.natureAuthor);
    procedureId = procedure.id;
    // A known published text to compare with: the first revision is approved.
    const first = await submitRevision(procedureId, before, 'Kendt udgangspunkt.');
    const approved = await api.post(people.natureLeader, `/approvals/${first.pendingApproval.id}/approve`, {});
    expect(approved.status).toBe(200);
    // A metadata change after that version, then the revision the approver is asked about.
    const patched = await api.call(people.coordinator, 'PATCH', `/procedures/${procedureId}`, {
      json: { reviewIntervalMonths: 18, ownerId: people.natureLeader },
      ifMatch: approved.body.etag,
    });
    expect(patched.status).toBe(200);
    const submitted = await submitRevision(procedureId, after, 'Kortere frist; besigtigelse er obligatorisk.');
    approvalId = submitted.pendingApproval.id;
  });

  it('gives the approver the change summary, the metadata changes and the comparison, with Approve', async () => {
    const response = await server.api.get<ApprovalComparisonDto>(
      people.natureLeader,
      `/approvals/${approvalId}/comparison`,
    );
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.procedure).toMatchObject({ id: procedureId, code: 'K-17' });
    expect(body.approval).toMatchObject({
      id: approvalId,
      changeSummary: 'Kortere frist; besigtigelse er obligatorisk.',
      decision: null,
    });
    expect(body.from?.label).toMatch(/^\d+\.\d+$/);
    expect(body.draft).toMatchObject({ fileName: 'K-17.md', mediaType: expect.stringContaining('markdown') });
    expect(body.metadataChanges).toEqual(
      expect.arrayContaining([
        { field: 'reviewIntervalMonths', from: expect.any(String), to: '18' },
        { field: 'owner', from: 'Peter Lund', to: 'Anne Birk' },
      ]),
    );
    expect(body.abilities).toEqual({ approve: true, reject: true });
    expect(body.comparison.state).toBe('compared');
    if (body.comparison.state !== 'compared') return;
    expect(body.comparison.blocks).toEqual([
      { type: 'heading', level: 1, change: 'same', segments: [{ kind: 'same', text: 'Dispensation' }] },
      {
        type: 'paragraph',
        level: 0,
        change: 'changed',
        segments: [
          { kind: 'same', text: 'Ansøgningen behandles inden for ' },
          { kind: 'removed', text: '30' },
          { kind: 'added', text: '20' },
          { kind: 'same', text: ' dage.' },
        ],
      },
      { type: 'list-item', level: 0, change: 'same', segments: [{ kind: 'same', text: 'Kort over arealet' }] },
      { type: 'list-item', level: 0, change: 'removed', segments: [{ kind: 'removed', text: 'Fotos af stedet' }] },
      { type: 'list-item', level: 0, change: 'same', segments: [{ kind: 'same', text: 'Naboernes bemærkninger' }] },
      {
        type: 'paragraph',
        level: 0,
        change: 'same',
        segments: [{ kind: 'same', text: 'Afgørelsen sendes med klagevejledning.' }],
      },
      {
        type: 'paragraph',
        level: 0,
        change: 'added',
        segments: [{ kind: 'added', text: 'Besigtigelse er obligatorisk.' }],
      },
    ]);
    expect(body.comparison.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });

  it('shows the author the same comparison, without Approve', async () => {
    const response = await server.api.get(people.natureAuthor, `/approvals/${approvalId}/comparison`);
    expect(response.status).toBe(200);
    expect(response.body.comparison.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(response.body.abilities).toEqual({ approve: false, reject: false });
  });

  it('is NOT_FOUND for a reader who may not see the draft, as for an id that does not exist', async () => {
    const hidden = await server.api.get(people.environmentCaseworker, `/approvals/${approvalId}/comparison`);
    const missing = await server.api.get(people.environmentCaseworker, '/approvals/no-such-approval/comparison');
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(hidden.body)).not.toContain('besigtigelse');
  });

  it('needs a signed-in caller', async () => {
    const anonymous = await server.api.get(null, `/approvals/${approvalId}/comparison`);
    expect(anonymous.status).toBe(401);
  });

  it('puts "Åbn kladden" on the approver’s card, pointing at the tab’s approval view', async () => {
    const chat = await server.api.get(people.natureLeader, '/chat/messages');
    const urls = (chat.body.messages as { card: unknown }[]).flatMap((message) =>
      JSON.stringify(message.card).includes(approvalId) ? openUrls(message.card) : [],
    );
    expect(urls).toContainEqual({
      title: 'Åbn kladden',
      url: `${server.url}/procedures/${encodeURIComponent(procedureId)}/approval`,
    });
  });

  it('stays readable once approved (both versions are published), without Approve', async () => {
    const approved = await server.api.post(people.natureLeader, `/approvals/${approvalId}/approve`, {});
    expect(approved.status).toBe(200);
    const asReader = await server.api.get(people.environmentCaseworker, `/approvals/${approvalId}/comparison`);
    expect(asReader.status).toBe(200);
    expect(asReader.body.approval.decision).toBe('approved');
    expect(asReader.body.abilities).toEqual({ approve: false, reject: false });
    expect(asReader.body.comparison.counts).toEqual({ added: 1, removed: 1, changed: 1 });
  });
});

function openUrls(card: unknown): { title: string; url: string }[] {
  const found: { title: string; url: string }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record['type'] === 'Action.OpenUrl')
        found.push({ title: String(record['title']), url: String(record['url']) });
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return found;
}
