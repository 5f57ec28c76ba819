import { describe, expect, it } from 'vitest';
import { readCsv, readSheet, writeCsv, writeXlsx } from './competence-sheet.js';

describe('competence sheets', () => {
  it('writes CSV for Danish Excel and reads it back, quotes and all', () => {
    const bytes = writeCsv(
      ['Navn', 'Note'],
      [
        ['Søren Ærø', 'a;b "c"'],
        ['Åse', 'to\nlinjer'],
      ],
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('Navn;Note\r\nSøren Ærø;"a;b ""c"""\r\nÅse;"to\nlinjer"\r\n');
    expect(readCsv(bytes)).toEqual([
      ['Navn', 'Note'],
      ['Søren Ærø', 'a;b "c"'],
      ['Åse', 'to\nlinjer'],
    ]);
  });

  it('numbers rows by their line and leaves out blank rows', async () => {
    const csv = new TextEncoder().encode('A;B\n1;2\n;\n3;4');
    expect(await readSheet(csv, 'csv')).toEqual({
      header: ['A', 'B'],
      rows: [
        { line: 2, cells: ['1', '2'] },
        { line: 4, cells: ['3', '4'] },
      ],
    });
  });

  it('reads back an .xlsx it wrote', async () => {
    const bytes = await writeXlsx('Ark', ['Person', 'Niveau'], [['ida', 3]]);
    expect(await readSheet(bytes, 'xlsx')).toEqual({
      header: ['Person', 'Niveau'],
      rows: [{ line: 2, cells: ['ida', '3'] }],
    });
  });
});

describe('CSV formula guard', () => {
  it('exports text that a spreadsheet would run as a formula with a leading apostrophe, and imports it back', () => {
    const bytes = writeCsv(['Navn'], [['=HYPERLINK("http://x")'], ['+1'], ['@SUM(A1)'], ['Anne Birk'], ['3']]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'+1");
    expect(text).not.toMatch(/^=|\n=|;=/m);
    expect(
      readCsv(bytes)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['=HYPERLINK("http://x")', '+1', '@SUM(A1)', 'Anne Birk', '3']);
  });
});
