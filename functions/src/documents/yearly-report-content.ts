import type { GoalColour, GoalTarget, PolicyText } from '../core/goal-types.js';
import type { LocalDate } from '../core/local-date.js';
import { intlTags, type Locale } from '../core/locale.js';
import { registerKinds, type RegisterKind } from '../core/register-types.js';
import type { YearlyReport, YearlyReportData } from '../core/yearly-report.js';
import { formatDate } from '../i18n/format-date.js';
import type { publication as publicationSource } from '../i18n/resources/da/publication.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { Translate } from '../i18n/texts.js';

/**
 * The yearly public report as neutral blocks, in one language, built from its facts
 * (core/yearly-report.ts); the web page (public/public-pages.ts) and the tagged PDF
 * (yearly-report-pdf.ts) only lay the blocks out, so both say the same in the same order.
 *
 * The sections are a list (`yearlyReportSections`): one more section is one more entry (and its
 * field in `YearlyReportData`); a builder returns null for a report published without its field.
 */

export type PublicationTexts = Translate<typeof publicationSource>;

export function publicationTexts(locale: Locale): PublicationTexts {
  return serverTexts(locale, 'publication');
}

export type ChartBar = {
  label: string;
  /** Where the value's bar ends, 0–1 of the chart's width. */
  valueAt: number;
  /** Where the target's mark stands, 0–1. */
  targetAt: number;
  colour: GoalColour;
  /** "92 %", "mindst 95 %" and "Ikke nået", for the bar's label. */
  valueText: string;
  targetText: string;
  statusText: string;
};

export type PublicBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'list'; items: string[] }
  | {
      kind: 'table';
      caption: string;
      /** Shown above the table; otherwise the caption is for screen readers (the heading says it). */
      isCaptionVisible: boolean;
      columns: { header: string; weight: number; align?: 'left' | 'right' }[];
      rows: string[][];
      emptyText: string;
    }
  | { kind: 'chart'; caption: string; alt: string; bars: ChartBar[] };

export type PublicSection = { id: string; heading: string; blocks: PublicBlock[] };

export type YearlyReportView = {
  locale: Locale;
  title: string;
  subtitle: string;
  organisation: string;
  facts: [label: string, value: string][];
  /** Set on a preview: the report is not published. */
  notice: string | null;
  sections: PublicSection[];
  pageLabel: (page: number, total: number) => string;
  /** Every printed page's footer: the authority, the title, when published and, on a later print, when printed. */
  footer: string;
};

export type SectionContext = {
  data: YearlyReportData;
  locale: Locale;
  t: PublicationTexts;
  date: (value: string | null) => string;
  number: (value: number, digits?: number) => string;
  percent: (share: number | null) => string;
};

/** Null: the section is not part of this report (a report published before the section existed). */
export type SectionBuilder = (context: SectionContext) => PublicSection | null;

function policyText(text: PolicyText, locale: Locale): string {
  return text[locale] ?? text.da ?? text.nb ?? text.en ?? '';
}

export function targetText(context: SectionContext, target: GoalTarget): string {
  const value = context.t(`units.${target.unit}`, { value: context.number(target.value, 1) });
  return context.t(`targets.${target.direction}`, { value });
}

function valueText(context: SectionContext, target: GoalTarget, value: number | null): string {
  return value === null ? context.t('none') : context.t(`units.${target.unit}`, { value: context.number(value, 1) });
}

const structureSection: SectionBuilder = (context) => {
  const { t, data } = context;
  const blocks: PublicBlock[] = [
    {
      kind: 'paragraph',
      text: data.structureAsOf
        ? t('intro.structureAsOf', { date: context.date(data.structureAsOf) })
        : t('intro.structure'),
    },
  ];
  if (data.structure.length === 0) blocks.push({ kind: 'paragraph', text: t('empty.structure') });
  for (const level of data.structure) {
    blocks.push({ kind: 'subheading', text: t(`levels.${level.level}`) });
    for (const area of level.areas)
      blocks.push({
        kind: 'table',
        caption: t('proceduresOfArea', { area: area.area }),
        isCaptionVisible: true,
        columns: [
          { header: t('columns.code'), weight: 0.8 },
          { header: t('columns.procedure'), weight: 3 },
          { header: t('columns.version'), weight: 1.05, align: 'right' },
          { header: t('columns.approvedOn'), weight: 1.2 },
          { header: t('columns.nextReview'), weight: 1.2 },
          { header: t('columns.covers'), weight: 2.4 },
        ],
        rows: area.procedures.map((procedure) => [
          procedure.code,
          procedure.title,
          procedure.version,
          context.date(procedure.approvedOn),
          context.date(procedure.nextReviewOn),
          [...procedure.legalBasis, ...procedure.standards].join('; ') || t('none'),
        ]),
        emptyText: t('empty.structure'),
      });
  }
  return { id: 'structure', heading: t('sections.structure'), blocks };
};

const policySection: SectionBuilder = (context) => {
  const { t, data } = context;
  const policy = data.policy;
  if (!policy)
    return { id: 'policy', heading: t('sections.policy'), blocks: [{ kind: 'paragraph', text: t('empty.policy') }] };
  const paragraphs = policyText(policy.text, context.locale)
    .split(/\n\s*\n/)
    .map((text) => text.trim())
    .filter((text) => text !== '');
  return {
    id: 'policy',
    heading: t('sections.policy'),
    blocks: [
      ...paragraphs.map((text): PublicBlock => ({ kind: 'paragraph', text })),
      ...(policy.adoptedOn && policy.adoptedBy !== ''
        ? [
            {
              kind: 'paragraph',
              text: t('policy.adopted', { by: policy.adoptedBy, on: context.date(policy.adoptedOn) }),
            } as const,
          ]
        : []),
    ],
  };
};

/** A bar's scale: the larger of value and target, with room beside it (a percent goal: 0–100 %). */
function chartBar(context: SectionContext, goal: YearlyReportData['goals'][number]): ChartBar {
  const value = goal.value ?? 0;
  const max = goal.target.unit === 'percent' ? 100 : Math.max(value, goal.target.value, 1) * 1.2;
  const clamp = (share: number) => Math.min(1, Math.max(0, share));
  return {
    label: goal.title,
    valueAt: clamp(value / max),
    targetAt: clamp(goal.target.value / max),
    colour: goal.colour,
    valueText: valueText(context, goal.target, goal.value),
    targetText: targetText(context, goal.target),
    statusText: context.t(`colours.${goal.colour}`),
  };
}

const goalsSection: SectionBuilder = (context) => {
  const { t, data } = context;
  if (data.goals.length === 0)
    return { id: 'goals', heading: t('sections.goals'), blocks: [{ kind: 'paragraph', text: t('empty.goals') }] };
  const bars = data.goals.map((goal) => chartBar(context, goal));
  const summary = bars
    .map((bar) =>
      t('chartItem', { goal: bar.label, value: bar.valueText, target: bar.targetText, status: bar.statusText }),
    )
    .join(' ');
  return {
    id: 'goals',
    heading: t('sections.goals'),
    blocks: [
      {
        kind: 'chart',
        caption: t('chartCaption', { year: data.year }),
        alt: t('chartAlt', { count: bars.length, year: data.year, summary }),
        bars,
      },
      {
        kind: 'table',
        isCaptionVisible: false,
        caption: t('chartCaption', { year: data.year }),
        columns: [
          { header: t('columns.goal'), weight: 3 },
          { header: t('columns.target'), weight: 1.4 },
          { header: t('columns.value'), weight: 1.1, align: 'right' },
          { header: t('columns.status'), weight: 1.1 },
        ],
        rows: data.goals.map((goal) => [
          goal.title,
          targetText(context, goal.target),
          valueText(context, goal.target, goal.value),
          t(`colours.${goal.colour}`),
        ]),
        emptyText: t('empty.goals'),
      },
    ],
  };
};

const surveysSection: SectionBuilder = (context) => {
  const { t, data, locale } = context;
  return {
    id: 'surveys',
    heading: t('sections.surveys'),
    blocks: [
      {
        kind: 'table',
        isCaptionVisible: false,
        caption: t('sections.surveys'),
        columns: [
          { header: t('columns.survey'), weight: 2.6 },
          { header: t('columns.round'), weight: 1.5 },
          { header: t('columns.respondents'), weight: 1.3, align: 'right' },
          { header: t('columns.satisfied'), weight: 1.1, align: 'right' },
          { header: t('columns.responseRate'), weight: 1.4, align: 'right' },
        ],
        rows: data.surveys.map((survey) => [
          `${survey.title[locale]}\n${survey.headlineQuestion[locale]}`,
          `${survey.roundLabel}\n${context.date(survey.from)} – ${context.date(survey.to)}`,
          context.number(survey.respondents),
          survey.shareSatisfied === null ? t('suppressed') : context.percent(survey.shareSatisfied),
          context.percent(survey.responseRate),
        ]),
        emptyText: t('empty.surveys'),
      },
    ],
  };
};

/** The feedback register's figures: counts, reply-time compliance, root causes, what was done. */
const registerSection: SectionBuilder = (context) => {
  const { t, data, locale } = context;
  const register = data.register;
  if (!register) return null;
  const { replyCompliance: reply } = register;
  const judged = reply.answeredInTime + reply.answeredLate + reply.overdueUnanswered;
  const deadlineOf = (kind: RegisterKind) => {
    const rule = register.replyDeadlines[kind];
    return t(`register.deadlines.${rule.unit}`, { count: rule.count });
  };
  const deadlines = new Set(registerKinds.map(deadlineOf));
  const deadlineText =
    deadlines.size === 1
      ? [...deadlines][0]!
      : registerKinds
          .map((kind) => t('register.deadlineEach', { kind: t(`register.kinds.${kind}`), deadline: deadlineOf(kind) }))
          .join('\n');
  return {
    id: 'register',
    heading: t('sections.register'),
    blocks: [
      { kind: 'paragraph', text: t('register.intro') },
      {
        kind: 'table',
        isCaptionVisible: true,
        caption: t('register.byKindCaption', { year: data.year }),
        columns: [
          { header: t('register.kind'), weight: 3 },
          { header: t('register.count'), weight: 1, align: 'right' },
        ],
        rows: [
          ...registerKinds.map((kind) => [t(`register.kinds.${kind}`), context.number(register.byKind[kind])]),
          [t('register.total'), context.number(register.total)],
        ],
        emptyText: t('none'),
      },
      { kind: 'subheading', text: t('register.replyHeading') },
      {
        kind: 'facts',
        rows: [
          [t('register.replyShare'), context.percent(reply.share)],
          // The quality goal on it, when one is set ("alle henvendelser besvares inden for fristen").
          ...data.goals
            .filter((goal) => goal.isReplyTimeGoal === true)
            .map((goal): [string, string] => [
              t('register.replyGoal', { title: goal.title }),
              t('register.replyGoalValue', {
                target: targetText(context, goal.target),
                status: t(`colours.${goal.colour}`),
              }),
            ]),
          [t('register.deadline'), deadlineText],
        ],
      },
      {
        kind: 'paragraph',
        text:
          judged === 0
            ? t('register.replyNone')
            : t('register.replyText', {
                inTime: context.number(reply.answeredInTime),
                judged: context.number(judged),
                late: context.number(reply.answeredLate),
                overdue: context.number(reply.overdueUnanswered),
              }),
      },
      { kind: 'subheading', text: t('register.causesHeading') },
      {
        kind: 'table',
        isCaptionVisible: false,
        caption: t('register.causesHeading'),
        columns: [
          { header: t('register.cause'), weight: 3 },
          { header: t('register.count'), weight: 1, align: 'right' },
        ],
        rows: register.rootCauses.map((cause) => [cause.label[locale], context.number(cause.count)]),
        emptyText: t('register.causesNone'),
      },
      { kind: 'subheading', text: t('register.doneHeading') },
      {
        kind: 'facts',
        rows: [
          [t('register.closedItems'), context.number(register.closedItems)],
          [t('register.actionsStarted'), context.number(register.actionsStarted)],
          [t('register.actionsClosed'), context.number(register.actionsClosed)],
        ],
      },
    ],
  };
};

const auditsSection: SectionBuilder = (context) => {
  const { t, data } = context;
  const certificate = data.certificate;
  return {
    id: 'audits',
    heading: t('sections.audits'),
    blocks: [
      {
        kind: 'table',
        isCaptionVisible: false,
        caption: t('sections.audits'),
        columns: [
          { header: t('columns.audit'), weight: 2.2 },
          { header: t('columns.date'), weight: 1.1 },
          { header: t('columns.conclusion'), weight: 3 },
          { header: t('columns.findings'), weight: 2.4 },
        ],
        rows: data.audits.map((audit) => [
          `${audit.title}\n${t(`auditKinds.${audit.kind}`)}`,
          context.date(audit.on),
          audit.isReported ? audit.conclusion || t('none') : t('notReported'),
          t('findingsSummary', {
            nonconformities: audit.findingCounts.major + audit.findingCounts.minor,
            observations: audit.findingCounts.observation,
            improvements: audit.findingCounts.improvement,
          }),
        ]),
        emptyText: t('empty.audits'),
      },
      { kind: 'subheading', text: t('certificate') },
      certificate
        ? {
            kind: 'facts',
            rows: [
              [t('certificate.body'), certificate.body],
              [t('certificate.standard'), certificate.standard],
              [t('certificate.number'), certificate.certificateNumber],
              [
                t('certificate.validity'),
                t('validity', { from: context.date(certificate.issuedOn), to: context.date(certificate.expiresOn) }),
              ],
              [t('certificate.scope'), certificate.scope],
            ],
          }
        : { kind: 'paragraph', text: t('empty.certificate') },
    ],
  };
};

const evaluationSection: SectionBuilder = (context) => {
  const { t, data } = context;
  const evaluation = data.evaluation;
  if (!evaluation)
    return {
      id: 'evaluation',
      heading: t('sections.evaluation'),
      blocks: [{ kind: 'paragraph', text: t('empty.evaluation') }],
    };
  return {
    id: 'evaluation',
    heading: t('sections.evaluation'),
    blocks: [
      { kind: 'facts', rows: [[t('evaluation.heldOn'), context.date(evaluation.heldOn)]] },
      { kind: 'subheading', text: t('evaluation.conclusions') },
      ...evaluation.conclusions
        .split(/\n\s*\n/)
        .map((text) => text.trim())
        .filter((text) => text !== '')
        .map((text): PublicBlock => ({ kind: 'paragraph', text })),
      { kind: 'subheading', text: t('evaluation.decisions') },
      {
        kind: 'table',
        isCaptionVisible: false,
        caption: t('evaluation.decisions'),
        columns: [
          { header: t('columns.decision'), weight: 4 },
          { header: t('columns.due'), weight: 1.2 },
        ],
        rows: evaluation.decisions.map((decision) => [decision.text, context.date(decision.dueOn)]),
        emptyText: t('empty.decisions'),
      },
    ],
  };
};

const politicalSection: SectionBuilder = (context) => {
  const { t, data } = context;
  const evaluation = data.evaluation;
  return {
    id: 'political',
    heading: t('sections.political'),
    blocks:
      evaluation?.committee && evaluation.committeeOn
        ? [
            {
              kind: 'facts',
              rows: [
                [t('political.committee'), evaluation.committee],
                [t('political.on'), context.date(evaluation.committeeOn)],
              ],
            },
          ]
        : [{ kind: 'paragraph', text: t('empty.political') }],
  };
};

/**
 * The report's sections in order (the headings Danish municipalities use: the system's build,
 * policy, goals, surveys, audits with the certificate, the management evaluation, its political
 * treatment). The feedback register's figures come after the surveys (Morsø's "indberettede
 * afvigelser/forbedringsforslag" beside the audits; Greve's "korrigerende handlinger").
 */
export const yearlyReportSections: readonly SectionBuilder[] = [
  structureSection,
  policySection,
  goalsSection,
  surveysSection,
  registerSection,
  auditsSection,
  evaluationSection,
  politicalSection,
];

export function sectionContext(data: YearlyReportData, locale: Locale): SectionContext {
  const t = publicationTexts(locale);
  const numbers = new Map<number, Intl.NumberFormat>();
  const percent = new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 });
  return {
    data,
    locale,
    t,
    date: (value) => (value === null ? t('none') : formatDate(value, locale)),
    number: (value, digits = 0) => {
      let format = numbers.get(digits);
      if (!format) {
        format = new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: digits });
        numbers.set(digits, format);
      }
      return format.format(value);
    },
    percent: (share) => (share === null ? t('none') : percent.format(share).replace(/\u202F/g, '\u00A0')),
  };
}

/** The report in one language: a published one (its frozen content) or a preview of live data. */
export function yearlyReportView(
  source: { kind: 'published'; report: YearlyReport } | { kind: 'preview'; data: YearlyReportData },
  locale: Locale,
  printedOn: LocalDate | null = null,
): YearlyReportView {
  const data = source.kind === 'published' ? source.report.content : source.data;
  const context = sectionContext(data, locale);
  const { t } = context;
  const facts: [string, string][] = [
    [t('facts.organisation'), data.organisationName],
    [t('facts.year'), String(data.year)],
    [t('facts.asOf'), context.date(data.asOf)],
  ];
  if (source.kind === 'published') {
    facts.push([t('facts.publishedOn'), context.date(source.report.publishedOn)]);
    if (source.report.revision > 1) {
      facts.push([t('facts.revision'), String(source.report.revision)]);
      facts.push([t('facts.correction'), source.report.correctionReason ?? t('none')]);
    }
  }
  const title = t('reportTitle', { year: data.year });
  const publishedOn = source.kind === 'published' ? source.report.publishedOn : null;
  const footer = [
    data.organisationName,
    title,
    ...(publishedOn ? [t('footer.published', { date: context.date(publishedOn) })] : []),
    ...(printedOn && printedOn !== publishedOn ? [t('footer.printed', { date: context.date(printedOn) })] : []),
  ].join(' · ');
  return {
    locale,
    title,
    subtitle: t('reportSubtitle'),
    organisation: data.organisationName,
    facts,
    notice: source.kind === 'preview' ? t('draftNotice') : null,
    sections: yearlyReportSections
      .map((build) => build(context))
      .filter((section): section is PublicSection => section !== null),
    pageLabel: (page, total) => t('pageLabel', { page, total }),
    footer,
  };
}
