import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import type { Services } from '../app/ports.js';
import { renderVersionDownload } from '../app/download-version.js';
import { searchEverything } from '../app/search-everything.js';
import { getPublishedYearlyReport, listPublishedYearlyReports, publicHandbookPath } from '../app/yearly-report.js';
import { localDateOf } from '../core/local-date.js';
import { documentBaseName, extensionOf } from '../core/document-identity.js';
import { isAppError } from '../core/errors.js';
import { qualityPolicyId, type PolicyText } from '../core/goal-types.js';
import { isLocale, locales, type Locale } from '../core/locale.js';
import { canPublicReadEvaluation, canPublicReadPolicy, canPublicReadVersion, publicReader } from '../core/policies.js';
import { processLevels, type Procedure, type ProcedureVersion } from '../core/types.js';
import { yearlyReportPublicPath } from '../core/yearly-report.js';
import {
  publicationTexts,
  yearlyReportView,
  type PublicBlock,
  type PublicationTexts,
  type YearlyReportView,
} from '../documents/yearly-report-content.js';
import { buildYearlyReportPdf } from '../documents/yearly-report-pdf.js';
import { formatDate } from '../i18n/format-date.js';
import { clientAddress } from '../http/client-address.js';
import { contentDisposition } from '../http/handle-route.js';
import type { RateLimiter } from '../http/rate-limit.js';

/**
 * The public pages (no sign-in, no JavaScript; both hosts send `/public/...` here):
 *
 * - `/public/handbook` (`?q=` searches, `?lang=` da/nb/en): the published procedures by level
 *   and area, the quality policy once published, the published yearly reports and management
 *   evaluations. A municipality links to it or embeds it in its website (frame-ancestors *).
 * - `/public/handbook/procedures/{id}`: a procedure's published version, rendered, its file,
 *   its approval history (who approved which version when, with the change summaries) and its
 *   next review date; `/public/handbook/procedures/{id}/file` the published version's file
 *   and `…/pdf` its PDF rendition, both stamped with code, version, approval date and approver.
 * - `/public/reports/{year}` and `/public/reports/{year}.pdf`: a published yearly report (the
 *   frozen revision), as a web page and as the tagged PDF.
 * - `/public/evaluations/{year}`: a published management evaluation's conclusions, decisions
 *   and political treatment.
 *
 * What is read is decided by the public reader's rules in `core/policies.ts`: never a draft, a
 * pending version, an unpublished record, the trail, a person's contact details or the
 * participants of a meeting. `requestsPerMinute` from one address, as the survey page.
 */

export type PublicPages = (request: HttpRequest) => Promise<HttpResponseInit>;

export const requestsPerMinute = 120;
/** The paths the hosts send here. */
export const publicPagesPath = /^\/public(\/.*)?$/;

const style = `
*{box-sizing:border-box}
body{margin:0;overflow-wrap:break-word;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.55;color:#1b1b1b;background:#fff}
header,main,footer{max-width:62rem;margin:0 auto;padding:0 1rem}
header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding-top:.75rem;padding-bottom:.75rem;border-bottom:1px solid #c8d2dc}
.organisation{font-weight:700}
h1{font-size:1.75rem;line-height:1.25;margin:1.25rem 0 .5rem;color:#16365c}
h2{font-size:1.35rem;line-height:1.3;margin:2rem 0 .5rem;color:#16365c}
h3{font-size:1.1rem;margin:1.25rem 0 .5rem;color:#16365c}
a{color:#0b4f9c}
a:focus,input:focus,button:focus,[tabindex]:focus{outline:3px solid #b35900;outline-offset:2px}
header nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
header nav a{display:inline-block;padding:.5rem 0}
header nav a[aria-current]{font-weight:700;color:#1b1b1b}
main li{margin:.25rem 0}
h1,h2,h3{hyphens:auto}
.nowrap{white-space:nowrap}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.5rem}
.lead{color:#3d4650}
.notice{border-left:4px solid #9a6700;padding:.5rem 1rem;background:#fff8e6}
.table{overflow-x:auto;margin:0 0 1rem;position:relative}
table{border-collapse:collapse;width:100%;min-width:44rem;font-size:.95rem}
.narrow table{min-width:0}
caption{text-align:left;font-weight:700;padding:.25rem 0}
.hidden-caption caption,.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #c8d2dc}
thead th{background:#e4ecf4;color:#16365c}
td.number,th.number{text-align:right}
.note{display:block;color:#4a5560;font-size:.9rem}
dl.facts{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.facts dt{font-weight:700;color:#16365c}
dl.facts dd{margin:0}
form.search{display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end;margin:1rem 0}
form.search label{display:block;font-weight:700;width:100%}
form.search input{font:inherit;padding:.5rem;min-height:2.75rem;border:2px solid #5c5c5c;border-radius:.375rem;flex:1 1 14rem}
form.search button{font:inherit;font-weight:700;color:#fff;background:#0b4f9c;border:0;border-radius:.375rem;padding:.5rem 1.25rem;min-height:2.75rem}
figure{margin:1rem 0}
figcaption{color:#3d4650;font-size:.95rem}
svg{max-width:100%;height:auto}
.procedure{border:1px solid #c8d2dc;border-radius:.375rem;padding:1rem;overflow-x:auto}
mark{background:#fff1a8}
footer{margin-top:3rem;padding-top:1rem;padding-bottom:2rem;border-top:1px solid #c8d2dc;color:#4a5560;font-size:.95rem}
`;
const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  'img-src data:',
  "form-action 'self'",
  "base-uri 'none'",
  // The municipality may embed the handbook in its own website.
  'frame-ancestors *',
].join('; ');

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
};

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
const e = escapeHtml;

export function localeOfRequest(url: URL, acceptLanguage: string | null): Locale {
  const asked = url.searchParams.get('lang');
  if (asked !== null && isLocale(asked)) return asked;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('da')) return 'da';
    if (tag.startsWith('nb') || tag.startsWith('no') || tag.startsWith('nn')) return 'nb';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}

type Page = { status: number; title: string; body: string; path: string; query?: string };

function withLang(path: string, locale: Locale, query = ''): string {
  const params = new URLSearchParams(query);
  params.set('lang', locale);
  return `${path}?${params.toString()}`;
}

function document(locale: Locale, organisation: string, page: Page): HttpResponseInit {
  const t = publicationTexts(locale);
  const languages = locales
    .map((candidate) => {
      const current = candidate === locale ? ' aria-current="true"' : '';
      return `<li><a href="${e(withLang(page.path, candidate, page.query))}" lang="${candidate}" hreflang="${candidate}"${current}>${e(publicationTexts(candidate)('languageName'))}</a></li>`;
    })
    .join('');
  const html = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(page.title)} – ${e(organisation)}</title>
<style>${style}</style>
</head>
<body>
<a class="skip" href="#content">${e(t('skipToContent'))}</a>
<header>
<span class="organisation">${e(organisation)}</span>
<nav aria-label="${e(t('languageSwitch'))}"><ul>${languages}</ul></nav>
</header>
<main id="content" tabindex="-1">
${page.body}
</main>
<footer><a href="${e(withLang(publicHandbookPath, locale))}">${e(t('handbookTitle'))}</a></footer>
</body>
</html>`;
  return { status: page.status, headers: pageHeaders, body: html };
}

function factsList(rows: [string, string][]): string {
  return `<dl class="facts">${rows.map(([label, value]) => `<dt>${e(label)}</dt><dd>${e(value)}</dd>`).join('')}</dl>`;
}

/** A cell's first line is its value; further lines a note under it. */
function cell(text: string): string {
  const [main = '', ...rest] = text.split('\n');
  // A code or a date ("K-18", "24-12-2024") is not broken at its hyphens.
  const value =
    /^[\p{L}\p{N}.]+(-[\p{L}\p{N}.]+)+$/u.test(main) && main.length <= 16
      ? `<span class="nowrap">${e(main)}</span>`
      : e(main);
  return rest.length === 0 ? value : `${value}${rest.map((line) => `<span class="note">${e(line)}</span>`).join('')}`;
}

let tableCount = 0;
function tableHtml(block: Extract<PublicBlock, { kind: 'table' }>): string {
  if (block.rows.length === 0) return `<p>${e(block.emptyText)}</p>`;
  tableCount += 1;
  const id = `table-${tableCount}`;
  const alignClass = (index: number) => (block.columns[index]?.align === 'right' ? ' class="number"' : '');
  const head = block.columns
    .map((column, index) => `<th scope="col"${alignClass(index)}>${e(column.header)}</th>`)
    .join('');
  const rows = block.rows
    .map(
      (row) =>
        `<tr>${row
          .map((text, index) =>
            index === 0 ? `<th scope="row">${cell(text)}</th>` : `<td${alignClass(index)}>${cell(text)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('');
  // A table of two columns (a label and a count) fits a phone; wider ones scroll in their region.
  const narrow = block.columns.length <= 2 ? ' narrow' : '';
  return `<div class="table${narrow}${block.isCaptionVisible ? '' : ' hidden-caption'}" role="region" aria-labelledby="${id}" tabindex="0"><table><caption id="${id}">${e(block.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

const barFill = { green: '#1e7b34', yellow: '#9a6700', red: '#b3261e', none: '#6b7280' } as const;

function chartHtml(block: Extract<PublicBlock, { kind: 'chart' }>): string {
  tableCount += 1;
  const id = `chart-${tableCount}`;
  const rowHeight = 56;
  // About the width of a phone: the chart is drawn at its size there, and no larger elsewhere.
  const width = 400;
  const height = block.bars.length * rowHeight + 8;
  const barX = 8;
  const barWidth = width - 16;
  const bars = block.bars
    .map((bar, index) => {
      const y = index * rowHeight;
      const targetX = barX + barWidth * bar.targetAt;
      return `<text x="${barX}" y="${y + 16}" font-size="13" fill="#1b1b1b">${e(bar.label.length > 52 ? `${bar.label.slice(0, 51)}…` : bar.label)}</text>
<rect x="${barX}" y="${y + 24}" width="${barWidth}" height="14" fill="#eef2f6"/>
<rect x="${barX}" y="${y + 24}" width="${Math.max(1, barWidth * bar.valueAt).toFixed(1)}" height="14" fill="${barFill[bar.colour]}"/>
<line x1="${targetX.toFixed(1)}" x2="${targetX.toFixed(1)}" y1="${y + 20}" y2="${y + 42}" stroke="#1b1b1b" stroke-width="2"/>
<text x="${barX}" y="${y + 53}" font-size="12" fill="#3d4650">${e(`${bar.valueText} · ${bar.targetText} · ${bar.statusText}`)}</text>`;
    })
    .join('\n');
  return `<figure aria-labelledby="${id}-caption"><svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><title id="${id}-title">${e(block.caption)}</title><desc id="${id}-desc">${e(block.alt)}</desc>${bars}</svg><figcaption id="${id}-caption">${e(block.caption)}</figcaption></figure>`;
}

function blockHtml(block: PublicBlock): string {
  switch (block.kind) {
    case 'paragraph':
      return `<p>${e(block.text)}</p>`;
    case 'subheading':
      return `<h3>${e(block.text)}</h3>`;
    case 'facts':
      return factsList(block.rows);
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`;
    case 'table':
      return tableHtml(block);
    case 'chart':
      return chartHtml(block);
  }
}

/** The report's web page body: the same blocks as the PDF, in the same order. */
export function reportBodyHtml(view: YearlyReportView, pdfHref: string | null): string {
  const t = publicationTexts(view.locale);
  const contents = view.sections
    .map((section) => `<li><a href="#${section.id}">${e(section.heading)}</a></li>`)
    .join('');
  return `<h1>${e(view.title)}</h1>
<p class="lead">${e(view.subtitle)}</p>
${view.notice ? `<p class="notice">${e(view.notice)}</p>` : ''}
${factsList(view.facts)}
${pdfHref ? `<p><a href="${e(pdfHref)}">${e(t('reportPdf'))}</a></p>` : ''}
<nav aria-labelledby="contents-heading"><h2 id="contents-heading">${e(t('contents'))}</h2><ol>${contents}</ol></nav>
${view.sections
  .map(
    (section) =>
      `<section aria-labelledby="${section.id}"><h2 id="${section.id}">${e(section.heading)}</h2>${section.blocks.map(blockHtml).join('\n')}</section>`,
  )
  .join('\n')}`;
}

/** The rendered version's headings placed under the page's h2 (its h1 becomes an h3, and so on). */
function underHeading(html: string): string {
  return html.replace(
    /<(\/?)h([1-6])\b/gi,
    (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 2)}`,
  );
}

function policyOf(text: PolicyText, locale: Locale): string {
  return text[locale] ?? text.da ?? text.nb ?? text.en ?? '';
}

function versionLabel(version: Pick<ProcedureVersion, 'major' | 'minor'>): string {
  return `${version.major ?? 0}.${version.minor ?? 0}`;
}

/** "<code> <title> v<version>.<ext>", never the uploader's file name. */
export function publicFileName(procedure: Pick<Procedure, 'code' | 'title'>, version: ProcedureVersion): string {
  const base = documentBaseName({ code: procedure.code, title: procedure.title, version: versionLabel(version) }, '');
  return `${base}.${extensionOf(version.file.mediaType)}`;
}

export function createPublicPages(deps: { services: Services; limiter: RateLimiter }): PublicPages {
  const { services } = deps;
  const organisation = services.settings.organisationName;

  async function handbookPage(locale: Locale, url: URL): Promise<Page> {
    const t = publicationTexts(locale);
    const date = (value: string | null) => (value === null ? t('none') : formatDate(value, locale));
    const q = (url.searchParams.get('q') ?? '').trim().slice(0, 200);
    const today = new Date(services.clock.now()).toISOString().slice(0, 10);
    const [procedures, policy, reports, evaluations] = await Promise.all([
      services.store.listProcedures({
        viewer: { id: publicReader.id, isCoordinator: false },
        today: today as never,
        sort: 'code',
        order: 'asc',
        limit: 100_000,
        offset: 0,
      }),
      services.goals.getQualityPolicy(qualityPolicyId),
      listPublishedYearlyReports(services),
      services.quality.listManagementEvaluations(),
    ]);
    const published = procedures.items.filter((procedure) => procedure.currentVersion !== null);
    const link = (procedure: { id: string; code: string; title: string }) =>
      `<a href="${e(withLang(`${publicHandbookPath}/procedures/${encodeURIComponent(procedure.id)}`, locale))}">${e(procedure.code)} ${e(procedure.title)}</a>`;

    let results = '';
    if (q !== '') {
      const found = await searchEverything(services, publicReader, { q, limit: 50, offset: 0, kinds: ['procedure'] });
      const publishedIds = new Set(published.map((procedure) => procedure.id));
      const hits = found.hits.filter((hit) => hit.kind === 'procedure' && publishedIds.has(hit.procedureId ?? ''));
      results =
        hits.length === 0
          ? `<p role="status">${e(t('searchNone', { q }))}</p>`
          : `<h2 id="results">${e(t('searchResults', { count: hits.length, q }))}</h2><ul>${hits
              .map(
                (hit) =>
                  `<li>${link({ id: hit.procedureId ?? hit.id, code: hit.code ?? '', title: hit.title })}<span class="note">${hit.snippet
                    .map((segment) => (segment.isMatch ? `<mark>${e(segment.text)}</mark>` : e(segment.text)))
                    .join('')}</span></li>`,
              )
              .join('')}</ul><p><a href="${e(withLang(publicHandbookPath, locale))}">${e(t('clearSearch'))}</a></p>`;
    }

    const levels = processLevels
      .map((level) => {
        const ofLevel = published.filter((procedure) => procedure.level === level);
        if (ofLevel.length === 0) return '';
        const areas = [...new Set(ofLevel.map((procedure) => procedure.area))].sort((a, b) => a.localeCompare(b, 'da'));
        return `<h3>${e(t(`levels.${level}`))}</h3>${areas
          .map(
            (area) =>
              `<h4>${e(area)}</h4><ul>${ofLevel
                .filter((procedure) => procedure.area === area)
                .map(
                  (procedure) =>
                    `<li>${link(procedure)} <span class="note">${e(t('versionLabel', { version: `${procedure.currentVersion!.major}.${procedure.currentVersion!.minor}` }))} · ${e(t('nextReview'))}: ${e(date(procedure.nextReviewOn))}</span></li>`,
                )
                .join('')}</ul>`,
          )
          .join('')}`;
      })
      .join('');

    const policyHtml =
      policy && canPublicReadPolicy(policy)
        ? policyOf(policy.text, locale)
            .split(/\n\s*\n/)
            .filter((text) => text.trim() !== '')
            .map((text) => `<p>${e(text.trim())}</p>`)
            .join('') +
          (policy.adoptedOn && policy.adoptedBy !== ''
            ? `<p>${e(t('policy.adopted', { by: policy.adoptedBy, on: date(policy.adoptedOn) }))}</p>`
            : '')
        : `<p>${e(t('empty.policy'))}</p>`;
    const publicEvaluations = evaluations.filter(canPublicReadEvaluation).sort((a, b) => b.year - a.year);

    return {
      status: 200,
      title: t('handbookTitle'),
      path: publicHandbookPath,
      ...(q !== '' ? { query: `q=${encodeURIComponent(q)}` } : {}),
      body: `<h1>${e(t('handbookTitle'))}</h1>
<p class="lead">${e(t('handbookIntro'))}</p>
<form class="search" method="get" action="${e(publicHandbookPath)}" role="search">
<label for="q">${e(t('searchLabel'))}</label>
<input id="q" name="q" type="search" value="${e(q)}" maxlength="200">
<input type="hidden" name="lang" value="${locale}">
<button type="submit">${e(t('searchButton'))}</button>
</form>
${results}
<h2>${e(t('sections.structure'))}</h2>
${levels || `<p>${e(t('empty.structure'))}</p>`}
<h2>${e(t('sections.policy'))}</h2>
${policyHtml}
<h2>${e(t('publishedReports'))}</h2>
${
  reports.length === 0
    ? `<p>${e(t('noReports'))}</p>`
    : `<ul>${reports
        .map(
          (report) =>
            `<li><a href="${e(withLang(yearlyReportPublicPath(report.year), locale))}">${e(t('reportTitle', { year: report.year }))}</a> <span class="note">${e(t('facts.publishedOn'))}: ${e(date(report.publishedOn))}</span></li>`,
        )
        .join('')}</ul>`
}
<h2>${e(t('publishedEvaluations'))}</h2>
${
  publicEvaluations.length === 0
    ? `<p>${e(t('noEvaluations'))}</p>`
    : `<ul>${publicEvaluations
        .map(
          (evaluation) =>
            `<li><a href="${e(withLang(`/public/evaluations/${evaluation.year}`, locale))}">${e(t('evaluationOf', { year: evaluation.year }))}</a> <span class="note">${e(t('facts.publishedOn'))}: ${e(date(evaluation.publishedOn))}</span></li>`,
        )
        .join('')}</ul>`
}`,
    };
  }

  /** The procedure and its published version, or null when the public may not read it. */
  async function publishedProcedure(id: string) {
    const procedure = await services.store.getProcedure(id);
    if (!procedure || procedure.currentVersionId === null) return null;
    const version = await services.store.getVersion(procedure.currentVersionId);
    if (!version || !canPublicReadVersion(version)) return null;
    return { procedure, version };
  }

  async function procedurePage(locale: Locale, id: string): Promise<Page | null> {
    const found = await publishedProcedure(id);
    if (!found) return null;
    const { procedure, version } = found;
    const t = publicationTexts(locale);
    const date = (value: string | null) => (value === null ? t('none') : formatDate(value, locale));
    const [versions, people] = await Promise.all([
      services.store.listVersions(procedure.id),
      services.store.listPeople(),
    ]);
    const names = new Map(people.map((person) => [person.id, person.name]));
    const history = versions
      .filter(
        (candidate) =>
          candidate.publishedAt !== null && (candidate.state === 'published' || candidate.state === 'obsolete'),
      )
      .sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
    const path = `${publicHandbookPath}/procedures/${encodeURIComponent(procedure.id)}`;
    const fileName = publicFileName(procedure, version);
    return {
      status: 200,
      title: `${procedure.code} ${procedure.title}`,
      path,
      body: `<p><a href="${e(withLang(publicHandbookPath, locale))}">${e(t('backToHandbook'))}</a></p>
<h1>${e(procedure.code)} ${e(procedure.title)}</h1>
${factsList([
  [t('currentVersion'), versionLabel(version)],
  [t('history.approvedOn'), date(procedure.approvedOn)],
  [t('nextReview'), date(procedure.nextReviewOn)],
  [t('level'), t(`levels.${procedure.level}`)],
  [t('area'), procedure.area],
])}
<p><a href="${e(`${path}/file`)}" download>${e(t('download', { name: fileName }))}</a></p>
<p><a href="${e(withLang(`${path}/pdf`, locale))}" download>${e(t('downloadPdf'))}</a></p>
<h2>${e(t('currentVersion'))}</h2>
<div class="procedure">${underHeading(version.html)}</div>
<h2>${e(t('approvalHistory'))}</h2>
${tableHtml({
  kind: 'table',
  caption: t('approvalHistory'),
  isCaptionVisible: false,
  columns: [
    { header: t('history.version'), weight: 1 },
    { header: t('history.approvedBy'), weight: 2 },
    { header: t('history.approvedOn'), weight: 1 },
    { header: t('history.summary'), weight: 4 },
  ],
  rows: history.map((entry) => [
    versionLabel(entry),
    entry.approvedBy === null ? t('none') : (names.get(entry.approvedBy) ?? t('none')),
    date(entry.publishedAt),
    entry.changeSummary ?? t('none'),
  ]),
  emptyText: t('none'),
})}`,
    };
  }

  async function evaluationPage(locale: Locale, year: number): Promise<Page | null> {
    const evaluation = (await services.quality.listManagementEvaluations()).find(
      (candidate) => candidate.year === year && canPublicReadEvaluation(candidate),
    );
    if (!evaluation) return null;
    const t = publicationTexts(locale);
    const date = (value: string | null) => (value === null ? t('none') : formatDate(value, locale));
    return {
      status: 200,
      title: t('evaluationOf', { year }),
      path: `/public/evaluations/${year}`,
      body: `<p><a href="${e(withLang(publicHandbookPath, locale))}">${e(t('backToHandbook'))}</a></p>
<h1>${e(t('evaluationOf', { year }))}</h1>
${factsList([
  [t('evaluation.heldOn'), date(evaluation.heldOn)],
  [t('facts.publishedOn'), date(evaluation.publishedOn)],
  [t('political.committee'), evaluation.committee ?? t('none')],
  [t('political.on'), date(evaluation.committeeOn)],
])}
<h2>${e(t('evaluation.conclusions'))}</h2>
${
  evaluation.conclusions
    .split(/\n\s*\n/)
    .filter((text) => text.trim() !== '')
    .map((text) => `<p>${e(text.trim())}</p>`)
    .join('') || `<p>${e(t('none'))}</p>`
}
<h2>${e(t('evaluation.decisions'))}</h2>
${tableHtml({
  kind: 'table',
  caption: t('evaluation.decisions'),
  isCaptionVisible: false,
  columns: [
    { header: t('columns.decision'), weight: 4 },
    { header: t('columns.due'), weight: 1 },
  ],
  rows: evaluation.decisions.map((decision) => [decision.text, date(decision.dueOn)]),
  emptyText: t('empty.decisions'),
})}`,
    };
  }

  function notFound(locale: Locale, t: PublicationTexts, path: string): Page {
    return {
      status: 404,
      title: t('notFoundTitle'),
      path,
      body: `<h1>${e(t('notFoundTitle'))}</h1><p>${e(t('notFoundBody'))}</p><p><a href="${e(withLang(publicHandbookPath, locale))}">${e(t('handbookTitle'))}</a></p>`,
    };
  }

  return async (request): Promise<HttpResponseInit> => {
    const url = new URL(request.url);
    const locale = localeOfRequest(url, request.headers.get('accept-language'));
    const t = publicationTexts(locale);
    try {
      await deps.limiter.address(clientAddress(request), requestsPerMinute);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'RATE_LIMITED') throw error;
      const retry = error.details?.['retryAfterSeconds'];
      const response = document(locale, organisation, {
        status: 429,
        title: t('rateLimitedTitle'),
        path: url.pathname,
        body: `<h1>${e(t('rateLimitedTitle'))}</h1><p>${e(t('rateLimitedBody'))}</p>`,
      });
      return {
        ...response,
        headers: {
          ...pageHeaders,
          ...(typeof retry === 'number' ? { 'retry-after': String(retry) } : {}),
        } as Record<string, string>,
      };
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return { status: 405, headers: { ...pageHeaders, allow: 'GET, HEAD' }, body: '' };
    tableCount = 0;
    const path = url.pathname.replace(/\/+$/, '');
    if (path === '/public' || path === publicHandbookPath)
      return document(locale, organisation, await handbookPage(locale, url));

    const procedureMatch = /^\/public\/handbook\/procedures\/([^/]{1,100})(\/file|\/pdf)?$/.exec(path);
    if (procedureMatch) {
      const id = decodeURIComponent(procedureMatch[1] ?? '');
      if (procedureMatch[2]) {
        const found = await publishedProcedure(id);
        if (!found) return document(locale, organisation, notFound(locale, t, path));
        // Stamped on the way out (ISO 9001 7.5.3), like every other download: code, version,
        // approval date and approver; the stored original stays untouched.
        const download = await renderVersionDownload(services, found.procedure, found.version, {
          format: procedureMatch[2] === '/pdf' ? 'pdf' : 'original',
          locale,
        });
        return {
          status: 200,
          headers: {
            'content-type': download.mediaType,
            'content-disposition': contentDisposition(download.fileName, false),
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-cache',
          },
          body: download.bytes,
        };
      }
      const page = await procedurePage(locale, id);
      return document(locale, organisation, page ?? notFound(locale, t, path));
    }

    const reportMatch = /^\/public\/reports\/(\d{4})(\.pdf)?$/.exec(path);
    if (reportMatch) {
      const year = Number(reportMatch[1]);
      let report;
      try {
        report = await getPublishedYearlyReport(services, year);
      } catch (error) {
        if (!isAppError(error) || error.code !== 'NOT_FOUND') throw error;
        return document(locale, organisation, notFound(locale, t, path));
      }
      const view = yearlyReportView(
        { kind: 'published', report },
        locale,
        localDateOf(services.clock.now(), services.settings.timeZone),
      );
      if (reportMatch[2]) {
        const bytes = await buildYearlyReportPdf(view);
        return {
          status: 200,
          headers: {
            'content-type': 'application/pdf',
            'content-disposition': `inline; filename="${view.title.replace(/[^\x20-\x7e]/g, '_')}.pdf"`,
            'x-content-type-options': 'nosniff',
            'cache-control': 'no-cache',
          },
          body: bytes,
        };
      }
      return document(locale, organisation, {
        status: 200,
        title: view.title,
        path: yearlyReportPublicPath(year),
        body: `<p><a href="${e(withLang(publicHandbookPath, locale))}">${e(t('backToHandbook'))}</a></p>${reportBodyHtml(
          view,
          withLang(`${yearlyReportPublicPath(year)}.pdf`, locale),
        )}`,
      });
    }

    const evaluationMatch = /^\/public\/evaluations\/(\d{4})$/.exec(path);
    if (evaluationMatch) {
      const page = await evaluationPage(locale, Number(evaluationMatch[1]));
      return document(locale, organisation, page ?? notFound(locale, t, path));
    }
    return document(locale, organisation, notFound(locale, t, path));
  };
}
