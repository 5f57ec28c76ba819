import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { locales } from '../core/locale.js';
import { evaluationReportContent } from './evaluation-report-content.js';
import { buildEvaluationReportDocx } from './evaluation-report-docx.js';
import { buildEvaluationReportPdf, pdfSafe } from './evaluation-report-pdf.js';
import { evaluationPackFixture } from './test-support/evaluation-pack-fixture.js';
import { pdfPages as pdfText } from '../../../test/support/pdf-text.js';

async function docxPart(bytes: Uint8Array, path: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return (await zip.file(path)?.async('string')) ?? '';
}

/** Word splits text into runs; the words of one paragraph, in order. */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((text) => text[1]).join(''),
  );
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('evaluationReportContent', () => {
  it('has every text in Danish, Norwegian and English', () => {
    const titles = locales.map((locale) => evaluationReportContent(evaluationPackFixture(), locale).title);
    expect(titles).toEqual(['Ledelsens evaluering 2026', 'Ledelsens gjennomgang 2026', 'Management review 2026']);
    for (const locale of locales) {
      const content = evaluationReportContent(evaluationPackFixture(), locale);
      expect(content.sections).toHaveLength(11);
      const texts = content.sections.flatMap((section) => [
        section.heading,
        ...section.blocks.flatMap((block) =>
          block.kind === 'table'
            ? [...block.columns.map((column) => column.header), ...block.rows.flat(), block.emptyText]
            : block.kind === 'facts'
              ? block.rows.flat()
              : [block.text],
        ),
      ]);
      expect(texts.filter((text) => text === undefined || text.includes('undefined'))).toEqual([]);
    }
  });

  it('shows the earlier decisions, the open findings and the evaluation’s decisions from the pack', () => {
    const content = evaluationReportContent(evaluationPackFixture(), 'da');
    const [earlier, audits] = content.sections;
    const earlierTable = earlier?.blocks.find((block) => block.kind === 'table');
    expect(earlierTable?.kind === 'table' && earlierTable.rows.map((row) => row[4])).toEqual([
      'Lukket',
      'Overskredet',
      'Ingen handling',
    ]);
    const openFindings = audits?.blocks.filter((block) => block.kind === 'table')[1];
    expect(openFindings?.kind === 'table' && openFindings.rows).toHaveLength(22);
    expect(content.cover).toContainEqual(['Afholdt', '10. november 2026']);
  });

  it('shows the survey rounds of the period per case type, and says which are suppressed', () => {
    const content = evaluationReportContent(evaluationPackFixture(), 'da');
    const surveys = content.sections.find((section) => section.heading === 'Tilfredshedsundersøgelser')!;
    const [byCaseType, byQuestion] = surveys.blocks.filter((block) => block.kind === 'table');
    expect(byCaseType?.kind === 'table' && byCaseType.rows).toEqual([
      ['Alle sagstyper', '92\u00A0%', '39', '50\u00A0%', '+10\u00A0%'],
      ['Byggetilladelse – enfamiliehuse', '96\u00A0%', '24', '50\u00A0%', '+5\u00A0%'],
      ['Husdyrgodkendelse', 'Færre end 5 svar – vises ikke (anonymitet)', '', '', ''],
    ]);
    expect(byQuestion?.kind === 'table' && byQuestion.rows).toEqual([['Den samlede proces', '4,4', '92\u00A0%']]);
    const empty = evaluationReportContent(
      evaluationPackFixture({ surveyResults: { status: 'available', rounds: [] } }),
      'da',
    ).sections.find((section) => section.heading === 'Tilfredshedsundersøgelser')!;
    expect(empty.blocks).toEqual([{ kind: 'paragraph', text: 'Ingen undersøgelsesrunder i perioden.', tone: 'muted' }]);
  });

  it('shows the quality goals with their value and status in words over the period', () => {
    const goals = evaluationReportContent(evaluationPackFixture(), 'da').sections[6];
    const table = goals?.blocks.find((block) => block.kind === 'table');
    expect(goals?.heading).toBe('Kvalitetsmål');
    expect(table?.kind === 'table' && table.rows.map((row) => row.slice(1))).toEqual([
      ['Sofie Dahl', 'mindst 95 %', '92,4 %', 'Gul: tæt på', '412', '7'],
      ['Sofie Dahl', 'mindst 90 %', 'måles ved undersøgelse', 'Ikke målt', '—', '—'],
    ]);
    const none = evaluationReportContent(
      evaluationPackFixture({ qualityGoals: { status: 'not-available', note: '' } }),
      'en',
    ).sections[6];
    expect(none?.blocks).toEqual([
      { kind: 'paragraph', text: 'No quality objectives were set for the period.', tone: 'muted' },
    ]);
  });

  it('says so when the evaluation is not recorded yet', () => {
    const content = evaluationReportContent(evaluationPackFixture({ evaluation: null }), 'da');
    expect(content.cover[0]).toEqual(['Status', 'Ikke afholdt endnu']);
    const decisions = content.sections[9];
    expect(decisions?.blocks).toEqual([
      { kind: 'paragraph', text: expect.stringContaining('ikke registreret'), tone: 'muted' },
    ]);
  });
});

describe('the report’s footer', () => {
  const frozen = { asOf: '2026-03-12' as never, frozenAt: '2026-03-12T15:00:00.000Z', lockedAt: null };
  const fixture = evaluationPackFixture();
  const published = evaluationPackFixture({
    frozen,
    asOf: '2026-03-12' as never,
    evaluation: { ...fixture.evaluation!, publishedOn: '2026-04-22' as never },
  });

  it('says when a published evaluation was published, and a later print’s day separately', () => {
    const footer = evaluationReportContent(published, 'da', '2026-12-07' as never).footer;
    expect(footer).toBe(
      'Ærøskøbing Kommune · Ledelsens evaluering 2026 · Offentliggjort 22.04.2026 · Udskrevet 07.12.2026',
    );
    expect(footer).not.toContain('12.03.2026');
    expect(evaluationReportContent(published, 'da', '2026-04-22' as never).footer).toBe(
      'Ærøskøbing Kommune · Ledelsens evaluering 2026 · Offentliggjort 22.04.2026',
    );
    expect(evaluationReportContent(published, 'nb', '2026-12-07' as never).footer).toContain(
      'Publisert 22.04.2026 · Skrevet ut 07.12.2026',
    );
    expect(evaluationReportContent(published, 'en', '2026-12-07' as never).footer).toContain('Published');
  });

  it('says when a frozen evaluation was frozen, and a live pack the day it is printed', () => {
    const held = evaluationPackFixture({ frozen, asOf: '2026-03-12' as never });
    expect(evaluationReportContent(held, 'da', '2026-12-07' as never).footer).toContain(
      'Fastfrosset 12.03.2026 · Udskrevet 07.12.2026',
    );
    expect(evaluationReportContent(fixture, 'da', '2026-11-20' as never).footer).toBe(
      'Ærøskøbing Kommune · Ledelsens evaluering 2026 · Udskrevet 20.11.2026',
    );
    // Without a print day, a live pack is printed the day its figures are taken; a frozen one says only that.
    expect(evaluationReportContent(fixture, 'da').footer).toContain('Udskrevet 20.11.2026');
    expect(evaluationReportContent(held, 'da').footer).not.toContain('Udskrevet');
  });
});

describe('pdfSafe', () => {
  it.each([
    ['Æblegrød på Ærø', 'Æblegrød på Ærø'],
    ['a\u030Angstrøm', 'ångstrøm'],
    ['Dvořák', 'Dvorák'],
    ['Łódź', '?ódz'],
    ['frist → april', 'frist ? april'],
    ['“citat” – €5 …', '“citat” – €5 …'],
    ['a\tb\r\nc', 'a b\nc'],
  ])('%s → %s', (input, expected) => {
    expect(pdfSafe(input)).toBe(expected);
  });
});

describe('buildEvaluationReportDocx', () => {
  it('writes a Word document that opens, with the title, the numbered sections and the decisions', async () => {
    const bytes = await buildEvaluationReportDocx(evaluationPackFixture(), 'da');
    const document = await docxPart(bytes, 'word/document.xml');
    const paragraphs = paragraphsOf(document);
    for (const expected of [
      'Ledelsens evaluering 2026',
      'ÆRØSKØBING KOMMUNE',
      '1. Opfølgning på tidligere beslutninger',
      '2. Auditresultater og fund',
      '9. Konklusioner',
      '10. Beslutninger',
      '11. Politisk behandling og offentliggørelse',
      'Teknik- og Miljøudvalget',
      'Søren Østergaard, Åse Lønstrup, Kåre Kvalitet',
    ]) {
      expect(paragraphs).toContain(expected);
    }
    // Header rows repeat on each page, and no row is split over two pages.
    expect(document).toContain('<w:tblHeader/>');
    expect(document).toContain('<w:cantSplit/>');
    // A4.
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const footer = await docxPart(bytes, 'word/footer1.xml');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(paragraphsOf(footer).join('')).toContain('Side');
  });

  it('writes the Norwegian and English reports with their own headings', async () => {
    const nb = paragraphsOf(
      await docxPart(await buildEvaluationReportDocx(evaluationPackFixture(), 'nb'), 'word/document.xml'),
    );
    expect(nb).toContain('Ledelsens gjennomgang 2026');
    expect(nb).toContain('3. Korrigerende tiltak');
    const en = paragraphsOf(
      await docxPart(await buildEvaluationReportDocx(evaluationPackFixture(), 'en'), 'word/document.xml'),
    );
    expect(en).toContain('Management review 2026');
    expect(en).toContain('11. Political treatment and publication');
  });
});

describe('buildEvaluationReportPdf', () => {
  it('writes an A4 PDF whose text holds the Danish headings, figures and page numbers', async () => {
    const bytes = await buildEvaluationReportPdf(evaluationPackFixture(), 'da');
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    const pages = (await pdfText(bytes)).map(squeeze);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    expect(pages[0]).toContain('Ledelsensevaluering2026');
    expect(pages[0]).toContain('ÆRØSKØBINGKOMMUNE');
    pages.forEach((text, index) => expect(text).toContain(`Side${index + 1}af${pages.length}`));
    const all = pages.join('');
    for (const expected of ['6.Kompetencer', 'BjørnÆrenlund', '85%', 'Teknik-ogMiljøudvalget', 'Fund22:']) {
      expect(all).toContain(expected);
    }
  });

  it('writes the English report', async () => {
    const pages = (await pdfText(await buildEvaluationReportPdf(evaluationPackFixture(), 'en'))).map(squeeze);
    expect(pages[0]).toContain('Managementreview2026');
    expect(pages.at(-1)).toContain(`Page${pages.length}of${pages.length}`);
  });
});
