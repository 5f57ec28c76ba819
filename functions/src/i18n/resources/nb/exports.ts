import type { TranslationOf } from '../../texts.js';
import type { exports as source } from '../da/exports.js';

/** The downloads in Norwegian bokmål. */
export const exports: TranslationOf<typeof source> = {
  'matrix.matrixSheet': 'Kompetansematrise',
  'matrix.gapsSheet': 'Mangler',
  'matrix.person': 'Medarbeider',
  'matrix.jobTitle': 'Stilling',
  'matrix.legend': 'Forklaring',
  'matrix.level': 'Nivå',
  'matrix.expiring': 'utløper {{date}}',
  'matrix.expired': 'utløpt {{date}}',
  'matrix.expiringLegend': 'Utløper innen {{days}} dager',
  'matrix.expiredLegend': 'Utløpt',
  'matrix.selfAssessed': 'Egenvurdert',
  'matrix.selfAssessedLegend': '* egenvurdert, ikke bekreftet av lederen',
  'matrix.competence': 'Kompetanse',
  'matrix.scope': 'Gjelder for',
  'matrix.requirement': 'Krav',
  'matrix.requirementText_one': '{{count}} person på nivå {{level}} eller høyere',
  'matrix.requirementText_other': '{{count}} personer på nivå {{level}} eller høyere',
  'matrix.qualified': 'Kvalifiserte',
  'matrix.shortBy': 'Mangler',
  'matrix.status': 'Status',
  'matrix.unmet': 'Ikke dekket',
  'matrix.external': 'Dekket eksternt',
  'matrix.single': 'Avhenger av én person',
  'matrix.noGaps': 'Ingen mangler.',
  'matrix.fileName': 'kompetansematrise',
  'matrix.confirmed': 'Bekreftet',
  'evaluation.fileName': 'Ledelsens gjennomgang',
};
