import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { fokus as source } from '../da/fokus';

/** The tab's "fokus" texts in English: exactly the Danish keys. */
export const fokus: TranslationOf<typeof source> = {
  'fokus.title': 'Quality evaluation of the units',
  'fokus.intro':
    'FOKUS-style evaluation rounds: the units are rated on the municipality’s own themes, on a scale the municipality sets, round after round. A unit rated on only part of the themes is not comparable and is left out of the comparison.',
  'fokus.empty': 'There are no evaluation rounds yet.',
  'fokus.unit': 'Unit',
  'fokus.notCovered': 'Not covered',
  'fokus.notComparable': 'Not comparable',
  'fokus.notEvaluated': 'Not rated',
  'fokus.meanOf': 'Mean {{mean}} ({{percent}} %)',
  'fokus.noChange': 'First comparable round',
  'fokus.change': '{{points}} percentage points since {{year}}',
  'fokus.comparison.heading': 'The units across rounds',
  'fokus.comparison.caption':
    'Mean per unit and round, placed on the round’s scale (0–100 %), and the change since the unit’s previous comparable round.',
  'fokus.chart.title': 'The units’ mean per round (% of the scale)',
  'fokus.chart.caption':
    'The chart shows the same figures as the table above; rounds in which a unit is not comparable have no bar.',
  'fokus.scorecard.heading': 'Scorecards',
  'fokus.scorecard.round': 'Round',
  'fokus.scorecard.caption': 'Scores per theme in {{round}} (scale {{min}}–{{max}}).',
  'fokus.total': 'Total',
  'fokus.mean': 'Mean',
  'fokus.notScored': 'Not rated',
  'coverage.title': 'Coverage matrix',
  'coverage.intro':
    'Each clause of the standards the municipality works by, against the procedures, goals and audits that cite it. Clauses nothing cites are uncovered. The short clause labels are the handbook’s own, not the standard’s text.',
  'coverage.caption_one': '{{standard}}: {{count}} uncovered clause.',
  'coverage.caption_other': '{{standard}}: {{count}} uncovered clauses.',
  'coverage.clause': 'Clause',
  'coverage.subject': 'Subject',
  'coverage.procedures': 'Procedures',
  'coverage.goals': 'Goals',
  'coverage.audits': 'Audits',
  'coverage.status': 'Coverage',
  'coverage.goalsLater': 'Goals show once the quality goals are in use.',
  'coverage.covered': 'Covered',
  'coverage.uncovered': 'Uncovered',
  'coverage.standardFilter': 'Standard',
  'coverage.allStandards': 'All standards',
  'coverage.onlyUncovered': 'Show uncovered clauses only',
  'coverage.uncoveredCount_one': '{{count}} clause is uncovered.',
  'coverage.uncoveredCount_other': '{{count}} clauses are uncovered.',
  'coverage.unplaced': 'Citations outside the clauses: {{items}}.',
};
