import type { AssessItemBody, RegisterSettingsBody, UpdateHandlingBody } from '../contract/register-schemas.js';
import { AppError } from '../core/errors.js';
import {
  canHandleRegisterItem,
  canManageRegister,
  canReadRegisterItem,
  canReassignRegisterItem,
  ensure,
  isCoordinator,
  type Actor,
} from '../core/policies.js';
import { blankAction } from '../core/corrective-action.js';
import type { CorrectiveAction } from '../core/quality-year-types.js';
import {
  canBeAnswered,
  isReplyLate,
  routeItem,
  statusAfterAssessment,
  statusChangeRefusal,
} from '../core/register-rules.js';
import type {
  Likelihood,
  RegisterItem,
  RegisterSettings,
  RegisterStatus,
  ReplyDelivery,
  Severity,
} from '../core/register-types.js';
import type { LocalDate } from '../core/local-date.js';
import { formatDate } from '../i18n/format-date.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { Services } from './ports.js';
import { commitStep, directoryOf, loadRegisterItem, registerSettingsOf, todayOf } from './register-items.js';
import { ensureCategory } from './report-to-register.js';

/**
 * Handling a register item: assess (re-routes), change status, record correction, root cause
 * and links, interim reply, reply, start a corrective action, hand over, deletion request; and
 * the register settings. Each verb checks `core/policies.ts`, validates against the settings and
 * writes one commit (the item with its trail step, etag-checked), so a refused step changes
 * nothing. An item the actor may not read reads as NOT_FOUND.
 */

async function loadForHandling(services: Services, actor: Actor, id: string): Promise<RegisterItem> {
  const item = await loadRegisterItem(services, id);
  const units = await services.store.listUnits();
  if (!canReadRegisterItem(actor, item, units)) throw new AppError('NOT_FOUND', `No register item with id ${id}.`);
  ensure(canHandleRegisterItem(actor, item), 'Only the item’s handler and the coordinator handle it.');
  if (item.status === 'closed') {
    throw new AppError('INVALID_STATE', 'The item is closed; the coordinator may reopen it.', { status: 'closed' });
  }
  return item;
}

/** Reading an item: the same visibility everywhere (NOT_FOUND for those who may not see it). */
export async function readRegisterItem(services: Services, actor: Actor, id: string): Promise<RegisterItem> {
  const item = await services.register.getItem(id);
  const units = await services.store.listUnits();
  if (!item || !canReadRegisterItem(actor, item, units)) {
    throw new AppError('NOT_FOUND', `No register item with id ${id}.`);
  }
  return item;
}

/** Severity, likelihood, scope and units assessed: routed again through the table and the unit tree. */
export async function assessRegisterItem(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  input: AssessItemBody,
): Promise<RegisterItem> {
  const item = await loadForHandling(services, actor, id);
  const settings = await registerSettingsOf(services);
  const directory = await directoryOf(services);
  for (const [index, unitId] of input.unitIds.entries()) {
    if (!directory.isKnownUnit(unitId)) {
      throw new AppError('VALIDATION', `No unit with id ${unitId}.`, { field: `unitIds.${index}` });
    }
  }
  if (input.likelihood !== null && item.kind !== 'deviation') {
    throw new AppError('VALIDATION', 'Only a deviation has a likelihood of recurrence.', { field: 'likelihood' });
  }
  if (input.categoryId !== undefined) ensureCategory(settings, input.categoryId, item.kind);
  const unitIds = [...new Set(input.unitIds)];
  const severity = input.severity as Severity;
  const routing = routeItem({ scope: input.scope, severity, unitIds }, settings.routingRules, directory);
  return commitStep(
    services,
    item,
    etag,
    {
      severity,
      likelihood: input.likelihood as Likelihood | null,
      scope: input.scope,
      unitIds,
      ...(input.categoryId !== undefined ? { categoryId: input.categoryId } : {}),
      ...routing,
      status: statusAfterAssessment(item.status),
    },
    {
      at: services.clock.now().toISOString(),
      actorId: actor.id,
      event: 'assessed',
      note: `Severity ${severity}, ${input.scope}; handler ${routing.handlerId ?? 'the coordinator'}`,
    },
  );
}

export async function changeRegisterStatus(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  to: RegisterStatus,
  note: string | undefined,
): Promise<RegisterItem> {
  const item = await loadRegisterItem(services, id);
  const units = await services.store.listUnits();
  if (!canReadRegisterItem(actor, item, units)) throw new AppError('NOT_FOUND', `No register item with id ${id}.`);
  ensure(canHandleRegisterItem(actor, item), 'Only the item’s handler and the coordinator handle it.');
  const actions = await Promise.all(
    item.correctiveActionIds.map((actionId) => services.quality.getCorrectiveAction(actionId)),
  );
  const openActionCount = actions.filter((action) => action !== undefined && action.status !== 'closed').length;
  const refusal = statusChangeRefusal(item, to, { openActionCount, isCoordinator: isCoordinator(actor) });
  if (refusal === 'coordinator-only') ensure(false, 'Only the coordinator reopens a closed item.');
  if (refusal !== null) {
    throw new AppError('INVALID_STATE', `The item cannot go from ${item.status} to ${to} (${refusal}).`, {
      status: item.status,
      to,
      reason: refusal,
    });
  }
  const today = todayOf(services);
  return commitStep(
    services,
    item,
    etag,
    { status: to, closedOn: to === 'closed' ? today : null },
    {
      at: services.clock.now().toISOString(),
      actorId: actor.id,
      event: 'status-changed',
      note: note && note !== '' ? `${item.status} → ${to}: ${note}` : `${item.status} → ${to}`,
    },
  );
}

/** The immediate correction apart from the root cause (and its category), the category, linked procedures. */
export async function updateRegisterHandling(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  input: UpdateHandlingBody,
): Promise<RegisterItem> {
  const item = await loadForHandling(services, actor, id);
  const settings = await registerSettingsOf(services);
  if (input.rootCauseCategoryId !== undefined && input.rootCauseCategoryId !== null) {
    const category = settings.rootCauseCategories.find((entry) => entry.id === input.rootCauseCategoryId);
    if (!category?.isActive) {
      throw new AppError('VALIDATION', `No active root-cause category ${input.rootCauseCategoryId}.`, {
        field: 'rootCauseCategoryId',
      });
    }
  }
  if (input.categoryId !== undefined) ensureCategory(settings, input.categoryId, item.kind);
  for (const [index, procedureId] of (input.procedureIds ?? []).entries()) {
    if (!(await services.store.getProcedure(procedureId))) {
      throw new AppError('VALIDATION', `No procedure with id ${procedureId}.`, { field: `procedureIds.${index}` });
    }
  }
  const changes: Partial<RegisterItem> = {};
  const empty = (value: string | null) => (value === null || value === '' ? null : value);
  if (input.correction !== undefined) changes.correction = empty(input.correction);
  if (input.rootCause !== undefined) changes.rootCause = empty(input.rootCause);
  if (input.rootCauseCategoryId !== undefined) changes.rootCauseCategoryId = input.rootCauseCategoryId;
  if (input.categoryId !== undefined) changes.categoryId = input.categoryId;
  if (input.procedureIds !== undefined) changes.procedureIds = [...new Set(input.procedureIds)];
  // Recording anything about the handling starts it.
  if (item.status === 'registered' || item.status === 'awaiting-handling') changes.status = 'in-handling';
  return commitStep(services, item, etag, changes, {
    at: services.clock.now().toISOString(),
    actorId: actor.id,
    event: 'handling-updated',
    note: `Updated: ${Object.keys(input).join(', ')}`,
  });
}

/** How a reply reaches the sender: e-mail when there is an address, the tab for an employee, else the status page. */
function deliveryOf(item: RegisterItem): ReplyDelivery {
  if (item.contact?.email) return 'email';
  return item.reportedBy !== null ? 'tab' : 'status-page';
}

/**
 * An interim reply: why it takes time, what it waits for, when to expect an answer. The reply
 * deadline moves to `expectedOn`. E-mailed first when there is an address: a failed e-mail
 * records nothing.
 */
export async function sendInterimReply(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  input: { text: string; waitingFor: string; expectedOn: LocalDate },
): Promise<RegisterItem> {
  const item = await loadForHandling(services, actor, id);
  if (item.reply !== null) throw new AppError('INVALID_STATE', 'The item is answered already.', { status: 'answered' });
  const today = todayOf(services);
  if (input.expectedOn < today) {
    throw new AppError('VALIDATION', 'The expected date must not be in the past.', { field: 'expectedOn' });
  }
  ensureCurrent(item, etag);
  const deliveredBy = deliveryOf(item);
  if (deliveredBy === 'email') {
    const t = serverTexts(item.locale, 'register');
    const values = { receiptNumber: item.receiptNumber };
    await services.mailer.send({
      to: item.contact!.email!,
      subject: t('interim.subject', values),
      text: [
        t('interim.intro', values),
        input.text,
        t('interim.waitingFor', { waitingFor: input.waitingFor }),
        t('interim.expectedOn', { expectedOn: formatDate(input.expectedOn, item.locale) }),
        t('signature', { organisation: services.settings.organisationName }),
        t('noReply'),
      ].join('\n\n'),
    });
  }
  const at = services.clock.now().toISOString();
  return commitStep(
    services,
    item,
    etag,
    {
      interimReplies: [
        ...item.interimReplies,
        {
          text: input.text,
          waitingFor: input.waitingFor,
          expectedOn: input.expectedOn,
          sentAt: at,
          sentBy: actor.id,
          deliveredBy,
        },
      ],
      replyDueOn: input.expectedOn,
      ...(item.status === 'registered' || item.status === 'awaiting-handling'
        ? { status: 'in-handling' as const }
        : {}),
    },
    { at, actorId: actor.id, event: 'interim-reply', note: `Interim reply; answer expected ${input.expectedOn}` },
  );
}

/**
 * The answer to the sender, shown on the status page, e-mailed when there is an address. Late
 * when sent after the deadline in force. An anonymous sender gets no answer (refused).
 */
export async function replyToRegisterItem(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  text: string,
): Promise<RegisterItem> {
  const item = await loadForHandling(services, actor, id);
  if (item.reply !== null) throw new AppError('INVALID_STATE', 'The item is answered already.', { status: 'answered' });
  if (!canBeAnswered(item) && item.statusTokenHash === null) {
    throw new AppError('INVALID_STATE', 'The sender cannot be answered (anonymous).', { status: 'anonymous' });
  }
  ensureCurrent(item, etag);
  const today = todayOf(services);
  const deliveredBy = deliveryOf(item);
  if (deliveredBy === 'email') {
    const t = serverTexts(item.locale, 'register');
    const values = { receiptNumber: item.receiptNumber };
    await services.mailer.send({
      to: item.contact!.email!,
      subject: t('reply.subject', values),
      text: [
        t('reply.intro', values),
        text,
        t('signature', { organisation: services.settings.organisationName }),
        t('noReply'),
      ].join('\n\n'),
    });
  }
  const at = services.clock.now().toISOString();
  const isLate = isReplyLate(today, item.replyDueOn);
  return commitStep(
    services,
    item,
    etag,
    {
      reply: { text, sentAt: at, sentBy: actor.id, deliveredBy, isLate },
      replyDueOn: null,
      ...(item.status === 'registered' || item.status === 'awaiting-handling'
        ? { status: 'in-handling' as const }
        : {}),
    },
    { at, actorId: actor.id, event: 'reply', note: isLate ? 'Answered (late)' : 'Answered' },
  );
}

/**
 * Starts a corrective action from the item (the existing action flow: open, then planned,
 * implemented, checked). Its default title says what the problem is. The item goes `open`.
 */
export async function startRegisterAction(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  title: string | undefined,
): Promise<{ item: RegisterItem; action: CorrectiveAction }> {
  const item = await loadForHandling(services, actor, id);
  ensureCurrent(item, etag);
  const at = services.clock.now().toISOString();
  const action: CorrectiveAction = {
    ...blankAction({ id: services.ids.next(), at, actorId: actor.id }),
    title: title ?? defaultActionTitle(item),
    source: { kind: 'feedback', feedbackId: item.id },
    unitId: item.handlerUnitId ?? item.unitIds[0] ?? null,
    correction: item.correction,
    rootCause: item.rootCause,
  };

  const next = await commitStep(
    services,
    item,
    etag,
    { correctiveActionIds: [...item.correctiveActionIds, action.id], status: 'open' },
    { at, actorId: actor.id, event: 'corrective-action-started', note: `Corrective action: ${action.title}` },
    { correctiveActions: [action] },
  );
  return { item: next, action };
}

const kindWords = { praise: 'Ros', complaint: 'Klage', suggestion: 'Forslag', deviation: 'Afvigelse' } as const;

/** "Afvigelse 2026-K7Q4M2: Journal ikke opdateret" (at most 120 characters). */
export function defaultActionTitle(item: Pick<RegisterItem, 'kind' | 'receiptNumber' | 'title'>): string {
  const title = `${kindWords[item.kind]} ${item.receiptNumber}: ${item.title}`;
  return title.length <= 120 ? title : `${title.slice(0, 119)}…`;
}

export async function reassignRegisterItem(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  handlerId: string,
  note: string | undefined,
): Promise<RegisterItem> {
  const item = await loadRegisterItem(services, id);
  const units = await services.store.listUnits();
  if (!canReadRegisterItem(actor, item, units)) throw new AppError('NOT_FOUND', `No register item with id ${id}.`);
  ensure(
    canReassignRegisterItem(actor, item, units),
    'Only the coordinator or a leader above the handler hands it on.',
  );
  const handler = await services.store.getPerson(handlerId);
  if (!handler) throw new AppError('VALIDATION', `No person with id ${handlerId}.`, { field: 'handlerId' });
  return commitStep(
    services,
    item,
    etag,
    { handlerId, handlerUnitId: handler.unitId },
    {
      at: services.clock.now().toISOString(),
      actorId: actor.id,
      event: 'reassigned',
      note: note && note !== '' ? `Handed to ${handlerId}: ${note}` : `Handed to ${handlerId}`,
    },
  );
}

/**
 * A sender's deletion request (GDPR art. 17): executed (contact details removed now, the item
 * kept) or refused with the reason (e.g. journaliseringspligt, art. 17(3)(b)). Coordinator only.
 */
export async function recordDeletionRequest(
  services: Services,
  actor: Actor,
  id: string,
  etag: number,
  input: { requestedOn: LocalDate; execute: boolean; reason: string },
): Promise<RegisterItem> {
  ensure(canManageRegister(actor), 'Only the coordinator records deletion requests.');
  const item = await loadRegisterItem(services, id);
  if (item.contact === null) {
    throw new AppError('INVALID_STATE', 'The item holds no contact details.', { status: 'no-contact' });
  }
  const today = todayOf(services);
  return commitStep(
    services,
    item,
    etag,
    {
      deletionRequest: {
        requestedOn: input.requestedOn,
        recordedBy: actor.id,
        outcome: input.execute ? 'executed' : 'refused',
        reason: input.reason,
      },
      ...(input.execute ? { contact: null, contactRemovedOn: today } : {}),
    },
    {
      at: services.clock.now().toISOString(),
      actorId: actor.id,
      event: 'deletion-request',
      note: input.execute
        ? 'Deletion request executed: contact details removed'
        : `Deletion request refused: ${input.reason}`,
    },
  );
}

/** Saves the register settings (coordinator, If-Match with the settings' etag; 0 before the first save). */
export async function saveRegisterSettings(
  services: Services,
  actor: Actor,
  etag: number,
  input: RegisterSettingsBody,
): Promise<RegisterSettings> {
  ensure(canManageRegister(actor), 'Only the coordinator edits the register settings.');
  const units = new Set((await services.store.listUnits()).map((unit) => unit.id));
  for (const [index, area] of input.caseAreas.entries()) {
    if (!units.has(area.unitId)) {
      throw new AppError('VALIDATION', `No unit with id ${area.unitId}.`, { field: `caseAreas.${index}.unitId` });
    }
  }
  for (const list of ['categories', 'rootCauseCategories', 'caseAreas'] as const) {
    const ids = input[list].map((entry) => entry.id);
    const duplicate = ids.find((value, index) => ids.indexOf(value) !== index);
    if (duplicate !== undefined) {
      throw new AppError('VALIDATION', `The id ${duplicate} is used twice.`, { field: list });
    }
  }
  const current = await registerSettingsOf(services);
  const at = services.clock.now().toISOString();
  const record: RegisterSettings = {
    ...current,
    ...input,
    routingRules: input.routingRules.map((rule) => ({ ...rule, fromSeverity: rule.fromSeverity as Severity })),
    id: 'register',
    createdAt: current.etag === 0 ? at : current.createdAt,
    updatedAt: at,
    updatedBy: actor.id,
    etag: etag + 1,
  };
  await services.register.commit({
    settings: { record, expectedEtag: etag },
    trail: [
      {
        at,
        actorId: actor.id,
        action: 'register.settings-saved',
        procedureId: null,
        subjectId: 'register',
        summary: 'Register settings saved',
        details: {},
      },
    ],
  });
  return record;
}

/** Refused before an e-mail goes out: the commit would refuse a stale etag only after sending. */
function ensureCurrent(item: RegisterItem, etag: number): void {
  if (item.etag !== etag) {
    throw new AppError('CONFLICT', `The register item ${item.id} changed after you read it. Reload and try again.`, {
      reason: 'stale',
      collection: 'registerItems',
      id: item.id,
      etag: item.etag,
      updatedBy: item.updatedBy,
      updatedAt: item.updatedAt,
    });
  }
}
