import { join } from 'node:path';
import type { DeadlineEntry } from '../../app/deadline-index.js';
import type { LocalDate } from '../../core/local-date.js';
import { localDateReader, zonedTime } from '../../core/reminder-schedule.js';
import type { Person } from '../../core/types.js';
import { candidatesFromDeadlines } from '../../jobs/deadline-candidates.js';
import type { ReminderSource } from '../../jobs/reminder-source.js';
import type { GraphClient } from './graph-client.js';
import { createListMirror, resolveListPaths, type ListMirror, type MirrorItem } from './sharepoint-delta-mirror.js';
import {
  acknowledgementMapping,
  certificateMapping,
  competenceMapping,
  conversationMapping,
  deadlineMapping,
  fieldOf,
  fromFields,
  personMapping,
  unitMapping,
  type RecordMapping,
} from './sharepoint-records.js';
import { handbookSchema } from './sharepoint-schema.js';

/**
 * The sweep's ReminderSource on SharePoint (compose.ts uses it for STORE=sharepoint), with no
 * per-item reads: the one index of deadlines (app/deadline-index.ts, the Deadlines list, which
 * the stores write with each record) and the small directory lists the index does not copy
 * (people, units, competences' names, conversations' Teams user ids, certificates' bodies),
 * each held in a local snapshot by a delta mirror (sharepoint-delta-mirror.ts) of only the
 * columns used. A run refreshes each mirror with its stored deltaLink (1 RU per list on a quiet
 * day), then computes the candidates in memory with `candidatesFromDeadlines`, exactly as the
 * SQLite source does.
 *
 * Where the snapshot and its delta tokens live: files under `<dataDir>/sharepoint/<site-id>/`,
 * not a settings list item. A token is only meaningful together with the state it was handed
 * out with, and that state (10,000 procedures' entries, a few MB) cannot live in a list item;
 * a file keeps both in one atomic write, costs no resource units to read or write, and if the
 * file is lost (a new Functions instance, a wiped temp dir) the price is one full enumeration,
 * which is what a token in a list item without its state would cost anyway.
 */

export type SharePointReminderSource = ReminderSource & {
  /** The people known from the snapshot (id and name), for the sweep's recipient names. */
  listPeopleNames(): Promise<{ id: string; name: string }[]>;
  /** The Conversations mirror (every column), for the messaging store to share: one delta a sweep. */
  conversations: ListMirror;
  /** Refreshes every mirror (the candidates call does this itself). */
  refresh(): Promise<{ changes: number; fullLists: number }>;
};

const listKeys = [
  'deadlines',
  'acknowledgements',
  'people',
  'conversations',
  'units',
  'competences',
  'certificates',
] as const;
type ListKey = (typeof listKeys)[number];

function columns<T>(mapping: RecordMapping<T>, keys: string[]): { mapping: RecordMapping<T>; select: string[] } {
  return { mapping, select: keys.map((key) => fieldOf(mapping, key)) };
}

const wanted = {
  deadlines: columns(deadlineMapping, ['kind', 'subjectKey', 'dueOn', 'responsibleKey', 'unitKey', 'details']),
  // Who has acknowledged which version: the open acknowledgement entries ask the rest.
  acknowledgements: columns(acknowledgementMapping, ['versionKey', 'personKey']),
  people: columns(personMapping, ['key', 'title', 'leaderKey', 'unitKey', 'roles', 'addedAt']),
  // Every column: the messaging store shares this mirror for getConversation (one delta a sweep).
  conversations: columns(conversationMapping, [
    'key',
    'conversationId',
    'serviceUrl',
    'tenantId',
    'userAadObjectId',
    'userId',
    'locale',
    'installedAt',
  ]),
  units: columns(unitMapping, ['key', 'title', 'parentKey']),
  competences: columns(competenceMapping, ['key', 'title']),
  // Only for the certification body's name on the certifier's audits (a handful of items).
  certificates: columns(certificateMapping, ['key', 'body']),
};

export async function openSharePointReminderSource(
  graph: GraphClient,
  siteId: string,
  options: { timeZone: string; dataDir?: string },
): Promise<SharePointReminderSource> {
  const { timeZone } = options;
  const dir = options.dataDir ? join(options.dataDir, 'sharepoint', siteId) : undefined;
  const specs = listKeys.map((key) => {
    const spec = handbookSchema.find((candidate) => candidate.key === key);
    if (!spec) throw new Error(`No list ${key} in the SharePoint schema`);
    return spec;
  });
  const paths = await resolveListPaths(graph, siteId, specs, dir && join(dir, 'source-lists.json'));
  const mirrors = Object.fromEntries(
    listKeys.map((key) => [
      key,
      createListMirror({
        graph,
        listPath: paths.get(key)!,
        select: wanted[key].select,
        // Not `${key}.json`: the messaging store keeps its own (unprojected) conversations mirror there.
        file: dir && join(dir, `source-${key}.json`),
      }),
    ]),
  ) as Record<ListKey, ListMirror>;

  const readLocalDate = localDateReader(timeZone);
  const localDates = new Map<string, LocalDate>();
  const localDate = (instant: string): LocalDate => {
    let date = localDates.get(instant);
    if (date === undefined) {
      date = readLocalDate(new Date(instant));
      if (localDates.size > 50_000) localDates.clear();
      localDates.set(instant, date);
    }
    return date;
  };
  const startOf = (date: LocalDate) => zonedTime(date, 0, timeZone).toISOString();
  const text = (value: unknown): string | null =>
    value === null || value === undefined || value === '' ? null : String(value);

  async function refresh() {
    const results = await Promise.all(listKeys.map((key) => mirrors[key].refresh()));
    return {
      changes: results.reduce((sum, result) => sum + result.changes, 0),
      fullLists: results.filter((result) => result.full).length,
    };
  }

  /** Records as the stores read them (a damaged item is skipped, not fatal). */
  const records = <T>(key: ListKey, mapping: RecordMapping<T>): T[] =>
    [...mirrors[key].items.values()].flatMap((item: MirrorItem) => {
      try {
        return [fromFields(mapping, item.fields)];
      } catch {
        return [];
      }
    });

  return {
    refresh,
    conversations: mirrors.conversations,
    async listPeopleNames() {
      if (!mirrors.people.loaded) await mirrors.people.refresh();
      return records('people', personMapping).map((person) => ({ id: person.id, name: person.name ?? '' }));
    },
    async listReminderCandidates(today) {
      await refresh();
      const people = records('people', personMapping).map((person) => ({
        id: person.id,
        name: person.name ?? person.id,
        unitId: person.unitId ?? '',
        roles: (Array.isArray(person.roles) ? person.roles : []) as Person['roles'],
        leaderId: person.leaderId ?? null,
        addedAt: person.addedAt ?? null,
      }));
      const userIds = new Map<string, string>();
      for (const item of mirrors.conversations.items.values()) {
        const personId = text(item.fields[fieldOf(conversationMapping, 'key')]);
        const userId = text(item.fields[fieldOf(conversationMapping, 'userId')]);
        if (personId !== null && userId !== null) userIds.set(personId, userId);
      }
      return candidatesFromDeadlines(
        records<DeadlineEntry>('deadlines', deadlineMapping),
        {
          people,
          units: records('units', unitMapping).map((unit) => ({ ...unit, parentId: unit.parentId ?? null })),
          competences: records('competences', competenceMapping),
          userIds,
          certificationBodies: new Map(
            records('certificates', certificateMapping).map((certificate) => [certificate.id, certificate.body]),
          ),
          acknowledged: new Set(
            [...mirrors.acknowledgements.items.values()].map(
              (item) =>
                `${text(item.fields[fieldOf(acknowledgementMapping, 'versionKey')])}:${text(item.fields[fieldOf(acknowledgementMapping, 'personKey')])}`,
            ),
          ),
        },
        today,
        { localDate, startOf },
      );
    },
  };
}
