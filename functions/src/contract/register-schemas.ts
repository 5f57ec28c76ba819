import { z } from 'zod';
import { locales } from '../core/locale.js';
import {
  holidayCalendars,
  registerChannels,
  registerKinds,
  registerScopes,
  registerStatuses,
  registerTrailEvents,
  replyDeliveries,
  riskBands,
} from '../core/register-types.js';
import { id, instant, localDate, requiredText, text } from './primitives.js';

/**
 * The register (issue 15): the public intake (no sign-in: proof-of-work challenge, submission,
 * the private status page), employees' reports, the handling of an item, statistics and the
 * municipality's register settings. Request objects are strict; see docs/register.md for the
 * routes and who may call each.
 */

/** The longest text of a report (characters); a longer one is refused, never cut. */
export const registerLimits = {
  title: 200,
  description: 5000,
  caseNumber: 100,
  contactName: 200,
  email: 254,
  phone: 40,
  reply: 5000,
  /** The public submission's JSON body, bytes (the ALTCHA payload included). */
  publicBodyBytes: 16_384,
} as const;

export const registerKindSchema = z.enum(registerKinds);
export const registerChannelSchema = z.enum(registerChannels);
export const registerStatusSchema = z.enum(registerStatuses);
export const registerScopeSchema = z.enum(registerScopes);
export const riskBandSchema = z.enum(riskBands);
export const severitySchema = z.number().int().min(1).max(5).describe('1 = insignificant … 5 = critical');
export const likelihoodSchema = z.number().int().min(1).max(5).describe('1 = very unlikely … 5 = almost certain');
const localeEnum = z.enum(locales);
const localizedLabel = z.strictObject({ da: requiredText(120), nb: requiredText(120), en: requiredText(120) });
const ref = z.object({ id: z.string(), name: z.string() });

// ---------------------------------------------------------------------------------------------
// Public intake (no sign-in)

/** GET /api/public/register/challenge: an ALTCHA challenge (altcha-lib `createChallenge`). */
export const altchaChallengeSchema = z.object({
  algorithm: z.string(),
  challenge: z.string(),
  maxnumber: z.number().int().optional(),
  salt: z.string(),
  signature: z.string(),
});
export type AltchaChallengeDto = z.infer<typeof altchaChallengeSchema>;

export const publicRegisterOptionsQuery = z.strictObject({ locale: localeEnum.default('da') });
/** GET /api/public/register/options: what the public form offers, labels in the asked language. */
export const publicRegisterOptionsSchema = z.object({
  kinds: z.array(z.enum(['praise', 'complaint', 'suggestion'])),
  caseAreas: z.array(z.object({ id: z.string(), label: z.string() })),
  limits: z.object({
    description: z.number().int(),
    caseNumber: z.number().int(),
    contactName: z.number().int(),
    email: z.number().int(),
    phone: z.number().int(),
  }),
});
export type PublicRegisterOptionsDto = z.infer<typeof publicRegisterOptionsSchema>;

export const contactDetailsBody = z.strictObject({
  name: text(registerLimits.contactName).optional(),
  email: z
    .union([z.literal(''), z.string().trim().max(registerLimits.email).email()])
    .optional()
    .describe('Empty or left out: no e-mail (then no answer by e-mail)'),
  phone: z
    .union([
      z.literal(''),
      z
        .string()
        .trim()
        .max(registerLimits.phone)
        .regex(/^[+0-9 ()-]{4,}$/, 'A phone number'),
    ])
    .optional(),
});

/** POST /api/public/register/submissions. */
export const publicSubmissionBody = z.strictObject({
  kind: z.enum(['praise', 'complaint', 'suggestion']),
  caseAreaId: id,
  caseNumber: text(registerLimits.caseNumber).optional(),
  description: requiredText(registerLimits.description),
  contact: contactDetailsBody
    .optional()
    .describe('Left out (or all empty): anonymous, and then the sender gets no answer'),
  locale: localeEnum,
  altcha: z.string().min(1).max(4000).describe('The ALTCHA widget’s base64 payload (the solved challenge)'),
  website: z
    .string()
    .max(200)
    .optional()
    .describe('Honeypot: hidden from people; a submission with it filled is refused'),
});
export type PublicSubmissionBody = z.infer<typeof publicSubmissionBody>;

export const publicReceiptSchema = z.object({
  receiptNumber: z.string(),
  statusToken: z.string().describe('Shown once: the private status link’s token (43 characters)'),
  statusPath: z.string().describe('The status page path, /register/status/{token}'),
  canBeAnswered: z.boolean().describe('False for an anonymous sender: no answer will be sent'),
  replyDueOn: localDate.nullable(),
});
export type PublicReceiptDto = z.infer<typeof publicReceiptSchema>;

export const statusTokenParams = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'A status token'),
});
export const publicStatusQuery = z.strictObject({ locale: localeEnum.default('da') });
/** GET /api/public/register/status/{token}: only that item, never contact details or names. */
export const publicStatusSchema = z.object({
  receiptNumber: z.string(),
  kind: registerKindSchema,
  status: registerStatusSchema,
  receivedOn: localDate,
  caseArea: z.string().nullable().describe('The case area’s label in the asked language'),
  description: z.string(),
  replyDueOn: localDate.nullable(),
  interimReplies: z.array(
    z.object({ text: z.string(), waitingFor: z.string(), expectedOn: localDate, sentAt: instant }),
  ),
  reply: z.object({ text: z.string(), sentAt: instant }).nullable(),
  closedOn: localDate.nullable(),
});
export type PublicStatusDto = z.infer<typeof publicStatusSchema>;

// ---------------------------------------------------------------------------------------------
// Employees' reports (tab; the Teams message extension calls the same use case)

export const registerReportBody = z.strictObject({
  kind: registerKindSchema,
  title: requiredText(registerLimits.title),
  description: requiredText(registerLimits.description),
  unitId: id.optional().describe('The unit it concerns; the reporter’s own when left out'),
  procedureIds: z.array(id).max(20).default([]),
  auditId: id.optional(),
  sourceMessage: z
    .strictObject({ text: text(registerLimits.description), url: z.string().url().max(2000).nullable() })
    .optional()
    .describe('The Teams message it was reported from'),
  severity: severitySchema.optional(),
  likelihood: likelihoodSchema.optional(),
  scope: registerScopeSchema.default('unit'),
  categoryId: id.optional(),
});
export type RegisterReportBody = z.infer<typeof registerReportBody>;

// ---------------------------------------------------------------------------------------------
// Reading the register

export const registerListQuery = z.strictObject({
  view: z
    .enum(['to-handle', 'reported-by-me', 'all'])
    .default('to-handle')
    .describe('to-handle: open items I handle (the coordinator: all open); all: every item I may see'),
  kind: registerKindSchema.optional(),
  status: registerStatusSchema.optional(),
  channel: registerChannelSchema.optional(),
  unitId: id.optional(),
  from: localDate.optional().describe('Received on or after'),
  to: localDate.optional().describe('Received on or before'),
  includeFindings: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true')
    .describe('Audit findings shown as register rows (channel audit), linked, not copied'),
});

export const registerRowSchema = z.object({
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('item'), itemId: z.string() }),
    z.object({ kind: z.literal('finding'), findingId: z.string(), auditId: z.string() }),
  ]),
  receiptNumber: z.string().nullable().describe('null for an audit finding'),
  kind: registerKindSchema,
  channel: registerChannelSchema,
  status: registerStatusSchema,
  title: z.string(),
  unit: ref.nullable(),
  handler: ref.nullable(),
  severity: z.number().int().nullable(),
  riskScore: z.number().int().nullable(),
  riskBand: riskBandSchema.nullable(),
  receivedOn: localDate,
  replyDueOn: localDate.nullable(),
  isReplyOverdue: z.boolean(),
  ageDays: z.number().int(),
});
export type RegisterRowDto = z.infer<typeof registerRowSchema>;

export const registerListSchema = z.object({
  today: localDate,
  rows: z.array(registerRowSchema),
  abilities: z.object({ report: z.boolean(), readStatistics: z.boolean(), manageSettings: z.boolean() }),
});
export type RegisterListDto = z.infer<typeof registerListSchema>;

export const registerItemParams = z.strictObject({ id });

export const registerAbilitiesSchema = z.object({
  readContact: z.boolean(),
  assess: z.boolean(),
  handle: z.boolean().describe('Correction, root cause, category, procedures, status'),
  reply: z.boolean(),
  startCorrectiveAction: z.boolean(),
  reassign: z.boolean(),
  recordDeletionRequest: z.boolean(),
});
export type RegisterAbilities = z.infer<typeof registerAbilitiesSchema>;

export const registerItemDetailSchema = z.object({
  id: z.string(),
  etag: z.string().describe('Send it back as If-Match with a change'),
  receiptNumber: z.string(),
  kind: registerKindSchema,
  channel: registerChannelSchema,
  status: registerStatusSchema,
  allowedStatuses: z.array(registerStatusSchema).describe('The statuses the actor may move it to now'),
  title: z.string(),
  description: z.string(),
  caseArea: ref.nullable(),
  caseNumber: z.string().nullable(),
  procedures: z.array(ref),
  audit: ref.nullable(),
  sourceMessage: z.object({ text: z.string(), url: z.string().nullable() }).nullable(),
  units: z.array(ref),
  scope: registerScopeSchema,
  severity: z.number().int().nullable(),
  likelihood: z.number().int().nullable(),
  riskScore: z.number().int().nullable(),
  riskBand: riskBandSchema.nullable(),
  category: ref.nullable(),
  correction: z.string().nullable(),
  rootCauseCategory: ref.nullable(),
  rootCause: z.string().nullable(),
  handlerUnit: ref.nullable(),
  handler: ref.nullable(),
  reportedBy: ref.nullable(),
  reportedAt: instant,
  receivedOn: localDate,
  locale: localeEnum,
  canBeAnswered: z.boolean(),
  contact: z
    .object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable()
    .describe('Only for the item’s handlers and the coordinator; null otherwise and once removed'),
  hasContact: z.boolean().describe('Whether contact details are kept (shown to everyone who may read the item)'),
  contactRemovedOn: localDate.nullable(),
  replyDueOn: localDate.nullable(),
  isReplyOverdue: z.boolean(),
  interimReplies: z.array(
    z.object({
      text: z.string(),
      waitingFor: z.string(),
      expectedOn: localDate,
      sentAt: instant,
      sentBy: ref,
      deliveredBy: z.enum(replyDeliveries),
    }),
  ),
  reply: z
    .object({
      text: z.string(),
      sentAt: instant,
      sentBy: ref,
      deliveredBy: z.enum(replyDeliveries),
      isLate: z.boolean(),
    })
    .nullable(),
  correctiveActions: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  closedOn: localDate.nullable(),
  deletionRequest: z
    .object({ requestedOn: localDate, outcome: z.enum(['executed', 'refused']), reason: z.string() })
    .nullable(),
  trail: z.array(
    z.object({
      at: instant,
      actor: ref.nullable(),
      event: z.enum(registerTrailEvents),
      status: registerStatusSchema,
      note: z.string(),
    }),
  ),
  abilities: registerAbilitiesSchema,
});
export type RegisterItemDetailDto = z.infer<typeof registerItemDetailSchema>;

// ---------------------------------------------------------------------------------------------
// Handling (each needs If-Match with the item's etag)

export const assessItemBody = z.strictObject({
  severity: severitySchema,
  likelihood: likelihoodSchema.nullable().describe('Deviations; null for other kinds'),
  scope: registerScopeSchema,
  unitIds: z.array(id).min(1).max(20).describe('The units involved, the main one first'),
  categoryId: id.nullable().optional(),
});
export type AssessItemBody = z.infer<typeof assessItemBody>;

export const changeItemStatusBody = z.strictObject({
  to: registerStatusSchema,
  note: text(2000).optional(),
});

export const updateHandlingBody = z
  .strictObject({
    correction: text(4000).nullable().optional(),
    rootCauseCategoryId: id.nullable().optional(),
    rootCause: text(4000).nullable().optional(),
    categoryId: id.nullable().optional(),
    procedureIds: z.array(id).max(20).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Change at least one field');
export type UpdateHandlingBody = z.infer<typeof updateHandlingBody>;

export const interimReplyBody = z.strictObject({
  text: requiredText(registerLimits.reply),
  waitingFor: requiredText(1000).describe('What the item waits for'),
  expectedOn: localDate.describe('When an answer can be expected; becomes the reply deadline'),
});

export const replyBody = z.strictObject({ text: requiredText(registerLimits.reply) });

export const startRegisterActionBody = z.strictObject({
  title: requiredText(120).optional().describe('Default: the item’s kind and title (what the problem is)'),
});
export const startRegisterActionResultSchema = z.object({
  correctiveActionId: z.string(),
  item: registerItemDetailSchema,
});

export const reassignItemBody = z.strictObject({ handlerId: id, note: text(2000).optional() });

export const deletionRequestBody = z.strictObject({
  requestedOn: localDate,
  execute: z.boolean().describe('true: remove the contact details now; false: refused, with the reason'),
  reason: requiredText(2000),
});

/** GET /api/register/sender-export?email=…: what the register holds about a sender (coordinator). */
export const senderExportQuery = z.strictObject({ email: z.string().trim().max(registerLimits.email).email() });
export const senderExportSchema = z.object({
  email: z.string(),
  items: z.array(
    z.object({
      receiptNumber: z.string(),
      kind: registerKindSchema,
      status: registerStatusSchema,
      receivedOn: localDate,
      description: z.string(),
      contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }),
      reply: z.string().nullable(),
    }),
  ),
});

// ---------------------------------------------------------------------------------------------
// Statistics

export const registerStatisticsQuery = z.strictObject({
  to: localDate.optional().describe('The last day counted; today when left out'),
  months: z.coerce.number().int().min(1).max(36).default(12).describe('The period: this many months up to `to`'),
  kind: registerKindSchema.optional(),
  unitId: id.optional().describe('That unit and the units below it'),
  locale: localeEnum.default('da').describe('The language of the labels'),
});
const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const registerStatisticsSchema = z.object({
  from: localDate,
  to: localDate,
  total: z.number().int(),
  byKind: z.array(countRow),
  byCategory: z.array(countRow),
  byRootCause: z.array(countRow),
  byUnit: z.array(countRow),
  byChannel: z.array(countRow),
  byMonth: z.array(z.object({ month: z.string(), counts: z.record(z.string(), z.number().int()) })),
  pareto: z
    .array(z.object({ key: z.string(), label: z.string(), count: z.number().int(), cumulativeShare: z.number() }))
    .describe('Root-cause categories, most frequent first, with the cumulative share'),
  trend: z
    .array(z.object({ month: z.string(), counts: z.record(z.string(), z.number().int()) }))
    .describe('24 months up to `to`, per kind'),
  replyCompliance: z.object({
    answerable: z.number().int(),
    answeredInTime: z.number().int(),
    answeredLate: z.number().int(),
    overdueUnanswered: z.number().int(),
    share: z.number().nullable().describe('In time ÷ (answered + overdue); null without any'),
  }),
  openByAge: z.array(z.object({ bucket: z.enum(['0-7', '8-30', '31-90', '91+']), count: z.number().int() })),
});
export type RegisterStatisticsDto = z.infer<typeof registerStatisticsSchema>;

// ---------------------------------------------------------------------------------------------
// Settings (coordinator)

const routingRuleBody = z.strictObject({
  scope: registerScopeSchema,
  fromSeverity: severitySchema,
  level: z.union([z.number().int().min(0).max(10), z.literal('top')]),
});
const deadlineRuleBody = z.discriminatedUnion('unit', [
  z.strictObject({ unit: z.literal('working-days'), count: z.number().int().min(1).max(60) }),
  z.strictObject({ unit: z.literal('months'), count: z.number().int().min(1).max(6) }),
]);
export const registerSettingsBody = z.strictObject({
  categories: z
    .array(
      z.strictObject({ id, label: localizedLabel, kinds: z.array(registerKindSchema).min(1), isActive: z.boolean() }),
    )
    .max(200),
  rootCauseCategories: z.array(z.strictObject({ id, label: localizedLabel, isActive: z.boolean() })).max(200),
  caseAreas: z.array(z.strictObject({ id, label: localizedLabel, unitId: id, isActive: z.boolean() })).max(200),
  riskBands: z
    .strictObject({ greenMax: z.number().int().min(1).max(25), yellowMax: z.number().int().min(1).max(25) })
    .refine((bands) => bands.greenMax < bands.yellowMax, 'greenMax must be below yellowMax'),
  routingRules: z.array(routingRuleBody).max(50),
  replyDeadlines: z.strictObject({
    praise: deadlineRuleBody,
    complaint: deadlineRuleBody,
    suggestion: deadlineRuleBody,
    deviation: deadlineRuleBody,
  }),
  holidayCalendar: z.enum(holidayCalendars),
  remindDaysBefore: z.number().int().min(0).max(30),
  escalateDaysAfter: z.number().int().min(0).max(60),
  contactRetentionYears: z.number().int().min(1).max(30),
});
export type RegisterSettingsBody = z.infer<typeof registerSettingsBody>;

export const registerSettingsResponseSchema = z.object({
  ...registerSettingsBody.shape,
  etag: z.string(),
  updatedAt: instant,
  updatedBy: z.string(),
  abilities: z.object({ manage: z.boolean() }),
});
export type RegisterSettingsDto = z.infer<typeof registerSettingsResponseSchema>;
