import { describe, expect, it } from 'vitest';
import {
  canManageCompetences,
  canReadTrailEntry,
  canSetCompetenceLevel,
  procedureAbilities,
  type Actor,
  type ProcedureContext,
} from './policies.js';

const author: Actor = { id: 'author', unitId: 'natur', roles: ['caseworker', 'author'] };
const approver: Actor = { id: 'approver', unitId: 'natur', roles: ['leader'] };
const reader: Actor = { id: 'reader', unitId: 'miljo', roles: ['caseworker'] };
const coordinator: Actor = { id: 'coordinator', unitId: 'tm', roles: ['coordinator'] };
const otherAuthor: Actor = { id: 'other', unitId: 'miljo', roles: ['author'] };
const unitAuthor: Actor = { id: 'unit-author', unitId: 'natur', roles: ['author'] };

const published = { ownerId: 'author', approverId: 'approver', unitId: 'natur', currentVersionId: 'v1' };

function context(overrides: Partial<ProcedureContext> = {}): ProcedureContext {
  return { procedure: published, draft: null, pendingApproval: null, ...overrides };
}
const withDraft = context({ draft: { authorId: 'author', state: 'draft' } });
const pending = context({
  draft: { authorId: 'author', state: 'pending' },
  pendingApproval: { approverId: 'approver', requestedBy: 'author' },
});

describe('procedure abilities', () => {
  it.each([
    ['reader reads a published procedure', reader, context(), 'read', true],
    ['reader cannot see a draft', reader, withDraft, 'readDraft', false],
    ['author sees own draft', author, withDraft, 'readDraft', true],
    ['approver sees the draft', approver, withDraft, 'readDraft', true],
    ['coordinator sees the draft', coordinator, withDraft, 'readDraft', true],
    ['reader cannot start a revision', reader, context(), 'startDraft', false],
    ['owner can start a revision', author, context(), 'startDraft', true],
    ['an author of the unit can start a revision', unitAuthor, context(), 'startDraft', true],
    ['an author of another unit cannot', otherAuthor, context(), 'startDraft', false],
    ['nobody starts a second draft', author, withDraft, 'startDraft', false],
    ['author edits own draft', author, withDraft, 'editDraft', true],
    ['approver does not edit the draft', approver, withDraft, 'editDraft', false],
    ['a pending draft is not editable', author, pending, 'editDraft', false],
    ['approver approves', approver, pending, 'approve', true],
    ['author cannot approve own draft', author, pending, 'approve', false],
    ['coordinator is not the approver asked', coordinator, pending, 'approve', false],
    ['reader cannot reject', reader, pending, 'reject', false],
    ['author withdraws', author, pending, 'withdraw', true],
    ['owner confirms review', author, context(), 'confirmReview', true],
    ['reader cannot confirm review', reader, context(), 'confirmReview', false],
    ['reader acknowledges', reader, context(), 'acknowledge', true],
    ['reader cannot see who acknowledged', reader, context(), 'readFollowUp', false],
    ['leader sees who acknowledged', approver, context(), 'readFollowUp', true],
  ] as const)('%s', (_name, actor, ctx, ability, expected) => {
    expect(procedureAbilities(actor, ctx)[ability]).toBe(expected);
  });

  it('the approver cannot approve a draft they wrote themselves', () => {
    const ownWork = context({
      draft: { authorId: 'approver', state: 'pending' },
      pendingApproval: { approverId: 'approver', requestedBy: 'coordinator' },
    });
    expect(procedureAbilities(approver, ownWork).approve).toBe(false);
  });

  it('an unpublished procedure is hidden from readers but not from its author', () => {
    const unpublished = context({
      procedure: { ...published, currentVersionId: null },
      draft: { authorId: 'author', state: 'draft' },
    });
    expect(procedureAbilities(reader, unpublished).read).toBe(false);
    expect(procedureAbilities(author, unpublished).read).toBe(true);
    expect(procedureAbilities(coordinator, unpublished).read).toBe(true);
  });
});

describe('trail entries about drafts', () => {
  const unpublished = new Set(['draft-version', 'draft-approval']);
  it.each([
    ['a leader of another unit does not see the draft’s upload', reader, 'draft-version', false],
    ['nor its submission', reader, 'draft-approval', false],
    ['but sees entries about published versions', reader, 'v1', true],
    ['the author sees the draft’s entries', author, 'draft-version', true],
    ['the approver sees them', approver, 'draft-approval', true],
    ['the coordinator sees them', coordinator, 'draft-version', true],
  ] as const)('%s', (_name, actor, subjectId, expected) => {
    expect(canReadTrailEntry(actor, pending, { subjectId }, unpublished)).toBe(expected);
  });
});

describe('competence abilities', () => {
  it.each([
    ['a leader manages competences', approver, 'someone', true, true],
    ['the coordinator manages competences', coordinator, 'someone', true, true],
    ['a caseworker self-assesses', reader, 'reader', false, true],
    ['a caseworker cannot set a colleague’s level', reader, 'someone', false, false],
    ['an author is no leader', author, 'someone', false, false],
  ] as const)('%s', (_name, actor, personId, manages, setsLevel) => {
    expect(canManageCompetences(actor)).toBe(manages);
    expect(canSetCompetenceLevel(actor, personId)).toBe(setsLevel);
  });
});
