import azureFunctions from '@azure/functions';
import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../http/rate-limit.js';
import { asLocalDate } from '../core/local-date.js';
import type { PublicStatusDto, PublicSubmissionBody } from '../contract/register-schemas.js';
import { createRegisterPage, type PublicRegisterDoor } from './register-page.js';

const { HttpRequest } = azureFunctions;
const origin = 'https://kh.example.org';

/** A register that keeps what it received, verifies the proof "ok" only, and knows one status link. */
function fakeDoor() {
  const received: PublicSubmissionBody[] = [];
  const view: PublicStatusDto = {
    receiptNumber: '2026-K7Q4M2',
    kind: 'complaint',
    status: 'in-handling',
    receivedOn: asLocalDate('2026-12-01'),
    caseArea: 'Byggesager',
    description: 'Ingen svarede <på> min mail.',
    replyDueOn: asLocalDate('2026-12-18'),
    interimReplies: [
      {
        text: 'Vi venter på en udtalelse.',
        waitingFor: 'Vejdirektoratet',
        expectedOn: asLocalDate('2026-12-18'),
        sentAt: '2026-12-03T09:00:00.000Z',
      },
    ],
    reply: { text: 'Tak, vi har rettet det.', sentAt: '2026-12-05T10:00:00.000Z' },
    closedOn: null,
  };
  const door: PublicRegisterDoor = {
    challengePath: '/api/public/register/challenge',
    async options(locale) {
      return {
        kinds: ['praise', 'complaint', 'suggestion'],
        caseAreas: [
          { id: 'byg', label: locale === 'en' ? 'Building cases' : 'Byggesager' },
          { id: 'affald', label: 'Affald' },
        ],
        limits: { description: 5000, caseNumber: 100, contactName: 200, email: 254, phone: 40 },
      };
    },
    async receive({ body }) {
      if (body.altcha !== 'ok') return { state: 'unverified' };
      received.push(body);
      return { state: 'received', statusToken: 'tok_123', canBeAnswered: body.contact?.email !== undefined };
    },
    async status(token) {
      return token === 'tok_123' ? view : null;
    },
  };
  return { door, received };
}

function setUp(requestsPerMinute = 300) {
  const { door, received } = fakeDoor();
  const limiter = createRateLimiter({ perPersonPerMinute: 100, perAddressPerMinute: 300, failedSignInsPerMinute: 10 });
  return { page: createRegisterPage({ door, limiter, publicUrl: origin, requestsPerMinute }), received };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  new HttpRequest({ method: 'GET', url: `${origin}${path}`, headers });

function post(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new HttpRequest({
    method: 'POST',
    url: `${origin}/register`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin, ...headers },
    body: { string: new URLSearchParams(fields).toString() },
  });
}

const valid = {
  lang: 'da',
  kind: 'complaint',
  caseAreaId: 'byg',
  caseNumber: '',
  description: 'Jeg har ventet tre måneder.',
  name: '',
  email: '',
  phone: '',
  website: '',
  altcha: 'ok',
};

describe('the public register form', () => {
  it('shows the form in the asked language with the widget from this site only', async () => {
    const { page } = setUp();
    const response = await page(get('/register?lang=nb&kind=suggestion'));
    expect(response.status).toBe(200);
    const html = String(response.body);
    expect(html).toContain('<html lang="nb">');
    expect(html).toContain('Ros, ris eller forslag');
    expect(html).toMatch(/id="kind-suggestion" name="kind" value="suggestion" checked/);
    expect(html).toContain('<option value="affald">Affald</option>');
    expect(html).toContain('<altcha-widget challenge="/api/public/register/challenge"');
    expect(html).toContain('src="/register/assets/altcha-nb.js"');
    const csp = (response.headers as Record<string, string>)['content-security-policy']!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self'");
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it('receives a valid report and sends the browser to the receipt (post/redirect/get)', async () => {
    const { page, received } = setUp();
    const response = await page(post({ ...valid, email: 'borger@example.org' }));
    expect(response.status).toBe(303);
    expect((response.headers as Record<string, string>).location).toBe(
      '/register/status/tok_123?lang=da&sent=1&answer=yes',
    );
    expect(received).toEqual([
      {
        kind: 'complaint',
        caseAreaId: 'byg',
        description: 'Jeg har ventet tre måneder.',
        contact: { email: 'borger@example.org' },
        locale: 'da',
        altcha: 'ok',
      },
    ]);
  });

  it('an anonymous report has no contact at all', async () => {
    const { page, received } = setUp();
    expect((await page(post(valid))).status).toBe(303);
    expect(received[0]!.contact).toBeUndefined();
  });

  it('refuses a filled honeypot before the register sees it', async () => {
    const { page, received } = setUp();
    const response = await page(post({ ...valid, website: 'http://spam.example' }));
    expect(response.status).toBe(400);
    expect(received).toHaveLength(0);
  });

  it('an unverified proof of work shows the form again with the error, the text kept', async () => {
    const { page, received } = setUp();
    const response = await page(post({ ...valid, altcha: 'forged' }));
    expect(response.status).toBe(422);
    const html = String(response.body);
    expect(html).toContain('Spam-beskyttelsen blev ikke gennemført');
    expect(html).toContain('Jeg har ventet tre måneder.');
    expect(received).toHaveLength(0);
  });

  it('names every invalid field in the summary and keeps the answers', async () => {
    const { page, received } = setUp();
    const response = await page(
      post({ ...valid, kind: 'spam', caseAreaId: '', description: '   ', email: 'not-an-address', altcha: '' }),
    );
    expect(response.status).toBe(422);
    const html = String(response.body);
    expect(html).toContain('<title>Fejl: Ros, klage eller forslag</title>');
    for (const anchor of ['#kind-praise', '#caseAreaId', '#description', '#email', '#proof-hint'])
      expect(html).toContain(`href="${anchor}"`);
    expect(html).toContain('value="not-an-address"');
    expect(html).toMatch(/id="email"[^>]*aria-invalid="true"[^>]*aria-describedby="email-hint email-error"/);
    expect(received).toHaveLength(0);
  });

  it('refuses cross-site posts, other content types, large bodies and too many requests', async () => {
    const { page } = setUp(3);
    expect((await page(post(valid, { origin: 'https://evil.example' }))).status).toBe(403);
    expect((await page(post(valid, { 'content-type': 'application/json' }))).status).toBe(415);
    expect((await page(post({ ...valid, description: 'x'.repeat(70_000) }))).status).toBe(413);
    const limited = await page(get('/register'));
    expect(limited.status).toBe(429);
    expect((limited.headers as Record<string, string>)['retry-after']).toMatch(/^\d+$/);
  });
});

describe('the status page of a receipt', () => {
  it('shows the receipt number, the status, the interim reply and the answer, escaped, with no script', async () => {
    const { page } = setUp();
    const response = await page(get('/register/status/tok_123?lang=da&sent=1&answer=yes'));
    expect(response.status).toBe(200);
    const html = String(response.body);
    expect(html).toContain('Dit kvitteringsnummer er 2026-K7Q4M2.');
    expect(html).toContain('Svaret sendes også til din e-mail.');
    expect(html).toContain(`${origin}/register/status/tok_123`);
    expect(html).toContain('Under behandling');
    expect(html).toContain('Vi venter på en udtalelse.');
    expect(html).toContain('Vi venter på: Vejdirektoratet');
    expect(html).toContain('Du kan forvente svar senest 18-12-2026.');
    expect(html).toContain('Tak, vi har rettet det.');
    expect(html).toContain('Ingen svarede &#60;på&#62; min mail.');
    expect(html).not.toContain('<script');
    expect((response.headers as Record<string, string>)['content-security-policy']).not.toContain('script-src');
  });

  it('an unknown token is 404, and the status page takes no posts', async () => {
    const { page } = setUp();
    expect((await page(get('/register/status/other'))).status).toBe(404);
    const posted = new HttpRequest({ method: 'POST', url: `${origin}/register/status/tok_123` });
    expect((await page(posted)).status).toBe(405);
  });
});

describe('the widget files', () => {
  it.each([
    ['altcha.js', 'text/javascript'],
    ['altcha.css', 'text/css'],
    ['altcha-da.js', 'text/javascript'],
    ['altcha-pbkdf2.js', 'text/javascript'],
    ['register-setup.js', 'text/javascript'],
  ])('%s is served from the product as %s', async (name, type) => {
    const { page } = setUp();
    const response = await page(get(`/register/assets/${name}`));
    expect(response.status).toBe(200);
    expect((response.headers as Record<string, string>)['content-type']).toContain(type);
    expect((response.body as Uint8Array).byteLength).toBeGreaterThan(100);
  });

  it('serves nothing else', async () => {
    const { page } = setUp();
    expect((await page(get('/register/assets/package.json'))).status).toBe(404);
  });
});
