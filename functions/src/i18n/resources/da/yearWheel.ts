/**
 * Titles and notes the product writes into the årshjul (stored with the activity, in the organisation's language). Danish, the source.
 */
export const yearWheel = {
  'generated.internalAudit': 'Intern audit: {{title}}',
  'generated.surveillance': 'Overvågningsaudit {{index}} ({{body}})',
  'generated.recertification': 'Recertificeringsaudit ({{body}})',
  'generated.evaluation': 'Ledelsens evaluering {{year}}',
  'goal.revision': 'Revision af kvalitetsmål: {{title}}',
  'goal.red': 'Kvalitetsmål i rødt: {{title}}',
  'goal.redNote': 'Målt {{value}} mod målet {{target}}. Følg op på årsagen og planlæg tiltag.',
  'goal.percent': '{{value}} %',
  'goal.days_one': '{{value}} dag',
  'goal.days_other': '{{value}} dage',
};
