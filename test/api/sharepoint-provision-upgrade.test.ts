import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { openSharePointQualityStore } from '../../functions/src/adapters/sharepoint/sharepoint-quality-store.js';
import {
  approvalMapping,
  correctiveActionMapping,
  createFields,
  personMapping,
  programmeItemMapping,
  toFields,
  unitMapping,
  type Fields,
  type RecordMapping,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { handbookSchema, type ListSpec } from '../../functions/src/adapters/sharepoint/sharepoint-schema.js';
import { openSharePointStore } from '../../functions/src/adapters/sharepoint/sharepoint-store.js';
import { startGraphDouble } from '../graph-double/graph-double.js';
import { buildApproval, people, units } from '../contract/store-contract.js';
import { buildAction, buildProgrammeItem } from '../contract/quality-store-contract.js';

/**
 * A site provisioned by an older build, with records in it, upgraded by today's provisioning
 * (`provision`, what `npm run provision` runs): the new list and columns are added and the
 * missing index set, and every item keeps its fields, so today's stores read the old records.
 * The older schema is a snapshot kept as a fixture (its source line says which).
 */

const before = JSON.parse(
  readFileSync(new URL('../fixtures/sharepoint/handbook-schema-before-issue-11.json', import.meta.url), 'utf8'),
) as { source: string; lists: ListSpec[] };

const siteUrl = 'https://contoso.sharepoint.com/sites/kvalitet';

describe('npm run provision on a site provisioned by an older build', () => {
  it('adds the new list, columns and index without losing an item or a field', async () => {
    const double = await startGraphDouble();
    try {
      const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
      const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
      await provision(graph, { siteUrl, dryRun: false, schema: before.lists });
      expect(site.lists.map((list) => list.displayName)).not.toContain('YearWheel');

      // Records as the older build wrote them: only the columns its lists had.
      const oldColumns = (mapping: RecordMapping<unknown>) =>
        new Set(before.lists.find((list) => list.key === mapping.list.key)!.columns.map((column) => column.name));
      const write = async <T>(mapping: RecordMapping<T>, record: T) => {
        const names = oldColumns(mapping as RecordMapping<unknown>);
        const fields = Object.fromEntries(
          Object.entries(toFields(mapping, record)).filter(([name]) => names.has(name)),
        );
        await graph.request({
          method: 'POST',
          url: `/sites/${site.id}/lists/${encodeURIComponent(mapping.list.displayName)}/items`,
          body: { fields: createFields(fields) },
        });
      };
      for (const unit of units) await write(unitMapping, unit);
      for (const person of people) await write(personMapping, person);
      const approval = buildApproval();
      await write(approvalMapping, approval);
      const programmeItem = buildProgrammeItem({ changedOn: null });
      await write(programmeItemMapping, programmeItem);
      const action = buildAction({ implementedBy: null, involvedIds: [] });
      await write(correctiveActionMapping, action);

      const snapshot = () =>
        new Map(
          site.lists.map((list) => [
            list.displayName,
            [...list.items.values()].map((item) => ({ id: item.id, fields: { ...(item.fields as Fields) } })),
          ]),
        );
      const itemsBefore = snapshot();
      const itemCount = [...itemsBefore.values()].reduce((sum, items) => sum + items.length, 0);
      expect(itemCount).toBe(units.length + people.length + 3);

      const result = await provision(graph, { siteUrl, dryRun: false });
      expect(result.drift).toEqual([]);
      expect(result.writes.map((request) => request.method)).not.toContain('DELETE');
      expect(result.writes.map((request) => request.why)).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/create genericList "YearWheel"/),
          expect.stringMatching(/KhApproverDesignatedByKey/),
          expect.stringMatching(/KhChangedOn/),
          expect.stringMatching(/KhImplementedBy/),
          expect.stringMatching(/KhInvolvedKeys/),
          expect.stringMatching(/index.*KhVersionKey|KhVersionKey.*index/i),
        ]),
      );

      // Every item is still there, every field as it was.
      const itemsAfter = snapshot();
      for (const [list, items] of itemsBefore)
        expect(
          itemsAfter.get(list)?.map((item) => ({ id: item.id, fields: pick(item.fields, items, item.id) })),
        ).toEqual(items);
      // The schema of today is there: every list, every column, every index.
      for (const spec of handbookSchema) {
        const list = site.lists.find((candidate) => candidate.displayName === spec.displayName);
        expect(list, spec.displayName).toBeDefined();
        for (const column of spec.columns) {
          const existing = list!.columns.find((candidate) => candidate.name === column.name);
          expect(existing, `${spec.displayName}.${column.name}`).toBeDefined();
          if (column.indexed) expect(existing!.indexed, `${spec.displayName}.${column.name} indexed`).toBe(true);
        }
      }

      // Today's stores read the old records; a field added since reads as empty.
      const store = await openSharePointStore(graph, site.id);
      const quality = await openSharePointQualityStore(graph, site.id);
      expect(await store.listPeople()).toEqual([...people].sort((a, b) => a.name.localeCompare(b.name)));
      expect(await store.getApproval(approval.id)).toEqual(approval);
      expect(await quality.listProgrammeItems()).toEqual([programmeItem]);
      expect(await quality.listCorrectiveActions()).toEqual([action]);

      // And a rerun has nothing left to do.
      double.resetCounters();
      expect((await provision(graph, { siteUrl, dryRun: false })).writes).toEqual([]);
      expect(double.counters.writes).toBe(0);
    } finally {
      await double.stop();
    }
  });
});

/** The fields an item had before, as it has them now (columns added since are not compared). */
function pick(fields: Fields, before: { id: string; fields: Fields }[], id: string): Fields {
  const old = before.find((item) => item.id === id)?.fields ?? {};
  return Object.fromEntries(Object.keys(old).map((name) => [name, fields[name]]));
}
