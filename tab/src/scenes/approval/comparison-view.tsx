import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ComparedBlock } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useVisuallyHiddenStyles } from '../../shared/visually-hidden';
import { groupBlocks, headingLevel } from './comparison-model';

const useStyles = makeStyles({
  page: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    maxWidth: '75ch',
    fontSize: tokens.fontSizeBase400,
    lineHeight: '1.6',
    color: tokens.colorNeutralForeground1,
    overflowWrap: 'anywhere',
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalM },
    '& h3, & h4, & h5, & h6': { margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalS}` },
    '& h3': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 },
    '& h4': { fontSize: tokens.fontSizeBase500 },
    '& h5, & h6': { fontSize: tokens.fontSizeBase400 },
    '& pre': { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'pre-wrap' },
  },
  // A changed block is marked at the margin too, so a change is found by scanning the edge.
  changed: {
    borderLeft: `4px solid ${tokens.colorNeutralStrokeAccessible}`,
    paddingLeft: tokens.spacingHorizontalS,
    marginLeft: `calc(-1 * (${tokens.spacingHorizontalS} + 4px))`,
  },
  // Insertions are underlined and deletions struck through: the mark is more than colour (WCAG 1.4.1).
  inserted: {
    textDecorationLine: 'underline',
    textDecorationThickness: '2px',
    textUnderlineOffset: '3px',
    backgroundColor: tokens.colorPaletteGreenBackground1,
    color: tokens.colorNeutralForeground1,
  },
  deleted: {
    textDecorationLine: 'line-through',
    textDecorationThickness: '2px',
    backgroundColor: tokens.colorPaletteRedBackground1,
    color: tokens.colorNeutralForeground1,
    // A deletion directly followed by its replacement keeps a gap between the two.
    '& + ins': { marginLeft: '0.3em' },
  },
});

/**
 * The comparison of a draft with the current version, from the server's segments: the tab
 * renders text only (no HTML from the documents), insertions as <ins> and deletions as <del>,
 * each announced by a visually hidden "Inserted:" / "Deleted:".
 */
export function ComparisonView(props: { blocks: readonly ComparedBlock[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const hidden = useVisuallyHiddenStyles();

  const content = (block: ComparedBlock): ReactNode =>
    block.segments.map((segment, index) => {
      if (segment.kind === 'added')
        return (
          <ins key={index} className={styles.inserted}>
            <span className={hidden.hidden}>{t('approvalView.inserted')} </span>
            {segment.text}
          </ins>
        );
      if (segment.kind === 'removed')
        return (
          <del key={index} className={styles.deleted}>
            <span className={hidden.hidden}>{t('approvalView.deleted')} </span>
            {segment.text}
          </del>
        );
      return <span key={index}>{segment.text}</span>;
    });
  const mark = (block: ComparedBlock) => (block.change === 'same' ? undefined : styles.changed);

  return (
    <div className={styles.page} data-testid="comparison-view">
      {groupBlocks(props.blocks).map((group, index) => {
        if (group.kind === 'list')
          return (
            <ul key={index}>
              {group.items.map((item, itemIndex) => (
                <li key={itemIndex} className={mark(item)} data-change={item.change}>
                  {content(item)}
                </li>
              ))}
            </ul>
          );
        const { block } = group;
        const className = mergeClasses(mark(block));
        if (block.type === 'heading') {
          const Heading = `h${headingLevel(block.level)}` as const;
          return (
            <Heading key={index} className={className} data-change={block.change}>
              {content(block)}
            </Heading>
          );
        }
        if (block.type === 'preformatted')
          return (
            <pre key={index} className={className} data-change={block.change}>
              {content(block)}
            </pre>
          );
        return (
          <p key={index} className={className} data-change={block.change}>
            {content(block)}
          </p>
        );
      })}
    </div>
  );
}
