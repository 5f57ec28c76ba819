import type { MessageKey } from '../../i18n/messages';

/** Message keys for the corrective actions' statuses and sources (text, never colour alone). */
export const actionStatusKey = {
  open: 'actions.status.open',
  planned: 'actions.status.planned',
  implemented: 'actions.status.implemented',
  closed: 'actions.status.closed',
} as const satisfies Record<string, MessageKey>;

export const actionSourceKey = {
  finding: 'actions.source.finding',
  'management-decision': 'actions.source.decision',
  feedback: 'actions.source.feedback',
  other: 'actions.source.other',
} as const satisfies Record<string, MessageKey>;

export const findingGradeKey = {
  major: 'actions.grade.major',
  minor: 'actions.grade.minor',
  observation: 'actions.grade.observation',
  improvement: 'actions.grade.improvement',
  'strong-point': 'actions.grade.strongPoint',
} as const satisfies Record<string, MessageKey>;

export const actionStatuses = ['open', 'planned', 'implemented', 'closed'] as const;
