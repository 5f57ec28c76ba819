import type { TranslationOf } from '../../texts.js';
import type { imports as source } from '../da/imports.js';

/** The import titles in Norwegian bokmål. */
export const imports: TranslationOf<typeof source> = {
  'case.caseId': 'Saksnummer',
  'case.caseType': 'Sakstype',
  'case.unit': 'Enhet',
  'case.receivedOn': 'Mottatt',
  'case.fullyInformedOn': 'Komplett søknad',
  'case.decidedOn': 'Vedtatt',
  'case.pausedDays': 'Dager hos søker',
  'case.targetDays': 'Frist (dager)',
  'case.exemptionReason': 'Unntaksgrunn',
  'case.decisionType': 'Vedtakstype',
};
