import type { Mailer, RegisterStore } from './register-ports.js';
import type { SurveyStore } from './survey-ports.js';
import type { AccessRequestStore } from './access-request-ports.js';
import type { LocalDate } from '../core/local-date.js';
import type {
  Acknowledgement,
  AcknowledgementRequest,
  Approval,
  Person,
  ProcedureVersion,
  ProcessLevel,
  Procedure,
  Review,
  Role,
  TrailEntry,
  Unit,
} from '../core/types.js';
import type {
  Competence,
  CompetenceRequirement,
  ExternalCoverage,
  PersonCompetence,
} from '../core/competence-types.js';
import type { GoalStore } from './goal-ports.js';
import type { QualityStore } from './quality-ports.js';
import type { FokusStore, GoalCitationSource } from './fokus-ports.js';

/** Ports: what the use cases need from the world, named for that need. Adapters implement them. */

export type Clock = { now(): Date };
export type Ids = { next(): string };

export const procedureSortKeys = ['code', 'title', 'owner', 'nextReview', 'updated', 'level'] as const;
export type ProcedureSortKey = (typeof procedureSortKeys)[number];
export const procedureStatusFilters = [
  'published',
  'unpublished',
  'in-approval',
  'draft',
  'review-overdue',
  'review-due',
] as const;
export type ProcedureStatusFilter = (typeof procedureStatusFilters)[number];

export type Viewer = { id: string; isCoordinator: boolean };

export type ProcedureQuery = {
  viewer: Viewer;
  today: LocalDate;
  level?: ProcessLevel | undefined;
  area?: string | undefined;
  status?: ProcedureStatusFilter | undefined;
  ownerId?: string | undefined;
  unitId?: string | undefined;
  sort: ProcedureSortKey;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
};

export type ProcedureRow = Procedure & {
  currentVersion: { major: number; minor: number } | null;
  draftState: 'draft' | 'pending' | null;
  draftAuthorId: string | null;
  pendingApproverId: string | null;
};

/** What search indexes of one published procedure (see `core/search-index.ts`). */
export type ProcedureSearchSource = {
  procedureId: string;
  code: string;
  title: string;
  /** Level, area, unit, owner, legal basis and standards, as words. */
  metadata: string;
  /** The current version's text. */
  body: string;
  /** Changes whenever any of the texts above may have changed (see `Store.listSearchRevisions`). */
  revision: string;
};

/** Which published procedure the search index should hold, and the revision of its texts. */
export type ProcedureSearchRevision = { procedureId: string; revision: string };

/** A person as the directory (an Entra access token) describes them; see `Store.upsertPersonFromDirectory`. */
export type DirectoryPerson = {
  aadObjectId: string;
  name: string;
  email: string;
  roles: Role[];
  /** Used only when nobody has this object id yet. */
  whenNew: { id: string; unitId: string; title: string };
};

/** One unit of work. The store applies all of it or none of it. */
export type ChangeSet = {
  /** The write is refused with CONFLICT unless the procedure still has this etag. */
  expect?: { procedureId: string; etag: number };
  /**
   * The write is refused with CONFLICT unless the person's record for the competence still has
   * this etag (`personCompetenceEtag`; 0: there is no record yet).
   */
  expectPersonCompetence?: { personId: string; competenceId: string; etag: number };
  procedures?: Procedure[];
  versions?: ProcedureVersion[];
  approvals?: Approval[];
  reviews?: Review[];
  acknowledgementRequests?: AcknowledgementRequest[];
  acknowledgements?: Acknowledgement[];
  /** Upserted by id. */
  competences?: Competence[];
  /** Upserted by id. */
  competenceRequirements?: CompetenceRequirement[];
  /**
   * Requirement ids to delete, each with the external coverage decisions that reference it (a
   * decision covers one requirement and means nothing without it). An id the store does not hold
   * refuses the whole ChangeSet with NOT_FOUND, so a second delete writes no second trail entry.
   * Applied after the upserts.
   */
  deleteCompetenceRequirements?: string[];
  /** Upserted by (personId, competenceId): a person has one record per competence. */
  personCompetences?: PersonCompetence[];
  /** Upserted by id. */
  externalCoverage?: ExternalCoverage[];
  trail?: Omit<TrailEntry, 'seq'>[];
};

export type Store = {
  listUnits(): Promise<Unit[]>;
  listPeople(): Promise<Person[]>;
  getPerson(id: string): Promise<Person | undefined>;
  /** Production sign-in: the person whose Entra object id (the token's `oid`) this is, if known. */
  getPersonByAadObjectId(aadObjectId: string): Promise<Person | undefined>;
  /**
   * Production sign-in, in one atomic write: creates the person with this Entra object id on
   * first sign-in (with `whenNew`'s id, unit and title, no leader), or refreshes a known person's
   * name, email and roles from the token, keeping their id, unit, title and leader. Returns the
   * stored person.
   */
  upsertPersonFromDirectory(entry: DirectoryPerson): Promise<Person>;
  listProcedures(query: ProcedureQuery): Promise<{ items: ProcedureRow[]; total: number }>;
  listAreas(viewer: Viewer): Promise<{ level: ProcessLevel; area: string; count: number }[]>;
  getProcedure(id: string): Promise<Procedure | undefined>;
  getProcedureByCode(code: string): Promise<Procedure | undefined>;
  listVersions(procedureId: string): Promise<ProcedureVersion[]>;
  getVersion(id: string): Promise<ProcedureVersion | undefined>;
  listApprovals(procedureId: string): Promise<Approval[]>;
  getApproval(id: string): Promise<Approval | undefined>;
  listOpenApprovalsFor(approverId: string): Promise<Approval[]>;
  listReviews(procedureId: string): Promise<Review[]>;
  listAcknowledgementRequests(versionId: string): Promise<AcknowledgementRequest[]>;
  listAcknowledgements(versionId: string): Promise<Acknowledgement[]>;
  listOpenAcknowledgementsFor(personId: string): Promise<AcknowledgementRequest[]>;
  listTrail(procedureId: string): Promise<TrailEntry[]>;
  /**
   * Changes whenever `listSearchSources` may answer differently (a commit here or, where several
   * processes share the data, elsewhere). Cheap: asked before every search to keep the index fresh.
   */
  searchStamp(): Promise<string>;
  /**
   * Every published procedure with the revision of its search texts, without the texts: cheap,
   * read when the stamp moves, so that only the procedures whose revision moved are read again.
   */
  listSearchRevisions(): Promise<ProcedureSearchRevision[]>;
  /** The texts of the published procedures named (of every one when left out), for the search index. */
  listSearchSources(procedureIds?: readonly string[]): Promise<ProcedureSearchSource[]>;
  /** Competence management (ISO 9001 7.2): the catalogue, by name. */
  listCompetences(): Promise<Competence[]>;
  listCompetenceRequirements(): Promise<CompetenceRequirement[]>;
  /** Everyone's levels in one query, or one person's; ordered by person id, then competence id. */
  listPersonCompetences(filter?: { personId?: string }): Promise<PersonCompetence[]>;
  listExternalCoverage(): Promise<ExternalCoverage[]>;
  commit(changes: ChangeSet): Promise<void>;
};

/** Procedure files. Content-addressed: putting the same bytes twice yields the same ref. */
export type DocumentStore = {
  put(bytes: Uint8Array): Promise<{ ref: string; sha256: string; size: number }>;
  get(ref: string): Promise<Uint8Array>;
};

export type Settings = {
  timeZone: string;
  organisationName: string;
  maxUploadBytes: number;
  /**
   * Days after a corrective action's implementation before its effectiveness check is due
   * (EFFECTIVENESS_WAIT_DAYS); absent: core's `defaultEffectivenessWaitDays` (30).
   */
  effectivenessWaitDays?: number;
};

/** Things that happened, for those who tell people about them (the bot). Published after commit. */
export type DomainEvent =
  | { type: 'approval.requested'; approvalId: string }
  | { type: 'approval.decided'; approvalId: string }
  /** A corrective action got a new owner (its plan named them, or it was handed on to them). */
  | { type: 'action.assigned'; actionId: string; assignedBy: string };

export type EventPublisher = {
  /** Never throws: a failed notification must not undo or fail the write that caused it. */
  publish(event: DomainEvent): Promise<void>;
};

export const noEvents: EventPublisher = { publish: async () => undefined };

export type Services = {
  events: EventPublisher;
  store: Store;
  /** The quality year's records (audits, certificate, findings, actions, evaluation, årshjul). */
  quality: QualityStore;
  /** Quality policy, goals and imported case data. */
  goals: GoalStore;
  /** Satisfaction surveys: questionnaires, personal links (token hashes), anonymous answers. */
  surveys: SurveyStore;
  /** FOKUS-style evaluation rounds and the standards worked by (fokus-ports.ts). */
  fokus: FokusStore;
  /** Aktindsigt / innsyn requests, their exports and answers (access-request-ports.ts). */
  accessRequests: AccessRequestStore;
  /** The register: praise, complaints, suggestions and deviations (register-ports.ts). */
  register: RegisterStore;
  /** E-mail to senders (register replies): Graph sendMail in production, the outbox locally. */
  mailer: Mailer;
  /** Goals' clause citations for the coverage matrix, once the goals records are wired. */
  goalCitations?: GoalCitationSource;
  documents: DocumentStore;
  clock: Clock;
  ids: Ids;
  settings: Settings;
};
