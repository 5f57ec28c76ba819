import type { Locale } from '../core/locale.js';
import { z } from 'zod';
import { acknowledgeVersion } from '../app/acknowledge-version.js';
import { decideApproval } from '../app/decide-approval.js';
import type { MessagingStore, Outbox } from '../app/messaging-ports.js';
import type { Services } from '../app/ports.js';
import { getVisibleApproval } from '../app/read-approval.js';
import { effectivenessWaitDays, today } from '../app/corrective-action-views.js';
import { recordReview } from '../app/record-review.js';
import { runActionCommand } from '../app/run-action-command.js';
import { effectivenessCheckDueOn } from '../core/corrective-action.js';
import type { CorrectiveAction } from '../core/quality-year-types.js';
import { isAppError, type AppError } from '../core/errors.js';
import { versionLabel } from '../core/lifecycle.js';
import { canDecide, type Actor } from '../core/policies.js';
import { correctiveActionUrl, loadApprovalView, procedureUrl, type ViewDeps } from './approval-view.js';
import { actionOutcomeCard, errorCard } from './cards/action-outcome-card.js';
import { approvalRequestCard } from './cards/approval-request-card.js';
import { approvalStatusCard } from './cards/approval-status-card.js';
import { correctiveActionImplementedCard } from './cards/corrective-action-implemented-card.js';
import { implementedInputLimits } from './cards/corrective-action-due-card.js';
import { cardText, type CardText } from './cards/card-text.js';
import type { AdaptiveCard } from './cards/card-types.js';

export type CardActionDeps = ViewDeps & { outbox: Outbox; messaging: MessagingStore; services: Services };

export type CardActionInput = {
  /** Who pressed the button: the Teams user's Entra object id (local chat: the person id). */
  aadObjectId: string;
  locale: Locale;
  /** `activity.value.action` as received: user input, validated here. */
  action: unknown;
  /** The message the card is in; the local outbox replaces it with the answer. */
  replyToId: string | null;
};

export type CardActionResult =
  { kind: 'card'; card: AdaptiveCard } | { kind: 'error'; statusCode: number; code: string; message: string };

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const comment = z.string().trim().max(2000).optional();

/** One schema per verb; the same verbs the cards send (cards/card-types.ts). */
const actionSchema = z.object({
  type: z.literal('Action.Execute'),
  verb: z.string(),
  data: z.unknown(),
});
const dataSchemas = {
  approve: z.object({ approvalId: id }),
  reject: z.object({ approvalId: id, comment }),
  refresh: z.object({ subject: z.literal('approval'), approvalId: id }),
  confirmReview: z.object({ procedureId: id, etag: z.coerce.number().int().min(0) }),
  startRevision: z.object({ procedureId: id, etag: z.coerce.number().int().min(0) }),
  acknowledge: z.object({ procedureId: id, versionId: id }),
  // The form's texts are checked by the use case's rule (core/corrective-action.ts), so a card
  // and the tab are refused for the same reasons; here only their size.
  markActionImplemented: z.object({
    actionId: id,
    description: z.string().max(implementedInputLimits.description).optional(),
    evidenceText: z.string().max(implementedInputLimits.evidenceText).optional(),
    evidenceUrl: z.string().max(implementedInputLimits.evidenceUrl).optional(),
  }),
} as const;
type Verb = keyof typeof dataSchemas;

/**
 * A button pressed on a card (`adaptiveCard/action`). Validates the data, finds the person,
 * calls the same use case the tab calls, and answers with the card that shows the outcome.
 * A repeated or stale action (already decided, newer draft, changed procedure) answers with
 * the current state and decides nothing.
 */
export async function handleCardAction(deps: CardActionDeps, input: CardActionInput): Promise<CardActionResult> {
  const text = cardText(input.locale);
  const parsedAction = actionSchema.safeParse(input.action);
  if (!parsedAction.success || !(parsedAction.data.verb in dataSchemas)) {
    return { kind: 'error', statusCode: 400, code: 'BadRequest', message: 'Unknown card action.' };
  }
  const verb = parsedAction.data.verb as Verb;
  const data = dataSchemas[verb].safeParse(parsedAction.data.data);
  if (!data.success) {
    return {
      kind: 'error',
      statusCode: 400,
      code: 'BadRequest',
      message: `Invalid data for ${verb}: ${data.error.issues[0]?.message ?? ''}`,
    };
  }
  const personId = await deps.messaging.findPersonByAadObjectId(input.aadObjectId);
  const person = personId ? await deps.services.store.getPerson(personId) : undefined;
  if (!person) {
    return {
      kind: 'error',
      statusCode: 401,
      code: 'Unauthorized',
      message: 'This Teams user is not a person in the handbook.',
    };
  }
  const actor: Actor = { id: person.id, unitId: person.unitId, roles: person.roles };
  const card = await run(deps, actor, verb, data.data as never, input.locale, text);
  if (input.replyToId && verb !== 'refresh') await replaceInOutbox(deps.outbox, input.replyToId, actor.id, card);
  return { kind: 'card', card };
}

async function run(
  deps: CardActionDeps,
  actor: Actor,
  verb: Verb,
  data: Record<string, unknown> & {
    approvalId?: string;
    procedureId?: string;
    versionId?: string;
    etag?: number;
    comment?: string;
  },
  locale: Locale,
  text: CardText,
): Promise<AdaptiveCard> {
  const { services } = deps;
  switch (verb) {
    case 'refresh':
      return approvalCardFor(deps, actor, data.approvalId as string, locale);
    case 'approve':
    case 'reject': {
      if (verb === 'reject' && !data.comment) {
        // Teams enforces isRequired before sending; a client that does not still decides nothing.
        return withNotice(
          await approvalCardFor(deps, actor, data.approvalId as string, locale),
          text('rejectCommentRequired'),
        );
      }
      try {
        await decideApproval(services, actor, {
          approvalId: data.approvalId as string,
          decision: verb,
          comment: data.comment,
        });
      } catch (error) {
        if (!isAppError(error) || error.code === 'INTERNAL') throw error;
        const current = await approvalCardFor(deps, actor, data.approvalId as string, locale).catch(() => null);
        if (current && (error.code === 'ALREADY_DECIDED' || error.code === 'CONFLICT' || error.code === 'FORBIDDEN')) {
          return current;
        }
        return errorCard(errorMessage(error, text), locale);
      }
      return approvalCardFor(deps, actor, data.approvalId as string, locale);
    }
    case 'confirmReview':
    case 'startRevision':
    case 'acknowledge': {
      const procedureId = data.procedureId as string;
      const openUrl = procedureUrl(deps.publicUrl, procedureId);
      const at = services.clock.now().toISOString();
      try {
        if (verb === 'acknowledge') {
          await acknowledgeVersion(services, actor, { procedureId, versionId: data.versionId as string });
        } else {
          await recordReview(services, actor, {
            procedureId,
            etag: data.etag as number,
            outcome: verb === 'confirmReview' ? 'still-valid' : 'revision-started',
          });
        }
      } catch (error) {
        if (!isAppError(error) || error.code === 'INTERNAL') throw error;
        return errorCard(errorMessage(error, text), locale, openUrl);
      }
      const procedure = await services.store.getProcedure(procedureId);
      const person = await services.store.getPerson(actor.id);
      const base = {
        procedure: { id: procedureId, code: procedure?.code ?? '', title: procedure?.title ?? '' },
        by: { name: person?.name ?? actor.id },
        at,
        openUrl,
      };
      if (verb === 'confirmReview')
        return actionOutcomeCard({ ...base, verb, nextReviewOn: procedure?.nextReviewOn ?? null }, locale);
      if (verb === 'startRevision') return actionOutcomeCard({ ...base, verb }, locale);
      const version = await services.store.getVersion(data.versionId as string);
      return actionOutcomeCard({ ...base, verb, versionLabel: version ? versionLabel(version) : null }, locale);
    }
    case 'markActionImplemented':
      return markActionImplemented(deps, actor, data as z.infer<(typeof dataSchemas)['markActionImplemented']>, locale);
  }
}

/**
 * "Markér gennemført" on the owner's reminder: the same use case and rule as the tab's button
 * (runActionCommand → applyActionCommand: what was done is required, evidence optional, an
 * http(s) link only), implemented today, against the action as it is now (the card carries no
 * version: a reminder is sent once, and the state machine refuses a step that no longer fits).
 */
async function markActionImplemented(
  deps: CardActionDeps,
  actor: Actor,
  data: z.infer<(typeof dataSchemas)['markActionImplemented']>,
  locale: Locale,
): Promise<AdaptiveCard> {
  const { services } = deps;
  const text = cardText(locale);
  const openUrl = correctiveActionUrl(deps.publicUrl, data.actionId);
  const current = await services.quality.getCorrectiveAction(data.actionId);
  if (!current) return errorCard(text('errorNotFound'), locale);
  let next: CorrectiveAction;
  try {
    next = await runActionCommand(services, actor, {
      actionId: current.id,
      etag: current.etag,
      command: {
        kind: 'markImplemented',
        implementedOn: today(services),
        description: data.description ?? '',
        ...(data.evidenceText === undefined ? {} : { evidenceText: data.evidenceText }),
        ...(data.evidenceUrl === undefined ? {} : { evidenceUrl: data.evidenceUrl }),
      },
    });
  } catch (error) {
    if (!isAppError(error) || error.code === 'INTERNAL') throw error;
    const field = (error.details as { field?: unknown } | undefined)?.field;
    const message =
      error.code === 'VALIDATION' && field === 'description'
        ? text('actionImplemented.descriptionRequired')
        : error.code === 'VALIDATION' && field === 'evidenceUrl'
          ? text('actionImplemented.evidenceUrlInvalid')
          : error.code === 'INVALID_STATE'
            ? text('actionImplemented.notPlanned')
            : errorMessage(error, text);
    return errorCard(message, locale, openUrl, text('openAction'));
  }
  const person = await services.store.getPerson(actor.id);
  return correctiveActionImplementedCard(
    {
      title: next.title,
      by: { name: person?.name ?? actor.id },
      at: next.updatedAt,
      description: next.implementationNote ?? '',
      checkDueOn: effectivenessCheckDueOn(next, effectivenessWaitDays(services)),
      openUrl,
    },
    locale,
  );
}

/**
 * The approver of a pending request gets the buttons; everyone else who may see the request (the
 * rule of the REST detail, `getVisibleApproval`), and every decided request, the status; anyone
 * else the same "not found" as for an id that does not exist.
 */
export async function approvalCardFor(
  deps: ViewDeps,
  actor: Actor,
  approvalId: string,
  locale: Locale,
): Promise<AdaptiveCard> {
  let visible: Awaited<ReturnType<typeof getVisibleApproval>>;
  try {
    visible = await getVisibleApproval(deps.services, actor, approvalId);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') return errorCard(cardText(locale)('errorNotFound'), locale);
    throw error;
  }
  const { approval, loaded } = visible;
  const view = await loadApprovalView(deps, approval);
  if (view.status.state === 'pending' && loaded.pendingApproval?.id === approval.id && canDecide(actor, loaded)) {
    // The same context and rule as the decision itself: authority, and nobody decides their own draft.
    return approvalRequestCard(view.model, locale);
  }
  return approvalStatusCard({ ...view.model, status: view.status }, locale);
}

function errorMessage(error: AppError, text: CardText): string {
  switch (error.code) {
    case 'ALREADY_DECIDED':
      return text('errorAlreadyDecided');
    case 'FORBIDDEN':
      return text('errorForbidden');
    case 'CONFLICT':
      return text('errorStale');
    case 'NOT_FOUND':
      return text('errorNotFound');
    default:
      return `${text('errorUnexpected')} (${error.message})`;
  }
}

/** Puts a short notice at the top of a card (e.g. why a rejection was not sent). */
function withNotice(card: AdaptiveCard, notice: string): AdaptiveCard {
  const body = Array.isArray(card['body']) ? card['body'] : [];
  return {
    ...card,
    body: [{ type: 'TextBlock', text: notice, wrap: true, color: 'Attention', weight: 'Bolder' }, ...body],
  };
}

async function replaceInOutbox(
  outbox: Outbox,
  messageId: string,
  recipientId: string,
  card: AdaptiveCard,
): Promise<void> {
  const mine = await outbox.list(recipientId);
  if (mine.some((message) => message.id === messageId)) await outbox.update(messageId, card);
}
