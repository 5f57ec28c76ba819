import { makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useImperativeHandle, useMemo, useRef, type Ref } from 'react';
import type { CardJson } from '../../api/chat-contract';
import { renderAdaptiveCard, type CardUserAction, type RenderedCard } from './render-adaptive-card';

export type AdaptiveCardViewHandle = {
  /** True while the person is using the card: focus inside it, or inputs they have changed. */
  isEngaged(): boolean;
};

const useStyles = makeStyles({
  host: {
    maxWidth: '36rem',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    overflow: 'hidden',
    // The renderer's buttons and inputs: Teams-like sizes and a visible keyboard focus.
    '& .ac-pushButton': { borderRadius: tokens.borderRadiusMedium, minHeight: '32px', cursor: 'pointer' },
    '& .ac-pushButton:focus-visible, & .ac-input:focus-visible, & a:focus-visible': {
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '2px',
    },
    // The renderer's stylesheet draws the ShowCard chevron with an icon font we do not load.
    '& .ac-pushButton.expandable::after': { fontFamily: 'inherit', content: '"\\25BE"', marginLeft: '6px' },
    '& .ac-pushButton.expandable.expanded::after': { content: '"\\25B4"' },
    '& .ac-input.ac-textInput': { borderRadius: tokens.borderRadiusMedium, padding: '6px 8px' },
    // Markdown paragraphs and lists (see card-markdown.ts) keep the card's own spacing.
    '& .ac-textBlock p': { margin: 0 },
    '& .ac-textBlock p + p, & .ac-textBlock ul, & .ac-textBlock ol': { marginTop: '4px' },
    '& .ac-textBlock ul, & .ac-textBlock ol': { marginBottom: 0, paddingLeft: '20px' },
  },
  fallback: { padding: tokens.spacingHorizontalL, margin: 0 },
});

/**
 * One Adaptive Card, rendered by Microsoft's renderer into a container the component owns.
 * The card is rendered again only when its JSON changes, so a poll that brings the same card
 * does not wipe what the person has typed.
 */
export function AdaptiveCardView(props: {
  card: CardJson;
  onAction: (action: CardUserAction) => void;
  fallbackText: string;
  ref?: Ref<AdaptiveCardViewHandle>;
}) {
  const styles = useStyles();
  const containerRef = useRef<HTMLDivElement>(null);
  const renderedRef = useRef<RenderedCard | null>(null);
  const onActionRef = useRef(props.onAction);
  const cardText = useMemo(() => JSON.stringify(props.card), [props.card]);

  useEffect(() => {
    onActionRef.current = props.onAction;
  }, [props.onAction]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const rendered = renderAdaptiveCard(JSON.parse(cardText) as CardJson, (action) => onActionRef.current(action));
    renderedRef.current = rendered;
    if (rendered.element) {
      container.replaceChildren(rendered.element);
    } else {
      const paragraph = document.createElement('p');
      paragraph.className = styles.fallback;
      paragraph.textContent = rendered.fallbackText ?? props.fallbackText;
      container.replaceChildren(paragraph);
    }
    // The fallback text is only read when the card changes; a language switch alone keeps the card.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cardText, styles.fallback]);

  useImperativeHandle(
    props.ref,
    () => ({
      isEngaged: () => {
        const container = containerRef.current;
        const hasFocus = !!container && container.contains(document.activeElement);
        return hasFocus || (renderedRef.current?.hasChangedInputs() ?? false);
      },
    }),
    [],
  );

  return <div ref={containerRef} className={styles.host} data-testid="adaptive-card" />;
}
