/**
 * Reading a card's JSON in tests: its actions (including those inside an Action.ShowCard, a
 * selectAction and the refresh), its inputs and its visible text.
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

function walk(value: unknown, visit: (node: Json) => void): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
    return;
  }
  if (!isObject(value)) return;
  visit(value);
  for (const child of Object.values(value)) walk(child, visit);
}

export type FoundAction = Json & { type: string; title?: string; verb?: string; data?: Json; url?: string };

/** Every action object anywhere in the card, in document order. */
export function allActions(card: unknown): FoundAction[] {
  const found: FoundAction[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Action.')) found.push(node as FoundAction);
  });
  return found;
}

export function executeActions(card: unknown, verb?: string): FoundAction[] {
  return allActions(card).filter((action) => action.type === 'Action.Execute' && (!verb || action.verb === verb));
}

export function allInputs(card: unknown): Json[] {
  const found: Json[] = [];
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found.push(node);
  });
  return found;
}

/** Texts a reader sees: TextBlocks, facts, action titles and input labels, joined by newlines. */
export function visibleText(card: unknown): string {
  const parts: string[] = [];
  walk(card, (node) => {
    for (const field of ['text', 'title', 'value', 'label', 'placeholder', 'errorMessage'] as const) {
      if (typeof node[field] === 'string') parts.push(node[field]);
    }
  });
  return parts.join('\n');
}
