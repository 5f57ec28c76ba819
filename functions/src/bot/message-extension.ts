import type { Locale } from '../core/locale.js';
import type { Actor } from '../core/policies.js';
import { chatText } from './cards/chat-text.js';
import { procedureCard, procedurePreview } from './cards/procedure-card.js';
import { searchForChat } from './search-for-chat.js';
import type { AnswerDeps } from './answer-message.js';

/** The manifest's search command (manifest/manifest.template.json `composeExtensions`). */
export const searchCommandId = 'searchProcedures';
export const searchParameterName = 'query';

/** Results listed per query; Teams shows them as a list and pages with `queryOptions`. */
export const extensionResultLimit = 10;

const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';
const thumbnailCardType = 'application/vnd.microsoft.card.thumbnail';

/** The `composeExtension/query` invoke's `value`, as the activity schema has checked it. */
export type ExtensionQuery = {
  commandId?: string | null;
  parameters?: { name: string; value?: unknown }[] | null;
};

export type ExtensionResponse = {
  composeExtension:
    | {
        type: 'result';
        attachmentLayout: 'list';
        attachments: {
          contentType: typeof adaptiveCardType;
          content: Record<string, unknown>;
          preview: {
            contentType: typeof thumbnailCardType;
            content: { title: string; subtitle: string; text: string };
          };
        }[];
      }
    | { type: 'message'; text: string };
};

/**
 * The search message extension: a person types in the compose box's search, Teams sends
 * `composeExtension/query`, and the answer lists procedures (a thumbnail preview each) whose
 * Adaptive Card is inserted into the chat when picked. The same search, and the same card, as
 * the bot's "søg …". People the handbook does not know get a message instead of results.
 */
export async function answerExtensionQuery(
  deps: AnswerDeps,
  input: { actor: Actor | null; query: ExtensionQuery; locale: Locale },
): Promise<ExtensionResponse> {
  const text = chatText(input.locale);
  if (!input.actor) return { composeExtension: { type: 'message', text: text('unknownPerson') } };
  const q = queryText(input.query);
  if (q === '') return { composeExtension: { type: 'message', text: text('extensionNoQuery') } };
  const hits = await searchForChat(deps, input.actor, q, extensionResultLimit);
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: hits.map((hit) => ({
        contentType: adaptiveCardType,
        content: procedureCard(hit, input.locale),
        preview: { contentType: thumbnailCardType, content: procedurePreview(hit, input.locale) },
      })),
    },
  };
}

/** The search words: the command's parameter; `initialRun` (opened without typing) has none. */
function queryText(query: ExtensionQuery): string {
  const parameter = (query.parameters ?? []).find((candidate) => candidate.name === searchParameterName);
  const value = typeof parameter?.value === 'string' ? parameter.value : '';
  return value.replace(/\s+/g, ' ').trim().slice(0, 200);
}
