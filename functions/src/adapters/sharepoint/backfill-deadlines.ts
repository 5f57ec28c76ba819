import {
  accessRequestDeadlineWrites,
  deadlineKey,
  deadlineWritesFor,
  qualityDeadlineWritesFor,
  registerDeadlineWrites,
  type DeadlineEntry,
} from '../../app/deadline-index.js';
import { defaultRegisterSettings } from '../../core/register-rules.js';
import { registerItemRecord, registerSettingsRecord } from '../../records/register.js';
import type { BatchRequest, GraphClient, ListItem } from './graph-client.js';
import { accessRequestRecord } from '../../records/access-requests.js';
import {
  acknowledgementMapping,
  acknowledgementRequestMapping,
  approvalMapping,
  competenceRequirementMapping,
  correctiveActionMapping,
  createFields,
  deadlineMapping,
  externalCoverageMapping,
  fromFields,
  mappingOf,
  occurrenceMapping,
  personCompetenceMapping,
  procedureMapping,
  toFields,
  versionMapping,
  type RecordMapping,
} from './sharepoint-records.js';

const accessRequestMapping = mappingOf(accessRequestRecord);
const registerItemMapping = mappingOf(registerItemRecord);
const registerSettingsMapping = mappingOf(registerSettingsRecord);

/**
 * Brings the Deadlines list (app/deadline-index.ts) in line with the records already on a site:
 * what `deadlineWritesFor` / `qualityDeadlineWritesFor` / `registerDeadlineWrites` (with the
 * register settings stored, or the defaults) would write if every record were
 * committed again. Run by `npm run provision` after the lists exist (a site provisioned before
 * the index gets it filled; on an up-to-date site it writes nothing), and by tests that seed
 * records straight into the Graph double. Reads every record list once (paged), then writes
 * only the entries that are missing or differ and deletes the ones no record asks for, in
 * `$batch`es of 20.
 */
export async function backfillDeadlines(
  graph: GraphClient,
  siteId: string,
): Promise<{ created: number; updated: number; deleted: number }> {
  const sitePath = `/sites/${siteId}`;
  const listIds = new Map<string, string>();
  const itemsOf = async (mapping: RecordMapping<unknown>): Promise<ListItem[]> => {
    const name = mapping.list.displayName;
    let id = listIds.get(name);
    if (id === undefined) {
      id = (await graph.get<{ id: string }>(`${sitePath}/lists/${encodeURIComponent(name)}`)).id;
      listIds.set(name, id);
    }
    return graph.getAll<ListItem>(`${sitePath}/lists/${id}/items?$expand=fields`);
  };
  const read = async <T>(mapping: RecordMapping<T>): Promise<T[]> =>
    (await itemsOf(mapping as RecordMapping<unknown>)).map((item) => fromFields(mapping, item.fields ?? {}));

  const [procedures, versions, approvals, requests, acknowledgements, requirements, records, coverage] =
    await Promise.all([
      read(procedureMapping),
      read(versionMapping),
      read(approvalMapping),
      read(acknowledgementRequestMapping),
      read(acknowledgementMapping),
      read(competenceRequirementMapping),
      read(personCompetenceMapping),
      read(externalCoverageMapping),
    ]);
  const [occurrences, actions, accessRequests, registerItems, registerSettings] = await Promise.all([
    read(occurrenceMapping),
    read(correctiveActionMapping),
    read(accessRequestMapping),
    read(registerItemMapping),
    read(registerSettingsMapping),
  ]);
  const settings =
    registerSettings.find((stored) => stored.id === 'register') ??
    defaultRegisterSettings('1970-01-01T00:00:00.000Z', 'system');
  const wanted = new Map<string, DeadlineEntry>();
  const entries = [
    ...deadlineWritesFor({
      procedures,
      versions,
      approvals,
      acknowledgementRequests: requests,
      acknowledgements,
      competenceRequirements: requirements,
      personCompetences: records,
      externalCoverage: coverage,
    }).upserts,
    ...qualityDeadlineWritesFor({ occurrences, correctiveActions: actions }).upserts,
    ...accessRequests.flatMap((request) => accessRequestDeadlineWrites(request).upserts),
    ...registerItems.flatMap((item) => registerDeadlineWrites(item, settings).upserts),
  ];
  for (const entry of entries) wanted.set(deadlineKey(entry), entry);

  const listPath = `${sitePath}/lists/${(await graph.get<{ id: string }>(`${sitePath}/lists/${encodeURIComponent(deadlineMapping.list.displayName)}`)).id}`;
  const stored = await graph.getAll<ListItem>(`${listPath}/items?$expand=fields`);
  const requestsToSend: BatchRequest[] = [];
  const counts = { created: 0, updated: 0, deleted: 0 };
  const seen = new Set<string>();
  for (const item of stored) {
    const entry = fromFields(deadlineMapping, item.fields ?? {});
    const key = deadlineKey(entry);
    const target = wanted.get(key);
    if (!target || seen.has(key)) {
      requestsToSend.push({ method: 'DELETE', url: `${listPath}/items/${item.id}` });
      counts.deleted += 1;
      continue;
    }
    seen.add(key);
    const fields = toFields(deadlineMapping, target);
    if (JSON.stringify(fields) !== JSON.stringify(toFields(deadlineMapping, entry))) {
      requestsToSend.push({ method: 'PATCH', url: `${listPath}/items/${item.id}/fields`, body: fields });
      counts.updated += 1;
    }
  }
  for (const [key, entry] of wanted) {
    if (seen.has(key)) continue;
    requestsToSend.push({
      method: 'POST',
      url: `${listPath}/items`,
      body: { fields: createFields(toFields(deadlineMapping, entry)) },
    });
    counts.created += 1;
  }
  const failure = (await graph.batch(requestsToSend)).find((outcome) => !outcome.ok);
  if (failure && !failure.ok) throw failure.error;
  return counts;
}
