import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier, OutgoingCard } from '../../functions/src/app/messaging-ports.js';
import type { Services, Store } from '../../functions/src/app/ports.js';
import { createGraphClient, type GraphClient } from '../../functions/src/adapters/sharepoint/graph-client.js';
import { provision } from '../../functions/src/adapters/sharepoint/provision.js';
import { openSharePointMessagingStore } from '../../functions/src/adapters/sharepoint/sharepoint-messaging-store.js';
import { backfillDeadlines } from '../../functions/src/adapters/sharepoint/backfill-deadlines.js';
import { openSharePointStore } from '../../functions/src/adapters/sharepoint/sharepoint-store.js';
import {
  acknowledgementRequestMapping,
  approvalMapping,
  correctiveActionMapping,
  fieldOf,
  ledgerItemMapping,
  competenceMapping,
  competenceRequirementMapping,
  occurrenceMapping,
  personCompetenceMapping,
  personMapping,
  procedureFields,
  toFields,
  unitMapping,
  versionMapping,
} from '../../functions/src/adapters/sharepoint/sharepoint-records.js';
import type { PersonCompetence } from '../../functions/src/core/competence-types.js';
import type { CorrectiveAction } from '../../functions/src/core/quality-year-types.js';
import { openSharePointReminderSource } from '../../functions/src/adapters/sharepoint/sharepoint-reminder-source.js';
import { addDays, type LocalDate } from '../../functions/src/core/local-date.js';
import { reminderStagesDue, zonedTime } from '../../functions/src/core/reminder-schedule.js';
import type { Person, Procedure, ProcedureVersion } from '../../functions/src/core/types.js';
import type { CardFactory } from '../../functions/src/jobs/card-factory.js';
import { runSweep, type SweepResult } from '../../functions/src/jobs/run-sweep.js';
import { startGraphDouble, type GraphDouble } from '../graph-double/graph-double.js';
import type { Site } from '../graph-double/tenant.js';

/**
 * The reminder sweep on SharePoint, measured on the Graph double: 10,000 procedures (and
 * 10,000 versions), approvals, acknowledgement requests, competences, årshjul occurrences and
 * corrective actions seeded straight into the double's state, then the deadline index filled
 * from them as `npm run provision` fills it on an existing site (none of this is counted), then
 * the sweep with the SharePoint messaging store and reminder source, which read the one
 * Deadlines list and the directory. Each run opens its adapters afresh over a data dir that
 * keeps the delta snapshots, as a daily process would. A day's edits go through the store, as
 * the app (the only writer) makes them, so the index moves with the records.
 */

const timeZone = 'Europe/Copenhagen';
const day1 = '2026-11-23' as LocalDate;
const day2 = addDays(day1, 1);
const procedureCount = 10_000;
const owners = 100;
const leaders = 10;
/** Review dates spread over ten years (≈2.7 a day), the first 60 days already past on day 1. */
const reviewOffset = (index: number) => ((index * 37) % 3650) - 60;
/**
 * Every owner holds the internal-auditor competence at level 1, with validUntil spread over
 * 100 days back to 300 days ahead of day 1; the requirement (2 people at level 2 in u-1) is unmet.
 */
const qualificationOffset = (index: number) => ((index * 7) % 400) - 100;
const auditorRecord = (index: number): PersonCompetence => ({
  personId: `owner-${index}`,
  competenceId: 'auditor',
  level: 1,
  evidence: null,
  validUntil: addDays(day1, qualificationOffset(index)),
  assessment: 'confirmed',
  confirmedBy: 'chief',
});

const occurrenceCount = 40;
/**
 * Occurrences every 5 days from 63 days before day 1. No stage of theirs begins on day 2 (the
 * offsets avoid 31, 8, 1, 0 and -6), so the daily run measures what their mirrors cost alone.
 */
const occurrenceOffset = (index: number) => index * 5 - 63;

const actionCount = 60;
/**
 * Corrective actions due from 33 days before day 1 to 26 days after, one a day; every fifth one
 * implemented, so only the open and planned ones are reminded of (due 7, due 0, overdue, escalation).
 */
const actionOffset = (index: number) => index - 33;
function action(index: number): CorrectiveAction {
  const at = '2026-01-01T09:00:00.000Z';
  return {
    id: `ca-${index}`,
    etag: 1,
    createdAt: at,
    updatedAt: at,
    updatedBy: 'chief',
    title: `Handling ${index}`,
    source: { kind: 'other' },
    unitId: 'u-1',
    correction: null,
    rootCause: 'Årsag',
    plan: 'Plan',
    ownerId: `owner-${(index * 3) % owners}`,
    dueOn: addDays(day1, actionOffset(index)),
    status: index % 5 === 4 ? 'implemented' : 'planned',
    implementedOn: index % 5 === 4 ? day1 : null,
    implementedBy: index % 5 === 4 ? `owner-${(index * 3) % owners}` : null,
    implementationNote: null,
    evidenceText: null,
    evidenceUrl: null,
    involvedIds: [`owner-${(index * 3) % owners}`],
    effectivenessChecks: [],
    closedOn: null,
  };
}

const cards: CardFactory = {
  single: (item) => ({ type: 'AdaptiveCard', version: '1.5', body: [], keys: [item.key] }),
  digest: (items) => ({ type: 'AdaptiveCard', version: '1.5', body: [], keys: items.map((item) => item.key) }),
};

function fakeNotifier(): Notifier & { sent: OutgoingCard[] } {
  const sent: OutgoingCard[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      return { messageId: `m-${sent.length}` };
    },
  };
}

const noonOf = (date: LocalDate) => zonedTime(date, 12, timeZone);
const instantOn = (date: LocalDate, hour = 9) => zonedTime(date, hour, timeZone).toISOString();

function person(id: string, name: string, leaderId: string | null): Person {
  return {
    id,
    name,
    email: `${id}@kommune.dk`,
    title: 'Sagsbehandler',
    unitId: 'u-1',
    roles: ['caseworker'],
    leaderId,
    aadObjectId: `aad-${id}`,
  };
}

function procedure(index: number): Procedure {
  const id = `p-${String(index).padStart(5, '0')}`;
  const hasDraft = index % 500 === 3;
  return {
    id,
    code: `KH-${String(index).padStart(5, '0')}`,
    title: `Procedure ${index}`,
    level: 'core',
    area: 'Område',
    unitId: 'u-1',
    ownerId: `owner-${index % owners}`,
    approverId: `owner-${(index + 1) % owners}`,
    approverDesignatedBy: null,
    audience: { unitIds: ['u-1'], roles: ['caseworker'] },
    reviewIntervalMonths: 120,
    standards: [],
    legalBasis: [],
    currentVersionId: `v-${index}`,
    draftVersionId: hasDraft ? `d-${index}` : null,
    approvedOn: '2020-01-01' as LocalDate,
    lastReviewedOn: null,
    nextReviewOn: addDays(day1, reviewOffset(index)),
    createdAt: '2020-01-01T09:00:00.000Z',
    updatedAt: '2020-01-01T09:00:00.000Z',
    updatedBy: 'owner-0',
    etag: 1,
  } as Procedure;
}

function version(index: number): ProcedureVersion {
  return {
    id: `v-${index}`,
    procedureId: `p-${String(index).padStart(5, '0')}`,
    state: 'published',
    major: 1,
    minor: index % 3,
    kind: 'major',
    authorId: `owner-${index % owners}`,
    file: { ref: `f-${index}`, name: `p${index}.docx`, mediaType: 'application/pdf', size: 1000, sha256: 'x' },
    text: 'Tekst',
    html: '<p>Tekst</p>',
    changeSummary: 'Første udgave',
    createdAt: '2020-01-01T09:00:00.000Z',
    updatedAt: '2020-01-01T09:00:00.000Z',
    publishedAt: '2020-01-01T09:00:00.000Z',
    approvedBy: 'owner-1',
    supersededByVersionId: null,
    obsoleteAt: null,
  } as ProcedureVersion;
}

type World = { double: GraphDouble; site: Site; dataDir: string; sleeps: number[]; graph: GraphClient };

async function createWorld(): Promise<World> {
  const double = await startGraphDouble();
  const site = double.addSite('contoso.sharepoint.com', '/sites/kvalitet');
  const sleeps: number[] = [];
  const graph = createGraphClient({
    tokens: async () => 'token',
    baseUrl: double.baseUrl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  await provision(graph, { siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet', dryRun: false });
  const people = [
    { ...person('chief', 'Chef', null), roles: ['leader'] as Person['roles'] },
    ...Array.from({ length: leaders }, (_, index) => person(`leader-${index}`, `Leder ${index}`, null)),
    ...Array.from({ length: owners }, (_, index) =>
      person(`owner-${index}`, `Ejer ${String(index).padStart(3, '0')}`, `leader-${index % leaders}`),
    ),
  ];
  double.seedItems(site, 'People', people.length, (index) => toFields(personMapping, people[index]!));
  double.seedItems(site, 'Procedurer', procedureCount, (index) => procedureFields(procedure(index)));
  double.seedItems(site, 'Revisions', procedureCount, (index) => toFields(versionMapping, version(index)));
  // Open approvals of the drafts, requested 0–19 days before day 1.
  const drafts = Array.from({ length: procedureCount }, (_, index) => index).filter((index) => index % 500 === 3);
  double.seedItems(site, 'Approvals', drafts.length, (n) => {
    const index = drafts[n]!;
    return toFields(approvalMapping, {
      id: `a-${index}`,
      procedureId: procedure(index).id,
      versionId: `d-${index}`,
      requestedBy: `owner-${index % owners}`,
      requestedAt: instantOn(addDays(day1, -n)),
      approverId: `owner-${(index + 1) % owners}`,
      changeSummary: 'Ny udgave',
      kind: 'minor',
      decision: null,
      decidedBy: null,
      decidedAt: null,
      comment: null,
    });
  });
  // Acknowledgement requests of current versions, requested 0–29 days before day 1.
  double.seedItems(site, 'AcknowledgementRequests', 30, (n) =>
    toFields(acknowledgementRequestMapping, {
      procedureId: procedure(n * 7).id,
      versionId: `v-${n * 7}`,
      personId: `owner-${(n * 13) % owners}`,
      requestedAt: instantOn(addDays(day1, -n)),
    }),
  );
  // Competences: two units, one competence, one unmet requirement, a record per owner.
  const units = [
    { id: 'u-top', name: 'Forvaltning', parentId: null },
    { id: 'u-1', name: 'Afdeling', parentId: 'u-top' },
  ];
  double.seedItems(site, 'Units', units.length, (index) => toFields(unitMapping, units[index]!));
  const competence = {
    id: 'auditor',
    name: 'Intern auditor',
    category: 'Kvalitet',
    description: '',
    validityMonths: 36,
  };
  double.seedItems(site, 'Competences', 1, () => toFields(competenceMapping, competence));
  double.seedItems(site, 'CompetenceRequirements', 1, () =>
    toFields(competenceRequirementMapping, {
      id: 'req-auditor',
      competenceId: 'auditor',
      scope: { kind: 'unit', unitId: 'u-1' },
      minPeople: 2,
      minLevel: 2,
    }),
  );
  double.seedItems(site, 'PersonCompetences', owners, (index) =>
    toFields(personCompetenceMapping, auditorRecord(index)),
  );
  // The årshjul: 40 occurrences around day 1, every fourth one done.
  double.seedItems(site, 'YearWheel', occurrenceCount, (index) =>
    toFields(occurrenceMapping, {
      id: `occ-${index}`,
      etag: 1,
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-01-01T09:00:00.000Z',
      updatedBy: 'chief',
      kind: index % 2 === 0 ? 'internal-audit' : 'management-evaluation',
      title: `Aktivitet ${index}`,
      dueOn: addDays(day1, occurrenceOffset(index)),
      ownerId: `owner-${index}`,
      origin: { kind: 'manual' },
      completedOn: index % 4 === 3 ? day1 : null,
      isEdited: false,
      note: '',
    }),
  );
  double.seedItems(site, 'CorrectiveActions', actionCount, (index) => toFields(correctiveActionMapping, action(index)));
  // The records above were written past the stores: index them as provisioning an existing site does.
  await backfillDeadlines(graph, site.id);
  double.resetCounters();
  sleeps.length = 0;
  const dataDir = await mkdtemp(join(tmpdir(), 'kh-sweep-budget-'));
  return { double, site, dataDir, sleeps, graph };
}

async function sweepOn(world: World, today: LocalDate, runId: string) {
  const now = noonOf(today);
  // Wired as compose.ts wires them: the messaging store shares the source's Conversations mirror.
  const source = await openSharePointReminderSource(world.graph, world.site.id, { timeZone, dataDir: world.dataDir });
  const messaging = await openSharePointMessagingStore(world.graph, world.site.id, {
    dataDir: world.dataDir,
    conversations: source.conversations,
  });
  const notifier = fakeNotifier();
  // The sweep asks the store for people's names only; served from the source's snapshot here.
  const store = { listPeople: () => source.listPeopleNames() } as unknown as Store;
  const services: Pick<Services, 'clock' | 'ids' | 'settings' | 'store'> = {
    clock: { now: () => now },
    ids: { next: () => runId },
    settings: { timeZone, organisationName: 'Kommune', maxUploadBytes: 1 },
    store,
  };
  const result = await runSweep({ services, messaging, source, notifier, cards, runId });
  return { result, notifier, messaging, source };
}

/** The reminder keys of the ledger's sent messages, as the double holds them. */
function ledgerKeys(world: World): string[] {
  const list = world.double.tenant.list(world.site, 'ReminderLedger');
  const messages = fieldOf(ledgerItemMapping, 'messages');
  const state = fieldOf(ledgerItemMapping, 'state');
  return [...list.items.values()]
    .filter((item) => item.fields[state] === 'sent')
    .flatMap((item) => (JSON.parse(item.fields[messages] as string) as { keys: string[] }[]).flatMap((m) => m.keys));
}

function sentKeys(result: SweepResult, notifier: { sent: OutgoingCard[] }): string[] {
  expect(result.failed).toEqual([]);
  return notifier.sent.flatMap((message) => (message.card as { keys: string[] }).keys);
}

function budgetOf(world: World) {
  const { counters } = world.double;
  return {
    resourceUnits: counters.resourceUnits,
    requests: counters.requests,
    httpRequests: counters.httpRequests,
    batches: counters.batches,
  };
}

/** Reads of single items (GET …/items/{id}) other than the sweep lease's. */
function perItemReads(world: World): string[] {
  const lease = world.double.tenant.list(world.site, 'SweepLease').id;
  return world.double.counters.log
    .filter((op) => op.method === 'GET' && /\/items\/(?!delta)[^/?]+/.test(op.path) && !op.path.includes(lease))
    .map((op) => op.path);
}

describe('the SharePoint sweep within its Graph budget', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  }, 300_000);
  afterAll(async () => {
    await world?.double.stop();
    if (world) await rm(world.dataDir, { recursive: true, force: true });
  });

  it('first run: a full delta enumeration, then claims and sends everything due', async () => {
    const { result, notifier } = await sweepOn(world, day1, 'run-day-1');
    const first = budgetOf(world);
    console.log('SharePoint sweep, first (full) run:', first, 'reminders:', sentKeys(result, notifier).length);
    expect(result.status).toBe('completed');
    const sent = sentKeys(result, notifier);
    expect(sent.length).toBeGreaterThan(300);
    expect(new Set(sent).size).toBe(sent.length);
    expect(ledgerKeys(world).sort()).toEqual([...sent].sort());
    expect(perItemReads(world)).toEqual([]);
    // Competence reminders come from the same snapshot: the unmet requirement to the unit's
    // leader, and each qualification in its window to the holder and the leader.
    expect(sent).toContain(`requirement:req-auditor:2026-11-01:requirement-unmet`);
    const inWindow = Array.from({ length: owners }, (_, index) => index).filter((index) => {
      const offset = qualificationOffset(index);
      return offset >= -90 && offset <= 90;
    });
    const qualificationKeys = sent.filter((key) => key.startsWith('qualification:'));
    expect(qualificationKeys).toHaveLength(2 * inWindow.length);
    expect(inWindow.length).toBeGreaterThan(10);
    // Årshjul occurrences too: open ones due within 30 days or overdue, escalated from 7 days overdue.
    const openInWindow = Array.from({ length: occurrenceCount }, (_, index) => index).filter(
      (index) => index % 4 !== 3 && occurrenceOffset(index) <= 30,
    );
    const occurrenceOwnerKeys = sent.filter(
      (key) => key.startsWith('occurrence:') && !key.endsWith(':occurrence-escalation'),
    );
    expect(occurrenceOwnerKeys).toHaveLength(openInWindow.length);
    const escalated = openInWindow.filter((index) => occurrenceOffset(index) <= -7);
    expect(sent.filter((key) => key.endsWith(':occurrence-escalation'))).toHaveLength(escalated.length);
    expect(sent).toContain(`occurrence:occ-13:${addDays(day1, 2)}:occurrence-due-7`);
    // Corrective actions: the owner's stage for each open one in its window, the leader's after 14 days.
    const openActions = Array.from({ length: actionCount }, (_, index) => index).filter(
      (index) => index % 5 !== 4 && actionOffset(index) <= 7,
    );
    const actionOwnerKeys = sent.filter((key) => key.startsWith('action:') && !key.endsWith(':action-escalation'));
    expect(actionOwnerKeys).toHaveLength(openActions.length);
    const escalatedActions = openActions.filter((index) => actionOffset(index) <= -14);
    expect(sent.filter((key) => key.endsWith(':action-escalation'))).toHaveLength(escalatedActions.length);
    expect(escalatedActions.length).toBeGreaterThan(5);
    expect(sent).toContain(`action:ca-40:${addDays(day1, 7)}:action-due-7`);
    expect(sent).toContain(`action:ca-33:${day1}:action-due-0`);
    expect(sent).toContain(`action:ca-32:${addDays(day1, -1)}:action-overdue`);
    expect(sent.some((key) => key.startsWith('action:ca-34:'))).toBe(false);
  }, 300_000);

  it('daily run (delta tokens, the steady state): at most 50 RU and 30 HTTP requests, one delta per list, no per-item reads', async () => {
    // A day's edits between the runs, made through the store as the app makes them (not
    // counted): one procedure reviewed with its next review a week away, and a qualification
    // renewed to a new validUntil 20 days ahead (a fresh ladder).
    const store = await openSharePointStore(world.graph, world.site.id);
    await store.commit({ procedures: [{ ...procedure(5000), nextReviewOn: addDays(day2, 7), etag: 2 }] });
    const editedKey = `review:${procedure(5000).id}:${addDays(day2, 7)}:review-due-7`;
    const renewedUntil = addDays(day2, 20);
    await store.commit({ personCompetences: [{ ...auditorRecord(3), validUntil: renewedUntil }] });
    world.double.resetCounters();

    const { result, notifier, source } = await sweepOn(world, day2, 'run-day-2');
    const daily = budgetOf(world);
    const sent = sentKeys(result, notifier);
    // Where it went: the reminder source's reads (the Deadlines list and the directory), the
    // ledger's writes (one claim item for the run, one item per sent message), and the rest (the
    // ledger's delta, the lease).
    const sourceLists = new Set(
      ['Deadlines', 'People', 'Conversations', 'Units', 'Competences', 'Certificates'].map(
        (name) => world.double.tenant.list(world.site, name).id,
      ),
    );
    const ledgerList = world.double.tenant.list(world.site, 'ReminderLedger').id;
    const part = (keep: (op: (typeof world.double.counters.log)[number]) => boolean) => {
      const ops = world.double.counters.log.filter(keep);
      return { requests: ops.length, resourceUnits: ops.reduce((sum, op) => sum + op.units, 0) };
    };
    const sourceReads = part(
      (op) => op.method === 'GET' && [...sourceLists].some((id) => op.path.includes(`/lists/${id}/`)),
    );
    const ledgerWrites = part((op) => op.method !== 'GET' && op.path.includes(`/lists/${ledgerList}/`));
    console.log(
      'SharePoint sweep, daily run:',
      daily,
      'new reminders:',
      sent.length,
      'messages:',
      notifier.sent.length,
      'skipped:',
      result.skipped,
      {
        sourceReads,
        ledgerWrites,
      },
    );

    expect(result.status).toBe('completed');
    expect(sent).toContain(editedKey);
    expect(sent).toContain(`qualification:owner-3/auditor:${renewedUntil}:qualification-expiring-30`);
    expect(sent).toContain(`qualification:owner-3/auditor:${renewedUntil}:qualification-expiring-30-leader`);
    expect(sent.some((key) => key.startsWith('requirement:'))).toBe(false);
    expect(sent.length).toBeGreaterThan(5);
    expect(result.skipped).toBeGreaterThan(100);
    expect(sent.some((key) => key.startsWith('action:'))).toBe(true);
    // The reminder source reads one delta of the Deadlines list, the acknowledgements and each of
    // the five directory lists (Conversations once: the messaging store shares that mirror): on a
    // quiet day 1 RU each, whatever the number of procedures.
    expect(sourceReads).toEqual({ requests: 6, resourceUnits: 6 });
    // The ledger's writes grow with the messages, not the reminders: one claim item for the run
    // (2 RU) and one item per sent message (2 RU).
    expect(sent.length).toBeGreaterThan(notifier.sent.length);
    expect(ledgerWrites).toEqual({ requests: 1 + notifier.sent.length, resourceUnits: 2 + 2 * notifier.sent.length });
    // The budget for the daily sweep at 10,000 procedures with every reminder kind.
    expect(daily.resourceUnits).toBeLessThanOrEqual(50);
    expect(daily.httpRequests).toBeLessThanOrEqual(30);
    expect(perItemReads(world)).toEqual([]);
    // Every read is a delta with a token or the lease.
    const lease = world.double.tenant.list(world.site, 'SweepLease').id;
    for (const op of world.double.counters.log.filter((entry) => entry.method === 'GET'))
      expect(op.path.includes('/items/delta?') || op.path.includes(lease), op.path).toBe(true);
    expect(world.double.counters.log.some((op) => /\/items\/delta\?(?!.*token=)/.test(op.path))).toBe(false);

    // What the sweep sent is exactly what the rules say is due and was not in the ledger yet.
    const due = (await source.listReminderCandidates(day2)).flatMap((candidate) => reminderStagesDue(candidate, day2));
    const ledger = new Set(ledgerKeys(world));
    for (const reminder of due) expect(ledger.has(reminder.key), reminder.key).toBe(true);
    expect(ledgerKeys(world).length).toBe(new Set(ledgerKeys(world)).size);
  }, 300_000);

  it('an expired delta token (410) falls back to a full enumeration and loses nothing', async () => {
    world.double.expireDeltaTokens(world.site, 'Deadlines');
    world.double.resetCounters();
    const { result, notifier } = await sweepOn(world, day2, 'run-day-2b');
    expect(result.status).toBe('completed');
    expect(sentKeys(result, notifier)).toEqual([]);
    expect(world.double.counters.log.some((op) => op.status === 410)).toBe(true);
    expect(perItemReads(world)).toEqual([]);
  }, 300_000);
});

describe('the SharePoint sweep under throttling', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  }, 300_000);
  afterAll(async () => {
    await world?.double.stop();
    if (world) await rm(world.dataDir, { recursive: true, force: true });
  });

  it('completes, writes every due key exactly once, and waits as long as Retry-After says', async () => {
    const ledgerList = world.double.tenant.list(world.site, 'ReminderLedger').id;
    const deadlines = world.double.tenant.list(world.site, 'Deadlines').id;
    world.double.throttle({ times: 2, scope: 'request', retryAfterSeconds: 3, match: new RegExp(deadlines) });
    // The run's claim is one sub-request of a $batch: throttled three times, it is re-sent after each Retry-After.
    world.double.throttle({ times: 3, scope: 'subrequest', retryAfterSeconds: 2, match: new RegExp(ledgerList) });
    world.double.throttle({ times: 1, scope: 'request', status: 503, retryAfterSeconds: 4 });

    const { result, notifier, source } = await sweepOn(world, day1, 'run-throttled');
    expect(result.status).toBe('completed');
    expect(world.double.counters.throttled).toBe(6);

    const due = (await source.listReminderCandidates(day1)).flatMap((candidate) => reminderStagesDue(candidate, day1));
    const sent = sentKeys(result, notifier);
    expect(new Set(sent)).toEqual(new Set(due.map((reminder) => reminder.key)));
    const keys = ledgerKeys(world);
    expect(keys.length).toBe(due.length);
    expect(new Set(keys)).toEqual(new Set(due.map((reminder) => reminder.key)));
    // Every message claimed and then sent once: a sent item per message, each key in one of them.
    const state = fieldOf(ledgerItemMapping, 'state');
    const entries = [...world.double.tenant.list(world.site, 'ReminderLedger').items.values()];
    expect(entries.filter((item) => item.fields[state] === 'sent')).toHaveLength(notifier.sent.length);
    expect(entries.some((item) => item.fields[state] === 'claimed')).toBe(true);
    expect(ledgerList).toBeTruthy();

    // The sleeps were the server's Retry-After: 3 s (delta), 2 s (inside $batch), 4 s (503).
    expect(world.sleeps).toContain(3_000);
    expect(world.sleeps).toContain(2_000);
    expect(world.sleeps).toContain(4_000);
    expect(world.sleeps.every((ms) => [2_000, 3_000, 4_000].includes(ms))).toBe(true);
  }, 300_000);
});
