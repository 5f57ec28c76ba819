import type { Locale } from '../../core/locale.js';
import type { RegisterKind } from '../../core/register-types.js';
import { registerLimits } from '../../contract/register-schemas.js';
import { serverTexts } from '../../i18n/server-texts.js';
import { adaptiveCard, container, openUrlAction, textBlock, type CardElement } from './card-elements.js';
import type { AdaptiveCard } from './card-types.js';
import { escapeCardText, truncateText } from './card-text.js';

/** The message extension's action commands (manifest/manifest.template.json `composeExtensions`). */
export const reportCommandIds = ['reportDeviation', 'suggestImprovement'] as const;
export type ReportCommandId = (typeof reportCommandIds)[number];

/** What an employee reports from Teams (the register's kinds; complaints come from citizens). */
export const reportFormKinds = ['deviation', 'suggestion', 'praise'] as const satisfies readonly RegisterKind[];
export type ReportFormKind = (typeof reportFormKinds)[number];

export const reportFormLimits = {
  title: registerLimits.title,
  description: registerLimits.description,
  /** The message's own text, kept with the report as its source. */
  messageText: 2000,
} as const;

/** The problems a submitted form can have; each has its line in the form's error box. */
export type ReportFormProblem = 'kind' | 'title' | 'description' | 'messageLink' | 'form';

export type ReportFormModel = {
  commandId: ReportCommandId;
  kind: ReportFormKind;
  title: string;
  description: string;
  /** The Teams link to the message the form was opened on (kept in the submit data). */
  messageLink: string | null;
  /** The message's text as it was (kept in the submit data, stored as the report's source). */
  messageText: string;
  problems: readonly ReportFormProblem[];
};

/**
 * The task module of "Meld afvigelse" / "Foreslå forbedring": kind, title and description
 * prefilled from the message, the message's link, and one Send (Action.Submit: in a task
 * module its data and the inputs come back as `composeExtension/submitAction`). Shown again
 * with the problems listed when the submitted data does not pass.
 */
export function reportFormCard(model: ReportFormModel, locale: Locale): AdaptiveCard {
  const text = serverTexts(locale, 'reportForm');
  const heading = text(`heading.${model.commandId}`);
  const problems: CardElement[] =
    model.problems.length === 0
      ? []
      : [
          container(
            [
              textBlock(text('problemsTitle'), { weight: 'bolder', color: 'attention' }),
              ...model.problems.map((problem) =>
                textBlock(
                  `- ${text(`problem.${problem}`, { max: problem === 'title' ? reportFormLimits.title : reportFormLimits.description })}`,
                  { spacing: 'none' },
                ),
              ),
            ],
            { style: 'attention' },
          ),
        ];
  const source: CardElement[] = model.messageLink
    ? [textBlock(text('fromMessage'), { size: 'small', isSubtle: true, spacing: 'medium' })]
    : [];
  return adaptiveCard({
    fallbackText: heading,
    body: [
      textBlock(escapeCardText(heading), { style: 'heading', size: 'large', weight: 'bolder' }),
      ...problems,
      textBlock(text('intro'), { isSubtle: true }),
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: text('kindLabel'),
        style: 'compact',
        value: model.kind,
        isRequired: true,
        errorMessage: text('kindError'),
        choices: reportFormKinds.map((kind) => ({ title: text(`kind.${kind}`), value: kind })),
      },
      {
        type: 'Input.Text',
        id: 'title',
        label: text('titleLabel'),
        placeholder: text('titlePlaceholder'),
        value: truncateText(model.title, reportFormLimits.title),
        isRequired: true,
        errorMessage: text('titleError', { max: reportFormLimits.title }),
        maxLength: reportFormLimits.title,
        isMultiline: false,
      },
      {
        type: 'Input.Text',
        id: 'description',
        label: text('descriptionLabel'),
        placeholder: text('descriptionPlaceholder'),
        value: truncateText(model.description, reportFormLimits.description),
        isRequired: true,
        errorMessage: text('descriptionError', { max: reportFormLimits.description }),
        maxLength: reportFormLimits.description,
        isMultiline: true,
      },
      ...source,
    ],
    actions: [
      ...(model.messageLink ? [openUrlAction(text('openMessage'), model.messageLink)] : []),
      {
        type: 'Action.Submit',
        title: text('submit'),
        style: 'positive',
        data: {
          commandId: model.commandId,
          messageLink: model.messageLink ?? '',
          messageText: truncateText(model.messageText, reportFormLimits.messageText),
        },
      },
    ],
  });
}

/** The first line of a message, as the form's prefilled title. */
export function titleFromMessage(message: string): string {
  const first = message.split('\n').find((line) => line.trim() !== '') ?? '';
  return truncateText(first.trim(), 120);
}
