import type { RegisterItemDetailDto, RegisterRowDto } from '../contract/register-schemas.js';
import type { LocalDate } from '../core/local-date.js';
import { daysBetween } from '../core/local-date.js';
import {
  canHandleRegisterItem,
  canManageRegister,
  canReadRegisterContact,
  canReassignRegisterItem,
  isCoordinator,
  type Actor,
} from '../core/policies.js';
import type { Finding } from '../core/quality-year-types.js';
import { allowedStatuses, canBeAnswered, riskBandOf, riskScore } from '../core/register-rules.js';
import type { RegisterItem, RegisterSettings } from '../core/register-types.js';
import type { Person, Unit } from '../core/types.js';
import type { Services } from './ports.js';
import { registerSettingsOf, todayOf } from './register-items.js';

/** The register's read models: an item's detail with abilities, and the rows of the list. */

export type Names = { people: Map<string, Person>; units: Map<string, Unit> };

export async function namesOf(services: Services): Promise<Names> {
  const [people, units] = await Promise.all([services.store.listPeople(), services.store.listUnits()]);
  return {
    people: new Map(people.map((person) => [person.id, person])),
    units: new Map(units.map((unit) => [unit.id, unit])),
  };
}

const personRef = (names: Names, id: string | null) =>
  id === null ? null : { id, name: names.people.get(id)?.name ?? id };
const unitRef = (names: Names, id: string | null) =>
  id === null ? null : { id, name: names.units.get(id)?.name ?? id };

export async function presentRegisterItem(
  services: Services,
  actor: Actor,
  item: RegisterItem,
): Promise<RegisterItemDetailDto> {
  const [settings, names, units] = await Promise.all([
    registerSettingsOf(services),
    namesOf(services),
    services.store.listUnits(),
  ]);
  const today = todayOf(services);
  const procedures = await Promise.all(
    item.procedureIds.map(async (id) => {
      const procedure = await services.store.getProcedure(id);
      return { id, name: procedure ? `${procedure.code} ${procedure.title}` : id };
    }),
  );
  const audit = item.auditId === null ? null : await services.quality.getAudit(item.auditId);
  const actions = await Promise.all(item.correctiveActionIds.map((id) => services.quality.getCorrectiveAction(id)));
  const openActionCount = actions.filter((action) => action !== undefined && action.status !== 'closed').length;
  const handles = canHandleRegisterItem(actor, item);
  const isOpen = item.status !== 'closed';
  const score = riskScore(item.severity, item.likelihood);
  const label = labelIn(settings);
  return {
    id: item.id,
    etag: String(item.etag),
    receiptNumber: item.receiptNumber,
    kind: item.kind,
    channel: item.channel,
    status: item.status,
    allowedStatuses: handles ? allowedStatuses(item, { openActionCount, isCoordinator: isCoordinator(actor) }) : [],
    title: item.title,
    description: item.description,
    caseArea: item.caseAreaId === null ? null : { id: item.caseAreaId, name: label('caseAreas', item.caseAreaId) },
    caseNumber: item.caseNumber,
    procedures,
    audit: item.auditId === null ? null : { id: item.auditId, name: audit?.title ?? item.auditId },
    sourceMessage: item.sourceMessage,
    units: item.unitIds.map((id) => unitRef(names, id)!),
    scope: item.scope,
    severity: item.severity,
    likelihood: item.likelihood,
    riskScore: score,
    riskBand: riskBandOf(score, settings.riskBands),
    category: item.categoryId === null ? null : { id: item.categoryId, name: label('categories', item.categoryId) },
    correction: item.correction,
    rootCauseCategory:
      item.rootCauseCategoryId === null
        ? null
        : { id: item.rootCauseCategoryId, name: label('rootCauseCategories', item.rootCauseCategoryId) },
    rootCause: item.rootCause,
    handlerUnit: unitRef(names, item.handlerUnitId),
    handler: personRef(names, item.handlerId),
    reportedBy: personRef(names, item.reportedBy),
    reportedAt: item.reportedAt,
    receivedOn: item.receivedOn,
    locale: item.locale,
    canBeAnswered: canBeAnswered(item),
    contact: canReadRegisterContact(actor, item) ? item.contact : null,
    hasContact: item.contact !== null,
    contactRemovedOn: item.contactRemovedOn,
    replyDueOn: item.replyDueOn,
    isReplyOverdue: isReplyOverdue(item, today),
    interimReplies: item.interimReplies.map((reply) => ({ ...reply, sentBy: personRef(names, reply.sentBy)! })),
    reply: item.reply === null ? null : { ...item.reply, sentBy: personRef(names, item.reply.sentBy)! },
    correctiveActions: item.correctiveActionIds.map((id, index) => ({
      id,
      title: actions[index]?.title ?? id,
      status: actions[index]?.status ?? 'open',
    })),
    closedOn: item.closedOn,
    deletionRequest:
      item.deletionRequest === null
        ? null
        : {
            requestedOn: item.deletionRequest.requestedOn,
            outcome: item.deletionRequest.outcome,
            reason: item.deletionRequest.reason,
          },
    trail: item.trail.map((entry) => ({
      at: entry.at,
      actor: personRef(names, entry.actorId),
      event: entry.event,
      status: entry.status,
      note: entry.note,
    })),
    abilities: {
      readContact: canReadRegisterContact(actor, item),
      assess: handles && isOpen,
      handle: handles && isOpen,
      reply: handles && isOpen,
      startCorrectiveAction: handles && isOpen,
      reassign: isOpen && canReassignRegisterItem(actor, item, units),
      recordDeletionRequest: canManageRegister(actor) && item.contact !== null,
    },
  };
}

export function isReplyOverdue(item: Pick<RegisterItem, 'replyDueOn' | 'reply'>, today: LocalDate): boolean {
  return item.reply === null && item.replyDueOn !== null && item.replyDueOn < today;
}

export function registerRow(
  item: RegisterItem,
  settings: RegisterSettings,
  names: Names,
  today: LocalDate,
): RegisterRowDto {
  const score = riskScore(item.severity, item.likelihood);
  return {
    source: { kind: 'item', itemId: item.id },
    receiptNumber: item.receiptNumber,
    kind: item.kind,
    channel: item.channel,
    status: item.status,
    title: item.title,
    unit: unitRef(names, item.unitIds[0] ?? null),
    handler: personRef(names, item.handlerId),
    severity: item.severity,
    riskScore: score,
    riskBand: riskBandOf(score, settings.riskBands),
    receivedOn: item.receivedOn,
    replyDueOn: item.replyDueOn,
    isReplyOverdue: isReplyOverdue(item, today),
    ageDays: Math.max(0, daysBetween(item.receivedOn, item.closedOn ?? today)),
  };
}

/**
 * An audit finding as a register row (a view, not a copy): a deviation through the audit door,
 * its status from its corrective action (none needed or closed: closed; running: open).
 */
export function findingRow(
  finding: Finding,
  actionStatus: string | null,
  names: Names,
  today: LocalDate,
): RegisterRowDto {
  const status =
    actionStatus === null
      ? finding.correctiveActionId === null && (finding.grade === 'major' || finding.grade === 'minor')
        ? 'awaiting-handling'
        : 'closed'
      : actionStatus === 'closed'
        ? 'closed'
        : 'open';
  return {
    source: { kind: 'finding', findingId: finding.id, auditId: finding.auditId },
    receiptNumber: null,
    kind: 'deviation',
    channel: 'audit',
    status,
    title: finding.description.split(/\r?\n/)[0]!.slice(0, 120),
    unit: unitRef(names, finding.unitId),
    handler: null,
    severity: null,
    riskScore: null,
    riskBand: null,
    receivedOn: finding.foundOn,
    replyDueOn: null,
    isReplyOverdue: false,
    ageDays: Math.max(0, daysBetween(finding.foundOn, today)),
  };
}

type Labelled = 'categories' | 'rootCauseCategories' | 'caseAreas';

/** A setting's Danish label (the tab words it in the reader's language from the settings). */
export function labelIn(settings: RegisterSettings, locale: 'da' | 'nb' | 'en' = 'da') {
  return (list: Labelled, id: string): string => settings[list].find((entry) => entry.id === id)?.label[locale] ?? id;
}
