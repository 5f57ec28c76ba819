import { AdaptiveCard, ExecuteAction, HostConfig, OpenUrlAction, SubmitAction, type Action } from 'adaptivecards';
import 'adaptivecards/lib/adaptivecards.css';
import type { CardJson } from '../../api/chat-contract';
import type { ExecuteRequest } from './card-invoke';
import { cardMarkdownToHtml } from './card-markdown';
import teamsHostConfig from './teams-host-config-light.json';

/** What a press on the card asks the pane to do. */
export type CardUserAction =
  | { kind: 'execute'; action: ExecuteRequest }
  | { kind: 'open-url'; url: string }
  /** Action.Submit: Teams would post a message; the local chat does not imitate that. */
  | { kind: 'submit' };

export type RenderedCard = {
  /** Undefined when the renderer could not render the card. */
  element: HTMLElement | undefined;
  /** The card's own fallbackText, when it has one. */
  fallbackText: string | undefined;
  /** Inputs whose value differs from the one rendered: the person is in the middle of something. */
  hasChangedInputs(): boolean;
};

/**
 * Teams' light host config, plus the level of `style: "heading"` TextBlocks: without one the
 * renderer writes role=heading with no aria-level. Each message in the pane is an h2, so a
 * card's own headings are h3.
 */
const hostConfig = new HostConfig({ ...teamsHostConfig, textBlock: { headingLevel: 3 } });

// The renderer's Markdown hook is global; only this chunk uses the renderer.
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = cardMarkdownToHtml(text);
  result.didProcess = true;
};

/**
 * Renders a card with the Teams host config. The renderer validates an action's associated
 * inputs before `onExecuteAction` is called: a required input left empty shows the card's own
 * error message, takes focus, and nothing is executed. For Action.Execute `action.data` is then
 * the action's data merged with the input values (`associatedInputs` "auto", the default).
 */
export function renderAdaptiveCard(json: CardJson, onAction: (action: CardUserAction) => void): RenderedCard {
  const card = new AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action: Action) => {
    const request = toUserAction(action);
    if (request) onAction(request);
  };
  card.onAnchorClicked = (_element, anchor, event) => {
    event?.preventDefault();
    onAction({ kind: 'open-url', url: anchor.href });
    return true;
  };
  let element: HTMLElement | undefined;
  try {
    card.parse(json);
    element = card.render();
  } catch (error) {
    console.error('The card could not be rendered', error);
    element = undefined;
  }
  const fallbackText = typeof json['fallbackText'] === 'string' ? json['fallbackText'] : undefined;
  return {
    element,
    fallbackText,
    hasChangedInputs: () => card.getAllInputs(true).some((input) => input.isDirty()),
  };
}

function toUserAction(action: Action): CardUserAction | null {
  if (action instanceof ExecuteAction) {
    const data: unknown = action.data;
    return {
      kind: 'execute',
      action: {
        id: action.id ?? '',
        verb: action.verb ?? '',
        data: data && typeof data === 'object' && !Array.isArray(data) ? { ...(data as Record<string, unknown>) } : {},
      },
    };
  }
  if (action instanceof OpenUrlAction) return action.url ? { kind: 'open-url', url: action.url } : null;
  if (action instanceof SubmitAction) return { kind: 'submit' };
  return null;
}
