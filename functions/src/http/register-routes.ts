import * as contract from '../contract/schemas.js';
import {
  assessRegisterItem,
  changeRegisterStatus,
  readRegisterItem,
  reassignRegisterItem,
  recordDeletionRequest,
  replyToRegisterItem,
  saveRegisterSettings,
  sendInterimReply,
  startRegisterAction,
  updateRegisterHandling,
} from '../app/handle-register-item.js';
import type { ProofOfWork } from '../app/register-ports.js';
import { registerSettingsOf } from '../app/register-items.js';
import {
  exportSender,
  listRegister,
  publicRegisterOptions,
  publicRegisterStatus,
  registerStatisticsFor,
} from '../app/register-queries.js';
import { presentRegisterItem } from '../app/register-views.js';
import { reportToRegister } from '../app/report-to-register.js';
import { submitPublicReport } from '../app/submit-public-report.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageRegister } from '../core/policies.js';
import type { RegisterItem, RegisterSettings } from '../core/register-types.js';
import type { Actor } from '../core/policies.js';
import type { Services } from '../app/ports.js';
import type { z } from 'zod';
import { defineRoute, json, type Route } from './route.js';

const tag = 'register';

/** Requests a minute from one address to the public form's routes (a person sends 2–3). */
export const publicRegisterRequestsPerMinute = 30;

/**
 * The register (issue 15): the public intake (no sign-in: challenge, options, submission, the
 * private status page), employees' reports, handling, statistics and settings. Thin handlers:
 * each calls one use case and presents the item afresh with the actor's abilities.
 */
export function registerRoutes(options: {
  proofOfWork?: ProofOfWork | undefined;
  perMinute?: number | undefined;
}): Route[] {
  const rateLimitPerMinute = options.perMinute ?? publicRegisterRequestsPerMinute;
  const proofOfWork = () => {
    if (!options.proofOfWork)
      throw new AppError('SERVICE_UNAVAILABLE', 'The public form is not configured on this host.');
    return options.proofOfWork;
  };
  /**
   * A handling step on one item: If-Match, the step's body, one use case, and the item presented
   * afresh with the actor's abilities.
   */
  const itemStep = <B>(step: {
    name: string;
    method: 'POST' | 'PATCH';
    path: string;
    summary: string;
    body: z.ZodType<B>;
    run: (services: Services, actor: Actor, id: string, etag: number, body: B) => Promise<RegisterItem>;
  }) =>
    defineRoute({
      name: step.name,
      method: step.method,
      path: `/register/items/{id}/${step.path}`,
      summary: step.summary,
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.registerItemParams,
      body: step.body,
      response: contract.registerItemDetailSchema,
      handler: async ({ actor, services, params, body, etag }) =>
        json(await presentRegisterItem(services, actor, await step.run(services, actor, params.id, etag(), body))),
    });
  const settingsDto = (settings: RegisterSettings, manage: boolean) => ({
    categories: settings.categories,
    rootCauseCategories: settings.rootCauseCategories,
    caseAreas: settings.caseAreas,
    riskBands: settings.riskBands,
    routingRules: settings.routingRules,
    replyDeadlines: settings.replyDeadlines,
    holidayCalendar: settings.holidayCalendar,
    remindDaysBefore: settings.remindDaysBefore,
    escalateDaysAfter: settings.escalateDaysAfter,
    contactRetentionYears: settings.contactRetentionYears,
    etag: String(settings.etag),
    updatedAt: settings.updatedAt,
    updatedBy: settings.updatedBy,
    abilities: { manage },
  });
  return [
    defineRoute({
      name: 'public-register-challenge',
      method: 'GET',
      path: '/public/register/challenge',
      summary: 'A proof-of-work challenge for the public form (ALTCHA, no third party)',
      tag,
      access: 'public',
      rateLimitPerMinute,
      response: contract.altchaChallengeSchema,
      handler: async ({ services }) => json(await proofOfWork().createChallenge(services.clock.now())),
    }),
    defineRoute({
      name: 'public-register-options',
      method: 'GET',
      path: '/public/register/options',
      summary: 'What the public form offers: kinds and case areas in the asked language, field limits',
      tag,
      access: 'public',
      rateLimitPerMinute,
      query: contract.publicRegisterOptionsQuery,
      response: contract.publicRegisterOptionsSchema,
      handler: async ({ services, query }) => json(await publicRegisterOptions(services, query.locale)),
    }),
    defineRoute({
      name: 'public-register-submit',
      method: 'POST',
      path: '/public/register/submissions',
      summary: 'Praise, a complaint or a suggestion from the public form: a receipt number and a private status link',
      tag,
      access: 'public',
      rateLimitPerMinute,
      maxBodyBytes: contract.registerLimits.publicBodyBytes,
      body: contract.publicSubmissionBody,
      response: contract.publicReceiptSchema,
      successStatus: 201,
      handler: async ({ services, body }) => {
        const { item, statusToken } = await submitPublicReport(services, proofOfWork(), body);
        return json(
          {
            receiptNumber: item.receiptNumber,
            statusToken,
            statusPath: `/register/status/${statusToken}`,
            canBeAnswered: item.replyDueOn !== null,
            replyDueOn: item.replyDueOn,
          },
          201,
        );
      },
    }),
    defineRoute({
      name: 'public-register-status',
      method: 'GET',
      path: '/public/register/status/{token}',
      summary: 'The private status page of one item: status, interim replies and the answer',
      tag,
      access: 'public',
      rateLimitPerMinute,
      params: contract.statusTokenParams,
      query: contract.publicStatusQuery,
      response: contract.publicStatusSchema,
      handler: async ({ services, params, query }) =>
        json(await publicRegisterStatus(services, params.token, query.locale)),
    }),
    defineRoute({
      name: 'register-report',
      method: 'POST',
      path: '/register/items',
      summary: 'Report a deviation, a suggestion, praise or a complaint (any signed-in person)',
      tag,
      access: 'signed-in',
      body: contract.registerReportBody,
      response: contract.registerItemDetailSchema,
      successStatus: 201,
      handler: async ({ actor, services, body }) => {
        const item = await reportToRegister(services, actor, body, 'tab');
        return json(await presentRegisterItem(services, actor, item), 201);
      },
    }),
    defineRoute({
      name: 'register-list',
      method: 'GET',
      path: '/register/items',
      summary: 'The register as the actor may see it: to handle, reported by me, or all (with audit findings)',
      tag,
      access: 'signed-in',
      query: contract.registerListQuery,
      response: contract.registerListSchema,
      handler: async ({ actor, services, query }) => json(await listRegister(services, actor, query)),
    }),
    defineRoute({
      name: 'register-get',
      method: 'GET',
      path: '/register/items/{id}',
      summary: 'One item with its trail; contact details only for its handler and the coordinator',
      tag,
      access: 'signed-in',
      params: contract.registerItemParams,
      response: contract.registerItemDetailSchema,
      handler: async ({ actor, services, params }) =>
        json(await presentRegisterItem(services, actor, await readRegisterItem(services, actor, params.id))),
    }),
    itemStep({
      name: 'register-assess',
      method: 'POST',
      path: 'assess',
      summary: 'Assess severity, likelihood, scope and units: routes the item to its leader level',
      body: contract.assessItemBody,
      run: assessRegisterItem,
    }),
    itemStep({
      name: 'register-status',
      method: 'POST',
      path: 'status',
      summary: 'Move the item: start handling, close (answered, no actions running), reopen (coordinator)',
      body: contract.changeItemStatusBody,
      run: (services, actor, id, etag, body) => changeRegisterStatus(services, actor, id, etag, body.to, body.note),
    }),
    itemStep({
      name: 'register-handling',
      method: 'PATCH',
      path: 'handling',
      summary: 'Record the immediate correction, the root cause and its category, the category, linked procedures',
      body: contract.updateHandlingBody,
      run: updateRegisterHandling,
    }),
    itemStep({
      name: 'register-interim-reply',
      method: 'POST',
      path: 'interim-reply',
      summary: 'An interim reply: why, what it waits for, when to expect an answer (moves the deadline)',
      body: contract.interimReplyBody,
      run: (services, actor, id, etag, body) =>
        sendInterimReply(services, actor, id, etag, {
          text: body.text,
          waitingFor: body.waitingFor,
          expectedOn: body.expectedOn as LocalDate,
        }),
    }),
    itemStep({
      name: 'register-reply',
      method: 'POST',
      path: 'reply',
      summary: 'Answer the sender: shown on the status page, e-mailed when there is an address',
      body: contract.replyBody,
      run: (services, actor, id, etag, body) => replyToRegisterItem(services, actor, id, etag, body.text),
    }),
    defineRoute({
      name: 'register-start-action',
      method: 'POST',
      path: '/register/items/{id}/corrective-actions',
      summary: 'Start a corrective action from the item (the existing action flow)',
      tag,
      access: 'signed-in',
      conditional: true,
      params: contract.registerItemParams,
      body: contract.startRegisterActionBody,
      response: contract.startRegisterActionResultSchema,
      successStatus: 201,
      handler: async ({ actor, services, params, body, etag }) => {
        const { item, action } = await startRegisterAction(services, actor, params.id, etag(), body.title);
        return json({ correctiveActionId: action.id, item: await presentRegisterItem(services, actor, item) }, 201);
      },
    }),
    itemStep({
      name: 'register-reassign',
      method: 'POST',
      path: 'handler',
      summary: 'Hand the item to another handler (the coordinator, or a leader above the handler unit)',
      body: contract.reassignItemBody,
      run: (services, actor, id, etag, body) =>
        reassignRegisterItem(services, actor, id, etag, body.handlerId, body.note),
    }),
    itemStep({
      name: 'register-deletion-request',
      method: 'POST',
      path: 'deletion-request',
      summary: 'Record a sender’s deletion request: executed (contact details removed) or refused with the reason',
      body: contract.deletionRequestBody,
      run: (services, actor, id, etag, body) =>
        recordDeletionRequest(services, actor, id, etag, {
          requestedOn: body.requestedOn as LocalDate,
          execute: body.execute,
          reason: body.reason,
        }),
    }),
    defineRoute({
      name: 'register-sender-export',
      method: 'GET',
      path: '/register/sender-export',
      summary: 'What the register holds about a sender, by e-mail address (coordinator)',
      tag,
      access: 'signed-in',
      query: contract.senderExportQuery,
      response: contract.senderExportSchema,
      handler: async ({ actor, services, query }) => json(await exportSender(services, actor, query.email)),
    }),
    defineRoute({
      name: 'register-statistics',
      method: 'GET',
      path: '/register/statistics',
      summary: 'Counts per kind, category, root cause, unit, channel and month; Pareto; trend; reply compliance; age',
      tag,
      access: 'signed-in',
      query: contract.registerStatisticsQuery,
      response: contract.registerStatisticsSchema,
      handler: async ({ actor, services, query }) =>
        json(await registerStatisticsFor(services, actor, query, query.locale)),
    }),
    defineRoute({
      name: 'register-settings-get',
      method: 'GET',
      path: '/register/settings',
      summary: 'The register settings: categories, root causes, case areas, risk bands, routing, deadlines, retention',
      tag,
      access: 'signed-in',
      response: contract.registerSettingsResponseSchema,
      handler: async ({ actor, services }) =>
        json(settingsDto(await registerSettingsOf(services), canManageRegister(actor))),
    }),
    defineRoute({
      name: 'register-settings-put',
      method: 'PUT',
      path: '/register/settings',
      summary: 'Save the register settings (coordinator; If-Match "0" before the first save)',
      tag,
      access: 'signed-in',
      conditional: true,
      body: contract.registerSettingsBody,
      response: contract.registerSettingsResponseSchema,
      handler: async ({ actor, services, body, etag }) =>
        json(settingsDto(await saveRegisterSettings(services, actor, etag(), body), canManageRegister(actor))),
    }),
  ];
}
