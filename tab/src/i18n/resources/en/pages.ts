import type { TranslationOf } from '../../../../../functions/src/i18n/texts';
import type { pages as source } from '../da/pages';

/** The tab's "pages" texts in English: exactly the Danish keys. */
export const pages: TranslationOf<typeof source> = {
  'configure.title': 'Set up the tab',
  'configure.intro': 'Choose what the tab shows in the channel or group chat.',
  'configure.choiceLabel': 'The tab shows',
  'configure.choiceHint': 'The tab opens the handbook filtered by your choice. The filter can be removed in the tab.',
  'configure.choicePlaceholder': 'Choose …',
  'configure.wholeHandbook': 'The whole handbook',
  'configure.wholeLevel': '{{level}} – the whole level',
  'configure.tabName': 'Handbook',
  'configure.areasFailed':
    'The process levels and areas could not be loaded, so the tab can only show the whole handbook.',
  'configure.chosen': 'Suggested tab name: {{name}}',
  'configure.unsupported': 'This version of Teams cannot set up the tab. Try again in a newer version of Teams.',
  'configure.outsideTeams':
    'This page is used when the quality handbook is added as a tab to a channel or group chat in Microsoft Teams. There you choose whether the tab shows the whole handbook or one process level or area.',
  'privacy.title': 'Privacy policy',
  'privacy.intro':
    "The quality handbook is the municipality's app for procedures and document control in Microsoft Teams. This page describes what data the app stores, where it is kept and who is responsible for it.",
  'privacy.dataHeading': 'What the app stores',
  'privacy.dataIntro': "The app stores the data needed to manage the municipality's procedures:",
  'privacy.dataProcedures': 'The procedures and their versions, including the documents uploaded.',
  'privacy.dataApprovals': 'Approvals and rejections: who approved or rejected a draft, when and with what comment.',
  'privacy.dataReviews': 'Periodic reviews of the procedures and their outcome.',
  'privacy.dataAcknowledgements': 'Read-and-understood confirmations: who confirmed which version, and when.',
  'privacy.dataAudit': 'An audit trail of who did what in the app, and when.',
  'privacy.dataPeople':
    "The names, e-mail addresses and roles of the employees who use the app, taken from the municipality's Microsoft Entra ID.",
  'privacy.dataChat':
    "References to the app's chat with each employee in Teams, so the app can send approvals and reminders there.",
  'privacy.browser':
    'In your browser the app stores only your choice of language (and, in the demo, which demo person you are signed in as).',
  'privacy.whereHeading': 'Where the data is kept',
  'privacy.whereProduction':
    "When the municipality uses the app, the data is kept on the municipality's own SharePoint site in its Microsoft 365.",
  'privacy.whereDemo': 'In the local demo, the data is kept in a SQLite file on the computer running the demo.',
  'privacy.controllerHeading': 'Who is responsible',
  'privacy.controller':
    'The municipality is the data controller for the data in the app and uses it only for its work on quality and procedures.',
  'privacy.retentionHeading': 'How long the data is kept',
  'privacy.retention': "The data is kept and deleted according to the municipality's archiving rules.",
  'privacy.contactHeading': 'Contact',
  'privacy.contact':
    "If you have questions about the data the app holds about you, contact the municipality's quality coordinator.",
  'terms.title': 'Terms of use',
  'terms.intro': "The quality handbook is for internal use by the municipality's employees.",
  'terms.useHeading': 'Who may use the app',
  'terms.use':
    "The app may be used by the municipality's employees in their work with the municipality's procedures. You sign in with your work account, and what you can see and do depends on the roles the municipality has given you.",
  'terms.contentHeading': 'The procedures',
  'terms.content':
    'The procedures belong to the municipality. The current version in the handbook is the one that applies; drafts and earlier versions are for reference only.',
  'terms.warrantyHeading': 'Liability',
  'terms.warranty': 'The app is provided as is, without warranty.',
  'terms.privacyHeading': 'Privacy',
  'terms.privacy': 'What data the app stores, and who is responsible for it, is described in the privacy policy.',
  'terms.privacyLink': 'Read the privacy policy',
  'terms.contactHeading': 'Contact',
  'terms.contact': "Questions about the app and the procedures can be put to the municipality's quality coordinator.",
};
