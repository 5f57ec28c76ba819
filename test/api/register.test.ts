import Database from 'better-sqlite3';
import { join } from 'node:path';
import { solveChallenge } from 'altcha-lib/v1';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The register over HTTP against the seeded demo database: the settings, the public form
 * (accepted with a solved proof-of-work; refused without one, replayed, with the honeypot filled,
 * over the size limits, past the rate limit; the register unchanged after each), the private
 * status link (its own item only), an employee's report, who sees contact details, the reply
 * (on the status page and e-mailed into the outbox) and a corrective action started from an item.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.stop());

const label = (da: string) => ({ da, nb: `${da} (nb)`, en: `${da} (en)` });
const settingsBody = {
  categories: [{ id: 'service', label: label('Service'), kinds: ['complaint', 'deviation'], isActive: true }],
  rootCauseCategories: [
    { id: 'training', label: label('Oplæring'), isActive: true },
    { id: 'procedure', label: label('Procedure'), isActive: true },
  ],
  caseAreas: [
    { id: 'natur', label: label('Natur og vandløb'), unitId: 'natur', isActive: true },
    { id: 'gammel', label: label('Nedlagt'), unitId: 'miljo', isActive: false },
  ],
  riskBands: { greenMax: 4, yellowMax: 12 },
  routingRules: [
    { scope: 'unit', fromSeverity: 1, level: 0 },
    { scope: 'unit', fromSeverity: 4, level: 'top' },
    { scope: 'several-units', fromSeverity: 1, level: 'top' },
    { scope: 'administration', fromSeverity: 1, level: 'top' },
  ],
  replyDeadlines: {
    praise: { unit: 'working-days', count: 10 },
    complaint: { unit: 'working-days', count: 10 },
    suggestion: { unit: 'working-days', count: 10 },
    deviation: { unit: 'working-days', count: 10 },
  },
  holidayCalendar: 'dk',
  remindDaysBefore: 2,
  escalateDaysAfter: 3,
  contactRetentionYears: 5,
};

async function solvedPayload(): Promise<string> {
  const challenge = await server.api.get(null, '/public/register/challenge');
  expect(challenge.status).toBe(200);
  const { algorithm, challenge: hash, salt, signature, maxnumber } = challenge.body;
  const solution = await solveChallenge(hash, salt, algorithm, maxnumber).promise;
  expect(solution).not.toBeNull();
  return Buffer.from(
    JSON.stringify({ algorithm, challenge: hash, number: solution!.number, salt, signature }),
  ).toString('base64');
}

const submission = (altcha: string, overrides: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  caseAreaId: 'natur',
  description: 'Ingen har svaret på min henvendelse om vandløbet.\nDet er tre uger siden.',
  contact: { name: 'Borger Jensen', email: 'borger@example.dk' },
  locale: 'da',
  altcha,
  ...overrides,
});

function registerRowCount(): number {
  const db = new Database(join(server.dataDir, 'kvalitetshaandbog.sqlite'), { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM register_items').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

function mailsTo(address: string): { subject: string; text: string }[] {
  const db = new Database(join(server.dataDir, 'kvalitetshaandbog.sqlite'), { readonly: true });
  try {
    return (
      db.prepare('SELECT card FROM outbox WHERE recipient_id = ?').all(`mailto:${address}`) as { card: string }[]
    ).map((row) => JSON.parse(row.card));
  } finally {
    db.close();
  }
}

describe('register settings', () => {
  it('the coordinator saves them; a caseworker may not', async () => {
    const current = await server.api.get(people.natureCaseworker, '/register/settings');
    expect(current.status).toBe(200);
    expect(current.body.abilities.manage).toBe(false);
    const etag = `"${current.body.etag}"`;
    const refused = await server.api.call(people.natureCaseworker, 'PUT', '/register/settings', {
      json: settingsBody,
      ifMatch: etag,
    });
    expect(refused.status).toBe(403);
    const saved = await server.api.call(people.coordinator, 'PUT', '/register/settings', {
      json: settingsBody,
      ifMatch: etag,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.etag).toBe(String(Number(current.body.etag) + 1));
    const stale = await server.api.call(people.coordinator, 'PUT', '/register/settings', {
      json: settingsBody,
      ifMatch: etag,
    });
    expect(stale.status).toBe(409);
  });
});

let statusToken: string;
let receiptNumber: string;
let publicItemId: string;

describe('the public form', () => {
  it('offers the active case areas in the asked language', async () => {
    const options = await server.api.get(null, '/public/register/options?locale=nb');
    expect(options.status).toBe(200);
    expect(options.body.caseAreas).toEqual([{ id: 'natur', label: 'Natur og vandløb (nb)' }]);
  });

  it('accepts a valid submission without sign-in: receipt number and private status link', async () => {
    const before = registerRowCount();
    const response = await server.api.call(null, 'POST', '/public/register/submissions', {
      json: submission(await solvedPayload()),
    });
    expect(response.status).toBe(201);
    expect(response.body.receiptNumber).toMatch(/^\d{4}-[2-9A-HJ-NP-Z]{6}$/);
    expect(response.body.canBeAnswered).toBe(true);
    expect(response.body.statusPath).toBe(`/register/status/${response.body.statusToken}`);
    expect(registerRowCount()).toBe(before + 1);
    statusToken = response.body.statusToken;
    receiptNumber = response.body.receiptNumber;
    const status = await server.api.get(null, `/public/register/status/${statusToken}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      receiptNumber: response.body.receiptNumber,
      status: 'registered',
      reply: null,
    });
    expect(JSON.stringify(status.body)).not.toContain('borger@example.dk');
  });

  it('routes it to the leader of the case area’s unit', async () => {
    const inbox = await server.api.get(people.natureLeader, '/register/items?view=to-handle');
    expect(inbox.status).toBe(200);
    const row = inbox.body.rows.find((entry: any) => entry.receiptNumber === receiptNumber);
    expect(row).toBeDefined();
    publicItemId = row.source.itemId;
  });

  it.each([
    ['no proof-of-work at all', () => submission('bm90IGEgcGF5bG9hZA=='), 'altcha'],
    [
      'the honeypot filled',
      async () => submission(await solvedPayload(), { website: 'http://spam.example' }),
      'website',
    ],
    ['an inactive case area', async () => submission(await solvedPayload(), { caseAreaId: 'gammel' }), 'caseAreaId'],
    ['a text over the limit', async () => submission(await solvedPayload(), { description: 'x'.repeat(5001) }), null],
    ['a wrong e-mail address', async () => submission(await solvedPayload(), { contact: { email: 'nope' } }), null],
  ])('refuses %s with 400 and the register unchanged', async (_name, build, field) => {
    const before = registerRowCount();
    const response = await server.api.call(null, 'POST', '/public/register/submissions', { json: await build() });
    expect(response.status).toBe(400);
    if (field !== null) expect(response.body.details.field).toBe(field);
    expect(registerRowCount()).toBe(before);
  });

  it('refuses a replayed proof-of-work', async () => {
    const payload = await solvedPayload();
    const first = await server.api.call(null, 'POST', '/public/register/submissions', { json: submission(payload) });
    expect(first.status).toBe(201);
    const before = registerRowCount();
    const replay = await server.api.call(null, 'POST', '/public/register/submissions', { json: submission(payload) });
    expect(replay.status).toBe(400);
    expect(replay.body.details).toMatchObject({ field: 'altcha', reason: 'replayed' });
    expect(registerRowCount()).toBe(before);
  });

  it('refuses a body over the size limit with 413', async () => {
    const before = registerRowCount();
    const response = await server.api.call(null, 'POST', '/public/register/submissions', {
      json: submission('x'.repeat(20_000)),
    });
    expect(response.status).toBe(413);
    expect(registerRowCount()).toBe(before);
  });

  it('a status link shows only its own item; an unknown one is 404', async () => {
    const unknown = await server.api.get(null, `/public/register/status/${'A'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    const malformed = await server.api.get(null, '/public/register/status/short');
    expect(malformed.status).toBe(400);
  });
});

describe('employees and handling', () => {
  let deviationId: string;

  it('a caseworker reports a deviation on a procedure; it goes to her unit’s leader', async () => {
    const procedures = await server.api.get(people.natureCaseworker, '/procedures?limit=1');
    const procedureId = procedures.body.items[0].id;
    const response = await server.api.call(people.natureCaseworker, 'POST', '/register/items', {
      json: {
        kind: 'deviation',
        title: 'Journalen blev ikke opdateret',
        description: 'Afgørelsen blev sendt uden journalnotat.',
        procedureIds: [procedureId],
        severity: 2,
        likelihood: 3,
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      status: 'registered',
      handler: { id: people.natureLeader },
      riskScore: 6,
      riskBand: 'yellow',
      canBeAnswered: true,
    });
    deviationId = response.body.id;
  });

  it('refuses an unknown procedure with 400 and writes nothing', async () => {
    const before = registerRowCount();
    const response = await server.api.call(people.natureCaseworker, 'POST', '/register/items', {
      json: { kind: 'suggestion', title: 'x', description: 'y', procedureIds: ['no-such-procedure'] },
    });
    expect(response.status).toBe(400);
    expect(registerRowCount()).toBe(before);
  });

  it('contact details: the handler and the coordinator see them, a caseworker never', async () => {
    const leader = await server.api.get(people.natureLeader, `/register/items/${publicItemId}`);
    expect(leader.body.contact).toMatchObject({ email: 'borger@example.dk' });
    const coordinator = await server.api.get(people.coordinator, `/register/items/${publicItemId}`);
    expect(coordinator.body.contact).toMatchObject({ email: 'borger@example.dk' });
    const caseworker = await server.api.get(people.natureCaseworker, `/register/items/${publicItemId}`);
    expect(caseworker.status).toBe(404);
    const director = await server.api.get(people.director, `/register/items/${publicItemId}`);
    expect(director.status).toBe(200);
    expect(director.body.contact).toBeNull();
    expect(director.body.hasContact).toBe(true);
  });

  it('a caseworker cannot handle an item (403) and the item is unchanged', async () => {
    const before = await server.api.get(people.natureLeader, `/register/items/${deviationId}`);
    const refused = await server.api.call(people.natureCaseworker, 'POST', `/register/items/${deviationId}/reply`, {
      json: { text: 'Tak' },
      ifMatch: `"${before.body.etag}"`,
    });
    expect(refused.status).toBe(403);
    const after = await server.api.get(people.natureLeader, `/register/items/${deviationId}`);
    expect(after.body.etag).toBe(before.body.etag);
  });

  it('the leader replies: the status page shows it and the sender gets an e-mail', async () => {
    const item = await server.api.get(people.natureLeader, `/register/items/${publicItemId}`);
    const closeEarly = await server.api.call(people.natureLeader, 'POST', `/register/items/${publicItemId}/status`, {
      json: { to: 'closed' },
      ifMatch: `"${item.body.etag}"`,
    });
    expect(closeEarly.status).toBe(409);
    expect(closeEarly.body.details.reason).toBe('needs-reply');
    const replied = await server.api.call(people.natureLeader, 'POST', `/register/items/${publicItemId}/reply`, {
      json: { text: 'Vi har talt med sagsbehandleren, og du får svar i denne uge.' },
      ifMatch: `"${item.body.etag}"`,
    });
    expect(replied.status).toBe(200);
    expect(replied.body.reply).toMatchObject({ deliveredBy: 'email', isLate: false });
    const status = await server.api.get(null, `/public/register/status/${statusToken}`);
    expect(status.body.reply.text).toContain('du får svar i denne uge');
    const mails = mailsTo('borger@example.dk');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(status.body.receiptNumber);
    const closed = await server.api.call(people.natureLeader, 'POST', `/register/items/${publicItemId}/status`, {
      json: { to: 'closed' },
      ifMatch: `"${replied.body.etag}"`,
    });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('the leader records the root cause and starts a corrective action from the deviation', async () => {
    const item = await server.api.get(people.natureLeader, `/register/items/${deviationId}`);
    const handled = await server.api.call(people.natureLeader, 'PATCH', `/register/items/${deviationId}/handling`, {
      json: { correction: 'Notatet er skrevet.', rootCauseCategoryId: 'training', rootCause: 'Ny medarbejder.' },
      ifMatch: `"${item.body.etag}"`,
    });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ status: 'in-handling', rootCauseCategory: { id: 'training' } });
    const started = await server.api.call(
      people.natureLeader,
      'POST',
      `/register/items/${deviationId}/corrective-actions`,
      { json: {}, ifMatch: `"${handled.body.etag}"` },
    );
    expect(started.status).toBe(201);
    expect(started.body.item.status).toBe('open');
    const action = await server.api.get(people.coordinator, `/corrective-actions/${started.body.correctiveActionId}`);
    expect(action.status).toBe(200);
    expect(action.body.title).toContain('Journalen blev ikke opdateret');
    expect(action.body.source).toEqual({ kind: 'feedback', feedbackId: deviationId });
  });

  it('statistics count it in the Pareto', async () => {
    const statistics = await server.api.get(people.natureLeader, '/register/statistics');
    expect(statistics.status).toBe(200);
    expect(statistics.body.pareto).toContainEqual(expect.objectContaining({ key: 'training', label: 'Oplæring' }));
    expect(statistics.body.total).toBeGreaterThan(1);
    const refused = await server.api.get(people.natureCaseworker, '/register/statistics');
    expect(refused.status).toBe(403);
  });

  it('statistics word kinds and channels in the asked language, as the other breakdowns', async () => {
    const labelsOf = (rows: { key: string; label: string }[]) =>
      Object.fromEntries(rows.map((row) => [row.key, row.label]));
    const danish = await server.api.get(people.natureLeader, '/register/statistics');
    expect(labelsOf(danish.body.byKind)).toMatchObject({ complaint: 'Klage', deviation: 'Afvigelse' });
    expect(labelsOf(danish.body.byChannel)).toMatchObject({ public: 'Borgerformular', tab: 'Kvalitetshåndbogen' });
    const norwegian = await server.api.get(people.natureLeader, '/register/statistics?locale=nb');
    expect(labelsOf(norwegian.body.byKind)).toMatchObject({ complaint: 'Ris', deviation: 'Avvik' });
    expect(labelsOf(norwegian.body.byChannel)).toMatchObject({ public: 'Innbyggerskjema' });
    expect(labelsOf(norwegian.body.byRootCause)).toMatchObject({ training: expect.any(String) });
    const english = await server.api.get(people.natureLeader, '/register/statistics?locale=en');
    expect(labelsOf(english.body.byChannel)).toMatchObject({ public: 'Public form', tab: 'Quality handbook' });
    expect((await server.api.get(people.natureLeader, '/register/statistics?locale=sv')).status).toBe(400);
  });
});

describe('the rate limit of the public form', () => {
  it('answers 429 past the limit per address, and nothing is written', async () => {
    let status = 0;
    for (let index = 0; index < 40 && status !== 429; index++) {
      status = (await server.api.get(null, '/public/register/options')).status;
    }
    expect(status).toBe(429);
    const before = registerRowCount();
    const refused = await server.api.call(null, 'POST', '/public/register/submissions', { json: submission('x') });
    expect(refused.status).toBe(429);
    expect(registerRowCount()).toBe(before);
  });
});
