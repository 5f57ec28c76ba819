import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import {
  answerAccessRequest,
  createAccessRequest,
  downloadAccessExport,
  produceAccessExport,
} from '../../functions/src/app/access-requests.js';
import type { Notifier, OutgoingCard } from '../../functions/src/app/messaging-ports.js';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import {
  deadlineMapping,
  fieldOf,
  personMapping,
  toFields,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import { createEmbeddedApp, type EmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig } from '../../functions/src/config.js';
import { accessDeadlineOf } from '../../functions/src/core/access-request.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import type { Actor } from '../../functions/src/core/policies.js';
import { businessDaysBetween } from '../../functions/src/core/public-holidays.js';
import { zonedTime } from '../../functions/src/core/reminder-schedule.js';
import { personRecord } from '../../functions/src/records/document-control.js';
import type { CardFactory } from '../../functions/src/jobs/card-factory.js';
import { createReminderCards } from '../../functions/src/jobs/reminder-cards.js';
import { runSweep } from '../../functions/src/jobs/run-sweep.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import { buildProcedure } from '../contract/store-contract.js';
import { sampleOf } from '../support/record-samples.js';

/**
 * Issue 16 on STORE=sharepoint: an aktindsigt request lives in the site's AccessRequests list,
 * its deadline in the Deadlines list (written in the request's own `$batch`), and the sweep's
 * SharePoint reminder source (which reads only the Deadlines list and the directory) reminds the
 * coordinators 2 working days before the deadline and once when it has passed; an answered
 * request's entry is gone, so it is never reminded.
 */

const timeZone = 'Europe/Copenhagen';
const siteUrl = 'https://contoso.sharepoint.com/sites/kvalitet';
const coordinator: Actor = { id: 'mette-kjaer', unitId: 'teknik-miljo', roles: ['coordinator'] };

let double: GraphDouble;
let app: EmbeddedApp;
let dataDir: string;
let site: ReturnType<GraphDouble['addSite']>;

const person = (id: string, name: string, roles: Actor['roles']) =>
  sampleOf(personRecord, {
    id,
    name,
    email: `${id}@example.dk`,
    title: '',
    unitId: 'teknik-miljo',
    roles,
    leaderId: null,
    aadObjectId: null,
    addedAt: '2026-01-05T08:00:00.000Z',
  });

beforeAll(async () => {
  double = await startGraphDouble();
  site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl, dryRun: false });
  const people = [person('mette-kjaer', 'Mette Kjær', ['coordinator']), person('peter-lund', 'Peter Lund', [])];
  double.seedItems(site, 'People', people.length, (index) => toFields(personMapping, people[index]!));
  dataDir = await mkdtemp(join(tmpdir(), 'kh-sharepoint-access-'));
  app = await createEmbeddedApp(
    loadConfig({
      APP_MODE: 'production',
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: siteUrl,
      ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
      ENTRA_TENANT_IDS: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      ENTRA_CLIENT_SECRET: 'secret-value',
      PUBLIC_URL: 'https://kh.example.dk',
      DATA_DIR: dataDir,
      TIME_ZONE: timeZone,
    }),
    { graph },
  );
  await app.services.store.commit({ procedures: [buildProcedure()] });
}, 120_000);
afterAll(async () => {
  app?.close();
  await double?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The sweep on `date` at noon, through the app's SharePoint ledger and reminder source. */
async function sweepOn(date: LocalDate, sent: OutgoingCard[]) {
  const product = createReminderCards({ publicUrl: app.config.publicUrl });
  const cards: CardFactory = {
    single: (item, context) => ({ ...product.single(item, context), keys: [item.key] }),
    digest: (items, context) => ({ ...product.digest(items, context), keys: items.map((item) => item.key) }),
  };
  const notifier: Notifier = {
    async send(message) {
      sent.push(message);
      return { messageId: `m-${sent.length}` };
    },
  };
  const clock = { now: () => zonedTime(date, 12, timeZone) };
  const result = await runSweep({
    services: { ...app.services, clock },
    messaging: app.messaging,
    source: app.reminderSource,
    notifier,
    cards,
  });
  expect(result.failed).toEqual([]);
}

const accessKeys = (sent: OutgoingCard[], recipientId: string) =>
  sent
    .filter((message) => message.recipientId === recipientId)
    .flatMap((message) => (message.card as { keys: string[] }).keys)
    .filter((key) => key.startsWith('access-request:'));

describe('aktindsigt on STORE=sharepoint', () => {
  it('keeps the request in the site and reminds the coordinators from the Deadlines list; an answered one is not reminded', async () => {
    const today = localDateOf(new Date(), timeZone);
    const body = {
      law: 'dk' as const,
      requesterContact: 'presse@example.dk',
      subject: 'Procedurerne for dispensationer',
      procedureIds: [buildProcedure().id],
      receivedOn: today,
    };
    const open = await createAccessRequest(app.services, coordinator, { ...body, requesterName: 'Jens Journalist' });
    expect(open.deadlineOn).toBe(accessDeadlineOf(today, 'dk'));
    const other = await createAccessRequest(app.services, coordinator, { ...body, requesterName: 'Åse Anmoder' });
    // What is handed out is kept in the site: the zip in the library's drive, its record on the item.
    const exported = await produceAccessExport(app.services, coordinator, other.id, other.etag, {
      includeDrafts: false,
    });
    const kept = exported.exports[0]!;
    const zip = await downloadAccessExport(app.services, coordinator, other.id, 1);
    expect(createHash('sha256').update(zip.bytes).digest('hex')).toBe(kept.sha256);
    const drive = [
      ...double.tenant.drive(site.lists.find((list) => list.displayName === 'Procedurer')!.driveId!).items.values(),
    ];
    expect(drive.some((item) => item.name === kept.sha256)).toBe(true);
    await answerAccessRequest(app.services, coordinator, other.id, exported.etag, {
      decision: 'refused',
      text: 'Afslag: interne dokumenter.',
      answeredOn: today,
    });

    // In the site, not in the SQLite file under DATA_DIR.
    expect(app.db.prepare('SELECT count(*) AS n FROM access_requests').get()).toEqual({ n: 0 });
    expect((await app.services.accessRequests.listAccessRequests()).map((request) => request.requesterName)).toEqual([
      'Jens Journalist',
      'Åse Anmoder',
    ]);
    const deadlines = double.tenant.list(site, 'Deadlines');
    const keyField = fieldOf(deadlineMapping, 'key');
    const accessEntries = [...deadlines.items.values()]
      .map((item) => String(item.fields[keyField]))
      .filter((key) => key.startsWith('access-request:'));
    expect(accessEntries).toEqual([`access-request:${open.id}`]);

    // The first day with at most 2 working days left, and the day before it (3 left).
    const deadlineOn = open.deadlineOn as LocalDate;
    let noticeOn = deadlineOn;
    while (businessDaysBetween(addDays(noticeOn, -1), deadlineOn, 'dk') <= 2) noticeOn = addDays(noticeOn, -1);
    const sent: OutgoingCard[] = [];
    await sweepOn(addDays(noticeOn, -1), sent);
    expect(accessKeys(sent, 'mette-kjaer')).toEqual([]);

    await sweepOn(noticeOn, sent);
    await sweepOn(noticeOn, sent);
    const dueKey = `access-request:${open.id}/mette-kjaer:${open.deadlineOn}:access-due-2`;
    expect(accessKeys(sent, 'mette-kjaer')).toEqual([dueKey]);

    await sweepOn(addDays(deadlineOn, 1), sent);
    await sweepOn(addDays(deadlineOn, 2), sent);
    expect(accessKeys(sent, 'mette-kjaer')).toEqual([
      dueKey,
      `access-request:${open.id}/mette-kjaer:${open.deadlineOn}:access-overdue`,
    ]);
    // Only the coordinator, and nothing about the answered request.
    expect(accessKeys(sent, 'peter-lund')).toEqual([]);
    expect(sent.some((message) => JSON.stringify(message.card).includes(other.id))).toBe(false);
    expect(sent.some((message) => JSON.stringify(message.card).includes('Jens Journalist'))).toBe(true);
  }, 120_000);
});
