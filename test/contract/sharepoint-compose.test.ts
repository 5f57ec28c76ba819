import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { createEmbeddedApp, type EmbeddedApp } from '../../functions/src/compose.js';
import { loadConfig } from '../../functions/src/config.js';
import { sweepEmbeddedApp } from '../../functions/src/jobs/sweep-embedded-app.js';
import { addDays, localDateOf } from '../../functions/src/core/local-date.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import { reportToRegister } from '../../functions/src/app/report-to-register.js';
import { searchEverything } from '../../functions/src/app/search-everything.js';
import { buildAction } from './quality-store-contract.js';
import { buildProcedure, buildVersion } from './store-contract.js';
import { expectSweepToMeasureGoals } from '../support/goal-sweep.js';

/** STORE=sharepoint wired by compose, against a provisioned site in the Graph double. */

let double: GraphDouble;
let app: EmbeddedApp;
let dataDir: string;

beforeAll(async () => {
  double = await startGraphDouble();
  double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const graph = createGraphClient({ tokens: async () => 'token', baseUrl: double.baseUrl, sleep: async () => {} });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  dataDir = await mkdtemp(join(tmpdir(), 'kh-sharepoint-compose-'));
  const config = loadConfig({
    APP_MODE: 'production',
    STORE: 'sharepoint',
    SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/kvalitet',
    ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
    ENTRA_TENANT_IDS: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
    ENTRA_CLIENT_SECRET: 'secret-value',
    PUBLIC_URL: 'https://kh.example.dk',
    DATA_DIR: dataDir,
  });
  app = await createEmbeddedApp(config, { graph });
});
afterAll(async () => {
  app?.close();
  await double?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('compose with STORE=sharepoint', () => {
  it('puts the store and the files in the site, and the default unit in its Units list', async () => {
    expect(await app.services.store.listUnits()).toEqual([
      { id: 'teknik-miljo', name: 'Eksempel Kommune · Teknik og Miljø', parentId: null },
    ]);
    await app.services.store.commit({ procedures: [buildProcedure()] });
    expect(await app.services.store.getProcedureByCode('TM-01-01')).toEqual(buildProcedure());
    const file = await app.services.documents.put(new TextEncoder().encode('fil'));
    expect(new TextDecoder().decode(await app.services.documents.get(file.ref))).toBe('fil');
  });

  it('keeps conversations and the reminder ledger in the site, and sweeps from it', async () => {
    const writesBefore = double.counters.writes;
    await app.messaging.saveConversation({
      personId: 'peter-lund',
      conversationId: 'a:peter',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      tenantId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      userAadObjectId: '99999999-2222-4333-8444-555555555555',
      userId: '29:peter',
      locale: 'da',
      installedAt: new Date().toISOString(),
    });
    expect(double.counters.writes).toBeGreaterThan(writesBefore);
    expect((await app.messaging.getConversation('peter-lund'))?.conversationId).toBe('a:peter');
    const result = await sweepEmbeddedApp(app);
    expect(result.status).toBe('completed');
  });

  it('sweeps the årshjul from the site: the reminder source reads the YearWheel list (not the SQLite file)', async () => {
    const today = localDateOf(new Date(), app.config.timeZone);
    const now = new Date().toISOString();
    await app.services.quality.commit({
      occurrences: [
        {
          id: 'occ-compose',
          etag: 1,
          createdAt: now,
          updatedAt: now,
          updatedBy: 'mette-kjaer',
          kind: 'internal-audit',
          title: 'Intern audit: Byggesager',
          dueOn: addDays(today, 7),
          ownerId: 'peter-lund',
          origin: { kind: 'manual' },
          completedOn: null,
          isEdited: false,
          note: '',
        },
      ],
    });
    const candidates = await app.reminderSource.listReminderCandidates(today);
    expect(candidates.filter((candidate) => candidate.kind === 'occurrence')).toMatchObject([
      { occurrenceId: 'occ-compose', dueOn: addDays(today, 7), ownerId: 'peter-lund' },
    ]);
    // The SQLite file under DATA_DIR holds no quality records in this mode.
    expect(app.db.prepare('SELECT count(*) AS n FROM year_wheel_occurrences').get()).toEqual({ n: 0 });
    const result = await sweepEmbeddedApp(app);
    expect(result.status).toBe('completed');
    // The ledger (one entry per message, its reminder keys) as the messaging store reads it.
    const keys = (await app.messaging.listLedger()).filter((m) => m.state === 'sent').flatMap((m) => m.keys);
    expect(keys).toContain(`occurrence:occ-compose:${addDays(today, 7)}:occurrence-due-7`);
  });

  it('searches without a Graph request when nothing changed since the last search', async () => {
    const at = new Date().toISOString();
    await app.services.store.commit({
      procedures: [
        buildProcedure({ id: 'p-search', code: 'TM-09-01', title: 'Tilsyn med søer', currentVersionId: 'v-search' }),
      ],
      versions: [
        buildVersion({
          id: 'v-search',
          procedureId: 'p-search',
          state: 'published',
          major: 1,
          minor: 0,
          kind: 'major',
          text: 'Tilsynet omfatter søer og vandløb.',
          html: '<p>Tilsynet omfatter søer og vandløb.</p>',
          publishedAt: at,
        }),
      ],
    });
    await app.services.quality.commit({
      correctiveActions: [buildAction({ id: 'ca-search', title: 'Tilsyn med søer: fristen overskredet' })],
    });
    const actor = { id: 'mette-kjaer', unitId: 'teknik-miljo', roles: ['coordinator' as const] };
    const search = () => searchEverything(app.services, actor, { q: 'søer', limit: 20, offset: 0 });
    // The stamps also move every 30 seconds (other instances' writes): a search across that step
    // reads again, so the count is taken again when one fell between.
    for (let attempt = 1; ; attempt++) {
      // Taken before the first search: its stamp may be read just before a 30-second step.
      const step = Math.floor(Date.now() / 30_000);
      const first = await search();
      expect(first.hits.map((hit) => `${hit.kind}:${hit.id}`)).toEqual([
        'procedure:p-search',
        'corrective-action:ca-search',
      ]);
      double.resetCounters();
      const again = await search();
      const requests = double.counters.requests;
      if (Math.floor(Date.now() / 30_000) !== step && attempt < 3) continue;
      expect(again).toEqual(first);
      expect(requests).toBeLessThanOrEqual(1);
      break;
    }
  });

  it('keeps the register in the site: a reported deviation is in the Register list, not the SQLite file', async () => {
    const actor = { id: 'mette-kjaer', unitId: 'teknik-miljo', roles: ['coordinator' as const] };
    const item = await reportToRegister(
      app.services,
      actor,
      {
        kind: 'deviation',
        title: 'Journal ikke opdateret',
        description: 'Tre sager uden notat.',
        procedureIds: [],
        scope: 'unit',
      },
      'tab',
    );
    expect(await app.services.register.getItem(item.id)).toEqual(item);
    expect((await app.services.register.listItems({ reportedBy: 'mette-kjaer' })).map((found) => found.id)).toEqual([
      item.id,
    ]);
    expect(app.db.prepare('SELECT count(*) AS n FROM register_items').get()).toEqual({ n: 0 });
    // The sweep's register part (reply reminders, retention, used solutions) reads the site too.
    expect((await sweepEmbeddedApp(app)).status).toBe('completed');
  });

  it('reminds the handler of an unanswered register item through the sweep: its entry is in the Deadlines list', async () => {
    const actor = { id: 'mette-kjaer', unitId: 'teknik-miljo', roles: ['coordinator' as const] };
    const reported = await reportToRegister(
      app.services,
      actor,
      {
        kind: 'suggestion',
        title: 'Skabelon til svarbreve',
        description: 'Et fælles brev.',
        procedureIds: [],
        scope: 'unit',
      },
      'tab',
    );
    // Due today, handled by someone the bot can reach (the conversation saved above).
    const today = localDateOf(new Date(), app.config.timeZone);
    const item = { ...reported, replyDueOn: today, handlerId: 'peter-lund', etag: reported.etag + 1 };
    await app.services.register.commit({ expect: [{ id: item.id, etag: reported.etag }], items: [item] });

    const candidates = await app.reminderSource.listReminderCandidates(today);
    expect(candidates.filter((candidate) => candidate.kind === 'register-reply')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: item.id, dueOn: today, recipientIds: ['peter-lund'] }),
      ]),
    );
    expect(app.db.prepare("SELECT count(*) AS n FROM deadlines WHERE kind = 'register-reply'").get()).toEqual({ n: 0 });
    expect((await sweepEmbeddedApp(app)).status).toBe('completed');
    const sent = async () =>
      (await app.messaging.listLedger())
        .filter((message) => message.state === 'sent')
        .flatMap((message) => message.keys)
        .filter((key) => key.startsWith(`register-reply:${item.id}/`));
    expect(await sent()).toEqual([`register-reply:${item.id}/peter-lund:${today}:register-due-soon`]);

    // Answered: the entry leaves the list and the next sweep sends nothing more.
    const reply = {
      text: 'Tak.',
      sentAt: new Date().toISOString(),
      sentBy: 'peter-lund',
      deliveredBy: 'email' as const,
      isLate: false,
    };
    await app.services.register.commit({
      expect: [{ id: item.id, etag: item.etag }],
      items: [{ ...item, reply, etag: item.etag + 1 }],
    });
    const after = await app.reminderSource.listReminderCandidates(today);
    expect(after.filter((candidate) => candidate.kind === 'register-reply' && candidate.itemId === item.id)).toEqual(
      [],
    );
    expect((await sweepEmbeddedApp(app, { runId: 'after-reply' })).status).toBe('completed');
    expect(await sent()).toHaveLength(1);
  });

  it('re-measures the goals in the sweep: survey answers in the site turn a goal red (issue 14)', async () => {
    await expectSweepToMeasureGoals(app.services, app.config.timeZone, () => sweepEmbeddedApp(app));
  });
});
