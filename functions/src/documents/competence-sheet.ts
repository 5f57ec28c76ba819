import ExcelJS from 'exceljs';
import { AppError } from '../core/errors.js';
import { importLimits } from '../core/import-errors.js';
import { openArchive } from './archive-guard.js';
import type { SheetFormat } from '../core/competence-types.js';

// Declared in core so the contract (which the tab's forms import) does not pull in exceljs.
export { sheetFormats, type SheetFormat } from '../core/competence-types.js';

/**
 * The competence matrix as a spreadsheet, in .xlsx and in CSV for Danish Excel (`;` between
 * fields, a UTF-8 byte order mark so æ, ø and å survive). A sheet is a header row and data rows of
 * text; what the columns mean is decided by the import and export use cases.
 */

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

/** Refuses a sheet beyond the import limits (core/import-errors.ts), before it is looked at. */
function tooLarge(reason: 'too-many-rows' | 'too-many-columns', maxRows: number = importLimits.maxRows): AppError {
  const limit = reason === 'too-many-rows' ? maxRows : importLimits.maxColumns;
  const what = reason === 'too-many-rows' ? 'data rows' : 'columns';
  return new AppError('PAYLOAD_TOO_LARGE', `The file has more than ${limit} ${what}, the limit for an import.`, {
    reason,
    limit,
  });
}

/**
 * Reads CSV with "quoted" fields (`;`-separated unless told otherwise); a leading byte order mark
 * is dropped. More lines than a header and `importLimits.maxRows` rows, or more fields in a line
 * than `importLimits.maxColumns`, are refused (PAYLOAD_TOO_LARGE) while reading.
 */
export function readCsv(
  bytes: Uint8Array,
  delimiter: ';' | ',' = ';',
  maxRows: number = importLimits.maxRows,
): string[][] {
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
      if (record.length >= importLimits.maxColumns) throw tooLarge('too-many-columns');
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index++;
      record.push(field);
      records.push(record);
      if (records.length > maxRows + 1) throw tooLarge('too-many-rows', maxRows);
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

/** Row elements (`<row ...>`) in a worksheet's XML, without parsing it. */
function countRows(xml: Buffer): number {
  let count = 0;
  for (let at = xml.indexOf('<row', 0, 'latin1'); at >= 0; at = xml.indexOf('<row', at + 4, 'latin1')) {
    const after = xml[at + 4];
    // "<row " or "<row>", not "<rowBreaks>" and the like.
    if (after === 0x20 || after === 0x3e || after === 0x2f || after === 0x09 || after === 0x0a || after === 0x0d) {
      count++;
    }
  }
  return count;
}

/**
 * The first worksheet's rows as text, by spreadsheet row number. The archive guard unpacks the
 * workbook under its limits before exceljs (which inflates whatever it is given) sees it; it
 * throws UNSAFE_DOCUMENT for a bomb and `UnreadableArchive` for a damaged file.
 */
export async function readXlsx(
  bytes: Uint8Array,
  maxRows: number = importLimits.maxRows,
): Promise<{ line: number; cells: string[] }[]> {
  const files = await openArchive(bytes);
  // exceljs builds every sheet of the workbook in memory, so rows are counted in the XML first.
  for (const [name, content] of files) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name) && countRows(content) > maxRows + 1) {
      throw tooLarge('too-many-rows', maxRows);
    }
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const worksheet = workbook.worksheets[0];
  if (!worksheet) return [];
  const rows: { line: number; cells: string[] }[] = [];
  // The authoritative count, for sheets written in ways the XML count above does not see.
  if (worksheet.actualRowCount > maxRows + 1) {
    throw tooLarge('too-many-rows', maxRows);
  }
  worksheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (row.cellCount > importLimits.maxColumns) throw tooLarge('too-many-columns');
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value).trim());
    rows.push({ line, cells });
  });
  return rows;
}

/**
 * Reads either format into a header and numbered data rows; blank rows are left out. Options:
 * a larger row limit (the case-data import), and CSV `,` or `;` told by the first line.
 */
export async function readSheet(
  bytes: Uint8Array,
  format: SheetFormat,
  options: { maxRows?: number; detectDelimiter?: boolean } = {},
): Promise<Sheet> {
  const maxRows = options.maxRows ?? importLimits.maxRows;
  const delimiter = options.detectDelimiter ? detectCsvDelimiter(bytes) : ';';
  const numbered =
    format === 'xlsx'
      ? await readXlsx(bytes, maxRows)
      : readCsv(bytes, delimiter, maxRows).map((cells, index) => ({
          line: index + 1,
          cells: cells.map((cell) => cell.trim()),
        }));
  const [first, ...rest] = numbered;
  return {
    header: first?.cells ?? [],
    rows: rest.filter((row) => row.cells.some((cell) => cell !== '')),
  };
}
