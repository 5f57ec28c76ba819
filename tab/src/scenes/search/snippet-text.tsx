import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  mark: {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    padding: '0 1px',
  },
});

/** Snippet segments as text; matches in <mark>. Never HTML: the text comes from documents. */
export function SnippetText(props: { segments: readonly { text: string; isMatch: boolean }[] }) {
  const styles = useStyles();
  return (
    <>
      {props.segments.map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className={styles.mark}>
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
