import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { fokus as source } from '../da/fokus';

/** The tab's "fokus" texts in Norwegian bokmål: exactly the Danish keys. */
export const fokus: TranslationOf<typeof source> = {
  'fokus.title': 'Kvalitetsevaluering av enhetene',
  'fokus.intro':
    'Evalueringsrunder i FOKUS-stil: enhetene vurderes på kommunens egne temaer på en skala kommunen fastsetter, runde etter runde. En enhet som bare er vurdert på en del av temaene, er ikke sammenlignbar og inngår ikke i sammenligningen.',
  'fokus.empty': 'Det finnes ingen evalueringsrunder ennå.',
  'fokus.unit': 'Enhet',
  'fokus.notCovered': 'Ikke omfattet',
  'fokus.notComparable': 'Ikke sammenlignbar',
  'fokus.notEvaluated': 'Ikke vurdert',
  'fokus.meanOf': 'Snitt {{mean}} ({{percent}} %)',
  'fokus.noChange': 'Første sammenlignbare runde',
  'fokus.change': '{{points}} prosentpoeng siden {{year}}',
  'fokus.comparison.heading': 'Enhetene på tvers av runder',
  'fokus.comparison.caption':
    'Snitt per enhet og runde, plassert på rundens skala (0–100 %), og endringen siden enhetens forrige sammenlignbare runde.',
  'fokus.chart.title': 'Enhetenes snitt per runde (% av skalaen)',
  'fokus.chart.caption':
    'Diagrammet viser de samme tallene som tabellen over; runder der enheten ikke er sammenlignbar, har ingen søyle.',
  'fokus.scorecard.heading': 'Resultatkort',
  'fokus.scorecard.round': 'Runde',
  'fokus.scorecard.caption': 'Poeng per tema i {{round}} (skala {{min}}–{{max}}).',
  'fokus.total': 'Totalt',
  'fokus.mean': 'Snitt',
  'fokus.notScored': 'Ikke vurdert',
  'coverage.title': 'Dekningsmatrise',
  'coverage.intro':
    'Hvert punkt i standardene kommunen arbeider etter, mot prosedyrene, målene og revisjonene som viser til det. Punkter uten henvisning er udekket. Punktenes korte betegnelser er kvalitetshåndbokens egne, ikke standardens tekst.',
  'coverage.caption_one': '{{standard}}: {{count}} udekket punkt.',
  'coverage.caption_other': '{{standard}}: {{count}} udekkede punkter.',
  'coverage.clause': 'Punkt',
  'coverage.subject': 'Emne',
  'coverage.procedures': 'Prosedyrer',
  'coverage.goals': 'Mål',
  'coverage.audits': 'Revisjoner',
  'coverage.status': 'Dekning',
  'coverage.goalsLater': 'Mål vises når kvalitetsmålene er tatt i bruk.',
  'coverage.covered': 'Dekket',
  'coverage.uncovered': 'Udekket',
  'coverage.standardFilter': 'Standard',
  'coverage.allStandards': 'Alle standarder',
  'coverage.onlyUncovered': 'Vis bare udekkede punkter',
  'coverage.uncoveredCount_one': '{{count}} punkt er udekket.',
  'coverage.uncoveredCount_other': '{{count}} punkter er udekket.',
  'coverage.unplaced': 'Henvisninger utenfor punktene: {{items}}.',
};
