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
  selectAction?: SelectUrlAction;
};

/**
 * A whole container that opens a link. It has no title on purpose: a title becomes the link's
 * aria-label, which replaces what the container shows (WCAG 2.5.3, label in name); without one
 * the link is named by its visible text, which also tells one item from the next.
 */
export type SelectUrlAction = { type: 'Action.OpenUrl'; url: string };

export type TextInput = {
  type: 'Input.Text';
  id: string;
  label: string;
  placeholder: string;
  isRequired: boolean;
  errorMessage: string;
  maxLength: number;
  isMultiline: boolean;
  /** A hint for the keyboard and validation ("url" for links). */
  style?: 'text' | 'url';
  /** A prefill (the message extension's form). */
  value?: string;
};

/** A choice among fixed values (the message extension's form). */
export type ChoiceSetInput = {
  type: 'Input.ChoiceSet';
  id: string;
  label: string;
  choices: { title: string; value: string }[];
  value?: string;
  style: 'compact' | 'expanded';
  isRequired: boolean;
  errorMessage: string;
};

/** A row of buttons in the body; the product uses it to give Action.Execute a fallback that works. */
export type ActionSet = { type: 'ActionSet'; actions: CardAction[]; spacing?: Spacing; separator?: boolean };

export type CardElement = TextBlock | FactSet | Container | TextInput | ChoiceSetInput | ActionSet;
type Spacing = 'none' | 'small' | 'medium' | 'large';

export type OpenUrlAction = { type: 'Action.OpenUrl'; title: string; url: string };
export type ExecuteAction = {
  type: 'Action.Execute';
  title?: string;
  verb: CardActionData['verb'];
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
  /** What a Teams client without Universal Actions shows instead: an Action.Submit with the same verb and data. */
  fallback?: SubmitAction;
};
/**
 * Sends `data` (with the card's inputs) as a message activity's `value`: Action.Execute's fallback,
 * and the submit button of a task module's form (a message extension's `submitAction`).
 */
export type SubmitAction = {
  type: 'Action.Submit';
  title?: string;
  data: Record<string, unknown>;
  style?: 'positive' | 'destructive';
  associatedInputs?: 'auto' | 'none';
};
export type ShowCardAction = {
  type: 'Action.ShowCard';
  title: string;
  card: { type: 'AdaptiveCard'; body: CardElement[]; actions?: CardAction[] };
};
export type CardAction = OpenUrlAction | ExecuteAction | ShowCardAction | SubmitAction;

type RefreshAction = Extract<CardActionData, { verb: 'refresh' }>;
export type Refresh = { action: ExecuteAction; userIds?: string[] };

export function adaptiveCard(parts: {
  body: CardElement[];
  actions?: CardAction[];
  refresh?: Refresh;
  /** Plain text for hosts that cannot render the card, and for notifications. */
  fallbackText: string;
}): AdaptiveCard {
  const { body, actions } = withExecuteInActionSet(parts.body, parts.actions ?? []);
  return {
    type: 'AdaptiveCard',
    version: '1.5',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    ...(parts.refresh ? { refresh: parts.refresh } : {}),
    fallbackText: parts.fallbackText,
    body,
    ...(actions.length > 0 ? { actions } : {}),
  };
}

/**
 * Universal Actions' backward compatibility: every Action.Execute gets an Action.Submit fallback,
 * and buttons that include one move from the card's `actions` into an ActionSet at the end of the
 * body, because some older Teams clients honour `fallback` only inside an ActionSet ("Work with
 * Universal Actions for Adaptive Cards", Backward compatibility). Cards of an Action.ShowCard get
 * the same treatment. The bot handles the Submit's message like the Execute's invoke.
 */
function withExecuteInActionSet(
  body: CardElement[],
  actions: CardAction[],
): { body: CardElement[]; actions: CardAction[] } {
  const prepared = actions.map(prepareAction);
  if (!prepared.some(hasExecute)) return { body, actions: prepared };
  return { body: [...body, { type: 'ActionSet', actions: prepared, spacing: 'medium' }], actions: [] };
}

function prepareAction(action: CardAction): CardAction {
  if (action.type === 'Action.Execute') return { ...action, fallback: submitFallback(action) };
  if (action.type === 'Action.ShowCard') {
    const inner = withExecuteInActionSet(action.card.body, action.card.actions ?? []);
    return {
      ...action,
      card: { type: 'AdaptiveCard', body: inner.body, ...(inner.actions.length > 0 ? { actions: inner.actions } : {}) },
    };
  }
  return action;
}

function hasExecute(action: CardAction): boolean {
  if (action.type === 'Action.Execute') return true;
  if (action.type === 'Action.ShowCard')
    return action.card.body.some((element) => element.type === 'ActionSet' && element.actions.some(hasExecute));
  return false;
}

/** The verb rides in the Submit's data, so the message it sends names the same action. */
function submitFallback(action: ExecuteAction): SubmitAction {
  return {
    type: 'Action.Submit',
    ...(action.title !== undefined ? { title: action.title } : {}),
    data: { ...action.data, verb: action.verb },
    ...(action.style ? { style: action.style } : {}),
    ...(action.associatedInputs ? { associatedInputs: action.associatedInputs } : {}),
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

export function selectUrlAction(url: string): SelectUrlAction {
  return { type: 'Action.OpenUrl', url };
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

/**
 * Teams runs the refresh action for these users (Teams user MRIs, `29:…`, never Entra object ids)
 * when they view the card, so they get live buttons. `null` leaves `userIds` out: Teams then
 * refreshes for every member of a conversation of up to 60 (Universal Actions, "User IDs in
 * refresh"); an empty list would mean "manual refresh only".
 */
export function refreshFor(action: RefreshAction, userIds: string[] | null): Refresh {
  const { verb, ...data } = action;
  return { action: { type: 'Action.Execute', verb, data }, ...(userIds ? { userIds } : {}) };
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
