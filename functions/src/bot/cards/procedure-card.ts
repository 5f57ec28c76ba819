import type { Locale } from '../../core/locale.js';
import type { AdaptiveCard, CardProcedure } from './card-types.js';
import { cardText, escapeCardText, formatDate, truncateText } from './card-text.js';
import { chatText } from './chat-text.js';
import {
  adaptiveCard,
  factSet,
  openUrlAction,
  procedureHeading,
  procedureLabel,
  textBlock,
  type CardElement,
  type Fact,
} from './card-elements.js';

/** A piece of a search hit's snippet; `isMatch` pieces are the words that matched. */
export type SnippetSegment = { text: string; isMatch: boolean };

/** One procedure as the bot's search answer and the search message extension show it. */
export type ProcedureCardModel = {
  procedure: CardProcedure;
  area: string;
  unitName: string | null;
  ownerName: string;
  /** The published version's label ("2.1"); null when never published. */
  versionLabel: string | null;
  /** Local date (YYYY-MM-DD) of the next periodic review, or null. */
  nextReviewOn: string | null;
  /** Where the search found the words, or empty. */
  snippet: SnippetSegment[];
  openUrl: string;
};

const snippetMax = 400;

/**
 * A procedure's card: heading, where the search words occur, and its facts, with a link into
 * the tab. Shared into any chat by the message extension, so it carries no buttons that act.
 */
export function procedureCard(model: ProcedureCardModel, locale: Locale): AdaptiveCard {
  const text = chatText(locale);
  const body: CardElement[] = [...procedureHeading(text('procedureKicker'), model.procedure)];
  const snippet = snippetText(model.snippet);
  if (snippet) body.push(textBlock(snippet, { isSubtle: true, spacing: 'small', maxLines: 4 }));
  body.push(factSet(facts(model, locale)));
  return adaptiveCard({
    fallbackText: procedureLabel(model.procedure),
    body,
    actions: [openUrlAction(cardText(locale)('openProcedure'), model.openUrl)],
  });
}

/** The preview a message extension lists before the person picks a result (a thumbnail card). */
export function procedurePreview(
  model: ProcedureCardModel,
  locale: Locale,
): {
  title: string;
  subtitle: string;
  text: string;
} {
  const text = chatText(locale);
  const version = model.versionLabel ?? text('notPublished');
  return {
    title: truncateText(`${model.procedure.code} ${model.procedure.title}`, 120),
    subtitle: truncateText([model.area, model.unitName, version].filter(Boolean).join(' · '), 120),
    text: truncateText(model.snippet.map((segment) => segment.text).join(''), 160),
  };
}

function facts(model: ProcedureCardModel, locale: Locale): Fact[] {
  const text = chatText(locale);
  const list: Fact[] = [{ title: text('area'), value: escapeCardText(truncateText(model.area, 120)) }];
  if (model.unitName) list.push({ title: text('unit'), value: escapeCardText(truncateText(model.unitName, 120)) });
  list.push({ title: text('owner'), value: escapeCardText(truncateText(model.ownerName, 120)) });
  list.push({
    title: cardText(locale)('version'),
    value: model.versionLabel ? escapeCardText(truncateText(model.versionLabel, 20)) : text('notPublished'),
  });
  if (model.nextReviewOn) list.push({ title: text('nextReview'), value: formatDate(model.nextReviewOn, locale) });
  return list;
}

/** Matched words in bold; the rest as plain card text. */
function snippetText(segments: SnippetSegment[]): string {
  let left = snippetMax;
  const parts: string[] = [];
  for (const segment of segments) {
    if (left <= 0) break;
    // Spaces around a matched word are kept: they separate it from its neighbours.
    const whole = segment.text.replace(/\s+/g, ' ');
    const piece = whole.length <= left ? whole : `${whole.slice(0, left)}…`;
    left -= piece.length;
    // escapeCardText trims each line, so the spaces at the piece's ends are put back outside.
    const escaped = escapeCardText(piece);
    const core = segment.isMatch && escaped ? `**${escaped}**` : escaped;
    parts.push(`${/^\s/.test(piece) ? ' ' : ''}${core}${/\s$/.test(piece) && escaped ? ' ' : ''}`);
  }
  return parts.join('').replace(/ {2,}/g, ' ').trim();
}
