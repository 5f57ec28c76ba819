import { z } from 'zod';
import type { RegisterReportBody } from '../contract/register-schemas.js';
import { isAppError } from '../core/errors.js';
import type { Locale } from '../core/locale.js';
import type { Actor } from '../core/policies.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { AdaptiveCard } from './cards/card-types.js';
import {
  reportCommandIds,
  reportFormCard,
  reportFormKinds,
  reportFormLimits,
  titleFromMessage,
  type ReportCommandId,
  type ReportFormKind,
  type ReportFormProblem,
} from './cards/report-form-card.js';
import { messageText } from './message-text.js';

/**
 * The message extension's action commands "Meld afvigelse" and "Foreslå forbedring" on any
 * Teams message (manifest: `type: "action"`, `context: ["message"]`, `fetchTask: true`):
 *
 * - `composeExtension/fetchTask` answers a task module with the report form, prefilled with the
 *   message's text (its HTML made plain) and its link;
 * - `composeExtension/submitAction` validates the form's data with zod and files the report
 *   through the register's use case (the same one the tab's form uses), then closes with the
 *   receipt number; data that does not pass shows the form again with what to fix.
 *
 * Invoke shapes: Microsoft Learn, "Create and send dialogs" and "Respond to the dialog submit
 * action" (message extensions, action commands).
 */

/**
 * Files the report for the person through the register's use case (`reportToRegister`, channel
 * `teams`; wired in compose.ts) and answers its receipt number.
 */
export type FileTeamsReport = (actor: Actor, report: RegisterReportBody) => Promise<{ receiptNumber: string }>;

/** The `value` of a fetchTask or submitAction invoke, as the activity schema has checked it. */
export type ExtensionAction = {
  commandId?: string | null;
  commandContext?: string | null;
  messagePayload?: {
    linkToMessage?: string | null;
    body?: { contentType?: string | null; content?: string | null } | null;
  } | null;
  data?: Record<string, unknown> | null;
};

const adaptiveCardType = 'application/vnd.microsoft.card.adaptive';

export type TaskResponse = {
  task:
    | {
        type: 'continue';
        value: {
          title: string;
          height: 'large';
          width: 'medium';
          card: { contentType: typeof adaptiveCardType; content: AdaptiveCard };
        };
      }
    | { type: 'message'; value: string };
};

/** Links to Teams messages: the only links the form keeps (it shows them as a button). */
const teamsLink = z.url({ protocol: /^https$/, hostname: /^teams\.(microsoft\.com|cloud\.microsoft)$/ }).max(2048);

/** The form's data as `submitAction` brings it back: the inputs plus the Send button's data. */
export const reportFormDataSchema = z.object({
  kind: z.enum(reportFormKinds),
  title: z.string().trim().min(1).max(reportFormLimits.title),
  description: z.string().trim().min(1).max(reportFormLimits.description),
  messageLink: z.union([z.literal(''), teamsLink]),
  messageText: z.string().max(reportFormLimits.messageText).default(''),
});

const defaultKind: Readonly<Record<ReportCommandId, ReportFormKind>> = {
  reportDeviation: 'deviation',
  suggestImprovement: 'suggestion',
};

function isReportCommand(commandId: string | null | undefined): commandId is ReportCommandId {
  return reportCommandIds.includes(commandId as ReportCommandId);
}

export function isReportAction(value: ExtensionAction | null | undefined): boolean {
  return isReportCommand(value?.commandId);
}

/** The answer to `composeExtension/fetchTask`: the form, prefilled from the message. */
export function answerReportFetchTask(input: {
  actor: Actor | null;
  value: ExtensionAction;
  locale: Locale;
}): TaskResponse {
  const text = serverTexts(input.locale, 'reportForm');
  if (!input.actor) return { task: { type: 'message', value: text('unknownPerson') } };
  const commandId = input.value.commandId;
  if (!isReportCommand(commandId)) return { task: { type: 'message', value: text('unknownCommand') } };
  const message = messageText(input.value.messagePayload?.body);
  const link = teamsLink.safeParse(input.value.messagePayload?.linkToMessage ?? '');
  return formTask(
    {
      commandId,
      kind: defaultKind[commandId],
      title: titleFromMessage(message),
      description: message,
      messageLink: link.success ? link.data : null,
      messageText: message,
      problems: [],
    },
    input.locale,
  );
}

/** The answer to `composeExtension/submitAction`: the receipt, or the form again with what to fix. */
export async function answerReportSubmit(
  deps: { fileReport: FileTeamsReport },
  input: { actor: Actor | null; value: ExtensionAction; locale: Locale },
): Promise<TaskResponse> {
  const text = serverTexts(input.locale, 'reportForm');
  if (!input.actor) return { task: { type: 'message', value: text('unknownPerson') } };
  const commandId = input.value.commandId;
  if (!isReportCommand(commandId)) return { task: { type: 'message', value: text('unknownCommand') } };
  const data = input.value.data ?? {};
  const parsed = reportFormDataSchema.safeParse(data);
  const again = (problems: ReportFormProblem[]) =>
    formTask(
      {
        commandId,
        kind: reportFormKinds.includes(data['kind'] as ReportFormKind)
          ? (data['kind'] as ReportFormKind)
          : defaultKind[commandId],
        title: stringOf(data['title']),
        description: stringOf(data['description']),
        messageLink: teamsLink.safeParse(data['messageLink']).data ?? null,
        messageText: stringOf(data['messageText']).slice(0, reportFormLimits.messageText),
        problems,
      },
      input.locale,
    );
  if (!parsed.success) {
    const problems = new Set<ReportFormProblem>(
      parsed.error.issues.map((issue) => {
        const field = issue.path[0];
        return field === 'kind' || field === 'title' || field === 'description' || field === 'messageLink'
          ? field
          : 'form';
      }),
    );
    return again([...problems]);
  }
  const { kind, title, description, messageLink, messageText: sourceText } = parsed.data;
  try {
    const { receiptNumber } = await deps.fileReport(input.actor, {
      kind,
      title,
      description,
      procedureIds: [],
      scope: 'unit',
      sourceMessage: { text: sourceText, url: messageLink === '' ? null : messageLink },
    });
    return {
      task: { type: 'message', value: text('received', { kind: text(`kind.${kind}`), number: receiptNumber }) },
    };
  } catch (error) {
    // The register validates again; what it refuses is shown as the form's own problem.
    if (isAppError(error) && error.code === 'VALIDATION') return again(['form']);
    throw error;
  }
}

function formTask(model: Parameters<typeof reportFormCard>[0], locale: Locale): TaskResponse {
  const text = serverTexts(locale, 'reportForm');
  return {
    task: {
      type: 'continue',
      value: {
        title: text(`heading.${model.commandId}`),
        height: 'large',
        width: 'medium',
        card: { contentType: adaptiveCardType, content: reportFormCard(model, locale) },
      },
    },
  };
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, reportFormLimits.description) : '';
}
