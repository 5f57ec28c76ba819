import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessDeadlineOf } from '../../functions/src/core/access-request.js';
import { localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import { people, startTestServer, type TestServer } from '../support/test-server.js';
import { pdfPages } from '../support/pdf-text.js';

/** Aktindsigt / innsyn: the request, its deadline, the export zip and the answer; the coordinator's alone. */

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => server?.stop());

const today = () => localDateOf(new Date(), 'Europe/Copenhagen');

const pdfText = async (bytes: Uint8Array) => (await pdfPages(bytes)).join('\n');

/** A demo procedure with an obsolete version, and one with a draft. */
async function demoProcedures() {
  const list = await server.api.get(people.coordinator, '/procedures?limit=1000');
  let withHistory: any;
  let withDraft: any;
  for (const item of list.body.items as { id: string }[]) {
    const detail = (await server.api.get(people.coordinator, `/procedures/${item.id}`)).body;
    const states = (detail.versions as { state: string }[]).map((v) => v.state);
    if (!withHistory && states.includes('obsolete') && !detail.draft) withHistory = detail;
    if (!withDraft && detail.draft && states.includes('published')) withDraft = detail;
    if (withHistory && withDraft) break;
  }
  expect(withHistory && withDraft).toBeTruthy();
  return { withHistory, withDraft };
}

const requestBody = (procedureIds: string[], receivedOn: string = today()) => ({
  law: 'dk',
  requesterName: 'Jens Journalist',
  requesterContact: 'jens@example.dk',
  subject: 'Alle versioner af procedurerne for dispensationer',
  procedureIds,
  receivedOn,
});

async function count() {
  return (await server.api.get(people.coordinator, '/access-requests')).body.items.length as number;
}

describe('aktindsigt', () => {
  it('is the coordinator’s alone: 403 for others, with nothing recorded', async () => {
    const { withHistory } = await demoProcedures();
    const before = await count();
    for (const as of [people.natureLeader, people.natureCaseworker, people.director]) {
      expect((await server.api.get(as, '/access-requests')).status).toBe(403);
      const refused = await server.api.post(as, '/access-requests', requestBody([withHistory.id]));
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(before);
  });

  it('refuses bad input with 4xx and records nothing', async () => {
    const { withHistory } = await demoProcedures();
    const before = await count();
    const bad: [unknown, number][] = [
      [{ ...requestBody([withHistory.id]), law: 'se' }, 400],
      [{ ...requestBody([withHistory.id]), requesterName: '  ' }, 400],
      [{ ...requestBody([]) }, 400],
      [{ ...requestBody(['no-such-procedure']) }, 400],
      [{ ...requestBody([withHistory.id], '2099-01-01') }, 400],
      [{ ...requestBody([withHistory.id], '2026-02-30') }, 400],
      [{ ...requestBody([withHistory.id]), extra: true }, 400],
    ];
    for (const [body, status] of bad) {
      const response = await server.api.post(people.coordinator, '/access-requests', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.body.code).toBe('VALIDATION');
    }
    expect(await count()).toBe(before);
  });

  it('counts the deadline across weekends and Danish public holidays, and Norway’s 5 working days', async () => {
    const { withHistory } = await demoProcedures();
    const easter = await server.api.post(
      people.coordinator,
      '/access-requests',
      requestBody([withHistory.id], '2026-04-01'),
    );
    expect(easter.status).toBe(201);
    // Skærtorsdag, langfredag, the weekend and 2. påskedag are not working days.
    expect(easter.body.deadlineOn).toBe('2026-04-15');
    const friday = await server.api.post(
      people.coordinator,
      '/access-requests',
      requestBody([withHistory.id], '2025-11-14'),
    );
    expect(friday.body.deadlineOn).toBe('2025-11-25');
    expect(friday.body.deadlineStatus.kind).toBe(today() > '2025-11-25' ? 'overdue' : 'due');
    const norway = await server.api.post(people.coordinator, '/access-requests', {
      ...requestBody([withHistory.id], '2026-05-13'),
      law: 'no',
    });
    // Kristi himmelfartsdag (14 May 2026) is out.
    expect(norway.body.deadlineOn).toBe('2026-05-21');
    const fresh = await server.api.post(people.coordinator, '/access-requests', requestBody([withHistory.id]));
    expect(fresh.body.deadlineOn).toBe(accessDeadlineOf(today() as LocalDate, 'dk'));
    expect(fresh.body.deadlineStatus).toEqual({ kind: 'due', workingDaysLeft: 7 });
  });

  it('exports every version as stamped PDF with the originals and the history, drafts listed as internal; keeps it; records the answer', async () => {
    const { withHistory, withDraft } = await demoProcedures();
    const created = await server.api.post(
      people.coordinator,
      '/access-requests',
      requestBody([withHistory.id, withDraft.id]),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    // Writes need the ETag; a stale one changes nothing.
    const noEtag = await server.api.post(people.coordinator, `/access-requests/${id}/exports`, {});
    expect(noEtag.status).toBe(428);
    const stale = await server.api.post(people.coordinator, `/access-requests/${id}/exports`, {}, '"99"');
    expect(stale.status).toBe(409);
    expect((await server.api.get(people.coordinator, `/access-requests/${id}`)).body.exports).toHaveLength(0);
    const forbidden = await server.api.post(
      people.natureLeader,
      `/access-requests/${id}/exports`,
      {},
      `"${created.body.etag}"`,
    );
    expect(forbidden.status).toBe(403);

    const exported = await server.api.post(
      people.coordinator,
      `/access-requests/${id}/exports`,
      {},
      `"${created.body.etag}"`,
    );
    expect(exported.status).toBe(200);
    expect(exported.body.exports).toHaveLength(1);
    const entry = exported.body.exports[0];

    const response = await fetch(`${server.url}/api/access-requests/${id}/exports/1/file`, {
      headers: { 'x-local-user': people.coordinator },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('Aktindsigt%20Jens%20Journalist');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files)
      .filter((name) => !zip.files[name]!.dir)
      .sort();

    // Every released version of each procedure: its stamped PDF and its original.
    for (const detail of [withHistory, withDraft]) {
      const folder = `${detail.code} ${detail.title}`;
      const released = (
        detail.versions as { id: string; state: string; label: string; file: { sha256: string } }[]
      ).filter((v) => v.state === 'published' || v.state === 'obsolete');
      for (const version of released) {
        const pdfName = `${folder}/${folder} v${version.label}.pdf`;
        expect(names).toContain(pdfName);
        const text = await pdfText(await zip.file(pdfName)!.async('uint8array'));
        expect(text).toContain(`version ${version.label}`);
        if (version.state === 'obsolete') expect(text).toMatch(/Ugyldig — erstattet af version \d+\.\d+/);
        else expect(text).not.toContain('Ugyldig');
        const original = await zip.file(`${folder}/originaler/${folder} v${version.label}.docx`)!.async('uint8array');
        expect(createHash('sha256').update(original).digest('hex')).toBe(version.file.sha256);
      }
      const history = await pdfText(await zip.file(`${folder}/${folder} historik.pdf`)!.async('uint8array'));
      expect(history).toContain('Godkendelsesforløb');
      expect(history).toContain('Periodiske gennemgange');
      for (const version of released) expect(history).toContain(`Version ${version.label}: godkendt`);
      expect(history).toContain('Ændringer:');
    }
    // The draft is listed as internal, not handed out.
    expect(names.some((name) => name.includes('/kladder/'))).toBe(false);
    const index = await zip.file('00 Indhold.txt')!.async('string');
    expect(index).toContain('Interne dokumenter, ikke udleveret');
    expect(index).toContain(`${withDraft.code} ${withDraft.title}: kladde til en ny version`);
    expect(index).not.toContain('jens@example.dk');
    // What was handed out is kept: every file in the zip is in the record, with its hash.
    expect([...entry.files.map((file: { path: string }) => file.path)].sort()).toEqual(names);
    for (const file of entry.files as { path: string; sha256: string }[]) {
      const content = await zip.file(file.path)!.async('uint8array');
      expect(createHash('sha256').update(content).digest('hex')).toBe(file.sha256);
    }

    // Chosen, the draft is handed out, stamped as not approved.
    const withDrafts = await server.api.post(
      people.coordinator,
      `/access-requests/${id}/exports`,
      { includeDrafts: true },
      `"${exported.body.etag}"`,
    );
    expect(withDrafts.status).toBe(200);
    const drafts = withDrafts.body.exports[1].files.filter((file: { kind: string }) => file.kind === 'draft');
    expect(drafts).toHaveLength(1);
    expect(drafts[0].path).toBe(
      `${withDraft.code} ${withDraft.title}/kladder/${withDraft.code} ${withDraft.title} kladde.docx`,
    );

    // The answer: not before receipt, not in the future; then the request is closed.
    const early = await server.api.post(
      people.coordinator,
      `/access-requests/${id}/answer`,
      { decision: 'granted', answeredOn: '2020-01-01' },
      `"${withDrafts.body.etag}"`,
    );
    expect(early.status).toBe(400);
    const answered = await server.api.post(
      people.coordinator,
      `/access-requests/${id}/answer`,
      { decision: 'granted', text: 'Aktindsigt givet i alle versioner.', answeredOn: today() },
      `"${withDrafts.body.etag}"`,
    );
    expect(answered.status).toBe(200);
    expect(answered.body.state).toBe('answered');
    expect(answered.body.deadlineStatus).toEqual({ kind: 'answered' });
    expect(answered.body.answer).toMatchObject({ decision: 'granted', answeredBy: { id: people.coordinator } });
    const again = await server.api.post(
      people.coordinator,
      `/access-requests/${id}/answer`,
      { decision: 'refused', answeredOn: today() },
      `"${answered.body.etag}"`,
    );
    expect(again.status).toBe(409);
    const kept = await server.api.get(people.coordinator, `/access-requests/${id}`);
    expect(kept.body.answer.decision).toBe('granted');
    expect(kept.body.exports).toHaveLength(2);
    expect((await server.api.get(people.natureLeader, `/access-requests/${id}/exports/1/file`)).status).toBe(403);
    expect((await server.api.get(people.coordinator, `/access-requests/${id}/exports/9/file`)).status).toBe(404);
  });
});
