import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { isAppError } from '../core/errors.js';
import { locales, type Locale } from '../core/locale.js';
import { formatDate } from '../i18n/format-date.js';
import { clientAddress } from '../http/client-address.js';
import type { RateLimiter } from '../http/rate-limit.js';
import {
  registerLimits,
  type PublicRegisterOptionsDto,
  type PublicStatusDto,
  type PublicSubmissionBody,
} from '../contract/register-schemas.js';
import { registerAsset, registerAssetPath } from './register-assets.js';
import { registerPageText, type RegisterRefusedReason } from './register-page-text.js';
import { localeOf } from './survey-page.js';

/**
 * The register's public door: `/register`, where citizens and businesses send praise, a complaint
 * or a suggestion without signing in, and `/register/status/{token}`, the private status page
 * the receipt links to. Server-rendered, served by both hosts (local: server.ts; Azure: its own
 * function in hosts/azure/index.ts), in Danish, Norwegian bokmål and English (`?lang=`, else
 * Accept-Language).
 *
 * - Bots: the form carries the ALTCHA widget (proof of work, no third party; its files come from
 *   `/register/assets/`), whose solution the register verifies before anything is stored, and a
 *   honeypot field hidden from people (display:none keeps it out of the accessibility tree too).
 *   A filled honeypot is refused before the register is asked. Requests a minute per address
 *   are limited, and the body is limited in size.
 * - The page's own script is nothing but the widget: the form posts without it, and the status
 *   page has none at all. The CSP allows scripts, workers and fetches from this site only.
 * - WCAG 2.1 AA as the survey page: labels on every control, hints and errors tied with
 *   aria-describedby, an error summary that takes focus and links to each field, the answers
 *   kept; fits a 390 px screen.
 */

export type RegisterPage = (request: HttpRequest) => Promise<HttpResponseInit>;

export const publicReportKinds = ['praise', 'complaint', 'suggestion'] as const;
export type PublicReportKind = (typeof publicReportKinds)[number];

/** The form's fields, named as on the page; `proof` is the ALTCHA widget's payload. */
export type PublicReportField =
  'kind' | 'caseAreaId' | 'caseNumber' | 'description' | 'name' | 'email' | 'phone' | 'proof';

export type PublicReportOutcome =
  | { state: 'received'; statusToken: string; canBeAnswered: boolean }
  /** The proof of work did not verify (missing, wrong, expired or used before). */
  | { state: 'unverified' }
  /** The honeypot was filled: a bot. */
  | { state: 'bot' }
  | { state: 'rejected'; fields: readonly PublicReportField[] };

/** The register as this page needs it (wired to the register's use cases in public/register-door.ts). */
export type PublicRegisterDoor = {
  /** The register's challenge route (`GET`, JSON), which the widget fetches. */
  challengePath: string;
  options(locale: Locale): Promise<PublicRegisterOptionsDto>;
  receive(input: { body: PublicSubmissionBody; address: string }): Promise<PublicReportOutcome>;
  /** The item of a status token, in the asked language; null for an unknown token. */
  status(token: string, locale: Locale): Promise<PublicStatusDto | null>;
};

export const maxRegisterFormBytes = 64 * 1024;
export const registerRequestsPerMinute = 30;
const limits = {
  caseNumber: registerLimits.caseNumber,
  description: registerLimits.description,
  name: registerLimits.contactName,
  email: registerLimits.email,
  phone: registerLimits.phone,
} as const;

/** The paths the hosts send here. */
export const registerPagePath = /^\/register(?:\/status\/[A-Za-z0-9_-]{1,200}|\/assets\/[a-z0-9.-]{1,64})?\/?$/;
const statusPath = /^\/register\/status\/([A-Za-z0-9_-]{1,200})$/;

const honeypotName = 'website';

const style = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:1.5rem 0 .5rem}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;margin:0;padding:0}
nav a{display:inline-block;padding:.5rem 0;color:#0b4f9c}
nav a[aria-current]{font-weight:700;color:#1b1b1b}
a{color:#0b4f9c}
a:focus,input:focus,textarea:focus,button:focus,.error-summary:focus{outline:3px solid #b35900;outline-offset:2px}
fieldset{border:0;margin:0 0 1.5rem;padding:0;min-width:0}
legend{font-weight:700;padding:0;margin-bottom:.25rem}
.hint{color:#4a4a4a;margin:0 0 .5rem}
.choices{display:grid;gap:.5rem}
.choices label{display:flex;align-items:flex-start;gap:.5rem;border:2px solid #5c5c5c;border-radius:.375rem;padding:.5rem .75rem;cursor:pointer;font-weight:400}
.choices input{width:1.25rem;height:1.25rem;margin:.2rem 0 0;flex:none}
.choices span span{display:block;color:#4a4a4a;font-size:1rem}
.field{margin:0 0 1.25rem}
.field label{display:block;font-weight:700;margin-bottom:.25rem}
input[type=text],input[type=email],input[type=tel],select{width:100%;font:inherit;padding:.5rem;border:2px solid #5c5c5c;border-radius:.375rem;min-height:2.75rem}
textarea{width:100%;min-height:10rem;font:inherit;padding:.5rem;border:2px solid #5c5c5c;border-radius:.375rem}
button{font:inherit;font-weight:700;color:#fff;background:#0b6b3a;border:0;border-radius:.375rem;padding:.75rem 1.5rem;min-height:3rem;cursor:pointer}
.error{color:#b3261e;font-weight:700;margin:0 0 .5rem}
.invalid input,.invalid select,.invalid textarea,.invalid .choices label{border-color:#b3261e}
.error-summary{border:4px solid #b3261e;padding:1rem;margin:0 0 1.5rem}
.error-summary h2{margin:0 0 .5rem}
.error-summary a{color:#b3261e;font-weight:700}
.privacy{border-left:4px solid #0b4f9c;background:#f2f6fb;padding:.75rem 1rem;margin:0 0 1.5rem}
.privacy h2{margin-top:0;font-size:1.125rem}
.receipt{border:3px solid #0b6b3a;padding:1rem;margin:0 0 1.5rem}
.receipt p{margin:.25rem 0}
.link{word-break:break-all;font-family:ui-monospace,Consolas,monospace;font-size:1rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0 0 1.5rem}
dt{font-weight:700}
dd{margin:0}
.reply{border-left:4px solid #5c5c5c;padding:.25rem 1rem;margin:0 0 1rem;white-space:pre-wrap}
.note{color:#4a4a4a;font-size:1rem}
.hp{display:none}
altcha-widget{display:block;margin:0 0 1.5rem;max-width:100%}
.visually-hidden{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;
const styleHash = createHash('sha256').update(style, 'utf8').digest('base64');

function contentSecurityPolicy(withWidget: boolean): string {
  return [
    "default-src 'none'",
    // The widget's own stylesheet is a file; the page's is inline, allowed by its hash.
    withWidget ? `style-src 'self' 'sha256-${styleHash}'` : `style-src 'sha256-${styleHash}'`,
    ...(withWidget ? ["script-src 'self'", "worker-src 'self'", "connect-src 'self'", "img-src 'self' data:"] : []),
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const baseHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  // The status token is in the path: never sent to another site (and the form's own POST keeps its Origin).
  'referrer-policy': 'same-origin',
  'cache-control': 'no-store',
};

/** The page's own check, for errors beside each field; the register validates the body again. */
const fieldsSchema = z.object({
  kind: z.enum(publicReportKinds),
  caseAreaId: z.string().min(1).max(64),
  caseNumber: z.string().trim().max(limits.caseNumber),
  description: z.string().trim().min(1).max(limits.description),
  name: z.string().trim().max(limits.name),
  email: z.union([z.literal(''), z.email().max(limits.email)]),
  phone: z.union([
    z.literal(''),
    z
      .string()
      .max(limits.phone)
      .regex(/^[+0-9 ()-]{4,}$/),
  ]),
});
type FormValues = Record<Exclude<PublicReportField, 'proof'>, string>;
const formFieldNames = ['kind', 'caseAreaId', 'caseNumber', 'description', 'name', 'email', 'phone'] as const;

export function createRegisterPage(deps: {
  door: PublicRegisterDoor;
  limiter: RateLimiter;
  publicUrl: string;
  timeZone?: string;
  /** Requests a minute from one address (form, posts and status pages together). */
  requestsPerMinute?: number;
}): RegisterPage {
  const allowedOrigins = new Set([new URL(deps.publicUrl).origin]);
  const form = async (locale: Locale, values: FormValues, errors: readonly PublicReportField[]) =>
    formPage(locale, deps.door.challengePath, await deps.door.options(locale), values, errors);
  return async (request) => {
    const url = new URL(request.url);
    const path = url.pathname.replace(/\/$/, '') || '/';
    let locale = localeOf(url.searchParams.get('lang'), request.headers.get('accept-language'));

    const asset = registerAssetPath.exec(path);
    if (asset) {
      const found = request.method === 'GET' || request.method === 'HEAD' ? registerAsset(asset[1]!) : undefined;
      if (!found) {
        const notFound: HttpResponseInit = {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: 'Not found',
        };
        return notFound;
      }
      const served: HttpResponseInit = {
        status: 200,
        headers: {
          'content-type': found.contentType,
          'cache-control': 'public, max-age=86400',
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'same-origin',
        },
        body: found.body,
      };
      return served;
    }

    try {
      await deps.limiter.address(clientAddress(request), deps.requestsPerMinute ?? registerRequestsPerMinute);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'RATE_LIMITED') throw error;
      const retry = error.details?.['retryAfterSeconds'];
      return registerRefusedPage(
        locale,
        'rate-limited',
        429,
        typeof retry === 'number' ? { 'retry-after': String(retry) } : {},
      );
    }

    const status = statusPath.exec(path);
    if (status) {
      if (request.method !== 'GET' && request.method !== 'HEAD')
        return registerRefusedPage(locale, 'unsupported', 405, { allow: 'GET, HEAD' });
      const view = await deps.door.status(status[1]!, locale);
      if (!view) return messagePage(locale, 404);
      return page(200, statusPage(view, locale, path, url, deps), false);
    }
    if (path !== '/register') return messagePage(locale, 404);

    if (request.method === 'GET' || request.method === 'HEAD') {
      const kind = url.searchParams.get('kind');
      const initial = { ...emptyValues(), kind: publicReportKinds.includes(kind as PublicReportKind) ? kind! : '' };
      return page(200, await form(locale, initial, []), true);
    }
    if (request.method !== 'POST') return registerRefusedPage(locale, 'unsupported', 405, { allow: 'GET, HEAD, POST' });
    const origin = request.headers.get('origin');
    const fetchSite = request.headers.get('sec-fetch-site');
    if (
      (origin !== null && !allowedOrigins.has(origin) && origin !== url.origin) ||
      (fetchSite !== null && fetchSite !== 'same-origin' && fetchSite !== 'none')
    )
      return registerRefusedPage(locale, 'cross-site', 403);
    if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get('content-type') ?? ''))
      return registerRefusedPage(locale, 'unsupported', 415);
    if (Number(request.headers.get('content-length') ?? '0') > maxRegisterFormBytes)
      return registerRefusedPage(locale, 'too-large', 413);
    const bytes = new Uint8Array(await request.arrayBuffer());
    if (bytes.byteLength > maxRegisterFormBytes) return registerRefusedPage(locale, 'too-large', 413);
    let posted: URLSearchParams;
    try {
      posted = new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return registerRefusedPage(locale, 'unsupported', 400);
    }
    locale = localeOf(posted.get('lang') ?? url.searchParams.get('lang'), request.headers.get('accept-language'));
    // A person never sees the honeypot; whatever fills it is refused before the register is asked.
    if ((posted.get(honeypotName) ?? '') !== '') return registerRefusedPage(locale, 'bot', 400);

    const values = emptyValues();
    for (const name of formFieldNames) values[name] = posted.get(name) ?? '';
    const proof = posted.get('altcha') ?? '';
    const parsed = fieldsSchema.safeParse(values);
    if (!parsed.success) {
      const invalid = new Set(parsed.error.issues.map((issue) => String(issue.path[0]) as PublicReportField));
      if (proof === '') invalid.add('proof');
      return page(422, await form(locale, values, orderedFields(invalid)), true);
    }
    if (proof === '' || proof.length > 4000) return page(422, await form(locale, values, ['proof']), true);
    const { name, email, phone, caseNumber, ...rest } = parsed.data;
    const contact = {
      ...(name ? { name } : {}),
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
    };
    let outcome: PublicReportOutcome;
    try {
      outcome = await deps.door.receive({
        body: {
          ...rest,
          ...(caseNumber ? { caseNumber } : {}),
          ...(Object.keys(contact).length > 0 ? { contact } : {}),
          locale,
          altcha: proof,
        },
        address: clientAddress(request),
      });
    } catch (error) {
      // The register's own limit on submissions from one address (it counts them apart from the page's).
      if (!isAppError(error) || error.code !== 'RATE_LIMITED') throw error;
      return registerRefusedPage(locale, 'rate-limited', 429);
    }
    if (outcome.state === 'bot') return registerRefusedPage(locale, 'bot', 400);
    if (outcome.state === 'unverified') return page(422, await form(locale, values, ['proof']), true);
    if (outcome.state === 'rejected')
      return page(422, await form(locale, values, orderedFields(new Set(outcome.fields))), true);
    // Post/redirect/get: a reload of the receipt does not send again. `answer` only words the receipt.
    const answer = outcome.canBeAnswered ? 'yes' : 'no';
    return {
      status: 303,
      headers: {
        ...baseHeaders,
        location: `/register/status/${outcome.statusToken}?lang=${locale}&sent=1&answer=${answer}`,
      },
      body: '',
    };
  };
}

function emptyValues(): FormValues {
  return { kind: '', caseAreaId: '', caseNumber: '', description: '', name: '', email: '', phone: '' };
}

const fieldOrder: readonly PublicReportField[] = [...formFieldNames, 'proof'];
function orderedFields(fields: ReadonlySet<PublicReportField>): PublicReportField[] {
  return fieldOrder.filter((field) => fields.has(field));
}

function escape(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function page(
  status: number,
  html: string,
  withWidget: boolean,
  headers: Record<string, string> = {},
): HttpResponseInit {
  return {
    status,
    headers: { ...baseHeaders, 'content-security-policy': contentSecurityPolicy(withWidget), ...headers },
    body: html,
  };
}

function documentOf(
  locale: Locale,
  title: string,
  main: string,
  options: { languagePath?: string; withWidget?: boolean } = {},
): string {
  const text = registerPageText(locale);
  const languages = options.languagePath
    ? `<nav aria-label="${escape(text('languageSwitch'))}"><ul>${locales
        .map((candidate) => {
          const current = candidate === locale ? ' aria-current="page"' : '';
          return `<li><a href="${escape(options.languagePath!)}?lang=${candidate}" lang="${candidate}" hreflang="${candidate}"${current}>${escape(registerPageText(candidate)('languageName'))}</a></li>`;
        })
        .join('')}</ul></nav>`
    : '';
  // Module scripts run in order after parsing; each keeps its own scope (the widget and its texts
  // both declare top-level names).
  const widget = options.withWidget
    ? `<link rel="stylesheet" href="/register/assets/altcha.css">
<script type="module" src="/register/assets/altcha.js"></script>
${locale === 'en' ? '' : `<script type="module" src="/register/assets/altcha-${locale}.js"></script>\n`}<script type="module" src="/register/assets/register-setup.js"></script>`
    : '';
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escape(title)}</title>
<style>${style}</style>
${widget}
</head>
<body>
<main>
${languages}
${main}
</main>
</body>
</html>`;
}

function messagePage(locale: Locale, status: number): HttpResponseInit {
  const text = registerPageText(locale);
  return page(
    status,
    documentOf(
      locale,
      text('invalidTitle'),
      `<h1>${escape(text('invalidTitle'))}</h1><p>${escape(text('invalidBody'))}</p><p><a href="/register?lang=${locale}">${escape(text('newReport'))}</a></p>`,
    ),
    false,
  );
}

/** A request refused before the register was asked: too large, too many, cross-site, not a form, a bot. */
export function registerRefusedPage(
  locale: Locale,
  reason: RegisterRefusedReason,
  status: number,
  headers: Record<string, string> = {},
): HttpResponseInit {
  const text = registerPageText(locale);
  return page(
    status,
    documentOf(
      locale,
      text('refusedTitle'),
      `<h1>${escape(text('refusedTitle'))}</h1><p>${escape(text(`refused.${reason}`))}</p>`,
    ),
    false,
    headers,
  );
}

function formPage(
  locale: Locale,
  challengePath: string,
  options: PublicRegisterOptionsDto,
  values: FormValues,
  errors: readonly PublicReportField[],
): string {
  const text = registerPageText(locale);
  const invalid = new Set(errors);
  const errorText = (field: PublicReportField) =>
    text(`errors.${field}`, { max: field in limits ? limits[field as keyof typeof limits] : 0 });
  const anchorOf = (field: PublicReportField) =>
    field === 'kind' ? 'kind-praise' : field === 'proof' ? 'proof-hint' : field;
  const summary =
    errors.length === 0
      ? ''
      : `<div class="error-summary" tabindex="-1" autofocus aria-labelledby="error-summary-title">
<h2 id="error-summary-title">${escape(text('errorSummaryTitle'))}</h2>
<ul>${errors.map((field) => `<li><a href="#${anchorOf(field)}">${escape(errorText(field))}</a></li>`).join('')}</ul>
</div>`;
  const errorLine = (field: PublicReportField) =>
    invalid.has(field)
      ? `<p class="error" id="${field}-error"><span class="visually-hidden">${escape(text('errorPrefix'))}: </span>${escape(errorText(field))}</p>`
      : '';
  const describedBy = (field: PublicReportField, hasHint: boolean) => {
    const ids = [...(hasHint ? [`${field}-hint`] : []), ...(invalid.has(field) ? [`${field}-error`] : [])];
    return ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : '';
  };
  const input = (
    field: 'caseNumber' | 'name' | 'email' | 'phone',
    options: { type: 'text' | 'email' | 'tel'; required: boolean; hint?: string; autocomplete?: string },
  ) => {
    const label = text(`${field}Label`);
    const marker = options.required ? text('required') : text('optional');
    const hint = options.hint ? `<p class="hint" id="${field}-hint">${escape(options.hint)}</p>` : '';
    return `<div class="field${invalid.has(field) ? ' invalid' : ''}">
<label for="${field}">${escape(label)} <span class="marker">${escape(marker)}</span></label>
${hint}${errorLine(field)}<input type="${options.type}" id="${field}" name="${field}" value="${escape(values[field])}" maxlength="${limits[field]}"${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}${options.required ? ' required' : ''}${invalid.has(field) ? ' aria-invalid="true"' : ''}${describedBy(field, Boolean(options.hint))}>
</div>`;
  };
  const kinds = publicReportKinds
    .map(
      (kind) =>
        `<label for="kind-${kind}"><input type="radio" id="kind-${kind}" name="kind" value="${kind}"${values.kind === kind ? ' checked' : ''} required><span>${escape(text(`kind.${kind}`))}<span>${escape(text(`kindHint.${kind}`))}</span></span></label>`,
    )
    .join('');
  const title = `${errors.length > 0 ? `${text('errorPrefix')}: ` : ''}${text('formTitle')}`;
  const main = `<h1>${escape(text('formTitle'))}</h1>
${summary}
<p>${escape(text('formIntro'))}</p>
<form method="post" action="/register" novalidate>
<input type="hidden" name="lang" value="${locale}">
<fieldset class="${invalid.has('kind') ? 'invalid' : ''}"${invalid.has('kind') ? ' aria-describedby="kind-error"' : ''}>
<legend>${escape(text('kindLegend'))} <span class="marker">${escape(text('required'))}</span></legend>
${errorLine('kind')}<div class="choices">${kinds}</div>
</fieldset>
<div class="field${invalid.has('caseAreaId') ? ' invalid' : ''}">
<label for="caseAreaId">${escape(text('caseAreaIdLabel'))} <span class="marker">${escape(text('required'))}</span></label>
<p class="hint" id="caseAreaId-hint">${escape(text('caseAreaIdHint'))}</p>
${errorLine('caseAreaId')}<select id="caseAreaId" name="caseAreaId" required${invalid.has('caseAreaId') ? ' aria-invalid="true"' : ''}${describedBy('caseAreaId', true)}>
<option value="">${escape(text('caseAreaChoose'))}</option>
${options.caseAreas.map((area) => `<option value="${escape(area.id)}"${values.caseAreaId === area.id ? ' selected' : ''}>${escape(area.label)}</option>`).join('\n')}
</select>
</div>
${input('caseNumber', { type: 'text', required: false, hint: text('caseNumberHint') })}
<div class="field${invalid.has('description') ? ' invalid' : ''}">
<label for="description">${escape(text('descriptionLabel'))} <span class="marker">${escape(text('required'))}</span></label>
<p class="hint" id="description-hint">${escape(text('descriptionHint', { max: limits.description }))}</p>
${errorLine('description')}<textarea id="description" name="description" rows="8" maxlength="${limits.description}" required${invalid.has('description') ? ' aria-invalid="true"' : ''}${describedBy('description', true)}>${escape(values.description)}</textarea>
</div>
<fieldset aria-describedby="contact-hint">
<legend>${escape(text('contactLegend'))} <span class="marker">${escape(text('optional'))}</span></legend>
<p class="hint" id="contact-hint">${escape(text('contactHint'))}</p>
${input('name', { type: 'text', required: false, autocomplete: 'name' })}
${input('email', { type: 'email', required: false, hint: text('emailHint'), autocomplete: 'email' })}
${input('phone', { type: 'tel', required: false, autocomplete: 'tel' })}
</fieldset>
<section class="privacy" aria-labelledby="privacy-title">
<h2 id="privacy-title">${escape(text('privacyTitle'))}</h2>
<p>${escape(text('privacyText'))}</p>
</section>
<div class="hp" aria-hidden="true"><label for="${honeypotName}">${escape(text('honeypotLabel'))}</label><input type="text" id="${honeypotName}" name="${honeypotName}" value="" tabindex="-1" autocomplete="off"></div>
<div class="field${invalid.has('proof') ? ' invalid' : ''}">
<p class="hint" id="proof-hint" tabindex="-1"><strong>${escape(text('proofLabel'))}:</strong> ${escape(text('proofHint'))}</p>
${errorLine('proof')}<altcha-widget challenge="${escape(challengePath)}" name="altcha" language="${locale}" auto="onfocus" configuration="${escape(JSON.stringify({ hideFooter: true, hideLogo: true }))}"></altcha-widget>
<noscript><p class="error">${escape(text('noScript'))}</p></noscript>
</div>
<button type="submit">${escape(text('submit'))}</button>
</form>`;
  return documentOf(locale, title, main, { languagePath: '/register', withWidget: true });
}

function statusPage(
  view: PublicStatusDto,
  locale: Locale,
  path: string,
  url: URL,
  deps: { publicUrl: string; timeZone?: string },
): string {
  const text = registerPageText(locale);
  const date = (value: string) => formatDate(value, locale, deps.timeZone);
  const isNew = url.searchParams.get('sent') === '1';
  const link = `${deps.publicUrl.replace(/\/$/, '')}${path}`;
  const answered = url.searchParams.get('answer');
  const receipt = isNew
    ? `<div class="receipt" role="status">
<h2>${escape(text('receiptTitle'))}</h2>
<p>${escape(text('receiptNumber', { number: view.receiptNumber }))}</p>
<p>${escape(text('receiptLink'))}</p>
<p class="link"><a href="${escape(link)}">${escape(link)}</a></p>
${answered === 'yes' ? `<p>${escape(text('receiptAnswerByMail'))}</p>` : answered === 'no' ? `<p>${escape(text('receiptAnonymous'))}</p>` : ''}
</div>`
    : '';
  const interims = view.interimReplies
    .map(
      (interim) => `<h2>${escape(text('interimTitle'))}</h2>
<p class="note">${escape(date(interim.sentAt))}</p>
<div class="reply">${escape(interim.text)}</div>
<p>${escape(text('waitingFor', { what: interim.waitingFor }))}</p>
<p>${escape(text('expectedAnswer', { date: date(interim.expectedOn) }))}</p>`,
    )
    .join('\n');
  const answer = view.reply
    ? `<h2>${escape(text('answerTitle'))}</h2>
<p class="note">${escape(text('answeredOn', { date: date(view.reply.sentAt) }))}</p>
<div class="reply" data-testid="answer">${escape(view.reply.text)}</div>`
    : `<p>${escape(text('noAnswerYet'))}${view.replyDueOn && view.interimReplies.length === 0 ? ` ${escape(text('expectedAnswer', { date: date(view.replyDueOn) }))}` : ''}</p>`;
  const heading = text('statusTitle', { number: view.receiptNumber });
  const facts: [string, string][] = [
    [text('statusLabel'), text(`status.${view.status}`)],
    [text('kindLabel'), text(`kind.${view.kind}`)],
    ...(view.caseArea ? [[text('caseAreaLabel'), view.caseArea] as [string, string]] : []),
    [text('receivedLabel'), date(view.receivedOn)],
    ...(view.closedOn ? [[text('closedLabel'), date(view.closedOn)] as [string, string]] : []),
  ];
  const main = `<h1>${escape(heading)}</h1>
${receipt}
<dl>
${facts.map(([term, value]) => `<dt>${escape(term)}</dt><dd>${escape(value)}</dd>`).join('\n')}
</dl>
${interims}
${answer}
<h2>${escape(text('yourText'))}</h2>
<div class="reply">${escape(view.description)}</div>
<p><a href="/register?lang=${locale}">${escape(text('newReport'))}</a></p>`;
  return documentOf(locale, heading, main, { languagePath: path });
}
