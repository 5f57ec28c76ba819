import type { InboxItemDto, ListLink, MyTasks } from '../contract/schemas.js';
import { expiringQualifications } from '../core/competence-gaps.js';
import { effectivenessCheckDueOn, isActionOverdue } from '../core/corrective-action.js';
import { localDateOf } from '../core/local-date.js';
import { canHandleRegisterItem, isCoordinator, overviewScopes, type Actor } from '../core/policies.js';
import type { RegisterItem } from '../core/register-types.js';
import { canCompleteOccurrence } from '../core/year-wheel-policies.js';
import { actionAbilities, effectivenessWaitDays } from './corrective-action-views.js';
import type { Services } from './ports.js';
import { today as todayOf } from './procedure-context.js';
import { myTasks } from './procedure-views.js';
import { reportCompetenceGaps } from './report-competence-gaps.js';
import { dueSoonHorizon, occurrenceEtag } from './year-wheel-views.js';

/**
 * "Mine opgaver", the one inbox: the procedure tasks of `myTasks` and the person's work in the
 * other modules, each with its due date, where it leads and the action available, soonest due
 * first (undated last). The rules stay where they are: what may be done with an action comes from
 * `actionAbilities`, with an occurrence from `canCompleteOccurrence`, whose unit gaps a leader sees
 * from `overviewScopes` and `reportCompetenceGaps`.
 *
 * Approvals and acknowledgements have no deadline: they are dated the day they were asked, so
 * the oldest requests come first among the dated work.
 */

const link = (list: ListLink['list'], id: string | null = null, query: Record<string, string> = {}): ListLink => ({
  list,
  id,
  query,
});

const noTarget = { procedureId: null, versionId: null, occurrenceId: null, etag: null };

function item(fields: Omit<InboxItemDto, 'target' | 'subtitle'> & Partial<Pick<InboxItemDto, 'target' | 'subtitle'>>) {
  return { subtitle: null, target: noTarget, ...fields } satisfies InboxItemDto;
}

export async function myInbox(services: Services, actor: Actor): Promise<MyTasks> {
  const today = todayOf(services);
  const dateOf = (instant: string) => localDateOf(new Date(instant), services.settings.timeZone);
  const [tasks, actions, audits, occurrences, myRecords, competences, units, registerItems] = await Promise.all([
    myTasks(services, actor),
    services.quality.listCorrectiveActions(),
    services.quality.listAudits(),
    services.quality.listOccurrences({ to: dueSoonHorizon(today) }),
    services.store.listPersonCompetences({ personId: actor.id }),
    services.store.listCompetences(),
    services.store.listUnits(),
    // The register items I handle; the coordinator also those routed to nobody.
    isCoordinator(actor)
      ? services.register.listItems({ isOpen: true })
      : services.register.listItems({ isOpen: true, handlerId: actor.id }),
  ]);
  const competenceName = new Map(competences.map((competence) => [competence.id, competence.name]));
  const items: InboxItemDto[] = [];

  /** A procedure's task: titled and linked by its procedure. */
  const procedureItem = (
    procedure: { id: string; code: string; title: string },
    fields: Pick<InboxItemDto, 'key' | 'kind' | 'dueOn' | 'isOverdue' | 'action'> & { versionId?: string },
    list: ListLink['list'] = 'procedure',
  ) =>
    item({
      key: fields.key,
      kind: fields.kind,
      title: procedure.title,
      subtitle: procedure.code,
      dueOn: fields.dueOn,
      isOverdue: fields.isOverdue,
      action: fields.action,
      link: link(list, procedure.id),
      target: { ...noTarget, procedureId: procedure.id, versionId: fields.versionId ?? null },
    });

  for (const { approval, procedure } of tasks.approvals)
    items.push(
      procedureItem(
        procedure,
        {
          key: `approval:${approval.id}`,
          kind: 'approval',
          dueOn: dateOf(approval.requestedAt),
          isOverdue: false,
          action: 'approve',
        },
        'approval',
      ),
    );
  for (const request of tasks.acknowledgements)
    items.push(
      procedureItem(request.procedure, {
        key: `acknowledgement:${request.versionId}`,
        kind: 'acknowledgement',
        dueOn: dateOf(request.requestedAt),
        isOverdue: false,
        action: 'acknowledge',
        versionId: request.versionId,
      }),
    );
  for (const procedure of tasks.reviews)
    items.push(
      procedureItem(procedure, {
        key: `review:${procedure.id}`,
        kind: 'review',
        dueOn: procedure.nextReviewOn,
        isOverdue: procedure.nextReviewOn !== null && procedure.nextReviewOn < today,
        action: 'review',
      }),
    );
  for (const procedure of tasks.drafts)
    items.push(
      procedureItem(procedure, {
        key: `draft:${procedure.id}`,
        kind: 'draft',
        dueOn: null,
        isOverdue: false,
        action: 'finish-draft',
      }),
    );

  for (const action of actions) {
    const abilities = actionAbilities(actor, action);
    if (action.ownerId === actor.id && (action.status === 'open' || action.status === 'planned'))
      items.push(
        item({
          key: `action:${action.id}`,
          kind: 'action',
          title: action.title,
          dueOn: action.dueOn,
          isOverdue: isActionOverdue(action, today),
          action: abilities.markImplemented ? 'implement' : 'work-on-action',
          link: link('action', action.id),
        }),
      );
    else if (action.status === 'implemented' && abilities.checkEffectiveness)
      items.push(
        item({
          key: `effectiveness-check:${action.id}`,
          kind: 'effectiveness-check',
          title: action.title,
          // The check is due when the waiting period after the implementation has passed.
          dueOn: effectivenessCheckDueOn(action, effectivenessWaitDays(services)),
          isOverdue: false,
          action: 'check-effectiveness',
          link: link('action', action.id),
        }),
      );
  }

  for (const audit of audits)
    if (audit.auditorIds.includes(actor.id) && (audit.status === 'planned' || audit.status === 'in-progress'))
      items.push(
        item({
          key: `audit:${audit.id}`,
          kind: 'audit',
          title: audit.title,
          dueOn: audit.plannedOn,
          isOverdue: audit.plannedOn < today,
          action: 'report-audit',
          link: link('audit', audit.id),
        }),
      );

  for (const occurrence of occurrences)
    if (occurrence.ownerId === actor.id && occurrence.completedOn === null)
      items.push(
        item({
          key: `occurrence:${occurrence.id}`,
          kind: 'occurrence',
          title: occurrence.title,
          dueOn: occurrence.dueOn,
          isOverdue: occurrence.dueOn < today,
          action: canCompleteOccurrence(actor, occurrence) ? 'complete-occurrence' : 'work-on-action',
          link: link('year-wheel', null, { year: occurrence.dueOn.slice(0, 4) }),
          target: { ...noTarget, occurrenceId: occurrence.id, etag: occurrenceEtag(occurrence) },
        }),
      );

  for (const expiring of expiringQualifications(myRecords, today))
    items.push(
      item({
        key: `qualification:${expiring.personCompetence.competenceId}`,
        kind: 'qualification',
        title: competenceName.get(expiring.personCompetence.competenceId) ?? expiring.personCompetence.competenceId,
        dueOn: expiring.validUntil,
        isOverdue: expiring.isExpired,
        action: 'renew-qualification',
        link: link('competences', null, { unit: actor.unitId }),
      }),
    );

  for (const registerItem of registerItems) {
    const isMine = registerItem.handlerId === actor.id || (registerItem.handlerId === null && isCoordinator(actor));
    const action = registerTaskOf(registerItem);
    if (!isMine || action === null || !canHandleRegisterItem(actor, registerItem)) continue;
    items.push(
      item({
        key: `register:${registerItem.id}`,
        kind: 'register-item',
        title: registerItem.title,
        subtitle: registerItem.receiptNumber,
        // The reply deadline in force (null: answered, or a sender who cannot be answered).
        dueOn: registerItem.replyDueOn,
        isOverdue: registerItem.replyDueOn !== null && registerItem.replyDueOn < today,
        action,
        link: link('register-item', registerItem.id),
      }),
    );
  }

  if (overviewScopes(actor, units).includes('unit')) {
    const report = await reportCompetenceGaps(services, actor, { unitId: actor.unitId });
    for (const gap of report.gaps)
      if (gap.coverage === 'unmet')
        items.push(
          item({
            key: `competence-gap:${gap.requirement.id}`,
            kind: 'competence-gap',
            title: competenceName.get(gap.requirement.competenceId) ?? gap.requirement.competenceId,
            dueOn: null,
            isOverdue: false,
            action: 'close-gap',
            link: link('competences', null, { unit: actor.unitId }),
          }),
        );
  }

  return { ...tasks, items: items.sort(byDueDate), today };
}

/**
 * What a register item waits for from its handler: assessment while only registered, else the
 * sender's answer while one is due, else handling while awaiting or in handling. Null: nothing
 * (closed, or open with only its corrective actions running, which their owners see).
 */
function registerTaskOf(
  registerItem: Pick<RegisterItem, 'status' | 'replyDueOn' | 'reply'>,
): 'assess-register-item' | 'reply-register-item' | 'handle-register-item' | null {
  if (registerItem.status === 'closed') return null;
  if (registerItem.status === 'registered') return 'assess-register-item';
  if (registerItem.replyDueOn !== null && registerItem.reply === null) return 'reply-register-item';
  return registerItem.status === 'open' ? null : 'handle-register-item';
}

/** Soonest due first, undated last; then by title, so the order is stable. */
function byDueDate(a: InboxItemDto, b: InboxItemDto): number {
  if (a.dueOn !== b.dueOn) {
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn < b.dueOn ? -1 : 1;
  }
  return a.title.localeCompare(b.title, 'da') || a.key.localeCompare(b.key);
}
