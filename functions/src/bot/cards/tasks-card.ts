import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardProcedure } from './card-types.js';
import { escapeCardText, truncateText } from './card-text.js';
import { chatText } from './chat-text.js';
import {
  adaptiveCard,
  container,
  openUrlAction,
  selectUrlAction,
  textBlock,
  type CardElement,
} from './card-elements.js';

/** One line of "mine opgaver": the procedure it is about, a detail, and where it opens in the tab. */
export type TaskLine = { procedure: CardProcedure; detail: string | null; openUrl: string };

export type TasksCardModel = {
  approvals: TaskLine[];
  acknowledgements: TaskLine[];
  reviews: TaskLine[];
  drafts: TaskLine[];
  /** The tab's task list. */
  tasksUrl: string;
};

/** Lines shown per group; the tab has the rest. */
const perGroup = 5;

/**
 * "Mine opgaver" in chat: the same four groups as the tab's task list (the same use case as
 * `GET /api/me/tasks`), each line a link to the procedure in the tab.
 */
export function tasksCard(model: TasksCardModel, locale: Locale): AdaptiveCard {
  const text = chatText(locale);
  const groups: [string, TaskLine[]][] = [
    [text('tasksApprovals'), model.approvals],
    [text('tasksAcknowledgements'), model.acknowledgements],
    [text('tasksReviews'), model.reviews],
    [text('tasksDrafts'), model.drafts],
  ];
  const body: CardElement[] = [textBlock(text('tasksTitle'), { style: 'heading', size: 'medium', weight: 'bolder' })];
  const total = groups.reduce((sum, [, lines]) => sum + lines.length, 0);
  if (total === 0) body.push(textBlock(text('tasksNone'), { spacing: 'small' }));
  for (const [title, lines] of groups) {
    if (lines.length === 0) continue;
    body.push(textBlock(`${title} (${lines.length})`, { weight: 'bolder', spacing: 'medium' }));
    for (const line of lines.slice(0, perGroup)) body.push(taskLine(line));
    if (lines.length > perGroup)
      body.push(textBlock(text('tasksMore', { count: lines.length - perGroup }), { isSubtle: true, spacing: 'small' }));
  }
  return adaptiveCard({
    fallbackText: total === 0 ? text('tasksNone') : `${text('tasksTitle')}: ${total}`,
    body,
    actions: [openUrlAction(text('openTasks'), model.tasksUrl)],
  });
}

function taskLine(line: TaskLine): CardElement {
  const label = escapeCardText(truncateText(`${line.procedure.code} ${line.procedure.title}`, 120));
  const items: CardElement[] = [textBlock(label, { spacing: 'none', color: 'accent' })];
  if (line.detail)
    items.push(textBlock(escapeCardText(truncateText(line.detail, 160)), { isSubtle: true, spacing: 'none' }));
  return container(items, { spacing: 'small', selectAction: selectUrlAction(line.openUrl) });
}
