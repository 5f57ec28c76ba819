import { z } from 'zod';
import { localDate } from './primitives.js';

/**
 * The overview ("Overblik") and the one task inbox (re-exported from schemas.ts). A tile and an
 * inbox item say where they lead as a list kind with its query, not as a tab path: the tab maps
 * them to its own routes, and the figures are the lengths of exactly those lists.
 */

export const overviewScopeSchema = z.enum(['organisation', 'unit', 'personal']);

export const overviewQuery = z.strictObject({ scope: overviewScopeSchema.optional() });

/** Where a tile or an inbox item leads: a list (or one record) of the tab and its filter. */
export const listLinkSchema = z.object({
  list: z.enum([
    'procedures',
    'procedure',
    'approval',
    'findings',
    'actions',
    'action',
    'audits',
    'audit',
    'competences',
    'year-wheel',
    'tasks',
    'surveys',
    'goals',
    'register',
    'register-item',
  ]),
  /** The record, for `procedure`, `approval`, `action`, `audit` and `register-item`. */
  id: z.string().nullable(),
  query: z.record(z.string(), z.string()),
});
export type ListLink = z.infer<typeof listLinkSchema>;

export const overviewTileSchema = z.object({
  /** Stable: the tab names the tile from it. Goals and the register add their own ids. */
  id: z.string(),
  /** The figure: how many rows the linked list shows (or, for a rate, the part). */
  count: z.number().int(),
  /** For a rate or a progress: the whole (acknowledged of `total` asked; reported of `total` audits). */
  total: z.number().int().nullable(),
  /** For a date tile (the certificate's next audit). */
  date: localDate.nullable(),
  /** A word the tab translates beside the figure (e.g. the certifier audit's kind). */
  detail: z.string().nullable(),
  /** Further figures of the tile by name (e.g. planned, in-progress, reported). */
  parts: z.record(z.string(), z.number().int()),
  link: listLinkSchema,
});
export type OverviewTileDto = z.infer<typeof overviewTileSchema>;

export const overviewSchema = z.object({
  scope: overviewScopeSchema,
  /** The scopes the caller may ask for, widest first (core/policies.ts `overviewScopes`). */
  scopes: z.array(overviewScopeSchema),
  /** The unit of a unit overview; null otherwise. */
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  today: localDate,
  tiles: z.array(overviewTileSchema),
  /** The caller's own figures, in every scope. */
  personal: z.array(overviewTileSchema),
});
export type OverviewDto = z.infer<typeof overviewSchema>;

export const inboxKinds = [
  'approval',
  'acknowledgement',
  'review',
  'draft',
  'action',
  'effectiveness-check',
  'audit',
  'occurrence',
  'qualification',
  'competence-gap',
  'register-item',
] as const;

/** What can be done about an item; `acknowledge` and `complete-occurrence` are done in the inbox itself. */
export const inboxActions = [
  'approve',
  'acknowledge',
  'review',
  'finish-draft',
  'work-on-action',
  'implement',
  'check-effectiveness',
  'report-audit',
  'complete-occurrence',
  'renew-qualification',
  'close-gap',
  'assess-register-item',
  'handle-register-item',
  'reply-register-item',
] as const;

export const inboxItemSchema = z.object({
  /** Unique within the inbox: kind and record. */
  key: z.string(),
  kind: z.enum(inboxKinds),
  title: z.string(),
  /** A procedure's code, an action's unit, an occurrence's kind: context beside the title. */
  subtitle: z.string().nullable(),
  /** When it is due; for requests without a deadline (approvals, acknowledgements) the day asked. */
  dueOn: localDate.nullable(),
  isOverdue: z.boolean(),
  action: z.enum(inboxActions),
  link: listLinkSchema,
  /** What the in-place action needs: the procedure and version to acknowledge, the occurrence and its ETag. */
  target: z.object({
    procedureId: z.string().nullable(),
    versionId: z.string().nullable(),
    occurrenceId: z.string().nullable(),
    etag: z.string().nullable(),
  }),
});
export type InboxItemDto = z.infer<typeof inboxItemSchema>;
