import {
  canHandleAccessRequests,
  canAcknowledge,
  canBeAskedToApprove,
  canChangeApprover,
  canConfirmReview,
  canCreateProcedure,
  canDecide,
  canEnterGoalValue,
  canManageGoals,
  canEditDraft,
  canEditMetadata,
  canManageCompetencesOfUnit,
  canManageQuality,
  canReadDraft,
  canReadFollowUp,
  canReadProcedure,
  canReadSurveyResults,
  canManageSurveys,
  canRecordAuditResults,
  canCorrectAuditReport,
  canRunActionCommand,
  canSetCompetenceLevel,
  canStartDraft,
  canWithdraw,
  canHandleRegisterItem,
  canManageRegister,
  canReadRegisterContact,
  canReadRegisterItem,
  canReadRegisterStatistics,
  canReassignRegisterItem,
  canReportToRegister,
  type Actor,
  type ProcedureContext,
} from './policies.js';
import { parentLookup } from './unit-tree.js';
import { canCompleteOccurrence, canManageYearWheel } from './year-wheel-policies.js';

/**
 * Who may do what, as a table for people: the rules of `policies.ts` (and `year-wheel-policies.ts`)
 * evaluated for one example organisation. `docs/security.md` holds this table; a test checks that
 * the document and the rules agree, and `npm run docs:policies` writes it anew.
 *
 * The example: Teknik og Miljø (tm) above Natur, Miljø and Byg og Plan. A Natur procedure, owned by
 * a caseworker, has a draft written by an author and submitted to the Natur leader. Karen is the
 * named auditor of an audit; the Natur leader owns a corrective action and an årshjul activity.
 */
const units = [
  { id: 'tm', parentId: null },
  { id: 'natur', parentId: 'tm' },
  { id: 'miljo', parentId: 'tm' },
  { id: 'byg-plan', parentId: 'tm' },
];
const parentOf = parentLookup(units);

export const personas = [
  { key: 'caseworker', label: 'Caseworker, Natur (auditor of the audit)', actor: a('karen', 'natur', 'caseworker') },
  { key: 'owner', label: 'Owner of the procedure (caseworker, Natur)', actor: a('olga', 'natur', 'caseworker') },
  { key: 'author', label: 'Author of the draft (Natur)', actor: a('peter', 'natur', 'caseworker', 'author') },
  { key: 'natureLeader', label: 'Leader, Natur (action owner)', actor: a('anne', 'natur', 'leader') },
  { key: 'otherLeader', label: 'Leader, Miljø', actor: a('jens', 'miljo', 'leader') },
  { key: 'director', label: 'Director, Teknik og Miljø', actor: a('lars', 'tm', 'leader') },
  { key: 'coordinator', label: 'Quality coordinator', actor: a('mette', 'tm', 'coordinator') },
  { key: 'admin', label: 'Administrator', actor: a('eva', 'tm', 'admin') },
] as const;

function a(id: string, unitId: string, ...roles: Actor['roles']): Actor {
  return { id, unitId, roles };
}

const procedure = {
  ownerId: 'olga',
  approverId: 'anne',
  approverDesignatedBy: null,
  unitId: 'natur',
  currentVersionId: 'v1',
};
const base: ProcedureContext = { procedure, draft: null, pendingApproval: null, draftContributorIds: [], units };
const withDraft: ProcedureContext = {
  ...base,
  draft: { authorId: 'peter', state: 'draft' },
  draftContributorIds: ['peter'],
};
const submitted = (approverId: string): ProcedureContext => ({
  ...base,
  draft: { authorId: 'peter', state: 'pending' },
  pendingApproval: { approverId, requestedBy: 'peter' },
  draftContributorIds: ['peter'],
});
const neverPublished: ProcedureContext = {
  ...submitted('anne'),
  procedure: { ...procedure, currentVersionId: null },
};
const author = personas.find((persona) => persona.key === 'author')!.actor;
const action = { ownerId: 'anne', implementedBy: 'anne', involvedIds: ['anne'] };
/** A deviation Karen reported in Natur, routed to the Natur leader. */
const registerItem = { handlerId: 'anne', handlerUnitId: 'natur', reportedBy: 'karen', unitIds: ['natur'] };
const handedOnByCoordinator = { ownerId: 'anne', implementedBy: 'anne', involvedIds: ['mette', 'anne'] };

export type PolicyRow = { act: string; rule: string; may: (actor: Actor) => boolean };

export const policyRows: PolicyRow[] = [
  { act: 'Read a published procedure', rule: 'canReadProcedure', may: (x) => canReadProcedure(x, base) },
  {
    act: 'Read a never-published procedure',
    rule: 'canReadProcedure',
    may: (x) => canReadProcedure(x, neverPublished),
  },
  { act: 'Read a submitted draft', rule: 'canReadDraft', may: (x) => canReadDraft(x, submitted('anne')) },
  { act: 'Create a procedure', rule: 'canCreateProcedure', may: (x) => canCreateProcedure(x) },
  { act: 'Edit a procedure’s metadata', rule: 'canEditMetadata', may: (x) => canEditMetadata(x, base) },
  {
    act: 'Change the approver',
    rule: 'canChangeApprover',
    may: (x) => canChangeApprover(x, procedure, units),
  },
  { act: 'Start a revision', rule: 'canStartDraft', may: (x) => canStartDraft(x, base) },
  { act: 'Edit and submit the draft', rule: 'canEditDraft', may: (x) => canEditDraft(x, withDraft) },
  { act: 'Withdraw the submitted draft', rule: 'canWithdraw', may: (x) => canWithdraw(x, submitted('anne')) },
  {
    act: 'Be asked by the author to approve',
    rule: 'canBeAskedToApprove',
    may: (x) => canBeAskedToApprove(x, author, withDraft),
  },
  {
    act: 'Approve or reject, when asked',
    rule: 'canDecide',
    may: (x) => canDecide(x, submitted(x.id)),
  },
  { act: 'Confirm the periodic review', rule: 'canConfirmReview', may: (x) => canConfirmReview(x, base) },
  { act: 'Acknowledge (læst og forstået)', rule: 'canAcknowledge', may: (x) => canAcknowledge(x, base) },
  { act: 'Read follow-up and trail', rule: 'canReadFollowUp', may: (x) => canReadFollowUp(x, base) },
  {
    act: 'Set Karen’s competence level (her own: a self-assessment)',
    rule: 'canSetCompetenceLevel',
    may: (x) => canSetCompetenceLevel(x, { id: 'karen', unitId: 'natur' }, parentOf),
  },
  {
    act: 'Manage Natur’s competence requirements',
    rule: 'canManageCompetencesOfUnit',
    may: (x) => canManageCompetencesOfUnit(x, 'natur', parentOf),
  },
  {
    act: 'Manage audits, certificate, findings, evaluation',
    rule: 'canManageQuality',
    may: (x) => canManageQuality(x),
  },
  {
    act: 'Edit quality policy and goals, import case data',
    rule: 'canManageGoals',
    may: (x) => canManageGoals(x),
  },
  {
    act: 'Enter a value for a goal the Natur leader owns',
    rule: 'canEnterGoalValue',
    may: (x) => canEnterGoalValue(x, { ownerId: 'anne' }),
  },
  {
    act: 'Define surveys, issue survey links, import results',
    rule: 'canManageSurveys',
    may: (x) => canManageSurveys(x),
  },
  { act: 'Read survey results and comments', rule: 'canReadSurveyResults', may: (x) => canReadSurveyResults(x) },
  {
    act: 'Record an audit’s checklist, findings, report',
    rule: 'canRecordAuditResults',
    may: (x) => canRecordAuditResults(x, { auditorIds: ['karen'] }),
  },
  {
    act: 'Correct a reported audit’s report (Karen leads it)',
    rule: 'canCorrectAuditReport',
    may: (x) => canCorrectAuditReport(x, { auditorIds: ['karen'] }),
  },
  {
    act: 'Plan and implement a corrective action',
    rule: 'canRunActionCommand',
    may: (x) => canRunActionCommand(x, action, 'markImplemented'),
  },
  {
    act: 'Check its effectiveness and close it',
    rule: 'canRunActionCommand',
    may: (x) => canRunActionCommand(x, action, 'checkEffectiveness'),
  },
  {
    act: '… an action the coordinator once owned',
    rule: 'canRunActionCommand',
    may: (x) => canRunActionCommand(x, handedOnByCoordinator, 'checkEffectiveness'),
  },
  { act: 'Plan the årshjul', rule: 'canManageYearWheel', may: (x) => canManageYearWheel(x) },
  {
    act: 'Mark an årshjul activity done',
    rule: 'canCompleteOccurrence',
    may: (x) => canCompleteOccurrence(x, { ownerId: 'anne' }),
  },
  {
    act: 'Record an aktindsigt request, export, answer',
    rule: 'canHandleAccessRequests',
    may: (x) => canHandleAccessRequests(x),
  },
  { act: 'Report to the register', rule: 'canReportToRegister', may: (x) => canReportToRegister(x) },
  {
    act: 'Read a register item (Natur)',
    rule: 'canReadRegisterItem',
    may: (x) => canReadRegisterItem(x, registerItem, units),
  },
  {
    act: '… its sender’s contact details',
    rule: 'canReadRegisterContact',
    may: (x) => canReadRegisterContact(x, registerItem),
  },
  {
    act: 'Handle and answer it',
    rule: 'canHandleRegisterItem',
    may: (x) => canHandleRegisterItem(x, registerItem),
  },
  {
    act: 'Hand it to another handler',
    rule: 'canReassignRegisterItem',
    may: (x) => canReassignRegisterItem(x, registerItem, units),
  },
  {
    act: 'Read the register’s statistics',
    rule: 'canReadRegisterStatistics',
    may: (x) => canReadRegisterStatistics(x),
  },
  {
    act: 'Register settings, deletion requests, sender export',
    rule: 'canManageRegister',
    may: (x) => canManageRegister(x),
  },
];

/** The table as Markdown: one row per act, one column per person, ✓ where the rule allows it. */
export function policyTableMarkdown(): string {
  const header = ['What', ...personas.map((persona) => persona.label), 'Rule'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 || index === header.length - 1 ? '---' : ':-:')).join(' | ')} |`,
    ...policyRows.map(
      (row) =>
        `| ${[row.act, ...personas.map((persona) => (row.may(persona.actor) ? '✓' : '–')), `\`${row.rule}\``].join(' | ')} |`,
    ),
  ];
  return lines.join('\n');
}
