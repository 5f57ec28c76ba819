import type { MessageKey } from '../../i18n/messages';
import type {
  RegisterChannel,
  RegisterKind,
  RegisterScope,
  RegisterStatus,
  RegisterTrailEvent,
  RiskBand,
} from '../../../../functions/src/core/register-types';

/** The register's words, one message key per value of the contract's enums. */
export const kindKey: Readonly<Record<RegisterKind, MessageKey>> = {
  praise: 'register.kind.praise',
  complaint: 'register.kind.complaint',
  suggestion: 'register.kind.suggestion',
  deviation: 'register.kind.deviation',
};

export const statusKey: Readonly<Record<RegisterStatus, MessageKey>> = {
  registered: 'register.status.registered',
  'awaiting-handling': 'register.status.awaiting-handling',
  'in-handling': 'register.status.in-handling',
  open: 'register.status.open',
  closed: 'register.status.closed',
};

export const channelKey: Readonly<Record<RegisterChannel, MessageKey>> = {
  public: 'register.channel.public',
  tab: 'register.channel.tab',
  teams: 'register.channel.teams',
  audit: 'register.channel.audit',
};

export const scopeKey: Readonly<Record<RegisterScope, MessageKey>> = {
  unit: 'register.scope.unit',
  'several-units': 'register.scope.several-units',
  administration: 'register.scope.administration',
};

export const riskKey: Readonly<Record<RiskBand, MessageKey>> = {
  green: 'register.risk.green',
  yellow: 'register.risk.yellow',
  red: 'register.risk.red',
};

export const severityKey: Readonly<Record<number, MessageKey>> = {
  1: 'register.severity.1',
  2: 'register.severity.2',
  3: 'register.severity.3',
  4: 'register.severity.4',
  5: 'register.severity.5',
};

export const likelihoodKey: Readonly<Record<number, MessageKey>> = {
  1: 'register.likelihood.1',
  2: 'register.likelihood.2',
  3: 'register.likelihood.3',
  4: 'register.likelihood.4',
  5: 'register.likelihood.5',
};

export const trailKey: Readonly<Record<RegisterTrailEvent, MessageKey>> = {
  registered: 'register.trail.registered',
  routed: 'register.trail.routed',
  assessed: 'register.trail.assessed',
  'status-changed': 'register.trail.status-changed',
  'handling-updated': 'register.trail.handling-updated',
  'interim-reply': 'register.trail.interim-reply',
  reply: 'register.trail.reply',
  'corrective-action-started': 'register.trail.corrective-action-started',
  'actions-completed': 'register.trail.actions-completed',
  reassigned: 'register.trail.reassigned',
  reminded: 'register.trail.reminded',
  escalated: 'register.trail.escalated',
  'contact-removed': 'register.trail.contact-removed',
  'deletion-request': 'register.trail.deletion-request',
};
