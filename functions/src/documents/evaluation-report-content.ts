import { intlTags, type Locale } from '../core/locale.js';
import type { EvaluationPack } from '../app/assemble-evaluation-pack.js';
import type { LocalDate } from '../core/local-date.js';
import type { FindingGrade } from '../core/quality-year-types.js';
import type { GoalColour } from '../core/goal-types.js';
import { findingGrades } from '../core/quality-year-types.js';
import type { reports as reportSource } from '../i18n/resources/da/reports.js';
import { serverTexts } from '../i18n/server-texts.js';
import type { Translate } from '../i18n/texts.js';

/**
 * The management-evaluation report as neutral blocks (headings, facts, tables, paragraphs), built
 * once from the pack; the .docx and the PDF writers only lay the blocks out. Texts come from the
 * server's `reports` namespace (i18n/resources/<locale>/reports.ts): no text falls back to Danish.
 */

export type ReportColumn = {
  header: string;
  /** Share of the table width, relative to the other columns. */
  weight: number;
  align?: 'left' | 'right';
};

export type ReportBlock =
  | { kind: 'paragraph'; text: string; tone?: 'muted' }
  | { kind: 'subheading'; text: string }
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'table'; columns: ReportColumn[]; rows: string[][]; emptyText: string };

export type ReportSection = { heading: string; blocks: ReportBlock[] };

export type ReportContent = {
  locale: Locale;
  /** "Ledelsens evaluering 2026". */
  title: string;
  organisation: string;
  subtitle: string;
  /** The title page's facts: held on, participants, period … */
  cover: [label: string, value: string][];
  sections: ReportSection[];
  /** "Side {page} af {total}". */
  pageLabel: (page: number, total: number) => string;
  /** Shown in every page's footer beside the page number. */
  footer: string;
};

/** The report's texts in one language (`i18n/resources/<locale>/reports.ts`, Danish the source). */
export type ReportTexts = Translate<typeof reportSource>;

export function reportTexts(locale: Locale): ReportTexts {
  return serverTexts(locale, 'reports');
}

/** Long dates ("10. november 2026") in prose and facts, short ones ("10.11.2026") in table cells. */
function dateFormatter(locale: Locale, style: 'long' | 'short'): (date: LocalDate | null) => string {
  const format = new Intl.DateTimeFormat(intlTags[locale], {
    day: style === 'long' ? 'numeric' : '2-digit',
    month: style === 'long' ? 'long' : '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return (date) => (date === null ? reportTexts(locale)('none') : format.format(new Date(`${date}T00:00:00Z`)));
}

function percentFormatter(locale: Locale): (share: number | null) => string {
  const format = new Intl.NumberFormat(intlTags[locale], { style: 'percent', maximumFractionDigits: 0 });
  // Some locales use a narrow no-break space, which the PDF's standard fonts lack.
  return (share) => (share === null ? reportTexts(locale)('none') : format.format(share).replace(/\u202F/g, '\u00A0'));
}

/**
 * The footer's dates. A published evaluation says when it was published, a frozen one when it was
 * frozen (never the frozen reference date as if it were the print date), and a print made on
 * another day says that day separately. A live pack is printed on the day its figures are taken.
 */
export function reportFooterDates(
  pack: Pick<EvaluationPack, 'asOf' | 'frozen'> & { evaluation: { publishedOn: LocalDate | null } | null },
  printedOn: LocalDate | null,
  t: ReportTexts,
  date: (value: LocalDate) => string,
): string[] {
  const stamp: [key: 'footer.published' | 'footer.frozen', on: LocalDate] | null = pack.evaluation?.publishedOn
    ? ['footer.published', pack.evaluation.publishedOn]
    : pack.frozen
      ? ['footer.frozen', pack.frozen.asOf]
      : null;
  const printed = printedOn ?? (stamp === null ? pack.asOf : null);
  return [
    ...(stamp ? [t(stamp[0], { date: date(stamp[1]) })] : []),
    ...(printed !== null && printed !== stamp?.[1] ? [t('footer.printed', { date: date(printed) })] : []),
  ];
}

/**
 * Builds the report's content from the pack. Pure: same pack, locale and print day, same content.
 * `printedOn`: the day the document is made (the footer says it beside a publication or freezing
 * date); null when unknown.
 */
export function evaluationReportContent(
  pack: EvaluationPack,
  locale: Locale,
  printedOn: LocalDate | null = null,
): ReportContent {
  const t = reportTexts(locale);
  const date = dateFormatter(locale, 'long');
  const day = dateFormatter(locale, 'short');
  const percent = percentFormatter(locale);
  const orNone = (value: string | null | undefined) =>
    value === null || value === undefined || value === '' ? t('none') : value;
  const evaluation = pack.evaluation;

  const participants = evaluation?.participants.map((person) => person.name).join(', ') ?? '';
  const cover: [string, string][] = [
    [t('cover.status'), evaluation ? t(`evaluationStatuses.${evaluation.status}`) : t('notHeld')],
    evaluation?.heldOn
      ? [t('cover.heldOn'), date(evaluation.heldOn)]
      : [t('cover.plannedOn'), evaluation ? date(evaluation.plannedOn) : t('none')],
    [t('cover.participants'), orNone(participants)],
    [t('cover.guests'), orNone(evaluation?.guests.join(', '))],
    [t('cover.period'), `${date(pack.period.from)} – ${date(pack.period.to)}`],
    [t('cover.asOf'), date(pack.asOf)],
    ...(pack.frozen ? [[t('cover.frozen'), t('frozenOn', { date: date(pack.frozen.asOf) })] as [string, string]] : []),
  ];

  const earlier: ReportSection = {
    heading: t('sections.earlier'),
    blocks: [
      { kind: 'paragraph', text: t('intro.earlier'), tone: 'muted' },
      {
        kind: 'table',
        columns: [
          { header: t('columns.year'), weight: 0.6 },
          { header: t('columns.decision'), weight: 3 },
          { header: t('columns.owner'), weight: 1.4 },
          { header: t('columns.due'), weight: 1.2 },
          { header: t('columns.status'), weight: 1.1 },
        ],
        rows: pack.earlierDecisions.map((entry) => [
          String(entry.evaluationYear),
          entry.actionTitle && entry.actionTitle !== entry.text
            ? `${entry.text}\n${t('columns.action')}: ${entry.actionTitle}`
            : entry.text,
          orNone(entry.owner?.name),
          day(entry.dueOn),
          t(`outcomes.${entry.outcome}`),
        ]),
        emptyText: t('empty.earlier'),
      },
    ],
  };

  const audits: ReportSection = {
    heading: t('sections.audits'),
    blocks: [
      { kind: 'subheading', text: t('sub.auditsOfYear', { year: pack.year }) },
      {
        kind: 'table',
        columns: [
          { header: t('columns.audit'), weight: 3 },
          { header: t('columns.date'), weight: 1.05 },
          { header: t('columns.status'), weight: 1.25 },
          ...findingGrades.map((grade) => ({
            header: shortGrade(locale, grade),
            weight: 0.8,
            align: 'right' as const,
          })),
        ],
        rows: pack.audits.items.map((item) => [
          `${item.title}\n${[t(`auditKinds.${item.kind}`), item.unit?.name].filter(Boolean).join(' · ')}`,
          day(item.reportedOn ?? item.plannedOn),
          t(`auditStatuses.${item.status}`),
          ...findingGrades.map((grade) => String(item.findingCounts[grade])),
        ]),
        emptyText: t('empty.audits'),
      },
      {
        kind: 'paragraph',
        text: `${t('sub.findingTotals')}: ${findingGrades.map((grade) => `${t(`grades.${grade}`)} ${pack.audits.findingTotals[grade]}`).join(' · ')}.`,
      },
      { kind: 'subheading', text: t('sub.openFindings') },
      {
        kind: 'table',
        columns: [
          { header: t('columns.grade'), weight: 1.75 },
          { header: t('columns.clause'), weight: 0.6 },
          { header: t('columns.description'), weight: 2.8 },
          { header: t('columns.procedure'), weight: 1.5 },
          { header: t('columns.unit'), weight: 1.2 },
          { header: t('columns.action'), weight: 1.2 },
        ],
        rows: pack.audits.openFindings.map((item) => [
          t(`grades.${item.grade}`),
          orNone(item.clause),
          `${item.description}\n${item.auditTitle} (${item.auditYear}), ${day(item.foundOn)}`,
          item.procedure ? `${item.procedure.code} ${item.procedure.title}`.trim() : t('none'),
          orNone(item.unit?.name),
          item.action ? `${item.action.title}\n${t(`outcomes.${item.action.status}`)}` : t('outcomes.no-action'),
        ]),
        emptyText: t('empty.openFindings'),
      },
    ],
  };

  const actionColumns = [
    { header: t('columns.title'), weight: 2.6 },
    { header: t('columns.source'), weight: 1.3 },
    { header: t('columns.owner'), weight: 1.4 },
    { header: t('columns.due'), weight: 1.2 },
    { header: t('columns.status'), weight: 1 },
  ];
  const actions: ReportSection = {
    heading: t('sections.actions'),
    blocks: [
      { kind: 'subheading', text: t('sub.countsByStatus') },
      {
        kind: 'facts',
        rows: [
          ...(['open', 'planned', 'implemented', 'closed'] as const).map((status): [string, string] => [
            t(`outcomes.${status}`),
            String(pack.actions.counts[status]),
          ]),
          [t('outcomes.overdue'), String(pack.actions.overdue.length)],
        ],
      },
      { kind: 'subheading', text: t('sub.overdue') },
      {
        kind: 'table',
        columns: actionColumns,
        rows: pack.actions.overdue.map((row) => [
          row.unit ? `${row.title}\n${row.unit.name}` : row.title,
          t(`sourceKinds.${row.sourceKind}`),
          orNone(row.owner?.name),
          day(row.dueOn),
          t(`outcomes.${row.status}`),
        ]),
        emptyText: t('empty.overdue'),
      },
      { kind: 'subheading', text: t('sub.closed') },
      {
        kind: 'table',
        columns: [
          { header: t('columns.title'), weight: 2.2 },
          { header: t('columns.owner'), weight: 1.3 },
          { header: t('columns.closedOn'), weight: 1.2 },
          { header: t('columns.check'), weight: 3 },
        ],
        rows: pack.actions.closedInPeriod.map((row) => {
          const check = row.effectivenessCheck;
          const verdict = check
            ? `${check.isEffective ? t('effective') : t('notEffective')}, ${day(check.checkedOn)}, ${check.checkedByName}${check.note ? `\n${check.note}` : ''}`
            : t('noCheck');
          return [row.title, orNone(row.owner?.name), day(row.closedOn), verdict];
        }),
        emptyText: t('empty.closed'),
      },
    ],
  };

  const compliance = pack.reviewCompliance;
  const reviews: ReportSection = {
    heading: t('sections.reviews'),
    blocks: [
      {
        kind: 'paragraph',
        text:
          compliance.share === null
            ? t('intro.reviewsNone')
            : t('intro.reviews', {
                share: percent(compliance.share),
                from: date(pack.period.from),
                to: date(pack.period.to),
              }),
      },
      {
        kind: 'facts',
        rows: [
          [t('reviewFacts.due'), String(compliance.dueCount)],
          [t('reviewFacts.onTime'), String(compliance.onTimeCount)],
          [t('reviewFacts.late'), String(compliance.lateCount)],
          [t('reviewFacts.missed'), String(compliance.missedCount)],
          [t('reviewFacts.share'), percent(compliance.share)],
        ],
      },
      { kind: 'subheading', text: t('sub.reviewExceptions') },
      {
        kind: 'table',
        columns: [
          { header: t('columns.procedure'), weight: 3 },
          { header: t('columns.due'), weight: 1.3 },
          { header: t('columns.reviewedOn'), weight: 1.3 },
          { header: t('columns.result'), weight: 1.3 },
        ],
        rows: compliance.exceptions.map((item) => [
          `${item.procedure.code} ${item.procedure.title}`.trim(),
          day(item.dueOn),
          day(item.reviewedOn),
          t(`reviewResults.${item.result}`),
        ]),
        emptyText: t('empty.exceptions'),
      },
    ],
  };

  const acknowledgementRows = pack.acknowledgements.versions.map((entry) => [
    `${entry.procedure.code} ${entry.procedure.title}`.trim(),
    entry.versionLabel,
    day(entry.publishedOn),
    String(entry.requested),
    String(entry.acknowledged),
    percent(entry.rate),
  ]);
  const overall = pack.acknowledgements.overall;
  const acknowledgements: ReportSection = {
    heading: t('sections.acknowledgements'),
    blocks: [
      {
        kind: 'table',
        columns: [
          { header: t('columns.procedure'), weight: 3 },
          { header: t('columns.version'), weight: 0.8, align: 'right' },
          { header: t('columns.published'), weight: 1.4 },
          { header: t('columns.requested'), weight: 0.9, align: 'right' },
          { header: t('columns.acknowledged'), weight: 0.9, align: 'right' },
          { header: t('columns.rate'), weight: 0.8, align: 'right' },
        ],
        rows:
          acknowledgementRows.length === 0
            ? []
            : [
                ...acknowledgementRows,
                [
                  t('ackOverall'),
                  '',
                  '',
                  String(overall.requested),
                  String(overall.acknowledged),
                  percent(overall.rate),
                ],
              ],
        emptyText: t('empty.acknowledgements'),
      },
    ],
  };

  const gaps = pack.competenceGaps;
  const competences: ReportSection = {
    heading: t('sections.competences'),
    blocks: [
      { kind: 'subheading', text: t('sub.gaps') },
      {
        kind: 'table',
        columns: [
          { header: t('columns.competence'), weight: 2 },
          { header: t('columns.scope'), weight: 2 },
          { header: t('columns.need'), weight: 1.3 },
          { header: t('columns.qualified'), weight: 1, align: 'right' },
          { header: t('columns.status'), weight: 1.2 },
        ],
        rows: gaps.gaps.map((row) => [
          row.competenceName,
          row.scopeLabel,
          `${row.minPeople} × ${t('minLevel', { level: row.minLevel })}`,
          String(row.qualifiedCount),
          t(`coverage.${row.coverage}`),
        ]),
        emptyText: t('empty.gaps'),
      },
      { kind: 'subheading', text: t('sub.single') },
      {
        kind: 'table',
        columns: [
          { header: t('columns.competence'), weight: 2 },
          { header: t('columns.scope'), weight: 2 },
          { header: t('columns.person'), weight: 2 },
        ],
        rows: gaps.singlePersonDependencies.map((row) => [row.competenceName, row.scopeLabel, row.person.name]),
        emptyText: t('empty.single'),
      },
      { kind: 'subheading', text: t('sub.expiring') },
      {
        kind: 'table',
        columns: [
          { header: t('columns.person'), weight: 2 },
          { header: t('columns.competence'), weight: 2 },
          { header: t('columns.validUntil'), weight: 2 },
        ],
        rows: gaps.expiring.map((row) => [
          row.person.name,
          row.competenceName,
          row.isExpired ? `${day(row.validUntil)} (${t('expired').toLowerCase()})` : day(row.validUntil),
        ]),
        emptyText: t('empty.expiring'),
      },
    ],
  };

  const figure = new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 1 });
  const goalValue = (value: number | null, unit: 'percent' | 'days' | 'count') =>
    value === null ? t('none') : `${figure.format(value)}${unit === 'percent' ? ' %' : ''}`;
  const goalSection = pack.qualityGoals;
  const goalColourKey = {
    green: 'goals.colour.green',
    yellow: 'goals.colour.yellow',
    red: 'goals.colour.red',
    none: 'goals.colour.none',
  } as const satisfies Record<GoalColour, string>;
  const goals: ReportSection = {
    heading: t('sections.goals'),
    blocks:
      goalSection.status === 'not-available'
        ? [{ kind: 'paragraph', text: t('notAvailable.goals'), tone: 'muted' }]
        : [
            { kind: 'paragraph', text: t('goals.intro') },
            {
              kind: 'table',
              columns: [
                { header: t('goals.columns.goal'), weight: 2.6 },
                { header: t('columns.owner'), weight: 1.2 },
                { header: t('goals.columns.target'), weight: 1.1 },
                { header: t('goals.columns.value'), weight: 1.3 },
                { header: t('goals.columns.status'), weight: 1.2 },
                { header: t('goals.columns.decided'), weight: 1 },
                { header: t('goals.columns.backlog'), weight: 1.3 },
              ],
              rows: goalSection.goals.map((goal) => [
                goal.title,
                orNone(goal.owner?.name),
                t(`goals.target.${goal.target.direction}.${goal.target.unit}`, {
                  value: goalValue(goal.target.value, goal.target.unit),
                }),
                goal.value === null && goal.measurement === 'survey'
                  ? t('goals.survey')
                  : goalValue(goal.value, goal.target.unit),
                t(goalColourKey[goal.colour]),
                goal.figures ? String(goal.figures.decided) : t('none'),
                goal.figures ? String(goal.figures.backlog) : t('none'),
              ]),
              emptyText: t('notAvailable.goals'),
            },
          ],
  };
  const surveys: ReportSection = { heading: t('sections.surveys'), blocks: surveyBlocks(pack, locale) };

  const conclusions: ReportSection = {
    heading: t('sections.conclusions'),
    blocks: !evaluation
      ? [{ kind: 'paragraph', text: t('noEvaluation'), tone: 'muted' }]
      : evaluation.conclusions.trim() === ''
        ? [{ kind: 'paragraph', text: t('noConclusions'), tone: 'muted' }]
        : evaluation.conclusions
            .split(/\n\s*\n/)
            .map((text): ReportBlock => ({ kind: 'paragraph', text: text.trim() }))
            .filter((block) => block.kind === 'paragraph' && block.text !== ''),
  };

  const decisions: ReportSection = {
    heading: t('sections.decisions'),
    blocks: !evaluation
      ? [{ kind: 'paragraph', text: t('noEvaluation'), tone: 'muted' }]
      : [
          {
            kind: 'table',
            columns: [
              { header: t('columns.decision'), weight: 3 },
              { header: t('columns.owner'), weight: 1.4 },
              { header: t('columns.due'), weight: 1.2 },
              { header: t('columns.action'), weight: 1.6 },
            ],
            rows: evaluation.decisions.map((decision) => [
              decision.text,
              orNone(decision.owner?.name),
              day(decision.dueOn),
              decision.action
                ? `${decision.action.title}\n${t(`outcomes.${decision.action.outcome}`)}`
                : t('outcomes.no-action'),
            ]),
            emptyText: t('empty.decisions'),
          },
        ],
  };

  const political: ReportSection = {
    heading: t('sections.political'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [t('political.committee'), evaluation?.committee ?? t('political.notYet')],
          [t('political.committeeOn'), evaluation?.committeeOn ? date(evaluation.committeeOn) : t('political.notYet')],
          [t('political.publishedOn'), evaluation?.publishedOn ? date(evaluation.publishedOn) : t('political.notYet')],
        ],
      },
    ],
  };

  const title = t('title', { year: pack.year });
  return {
    locale,
    title,
    organisation: pack.organisationName,
    subtitle: t('subtitle'),
    cover,
    sections: [
      earlier,
      audits,
      actions,
      reviews,
      acknowledgements,
      competences,
      goals,
      surveys,
      conclusions,
      decisions,
      political,
    ],
    pageLabel: (page: number, total: number) => t('page', { page, total }),
    footer: [pack.organisationName, title, ...reportFooterDates(pack, printedOn, t, (value) => day(value))].join(' · '),
  };
}

/** Column headers for the grade counts: the table has room for short names only. */
function shortGrade(locale: Locale, grade: FindingGrade): string {
  return reportTexts(locale)(`shortGrades.${grade}`);
}

/** The survey section: per round the headline per case type, then the mean per question. */
function surveyBlocks(pack: EvaluationPack, locale: Locale): ReportBlock[] {
  const t = reportTexts(locale);
  const percent = percentFormatter(locale);
  const number = new Intl.NumberFormat(intlTags[locale], { maximumFractionDigits: 1, minimumFractionDigits: 1 });
  // The change in percentage points, signed ("+5 %").
  const points = new Intl.NumberFormat(intlTags[locale], {
    style: 'percent',
    maximumFractionDigits: 0,
    signDisplay: 'exceptZero',
  });
  const { rounds } = pack.surveyResults;
  if (rounds.length === 0) return [{ kind: 'paragraph', text: t('surveys.none'), tone: 'muted' }];
  const row = (label: string, scope: EvaluationPack['surveyResults']['rounds'][number]['all']) =>
    scope.isSuppressed
      ? [label, t('surveys.suppressed'), '', '', '']
      : [
          label,
          percent(scope.headline.share),
          String(scope.headline.n),
          percent(scope.responseRate),
          scope.change === null ? t('none') : points.format(scope.change).replace(/\u202F/g, '\u00A0'),
        ];
  return rounds.flatMap((round): ReportBlock[] => [
    { kind: 'subheading', text: t('surveys.round', { title: round.title[locale], label: round.roundLabel }) },
    { kind: 'paragraph', text: t('surveys.headline', { question: round.headlineQuestion[locale] }), tone: 'muted' },
    {
      kind: 'table',
      columns: [
        { header: t('surveys.columns.scope'), weight: 2.4 },
        { header: t('surveys.columns.share'), weight: 1.2 },
        { header: t('surveys.columns.n'), weight: 0.9 },
        { header: t('surveys.columns.rate'), weight: 1 },
        { header: t('surveys.columns.change'), weight: 1.2 },
      ],
      rows: [row(t('surveys.all'), round.all), ...round.caseTypes.map((scope) => row(scope.caseType ?? '', scope))],
      emptyText: t('surveys.none'),
    },
    {
      kind: 'table',
      columns: [
        { header: t('surveys.columns.question'), weight: 4 },
        { header: t('surveys.columns.mean'), weight: 1 },
        { header: t('surveys.columns.share'), weight: 1.2 },
      ],
      rows: round.questions.map((question) => [
        question.wording[locale],
        question.mean === null ? t('none') : number.format(question.mean),
        percent(question.shareSatisfied),
      ]),
      emptyText: t('surveys.none'),
    },
  ]);
}
