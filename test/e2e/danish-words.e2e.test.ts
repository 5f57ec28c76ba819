import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ActionBoardDto, PersonDto } from '../../functions/src/contract/schemas.js';
import type { Locale } from '../../functions/src/core/locale.js';
import { serverResources } from '../../functions/src/i18n/server-texts.js';
import { sweepEmbeddedApp } from '../../functions/src/jobs/sweep-embedded-app.js';
import ExcelJS from 'exceljs';
import * as e2e from '../support/e2e.js';
import { pdfText } from '../support/pdf-text.js';

/**
 * No English in the Danish demo: the coordinator's scenes (the accessibility test's list, the
 * chat with its reminder cards, and the errors of the issue: a refused file name and a
 * certifier's CSV with unknown columns) and the downloads (competence matrix .xlsx, management
 * evaluation .pdf and .docx) are read as text, and no word may be one that only the English
 * catalogue uses. Words both catalogues use (ISO, PDF, Teams …) are not English-only.
 */

/**
 * Terms that are the same in every language: product and format names, and Danish words spelled
 * as in English that the Danish catalogue happens not to use (ISO 9001's "dokumenteret
 * information" in the demo's audit checklists).
 */
const sharedTerms = new Set([
  'iso',
  'pdf',
  'docx',
  'xlsx',
  'csv',
  'markdown',
  'excel',
  'word',
  'teams',
  'microsoft',
  'information',
  // A language's own name, as every language switch shows it (the survey page's texts name it).
  'english',
]);

function wordsOf(text: string): string[] {
  return (text.toLocaleLowerCase('da').match(/\p{L}{3,}/gu) ?? []).filter((word) => !sharedTerms.has(word));
}

/** A catalogue's words: i18next's `{{placeholders}}` are not words of the text. */
function catalogueWords(catalogue: Readonly<Record<string, string>>): Set<string> {
  const text = Object.values(catalogue)
    .map((message) => message.replace(/\{\{[^}]*\}\}/g, ' '))
    .join(' ');
  return new Set(wordsOf(text));
}

// Every namespace of the product in one language: the tab's (loaded by path: the tab is
// type-checked by its own tsconfig, bundler imports) and the server's (cards, reports,
// reminders, exports).
type Catalogue = Readonly<Record<string, string>>;
const tabTexts = (
  (await import(pathToFileURL(join(e2e.repoRoot, 'tab/src/i18n/resources/all-tab-texts.generated.ts')).href)) as {
    allTabTexts: Record<Locale, Record<string, Catalogue>>;
  }
).allTabTexts;
const catalogue = (locale: Locale): Catalogue =>
  Object.assign({}, ...Object.values(tabTexts[locale]), ...Object.values(serverResources[locale])) as Catalogue;
const [da, en] = [catalogue('da'), catalogue('en')];
const danishWords = catalogueWords(da);
/**
 * English catalogue words the Danish one does not use, in any inflection: a long word that starts
 * a Danish word ("organisation", "organisationen") is Danish too.
 */
const englishOnly = new Set(
  [...catalogueWords(en)].filter(
    (word) => !danishWords.has(word) && !(word.length >= 6 && [...danishWords].some((each) => each.startsWith(word))),
  ),
);

function englishIn(where: string, text: string): string[] {
  return [...new Set(wordsOf(text).filter((word) => englishOnly.has(word)))].map((word) => `${where}: ${word}`);
}

/**
 * What a sighted and a screen-reader user get: the visible text and the accessible names. Names
 * inside an inert subtree reach no one (a goal chart is inert: its table is what is read out, and
 * Fluent's charts label their SVG parts in English).
 */
async function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const named = [...document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')].filter(
      (element) => !element.closest('[inert]'),
    );
    const names = named.flatMap((element) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...names].join('\n');
  });
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = (await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<w:tab\/>|<\/w:p>/g, ' ').replace(/<[^>]+>/g, '');
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const parts: string[] = [];
  workbook.eachSheet((sheet) => {
    parts.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => parts.push(cell.text)));
  });
  return parts.join('\n');
}

const environment = e2e.useE2eEnvironment();

describe('no English words in the Danish demo', () => {
  it('has a list of English-only words to look for', () => {
    // Sanity: the list is built from the catalogues, and Danish words are not on it.
    expect(englishOnly.size).toBeGreaterThan(500);
    for (const word of ['file', 'which', 'already', 'exists', 'grade', 'warning']) expect(englishOnly).toContain(word);
    for (const word of ['procedure', 'audit', 'kompetence', 'fil']) expect(englishOnly).not.toContain(word);
  });

  it('walks the coordinator’s scenes, the chat and two refusals, in Danish', async () => {
    const { server, browser, api } = environment();
    await sweepEmbeddedApp(server.app);
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const procedure = await server.app.services.store.getProcedureByCode('K-17');
    if (!procedure) throw new Error('The demo has no procedure K-17');
    const findings = await api<{ findings: { auditId: string }[] }>('/findings?state=all&year=2025', coordinator.id);
    const board = await api<ActionBoardDto>('/corrective-actions', coordinator.id);
    const { author, procedure: revisable } = await e2e.chooseRevisionCast(server);
    const { context, page } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      bypassCSP: true,
    });
    const found: string[] = [];
    const visit = async (path: string, ready: string) => {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      found.push(...englishIn(path, await pageText(page)));
    };
    try {
      // The home scene (the Overblik) and the handbook.
      await visit('/', 'main h1');
      await visit('/handbook', 'main h1');
      await visit('/search?q=tilsyn', 'mark');
      await visit(`/procedures/${procedure.id}`, '[data-testid="procedure-competences-list"] li');
      await visit('/tasks', 'main h1');
      await visit('/new', 'form');
      await visit('/chat', '[data-testid="adaptive-card"]');
      await visit('/competences', 'table caption');
      await visit('/audit?year=2025', 'section[aria-labelledby="audit-list-heading"] table');
      await visit(`/audit/${findings.findings[0]!.auditId}`, 'section[aria-labelledby="audit-findings-heading"] table');
      await visit('/actions', '#actions-board-heading');
      await visit(`/actions/${board.overdue[0]!.action.id}`, '#action-effectiveness-heading');
      await visit('/management-evaluation', '#pack-goals-heading');
      await visit('/year-wheel', '[data-occurrence-id]');
      await visit('/goals', 'article');
      const { goals } = await api<{ goals: { id: string; measurement: { kind: string } }[] }>('/goals', coordinator.id);
      await visit(`/goals/${goals.find((goal) => goal.measurement.kind === 'cases')!.id}`, 'figure table');

      // A certifier's CSV with columns the import does not know: the error names the columns. On an
      // audit not reported yet: a reported audit is locked and takes no import.
      const { audits } = await api<{ audits: { id: string; status: string; kind: string }[] }>(
        '/audits',
        coordinator.id,
      );
      const open = audits.find((audit) => audit.status === 'planned' || audit.status === 'in-progress');
      if (!open) throw new Error('The demo has no audit that is not reported yet');
      await page.goto(`${server.url}/audit/${open.id}`);
      await page.getByLabel('CSV-fil').setInputFiles({
        name: 'fund.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('alvor;tekst\r\nMindre afvigelse;Tekst\r\n'),
      });
      await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
      const importErrors = page.getByRole('alert').filter({ hasText: 'Filen har' });
      await importErrors.waitFor();
      found.push(...englishIn('certifier CSV errors', await importErrors.innerText()));

      // A text file named .txt uploaded as a new version: refused, in Danish.
      await e2e.signInAs(page, author);
      await e2e.openProcedure(page, server, revisable);
      await page.locator('input[type="file"]').setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Bare noter.\n'),
      });
      const refusal = page.getByRole('alert').filter({ hasText: 'notes.txt' });
      await refusal.waitFor();
      found.push(...englishIn('refused upload', await refusal.innerText()));
    } finally {
      await context.close();
    }
    expect(found).toEqual([]);
  });

  it('reads the Danish downloads: the competence matrix and the management evaluation report', async () => {
    const { server, api } = environment();
    const get = async (path: string) => {
      const response = await fetch(`${server.url}/api${path}`, { headers: { 'x-local-user': 'mette-kjaer' } });
      expect(response.status).toBe(200);
      return new Uint8Array(await response.arrayBuffer());
    };
    const evaluations = await api<{ items: { id: string }[] }>('/management-evaluations', 'mette-kjaer');
    const evaluationId = evaluations.items[0]!.id;
    const downloads: [string, string][] = [
      ['competence .xlsx', await xlsxText(await get('/competence-matrix/export?format=xlsx&locale=da'))],
      [
        'evaluation .pdf',
        await pdfText(await get(`/management-evaluations/${evaluationId}/export?format=pdf&locale=da`)),
      ],
      [
        'evaluation .docx',
        await docxText(await get(`/management-evaluations/${evaluationId}/export?format=docx&locale=da`)),
      ],
    ];
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const found = downloads.flatMap(([where, text]) => [
      ...englishIn(where, text),
      // People by name: an id such as "anne-birk" is no word for a reader.
      ...people
        .filter((person) => new RegExp(`\\b${person.id}\\b`).test(text))
        .map((person) => `${where}: ${person.id}`),
    ]);
    expect(found).toEqual([]);
  });
});
