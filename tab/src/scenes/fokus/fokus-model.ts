import type { ComparisonCellDto, FokusOverviewDto } from '../../api/fokus-api';
import { intlTags, type Locale } from '../../../../functions/src/core/locale';

/** A score, mean or percentage with at most the given decimals, in the reader's language. */
export function formatNumber(value: number, locale: Locale, decimals = 2): string {
  return new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: decimals }).format(value);
}

/** A change with its sign ("+1,25", "−0,5", "±0"). */
export function formatSigned(value: number, locale: Locale, decimals = 2): string {
  const text = formatNumber(Math.abs(value), locale, decimals);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : `±${text}`;
}

export type ChartGroup = { name: string; series: { key: string; data: number; legend: string }[] };

/**
 * The chart's data: per unit, one bar per round the unit was comparable in, its mean placed on
 * the round's scale (0–100 %). Not comparable and not covered rounds have no bar; the table
 * beside the chart says why.
 */
export function chartGroups(data: FokusOverviewDto): ChartGroup[] {
  const unitName = new Map(data.units.map((unit) => [unit.id, unit.name]));
  const roundName = new Map(data.rounds.map((round) => [round.id, String(round.year)]));
  const groups = data.comparison.map((row) => ({
    name: unitName.get(row.unitId) ?? row.unitId,
    series: row.cells.flatMap((cell) =>
      cell.standing === 'comparable' && cell.percent !== null
        ? [
            {
              key: `${row.unitId}-${cell.roundId}`,
              data: cell.percent,
              legend: roundName.get(cell.roundId) ?? cell.roundId,
            },
          ]
        : [],
    ),
  }));
  // The chart orders the bars of every group (and their colours) by the legends' first appearance:
  // a unit with a bar for every round goes first, so the rounds read in year order everywhere.
  const fullest = Math.max(0, ...groups.map((group) => group.series.length));
  return [
    ...groups.filter((group) => group.series.length === fullest),
    ...groups.filter((group) => group.series.length !== fullest),
  ];
}

export function isScored(cell: ComparisonCellDto): cell is Exclude<ComparisonCellDto, { standing: 'not-covered' }> {
  return cell.standing !== 'not-covered';
}

/** A score as typed: blanks aside, digits with at most two decimals after a comma or point; '' is "not rated". */
export function parseScore(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+([.,]\d{1,2})?$/.test(trimmed)) return 'invalid';
  return Number(trimmed.replace(',', '.'));
}

export type ScoreEntry = {
  /** The themes scored, in the round's order; themes left empty are left out. */
  scores: { themeId: string; score: number }[];
  /** Themes whose text is not a number on the round's scale. */
  invalidThemeIds: string[];
  /** Some theme was left empty: the unit will be "ikke sammenlignelig" in the round. */
  isPartial: boolean;
};

/**
 * The scores a unit's form holds, checked against the round's scale as the server checks them
 * (core/fokus-comparison.ts `scoreProblem`), so a typing slip shows at its field before saving.
 */
export function scoreEntryOf(
  round: { themes: readonly { id: string }[]; scaleMin: number; scaleMax: number },
  texts: Readonly<Record<string, string>>,
): ScoreEntry {
  const entry: ScoreEntry = { scores: [], invalidThemeIds: [], isPartial: false };
  for (const theme of round.themes) {
    const score = parseScore(texts[theme.id] ?? '');
    if (score === null) entry.isPartial = true;
    else if (score === 'invalid' || score < round.scaleMin || score > round.scaleMax)
      entry.invalidThemeIds.push(theme.id);
    else entry.scores.push({ themeId: theme.id, score });
  }
  return entry;
}

/** A unit's scores in a round as the form's texts (in the reader's decimal mark). */
export function scoreTextsOf(
  scores: readonly { themeId: string; score: number | null }[],
  locale: Locale,
): Record<string, string> {
  return Object.fromEntries(
    scores.map((entry) => [
      entry.themeId,
      entry.score === null ? '' : new Intl.NumberFormat(intlTags[locale], { useGrouping: false }).format(entry.score),
    ]),
  );
}
