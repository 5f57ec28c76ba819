import { describe, expect, it } from 'vitest';
import { canReadApproval, type Actor, type ProcedureContext } from './policies.js';

const author: Actor = { id: 'author', unitId: 'natur', roles: ['caseworker', 'author'] };
const approver: Actor = { id: 'approver', unitId: 'natur', roles: ['leader'] };
const asked: Actor = { id: 'asked', unitId: 'natur', roles: ['leader'] };
const owner: Actor = { id: 'owner', unitId: 'natur', roles: ['caseworker'] };
const outsider: Actor = { id: 'outsider', unitId: 'miljo', roles: ['caseworker'] };
const leaderElsewhere: Actor = { id: 'leader', unitId: 'miljo', roles: ['leader'] };
const coordinator: Actor = { id: 'coordinator', unitId: 'tm', roles: ['coordinator'] };

const procedure = {
  ownerId: 'owner',
  approverId: 'approver',
  approverDesignatedBy: null,
  unitId: 'natur',
  currentVersionId: 'v1',
};
const base = { draftContributorIds: ['author'], units: [] };
const pendingDraft = { authorId: 'author', state: 'pending' } as const;
const pendingApproval = { approverId: 'asked', requestedBy: 'author' };

const publishedWithPending: ProcedureContext = { ...base, procedure, draft: pendingDraft, pendingApproval };
const neverPublished: ProcedureContext = {
  ...base,
  procedure: { ...procedure, currentVersionId: null },
  draft: pendingDraft,
  pendingApproval,
};
const publishedNoDraft: ProcedureContext = {
  ...base,
  procedure,
  draft: null,
  pendingApproval: null,
  draftContributorIds: [],
};

describe('canReadApproval: the same visibility in REST and in chat cards', () => {
  it.each([
    // A pending request on a published procedure: its summary is draft material.
    ['outsider, pending draft of a published procedure', outsider, publishedWithPending, false, false],
    ['a leader of another unit, same', leaderElsewhere, publishedWithPending, false, false],
    ['the owner who is not the author, same', owner, publishedWithPending, false, false],
    ['the author', author, publishedWithPending, false, true],
    ['the procedure’s approver', approver, publishedWithPending, false, true],
    ['the approver asked', asked, publishedWithPending, false, true],
    ['the coordinator', coordinator, publishedWithPending, false, true],
    // A procedure that was never published: the request is as hidden as the procedure.
    ['outsider, never-published procedure', outsider, neverPublished, false, false],
    ['the asked approver, never-published procedure', asked, neverPublished, false, true],
    // A request whose version was published is part of the procedure's history.
    ['outsider, a request that was published', outsider, publishedNoDraft, true, true],
    ['outsider, a rejected request (never published), no draft now', outsider, publishedNoDraft, false, false],
  ] as const)('%s → %s', (_name, actor, context, versionWasPublished, expected) => {
    expect(canReadApproval(actor, context, versionWasPublished)).toBe(expected);
  });
});
