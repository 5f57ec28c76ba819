import { makeStyles, tokens } from '@fluentui/react-components';

export const useAuditStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalM,
  },
  /** Links to the audit-related overviews (FOKUS, the coverage matrix), beside the year. */
  related: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalL,
    paddingBottom: tokens.spacingVerticalXS,
  },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  /** Wide tables scroll sideways inside the page in a narrow tab, instead of widening it (WCAG 1.4.10). */
  tableScroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    '& th, & td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
      borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    },
    '& caption': { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  status: { minHeight: '1.5em', margin: `0 0 ${tokens.spacingVerticalS}` },
  warning: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorPaletteDarkOrangeForeground1,
  },
  list: { margin: 0, paddingLeft: 0, listStyle: 'none' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
  grade: {
    display: 'inline-block',
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  gradeMajor: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
  gradeMinor: { backgroundColor: tokens.colorPaletteDarkOrangeBackground2, color: tokens.colorNeutralForeground1 },
  gradeObservation: { backgroundColor: tokens.colorPaletteYellowBackground2, color: tokens.colorNeutralForeground1 },
  gradeImprovement: { backgroundColor: tokens.colorPaletteBlueBackground2, color: tokens.colorNeutralForeground1 },
  gradeStrong: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '48rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
});
