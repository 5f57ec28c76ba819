import type { Locale } from '../../core/locale.js';
import { formatDate as formatAnyDate, formatInstant, productTimeZone } from '../../i18n/format-date.js';

/**
 * Everything a card says, in the three languages of the product, plus the helpers that turn
 * dates and user text into card text. `CardText` is one type for all catalogues, so a key
 * missing in one language is a compile error.
 *
 * Functions in a catalogue receive pieces that are already card text: callers escape user
 * text (`escapeCardText`) and format dates (`formatDate`, `formatDateTime`) before passing them.
 */

/** The product's time zone: Danish municipalities; Norway has the same offsets all year. */
export const cardTimeZone = productTimeZone;

export type CardText = {
  appName: string;
  openProcedure: string;
  /** The approval request's link to the tab's view of the draft with its comparison. */
  openDraft: string;
  openHandbook: string;
  version: string;
  noVersion: string;
  kindMajor: string;
  kindMinor: string;
  days: (count: number) => string;
  // Approval
  approvalRequestKicker: string;
  approvalStatusKicker: string;
  versionChange: (from: string, to: string, kind: string) => string;
  firstVersion: (to: string, kind: string) => string;
  submittedBy: string;
  submittedByValue: (name: string, at: string) => string;
  approver: string;
  changeSummary: string;
  metadataChanges: string;
  metadataChange: (from: string, to: string) => string;
  emptyValue: string;
  moreChanges: (count: number) => string;
  fieldLabels: Record<string, string>;
  approve: string;
  reject: string;
  rejectCommentLabel: string;
  rejectCommentPlaceholder: string;
  rejectCommentRequired: string;
  sendRejection: string;
  statusPending: (approver: string) => string;
  statusApproved: (name: string, at: string) => string;
  statusRejected: (name: string, at: string) => string;
  statusWithdrawn: (name: string, at: string) => string;
  statusWithdrawnAnonymous: (at: string) => string;
  statusSuperseded: string;
  rejectionComment: string;
  approvalComment: string;
  // Periodic review
  reviewKicker: string;
  reviewDueIn: (days: string, date: string) => string;
  reviewDueToday: (date: string) => string;
  reviewOverdue: (days: string, date: string) => string;
  reviewPrompt: string;
  lastReviewed: string;
  neverReviewed: string;
  reviewInterval: string;
  months: (count: number) => string;
  confirmReview: string;
  startRevision: string;
  // Escalation
  escalationKicker: string;
  escalationText: (days: string) => string;
  owner: string;
  reviewDueOn: string;
  overdueBy: string;
  escalationReason: string;
  // Acknowledgement
  acknowledgementKicker: string;
  acknowledgementText: (version: string, date: string) => string;
  validFrom: string;
  acknowledge: string;
  // Digest
  digestTitle: string;
  digestCount: (count: number) => string;
  digestEmpty: string;
  digestMore: (count: number) => string;
  digestKindApproval: string;
  digestKindReview: string;
  digestKindEscalation: string;
  digestKindAcknowledgement: string;
  digestApprovalWaiting: (name: string, days: string) => string;
  digestApprovalWaitingToday: (name: string) => string;
  digestEscalation: (owner: string, days: string) => string;
  digestAcknowledgement: (version: string, date: string) => string;
  digestKindQualification: string;
  digestKindRequirement: string;
  // Competences (ISO 9001 7.2)
  openCompetences: string;
  people: (count: number) => string;
  levelValue: (level: number, label: string) => string;
  qualificationKicker: string;
  qualificationExpiredKicker: string;
  qualificationExpiresIn: (days: string, date: string) => string;
  qualificationExpiresToday: (date: string) => string;
  qualificationExpired: (days: string, date: string) => string;
  qualificationHolder: string;
  qualificationLevel: string;
  qualificationValidUntil: string;
  qualificationPromptHolder: string;
  qualificationPromptLeader: (name: string) => string;
  requirementKicker: string;
  requirementScope: string;
  requirementNeeds: string;
  requirementAtLevel: (people: string, level: string) => string;
  requirementQualified: string;
  requirementShort: string;
  requirementPrompt: string;
  requirementMonthly: string;
  // Outcomes of card actions
  outcomeKicker: string;
  outcomeReviewConfirmed: (name: string, at: string) => string;
  outcomeNextReview: (date: string) => string;
  outcomeRevisionStarted: string;
  outcomeRevisionStartedBy: (name: string, at: string) => string;
  outcomeRevisionNext: string;
  outcomeAcknowledged: string;
  outcomeAcknowledgedBy: (name: string, version: string, at: string) => string;
  errorKicker: string;
  errorAlreadyDecided: string;
  errorForbidden: string;
  errorStale: string;
  errorNotFound: string;
  errorUnexpected: string;
};

const da: CardText = {
  appName: 'Kvalitetshåndbog',
  openProcedure: 'Åbn procedure',
  openDraft: 'Åbn kladden',
  openHandbook: 'Åbn kvalitetshåndbogen',
  version: 'Version',
  noVersion: 'ingen',
  kindMajor: 'større ændring',
  kindMinor: 'mindre ændring',
  days: (count) => (count === 1 ? '1 dag' : `${count} dage`),
  approvalRequestKicker: 'Anmodning om godkendelse',
  approvalStatusKicker: 'Godkendelse af procedure',
  versionChange: (from, to, kind) => `${from} → ${to} (${kind})`,
  firstVersion: (to, kind) => `Første version: ${to} (${kind})`,
  submittedBy: 'Indsendt af',
  submittedByValue: (name, at) => `${name}, ${at}`,
  approver: 'Godkender',
  changeSummary: 'Ændringsbeskrivelse',
  metadataChanges: 'Ændringer i metadata',
  metadataChange: (from, to) => `${from} → ${to}`,
  emptyValue: '(tom)',
  moreChanges: (count) => `… og ${count} ${count === 1 ? 'ændring' : 'ændringer'} mere`,
  fieldLabels: {
    title: 'Titel',
    level: 'Procesniveau',
    area: 'Område',
    unit: 'Enhed',
    owner: 'Procedureansvarlig',
    approver: 'Godkender',
    audience: 'Målgruppe',
    reviewIntervalMonths: 'Interval for periodisk gennemgang',
    standards: 'Standarder',
    legalBasis: 'Lovgrundlag',
  },
  approve: 'Godkend',
  reject: 'Afvis',
  rejectCommentLabel: 'Begrundelse for afvisning',
  rejectCommentPlaceholder: 'Skriv, hvad der skal rettes',
  rejectCommentRequired: 'Skriv en begrundelse, før du afviser.',
  sendRejection: 'Send afvisning',
  statusPending: (approver) => `Afventer godkendelse fra ${approver}`,
  statusApproved: (name, at) => `Godkendt af ${name} ${at}`,
  statusRejected: (name, at) => `Afvist af ${name} ${at}`,
  statusWithdrawn: (name, at) => `Trukket tilbage af ${name} ${at}`,
  statusWithdrawnAnonymous: (at) => `Trukket tilbage ${at}`,
  statusSuperseded: 'En nyere kladde er indsendt',
  rejectionComment: 'Begrundelse',
  approvalComment: 'Kommentar',
  reviewKicker: 'Periodisk gennemgang',
  reviewDueIn: (days, date) => `Gennemgangen forfalder om ${days} (${date}).`,
  reviewDueToday: (date) => `Gennemgangen forfalder i dag (${date}).`,
  reviewOverdue: (days, date) => `Gennemgangen er ${days} over fristen (forfaldt ${date}).`,
  reviewPrompt: 'Bekræft, at proceduren fortsat er gyldig, eller start en revision.',
  lastReviewed: 'Sidst gennemgået',
  neverReviewed: 'Ikke gennemgået endnu',
  reviewInterval: 'Interval',
  months: (count) => (count === 1 ? '1 måned' : `${count} måneder`),
  confirmReview: 'Fortsat gyldig',
  startRevision: 'Start revision',
  escalationKicker: 'Overskredet periodisk gennemgang',
  escalationText: (days) => `Den periodiske gennemgang af proceduren er ${days} over fristen.`,
  owner: 'Procedureansvarlig',
  reviewDueOn: 'Frist',
  overdueBy: 'Overskredet med',
  escalationReason: 'Du får denne besked som nærmeste leder for den procedureansvarlige.',
  acknowledgementKicker: 'Ny version at læse',
  acknowledgementText: (version, date) =>
    `Version ${version} er godkendt og gælder fra ${date}. Læs den, og bekræft, at du har læst og forstået den.`,
  validFrom: 'Gælder fra',
  acknowledge: 'Læst og forstået',
  digestTitle: 'Dine opgaver i kvalitetshåndbogen',
  digestCount: (count) => (count === 1 ? '1 opgave venter på dig.' : `${count} opgaver venter på dig.`),
  digestEmpty: 'Du har ingen opgaver lige nu.',
  digestMore: (count) => `… og ${count} ${count === 1 ? 'opgave' : 'opgaver'} mere. Se alle i kvalitetshåndbogen.`,
  digestKindApproval: 'Godkendelse',
  digestKindReview: 'Periodisk gennemgang',
  digestKindEscalation: 'Overskredet gennemgang',
  digestKindAcknowledgement: 'Læst og forstået',
  digestApprovalWaiting: (name, days) => `Afventer din godkendelse – indsendt af ${name} for ${days} siden.`,
  digestApprovalWaitingToday: (name) => `Afventer din godkendelse – indsendt af ${name} i dag.`,
  digestEscalation: (owner, days) => `${days} over fristen – procedureansvarlig: ${owner}.`,
  digestAcknowledgement: (version, date) => `Version ${version} gælder fra ${date}. Bekræft, at du har læst den.`,
  digestKindQualification: 'Kvalifikation',
  digestKindRequirement: 'Kompetencekrav',
  openCompetences: 'Åbn kompetencematrix',
  people: (count) => (count === 1 ? '1 person' : `${count} personer`),
  levelValue: (level, label) => `${level} (${label})`,
  qualificationKicker: 'Kvalifikation udløber',
  qualificationExpiredKicker: 'Kvalifikation udløbet',
  qualificationExpiresIn: (days, date) => `Udløber om ${days} (sidste gyldige dag ${date})`,
  qualificationExpiresToday: (date) => `Sidste gyldige dag er i dag (${date})`,
  qualificationExpired: (days, date) => `Udløbet for ${days} siden (sidste gyldige dag ${date})`,
  qualificationHolder: 'Medarbejder',
  qualificationLevel: 'Niveau',
  qualificationValidUntil: 'Gyldig til og med',
  qualificationPromptHolder:
    'Forny kvalifikationen i god tid, og bed din leder registrere det nye bevis i kompetencematrixen.',
  qualificationPromptLeader: (name) => `Aftal fornyelsen med ${name}, og registrér det nye bevis i kompetencematrixen.`,
  requirementKicker: 'Kompetencekrav ikke opfyldt',
  requirementScope: 'Gælder for',
  requirementNeeds: 'Krav',
  requirementAtLevel: (people, level) => `${people} på niveau ${level} eller derover`,
  requirementQualified: 'Opfylder kravet i dag',
  requirementShort: 'Mangler',
  requirementPrompt: 'Læg en plan for oplæring eller rekruttering, eller registrér en beslutning om ekstern dækning.',
  requirementMonthly: 'Du får denne påmindelse én gang om måneden, så længe kravet ikke er opfyldt.',
  outcomeKicker: 'Registreret',
  outcomeReviewConfirmed: (name, at) => `Registreret som fortsat gyldig af ${name} ${at}`,
  outcomeNextReview: (date) => `Næste periodiske gennemgang: ${date}.`,
  outcomeRevisionStarted: 'Revision startet',
  outcomeRevisionStartedBy: (name, at) => `Startet af ${name} ${at}.`,
  outcomeRevisionNext: 'En kladde er oprettet ud fra den gældende version. Ret den, og send den til godkendelse.',
  outcomeAcknowledged: 'Læst og forstået registreret',
  outcomeAcknowledgedBy: (name, version, at) => `${name} har læst og forstået version ${version} (${at}).`,
  errorKicker: 'Handlingen blev ikke udført',
  errorAlreadyDecided: 'Anmodningen er allerede behandlet.',
  errorForbidden: 'Du har ikke adgang til at gøre dette.',
  errorStale: 'Proceduren er ændret, siden kortet blev sendt. Åbn proceduren, og prøv igen.',
  errorNotFound: 'Proceduren findes ikke længere, eller du har ikke adgang til den.',
  errorUnexpected: 'Der opstod en uventet fejl. Prøv igen senere.',
};

const nb: CardText = {
  appName: 'Kvalitetshåndbok',
  openProcedure: 'Åpne prosedyre',
  openDraft: 'Åpne utkastet',
  openHandbook: 'Åpne kvalitetshåndboken',
  version: 'Versjon',
  noVersion: 'ingen',
  kindMajor: 'større endring',
  kindMinor: 'mindre endring',
  days: (count) => (count === 1 ? '1 dag' : `${count} dager`),
  approvalRequestKicker: 'Forespørsel om godkjenning',
  approvalStatusKicker: 'Godkjenning av prosedyre',
  versionChange: (from, to, kind) => `${from} → ${to} (${kind})`,
  firstVersion: (to, kind) => `Første versjon: ${to} (${kind})`,
  submittedBy: 'Sendt inn av',
  submittedByValue: (name, at) => `${name}, ${at}`,
  approver: 'Godkjenner',
  changeSummary: 'Endringsbeskrivelse',
  metadataChanges: 'Endringer i metadata',
  metadataChange: (from, to) => `${from} → ${to}`,
  emptyValue: '(tom)',
  moreChanges: (count) => `… og ${count} ${count === 1 ? 'endring' : 'endringer'} til`,
  fieldLabels: {
    title: 'Tittel',
    level: 'Prosessnivå',
    area: 'Område',
    unit: 'Enhet',
    owner: 'Prosesseier',
    approver: 'Godkjenner',
    audience: 'Målgruppe',
    reviewIntervalMonths: 'Intervall for periodisk gjennomgang',
    standards: 'Standarder',
    legalBasis: 'Lovgrunnlag',
  },
  approve: 'Godkjenn',
  reject: 'Avvis',
  rejectCommentLabel: 'Begrunnelse for avvisning',
  rejectCommentPlaceholder: 'Skriv hva som må rettes',
  rejectCommentRequired: 'Skriv en begrunnelse før du avviser.',
  sendRejection: 'Send avvisning',
  statusPending: (approver) => `Venter på godkjenning fra ${approver}`,
  statusApproved: (name, at) => `Godkjent av ${name} ${at}`,
  statusRejected: (name, at) => `Avvist av ${name} ${at}`,
  statusWithdrawn: (name, at) => `Trukket tilbake av ${name} ${at}`,
  statusWithdrawnAnonymous: (at) => `Trukket tilbake ${at}`,
  statusSuperseded: 'Et nyere utkast er sendt inn',
  rejectionComment: 'Begrunnelse',
  approvalComment: 'Kommentar',
  reviewKicker: 'Periodisk gjennomgang',
  reviewDueIn: (days, date) => `Gjennomgangen forfaller om ${days} (${date}).`,
  reviewDueToday: (date) => `Gjennomgangen forfaller i dag (${date}).`,
  reviewOverdue: (days, date) => `Gjennomgangen er ${days} på overtid (forfalt ${date}).`,
  reviewPrompt: 'Bekreft at prosedyren fortsatt er gyldig, eller start en revisjon.',
  lastReviewed: 'Sist gjennomgått',
  neverReviewed: 'Ikke gjennomgått ennå',
  reviewInterval: 'Intervall',
  months: (count) => (count === 1 ? '1 måned' : `${count} måneder`),
  confirmReview: 'Fortsatt gyldig',
  startRevision: 'Start revisjon',
  escalationKicker: 'Periodisk gjennomgang på overtid',
  escalationText: (days) => `Den periodiske gjennomgangen av prosedyren er ${days} på overtid.`,
  owner: 'Prosesseier',
  reviewDueOn: 'Frist',
  overdueBy: 'På overtid med',
  escalationReason: 'Du får denne meldingen som leder for prosesseieren.',
  acknowledgementKicker: 'Ny versjon å lese',
  acknowledgementText: (version, date) =>
    `Versjon ${version} er godkjent og gjelder fra ${date}. Les den, og bekreft at du har lest og forstått den.`,
  validFrom: 'Gjelder fra',
  acknowledge: 'Lest og forstått',
  digestTitle: 'Dine oppgaver i kvalitetshåndboken',
  digestCount: (count) => (count === 1 ? '1 oppgave venter på deg.' : `${count} oppgaver venter på deg.`),
  digestEmpty: 'Du har ingen oppgaver akkurat nå.',
  digestMore: (count) => `… og ${count} ${count === 1 ? 'oppgave' : 'oppgaver'} til. Se alle i kvalitetshåndboken.`,
  digestKindApproval: 'Godkjenning',
  digestKindReview: 'Periodisk gjennomgang',
  digestKindEscalation: 'Gjennomgang på overtid',
  digestKindAcknowledgement: 'Lest og forstått',
  digestApprovalWaiting: (name, days) => `Venter på din godkjenning – sendt inn av ${name} for ${days} siden.`,
  digestApprovalWaitingToday: (name) => `Venter på din godkjenning – sendt inn av ${name} i dag.`,
  digestEscalation: (owner, days) => `${days} på overtid – prosesseier: ${owner}.`,
  digestAcknowledgement: (version, date) => `Versjon ${version} gjelder fra ${date}. Bekreft at du har lest den.`,
  digestKindQualification: 'Kvalifikasjon',
  digestKindRequirement: 'Kompetansekrav',
  openCompetences: 'Åpne kompetansematrisen',
  people: (count) => (count === 1 ? '1 person' : `${count} personer`),
  levelValue: (level, label) => `${level} (${label})`,
  qualificationKicker: 'Kvalifikasjon utløper',
  qualificationExpiredKicker: 'Kvalifikasjon utløpt',
  qualificationExpiresIn: (days, date) => `Utløper om ${days} (siste gyldige dag ${date})`,
  qualificationExpiresToday: (date) => `Siste gyldige dag er i dag (${date})`,
  qualificationExpired: (days, date) => `Utløpt for ${days} siden (siste gyldige dag ${date})`,
  qualificationHolder: 'Medarbeider',
  qualificationLevel: 'Nivå',
  qualificationValidUntil: 'Gyldig til og med',
  qualificationPromptHolder:
    'Forny kvalifikasjonen i god tid, og be lederen din registrere det nye beviset i kompetansematrisen.',
  qualificationPromptLeader: (name) =>
    `Avtal fornyelsen med ${name}, og registrer det nye beviset i kompetansematrisen.`,
  requirementKicker: 'Kompetansekrav ikke oppfylt',
  requirementScope: 'Gjelder for',
  requirementNeeds: 'Krav',
  requirementAtLevel: (people, level) => `${people} på nivå ${level} eller høyere`,
  requirementQualified: 'Oppfyller kravet i dag',
  requirementShort: 'Mangler',
  requirementPrompt: 'Lag en plan for opplæring eller rekruttering, eller registrer en beslutning om ekstern dekning.',
  requirementMonthly: 'Du får denne påminnelsen én gang i måneden så lenge kravet ikke er oppfylt.',
  outcomeKicker: 'Registrert',
  outcomeReviewConfirmed: (name, at) => `Registrert som fortsatt gyldig av ${name} ${at}`,
  outcomeNextReview: (date) => `Neste periodiske gjennomgang: ${date}.`,
  outcomeRevisionStarted: 'Revisjon startet',
  outcomeRevisionStartedBy: (name, at) => `Startet av ${name} ${at}.`,
  outcomeRevisionNext: 'Et utkast er opprettet fra gjeldende versjon. Rett det, og send det til godkjenning.',
  outcomeAcknowledged: 'Lest og forstått registrert',
  outcomeAcknowledgedBy: (name, version, at) => `${name} har lest og forstått versjon ${version} (${at}).`,
  errorKicker: 'Handlingen ble ikke utført',
  errorAlreadyDecided: 'Forespørselen er allerede behandlet.',
  errorForbidden: 'Du har ikke tilgang til å gjøre dette.',
  errorStale: 'Prosedyren er endret etter at kortet ble sendt. Åpne prosedyren og prøv igjen.',
  errorNotFound: 'Prosedyren finnes ikke lenger, eller du har ikke tilgang til den.',
  errorUnexpected: 'Det oppstod en uventet feil. Prøv igjen senere.',
};

const en: CardText = {
  appName: 'Quality handbook',
  openProcedure: 'Open procedure',
  openDraft: 'Open the draft',
  openHandbook: 'Open the quality handbook',
  version: 'Version',
  noVersion: 'none',
  kindMajor: 'major change',
  kindMinor: 'minor change',
  days: (count) => (count === 1 ? '1 day' : `${count} days`),
  approvalRequestKicker: 'Approval request',
  approvalStatusKicker: 'Procedure approval',
  versionChange: (from, to, kind) => `${from} → ${to} (${kind})`,
  firstVersion: (to, kind) => `First version: ${to} (${kind})`,
  submittedBy: 'Submitted by',
  submittedByValue: (name, at) => `${name}, ${at}`,
  approver: 'Approver',
  changeSummary: 'Summary of changes',
  metadataChanges: 'Metadata changes',
  metadataChange: (from, to) => `${from} → ${to}`,
  emptyValue: '(empty)',
  moreChanges: (count) => `… and ${count} more ${count === 1 ? 'change' : 'changes'}`,
  fieldLabels: {
    title: 'Title',
    level: 'Process level',
    area: 'Area',
    unit: 'Unit',
    owner: 'Procedure owner',
    approver: 'Approver',
    audience: 'Audience',
    reviewIntervalMonths: 'Periodic review interval',
    standards: 'Standards',
    legalBasis: 'Legal basis',
  },
  approve: 'Approve',
  reject: 'Reject',
  rejectCommentLabel: 'Reason for rejection',
  rejectCommentPlaceholder: 'Say what needs to change',
  rejectCommentRequired: 'Enter a reason before you reject.',
  sendRejection: 'Send rejection',
  statusPending: (approver) => `Awaiting approval from ${approver}`,
  statusApproved: (name, at) => `Approved by ${name} on ${at}`,
  statusRejected: (name, at) => `Rejected by ${name} on ${at}`,
  statusWithdrawn: (name, at) => `Withdrawn by ${name} on ${at}`,
  statusWithdrawnAnonymous: (at) => `Withdrawn on ${at}`,
  statusSuperseded: 'A newer draft has been submitted',
  rejectionComment: 'Reason',
  approvalComment: 'Comment',
  reviewKicker: 'Periodic review',
  reviewDueIn: (days, date) => `The review is due in ${days} (${date}).`,
  reviewDueToday: (date) => `The review is due today (${date}).`,
  reviewOverdue: (days, date) => `The review is ${days} overdue (due ${date}).`,
  reviewPrompt: 'Confirm that the procedure is still valid, or start a revision.',
  lastReviewed: 'Last reviewed',
  neverReviewed: 'Not reviewed yet',
  reviewInterval: 'Interval',
  months: (count) => (count === 1 ? '1 month' : `${count} months`),
  confirmReview: 'Still valid',
  startRevision: 'Start revision',
  escalationKicker: 'Overdue periodic review',
  escalationText: (days) => `The periodic review of this procedure is ${days} overdue.`,
  owner: 'Procedure owner',
  reviewDueOn: 'Due',
  overdueBy: 'Overdue by',
  escalationReason: "You receive this message as the procedure owner's leader.",
  acknowledgementKicker: 'New version to read',
  acknowledgementText: (version, date) =>
    `Version ${version} is approved and applies from ${date}. Read it and confirm that you have read and understood it.`,
  validFrom: 'Applies from',
  acknowledge: 'Read and understood',
  digestTitle: 'Your tasks in the quality handbook',
  digestCount: (count) => (count === 1 ? '1 task is waiting for you.' : `${count} tasks are waiting for you.`),
  digestEmpty: 'You have no tasks right now.',
  digestMore: (count) => `… and ${count} more ${count === 1 ? 'task' : 'tasks'}. See them all in the quality handbook.`,
  digestKindApproval: 'Approval',
  digestKindReview: 'Periodic review',
  digestKindEscalation: 'Overdue review',
  digestKindAcknowledgement: 'Read and understood',
  digestApprovalWaiting: (name, days) => `Awaiting your approval – submitted by ${name} ${days} ago.`,
  digestApprovalWaitingToday: (name) => `Awaiting your approval – submitted by ${name} today.`,
  digestEscalation: (owner, days) => `${days} overdue – procedure owner: ${owner}.`,
  digestAcknowledgement: (version, date) => `Version ${version} applies from ${date}. Confirm that you have read it.`,
  digestKindQualification: 'Qualification',
  digestKindRequirement: 'Competence requirement',
  openCompetences: 'Open the competence matrix',
  people: (count) => (count === 1 ? '1 person' : `${count} people`),
  levelValue: (level, label) => `${level} (${label})`,
  qualificationKicker: 'Qualification expiring',
  qualificationExpiredKicker: 'Qualification expired',
  qualificationExpiresIn: (days, date) => `Expires in ${days} (last valid day ${date})`,
  qualificationExpiresToday: (date) => `Today is the last valid day (${date})`,
  qualificationExpired: (days, date) => `Expired ${days} ago (last valid day ${date})`,
  qualificationHolder: 'Employee',
  qualificationLevel: 'Level',
  qualificationValidUntil: 'Valid until',
  qualificationPromptHolder:
    'Renew the qualification in good time, and ask your leader to record the new evidence in the competence matrix.',
  qualificationPromptLeader: (name) =>
    `Agree the renewal with ${name}, and record the new evidence in the competence matrix.`,
  requirementKicker: 'Competence requirement not met',
  requirementScope: 'Applies to',
  requirementNeeds: 'Requirement',
  requirementAtLevel: (people, level) => `${people} at level ${level} or above`,
  requirementQualified: 'Qualified today',
  requirementShort: 'Short by',
  requirementPrompt: 'Plan training or recruitment, or record a decision to buy the competence externally.',
  requirementMonthly: 'You get this reminder once a month for as long as the requirement is not met.',
  outcomeKicker: 'Recorded',
  outcomeReviewConfirmed: (name, at) => `Recorded as still valid by ${name} on ${at}`,
  outcomeNextReview: (date) => `Next periodic review: ${date}.`,
  outcomeRevisionStarted: 'Revision started',
  outcomeRevisionStartedBy: (name, at) => `Started by ${name} on ${at}.`,
  outcomeRevisionNext: 'A draft has been created from the current version. Edit it and submit it for approval.',
  outcomeAcknowledged: 'Read and understood recorded',
  outcomeAcknowledgedBy: (name, version, at) => `${name} has read and understood version ${version} (${at}).`,
  errorKicker: 'The action was not carried out',
  errorAlreadyDecided: 'This request has already been decided.',
  errorForbidden: 'You are not allowed to do this.',
  errorStale: 'The procedure has changed since this card was sent. Open the procedure and try again.',
  errorNotFound: 'The procedure no longer exists, or you do not have access to it.',
  errorUnexpected: 'Something went wrong. Try again later.',
};

const catalogues: Record<Locale, CardText> = { da, nb, en };

export function cardText(locale: Locale): CardText {
  return catalogues[locale];
}

/**
 * An instant as the reader's wall-clock time in the product's time zone: "22-11-2026 kl. 14.03"
 * (da), "22.11.2026 kl. 14.03" (nb), "22 Nov 2026, 14:03" (en): the product's one date formatter
 * (i18n/format-date.ts). Throws on a value that is not an instant.
 */
export function formatDateTime(iso: string, locale: Locale, timeZone: string = productTimeZone): string {
  return formatInstant(iso, locale, timeZone);
}

/**
 * A date: "22-11-2026" (da), "22.11.2026" (nb), "22 Nov 2026" (en). A calendar date
 * (YYYY-MM-DD, such as a review date) is shown as it is; an instant is first placed in the
 * product's time zone, so an approval at 00:30 Danish time on 1 March shows as 1 March.
 */
export function formatDate(value: string, locale: Locale, timeZone: string = productTimeZone): string {
  return formatAnyDate(value, locale, timeZone);
}

/**
 * Characters that make markdown anywhere in a line: emphasis, code, strike-through, links and
 * images (`[`), autolinks and HTML (`<`), entities (`&amp;`) and Adaptive Cards' `{{DATE()}}`.
 * Every `{` is escaped, so no `{{` is left for the date functions to find. Parentheses, `!` and
 * a lone `&` are harmless once `[` is escaped.
 */
const inlineSpecial = /[\\`*_~[\]<{]|&(?=#?[A-Za-z0-9]+;)/g;
/** Line starts that make a heading, quote, list item or rule. */
const blockStart = /^(?:#{1,6}(?=\s|$)|>|[-+](?=\s)|-(?=[-\s]*$))|^(\d{1,9})([.)])(?=\s|$)/;

/**
 * User text (titles, names, summaries) as a TextBlock shows it literally: Adaptive Cards render
 * a subset of markdown, so `**x** [a](b)` would become bold text and a link. Each character
 * that would start markdown gets a CommonMark backslash escape, which Teams and the
 * `adaptivecards` renderer remove; other punctuation is left alone so the JSON stays readable.
 * Control characters are dropped, leading indentation (a code block in markdown) is removed,
 * and each line becomes its own paragraph, because a single line break in a TextBlock is
 * rendered as a space.
 */
export function escapeCardText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/^[ \t]+/, '').trimEnd())
    .filter((line) => line.length > 0)
    .map((line) =>
      line
        .replace(inlineSpecial, '\\$&')
        .replace(blockStart, (mark: string, digits?: string, dot?: string) =>
          digits ? `${digits}\\${dot}` : `\\${mark}`,
        ),
    )
    .join('\n\n');
}

/** At most `max` characters (whole code points), ending in "…" when something was cut. */
export function truncateText(text: string, max: number): string {
  const characters = Array.from(text);
  if (characters.length <= max) return text;
  return `${characters
    .slice(0, max - 1)
    .join('')
    .trimEnd()}…`;
}
