import type { TranslationOf } from '../../texts.js';
import type { yearWheel as source } from '../da/yearWheel.js';

/** The year-wheel titles in English. */
export const yearWheel: TranslationOf<typeof source> = {
  'generated.internalAudit': 'Internal audit: {{title}}',
  'generated.surveillance': 'Surveillance audit {{index}} ({{body}})',
  'generated.recertification': 'Recertification audit ({{body}})',
  'generated.evaluation': 'Management review {{year}}',
  'goal.revision': 'Quality goal revision: {{title}}',
  'goal.red': 'Quality goal in red: {{title}}',
  'goal.redNote': 'Measured {{value}} against the target of {{target}}. Follow up on the cause and plan actions.',
  'goal.percent': '{{value}}%',
  'goal.days_one': '{{value}} day',
  'goal.days_other': '{{value}} days',
};
