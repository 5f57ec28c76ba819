import type { LocalDate } from '../core/local-date.js';
import type { CorrectiveAction } from '../core/quality-year-types.js';
import type { StatisticsRow } from '../core/register-statistics.js';
import type {
  RegisterChannel,
  RegisterItem,
  RegisterKind,
  RegisterSettings,
  RegisterStatus,
  UsedChallenge,
} from '../core/register-types.js';
import type { TrailEntry } from '../core/types.js';

/**
 * The register (issue 15): its items, the register settings and the used proof-of-work
 * solutions. A port of its own beside `Store` and `QualityStore`; every commit is whole or
 * nothing.
 */

/** One unit of work on the register. The store applies all of it or none of it. */
export type RegisterChangeSet = {
  /**
   * Refused with CONFLICT (details: id, the stored etag, who wrote it last and when) unless each
   * item still has this etag; etag 0 means "must not exist yet".
   */
  expect?: { id: string; etag: number }[];
  /** Upserted by id. A new item whose receipt number or status token is taken: DUPLICATE (details.field). */
  items?: RegisterItem[];
  /** The settings, refused with CONFLICT unless the stored etag is `expectedEtag` (0: none stored). */
  settings?: { record: RegisterSettings; expectedEtag: number };
  /** New corrective actions started from items (inserted; an existing id is a CONFLICT). */
  correctiveActions?: CorrectiveAction[];
  /** A proof-of-work solution now used; one already used is refused with DUPLICATE (field altcha). */
  usedChallenge?: UsedChallenge;
  /** Appended to the product's append-only trail (procedureId null, subjectId the item). */
  trail?: Omit<TrailEntry, 'seq'>[];
};

export type RegisterFilter = {
  handlerId?: string;
  reportedBy?: string;
  status?: RegisterStatus;
  /** true: every status but closed. */
  isOpen?: boolean;
  kind?: RegisterKind;
  channel?: Exclude<RegisterChannel, 'audit'>;
  /** Received on or after / on or before. */
  from?: LocalDate;
  to?: LocalDate;
};

export type RegisterStore = {
  getSettings(): Promise<RegisterSettings | undefined>;
  getItem(id: string): Promise<RegisterItem | undefined>;
  /** The item of a status link, by the SHA-256 of its token. */
  findByStatusTokenHash(tokenHash: string): Promise<RegisterItem | undefined>;
  /** Newest first. */
  listItems(filter?: RegisterFilter): Promise<RegisterItem[]>;
  /** What the statistics need of every item received on or before `to` (a narrow read, no JSON; identical rows may come once with their `count`). */
  statisticsRows(to: LocalDate): Promise<StatisticsRow[]>;
  /** Unanswered items with a reply deadline on or before `until` (the sweep's reminders). */
  itemsWithReplyDueBy(until: LocalDate): Promise<RegisterItem[]>;
  /** Closed items that still hold contact details and were closed on or before `closedBy`. */
  closedItemsWithContact(closedBy: LocalDate): Promise<RegisterItem[]>;
  /** Items whose contact e-mail is `email` (case-insensitive). */
  itemsByContactEmail(email: string): Promise<RegisterItem[]>;
  /** Forgets used proof-of-work solutions whose challenge expired before `now`; how many. */
  purgeUsedChallenges(now: string): Promise<number>;
  commit(changes: RegisterChangeSet): Promise<void>;
};

/** An e-mail to a sender (the reply, an interim reply). */
export type OutgoingMail = { to: string; subject: string; text: string };

/**
 * Sends e-mail: in production Microsoft Graph `sendMail` from the register's shared mailbox,
 * locally into the outbox. A failure throws; the reply is then not recorded as e-mailed.
 */
export type Mailer = { send(mail: OutgoingMail): Promise<void> };

/** A proof-of-work challenge for the public form (ALTCHA). */
export type ProofOfWorkChallenge = {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
};

export type ProofOfWorkVerdict =
  { isValid: true; signatureHash: string; expiresAt: string } | { isValid: false; reason: 'invalid' | 'expired' };

/** Issues and checks the public form's proof-of-work, with the server's HMAC key. */
export type ProofOfWork = {
  createChallenge(now: Date): Promise<ProofOfWorkChallenge>;
  /** Checks the widget's base64 payload: solved, signed by us, not expired at `now`. */
  verify(payload: string, now: Date): Promise<ProofOfWorkVerdict>;
};
