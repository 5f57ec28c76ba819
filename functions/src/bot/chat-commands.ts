/**
 * What a person wrote to the bot, as a command. Pure; the words of all three languages are
 * understood whatever the person's locale (people mix them), and case, spacing and a trailing
 * punctuation mark do not matter.
 */
export type ChatCommand =
  { kind: 'help' } | { kind: 'tasks' } | { kind: 'search'; query: string } | { kind: 'unknown' };

const searchWords = ['søg', 'søk', 'search', 'find', 'finn'];
const taskPhrases = ['mine opgaver', 'mine oppgaver', 'my tasks', 'opgaver', 'oppgaver', 'tasks'];
const helpWords = ['hjælp', 'hjelp', 'help', '?', 'hej', 'hei', 'hi', 'hello', 'hallo', 'start'];

/** Longest query passed to search; the search route accepts 200 characters. */
export const maxQueryLength = 200;

export function parseChatCommand(text: string): ChatCommand {
  const normalised = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const lower = normalised.toLowerCase();
  const bare = lower.replace(/[.!?]+$/, '').trim();
  if (bare === '' || helpWords.includes(bare) || lower === '?') return { kind: 'help' };
  if (taskPhrases.includes(bare)) return { kind: 'tasks' };
  const [first = ''] = lower.split(' ', 1);
  if (searchWords.includes(first.replace(/:$/, ''))) {
    const query = normalised
      .slice(first.length)
      .replace(/^[\s:]+/, '')
      .trim()
      .slice(0, maxQueryLength);
    return { kind: 'search', query };
  }
  return { kind: 'unknown' };
}

/**
 * The text of a message without the bot's @mention: Teams puts `<at>Name</at>` in the text of a
 * message that mentions the bot (group chats and channels).
 */
export function withoutMentions(text: string): string {
  return text
    .replace(/<at[^>]*>.*?<\/at>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
