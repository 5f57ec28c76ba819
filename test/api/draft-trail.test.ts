import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Issue 10, item 9: the audit trail must not tell a reader about a draft they may not see. Entries
 * about a version that was never published (its upload, its submission, a withdrawal or rejection)
 * are shown only to those who may see the draft; entries about published versions stay for all
 * who see the trail.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const buildingLeader = 'sofie-dahl';

async function procedureId(code: string): Promise<string> {
  const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
  return list.body.items.find((item: { code: string }) => item.code === code).id;
}

type Entry = { action: string; summary: string };
const draftActions = ['draft.uploaded', 'draft.submitted', 'approval.withdrawn', 'approval.rejected'];
const hasDraftEntries = (trail: Entry[]) => trail.some((entry) => draftActions.includes(entry.action));

describe('draft activity in the audit trail', () => {
  it('is hidden from a leader of another unit, shown to the author, the approver and the coordinator', async () => {
    const id = await procedureId('K-20'); // a published building procedure with an open draft
    const asCoordinator = await server.api.get(people.coordinator, `/procedures/${id}`);
    const draft = asCoordinator.body.draft;
    expect(draft).not.toBeNull();
    expect(
      asCoordinator.body.trail.some((entry: Entry) => entry.summary.includes(draft.file.name)),
      'the coordinator sees the upload of the open draft',
    ).toBe(true);

    for (const who of [people.buildingAuthor, buildingLeader]) {
      const detail = await server.api.get(who, `/procedures/${id}`);
      expect(detail.body.draft?.id, who).toBe(draft.id);
      expect(
        detail.body.trail.some((entry: Entry) => entry.summary.includes(draft.file.name)),
        who,
      ).toBe(true);
    }

    const asOtherLeader = await server.api.get(people.natureLeader, `/procedures/${id}`);
    expect(asOtherLeader.status).toBe(200);
    expect(asOtherLeader.body.draft).toBeNull();
    const trail: Entry[] = asOtherLeader.body.trail;
    expect(trail.length, 'a leader still sees the trail of the published versions').toBeGreaterThan(0);
    expect(trail.some((entry) => entry.summary.includes(draft.file.name))).toBe(false);
    expect(trail.some((entry) => entry.action === 'approval.approved')).toBe(true);
    // Uploads and submissions of versions that were later published stay visible.
    const published = asOtherLeader.body.versions.length;
    expect(trail.filter((entry) => entry.action === 'draft.uploaded').length).toBe(published);
  });

  it('hides a pending submission and its upload from a leader of another unit', async () => {
    const id = await procedureId('K-16'); // a nature procedure awaiting approval
    const asApprover = await server.api.get(people.natureLeader, `/procedures/${id}`);
    const pending = asApprover.body.pendingApproval;
    expect(pending).not.toBeNull();
    expect(asApprover.body.trail[0].action).toBe('draft.submitted');

    const asOtherLeader = await server.api.get(buildingLeader, `/procedures/${id}`);
    expect(asOtherLeader.body.pendingApproval).toBeNull();
    const seen = new Set(asOtherLeader.body.trail.map((entry: { seq: number }) => entry.seq));
    const hidden = asApprover.body.trail.filter((entry: { seq: number }) => !seen.has(entry.seq));
    expect(hidden.map((entry: Entry) => entry.action)).toEqual(['draft.submitted', 'draft.uploaded']);
    expect(hasDraftEntries(asOtherLeader.body.trail)).toBe(true); // those of the published versions
  });
});
