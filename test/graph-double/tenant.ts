import { randomUUID } from 'node:crypto';

/**
 * The in-memory SharePoint tenant behind the Graph double: sites, lists with columns and items,
 * document libraries with their drives. Shapes follow the Graph v1.0 resource pages:
 * - site: https://learn.microsoft.com/en-us/graph/api/resources/site
 * - list: https://learn.microsoft.com/en-us/graph/api/resources/list
 * - columnDefinition: https://learn.microsoft.com/en-us/graph/api/resources/columndefinition
 * - listItem (eTag "\"{GUID},version\""): https://learn.microsoft.com/en-us/graph/api/listitem-delta
 * - driveItem: https://learn.microsoft.com/en-us/graph/api/resources/driveitem
 */

/** A failure the double answers with Graph's error shape (https://learn.microsoft.com/en-us/graph/errors). */
export class DoubleError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly innerCode?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export type Column = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  hidden: boolean;
  required: boolean;
  readOnly: boolean;
  /** The one type facet (text, number, dateTime, choice, boolean, personOrGroup, lookup …) and its settings. */
  type: string;
  settings: Record<string, unknown>;
};

export type Item = {
  id: string;
  guid: string;
  version: number;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeSeq: number;
  driveItemId: string | null;
};

export type List = {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  createdDateTime: string;
  columns: Column[];
  items: Map<string, Item>;
  nextItemId: number;
  /** Every create, update or delete takes the next number; delta tokens remember where they were. */
  changeSeq: number;
  /** Bumped to make every delta token handed out so far expire (410 Gone). */
  deltaEpoch: number;
  tombstones: { id: string; changeSeq: number }[];
  driveId: string | null;
};

export type DriveItem = {
  id: string;
  name: string;
  parentId: string;
  bytes: Uint8Array;
  mimeType: string;
  folder?: boolean;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  listItemId: string;
};

export type Drive = { id: string; siteId: string; listId: string; items: Map<string, DriveItem> };

export type Site = {
  id: string;
  hostname: string;
  path: string;
  displayName: string;
  createdDateTime: string;
  lists: List[];
};

/** Built-in columns each list template brings (the genericList template "includes a Title column"). */
const templateColumns: Record<string, Omit<Column, 'id'>[]> = {
  genericList: [builtIn('Title', 'text', { required: true })],
  documentLibrary: [builtIn('FileLeafRef', 'text', { required: true, displayName: 'Name' }), builtIn('Title', 'text')],
};
const systemColumns = [
  builtIn('Created', 'dateTime', { readOnly: true }),
  builtIn('Modified', 'dateTime', { readOnly: true }),
];

function builtIn(
  name: string,
  type: string,
  options: { required?: boolean; readOnly?: boolean; displayName?: string } = {},
): Omit<Column, 'id'> {
  return {
    name,
    displayName: options.displayName ?? name,
    description: '',
    indexed: false,
    enforceUniqueValues: false,
    hidden: false,
    required: options.required ?? false,
    readOnly: options.readOnly ?? false,
    type,
    settings: {},
  };
}

const columnTypes = [
  'boolean',
  'calculated',
  'choice',
  'currency',
  'dateTime',
  'lookup',
  'number',
  'personOrGroup',
  'text',
  'hyperlinkOrPicture',
  'geolocation',
  'term',
];

export class Tenant {
  readonly sites: Site[] = [];
  readonly drives = new Map<string, Drive>();
  private clockValue: () => Date;

  constructor(clock: () => Date = () => new Date()) {
    this.clockValue = clock;
  }

  now(): string {
    return this.clockValue().toISOString();
  }

  addSite(hostname: string, path: string, displayName = path.split('/').pop() ?? path): Site {
    const site: Site = {
      id: `${hostname},${randomUUID()},${randomUUID()}`,
      hostname,
      path,
      displayName,
      createdDateTime: this.now(),
      lists: [],
    };
    this.sites.push(site);
    return site;
  }

  siteById(id: string): Site {
    const site = this.sites.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
    if (!site) throw new DoubleError(404, 'itemNotFound', `Site ${id} not found`);
    return site;
  }

  /** GET /sites/{hostname}:/{server-relative-path}: https://learn.microsoft.com/en-us/graph/api/site-getbypath */
  siteByPath(hostname: string, path: string): Site {
    const wanted = `/${path.replace(/^\/+|\/+$/g, '')}`.toLowerCase();
    const site = this.sites.find(
      (candidate) =>
        candidate.hostname.toLowerCase() === hostname.toLowerCase() && candidate.path.toLowerCase() === wanted,
    );
    if (!site) throw new DoubleError(404, 'itemNotFound', `Requested site could not be found: ${hostname}:${path}`);
    return site;
  }

  /** A list by id, by display name or by URL name: https://learn.microsoft.com/en-us/graph/api/list-get */
  list(site: Site, reference: string): List {
    const wanted = reference.toLowerCase();
    const list = site.lists.find(
      (candidate) =>
        candidate.id.toLowerCase() === wanted ||
        candidate.displayName.toLowerCase() === wanted ||
        candidate.name.toLowerCase() === wanted,
    );
    if (!list)
      throw new DoubleError(404, 'itemNotFound', `List '${reference}' does not exist at site ${site.hostname}.`);
    return list;
  }

  /** POST /sites/{site-id}/lists: https://learn.microsoft.com/en-us/graph/api/list-create */
  createList(site: Site, body: Record<string, unknown>): List {
    const displayName = body['displayName'];
    if (typeof displayName !== 'string' || displayName.trim() === '')
      throw new DoubleError(400, 'invalidRequest', 'displayName is required');
    if (site.lists.some((list) => list.displayName.toLowerCase() === displayName.toLowerCase()))
      throw new DoubleError(
        409,
        'nameAlreadyExists',
        `A list, survey, discussion board, or document library with the specified title already exists in this Web site.`,
      );
    const template = ((body['list'] as { template?: string } | undefined)?.template ?? 'genericList') as string;
    if (!templateColumns[template])
      throw new DoubleError(400, 'invalidRequest', `Unsupported list template ${template}`);
    const list: List = {
      id: randomUUID(),
      name: displayName.replace(/[^A-Za-z0-9]/g, ''),
      displayName,
      description: typeof body['description'] === 'string' ? body['description'] : '',
      template,
      createdDateTime: this.now(),
      columns: [...templateColumns[template]!, ...systemColumns].map((column) => ({ ...column, id: randomUUID() })),
      items: new Map(),
      nextItemId: 1,
      changeSeq: 0,
      deltaEpoch: 1,
      tombstones: [],
      driveId: null,
    };
    for (const column of (body['columns'] as Record<string, unknown>[] | undefined) ?? [])
      this.checkColumn(list, column);
    for (const column of (body['columns'] as Record<string, unknown>[] | undefined) ?? [])
      list.columns.push(this.toColumn(column));
    if (template === 'documentLibrary') {
      const drive: Drive = {
        id: `b!${randomUUID().replace(/-/g, '')}`,
        siteId: site.id,
        listId: list.id,
        items: new Map(),
      };
      this.drives.set(drive.id, drive);
      list.driveId = drive.id;
    }
    site.lists.push(list);
    return list;
  }

  /** POST /sites/{site-id}/lists/{list-id}/columns: https://learn.microsoft.com/en-us/graph/api/list-post-columns */
  createColumn(list: List, body: Record<string, unknown>): Column {
    this.checkColumn(list, body);
    const column = this.toColumn(body);
    list.columns.push(column);
    return column;
  }

  /** PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id}: https://learn.microsoft.com/en-us/graph/api/columndefinition-update */
  updateColumn(list: List, reference: string, body: Record<string, unknown>): Column {
    const column = list.columns.find((candidate) => candidate.id === reference || candidate.name === reference);
    if (!column) throw new DoubleError(404, 'itemNotFound', `Column ${reference} not found`);
    for (const key of ['indexed', 'enforceUniqueValues', 'hidden', 'required'] as const)
      if (typeof body[key] === 'boolean') column[key] = body[key] as boolean;
    if (typeof body['description'] === 'string') column.description = body['description'];
    if (typeof body['displayName'] === 'string') column.displayName = body['displayName'];
    // The column's own type facet may be updated (e.g. a choice column's choices); another type is a retype.
    for (const type of columnTypes) {
      if (body[type] === undefined) continue;
      if (type !== column.type)
        throw new DoubleError(400, 'invalidRequest', `Cannot change ${column.name} from ${column.type} to ${type}`);
      column.settings = { ...column.settings, ...(body[type] as Record<string, unknown>) };
    }
    if (column.enforceUniqueValues && !column.indexed)
      throw new DoubleError(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
    return column;
  }

  private checkColumn(list: List, body: Record<string, unknown>): void {
    const name = body['name'];
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new DoubleError(400, 'invalidRequest', `Invalid column name ${String(name)}`);
    if (list.columns.some((column) => column.name.toLowerCase() === name.toLowerCase()))
      throw new DoubleError(409, 'nameAlreadyExists', `A duplicate field name "${name}" was found.`);
    const facets = columnTypes.filter((type) => body[type] !== undefined);
    if (facets.length !== 1)
      throw new DoubleError(
        400,
        'invalidRequest',
        `A column needs exactly one type facet; ${name} has ${facets.length}`,
      );
    if (body['enforceUniqueValues'] === true && body['indexed'] !== true)
      throw new DoubleError(400, 'invalidRequest', 'A column that enforces unique values must be indexed.');
  }

  private toColumn(body: Record<string, unknown>): Column {
    const type = columnTypes.find((candidate) => body[candidate] !== undefined)!;
    return {
      id: randomUUID(),
      name: body['name'] as string,
      displayName: (body['displayName'] as string | undefined) ?? (body['name'] as string),
      description: (body['description'] as string | undefined) ?? '',
      indexed: body['indexed'] === true,
      enforceUniqueValues: body['enforceUniqueValues'] === true,
      hidden: body['hidden'] === true,
      required: body['required'] === true,
      readOnly: body['readOnly'] === true,
      type,
      settings: (body[type] as Record<string, unknown>) ?? {},
    };
  }

  /** The column a field name refers to (`OwnerLookupId` is the id half of the `Owner` person column). */
  columnForField(list: List, field: string): Column | undefined {
    return (
      list.columns.find((column) => column.name === field) ??
      list.columns.find(
        (column) => (column.type === 'personOrGroup' || column.type === 'lookup') && `${column.name}LookupId` === field,
      )
    );
  }

  /** POST /sites/{site-id}/lists/{list-id}/items: https://learn.microsoft.com/en-us/graph/api/listitem-create */
  createItem(list: List, fields: Record<string, unknown>, driveItemId: string | null = null): Item {
    this.checkFields(list, fields, null);
    const now = this.now();
    const item: Item = {
      id: String(list.nextItemId++),
      guid: randomUUID().toUpperCase(),
      version: 1,
      fields: { ...fields },
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeSeq: ++list.changeSeq,
      driveItemId,
    };
    list.items.set(item.id, item);
    return item;
  }

  item(list: List, id: string): Item {
    const item = list.items.get(id);
    if (!item) throw new DoubleError(404, 'itemNotFound', `Item ${id} not found`);
    return item;
  }

  /** PATCH …/items/{item-id}/fields with If-Match: https://learn.microsoft.com/en-us/graph/api/listitem-update */
  updateFields(list: List, id: string, fields: Record<string, unknown>, ifMatch: string | undefined): Item {
    const item = this.item(list, id);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== eTagOf(item))
      throw new DoubleError(412, 'resourceModified', 'The eTag provided does not match the current eTag of the item.');
    this.checkFields(list, fields, item.id);
    Object.assign(item.fields, fields);
    item.version += 1;
    item.lastModifiedDateTime = this.now();
    item.changeSeq = ++list.changeSeq;
    return item;
  }

  deleteItem(list: List, id: string, ifMatch: string | undefined): void {
    const item = this.item(list, id);
    if (ifMatch !== undefined && ifMatch !== '*' && ifMatch !== eTagOf(item))
      throw new DoubleError(412, 'resourceModified', 'The eTag provided does not match the current eTag of the item.');
    list.items.delete(id);
    list.tombstones.push({ id, changeSeq: ++list.changeSeq });
  }

  private checkFields(list: List, fields: Record<string, unknown>, selfId: string | null): void {
    for (const [name, value] of Object.entries(fields)) {
      if (name.endsWith('@odata.type')) continue;
      const column = this.columnForField(list, name);
      if (!column) throw new DoubleError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (column.readOnly) throw new DoubleError(400, 'invalidRequest', `Field '${name}' is read-only`);
      if (
        column.type === 'text' &&
        column.settings['allowMultipleLines'] === true &&
        typeof value === 'string' &&
        value.length > multiLineTextLimit
      )
        throw new DoubleError(
          400,
          'invalidRequest',
          `Field '${name}' holds at most ${multiLineTextLimit} characters; the value has ${value.length}.`,
        );
      if (column.enforceUniqueValues && value !== null && value !== undefined) {
        for (const other of list.items.values())
          if (other.id !== selfId && sameValue(other.fields[name], value)) throw this.duplicate(name);
      }
    }
  }

  /**
   * SharePoint refuses a duplicate in a unique column with SPDuplicateValuesFoundException; the
   * status Graph passes on is not documented and has been seen as 409, 400 and 500, so the
   * double answers with `duplicateStatus` (409 unless a test chooses another).
   */
  duplicateStatus: 409 | 400 | 500 = 409;

  private duplicate(name: string): DoubleError {
    const message = `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${name}].`;
    if (this.duplicateStatus === 400) return new DoubleError(400, 'invalidRequest', message);
    if (this.duplicateStatus === 500)
      return new DoubleError(
        500,
        'generalException',
        `Microsoft.SharePoint.SPDuplicateValuesFoundException: ${message}`,
      );
    return new DoubleError(409, 'conflict', message);
  }

  /** A file in a document library; its list item carries the metadata columns. */
  putFile(
    drive: Drive,
    parentId: string,
    name: string,
    bytes: Uint8Array,
    mimeType: string,
  ): { file: DriveItem; created: boolean } {
    const list = this.listOfDrive(drive);
    const existing = [...drive.items.values()].find((item) => item.parentId === parentId && item.name === name);
    const now = this.now();
    if (existing) {
      existing.bytes = bytes;
      existing.mimeType = mimeType;
      existing.version += 1;
      existing.lastModifiedDateTime = now;
      const item = this.item(list, existing.listItemId);
      item.version += 1;
      item.lastModifiedDateTime = now;
      item.changeSeq = ++list.changeSeq;
      return { file: existing, created: false };
    }
    const id = `01${randomUUID().replace(/-/g, '').slice(0, 30).toUpperCase()}`;
    const listItem = this.createItem(list, { FileLeafRef: name }, id);
    const file: DriveItem = {
      id,
      name,
      parentId,
      bytes,
      mimeType,
      version: 1,
      createdDateTime: now,
      lastModifiedDateTime: now,
      listItemId: listItem.id,
    };
    drive.items.set(id, file);
    return { file, created: true };
  }

  /** A folder: a drive item without content whose list item carries metadata columns too. */
  putFolder(drive: Drive, parentId: string, name: string): { file: DriveItem } {
    const list = this.listOfDrive(drive);
    const now = this.now();
    const id = `01${randomUUID().replace(/-/g, '').slice(0, 30).toUpperCase()}`;
    const listItem = this.createItem(list, { FileLeafRef: name }, id);
    const folder: DriveItem = {
      id,
      name,
      parentId,
      bytes: new Uint8Array(),
      mimeType: '',
      folder: true,
      version: 1,
      createdDateTime: now,
      lastModifiedDateTime: now,
      listItemId: listItem.id,
    };
    drive.items.set(id, folder);
    return { file: folder };
  }

  drive(id: string): Drive {
    const drive = this.drives.get(id);
    if (!drive) throw new DoubleError(404, 'itemNotFound', `Drive ${id} not found`);
    return drive;
  }

  driveItem(drive: Drive, id: string): DriveItem {
    const item = drive.items.get(id);
    if (!item) throw new DoubleError(404, 'itemNotFound', `The resource could not be found.`);
    return item;
  }

  listOfDrive(drive: Drive): List {
    return this.list(this.siteById(drive.siteId), drive.listId);
  }
}

/**
 * What a multi-line plain text column of a list holds, as SharePoint's limits are usually quoted
 * (63,999 characters): a longer value is refused, so an adapter that writes one fails here too.
 */
export const multiLineTextLimit = 63_999;

/** Unique columns compare text case-insensitively, as SharePoint does ("A" and "a" collide). */
function sameValue(stored: unknown, value: unknown): boolean {
  if (typeof stored === 'string' && typeof value === 'string') return stored.toLowerCase() === value.toLowerCase();
  return stored === value;
}

/** Who created or changed a resource: the app's own identity (it is the only writer here). */
export const appIdentity = {
  application: { id: '00000000-0000-0000-0000-00000000a11c', displayName: 'Kvalitetshåndbog' },
  user: { id: '00000000-0000-0000-0000-00000000a11c', displayName: 'SharePoint App' },
};
const identities = { createdBy: appIdentity, lastModifiedBy: appIdentity };

export function eTagOf(item: Item): string {
  return `"{${item.guid}},${item.version}"`;
}

export function listItemJson(
  site: Site,
  list: List,
  item: Item,
  withFields: boolean,
  select: ReadonlySet<string> | null = null,
): Record<string, unknown> {
  return {
    id: item.id,
    eTag: eTagOf(item),
    createdDateTime: item.createdDateTime,
    lastModifiedDateTime: item.lastModifiedDateTime,
    ...identities,
    webUrl: `https://${site.hostname}${site.path}/Lists/${list.name}/${item.id}_.000`,
    parentReference: { id: list.id, path: encodeURI(list.displayName), siteId: site.id },
    contentType: { id: '0x0100', name: list.template === 'documentLibrary' ? 'Document' : 'Item' },
    ...(withFields ? { fields: selected(fieldsJson(item), select) } : {}),
  };
}

/** `$select` inside `$expand=fields(...)`: the named fields and the fieldValueSet's eTag. */
function selected(fields: Record<string, unknown>, select: ReadonlySet<string> | null): Record<string, unknown> {
  if (!select) return fields;
  return Object.fromEntries(Object.entries(fields).filter(([name]) => name === '@odata.etag' || select.has(name)));
}

export function fieldsJson(item: Item): Record<string, unknown> {
  return {
    '@odata.etag': eTagOf(item),
    id: item.id,
    ...item.fields,
    Created: item.createdDateTime,
    Modified: item.lastModifiedDateTime,
    _UIVersionString: `${item.version}.0`,
  };
}

/** The folder path of a parent below the drive's root ("" for the root, "/A/B" below it). */
function parentPath(drive: Drive, parentId: string): string {
  const names: string[] = [];
  for (let at = drive.items.get(parentId); at; at = drive.items.get(at.parentId)) names.unshift(at.name);
  return names.length > 0 ? `/${names.map(encodeURIComponent).join('/')}` : '';
}

export function columnJson(column: Column): Record<string, unknown> {
  return {
    id: column.id,
    name: column.name,
    displayName: column.displayName,
    description: column.description,
    indexed: column.indexed,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: column.hidden,
    required: column.required,
    readOnly: column.readOnly,
    [column.type]: column.settings,
  };
}

export function listJson(site: Site, list: List, withColumns: boolean): Record<string, unknown> {
  return {
    id: list.id,
    name: list.name,
    displayName: list.displayName,
    description: list.description,
    createdDateTime: list.createdDateTime,
    lastModifiedDateTime: list.createdDateTime,
    ...identities,
    webUrl: `https://${site.hostname}${site.path}/Lists/${list.name}`,
    list: { template: list.template, hidden: false, contentTypesEnabled: false },
    parentReference: { siteId: site.id },
    ...(withColumns ? { columns: list.columns.map(columnJson) } : {}),
  };
}

export function driveItemJson(drive: Drive, file: DriveItem): Record<string, unknown> {
  return {
    id: file.id,
    name: file.name,
    size: file.bytes.length,
    eTag: `"{${file.id}},${file.version}"`,
    createdDateTime: file.createdDateTime,
    lastModifiedDateTime: file.lastModifiedDateTime,
    ...identities,
    ...(file.folder
      ? { folder: { childCount: [...drive.items.values()].filter((child) => child.parentId === file.id).length } }
      : { file: { mimeType: file.mimeType } }),
    parentReference: {
      driveId: drive.id,
      driveType: 'documentLibrary',
      id: file.parentId,
      path: `/drives/${drive.id}/root:${parentPath(drive, file.parentId)}`,
    },
  };
}
