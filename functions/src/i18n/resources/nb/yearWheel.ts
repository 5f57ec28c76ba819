import type { TranslationOf } from '../../texts.js';
import type { yearWheel as source } from '../da/yearWheel.js';

/** The årshjul titles in Norwegian bokmål. */
export const yearWheel: TranslationOf<typeof source> = {
  'generated.internalAudit': 'Intern revisjon: {{title}}',
  'generated.surveillance': 'Overvåkingsrevisjon {{index}} ({{body}})',
  'generated.recertification': 'Resertifiseringsrevisjon ({{body}})',
  'generated.evaluation': 'Ledelsens gjennomgåelse {{year}}',
  'goal.revision': 'Revisjon av kvalitetsmål: {{title}}',
  'goal.red': 'Kvalitetsmål i rødt: {{title}}',
  'goal.redNote': 'Målt {{value}} mot målet {{target}}. Følg opp årsaken og planlegg tiltak.',
  'goal.percent': '{{value}} %',
  'goal.days_one': '{{value}} dag',
  'goal.days_other': '{{value}} dager',
};
