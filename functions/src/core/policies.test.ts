import { describe, expect, it } from 'vitest';
import { parentLookup } from './unit-tree.js';
import {
  approverAssignment,
  canBeAskedToApprove,
  canChangeApprover,
  canManageCompetences,
  canReadTrailEntry,
  draftContributors,
  hasApprovalAuthority,
  canManageCompetencesOfUnit,
  canSetCompetenceLevel,
  competenceUnitsManagedBy,
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

const published = {
  ownerId: 'author',
  approverId: 'approver',
  approverDesignatedBy: null,
  unitId: 'natur',
  currentVersionId: 'v1',
};
/**
 * The demo's tree: Teknik og Miljø (tm) above Natur, Miljø and Byg og Plan, side by side; Natur
 * has a team below it.
 */
const units = [
  { id: 'tm', parentId: null },
  { id: 'natur', parentId: 'tm' },
  { id: 'natur-team', parentId: 'natur' },
  { id: 'miljo', parentId: 'tm' },
  { id: 'byg-plan', parentId: 'tm' },
];

function context(overrides: Partial<ProcedureContext> = {}): ProcedureContext {
  return { procedure: published, draft: null, pendingApproval: null, draftContributorIds: [], units, ...overrides };
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

describe('approval authority', () => {
  const director: Actor = { id: 'director', unitId: 'tm', roles: ['leader'] };
  const otherLeader: Actor = { id: 'other-leader', unitId: 'miljo', roles: ['leader'] };
  const teamLeader: Actor = { id: 'team-leader', unitId: 'natur-team', roles: ['leader'] };
  const colleague: Actor = { id: 'colleague', unitId: 'natur', roles: ['caseworker'] };
  const designated = { ...published, approverId: 'colleague', approverDesignatedBy: 'coordinator' };
  const organisationWide = { ...published, unitId: null };

  it.each([
    ['the leader of the unit has it', approver, published, true],
    ['a leader of a unit above has it', director, published, true],
    ['a leader of another unit has not', otherLeader, published, false],
    ['a leader of a unit below has not', teamLeader, published, false],
    ['a caseworker colleague has not', colleague, published, false],
    ['the coordinator has not, by role alone', coordinator, published, false],
    ['a colleague the coordinator designated has it', colleague, designated, true],
    ['the designation is for the approver only', reader, designated, false],
    [
      'a named approver who is no leader, undesignated, has not',
      colleague,
      { ...designated, approverDesignatedBy: null },
      false,
    ],
    ['an organisation-wide procedure: a leader of a top unit', director, organisationWide, true],
    ['an organisation-wide procedure: not a leader of a unit below the top', approver, organisationWide, false],
  ] as const)('%s', (_name, person, procedure, expected) => {
    expect(hasApprovalAuthority(person, procedure, units)).toBe(expected);
  });

  it('is lost by a leader who moved to another unit', () => {
    expect(hasApprovalAuthority({ ...approver, unitId: 'miljo' }, published, units)).toBe(false);
  });

  it.each([
    ['a leader over the unit changes the approver', approver, true],
    ['so does a leader above', director, true],
    ['and the coordinator', coordinator, true],
    ['not the owner', author, false],
    ['not a leader of another unit', otherLeader, false],
  ] as const)('%s', (_name, actor, expected) => {
    expect(canChangeApprover(actor, published, units)).toBe(expected);
  });

  it.each([
    ['a leader names a leader above', approver, director, 'leader'],
    ['a leader cannot name a caseworker', approver, colleague, 'refused'],
    ['an author cannot name a leader of another unit', author, otherLeader, 'refused'],
    ['the coordinator designates a caseworker', coordinator, colleague, 'designated'],
    ['the coordinator designates a leader of another unit', coordinator, otherLeader, 'designated'],
    ['the coordinator cannot designate herself', coordinator, coordinator, 'refused'],
  ] as const)('%s', (_name, actor, candidate, expected) => {
    expect(approverAssignment(actor, 'natur', candidate, units)).toBe(expected);
  });

  const draftByAuthor = context({ draft: { authorId: 'author', state: 'draft' } });
  const editedByCoordinator = context({
    procedure: { ...published, approverId: 'coordinator', approverDesignatedBy: 'admin' },
    draft: { authorId: 'author', state: 'draft' },
    draftContributorIds: ['author', 'coordinator'],
  });
  it.each([
    ['the leader can be asked', approver, author, draftByAuthor, true],
    ['a caseworker colleague cannot', colleague, author, draftByAuthor, false],
    [
      'the author cannot ask themself, even as a leader',
      { ...author, roles: ['leader'] },
      author,
      draftByAuthor,
      false,
    ],
    ['the submitter cannot ask themself', director, director, draftByAuthor, false],
    ['a designated approver who edited the draft cannot be asked', coordinator, author, editedByCoordinator, false],
  ] as const)('%s', (_name, candidate, submitter, ctx, expected) => {
    expect(canBeAskedToApprove(candidate as Actor, submitter, ctx)).toBe(expected);
  });

  it.each([
    ['the approver asked, with authority, decides', approver, pending, true],
    ['a leader above who was not asked does not', director, pending, false],
    ['the approver asked, having moved unit, does not', { ...approver, unitId: 'miljo' }, pending, false],
    [
      'a caseworker asked without designation does not',
      colleague,
      context({ ...pending, pendingApproval: { approverId: 'colleague', requestedBy: 'author' } }),
      false,
    ],
    [
      'a designated caseworker asked decides',
      colleague,
      context({
        ...pending,
        procedure: designated,
        pendingApproval: { approverId: 'colleague', requestedBy: 'author' },
      }),
      true,
    ],
    [
      'a leader who edited the draft does not, though asked',
      approver,
      context({ ...pending, draftContributorIds: ['author', 'approver'] }),
      false,
    ],
    [
      'a leader who submitted it does not',
      approver,
      context({ ...pending, pendingApproval: { approverId: 'approver', requestedBy: 'approver' } }),
      false,
    ],
  ] as const)('%s', (_name, actor, ctx, expected) => {
    expect(procedureAbilities(actor as Actor, ctx).approve).toBe(expected);
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
// Issue 10, item 5: a leader manages their own unit and the units below it.
const parentOf = parentLookup(units);
const natureLeader: Actor = approver;
const environmentLeader: Actor = { id: 'jens', unitId: 'miljo', roles: ['leader'] };
const director: Actor = { id: 'lars', unitId: 'tm', roles: ['leader'] };
const admin: Actor = { id: 'eva', unitId: 'tm', roles: ['admin'] };
const coordinatorInNatur: Actor = { id: 'kc', unitId: 'natur', roles: ['coordinator'] };

describe('competence abilities', () => {
  it.each([
    ['a leader manages competences', approver, true],
    ['the coordinator manages competences', coordinator, true],
    ['a caseworker does not', reader, false],
    ['an author is no leader', author, false],
  ] as const)('%s', (_name, actor, manages) => {
    expect(canManageCompetences(actor)).toBe(manages);
  });

  it.each([
    ['a leader manages their own unit', natureLeader, 'natur', true],
    ['a leader manages the units below their own', natureLeader, 'natur-team', true],
    ['a leader does not manage a unit beside their own', environmentLeader, 'natur', false],
    ['a leader does not manage the unit above their own', natureLeader, 'tm', false],
    ['the leader of the top unit manages every unit below it', director, 'byg-plan', true],
    ['the leader of the top unit manages the team two levels down', director, 'natur-team', true],
    ['the coordinator manages every unit, whatever their own', coordinatorInNatur, 'miljo', true],
    ['the administrator manages every unit', admin, 'byg-plan', true],
    ['a caseworker manages no unit, not even their own', reader, 'miljo', false],
    ['an author manages no unit', author, 'natur', false],
    ['a record of the whole organisation is the coordinator’s', coordinator, null, true],
    ['a record of the whole organisation is not a leader’s', natureLeader, null, false],
    ['… not even the top unit’s leader’s', director, null, false],
    ['an unknown unit is nobody’s but the coordinator’s', director, 'elsewhere', false],
  ] as const)('canManageCompetencesOfUnit: %s', (_name, actor, unitId, expected) => {
    expect(canManageCompetencesOfUnit(actor, unitId, parentOf)).toBe(expected);
  });

  it.each([
    ['a caseworker self-assesses', reader, { id: 'reader', unitId: 'miljo' }, true],
    ['a caseworker cannot set a colleague’s level', reader, { id: 'someone', unitId: 'miljo' }, false],
    ['a leader sets a level in their unit', natureLeader, { id: 'karen', unitId: 'natur' }, true],
    ['a leader sets a level in a team below', natureLeader, { id: 'tove', unitId: 'natur-team' }, true],
    [
      'a Miljø leader cannot set a Natur caseworker’s level',
      environmentLeader,
      { id: 'karen', unitId: 'natur' },
      false,
    ],
    ['a leader self-assesses wherever they are', environmentLeader, { id: 'jens', unitId: 'miljo' }, true],
    ['a leader cannot set their own leader’s level', natureLeader, { id: 'lars', unitId: 'tm' }, false],
    ['the director sets levels below', director, { id: 'karen', unitId: 'natur' }, true],
    ['the coordinator sets anyone’s level', coordinatorInNatur, { id: 'ida', unitId: 'miljo' }, true],
  ] as const)('canSetCompetenceLevel: %s', (_name, actor, person, expected) => {
    expect(canSetCompetenceLevel(actor, person, parentOf)).toBe(expected);
  });

  it('lists the units each actor manages, for the tab', () => {
    expect(competenceUnitsManagedBy(natureLeader, units)).toEqual(['natur', 'natur-team']);
    expect(competenceUnitsManagedBy(environmentLeader, units)).toEqual(['miljo']);
    expect(competenceUnitsManagedBy(director, units)).toEqual(units.map((unit) => unit.id));
    expect(competenceUnitsManagedBy(coordinator, units)).toEqual(units.map((unit) => unit.id));
    expect(competenceUnitsManagedBy(reader, units)).toEqual([]);
  });
});

describe('draft contributors', () => {
  it('are the author, whoever uploaded into the draft and whoever submitted it, nobody else', () => {
    const draft = { id: 'd1', authorId: 'author' };
    const approvals = [
      { versionId: 'd1', requestedBy: 'submitter' },
      { versionId: 'v0', requestedBy: 'earlier-submitter' },
    ];
    const trail = [
      { action: 'draft.uploaded', subjectId: 'd1', actorId: 'editor' },
      { action: 'draft.uploaded', subjectId: 'v0', actorId: 'earlier-editor' },
      { action: 'procedure.updated', subjectId: 'd1', actorId: 'owner' },
    ];
    expect(draftContributors(draft, approvals, trail).sort()).toEqual(['author', 'editor', 'submitter']);
  });
});
