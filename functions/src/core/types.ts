import type { LocalDate } from './local-date.js';

/** Records of the domain, as the core sees them. Stores translate to and from these shapes. */

export const roles = ['caseworker', 'author', 'leader', 'coordinator', 'admin'] as const;
export type Role = (typeof roles)[number];

export const processLevels = ['management', 'core', 'support'] as const;
export type ProcessLevel = (typeof processLevels)[number];

export type Unit = { id: string; name: string; parentId: string | null };

export type Person = {
  id: string;
  name: string;
  email: string;
  title: string;
  unitId: string;
  roles: Role[];
  leaderId: string | null;
  /** The person's Entra object id, once known (Teams identities map to people by it). */
  aadObjectId: string | null;
  /**
   * When the handbook came to know the person (their first sign-in); absent for people known
   * before it was kept. A published version asks them to acknowledge it from this moment at the
   * earliest, so someone who joins is not told they are weeks late with every procedure.
   */
  addedAt?: string | null;
};

export type Audience = { unitIds: string[]; roles: Role[] };

export type StandardReference = { standard: string; clauses: string[] };

export type Procedure = {
  id: string;
  code: string;
  title: string;
  level: ProcessLevel;
  area: string;
  unitId: string | null;
  ownerId: string;
  approverId: string;
  /**
   * The coordinator who designated the approver, when the approver's authority comes from that
   * designation; null when the approver is a leader of the unit or above (`core/policies.ts`).
   */
  approverDesignatedBy: string | null;
  audience: Audience;
  reviewIntervalMonths: number;
  standards: StandardReference[];
  legalBasis: string[];
  currentVersionId: string | null;
  draftVersionId: string | null;
  approvedOn: LocalDate | null;
  lastReviewedOn: LocalDate | null;
  nextReviewOn: LocalDate | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  /** Optimistic-concurrency counter; bumped by every write that touches the procedure. */
  etag: number;
};

export const versionStates = ['draft', 'pending', 'published', 'obsolete'] as const;
export type VersionState = (typeof versionStates)[number];
export type ChangeKind = 'major' | 'minor';

export type StoredFile = { ref: string; name: string; mediaType: string; size: number; sha256: string };

export type ProcedureVersion = {
  id: string;
  procedureId: string;
  state: VersionState;
  /** Assigned when published: major.minor. Drafts have no number yet. */
  major: number | null;
  minor: number | null;
  kind: ChangeKind | null;
  authorId: string;
  file: StoredFile;
  text: string;
  html: string;
  changeSummary: string | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  approvedBy: string | null;
  supersededByVersionId: string | null;
  obsoleteAt: string | null;
  /**
   * Who made a published version (its draft's contributors and its approver), recorded at
   * publication: they are not asked to acknowledge it (core/audience.ts). Absent or null on
   * versions published before it was recorded: their acknowledgement requests are stored rows.
   */
  makerIds?: string[] | null;
};

export type ApprovalDecision = 'approved' | 'rejected' | 'withdrawn';

export type Approval = {
  id: string;
  procedureId: string;
  versionId: string;
  requestedBy: string;
  requestedAt: string;
  approverId: string;
  changeSummary: string;
  kind: ChangeKind;
  decision: ApprovalDecision | null;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
};

export type ReviewOutcome = 'still-valid' | 'revision-started';

export type Review = {
  id: string;
  procedureId: string;
  reviewerId: string;
  outcome: ReviewOutcome;
  comment: string | null;
  reviewedAt: string;
  dueOn: LocalDate | null;
  nextReviewOn: LocalDate | null;
};

export type AcknowledgementRequest = { procedureId: string; versionId: string; personId: string; requestedAt: string };
export type Acknowledgement = { procedureId: string; versionId: string; personId: string; acknowledgedAt: string };

export type TrailEntry = {
  seq: number;
  at: string;
  actorId: string;
  action: string;
  procedureId: string | null;
  subjectId: string;
  summary: string;
  details: Record<string, unknown>;
};
