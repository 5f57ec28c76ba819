import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard } from './card-types.js';
import { cardText } from './card-text.js';
import { chatText } from './chat-text.js';
import { adaptiveCard, factSet, openUrlAction, textBlock, type CardElement } from './card-elements.js';

/** The commands the help card lists, in order (`chat-commands.ts` understands them). */
const helpCommands = ['search', 'tasks', 'help'] as const;

/**
 * The bot's answer to "hjælp" and to anything it does not understand: the commands it knows, in
 * the person's language. `notice` goes first (e.g. "no procedures match …", "you are not known").
 */
export function helpCard(locale: Locale, options: { notice?: string; handbookUrl?: string } = {}): AdaptiveCard {
  const text = chatText(locale);
  const body: CardElement[] = [];
  if (options.notice) body.push(textBlock(options.notice, { weight: 'bolder', spacing: 'none' }));
  body.push(
    textBlock(text('helpTitle'), { style: 'heading', size: 'medium', weight: 'bolder' }),
    textBlock(text('helpIntro'), { spacing: 'small' }),
    factSet(
      helpCommands.map((command) => ({
        title: text(`help.${command}.command`),
        value: text(`help.${command}.meaning`),
      })),
    ),
    textBlock(text('helpInGroups'), { isSubtle: true, spacing: 'medium' }),
  );
  return adaptiveCard({
    fallbackText: options.notice ?? text('helpTitle'),
    body,
    actions: options.handbookUrl ? [openUrlAction(cardText(locale)('openHandbook'), options.handbookUrl)] : [],
  });
}
