import type { TranslationOf } from '../../texts.js';
import type { imports as source } from '../da/imports.js';

/** The import titles in English. */
export const imports: TranslationOf<typeof source> = {
  'case.caseId': 'Case id',
  'case.caseType': 'Case type',
  'case.unit': 'Unit',
  'case.receivedOn': 'Received',
  'case.fullyInformedOn': 'Fully informed',
  'case.decidedOn': 'Decided',
  'case.pausedDays': 'Days with applicant',
  'case.targetDays': 'Target days',
  'case.exemptionReason': 'Exemption reason',
  'case.decisionType': 'Decision type',
};
