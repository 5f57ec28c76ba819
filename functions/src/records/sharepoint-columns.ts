/**
 * SharePoint column definitions: the shapes a record declaration's SharePoint hints use, and the
 * helpers that build them. Column type facets follow
 * https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
 * (textColumn, numberColumn, dateTimeColumn, choiceColumn, personOrGroupColumn).
 */

export type ColumnType =
  | { text: { allowMultipleLines?: boolean; maxLength?: number; textType?: 'plain' } }
  | { number: { minimum?: number; maximum?: number; decimalPlaces?: 'none' | 'automatic' } }
  | { dateTime: { format: 'dateOnly' | 'dateTime'; displayAs?: 'standard' } }
  | { choice: { choices: readonly string[]; allowTextEntry?: boolean; displayAs?: 'dropDownMenu' } }
  | { personOrGroup: { allowMultipleSelection: boolean; chooseFromType: 'peopleOnly' } }
  | { boolean: Record<string, never> };

export type ColumnSpec = {
  /** Our name for the value (a record property or a derived value). */
  key: string;
  /** SharePoint's internal name: the key of the value in a list item's `fields`. */
  name: string;
  description: string;
  type: ColumnType;
  indexed?: boolean;
  unique?: boolean;
  /** The list template brings it (Title): checked, never created. */
  builtIn?: boolean;
};

export type ListSpec = {
  key: string;
  displayName: string;
  description: string;
  template: 'genericList' | 'documentLibrary';
  columns: ColumnSpec[];
};

export const singleLine = (maxLength = 255): ColumnType => ({ text: { maxLength } });
export const multiLine: ColumnType = { text: { allowMultipleLines: true, textType: 'plain' } };
export const json: ColumnType = multiLine;
export const date: ColumnType = { dateTime: { format: 'dateOnly', displayAs: 'standard' } };
export const instant: ColumnType = { dateTime: { format: 'dateTime', displayAs: 'standard' } };
export const yesNo: ColumnType = { boolean: {} };
export const whole = (minimum?: number, maximum?: number): ColumnType => ({
  number: {
    decimalPlaces: 'none',
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
  },
});
export const choice = (choices: readonly string[]): ColumnType => ({ choice: { choices, displayAs: 'dropDownMenu' } });
export const person: ColumnType = { personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' } };

/** A column of ours: the internal name is the key with a `Kh` prefix (KhCode, KhOwnerKey …). */
export function column(
  key: string,
  description: string,
  type: ColumnType,
  options: Partial<ColumnSpec> = {},
): ColumnSpec {
  return { key, name: `Kh${key[0]!.toUpperCase()}${key.slice(1)}`, description, type, ...options };
}
/** The list template's own Title column. */
export const title = (description: string): ColumnSpec => ({
  key: 'title',
  name: 'Title',
  description,
  type: singleLine(),
  builtIn: true,
});
/** Our record id: indexed and unique. */
export const recordKey = (description: string) =>
  column('key', description, singleLine(100), { indexed: true, unique: true });
export const procedureKey = (indexed: boolean) =>
  column('procedureKey', 'The procedure (KhKey in Procedurer).', singleLine(100), { indexed });
/** The four columns of a record with optimistic concurrency (the quality year's records). */
export const versionedColumns = () =>
  [
    ['createdAt', 'instant', column('createdAt', 'Created (app time).', instant)],
    ['updatedAt', 'instant', column('updatedAt', 'Last changed (app time).', instant)],
    ['updatedBy', 'text', column('updatedBy', 'Last changed by (KhKey in People).', singleLine(100))],
    ['etag', 'number', column('etag', "The app's optimistic-concurrency counter.", whole(0))],
  ] as const;
