import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shareSatisfied } from '../../functions/src/app/survey-measure.js';
import { hashSurveyToken, newSurveyToken } from '../../functions/src/app/survey-tokens.js';
import { writeXlsx } from '../../functions/src/documents/competence-sheet.js';
import { requestsPerMinute } from '../../functions/src/public/survey-page.js';
import { demoCaseTypes, demoSurveyId, linkDemoSurveyGoals } from '../../functions/src/seed/demo-surveys.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * Satisfaction surveys over HTTP against the seeded demo database: the management routes and
 * their 403s, personal links, the public answer page (answered once, expired and forged tokens
 * refused alike, bad answers refused), the import of an external tool's results, and results.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
}, 60_000);
afterAll(async () => server?.stop());

const text = (da: string) => ({ da, nb: `${da} (nb)`, en: `${da} (en)` });
const surveyBody = {
  title: text('Tilfredshed med byggesager'),
  intro: text('Om sagsbehandlingen, ikke afgørelsen.'),
  questions: [
    {
      id: 'samlet',
      kind: 'scale',
      wording: text('Hvor tilfreds er du samlet set?'),
      scaleMax: 5,
      lowLabel: text('Meget utilfreds'),
      highLabel: text('Meget tilfreds'),
      satisfiedValues: [4, 5],
      isRequired: true,
    },
    {
      id: 'tid',
      kind: 'scale',
      wording: text('Hvor tilfreds er du med tiden?'),
      scaleMax: 10,
      lowLabel: text('Meget utilfreds'),
      highLabel: text('Meget tilfreds'),
      satisfiedValues: [9, 10],
      isRequired: false,
    },
    { id: 'kommentar', kind: 'text', wording: text('Kommentar'), isRequired: false },
  ],
  headlineQuestionId: 'samlet',
  caseTypes: ['Enfamiliehuse', 'Husdyr'],
  rounds: [
    { id: 'r2025', label: '2025', from: '2025-01-01', to: '2025-12-31' },
    { id: 'r2026', label: '2026', from: '2026-01-01', to: '2026-12-31' },
  ],
  linkValidDays: 30,
};

let surveyId: string;
const cases = [
  { caseId: 'BYG-2026-001', caseType: 'Enfamiliehuse', unitId: 'byg-plan' },
  { caseId: 'BYG-2026-002', caseType: 'Enfamiliehuse', unitId: 'byg-plan' },
  { caseId: 'MIL-2026-001', caseType: 'Husdyr', unitId: 'miljo' },
  { caseId: 'MIL-2026-002', caseType: 'Husdyr', unitId: 'miljo' },
];
const urls = new Map<string, string>();

/** The public page, as a browser on this site would call it. */
const page = (
  path: string,
  init: { method?: string; form?: Record<string, string> | string; headers?: Record<string, string> } = {},
) =>
  fetch(`${server.url}${path}`, {
    method: init.method ?? (init.form === undefined ? 'GET' : 'POST'),
    redirect: 'manual',
    headers: {
      ...(init.form === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', origin: server.url }),
      ...init.headers,
    },
    ...(init.form === undefined
      ? {}
      : { body: typeof init.form === 'string' ? init.form : new URLSearchParams(init.form).toString() }),
  });
const pathOf = (url: string) => new URL(url).pathname;

describe('managing surveys', () => {
  it('the coordinator defines a survey; the definition is checked beyond its schema', async () => {
    const created = await server.api.post(people.coordinator, '/surveys', surveyBody);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ headlineQuestionId: 'samlet', etag: 1, abilities: { manage: true } });
    surveyId = created.body.id;
    const textHeadline = await server.api.post(people.coordinator, '/surveys', {
      ...surveyBody,
      headlineQuestionId: 'kommentar',
    });
    expect(textHeadline.status).toBe(400);
    const offScale = await server.api.post(people.coordinator, '/surveys', {
      ...surveyBody,
      questions: [{ ...surveyBody.questions[0], scaleMax: 7 }],
    });
    expect(offScale.status).toBe(400);
  });

  it.each([
    ['a caseworker defines a survey', people.natureCaseworker, 'POST', '/surveys', surveyBody],
    ['a leader defines a survey', people.natureLeader, 'POST', '/surveys', surveyBody],
    ['a caseworker lists surveys', people.natureCaseworker, 'GET', '/surveys', undefined],
    ['a caseworker reads results', people.natureCaseworker, 'GET', `/surveys/${demoSurveyId}/results`, undefined],
    [
      'a leader issues links',
      people.natureLeader,
      'POST',
      `/surveys/${demoSurveyId}/links`,
      { roundId: '2026', cases },
    ],
    [
      'an author issues links',
      people.buildingAuthor,
      'POST',
      `/surveys/${demoSurveyId}/links`,
      { roundId: '2026', cases },
    ],
  ])('403: %s', async (_name, as, method, path, json) => {
    const response = await server.api.call(as, method, path, json === undefined ? {} : { json });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('FORBIDDEN');
  });

  it('403: a caseworker imports results or changes a survey', async () => {
    const imported = await server.api.call(
      people.natureCaseworker,
      'POST',
      `/surveys/${demoSurveyId}/answers/import?roundId=2026&format=csv&mode=apply`,
      { raw: 'Sagstype;Enhed;samlet\r\nHusdyr;miljo;5\r\n', contentType: 'text/csv' },
    );
    expect(imported.status).toBe(403);
    const changed = await server.api.call(people.natureCaseworker, 'PUT', `/surveys/${demoSurveyId}`, {
      json: surveyBody,
      ifMatch: '"1"',
    });
    expect(changed.status).toBe(403);
  });

  it('a leader reads surveys and results, without the right to manage', async () => {
    const list = await server.api.get(people.natureLeader, '/surveys');
    expect(list.status).toBe(200);
    expect(list.body.find((survey: { id: string }) => survey.id === demoSurveyId).abilities).toEqual({
      manage: false,
      readResults: true,
    });
  });
});

describe('personal links', () => {
  it('issues one unguessable link per case, shown once; a case linked before is skipped', async () => {
    const issued = await server.api.post(people.coordinator, `/surveys/${surveyId}/links`, {
      roundId: 'r2026',
      cases: cases.slice(0, 3),
    });
    expect(issued.status).toBe(200);
    expect(issued.body.skipped).toEqual([]);
    for (const link of issued.body.issued) {
      expect(link.url).toMatch(new RegExp(`^${server.url}/survey/[A-Za-z0-9_-]{43}$`));
      urls.set(link.caseId, link.url);
    }
    expect(new Set(urls.values()).size).toBe(3);
    // Only the hash is stored: no stored value contains a token.
    const stored = server.app.db.prepare('SELECT * FROM survey_links WHERE survey_id = ?').all(surveyId);
    const token = pathOf(urls.get('BYG-2026-001')!).split('/').at(-1)!;
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).toContain(hashSurveyToken(token));

    const again = await server.api.post(people.coordinator, `/surveys/${surveyId}/links`, {
      roundId: 'r2026',
      cases: cases.slice(2),
    });
    expect(again.body.skipped).toEqual([{ caseId: 'MIL-2026-001', reason: 'already-linked' }]);
    expect(again.body.issued.map((link: { caseId: string }) => link.caseId)).toEqual(['MIL-2026-002']);
    urls.set('MIL-2026-002', again.body.issued[0].url);
  });

  it('as CSV for the decision letters', async () => {
    const csv = await server.api.call(people.coordinator, 'POST', `/surveys/${surveyId}/links?format=csv`, {
      json: { roundId: 'r2025', cases: cases.slice(0, 2) },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Sagsnummer;Sagstype;Enhed;Link;Kan besvares til');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(
      new RegExp(`^BYG-2026-001;Enfamiliehuse;byg-plan;${server.url}/survey/[A-Za-z0-9_-]{43};\\d{4}-\\d{2}-\\d{2}$`),
    );
  });

  it.each([
    ['a round the survey does not have', { roundId: 'r1999', cases }],
    [
      'a case type it does not cover',
      { roundId: 'r2026', cases: [{ caseId: 'X-1', caseType: 'Spildevand', unitId: 'miljo' }] },
    ],
    ['an unknown unit', { roundId: 'r2026', cases: [{ caseId: 'X-2', caseType: 'Husdyr', unitId: 'vej-park' }] }],
    ['no cases', { roundId: 'r2026', cases: [] }],
  ])('refuses %s (400)', async (_name, body) => {
    const response = await server.api.post(people.coordinator, `/surveys/${surveyId}/links`, body);
    expect(response.status).toBe(400);
  });
});

describe('the public answer page', () => {
  it('opens without sign-in, in Danish by default, in the Accept-Language or the chosen language, under a strict CSP', async () => {
    const path = pathOf(urls.get('BYG-2026-001')!);
    const danish = await page(path);
    expect(danish.status).toBe(200);
    const html = await danish.text();
    expect(html).toContain('<html lang="da">');
    expect(html).toContain('Hvor tilfreds er du samlet set?');
    expect(html).toMatch(/<fieldset[^>]*aria-describedby="q-samlet-hint"[^>]*>\s*<legend>/);
    const csp = danish.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/script-src|unsafe-inline/);
    expect(danish.headers.get('referrer-policy')).toBe('same-origin');

    const norwegian = await (await page(path, { headers: { 'accept-language': 'nn-NO, en;q=0.5' } })).text();
    expect(norwegian).toContain('<html lang="nb">');
    expect(norwegian).toContain('Hvor tilfreds er du samlet set? (nb)');
    const english = await (await page(`${path}?lang=en`, { headers: { 'accept-language': 'da' } })).text();
    expect(english).toContain('<html lang="en">');
    expect(english).toMatch(/<a href="[^"]+\?lang=da" lang="da" hreflang="da">Dansk<\/a>/);
  });

  it('takes one answer per link: the second is refused with a clear message', async () => {
    const path = pathOf(urls.get('BYG-2026-001')!);
    const first = await page(path, {
      form: { lang: 'da', 'q-samlet': '5', 'q-tid': '9', 'q-kommentar': 'Hurtigt svar' },
    });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toBe(`${path}?lang=da&sent=1`);
    expect(await (await page(`${path}?lang=da&sent=1`)).text()).toContain('Tak for dit svar');

    const second = await page(path, { form: { lang: 'da', 'q-samlet': '1' } });
    expect(second.status).toBe(409);
    expect(await second.text()).toContain('Undersøgelsen er allerede besvaret');
    expect(await (await page(path)).text()).toContain('Undersøgelsen er allerede besvaret');
  });

  it('stores the answer without the case: case type, unit and round only', async () => {
    const answers = server.app.db.prepare('SELECT * FROM survey_answers WHERE survey_id = ?').all(surveyId) as Record<
      string,
      unknown
    >[];
    expect(answers).toHaveLength(1);
    expect(Object.keys(answers[0]!).sort()).toEqual(
      ['answer_values', 'case_type', 'id', 'round_id', 'source', 'survey_id', 'unit_id'].sort(),
    );
    expect(answers[0]).toMatchObject({ case_type: 'Enfamiliehuse', unit_id: 'byg-plan', round_id: 'r2026' });
    expect(JSON.stringify(answers)).not.toContain('BYG-2026-001');
  });

  it('refuses an expired and a forged token alike, without saying which', async () => {
    const expiredToken = newSurveyToken();
    await server.app.services.surveys.insertLinks(
      [
        {
          tokenHash: hashSurveyToken(expiredToken),
          surveyId,
          roundId: 'r2025',
          caseId: 'BYG-2025-099',
          caseType: 'Enfamiliehuse',
          unitId: 'byg-plan',
          issuedAt: '2025-01-01T09:00:00.000Z',
          expiresAt: '2025-02-01T09:00:00.000Z',
          isAnswered: false,
        },
      ],
      {
        at: new Date().toISOString(),
        actorId: people.coordinator,
        action: 'test',
        procedureId: null,
        subjectId: surveyId,
        summary: 'test',
        details: {},
      },
    );
    const refusals = await Promise.all(
      [`/survey/${expiredToken}`, `/survey/${newSurveyToken()}`, '/survey/too-short'].map(async (path) => {
        const viewed = await page(path);
        const posted = await page(path, { form: { 'q-samlet': '5' } });
        return [viewed.status, await viewed.text(), posted.status, await posted.text()];
      }),
    );
    expect(refusals[0]![0]).toBe(404);
    expect(refusals[0]![1]).toContain('Linket kan ikke bruges');
    expect(refusals[1]).toEqual(refusals[0]);
    expect(refusals[2]).toEqual(refusals[0]);
  });

  it.each([
    {
      name: 'a value off the scale',
      form: { 'q-samlet': '6' },
      field: 'q-samlet-1',
      message: 'Vælg et af tallene på skalaen',
    },
    {
      name: '0 on 1–10',
      form: { 'q-samlet': '4', 'q-tid': '0' },
      field: 'q-tid-1',
      message: 'Vælg et af tallene på skalaen',
    },
    { name: 'a required answer missing', form: { 'q-tid': '5' }, field: 'q-samlet-1', message: 'Besvar spørgsmålet' },
    {
      name: 'a comment over 2000 characters',
      form: { 'q-samlet': '4', 'q-kommentar': 'x'.repeat(2001) },
      field: 'q-kommentar',
      message: 'Teksten er for lang',
    },
  ] as { name: string; form: Record<string, string>; field: string; message: string }[])(
    'refuses $name (422) with an error summary linked to the field; nothing is stored',
    async ({ form, field, message }) => {
      const path = pathOf(urls.get('BYG-2026-002')!);
      const response = await page(path, { form: { lang: 'da', ...form } });
      expect(response.status).toBe(422);
      const html = await response.text();
      expect(html).toContain('<title>Fejl: Tilfredshed med byggesager</title>');
      expect(html).toMatch(/<div class="error-summary" tabindex="-1" autofocus/);
      expect(html).toContain(`<a href="#${field}">`);
      expect(html).toContain(message);
      const link = server.app.db
        .prepare('SELECT is_answered FROM survey_links WHERE case_id = ?')
        .get('BYG-2026-002') as { is_answered: number };
      expect(link.is_answered).toBe(0);
    },
  );

  it('keeps what was answered when it shows the errors', async () => {
    const path = pathOf(urls.get('BYG-2026-002')!);
    const html = await (await page(path, { form: { 'q-tid': '7', 'q-kommentar': '<b>Fin</b>' } })).text();
    expect(html).toMatch(/id="q-tid-7" name="q-tid" value="7" checked/);
    expect(html).toContain('&#60;b&#62;Fin&#60;/b&#62;</textarea>');
  });

  it('refuses an oversize body (413), a cross-site post (403) and a post that is not a form (415)', async () => {
    const path = pathOf(urls.get('BYG-2026-002')!);
    const oversize = await page(path, { form: `q-samlet=4&q-kommentar=${'x'.repeat(40 * 1024)}` });
    expect(oversize.status).toBe(413);
    const crossSite = await page(path, { form: { 'q-samlet': '4' }, headers: { origin: 'https://evil.example' } });
    expect(crossSite.status).toBe(403);
    const fetchSite = await page(path, { form: { 'q-samlet': '4' }, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(fetchSite.status).toBe(403);
    const json = await page(path, {
      form: JSON.stringify({ 'q-samlet': 4 }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(415);
    const link = server.app.db
      .prepare('SELECT is_answered FROM survey_links WHERE case_id = ?')
      .get('BYG-2026-002') as { is_answered: number };
    expect(link.is_answered).toBe(0);
  });
});

describe('importing an external tool’s results', () => {
  const count = () =>
    (
      server.app.db.prepare('SELECT count(*) AS n FROM survey_answers WHERE survey_id = ?').get(surveyId) as {
        n: number;
      }
    ).n;

  it('refuses a file with bad rows, per row and column, and imports nothing', async () => {
    const before = count();
    const csv =
      'Sagstype;Enhed;samlet;tid;kommentar\r\nHusdyr;Miljø;5;10;\r\nHusdyr;Miljø;8;;\r\nSpildevand;Miljø;4;;\r\n';
    const response = await server.api.call(
      people.coordinator,
      'POST',
      `/surveys/${surveyId}/answers/import?roundId=r2026&format=csv&mode=apply`,
      { raw: csv, contentType: 'text/csv' },
    );
    expect(response.status).toBe(400);
    expect(response.body.details.errors).toEqual([
      expect.objectContaining({ line: 3, column: 'samlet', code: 'unknown-level' }),
      expect.objectContaining({ line: 4, column: 'Sagstype', code: 'unknown-case-type' }),
    ]);
    expect(count()).toBe(before);
  });

  it('imports a good .xlsx after a preview that writes nothing', async () => {
    const before = count();
    const bytes = await writeXlsx(
      'Svar',
      ['Sagstype', 'Enhed', 'Hvor tilfreds er du samlet set?', 'kommentar'],
      [
        ['Husdyr', 'miljo', 5, 'Fint'],
        ['Husdyr', 'miljo', 2, ''],
        ['Enfamiliehuse', 'Byg og Plan', 4, ''],
      ],
    );
    const path = `/surveys/${surveyId}/answers/import?roundId=r2026&format=xlsx`;
    const preview = await server.api.call(people.coordinator, 'POST', path, { raw: bytes });
    expect(preview.body).toMatchObject({ mode: 'preview', isApplied: false, rowCount: 3, errorCount: 0 });
    expect(count()).toBe(before);
    const applied = await server.api.call(people.coordinator, 'POST', `${path}&mode=apply`, { raw: bytes });
    expect(applied.body).toMatchObject({ mode: 'apply', isApplied: true, rowCount: 3 });
    expect(count()).toBe(before + 3);
  });
});

describe('results', () => {
  it('a scope of fewer than 5 respondents shows that it is suppressed, and no figures or comments', async () => {
    const response = await server.api.get(people.natureLeader, `/surveys/${surveyId}/results?roundId=r2026`);
    expect(response.status).toBe(200);
    const scope = (caseType: string | null, unitId: string | null) =>
      response.body.scopes.find(
        (s: { caseType: string | null; unitId: string | null }) => s.caseType === caseType && s.unitId === unitId,
      );
    // Through links: one answer of 4 links; imported: 3. Four respondents in all: too few to show.
    expect(scope(null, null)).toMatchObject({
      isSuppressed: true,
      respondents: 0,
      headline: { n: 0, satisfied: 0, share: null },
      linksIssued: 4,
      responseRate: null,
      questions: [],
      comments: [],
    });
    expect(scope('Husdyr', 'miljo').isSuppressed).toBe(true);
    expect(JSON.stringify(response.body)).not.toContain('Hurtigt svar');
  });

  it('the demo survey: two yearly rounds and the change between them', async () => {
    const response = await server.api.get(people.coordinator, `/surveys/${demoSurveyId}/results`);
    expect(response.status).toBe(200);
    const all = response.body.scopes[0];
    expect(response.body.previousRoundId).not.toBeNull();
    expect(all).toMatchObject({ isSuppressed: false, respondents: 39, headline: { n: 39, satisfied: 36 } });
    expect(all.change).toBeCloseTo(all.headline.share - all.previousShare);
    expect(all.questions.map((question: { questionId: string }) => question.questionId)).toEqual([
      'vejledning',
      'faglighed',
      'tid',
      'samlet',
    ]);
    // Per case type and unit: the livestock cases of the environment unit had 6 respondents.
    const livestock = response.body.scopes.find(
      (s: { caseType: string | null; unitId: string | null }) => s.caseType !== null && s.unitId === 'miljo',
    );
    expect(livestock).toMatchObject({ isSuppressed: false, headline: { n: 6, satisfied: 5 } });
  });
});

describe('a goal measured by a survey', () => {
  it('shareSatisfied: the headline share over the rounds in the goal’s period, per scope', async () => {
    const { services } = server.app;
    const survey = (await services.surveys.getSurvey(demoSurveyId))!;
    const [first, second] = survey.rounds;
    const twoYears = await shareSatisfied(services, demoSurveyId, { from: first!.from, to: second!.to });
    // The constructed demo: 28 of 33 satisfied in the first round, 36 of 39 in the second.
    expect(twoYears).toEqual({ n: 72, satisfied: 64, share: 64 / 72, roundIds: [first!.id, second!.id] });
    const lastYear = await shareSatisfied(services, demoSurveyId, { from: second!.from, to: second!.to });
    expect(lastYear).toMatchObject({ n: 39, satisfied: 36 });
    const livestock = await shareSatisfied(
      services,
      demoSurveyId,
      { from: second!.from, to: second!.to },
      { caseType: null, unitId: 'miljo' },
    );
    expect(livestock).toMatchObject({ n: 6, satisfied: 5 });
    await expect(shareSatisfied(services, 'no-such-survey', { from: first!.from, to: second!.to })).rejects.toThrow(
      /No survey/,
    );
  });
});

describe('a goal measured by a survey, over HTTP', () => {
  it('is computed from the share satisfied, coloured as a case-data goal, and none without a survey', async () => {
    const survey = (await server.app.services.surveys.getSurvey(demoSurveyId))!;
    const [first, second] = survey.rounds;
    const goal = (title: string, scope: { caseTypes: string[]; unitIds: string[] }, surveyId: string | null) => ({
      title,
      description: 'Andel tilfredse eller meget tilfredse af respondenterne.',
      clauses: ['9.1.2'],
      target: { direction: 'at-least', value: 90, unit: 'percent' },
      scope,
      periodFrom: first!.from,
      periodTo: second!.to,
      cadence: 'yearly',
      ownerId: people.natureLeader,
      measurement: { kind: 'survey', surveyId },
      thresholds: { yellowWithinPoints: 5 },
      status: 'active',
      revisionMonth: 11,
    });
    const create = async (body: ReturnType<typeof goal>) => {
      const response = await server.api.post(people.coordinator, '/goals', body);
      expect(response.status).toBe(201);
      return {
        id: response.body.id as string,
        ...(response.body.lastReading as { colour: string; value: number | null }),
      };
    };
    // The constructed demo over two years: houses 41 of 44, livestock (miljo) 9 of 11, all 64 of 72.
    const houses = await create(
      goal('Tilfredshed: huse', { caseTypes: [demoCaseTypes.house], unitIds: [] }, demoSurveyId),
    );
    expect(houses.colour).toBe('green');
    expect(houses.value).toBeCloseTo((41 / 44) * 100);
    const all = await create(goal('Tilfredshed: alle', { caseTypes: [], unitIds: [] }, demoSurveyId));
    expect(all.colour).toBe('yellow');
    expect(all.value).toBeCloseTo((64 / 72) * 100);
    const livestock = await create(goal('Tilfredshed: miljø', { caseTypes: [], unitIds: ['miljo'] }, demoSurveyId));
    expect(livestock).toMatchObject({ colour: 'red' });
    expect(livestock.value).toBeCloseTo((9 / 11) * 100);
    const unlinked = await create(goal('Tilfredshed: uden undersøgelse', { caseTypes: [], unitIds: [] }, null));
    expect(unlinked).toMatchObject({ colour: 'none', value: null });
    // The demo seed's last step points a survey goal without a survey at the demo survey.
    const linked = await linkDemoSurveyGoals(
      server.app.services,
      { at: new Date().toISOString(), actorId: people.coordinator },
      second!.to,
    );
    expect(linked).toEqual([unlinked.id]);
    const detail = await server.api.get(people.natureLeader, `/goals/${unlinked.id}`);
    expect(detail.body).toMatchObject({
      measurement: { kind: 'survey', surveyId: demoSurveyId },
      lastReading: { colour: 'yellow' },
    });

    // Imported answers measure the goals again: 10 dissatisfied house answers, 41 of 54 → red.
    const rows = Array.from({ length: 10 }, () => `${demoCaseTypes.house};byg-plan;2;2;2;2;`);
    const imported = await server.api.call(
      people.coordinator,
      'POST',
      `/surveys/${demoSurveyId}/answers/import?roundId=${second!.id}&format=csv&mode=apply`,
      {
        raw: ['Sagstype;Enhed;vejledning;faglighed;tid;samlet;kommentar', ...rows].join('\r\n'),
        contentType: 'text/csv',
      },
    );
    expect(imported.status).toBe(200);
    const housesAfter = await server.api.get(people.natureLeader, `/goals/${houses.id}`);
    expect(housesAfter.body.lastReading.colour).toBe('red');
    expect(housesAfter.body.lastReading.value).toBeCloseTo((41 / 54) * 100);
  });
});

describe('changing a survey', () => {
  it('needs the ETag it read, and keeps the rounds that have links or answers', async () => {
    const stale = await server.api.call(people.coordinator, 'PUT', `/surveys/${surveyId}`, {
      json: surveyBody,
      ifMatch: '"7"',
    });
    expect(stale.status).toBe(409);
    const withoutRound = await server.api.call(people.coordinator, 'PUT', `/surveys/${surveyId}`, {
      json: { ...surveyBody, rounds: surveyBody.rounds.slice(0, 1) },
      ifMatch: '"1"',
    });
    expect(withoutRound.status).toBe(409);
    expect(withoutRound.body).toMatchObject({ code: 'INVALID_STATE', details: { roundIds: ['r2026'] } });
    const renamed = await server.api.call(people.coordinator, 'PUT', `/surveys/${surveyId}`, {
      json: { ...surveyBody, title: text('Tilfredshed med byggesager 2026') },
      ifMatch: '"1"',
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ etag: 2, title: { da: 'Tilfredshed med byggesager 2026' } });
    expect(renamed.headers.get('etag')).toBe('"2"');
  });
});

describe('rate limit', () => {
  it('the page answers 429 past its limit from one address (a server of its own, so no other test counts)', async () => {
    const own = await startTestServer();
    try {
      const path = `/survey/${newSurveyToken()}`;
      const statuses: number[] = [];
      for (let index = 0; index < requestsPerMinute; index++) statuses.push((await fetch(`${own.url}${path}`)).status);
      expect(statuses.every((status) => status === 404)).toBe(true);
      const refused = await fetch(`${own.url}${path}`);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.text()).toContain('Vent et minut');
    } finally {
      await own.stop();
    }
  });
});
