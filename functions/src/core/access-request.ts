import type { LocalDate } from './local-date.js';
import { addBusinessDays, businessDaysBetween, type HolidayCalendar } from './public-holidays.js';

/**
 * Aktindsigt (Denmark) and innsyn (Norway) in the handbook's procedures: a request, its
 * deadline, the export handed out and the answer. Pure rules; the record is declared in
 * records/access-requests.ts.
 *
 * - Denmark, offentlighedsloven § 36, stk. 2: a request not decided within 7 working days after
 *   it was received obliges the authority to tell the requester why and when to expect it.
 * - Norway, offentleglova § 32, stk. 3: requests are answered "uten ugrunnet opphold"; with no
 *   answer within 5 working days after the request was received, it counts as refused (and can
 *   be complained about).
 */
export const accessLaws = ['dk', 'no'] as const;
export type AccessLaw = (typeof accessLaws)[number];

export const accessDecisions = ['granted', 'partly-granted', 'refused'] as const;
export type AccessDecision = (typeof accessDecisions)[number];

export const accessRequestStates = ['open', 'answered'] as const;
export type AccessRequestState = (typeof accessRequestStates)[number];

/** One file of an export, as handed out: what it is, which version, and its bytes' hash. */
export type HandedOutFile = {
  path: string;
  kind: 'version-pdf' | 'original' | 'history' | 'draft' | 'index';
  procedureId: string | null;
  versionId: string | null;
  sha256: string;
};

/** One produced export: when, by whom, its name and hash, and every file in it. */
export type AccessExport = {
  at: string;
  by: string;
  fileName: string;
  /** The zip as handed out, kept in the document store (content-addressed). */
  ref: string;
  sha256: string;
  includeDrafts: boolean;
  files: HandedOutFile[];
};

export type AccessAnswer = {
  decision: AccessDecision;
  text: string;
  answeredOn: LocalDate;
  answeredBy: string;
};

export type AccessRequest = {
  id: string;
  law: AccessLaw;
  requesterName: string;
  /** How to reach the requester (e-mail or postal address); internal, never published. */
  requesterContact: string;
  /** What was asked for, in the requester's words. */
  subject: string;
  procedureIds: string[];
  receivedOn: LocalDate;
  /** Counted from `receivedOn` by `accessDeadlineOf`; stored so a changed rule never moves it. */
  deadlineOn: LocalDate;
  state: AccessRequestState;
  answer: AccessAnswer | null;
  exports: AccessExport[];
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  etag: number;
};

export const accessDeadlineWorkingDays: Readonly<Record<AccessLaw, number>> = { dk: 7, no: 5 };
const calendars: Readonly<Record<AccessLaw, HolidayCalendar>> = { dk: 'dk', no: 'no' };

/** The last working day to answer: Denmark 7, Norway 5 working days after receipt (weekends and public holidays out). */
export function accessDeadlineOf(receivedOn: LocalDate, law: AccessLaw): LocalDate {
  return addBusinessDays(receivedOn, accessDeadlineWorkingDays[law], calendars[law]);
}

export type AccessDeadlineStatus =
  { kind: 'answered' } | { kind: 'due'; workingDaysLeft: number } | { kind: 'overdue'; workingDaysLate: number };

/** Where an open request stands on `today`: working days left (0 on the last day), or late. */
export function accessDeadlineStatus(
  request: Pick<AccessRequest, 'state' | 'deadlineOn' | 'law'>,
  today: LocalDate,
): AccessDeadlineStatus {
  if (request.state === 'answered') return { kind: 'answered' };
  const left = businessDaysBetween(today, request.deadlineOn, calendars[request.law]);
  if (today <= request.deadlineOn) return { kind: 'due', workingDaysLeft: left };
  return { kind: 'overdue', workingDaysLate: -left };
}
