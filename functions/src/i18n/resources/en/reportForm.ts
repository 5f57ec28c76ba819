import type { TranslationOf } from '../../texts.js';
import type { reportForm as source } from '../da/reportForm.js';

/** The message extension's report form in English. */
export const reportForm: TranslationOf<typeof source> = {
  'heading.reportDeviation': 'Report a deviation',
  'heading.suggestImprovement': 'Suggest an improvement',
  intro:
    'The message is filled in below. Edit the text so it says what happened or could be better, and send. It goes to the register, where your leader handles it, and you get an answer.',
  kindLabel: 'What are you reporting?',
  'kind.deviation': 'Deviation',
  'kind.suggestion': 'Improvement suggestion',
  'kind.praise': 'Praise',
  kindError: 'Choose deviation, improvement suggestion or praise',
  titleLabel: 'Title',
  titlePlaceholder: 'In short: what is it about?',
  titleError: 'Write a title of at most {{max}} characters',
  descriptionLabel: 'Description',
  descriptionPlaceholder: 'What happened, when, and what did you do?',
  descriptionError: 'Write a description of at most {{max}} characters',
  fromMessage: 'From the message',
  openMessage: 'Open the message in Teams',
  submit: 'Send',
  problemsTitle: 'The form was not sent. Please fix this:',
  'problem.kind': 'Choose what you are reporting.',
  'problem.title': 'The title is missing or too long (at most {{max}} characters).',
  'problem.description': 'The description is missing or too long (at most {{max}} characters).',
  'problem.messageLink': 'The link to the message is not a Teams link.',
  'problem.form': 'The form data could not be read. Close it and open it again from the message.',
  received:
    'Thank you. {{kind}} is registered as {{number}}. You can follow it under Register in the quality handbook.',
  unknownPerson: 'You are not set up in the quality handbook. Contact the quality coordinator.',
  unknownCommand: 'The quality handbook does not know this action.',
};
