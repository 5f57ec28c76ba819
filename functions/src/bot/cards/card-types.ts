/**
 * Shared vocabulary of the cards and the card-action handler: the verbs a card can send and
 * the data each carries. The handler validates incoming data with the zod schemas in
 * `card-actions.ts` (bot/), built from these names.
 */

export const cardVerbs = [
  'approve',
  'reject',
  'confirmReview',
  'startRevision',
  'acknowledge',
  'refresh',
  'markActionImplemented',
] as const;
export type CardVerb = (typeof cardVerbs)[number];

/** What an Action.Execute sends back in `action.data` (beside `verb`). */
export type CardActionData =
  | { verb: 'approve'; approvalId: string }
  | { verb: 'reject'; approvalId: string; comment?: string }
  | { verb: 'confirmReview'; procedureId: string; etag: number }
  | { verb: 'startRevision'; procedureId: string; etag: number }
  | { verb: 'acknowledge'; procedureId: string; versionId: string }
  | { verb: 'refresh'; subject: 'approval'; approvalId: string }
  /** Teams adds the card's inputs: description, evidenceText, evidenceUrl. */
  | { verb: 'markActionImplemented'; actionId: string };

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: '1.5' };

/** The procedure a card is about, as cards show it ("K-16 Sagsbehandling af byggesager"). */
export type CardProcedure = { id: string; code: string; title: string };

/** A person as cards name them. */
export type CardPerson = { name: string };
