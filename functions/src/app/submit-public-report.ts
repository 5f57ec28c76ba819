import type { PublicSubmissionBody } from '../contract/register-schemas.js';
import { AppError } from '../core/errors.js';
import { canBeAnswered, replyDueOn, routeItem } from '../core/register-rules.js';
import type { ContactDetails, RegisterItem } from '../core/register-types.js';
import type { Services } from './ports.js';
import type { ProofOfWork } from './register-ports.js';
import { applyStep, commitNewItem, directoryOf, registerSettingsOf, todayOf } from './register-items.js';
import { hashSurveyToken, newSurveyToken } from './survey-tokens.js';

export type PublicReceipt = {
  item: RegisterItem;
  /** The private status link's token: handed to the sender once, only its hash is kept. */
  statusToken: string;
};

/**
 * A citizen's or a business's report through the public form (no sign-in). Nothing a bot sends
 * reaches a handler: the honeypot must be empty and the proof-of-work solved, signed by us, not
 * expired and not used before (the used solution is stored in the same commit as the item, so a
 * replay is refused even when two arrive at once). Refusals are VALIDATION with `details.field`
 * (`website`, `altcha` with `reason`, `caseAreaId`) and leave the register unchanged.
 */
export async function submitPublicReport(
  services: Services,
  proofOfWork: ProofOfWork,
  input: PublicSubmissionBody,
): Promise<PublicReceipt> {
  if ((input.website ?? '').trim() !== '') {
    throw new AppError('VALIDATION', 'The submission was refused.', { field: 'website' });
  }
  const now = services.clock.now();
  const verdict = await proofOfWork.verify(input.altcha, now);
  if (!verdict.isValid) {
    throw new AppError('VALIDATION', 'The proof-of-work is not valid.', { field: 'altcha', reason: verdict.reason });
  }
  const settings = await registerSettingsOf(services);
  const caseArea = settings.caseAreas.find((area) => area.id === input.caseAreaId && area.isActive);
  if (!caseArea) throw new AppError('VALIDATION', `No case area ${input.caseAreaId}.`, { field: 'caseAreaId' });

  const contact = contactOf(input.contact);
  const at = now.toISOString();
  const receivedOn = todayOf(services);
  const directory = await directoryOf(services);
  const routing = routeItem(
    { scope: 'unit', severity: null, unitIds: [caseArea.unitId] },
    settings.routingRules,
    directory,
  );
  const statusToken = newSurveyToken();
  const id = services.ids.next();
  const answerable = canBeAnswered({ contact, reportedBy: null });
  try {
    const item = await commitNewItem(
      services,
      (receiptNumber) => {
        const blank: RegisterItem = {
          id,
          receiptNumber,
          kind: input.kind,
          channel: 'public',
          status: 'registered',
          title: titleOf(input.description),
          description: input.description,
          caseAreaId: caseArea.id,
          caseNumber: input.caseNumber && input.caseNumber !== '' ? input.caseNumber : null,
          procedureIds: [],
          auditId: null,
          sourceMessage: null,
          unitIds: [caseArea.unitId],
          scope: 'unit',
          severity: null,
          likelihood: null,
          categoryId: null,
          correction: null,
          rootCauseCategoryId: null,
          rootCause: null,
          handlerUnitId: null,
          handlerId: null,
          reportedBy: null,
          reportedAt: at,
          receivedOn,
          locale: input.locale,
          contact,
          contactRemovedOn: null,
          statusTokenHash: hashSurveyToken(statusToken),
          replyDueOn: answerable
            ? replyDueOn(receivedOn, settings.replyDeadlines[input.kind], settings.holidayCalendar)
            : null,
          interimReplies: [],
          reply: null,
          correctiveActionIds: [],
          closedOn: null,
          deletionRequest: null,
          trail: [],
          createdAt: at,
          updatedAt: at,
          updatedBy: 'public',
          etag: 0,
        };
        const registered = applyStep(
          blank,
          {},
          { at, actorId: null, event: 'registered', note: 'Received (public form)' },
        );
        const routed = applyStep(registered.item, routing, {
          at,
          actorId: null,
          event: 'routed',
          note: routing.handlerId === null ? 'Routed to the coordinator' : `Routed to ${routing.handlerId}`,
        });
        return { item: { ...routed.item, etag: 1, updatedBy: 'public' }, trail: [registered.trail, routed.trail] };
      },
      { usedChallenge: { signatureHash: verdict.signatureHash, expiresAt: verdict.expiresAt } },
    );
    return { item, statusToken };
  } catch (error) {
    if (error instanceof AppError && error.code === 'DUPLICATE' && error.details?.['field'] === 'altcha') {
      throw new AppError('VALIDATION', 'The proof-of-work was used before.', { field: 'altcha', reason: 'replayed' });
    }
    throw error;
  }
}

/** Empty fields are no contact details; none at all is an anonymous sender. */
function contactOf(input: PublicSubmissionBody['contact']): ContactDetails | null {
  const clean = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value.trim());
  const contact = { name: clean(input?.name), email: clean(input?.email), phone: clean(input?.phone) };
  return contact.name === null && contact.email === null && contact.phone === null ? null : contact;
}

/** The first line of the text, at most 80 characters, as the item's title for handlers. */
function titleOf(description: string): string {
  const firstLine = description.split(/\r?\n/)[0]!.trim();
  return firstLine.length <= 80 ? firstLine : `${firstLine.slice(0, 79)}…`;
}
