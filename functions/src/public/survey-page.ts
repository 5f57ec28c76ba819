import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import { answerSurvey, openSurveyLink } from '../app/answer-survey.js';
import type { Services } from '../app/ports.js';
import { isAppError } from '../core/errors.js';
import type { AnswerError } from '../core/survey-answers.js';
import { isLocale, locales, type Locale } from '../core/locale.js';
import { maxTextAnswerLength, type Survey } from '../core/survey-types.js';
import { clientAddress } from '../http/client-address.js';
import type { RateLimiter } from '../http/rate-limit.js';
import { surveyPageText, type RefusedReason } from './survey-page-text.js';

/**
 * The public answer page of a personal survey link: `/survey/{token}`, no sign-in, served by both
 * hosts (local: server.ts; Azure: its own function in hosts/azure/index.ts).
 *
 * - Plain HTML and a form POST to the same path: it works without JavaScript, and the page has
 *   none (the CSP allows no script at all; the one stylesheet is inline, allowed by its hash).
 * - CSRF: the token in the path is the capability, so a forged cross-site POST would need the
 *   token already; the Origin (or Sec-Fetch-Site) of a POST must be this site's anyway.
 * - WCAG 2.1 AA: `lang` on the page, a fieldset and legend per scale, labels on every control,
 *   errors in a summary that takes focus (autofocus) and links to each field, each field's error
 *   tied to it with aria-describedby, the previous answers kept. Works on a 390 px screen.
 * - Answers in the respondent's language: `?lang=` (the visible switch), else Accept-Language.
 * - Limits: the form body (`maxSurveyFormBytes`), text answers (`maxTextAnswerLength`), and
 *   `requestsPerMinute` requests a minute from one address.
 */

export type SurveyPage = (request: HttpRequest) => Promise<HttpResponseInit>;

/** A form of a few scales and comments is a few KB; this leaves room for every text at its maximum. */
export const maxSurveyFormBytes = 32 * 1024;
export const requestsPerMinute = 60;
/** The paths the hosts send here. */
export const surveyPagePath = /^\/survey\/([^/]{1,100})$/;

const style = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
nav a{display:inline-block;padding:.5rem 0;color:#0b4f9c}
nav a[aria-current]{font-weight:700;color:#1b1b1b}
a:focus,input:focus,textarea:focus,button:focus,.error-summary:focus{outline:3px solid #b35900;outline-offset:2px}
fieldset{border:0;margin:0 0 1.5rem;padding:0}
legend{font-weight:700;padding:0;margin-bottom:.25rem}
.hint{color:#4a4a4a;margin:0 0 .5rem}
.scale{display:flex;flex-wrap:wrap;gap:.5rem}
.scale label{display:flex;align-items:center;justify-content:center;gap:.25rem;min-width:3rem;min-height:3rem;border:2px solid #5c5c5c;border-radius:.375rem;padding:.25rem .5rem;cursor:pointer}
.scale input{width:1.25rem;height:1.25rem;margin:0}
.field{margin:0 0 1.5rem}
.field label{display:block;font-weight:700;margin-bottom:.25rem}
textarea{width:100%;min-height:8rem;font:inherit;padding:.5rem;border:2px solid #5c5c5c;border-radius:.375rem}
button{font:inherit;font-weight:700;color:#fff;background:#0b6b3a;border:0;border-radius:.375rem;padding:.75rem 1.5rem;min-height:3rem;cursor:pointer}
.error{color:#b3261e;font-weight:700;margin:0 0 .5rem}
.invalid textarea,.invalid .scale label{border-color:#b3261e}
.error-summary{border:4px solid #b3261e;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{font-size:1.25rem;margin:0 0 .5rem}
.error-summary a{color:#b3261e;font-weight:700}
.note{color:#4a4a4a;font-size:1rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');
const contentSecurityPolicy = [
  "default-src 'none'",
  `style-src 'sha256-${styleHash}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The token is in the path: never sent to another site. (Not 'no-referrer': with it, browsers
  // send `Origin: null` on the form's own POST, and the Origin check below needs the real one.)
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

export function createSurveyPage(deps: { services: Services; limiter: RateLimiter; publicUrl: string }): SurveyPage {
  const allowedOrigins = new Set([new URL(deps.publicUrl).origin]);
  return async (request) => {
    const url = new URL(request.url);
    const token = surveyPagePath.exec(url.pathname)?.[1] ?? '';
    let locale = localeOf(url.searchParams.get('lang'), request.headers.get('accept-language'));
    try {
      await deps.limiter.address(clientAddress(request), requestsPerMinute);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'RATE_LIMITED') throw error;
      const retry = error.details?.['retryAfterSeconds'];
      return refusedPage(
        locale,
        'rate-limited',
        429,
        typeof retry === 'number' ? { 'retry-after': String(retry) } : {},
      );
    }
    const self = `/survey/${token}`;
    if (request.method === 'GET' || request.method === 'HEAD') {
      const opened = await openSurveyLink(deps.services, token);
      if (opened.state === 'invalid') return messagePage(locale, 'invalid', 404);
      if (opened.state === 'already-answered')
        return messagePage(locale, url.searchParams.get('sent') === '1' ? 'thanks' : 'answered', 200, opened.survey);
      return page(200, formPage(opened.survey, locale, self, {}, []));
    }
    if (request.method !== 'POST') return refusedPage(locale, 'unsupported', 405, { allow: 'GET, HEAD, POST' });
    const origin = request.headers.get('origin');
    const fetchSite = request.headers.get('sec-fetch-site');
    if (
      (origin !== null && !allowedOrigins.has(origin) && origin !== url.origin) ||
      (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none')
    )
      return refusedPage(locale, 'cross-site', 403);
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? ''))
      return refusedPage(locale, 'unsupported', 415);
    if (Number(request.headers.get('content-length') ?? '0') > maxSurveyFormBytes)
      return refusedPage(locale, 'too-large', 413);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxSurveyFormBytes) return refusedPage(locale, 'too-large', 413);
    let form: URLSearchParams;
    try {
      form = new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return refusedPage(locale, 'unsupported', 400);
    }
    locale = localeOf(form.get('lang') ?? url.searchParams.get('lang'), request.headers.get('accept-language'));
    const fields: Record<string, string> = {};
    for (const [name, value] of form)
      if (name.startsWith('q-') && !(name.slice(2) in fields)) fields[name.slice(2)] = value;
    const outcome = await answerSurvey(deps.services, token, fields);
    if (outcome.state === 'invalid') return messagePage(locale, 'invalid', 404);
    if (outcome.state === 'already-answered') return messagePage(locale, 'answered', 409, outcome.survey);
    if (outcome.state === 'rejected') return page(422, formPage(outcome.survey, locale, self, fields, outcome.errors));
    // Post/redirect/get: a reload of the thank-you page does not post again.
    return { status: 303, headers: { ...pageHeaders, location: `${self}?lang=${locale}&sent=1` }, body: '' };
  };
}

/** `?lang=` when it names one of ours, else the first of ours in Accept-Language (no, nn → nb), else Danish. */
export function localeOf(requested: string | null, acceptLanguage: string | null): Locale {
  if (isLocale(requested)) return requested;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
      const q = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find(Boolean);
      return { primary: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { primary } of ranked) {
    if (primary === 'da') return 'da';
    if (primary === 'nb' || primary === 'no' || primary === 'nn') return 'nb';
    if (primary === 'en') return 'en';
  }
  return 'da';
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(status: number, html: string, headers: Record<string, string> = {}): HttpResponseInit {
  return { status, headers: { ...pageHeaders, ...headers }, body: html };
}

function documentOf(locale: Locale, title: string, main: string, languageLinks: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
${languageLinks}
${main}
</main>
</body>
</html>`;
}

function languageSwitch(locale: Locale, path: string | null): string {
  if (path === null) return '';
  const items = locales
    .map((candidate) => {
      const current = candidate === locale ? ' aria-current="page"' : '';
      return `<li><a href="${escape(path)}?lang=${candidate}" lang="${candidate}" hreflang="${candidate}"${current}>${escape(surveyPageText(candidate)('languageName'))}</a></li>`;
    })
    .join('');
  return `<nav aria-label="${escape(surveyPageText(locale)('languageSwitch'))}"><ul>${items}</ul></nav>`;
}

function messagePage(
  locale: Locale,
  kind: 'invalid' | 'answered' | 'thanks',
  status: number,
  survey?: Survey,
): HttpResponseInit {
  const text = surveyPageText(locale);
  const [title, body] =
    kind === 'invalid'
      ? [text('invalidTitle'), text('invalidBody')]
      : kind === 'answered'
        ? [text('answeredTitle'), text('answeredBody')]
        : [text('thanksTitle'), text('thanksBody')];
  const heading = survey ? `<p class="note">${escape(survey.title[locale])}</p>` : '';
  return page(status, documentOf(locale, title, `${heading}<h1>${escape(title)}</h1><p>${escape(body)}</p>`, ''));
}

/** A request refused before the survey was looked at: too large, too many, cross-site, not a form. */
export function refusedPage(
  locale: Locale,
  reason: RefusedReason,
  status: number,
  headers: Record<string, string> = {},
): HttpResponseInit {
  const text = surveyPageText(locale);
  return page(
    status,
    documentOf(
      locale,
      text('refusedTitle'),
      `<h1>${escape(text('refusedTitle'))}</h1><p>${escape(text(`refused.${reason}`))}</p>`,
      '',
    ),
    headers,
  );
}

function formPage(
  survey: Survey,
  locale: Locale,
  path: string,
  previous: Readonly<Record<string, string>>,
  errors: readonly AnswerError[],
): string {
  const text = surveyPageText(locale);
  const errorOf = new Map(errors.map((error) => [error.questionId, error.code]));
  const firstControl = (questionId: string) => {
    const question = survey.questions.find((candidate) => candidate.id === questionId)!;
    return question.kind === 'scale' ? `q-${question.id}-1` : `q-${question.id}`;
  };
  const summary =
    errors.length === 0
      ? ''
      : `<div class="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escape(text('errorSummaryTitle'))}</h2>
<ul>${errors
          .map((error) => {
            const question = survey.questions.find((candidate) => candidate.id === error.questionId)!;
            return `<li><a href="#${firstControl(error.questionId)}">${escape(question.wording[locale])}: ${escape(text(`errors.${error.code}`))}</a></li>`;
          })
          .join('')}</ul>
</div>`;
  const fields = survey.questions
    .map((question) => {
      const name = `q-${question.id}`;
      const code = errorOf.get(question.id);
      const marker = question.isRequired ? text('required') : text('optional');
      const errorLine = code
        ? `<p class="error" id="${name}-error"><span class="visually-hidden">${escape(text('errorPrefix'))}: </span>${escape(text(`errors.${code}`))}</p>`
        : '';
      const describedBy = [`${name}-hint`, ...(code ? [`${name}-error`] : [])].join(' ');
      if (question.kind === 'scale') {
        const options = Array.from({ length: question.scaleMax }, (_unused, index) => {
          const value = String(index + 1);
          const checked = previous[question.id] === value ? ' checked' : '';
          const required = question.isRequired ? ' required' : '';
          return `<label for="${name}-${value}"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${checked}${required}>${value}</label>`;
        }).join('');
        return `<fieldset class="${code ? 'invalid' : ''}" aria-describedby="${describedBy}">
<legend>${escape(question.wording[locale])} <span class="marker">${escape(marker)}</span></legend>
<p class="hint" id="${name}-hint">${escape(text('scaleHint', { low: question.lowLabel[locale], high: question.highLabel[locale], max: question.scaleMax }))}</p>
${errorLine}<div class="scale">${options}</div>
</fieldset>`;
      }
      const invalid = code ? ' aria-invalid="true"' : '';
      return `<div class="field${code ? ' invalid' : ''}">
<label for="${name}">${escape(question.wording[locale])} <span class="marker">${escape(marker)}</span></label>
<p class="hint" id="${name}-hint">${escape(text('textHint', { max: maxTextAnswerLength }))}</p>
${errorLine}<textarea id="${name}" name="${name}" rows="5" maxlength="${maxTextAnswerLength}" aria-describedby="${describedBy}"${invalid}${question.isRequired ? ' required' : ''}>${escape(previous[question.id] ?? '')}</textarea>
</div>`;
    })
    .join('\n');
  const title = `${errors.length > 0 ? `${text('errorPrefix')}: ` : ''}${survey.title[locale]}`;
  const intro = survey.intro[locale] ? `<p>${escape(survey.intro[locale])}</p>` : '';
  const main = `<h1>${escape(survey.title[locale])}</h1>
${summary}
${intro}
<p class="note">${escape(text('anonymity'))}</p>
<form method="post" action="${escape(path)}" novalidate>
<input type="hidden" name="lang" value="${locale}">
${fields}
<button type="submit">${escape(text('submit'))}</button>
</form>`;
  return documentOf(locale, title, main, languageSwitch(locale, path));
}
