import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * The yearly public report and the public handbook over HTTP (issue 16): publishing freezes and
 * locks a year (409 after, unless a correction with its reason); the public pages need no
 * sign-in; and they leak nothing: every public page is searched for every draft title and
 * internal field of the demo.
 */

let server: TestServer;
beforeAll(async () => {
  // A day of its own: late in December the demo's planned evaluation and "last year" move on.
  server = await startTestServer({ startsAt: new Date('2026-06-02T07:00:00.000Z') });
}, 120_000); // seeding the demo on its own day takes seconds more than copying the template
afterAll(async () => server?.stop());

const lastYear = () => Number(new Date(server.app.services.clock.now()).toISOString().slice(0, 4)) - 1;

/** A public page as a visitor gets it: no x-local-user, no token. */
async function visit(path: string): Promise<{ status: number; text: string; type: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' };
}

describe('the yearly public report', () => {
  it('is previewed by the coordinator only, from live data', async () => {
    const year = lastYear();
    const preview = await server.api.get(people.coordinator, `/yearly-reports/${year}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body.published).toBeNull();
    expect(preview.body.content.structure.length).toBeGreaterThan(0);
    expect(preview.body.content.certificate).toMatchObject({ body: expect.any(String) });
    expect(preview.body.content.register).toMatchObject({
      byKind: { praise: expect.any(Number), complaint: expect.any(Number) },
      replyDeadlines: { complaint: { unit: 'working-days', count: 10 } },
    });
    expect((await server.api.get(people.natureCaseworker, `/yearly-reports/${year}/preview`)).status).toBe(403);
    const refused = await server.api.call(people.natureLeader, 'POST', `/yearly-reports/${year}/publish`, { json: {} });
    expect(refused.status).toBe(403);
  });

  it('publishes once: frozen, locked with 409 after, the årshjul activity done, a correction only with its reason', async () => {
    const year = lastYear();
    const published = await server.api.call(people.coordinator, 'POST', `/yearly-reports/${year}/publish`, {
      json: {},
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      year,
      revision: 1,
      publishedBy: { id: people.coordinator, name: 'Mette Kjær' },
      publicPath: `/public/reports/${year}`,
      correctionReason: null,
    });

    const again = await server.api.call(people.coordinator, 'POST', `/yearly-reports/${year}/publish`, { json: {} });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', details: { reason: 'yearly-report-locked', revision: 1 } });

    const occurrences = await server.app.services.quality.listOccurrences();
    const done = occurrences.filter(
      (occurrence) => occurrence.kind === 'yearly-publication' && occurrence.completedOn === published.body.publishedOn,
    );
    expect(done).toHaveLength(1);

    // Live data changes after publication; the published report does not.
    const audits = await server.app.services.quality.listAudits({ year });
    const audit = audits.find((candidate) => candidate.report !== null);
    expect(audit).toBeDefined();
    const before = (await visit(`/public/reports/${year}`)).text;
    expect(before).toContain(audit!.title);
    await server.app.services.quality.commit({
      expect: [{ collection: 'audits', id: audit!.id, etag: audit!.etag }],
      audits: [{ ...audit!, title: 'Omdøbt efter offentliggørelsen', etag: audit!.etag + 1 }],
    });
    const after = (await visit(`/public/reports/${year}`)).text;
    expect(after).toContain(audit!.title);
    expect(after).not.toContain('Omdøbt efter offentliggørelsen');

    const correction = await server.api.call(people.coordinator, 'POST', `/yearly-reports/${year}/publish`, {
      json: { correctionReason: 'Auditens titel var forkert.' },
    });
    expect(correction.status).toBe(201);
    expect(correction.body).toMatchObject({ revision: 2, correctionReason: 'Auditens titel var forkert.' });
    const corrected = (await visit(`/public/reports/${year}`)).text;
    expect(corrected).toContain('Omdøbt efter offentliggørelsen');
    expect(corrected).toContain('Auditens titel var forkert.');
    // The first revision is kept as it was.
    const revisions = (await server.app.services.quality.listYearlyReports()).filter((report) => report.year === year);
    expect(revisions.map((report) => report.revision)).toEqual([2, 1]);
    expect(JSON.stringify(revisions[1]!.content)).toContain(audit!.title);

    const list = await server.api.get(people.natureCaseworker, '/yearly-reports');
    expect(list.body).toMatchObject({ handbookPath: '/public/handbook', abilities: { publish: false } });
    expect(list.body.items.map((item: { year: number; revision: number }) => [item.year, item.revision])).toEqual([
      [year, 2],
    ]);
  });

  it('gives a past year the handbook as it stood on 31 December: the versions published by then', async () => {
    const year = lastYear();
    type Row = { code: string; version: string; approvedOn: string | null };
    const proceduresOf = async (of: number): Promise<Map<string, Row>> => {
      const preview = await server.api.get(people.coordinator, `/yearly-reports/${of}/preview`);
      expect(preview.status).toBe(200);
      const rows: Row[] = preview.body.content.structure.flatMap((level: { areas: { procedures: Row[] }[] }) =>
        level.areas.flatMap((area) => area.procedures),
      );
      return new Map(rows.map((row) => [row.code, row]));
    };
    const then = await proceduresOf(year);
    const now = await proceduresOf(year + 1);
    expect(then.size).toBeGreaterThan(0);
    for (const row of then.values()) expect(row.approvedOn! <= `${year}-12-31`, row.code).toBe(true);
    // The demo has procedures first published after that year, and procedures revised since.
    const newer = [...now.values()].filter((row) => row.approvedOn! > `${year}-12-31`);
    const firstPublishedLater = newer.filter((row) => !then.has(row.code));
    const revisedLater = newer.filter((row) => then.has(row.code));
    expect(firstPublishedLater.length).toBeGreaterThan(0);
    expect(revisedLater.length).toBeGreaterThan(0);
    for (const row of revisedLater) expect(then.get(row.code)!.version, row.code).not.toBe(row.version);
  });

  it('counts the register’s items of the year and the corrective actions started from them', async () => {
    const year = lastYear() + 1;
    const today = new Date(server.app.services.clock.now()).toISOString().slice(0, 10);
    const figures = async () =>
      (await server.api.get(people.coordinator, `/yearly-reports/${year}/preview`)).body.content.register;
    const before = await figures();
    const items = await server.app.services.register.listItems({ from: `${year}-01-01` as never, to: today as never });
    expect(before.total).toBe(items.length);
    expect(before.total).toBeGreaterThan(0);
    expect(Object.values(before.byKind as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(
      before.total,
    );
    expect(before.closedItems).toBe(items.filter((item) => item.status === 'closed').length);
    const { answeredInTime, answeredLate, overdueUnanswered, share } = before.replyCompliance;
    expect(share).toBeCloseTo(answeredInTime / (answeredInTime + answeredLate + overdueUnanswered));
    expect(before.rootCauses.length).toBeLessThanOrEqual(5);

    const item = items.find((candidate) => candidate.status === 'in-handling')!;
    const started = await server.api.call(people.coordinator, 'POST', `/register/items/${item.id}/corrective-actions`, {
      json: {},
      ifMatch: `"${item.etag}"`,
    });
    expect(started.status).toBe(201);
    const after = await figures();
    expect(after.actionsStarted).toBe(before.actionsStarted + 1);
    expect(after.total).toBe(before.total);
  });

  it('renders a report frozen before the register’s section existed, without the section', async () => {
    const { quality } = server.app.services;
    const published = await quality.listYearlyReports();
    const template = published[0] ?? null;
    const year = 2019;
    const preview = await server.api.get(people.coordinator, `/yearly-reports/${lastYear()}/preview`);
    const { register: _register, structureAsOf: _structureAsOf, ...oldContent } = preview.body.content;
    const at = new Date(server.app.services.clock.now()).toISOString();
    await quality.commit({
      expect: [{ collection: 'yearlyReports', id: `yearly-report-${year}-r1`, etag: 0 }],
      yearlyReports: [
        {
          id: `yearly-report-${year}-r1`,
          year,
          revision: 1,
          content: { ...oldContent, year },
          publishedAt: at,
          publishedOn: at.slice(0, 10) as never,
          publishedBy: template?.publishedBy ?? people.coordinator,
          correctionReason: null,
          createdAt: at,
          updatedAt: at,
          updatedBy: people.coordinator,
          etag: 1,
        },
      ],
    });
    const page = await visit(`/public/reports/${year}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Brugertilfredshedsundersøgelser');
    expect(page.text).not.toContain('Ros, klager, forslag og afvigelser');
    const pdf = await fetch(`${server.url}/public/reports/${year}.pdf`);
    expect(pdf.status).toBe(200);
    const text = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(text).toContain('Ledelsens evaluering');
    expect(text).not.toContain('Ros, klager, forslag og afvigelser');
  });

  it('refuses a correction of a year not published', async () => {
    const response = await server.api.call(people.coordinator, 'POST', '/yearly-reports/2031/publish', {
      json: { correctionReason: 'Hvad?' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION');
  });

  it(
    'is a tagged PDF with its language, embedded fonts and the Danish text extractable, and in Norwegian',
    { timeout: 90_000 },
    async () => {
      const year = lastYear();
      const response = await fetch(`${server.url}/public/reports/${year}.pdf?lang=da`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const bytes = new Uint8Array(await response.arrayBuffer());
      const raw = Buffer.from(bytes).toString('latin1');
      expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
      expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
      expect(raw).toMatch(/\/Marked true/);
      expect(raw).toMatch(/\/Lang \(da-DK\)/);
      expect(raw).toMatch(/\/DisplayDocTitle true/);
      expect(raw).toMatch(/pdfuaid:part>1</);
      for (const tag of ['/H1', '/H2', '/P', '/Table', '/TR', '/TH', '/TD', '/Figure', '/Sect'])
        expect(raw, tag).toContain(`/S ${tag}`);
      expect(raw).toMatch(/\/Alt \(/);
      // Every font is embedded (FontFile2), none is a standard font left to the viewer.
      expect(raw).toContain('/FontFile2');
      expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
      const text = await pdfText(bytes);
      for (const letter of ['æ', 'ø', 'å']) expect(text).toContain(letter);
      expect(text).toContain('Ledelsens evaluering');
      expect(text).toContain(`Kvalitetsrapport ${year}`);
      // The register's section, with its Danish letters.
      expect(text).toContain('Ros, klager, forslag og afvigelser');
      expect(text).toContain('Besvaret inden for svarfristen');

      const norwegian = await fetch(`${server.url}/public/reports/${year}.pdf?lang=nb`);
      const nbBytes = new Uint8Array(await norwegian.arrayBuffer());
      expect(Buffer.from(nbBytes).toString('latin1')).toMatch(/\/Lang \(nb-NO\)/);
      const nbText = await pdfText(nbBytes);
      expect(nbText).toContain('Kvalitetssystemets oppbygning');
      expect(nbText).toContain('Ros, klager, forslag og avvik');
    },
  );
});

describe('the public pages', () => {
  it('need no sign-in, and leak no draft, unpublished record, trail detail or contact detail', async () => {
    const year = lastYear();
    const publishing = await server.api.call(people.coordinator, 'POST', `/yearly-reports/${year}/publish`, {
      json: {},
    });
    expect([201, 409]).toContain(publishing.status);
    // A procedure that was never published, with a title of its own.
    const secret = await server.api.call(people.coordinator, 'POST', '/procedures', {
      json: {
        code: 'S-98',
        title: 'Hemmelig kladde om intern omorganisering',
        level: 'support',
        area: 'Ledelse',
        ownerId: people.coordinator,
        approverId: people.director,
      },
    });
    expect(secret.status).toBe(201);
    const { services } = server.app;
    const store = services.store;
    const all = await store.listProcedures({
      viewer: { id: 'test', isCoordinator: true },
      today: new Date(services.clock.now()).toISOString().slice(0, 10) as never,
      sort: 'code',
      order: 'asc',
      limit: 10_000,
      offset: 0,
    });
    const published = all.items.filter((procedure) => procedure.currentVersionId !== null);

    // Every public page: the handbook, a search, each procedure with its file, the reports, the evaluations.
    const pages: string[] = ['/public/handbook', '/public/handbook?q=byggesag', `/public/reports/${year}`];
    for (const lang of ['nb', 'en'])
      pages.push(`/public/handbook?lang=${lang}`, `/public/reports/${year}?lang=${lang}`);
    for (const procedure of published) pages.push(`/public/handbook/procedures/${procedure.id}`);
    const evaluations = await services.quality.listManagementEvaluations();
    for (const evaluation of evaluations.filter((candidate) => candidate.publishedOn !== null))
      pages.push(`/public/evaluations/${evaluation.year}`);
    const texts: string[] = [];
    for (const path of pages) {
      const page = await visit(path);
      expect(page.status, path).toBe(200);
      expect(page.type, path).toContain('text/html');
      texts.push(page.text);
    }
    const handbook = texts[0]!;
    expect(handbook).toContain(`/public/reports/${year}`);
    for (const procedure of published) expect(handbook).toContain(procedure.code);

    // What the public may read, to keep a forbidden string that legitimately appears out of the list.
    const allowed: string[] = [];
    const forbidden = new Set<string>();
    for (const procedure of all.items) {
      allowed.push(...(procedure.currentVersionId === null ? [] : [procedure.title]));
      if (procedure.currentVersionId === null) forbidden.add(procedure.title);
      for (const version of await store.listVersions(procedure.id)) {
        if (version.state === 'published') allowed.push(version.html, version.text, version.changeSummary ?? '');
        if (version.state === 'obsolete') allowed.push(version.changeSummary ?? '');
        if (version.state === 'draft' || version.state === 'pending') {
          // Pieces of the draft's text (those also in the published text are filtered out below).
          for (let start = 0; start + 40 <= version.text.length; start += 40)
            forbidden.add(version.text.slice(start, start + 40));
          if (version.changeSummary) forbidden.add(version.changeSummary);
        }
      }
      for (const approval of await store.listApprovals(procedure.id))
        if (approval.comment) forbidden.add(approval.comment);
      for (const entry of await store.listTrail(procedure.id)) forbidden.add(entry.summary);
    }
    for (const person of await store.listPeople()) {
      forbidden.add(person.email);
      if (person.title.length >= 8) forbidden.add(person.title);
    }
    for (const finding of await services.quality.listFindings()) forbidden.add(finding.description);
    for (const action of await services.quality.listCorrectiveActions()) forbidden.add(action.title);
    for (const evaluation of evaluations) {
      for (const guest of evaluation.guests) forbidden.add(guest);
      if (evaluation.publishedOn === null && evaluation.conclusions.length > 20) forbidden.add(evaluation.conclusions);
    }
    for (const survey of await services.surveys.listSurveys())
      for (const answer of await services.surveys.listAnswers(survey.id))
        for (const value of Object.values(answer.values)) if (typeof value === 'string') forbidden.add(value);
    // The register: what people wrote, the handling's texts, and who sent it (name, e-mail, phone).
    const registerItems = await services.register.listItems();
    for (const item of registerItems) {
      for (const text of [item.title, item.description, item.correction, item.rootCause, item.caseNumber])
        if (text) forbidden.add(text);
      if (item.reply) forbidden.add(item.reply.text);
      for (const reply of item.interimReplies) forbidden.add(reply.text);
      if (item.sourceMessage) forbidden.add(item.sourceMessage.text);
      for (const detail of [item.contact?.name, item.contact?.email, item.contact?.phone])
        if (detail) forbidden.add(detail);
    }
    for (const report of await services.quality.listYearlyReports()) allowed.push(JSON.stringify(report.content));
    const allowedText = allowed.join('\n');
    const decode = (html: string) =>
      html
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    const publicText = texts.map(decode).join('\n');
    const checked = [...forbidden].filter((text) => text.trim().length >= 8 && !allowedText.includes(text));
    // The check has something to find: the demo has drafts, internal records and people.
    expect(checked.length).toBeGreaterThan(50);
    expect(checked.filter((text) => text.includes('@'))).not.toHaveLength(0);
    expect(checked).toContain('Hemmelig kladde om intern omorganisering');
    // The register's texts and senders are among what is searched for.
    const withContact = registerItems.find((item) => item.contact?.email);
    expect(checked).toContain(withContact!.contact!.email);
    expect(checked).toContain(registerItems.find((item) => item.description.length >= 8)!.description);
    const leaks = checked.filter((text) => publicText.includes(text));
    expect(leaks).toEqual([]);
  });

  it('serve a procedure’s published file under its code, title and version, and nothing unpublished', async () => {
    const { store } = server.app.services;
    const procedures = await store.listProcedures({
      viewer: { id: 'test', isCoordinator: true },
      today: new Date(server.app.services.clock.now()).toISOString().slice(0, 10) as never,
      sort: 'code',
      order: 'asc',
      limit: 10_000,
      offset: 0,
    });
    const published = procedures.items.find((procedure) => procedure.currentVersion !== null)!;
    const response = await fetch(`${server.url}/public/handbook/procedures/${published.id}/file`);
    expect(response.status).toBe(200);
    const version = `${published.currentVersion!.major}.${published.currentVersion!.minor}`;
    expect(decodeURIComponent(response.headers.get('content-disposition') ?? '')).toContain(
      `${published.code} ${published.title} v${version}.`,
    );
    // Downloads from the public handbook are stamped like every other (ISO 9001 7.5.3).
    const pdf = await fetch(`${server.url}/public/handbook/procedures/${published.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers.get('content-disposition') ?? '')).toContain(
      `${published.code} ${published.title} v${version}.pdf`,
    );
    const pages = await pdfText(new Uint8Array(await pdf.arrayBuffer()));
    expect(pages).toContain(published.code);
    expect(pages).toContain(version);
    const unpublished = procedures.items.find((procedure) => procedure.currentVersionId === null);
    expect(unpublished).toBeDefined();
    expect((await visit(`/public/handbook/procedures/${unpublished!.id}`)).status).toBe(404);
    expect((await fetch(`${server.url}/public/handbook/procedures/${unpublished!.id}/file`)).status).toBe(404);
    expect((await fetch(`${server.url}/public/handbook/procedures/${unpublished!.id}/pdf`)).status).toBe(404);
    expect((await visit('/public/reports/2031')).status).toBe(404);
    expect((await fetch(`${server.url}/public/handbook`, { method: 'POST' })).status).toBe(405);
  });
});
