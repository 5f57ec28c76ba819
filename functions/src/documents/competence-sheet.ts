import ExcelJS from 'exceljs';
import { openArchive } from './archive-guard.js';

/**
 * The competence matrix as a spreadsheet, in .xlsx and in CSV for Danish Excel (`;` between
 * fields, a UTF-8 byte order mark so æ, ø and å survive). A sheet is a header row and data rows of
 * text; what the columns mean is decided by the import and export use cases.
 */
export const sheetFormats = ['xlsx', 'csv'] as const;
export type SheetFormat = (typeof sheetFormats)[number];

export type SheetRow = { /** 1-based line in the file, the header being line 1. */ line: number; cells: string[] };
export type Sheet = { header: string[]; rows: SheetRow[] };

export const sheetMediaTypes: Record<SheetFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const byteOrderMark = '\uFEFF';

/**
 * Spreadsheet programs run a cell that starts with = + - @ as a formula ("CSV injection"), so
 * such text is exported with a leading apostrophe, which they show as plain text; the import
 * removes it again (`unguardFormula`).
 */
const formulaStart = /^[=+\-@\t\r]/;

function csvField(raw: string): string {
  const value = formulaStart.test(raw) ? `'${raw}` : raw;
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function unguardFormula(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

export function writeCsv(header: string[], rows: string[][]): Uint8Array {
  const lines = [header, ...rows].map((cells) => cells.map(csvField).join(';'));
  return new TextEncoder().encode(byteOrderMark + lines.join('\r\n') + '\r\n');
}

/**
 * The separator of a CSV file from its first line: `;` (Danish Excel) unless the line has more
 * commas than semicolons outside quotes.
 */
export function detectCsvDelimiter(bytes: Uint8Array): ';' | ',' {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** Reads CSV with "quoted" fields (`;`-separated unless told otherwise); a leading byte order mark is dropped. */
export function readCsv(bytes: Uint8Array, delimiter: ';' | ',' = ';'): string[][] {
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.startsWith(byteOrderMark)) text = text.slice(1);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (isQuoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index++;
      } else if (char === '"') isQuoted = false;
      else field += char;
    } else if (char === '"' && field === '') isQuoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records.map((cells) => cells.map(unguardFormula));
}

export async function writeXlsx(sheetName: string, header: string[], rows: (string | number)[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet(sheetName);
  worksheet.addRow(header).font = { bold: true };
  for (const row of rows) worksheet.addRow(row);
  worksheet.columns.forEach((column) => (column.width = 24));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  // A date typed into Excel arrives as a Date at UTC midnight of that calendar day.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/**
 * The first worksheet's rows as text, by spreadsheet row number. The archive guard unpacks the
 * workbook under its limits before exceljs (which inflates whatever it is given) sees it; it
 * throws UNSAFE_DOCUMENT for a bomb and `UnreadableArchive` for a damaged file.
 */
export async function readXlsx(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  await openArchive(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return [];
  const rows: { line: number; cells: string[] }[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).trim());
    rows.push({ line, cells });
  });
  return rows;
}

/** Reads either format into a header and numbered data rows; blank rows are left out. */
export async function readSheet(bytes: Uint8Array, format: SheetFormat): Promise<Sheet> {
  const numbered =
    format === 'xlsx'
      ? await readXlsx(bytes)
      : readCsv(bytes).map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) }));
  const [first, ...rest] = numbered;
  return {
    header: first?.cells ?? [],
    rows: rest.filter((row) => row.cells.some((cell) => cell !== '')),
  };
}
