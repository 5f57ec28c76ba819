import { z } from 'zod';

/**
 * The Bot Framework activity as `POST /api/messages` receives it: the fields the product reads,
 * typed and capped, so that a malformed activity is refused at the edge (400 VALIDATION) before
 * the Teams SDK or a card action sees it. Fields are those of the Bot Framework Activity schema
 * (https://learn.microsoft.com/javascript/api/botframework-schema/activity; ChannelAccount,
 * ConversationAccount); other fields Teams sends pass through unchecked. Optional fields may be
 * absent or null, as serialisers write them.
 */
const optionalText = (max: number) => z.string().max(max).nullish();

/** A user or the bot: `29:…` / `28:…` chat ids, the Entra object id (a GUID; locally a person id). */
const channelAccount = z.looseObject({
  id: z.string().min(1).max(256),
  name: optionalText(256),
  aadObjectId: optionalText(128),
  role: optionalText(32),
});

const conversationAccount = z.looseObject({
  id: z.string().min(1).max(1024),
  name: optionalText(256),
  conversationType: optionalText(32),
  tenantId: optionalText(128),
  isGroup: z.boolean().nullish(),
});

/** Teams refuses messages above about 28 KB; an activity's text is never longer than that. */
const maxTextLength = 28_000;

/**
 * A search message extension's query (`composeExtension/query`): the manifest command's id, its
 * parameters (the typed words; `initialRun` when opened without typing) and paging.
 */
const extensionQueryValue = z.looseObject({
  commandId: z.string().min(1).max(64),
  parameters: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(64),
        value: z.union([z.string().max(1000), z.boolean(), z.number()]).nullish(),
      }),
    )
    .max(10)
    .nullish(),
  queryOptions: z
    .looseObject({
      skip: z.number().int().min(0).max(10_000).nullish(),
      count: z.number().int().min(0).max(100).nullish(),
    })
    .nullish(),
  state: optionalText(1024),
});

/**
 * A message extension's action command (`composeExtension/fetchTask` and `submitAction`): the
 * command, where it was invoked, the message it was invoked on (its HTML body and link), and the
 * submitted form's data, which the product validates again with the form's own schema.
 */
const extensionActionValue = z.looseObject({
  commandId: z.string().min(1).max(64),
  commandContext: optionalText(32),
  messagePayload: z
    .looseObject({
      id: optionalText(256),
      linkToMessage: optionalText(2048),
      body: z.looseObject({ contentType: optionalText(16), content: z.string().max(100_000).nullish() }).nullish(),
    })
    .nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  botMessagePreviewAction: optionalText(16),
});
const extensionActionNames = new Set(['composeExtension/fetchTask', 'composeExtension/submitAction']);

export function botActivitySchema(mode: 'local' | 'production') {
  // Teams' Bot Connector is https; locally the chat pane and the Agents Playground use http://localhost.
  const serviceUrl = z.url({ protocol: mode === 'production' ? /^https$/ : /^https?$/ }).max(2048);
  return z
    .looseObject({
      type: z.string().min(1).max(64),
      id: optionalText(256),
      name: optionalText(256),
      timestamp: optionalText(64),
      localTimestamp: optionalText(64),
      serviceUrl,
      channelId: z.string().min(1).max(64),
      from: channelAccount,
      recipient: channelAccount,
      conversation: conversationAccount,
      replyToId: optionalText(256),
      locale: optionalText(32),
      text: z.string().max(maxTextLength).nullish(),
      /** What a card button or a refresh sends; the product reads `value.action` only. */
      value: z.record(z.string(), z.unknown()).nullish(),
      channelData: z.record(z.string(), z.unknown()).nullish(),
      // A conversationUpdate for a whole team can list many members; the 256 KB body limit bounds it.
      membersAdded: z.array(channelAccount).max(10_000).nullish(),
      membersRemoved: z.array(channelAccount).max(10_000).nullish(),
    })
    .superRefine((activity, context) => {
      if (activity.type === 'invoke' && extensionActionNames.has(activity.name ?? '')) {
        const parsed = extensionActionValue.safeParse(activity.value);
        for (const issue of parsed.error?.issues ?? [])
          context.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
        return;
      }
      if (activity.type === 'invoke' && activity.name === 'composeExtension/query') {
        const parsed = extensionQueryValue.safeParse(activity.value);
        for (const issue of parsed.error?.issues ?? [])
          context.addIssue({ code: 'custom', path: ['value', ...issue.path], message: issue.message });
        return;
      }
      if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return;
      const action = activity.value?.['action'];
      if (action === null || typeof action !== 'object' || Array.isArray(action)) {
        context.addIssue({
          code: 'custom',
          path: ['value', 'action'],
          message: 'An adaptiveCard/action invoke carries the Action.Execute as an object in value.action',
        });
      }
    });
}

export type BotActivity = z.infer<ReturnType<typeof botActivitySchema>>;
