/** The kinds of entry in the one index of deadlines (app/deadline-index.ts). */
export const deadlineKinds = [
  'review',
  'approval',
  'acknowledgement',
  'qualification',
  'requirement',
  'coverage',
  'occurrence',
  'action',
  'access-request',
  'register-reply',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];
