import { makeStyles, tokens } from '@fluentui/react-components';

export const useFokusStyles = makeStyles({
  intro: { maxWidth: '48rem', marginTop: 0 },
  status: { minHeight: '1.5em', margin: 0 },
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  table: { borderCollapse: 'collapse', minWidth: '24rem' },
  caption: {
    textAlign: 'start',
    captionSide: 'top',
    padding: `0 0 ${tokens.spacingVerticalS}`,
    color: tokens.colorNeutralForeground2,
  },
  cell: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    textAlign: 'start',
    verticalAlign: 'top',
  },
  head: { backgroundColor: tokens.colorNeutralBackground3, fontWeight: tokens.fontWeightSemibold },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  muted: { color: tokens.colorNeutralForeground3 },
  notComparable: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  mark: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  change: { display: 'block', fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  chart: { maxWidth: '48rem', margin: 0 },
  picker: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    marginBottom: tokens.spacingVerticalM,
  },
});
