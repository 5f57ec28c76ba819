import type { RegisterReportBody } from '../contract/register-schemas.js';
import { AppError } from '../core/errors.js';
import { canReportToRegister, ensure, type Actor } from '../core/policies.js';
import { replyDueOn, routeItem } from '../core/register-rules.js';
import type { RegisterItem, RegisterKind, RegisterSettings, Severity, Likelihood } from '../core/register-types.js';
import type { Services } from './ports.js';
import { applyStep, commitNewItem, directoryOf, registerSettingsOf, todayOf } from './register-items.js';

/**
 * An employee reports a deviation, a suggestion, praise or a complaint: from the tab (optionally
 * on a procedure or an audit) or from a Teams message (the message extension's action, with the
 * message's text and link). Routed at once through the unit tree; the reporter can be answered,
 * so the reply deadline of the kind starts. Unknown units, procedures, audits or categories are
 * refused with VALIDATION and nothing is written.
 */
export async function reportToRegister(
  services: Services,
  actor: Actor,
  input: RegisterReportBody,
  channel: 'tab' | 'teams',
): Promise<RegisterItem> {
  ensure(canReportToRegister(actor), 'Sign in to report.');
  const settings = await registerSettingsOf(services);
  const unitId = input.unitId ?? actor.unitId;
  const directory = await directoryOf(services);
  if (!directory.isKnownUnit(unitId))
    throw new AppError('VALIDATION', `No unit with id ${unitId}.`, { field: 'unitId' });
  for (const [index, procedureId] of input.procedureIds.entries()) {
    if (!(await services.store.getProcedure(procedureId))) {
      throw new AppError('VALIDATION', `No procedure with id ${procedureId}.`, { field: `procedureIds.${index}` });
    }
  }
  if (input.auditId !== undefined && !(await services.quality.getAudit(input.auditId))) {
    throw new AppError('VALIDATION', `No audit with id ${input.auditId}.`, { field: 'auditId' });
  }
  ensureCategory(settings, input.categoryId ?? null, input.kind);
  if (input.likelihood !== undefined && input.kind !== 'deviation') {
    throw new AppError('VALIDATION', 'Only a deviation has a likelihood of recurrence.', { field: 'likelihood' });
  }
  const at = services.clock.now().toISOString();
  const receivedOn = todayOf(services);
  const severity = (input.severity ?? null) as Severity | null;
  const routing = routeItem({ scope: input.scope, severity, unitIds: [unitId] }, settings.routingRules, directory);
  const id = services.ids.next();
  return commitNewItem(services, (receiptNumber) => {
    const blank: RegisterItem = {
      id,
      receiptNumber,
      kind: input.kind,
      channel,
      status: 'registered',
      title: input.title,
      description: input.description,
      caseAreaId: null,
      caseNumber: null,
      procedureIds: [...new Set(input.procedureIds)],
      auditId: input.auditId ?? null,
      sourceMessage: input.sourceMessage ?? null,
      unitIds: [unitId],
      scope: input.scope,
      severity,
      likelihood: (input.likelihood ?? null) as Likelihood | null,
      categoryId: input.categoryId ?? null,
      correction: null,
      rootCauseCategoryId: null,
      rootCause: null,
      handlerUnitId: null,
      handlerId: null,
      reportedBy: actor.id,
      reportedAt: at,
      receivedOn,
      locale: 'da',
      contact: null,
      contactRemovedOn: null,
      statusTokenHash: null,
      replyDueOn: replyDueOn(receivedOn, settings.replyDeadlines[input.kind], settings.holidayCalendar),
      interimReplies: [],
      reply: null,
      correctiveActionIds: [],
      closedOn: null,
      deletionRequest: null,
      trail: [],
      createdAt: at,
      updatedAt: at,
      updatedBy: actor.id,
      etag: 0,
    };
    const registered = applyStep(
      blank,
      {},
      { at, actorId: actor.id, event: 'registered', note: `Reported (${channel})` },
    );
    const routed = applyStep(registered.item, routing, {
      at,
      actorId: actor.id,
      event: 'routed',
      note: routing.handlerId === null ? 'Routed to the coordinator' : `Routed to ${routing.handlerId}`,
    });
    return { item: { ...routed.item, etag: 1 }, trail: [registered.trail, routed.trail] };
  });
}

/** A category must exist, be active and fit the kind. */
export function ensureCategory(settings: RegisterSettings, categoryId: string | null, kind: RegisterKind): void {
  if (categoryId === null) return;
  const category = settings.categories.find((candidate) => candidate.id === categoryId);
  if (!category || !category.isActive || !category.kinds.includes(kind)) {
    throw new AppError('VALIDATION', `No active ${kind} category with id ${categoryId}.`, { field: 'categoryId' });
  }
}
