import type { Locale } from '../core/locale.js';
import type { Services } from '../app/ports.js';
import { myTasks } from '../app/procedure-views.js';
import type { Actor } from '../core/policies.js';
import { procedureUrl } from './approval-view.js';
import { cardText, escapeCardText, formatDate, truncateText } from './cards/card-text.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { chatText } from './cards/chat-text.js';
import { helpCard } from './cards/help-card.js';
import { procedureCard } from './cards/procedure-card.js';
import { tasksCard, type TaskLine } from './cards/tasks-card.js';
import { parseChatCommand } from './chat-commands.js';
import { searchForChat } from './search-for-chat.js';

/** What the bot answers a message with: a line of text and the cards under it. */
export type ChatReply = { text: string; cards: AdaptiveCard[] };

export type AnswerDeps = { services: Services; publicUrl: string };

/** Procedure cards in one answer (stacked); the tab's search has the rest. */
export const searchAnswerLimit = 5;

/**
 * The bot's answer to a message, in the person's language: "søg …" gives procedure cards from
 * the same search as the tab, "mine opgaver" the person's task list (the use case behind
 * `GET /api/me/tasks`), and anything else the help. Someone the handbook does not know gets the
 * help with a line saying so, and nothing from the handbook.
 */
export async function answerMessage(
  deps: AnswerDeps,
  input: { actor: Actor | null; text: string; locale: Locale },
): Promise<ChatReply> {
  const { locale, actor } = input;
  const text = chatText(locale);
  const help = (notice?: string): ChatReply => {
    const card = helpCard(locale, { ...(notice ? { notice } : {}), handbookUrl: `${deps.publicUrl}/` });
    return { text: notice ?? text('helpTitle'), cards: [card] };
  };
  const command = parseChatCommand(input.text);
  if (command.kind === 'help' || command.kind === 'unknown') return help();
  if (!actor) return help(text('unknownPerson'));
  if (command.kind === 'search') {
    if (command.query === '') return help(text('searchNoQuery'));
    const hits = await searchForChat(deps, actor, command.query, searchAnswerLimit);
    const query = escapeCardText(truncateText(command.query, 80));
    if (hits.length === 0) return help(text('searchNoHits', { query }));
    return {
      text: text('searchHits', { count: hits.length, query: truncateText(command.query, 80) }),
      cards: hits.map((hit) => procedureCard(hit, locale)),
    };
  }
  return { text: text('tasksTitle'), cards: [await tasksAnswer(deps, actor, locale)] };
}

async function tasksAnswer(deps: AnswerDeps, actor: Actor, locale: Locale): Promise<AdaptiveCard> {
  const tasks = await myTasks(deps.services, actor);
  const open = (procedureId: string) => procedureUrl(deps.publicUrl, procedureId);
  const line = (procedure: { id: string; code: string; title: string }, detail: string | null): TaskLine => ({
    procedure: { id: procedure.id, code: procedure.code, title: procedure.title },
    detail,
    openUrl: open(procedure.id),
  });
  const card = cardText(locale);
  const chat = chatText(locale);
  return tasksCard(
    {
      approvals: tasks.approvals.map(({ approval, procedure }) => line(procedure, approval.changeSummary)),
      acknowledgements: tasks.acknowledgements.map(({ procedure, versionLabel }) =>
        line(procedure, versionLabel ? `${card('version')} ${versionLabel}` : null),
      ),
      reviews: tasks.reviews.map((item) =>
        line(item, item.nextReviewOn ? `${chat('nextReview')}: ${formatDate(item.nextReviewOn, locale)}` : null),
      ),
      drafts: tasks.drafts.map((item) => line(item, item.version ? `${card('version')} ${item.version}` : null)),
      tasksUrl: `${deps.publicUrl}/tasks`,
    },
    locale,
  );
}
