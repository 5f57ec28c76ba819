import type { AdaptiveCard, CardActionData, CardProcedure } from './card-types.js';
import { escapeCardText, truncateText } from './card-text.js';

/**
 * The few Adaptive Card pieces the product's cards are made of, as small typed builders so a
 * misspelt property or style is a compile error rather than a card Teams silently drops.
 * Builders take card text: escape user text before passing it (see `escapeCardText`).
 */

export type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  style?: 'heading';
  size?: 'small' | 'medium' | 'large';
  weight?: 'bolder' | 'lighter';
  color?: 'accent' | 'good' | 'warning' | 'attention';
  isSubtle?: boolean;
  maxLines?: number;
  spacing?: Spacing;
  separator?: boolean;
};

export type Fact = { title: string; value: string };
export type FactSet = { type: 'FactSet'; facts: Fact[]; spacing?: Spacing };

export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type Container = {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  selectAction?: OpenUrlAction;
};

export type TextInput = {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder: string;
  isRequired: boolean;
  errorMessage: string;
  maxLength: number;
  isMultiline: boolean;
};

export type CardElement = TextBlock | FactSet | Container | TextInput;
type Spacing = 'none' | 'small' | 'medium' | 'large';

export type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };
export type ExecuteAction = {
  type: 'Action.Execute';
  title?: string;
  verb: CardActionData['verb'];
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
};
export type ShowCardAction = {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions: CardAction[] };
};
export type CardAction = OpenUrlAction | ExecuteAction | ShowCardAction;

type RefreshAction = Extract<CardActionData, { verb: 'refresh' }>;
export type Refresh = { action: ExecuteAction; userIds: string[] };

export function adaptiveCard(parts: {
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
  /** Plain text for hosts that cannot render the card, and for notifications. */
  fallbackText: string;
}): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    ...(parts.refresh ? { refresh: parts.refresh } : {}),
    fallbackText: parts.fallbackText,
    body: parts.body,
    ...(parts.actions && parts.actions.length > 0 ? { actions: parts.actions } : {}),
  };
}

export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function factSet(facts: Fact[]): FactSet {
  return { type: 'FactSet', facts };
}

export function container(items: CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...options };
}

export function openUrlAction(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

/**
 * An Action.Execute built from the shared verb vocabulary: `verb` goes on the action and the
 * rest of the data in `data`, which is what the action handler reads back.
 */
export function executeAction(
  title: string,
  action: CardActionData,
  options: Pick<ExecuteAction, 'style' | 'associatedInputs'> = {},
): ExecuteAction {
  const { verb, ...data } = action;
  return { type: 'Action.Execute', title, verb, data, ...options };
}

/** Teams runs the refresh action for these users when they view the card, so they get live buttons. */
export function refreshFor(action: RefreshAction, userIds: string[]): Refresh {
  const { verb, ...data } = action;
  return { action: { type: 'Action.Execute', verb, data }, userIds };
}

/** Longest procedure title shown; the procedure schema allows 200 characters. */
const titleMax = 200;

/** "Kicker" line (what this card is about) and the procedure's code and title as the heading. */
export function procedureHeading(kicker: string, procedure: CardProcedure): CardElement[] {
  return [
    textBlock(kicker, { size: 'small', weight: 'bolder', color: 'accent', spacing: 'none' }),
    textBlock(escapeCardText(`${procedure.code} ${truncateText(procedure.title, titleMax)}`), {
      style: 'heading',
      size: 'large',
      weight: 'bolder',
      spacing: 'small',
    }),
  ];
}

/** "K-16 Title" as plain text, for fallback text and summaries. */
export function procedureLabel(procedure: CardProcedure): string {
  return `${procedure.code} ${truncateText(procedure.title, 120)}`;
}
