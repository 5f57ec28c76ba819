import type { TranslationOf } from '../../texts.js';
import type { exports as source } from '../da/exports.js';

/** The downloads in English. */
export const exports: TranslationOf<typeof source> = {
  'matrix.matrixSheet': 'Competence matrix',
  'matrix.gapsSheet': 'Gaps',
  'matrix.person': 'Employee',
  'matrix.jobTitle': 'Job title',
  'matrix.legend': 'Legend',
  'matrix.level': 'Level',
  'matrix.expiring': 'expires {{date}}',
  'matrix.expired': 'expired {{date}}',
  'matrix.expiringLegend': 'Expires within {{days}} days',
  'matrix.expiredLegend': 'Expired',
  'matrix.selfAssessed': 'Self-assessed',
  'matrix.selfAssessedLegend': '* self-assessed, not confirmed by the leader',
  'matrix.competence': 'Competence',
  'matrix.scope': 'Applies to',
  'matrix.requirement': 'Requirement',
  'matrix.requirementText_one': '{{count}} person at level {{level}} or above',
  'matrix.requirementText_other': '{{count}} people at level {{level}} or above',
  'matrix.qualified': 'Qualified',
  'matrix.shortBy': 'Short by',
  'matrix.status': 'Status',
  'matrix.unmet': 'Not covered',
  'matrix.external': 'Covered externally',
  'matrix.single': 'Depends on one person',
  'matrix.noGaps': 'No gaps.',
  'matrix.fileName': 'competence-matrix',
  'matrix.confirmed': 'Confirmed',
  'evaluation.fileName': 'Management review',
};
