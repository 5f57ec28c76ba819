import { locales, type Locale } from './locale.js';
import { serverTexts } from '../i18n/server-texts.js';
import {
  caseFields,
  caseRecordId,
  requiredCaseFields,
  type CaseColumnMapping,
  type CaseField,
  type CaseRecord,
} from './goal-types.js';
import {
  importRowError,
  type CaseImportErrorCode,
  type ImportErrorParams,
  type ImportRowError,
} from './import-errors.js';
import { isLocalDate, type LocalDate } from './local-date.js';
import type { Unit } from './types.js';

/**
 * A case-system export (Byg og Miljø, husdyrgodkendelse.dk, an ESDH report) read through a
 * column mapping: each field names the export's header text (case-insensitive), unmapped
 * columns are ignored, so names, addresses and the like are never read. Dates may be ISO
 * (2026-03-31, with or without a time), Danish 31-03-2026 or 31.03.2026 (also 31/03/2026 and
 * one-digit day or month). Errors name the line (the header is line 1) and the field; a plan with
 * errors must not be applied at all.
 */

/** Largest export accepted: two years of a large municipality's decided and open cases. */
export const caseImportLimits = { maxRows: 50_000, maxBytes: 16 * 1024 * 1024 } as const;

export const maxCaseTextLength = 200;

/** A field's title in a language (the server's `imports` texts); the default mapping accepts every language's. */
export function caseFieldTitle(field: CaseField, locale: Locale): string {
  return serverTexts(locale, 'imports')(`case.${field}`);
}

const normalised = (value: string) => value.trim().toLocaleLowerCase('da').replace(/\s+/g, ' ');

/** The mapping a header suggests: each field whose code or title (any language) is a header cell. */
export function guessCaseMapping(header: readonly string[]): CaseColumnMapping {
  const byName = new Map(header.map((title) => [normalised(title), title.trim()] as const));
  const mapping = {} as CaseColumnMapping;
  for (const field of caseFields) {
    const names = [field, ...locales.map((locale) => caseFieldTitle(field, locale))];
    mapping[field] = names.map((name) => byName.get(normalised(name))).find((title) => title !== undefined) ?? null;
  }
  return mapping;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/;
const danishDate = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;

/** A calendar date from an export's cell, or null when it is not one (31.02.2026 is not). */
export function parseCaseDate(text: string): LocalDate | null {
  const value = text.trim();
  const iso = isoDate.exec(value);
  const candidate = iso
    ? `${iso[1]}-${iso[2]}-${iso[3]}`
    : (() => {
        const danish = danishDate.exec(value);
        return danish ? `${danish[3]}-${danish[2]!.padStart(2, '0')}-${danish[1]!.padStart(2, '0')}` : null;
      })();
  return candidate !== null && isLocalDate(candidate) ? candidate : null;
}

export type CaseImportError = ImportRowError<CaseImportErrorCode>;
export type CaseImportPlan = { cases: CaseRecord[]; errors: CaseImportError[] };

export type CaseImportInput = {
  header: readonly string[];
  rows: readonly { line: number; cells: readonly string[] }[];
  mapping: CaseColumnMapping;
  sourceId: string;
  units: readonly Pick<Unit, 'id' | 'name'>[];
  /** The instant of the import, stamped on every case. */
  importedAt: string;
};

const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Checks every row and maps it to a case record; errors are per row and field. */
export function planCaseImport(input: CaseImportInput): CaseImportPlan {
  const indexByHeader = new Map<string, number>();
  input.header.forEach((title, index) => {
    const key = normalised(title);
    if (key !== '' && !indexByHeader.has(key)) indexByHeader.set(key, index);
  });
  const columnIndex = new Map<CaseField, number>();
  const headerErrors: CaseImportError[] = [];
  for (const field of caseFields) {
    const mapped = input.mapping[field];
    if (mapped === null || mapped.trim() === '') {
      if (requiredCaseFields.includes(field))
        headerErrors.push(importRowError(1, field, 'missing-column', { value: field }));
      continue;
    }
    const index = indexByHeader.get(normalised(mapped));
    if (index === undefined) headerErrors.push(importRowError(1, field, 'unmapped-field', { value: mapped, field }));
    else columnIndex.set(field, index);
  }
  if (headerErrors.length > 0) return { cases: [], errors: headerErrors };
  if (input.rows.length === 0) return { cases: [], errors: [importRowError(2, null, 'no-rows', {})] };

  const unitByKey = new Map<string, string>();
  for (const unit of input.units) {
    unitByKey.set(normalised(unit.id), unit.id);
    unitByKey.set(normalised(unit.name), unit.id);
  }
  const firstLineOf = new Map<string, number>();
  const cases: CaseRecord[] = [];
  const errors: CaseImportError[] = [];
  for (const { line, cells } of input.rows) {
    const before = errors.length;
    const cell = (field: CaseField) => {
      const index = columnIndex.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const fail = <Code extends CaseImportErrorCode>(
      field: CaseField | null,
      code: Code,
      params: ImportErrorParams<Code>,
    ) => errors.push(importRowError(line, field, code, params) as CaseImportError);
    const text = (field: CaseField, isRequired: boolean): string | null => {
      const value = cell(field);
      if (value === '') {
        if (isRequired) fail(field, 'empty-required', {});
        return null;
      }
      if (value.length > maxCaseTextLength) fail(field, 'too-long', { max: maxCaseTextLength });
      else if (controlCharacters.test(value)) fail(field, 'control-characters', {});
      return value;
    };
    const date = (field: CaseField, isRequired: boolean): LocalDate | null => {
      const value = cell(field);
      if (value === '') {
        if (isRequired) fail(field, 'empty-required', {});
        return null;
      }
      const parsed = parseCaseDate(value);
      if (parsed === null) fail(field, 'bad-date', { value });
      return parsed;
    };
    const days = (field: CaseField, isRequired: boolean): number | null => {
      const value = cell(field);
      if (value === '') {
        if (isRequired) fail(field, 'empty-required', {});
        return null;
      }
      if (!/^\d{1,5}$/.test(value)) {
        fail(field, 'bad-number', { value });
        return null;
      }
      return Number(value);
    };

    const caseId = text('caseId', true);
    const caseType = text('caseType', true);
    const unitText = text('unit', false);
    const unitId = unitText === null ? null : (unitByKey.get(normalised(unitText)) ?? null);
    if (unitText !== null && unitId === null) fail('unit', 'unknown-unit', { value: unitText });
    const receivedOn = date('receivedOn', true);
    const fullyInformedOn = date('fullyInformedOn', false);
    const decidedOn = date('decidedOn', false);
    const pausedDays = days('pausedDays', false) ?? 0;
    const targetDays = days('targetDays', true);
    const exemptionReason = text('exemptionReason', false);
    const decisionType = text('decisionType', false);
    if (receivedOn !== null && fullyInformedOn !== null && fullyInformedOn < receivedOn)
      fail('fullyInformedOn', 'date-order', { value: fullyInformedOn, other: 'receivedOn' });
    if (receivedOn !== null && decidedOn !== null && decidedOn < receivedOn)
      fail('decidedOn', 'date-order', { value: decidedOn, other: 'receivedOn' });
    else if (fullyInformedOn !== null && decidedOn !== null && decidedOn < fullyInformedOn)
      fail('decidedOn', 'date-order', { value: decidedOn, other: 'fullyInformedOn' });
    if (caseId !== null) {
      const firstLine = firstLineOf.get(caseId);
      if (firstLine !== undefined) fail('caseId', 'duplicate-case', { value: caseId, firstLine });
      else firstLineOf.set(caseId, line);
    }

    if (errors.length === before)
      cases.push({
        id: caseRecordId(input.sourceId, caseId!),
        sourceId: input.sourceId,
        caseId: caseId!,
        caseType: caseType!,
        unitId,
        receivedOn: receivedOn!,
        fullyInformedOn,
        decidedOn,
        pausedDays,
        targetDays: targetDays!,
        exemptionReason,
        decisionType,
        importedAt: input.importedAt,
      });
  }
  return { cases, errors };
}
