import { AppError } from './errors.js';
import type { ChangeKind, ProcedureVersion, VersionState } from './types.js';

/**
 * The lifecycle of a procedure version (ISO 9001 7.5.2/7.5.3):
 *
 *   draft --submit--> pending --approve--> published --supersede--> obsolete
 *     ^                 |
 *     +----reject-------+   (a rejection or withdrawal returns the draft to its author)
 *     +----withdraw-----+
 *
 * Published and obsolete versions are never edited again; obsolete ones are kept, marked.
 */
export type VersionEvent = 'edit' | 'submit' | 'approve' | 'reject' | 'withdraw' | 'supersede';

const transitions: Record<VersionState, Partial<Record<VersionEvent, VersionState>>> = {
  draft: { edit: 'draft', submit: 'pending' },
  pending: { approve: 'published', reject: 'draft', withdraw: 'draft' },
  published: { supersede: 'obsolete' },
  obsolete: {},
};

export function canTransition(state: VersionState, event: VersionEvent): boolean {
  return transitions[state][event] !== undefined;
}

export function nextState(state: VersionState, event: VersionEvent): VersionState {
  const next = transitions[state][event];
  if (next === undefined) {
    throw new AppError('CONFLICT', `A ${state} version cannot be ${pastTense[event]}.`, { state, event });
  }
  return next;
}

const pastTense: Record<VersionEvent, string> = {
  edit: 'edited',
  submit: 'submitted',
  approve: 'approved',
  reject: 'rejected',
  withdraw: 'withdrawn',
  supersede: 'superseded',
};

/** The number a version gets when published, from the number of the version it replaces. */
export function nextVersionNumber(
  current: { major: number; minor: number } | null,
  kind: ChangeKind,
): { major: number; minor: number } {
  if (current === null) return { major: 1, minor: 0 };
  return kind === 'major' ? { major: current.major + 1, minor: 0 } : { major: current.major, minor: current.minor + 1 };
}

export function versionLabel(version: Pick<ProcedureVersion, 'major' | 'minor'>): string | null {
  return version.major === null ? null : `${version.major}.${version.minor ?? 0}`;
}
