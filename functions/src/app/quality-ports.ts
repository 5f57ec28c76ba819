import type { FrozenKind, FrozenRecord } from '../core/frozen-records.js';
import type { LocalDate } from '../core/local-date.js';
import type {
  Audit,
  Certificate,
  CorrectiveAction,
  Finding,
  ManagementEvaluation,
  ProgrammeItem,
  YearWheelOccurrence,
} from '../core/quality-year-types.js';
import type { TrailEntry } from '../core/types.js';
import type { YearlyReport } from '../core/yearly-report.js';

/**
 * The quality year's records (audits, certificate, findings, corrective actions, management
 * evaluation, årshjul): a port of its own beside `Store`, so the document-control store stays the
 * size it is. The SQLite adapter keeps them in the same database file (and the same transaction
 * as their trail entries); the SharePoint adapter in lists of the same site.
 */

export const qualityCollections = [
  'certificates',
  'programmeItems',
  'audits',
  'findings',
  'correctiveActions',
  'managementEvaluations',
  'occurrences',
  'frozenRecords',
  'yearlyReports',
] as const;
export type QualityCollection = (typeof qualityCollections)[number];

/** One unit of work on the quality records. The store applies all of it or none of it. */
export type QualityChangeSet = {
  /**
   * Refused with CONFLICT (details: collection, id, the stored etag, who wrote it last and when)
   * unless each record still has this etag; etag 0 means "must not exist yet".
   */
  expect?: { collection: QualityCollection; id: string; etag: number }[];
  /** Each list is upserted by id. */
  certificates?: Certificate[];
  programmeItems?: ProgrammeItem[];
  audits?: Audit[];
  findings?: Finding[];
  correctiveActions?: CorrectiveAction[];
  managementEvaluations?: ManagementEvaluation[];
  occurrences?: YearWheelOccurrence[];
  /** Snapshots of frozen records (core/frozen-records.ts), upserted by id (`kind:subjectId`). */
  frozenRecords?: FrozenRecord[];
  /** Published yearly reports: each revision is written once (etag 0 expected) and never changed. */
  yearlyReports?: YearlyReport[];
  /** Ids of årshjul occurrences to remove (only manual ones are ever removed by the use cases). */
  deleteOccurrenceIds?: string[];
  /** Appended to the same append-only trail as document control (procedureId null, subjectId the record). */
  trail?: Omit<TrailEntry, 'seq'>[];
};

export type QualityStore = {
  /** Newest issue first. */
  listCertificates(): Promise<Certificate[]>;
  /** By title. */
  listProgrammeItems(): Promise<ProgrammeItem[]>;
  /** By planned date, then title. */
  listAudits(filter?: { year?: number }): Promise<Audit[]>;
  getAudit(id: string): Promise<Audit | undefined>;
  /** By date found, most serious grade first within a day. */
  listFindings(filter?: { auditId?: string }): Promise<Finding[]>;
  /** By due date (undated last), then title. */
  listCorrectiveActions(): Promise<CorrectiveAction[]>;
  getCorrectiveAction(id: string): Promise<CorrectiveAction | undefined>;
  /** Newest year first. */
  listManagementEvaluations(): Promise<ManagementEvaluation[]>;
  getManagementEvaluation(id: string): Promise<ManagementEvaluation | undefined>;
  /** By due date, then title; `from`/`to` inclusive. */
  listOccurrences(filter?: { from?: LocalDate; to?: LocalDate }): Promise<YearWheelOccurrence[]>;
  /** The snapshot of one record, if it was frozen. */
  getFrozenRecord(kind: FrozenKind, subjectId: string): Promise<FrozenRecord | undefined>;
  /** The snapshots of one kind, by subject id. */
  listFrozenRecords(kind: FrozenKind): Promise<FrozenRecord[]>;
  /** Every revision of every published yearly report: newest year first, then newest revision. */
  listYearlyReports(): Promise<YearlyReport[]>;
  /**
   * Changes whenever the audits, findings or corrective actions may read differently (a commit
   * here or, where several processes share the data, elsewhere). Cheap: asked before every search.
   */
  searchStamp(): Promise<string>;
  commit(changes: QualityChangeSet): Promise<void>;
};
