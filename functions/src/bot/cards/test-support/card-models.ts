import type { Locale } from '../../../core/locale.js';
import type { ApprovalRequestModel } from '../approval-request-card.js';
import type { ApprovalStatusModel } from '../approval-status-card.js';
import type { ReviewDueModel } from '../review-due-card.js';
import type { OverdueEscalationModel } from '../overdue-escalation-card.js';
import type { AcknowledgementRequestModel } from '../acknowledgement-request-card.js';
import type { ActionOutcomeModel } from '../action-outcome-card.js';
import type { DigestItem } from '../digest-card.js';
import type { QualificationExpiringModel } from '../qualification-expiring-card.js';
import type { RequirementUnmetModel } from '../requirement-unmet-card.js';

/** Factories for card models in tests: realistic defaults, overridden per test. */

export const locales: Locale[] = ['da', 'nb', 'en'];

/** A Teams deep link of realistic length (the tab's entity id and an encoded context). */
export const openUrl =
  'https://teams.microsoft.com/l/entity/5f7c2a1e-8d3b-4c6a-9e2f-1b0a7c4d3e21/handbook?webUrl=https%3A%2F%2Fkvalitet.example.dk%2Ftab&context=%7B%22subEntityId%22%3A%22procedure%2Fp-k16%22%7D';

/** The approval view's deep link: the tab's path travels as the subEntityId. */
export const draftUrl =
  'https://teams.microsoft.com/l/entity/5f7c2a1e-8d3b-4c6a-9e2f-1b0a7c4d3e21/handbook?webUrl=https%3A%2F%2Fkvalitet.example.dk%2Fprocedures%2Fp-k16%2Fapproval&label=K-16+Sagsbehandling+af+byggesager&context=%7B%22subEntityId%22%3A%22%2Fprocedures%2Fp-k16%2Fapproval%22%7D';

/** Markdown, HTML and Adaptive Cards date functions that must show literally. */
export const hostileText = '**x** [a](b) <script>alert(1)</script> _y_ {{DATE(2026-11-22T13:03:00Z, SHORT)}} # h';

/** The longest title the procedure schema allows, full of characters that need escaping. */
export const longHostileTitle = ('*[æ]_\\ø' as string).repeat(25);

export const procedure = { id: 'p-k16', code: 'K-16', title: 'Sagsbehandling af byggesager' };

export function buildApprovalRequestModel(overrides: Partial<ApprovalRequestModel> = {}): ApprovalRequestModel {
  return {
    approvalId: 'appr-1',
    procedure,
    fromVersionLabel: '1.2',
    kind: 'major',
    changeSummary: 'Nye frister for partshøring.\nKlagevejledningen er opdateret.',
    requestedBy: { name: 'Mette Kjær' },
    requestedAt: '2026-11-20T08:15:00Z',
    approver: { name: 'Lars Holm', userId: '29:1a2b3c-lars-holm' },
    metadataChanges: [
      { field: 'reviewIntervalMonths', from: '12', to: '24' },
      { field: 'legalBasis', from: 'Byggeloven', to: 'Byggeloven, Forvaltningsloven' },
    ],
    openUrl,
    draftUrl,
    ...overrides,
  };
}

export function buildApprovalStatusModel(
  status: ApprovalStatusModel['status'],
  overrides: Partial<ApprovalStatusModel> = {},
): ApprovalStatusModel {
  return { ...buildApprovalRequestModel(), status, ...overrides };
}

export const approvalStatuses: ApprovalStatusModel['status'][] = [
  { state: 'pending' },
  { state: 'approved', decidedBy: { name: 'Lars Holm' }, decidedAt: '2026-11-22T13:03:00Z' },
  { state: 'approved', decidedBy: { name: 'Lars Holm' }, decidedAt: '2026-11-22T13:03:00Z', comment: 'Fint arbejde.' },
  {
    state: 'rejected',
    decidedBy: { name: 'Lars Holm' },
    decidedAt: '2026-11-22T13:03:00Z',
    comment: 'Afsnit 3 mangler klagevejledning.',
  },
  { state: 'withdrawn', decidedBy: { name: 'Mette Kjær' }, decidedAt: '2026-11-21T09:00:00Z' },
  { state: 'withdrawn', decidedBy: null, decidedAt: '2026-11-21T09:00:00Z' },
  { state: 'superseded' },
];

export function buildReviewDueModel(overrides: Partial<ReviewDueModel> = {}): ReviewDueModel {
  return {
    procedure,
    etag: 7,
    dueOn: '2026-12-04',
    today: '2026-11-22',
    lastReviewedOn: '2025-12-04',
    reviewIntervalMonths: 12,
    openUrl,
    ...overrides,
  };
}

export function buildOverdueEscalationModel(overrides: Partial<OverdueEscalationModel> = {}): OverdueEscalationModel {
  return { procedure, owner: { name: 'Mette Kjær' }, dueOn: '2026-11-01', today: '2026-11-22', openUrl, ...overrides };
}

export function buildAcknowledgementRequestModel(
  overrides: Partial<AcknowledgementRequestModel> = {},
): AcknowledgementRequestModel {
  return {
    procedure,
    versionId: 'v-20',
    versionLabel: '2.0',
    changeSummary: 'Nye frister for partshøring.',
    publishedAt: '2026-11-22T13:03:00Z',
    openUrl,
    ...overrides,
  };
}

export const actionOutcomes: ActionOutcomeModel[] = [
  {
    verb: 'confirmReview',
    procedure,
    by: { name: 'Mette Kjær' },
    at: '2026-11-22T13:03:00Z',
    nextReviewOn: '2027-11-22',
    openUrl,
  },
  {
    verb: 'confirmReview',
    procedure,
    by: { name: 'Mette Kjær' },
    at: '2026-11-22T13:03:00Z',
    nextReviewOn: null,
    openUrl,
  },
  { verb: 'startRevision', procedure, by: { name: 'Mette Kjær' }, at: '2026-11-22T13:03:00Z', openUrl },
  {
    verb: 'acknowledge',
    procedure,
    by: { name: 'Jonas Berg' },
    at: '2026-11-22T13:03:00Z',
    versionLabel: '2.0',
    openUrl,
  },
];

/** One item of each kind; `n` varies the procedure so items differ. */
export function buildDigestItems(n = 0, title = procedure.title): DigestItem[] {
  const p = { id: `p-${n}`, code: `K-${n}`, title };
  return [
    { kind: 'approval-waiting', procedure: p, requestedBy: { name: 'Mette Kjær' }, daysWaiting: 3, openUrl },
    { kind: 'review-due', procedure: p, dueOn: '2026-12-04', today: '2026-11-22', openUrl },
    { kind: 'review-due', procedure: p, dueOn: '2026-11-10', today: '2026-11-22', openUrl },
    {
      kind: 'escalation',
      procedure: p,
      owner: { name: 'Mette Kjær' },
      dueOn: '2026-11-01',
      today: '2026-11-22',
      openUrl,
    },
    { kind: 'acknowledgement', procedure: p, versionLabel: '2.0', publishedAt: '2026-11-22T13:03:00Z', openUrl },
  ];
}

/** The competence matrix in the tab. */
export const competencesUrl = 'https://kvalitet.example.dk/tab/competences';

export function buildQualificationExpiringModel(
  overrides: Partial<QualificationExpiringModel> = {},
): QualificationExpiringModel {
  return {
    competenceName: 'Intern auditor (ISO 9001)',
    holder: { name: 'Peter Lund' },
    isForLeader: false,
    level: 2,
    validUntil: '2026-12-12',
    today: '2026-11-22',
    openUrl: competencesUrl,
    ...overrides,
  };
}

export function buildRequirementUnmetModel(overrides: Partial<RequirementUnmetModel> = {}): RequirementUnmetModel {
  return {
    competenceName: 'Natura 2000 og habitatvurdering',
    scopeLabel: 'K-18 Natura 2000-forhåndsanmeldelser',
    minPeople: 2,
    minLevel: 3,
    qualifiedCount: 0,
    shortBy: 2,
    openUrl: competencesUrl,
    ...overrides,
  };
}

/** One competence item of each kind (expiring, expired, requirement unmet). */
export function buildCompetenceDigestItems(name = 'Intern auditor (ISO 9001)'): DigestItem[] {
  return [
    {
      kind: 'qualification',
      competenceName: name,
      holder: { name: 'Peter Lund' },
      validUntil: '2026-12-12',
      today: '2026-11-22',
      openUrl: competencesUrl,
    },
    {
      kind: 'qualification',
      competenceName: name,
      holder: { name: 'Henrik Skov' },
      validUntil: '2026-11-02',
      today: '2026-11-22',
      openUrl: competencesUrl,
    },
    {
      kind: 'requirement-unmet',
      competenceName: name,
      scopeLabel: 'Teknik og Miljø',
      shortBy: 1,
      minLevel: 2,
      openUrl: competencesUrl,
    },
  ];
}
