import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { yearlyReport as source } from '../da/yearlyReport';

/** The tab's "yearlyReport" texts in English: exactly the Danish keys. */
export const yearlyReport: TranslationOf<typeof source> = {
  'yearlyReport.title': 'Yearly report',
  'yearlyReport.intro':
    'The quality report is published once a year: how the quality handbook is built, the quality policy and goals, satisfaction surveys, praise, complaints, suggestions and deviations, audits and the certificate, the management evaluation and its political treatment. Once published it is kept as it was and can only be corrected with a reason.',
  'yearlyReport.published': 'Published reports',
  'yearlyReport.noneYet': 'No reports have been published yet.',
  'yearlyReport.reportOf': 'Quality report {{year}}',
  'yearlyReport.publishedLine': 'published {{date}} by {{name}} (edition {{revision}})',
  'yearlyReport.correctionLine': 'Correction: {{reason}}',
  'yearlyReport.handbookLink': 'The public quality handbook, which the municipality can link to or embed:',
  'yearlyReport.previewHeading': 'Preview of the yearly report {{year}}',
  'yearlyReport.previousYear': 'Previous year ({{year}})',
  'yearlyReport.nextYear': 'Next year ({{year}})',
  'yearlyReport.previewNote':
    'Figures as of {{date}}, from the current data. The handbook’s structure is the handbook as it was on {{date}}: the versions published by then, not those approved later. Publishing keeps the report as it is now.',
  'yearlyReport.facts.procedures': 'Procedures in force',
  'yearlyReport.facts.policy': 'Quality policy published',
  'yearlyReport.facts.goals': 'Quality goals',
  'yearlyReport.facts.surveys': 'Satisfaction surveys',
  'yearlyReport.facts.audits': 'Audits in the year',
  'yearlyReport.facts.register': 'Praise, complaints, suggestions and deviations received',
  'yearlyReport.facts.certificate': 'Certificate',
  'yearlyReport.facts.evaluation': 'Management evaluation held',
  'yearlyReport.facts.committee': 'Political treatment',
  'yearlyReport.yes': 'Yes',
  'yearlyReport.no': 'No',
  'yearlyReport.notHeld': 'Not held',
  'yearlyReport.notTreated': 'Not treated',
  'yearlyReport.pdfDanish': 'Download PDF (Danish)',
  'yearlyReport.pdfNorwegian': 'Download PDF (Norwegian)',
  'yearlyReport.publish': 'Publish the yearly report {{year}}',
  'yearlyReport.publishedNow': 'The yearly report {{year}} is published (edition {{revision}}).',
  'yearlyReport.lockedLine':
    'The yearly report {{year}} was published on {{date}} by {{name}} and is locked. A correction is published as a new edition with its reason; the earlier edition is kept.',
  'yearlyReport.correctionReason': 'Reason for the correction',
  'yearlyReport.correctionHint': 'E.g. "Wrong certificate number in the audit section".',
  'yearlyReport.publishCorrection': 'Publish correction',
};
