import { solveChallenge } from 'altcha-lib/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveDoorSettings } from '../support/register-settings.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The register's public form and status page over the local host (issue 15): no sign-in, the
 * proof of work solved as the widget would (altcha-lib's solver on the register's own
 * challenge), a receipt with the private status link, the status page showing only its own
 * item; the honeypot, a missing proof and a cross-site post refused with the register unchanged.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await saveDoorSettings(server.url);
});
afterAll(async () => server?.stop());

async function solvedProof(): Promise<string> {
  const challenge = (await (await fetch(`${server.url}/api/public/register/challenge`)).json()) as {
    algorithm: string;
    challenge: string;
    maxnumber?: number;
    salt: string;
    signature: string;
  };
  const solution = await solveChallenge(challenge.challenge, challenge.salt, challenge.algorithm, challenge.maxnumber)
    .promise;
  const payload = { ...challenge, number: solution!.number };
  delete (payload as { maxnumber?: number }).maxnumber;
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}

async function caseAreaId(): Promise<string> {
  const options = (await (await fetch(`${server.url}/api/public/register/options?locale=da`)).json()) as {
    caseAreas: { id: string }[];
  };
  return options.caseAreas[0]!.id;
}

function postForm(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/register`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

const itemCount = async () =>
  (await server.api.get(people.coordinator, '/register/items?view=all&includeFindings=false')).body.rows
    .length as number;

describe('the public register form', () => {
  it('shows the form with the case areas, the widget and its files from the product, under a strict CSP', async () => {
    const response = await fetch(`${server.url}/register?lang=en`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe|https?:/);
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain(`<option value="${await caseAreaId()}"`);
    for (const asset of ['altcha.js', 'altcha.css', 'register-setup.js', 'altcha-sha.js']) {
      const file = await fetch(`${server.url}/register/assets/${asset}`);
      expect(file.status, asset).toBe(200);
    }
  });

  it('receives a complaint with a solved proof of work: receipt, then a status page showing only that item', async () => {
    const before = await itemCount();
    const response = await postForm({
      lang: 'da',
      kind: 'complaint',
      caseAreaId: await caseAreaId(),
      caseNumber: '',
      description: 'Ingen har svaret på min ansøgning om carport i fire måneder.',
      name: 'Jens Borger',
      email: 'jens@example.org',
      phone: '',
      website: '',
      altcha: await solvedProof(),
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/register\/status\/[A-Za-z0-9_-]{43}\?lang=da&sent=1&answer=yes$/);
    expect(await itemCount()).toBe(before + 1);

    const status = await fetch(`${server.url}${location}`);
    expect(status.status).toBe(200);
    expect(status.headers.get('content-security-policy')).not.toContain('script-src');
    const html = await status.text();
    expect(html).toMatch(/Dit kvitteringsnummer er \d{4}-[A-Z0-9]{6}\./);
    expect(html).toContain('Ingen har svaret på min ansøgning om carport i fire måneder.');
    expect(html).toContain('Registreret');
    // Never a name or an address on the status page.
    expect(html).not.toContain('Jens Borger');
    expect(html).not.toContain('jens@example.org');

    const other = await fetch(`${server.url}/register/status/${'A'.repeat(43)}`);
    expect(other.status).toBe(404);
  });

  it('refuses a filled honeypot, a missing or forged proof and a cross-site post; the register is unchanged', async () => {
    const before = await itemCount();
    const fields = {
      lang: 'da',
      kind: 'suggestion',
      caseAreaId: await caseAreaId(),
      description: 'Et forslag.',
      website: '',
      altcha: '',
    };
    expect((await postForm({ ...fields, website: 'https://spam.example', altcha: await solvedProof() })).status).toBe(
      400,
    );
    const missing = await postForm(fields);
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain('Spam-beskyttelsen blev ikke gennemført');
    const forged = Buffer.from(
      JSON.stringify({ algorithm: 'SHA-256', challenge: 'x', number: 1, salt: 'y', signature: 'z' }),
    );
    expect((await postForm({ ...fields, altcha: forged.toString('base64') })).status).toBe(422);
    expect(
      (await postForm({ ...fields, altcha: await solvedProof() }, { origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect(await itemCount()).toBe(before);
  });

  it('a used proof of work cannot be sent twice', async () => {
    const proof = await solvedProof();
    const fields = {
      lang: 'da',
      kind: 'praise',
      caseAreaId: await caseAreaId(),
      description: 'Tak for hjælpen.',
      altcha: proof,
    };
    expect((await postForm(fields)).status).toBe(303);
    const before = await itemCount();
    expect((await postForm(fields)).status).toBe(422);
    expect(await itemCount()).toBe(before);
  });
});
