import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, startTestServer, type TestServer } from '../support/test-server.js';

/**
 * The date rules of issue 16 over HTTP, on a fixed day (06-12-2026, the day the tester saw an
 * audit planned for 15-08-2026): "Planlæg valgte" never plans in the past, a certifier audit whose
 * date has passed without a reported audit is "overdue", "Audits i {year}" lists only that year,
 * and a refused write leaves the data as it was.
 */
let server: TestServer;
let realNow: () => Date;
beforeAll(async () => {
  server = await startTestServer();
  realNow = server.app.services.clock.now;
});
afterAll(async () => server?.stop());
/** The services' clock is read per request; the tests set "today" through it. */
const setToday = (instant: string) => {
  server.app.services.clock.now = () => new Date(instant);
};
beforeEach(() => setToday('2026-12-06T10:00:00.000Z'));
afterAll(() => {
  if (server) server.app.services.clock.now = realNow;
});

const coordinator = people.coordinator;
const call = (method: string, path: string, json?: unknown) =>
  server.api.call(coordinator, method, path, json === undefined ? {} : { json });
const auditCount = async () => (await server.app.services.quality.listAudits()).length;

async function newItem(title: string): Promise<string> {
  const created = await call('POST', '/audit-programme/items', {
    subject: { kind: 'process', area: title },
    title,
    importance: 3,
    clauses: ['7.5.3'],
    unitId: 'natur',
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

describe('"Planlæg valgte" never plans an audit in the past', () => {
  it('moves a suggestion that has passed to the first 15th from today and says so', async () => {
    const id = await newItem('Datotest: sagsbehandling');
    const programme = await call('GET', '/audit-programme?year=2026');
    const suggestedMonth = programme.body.plan.find((entry: { item: { id: string } }) => entry.item.id === id)
      .suggestedMonth as number;
    const planned = await call('POST', '/audit-programme/2026/plan', { itemIds: [id] });
    expect(planned.status).toBe(200);
    expect(planned.body.created).toHaveLength(1);
    expect(planned.body.created[0].plannedOn).toBe('2026-12-15');
    const suggestedOn = `2026-${String(suggestedMonth).padStart(2, '0')}-15`;
    expect(planned.body.moved).toEqual(
      suggestedOn < '2026-12-06'
        ? [{ itemId: id, auditId: planned.body.created[0].id, suggestedOn, plannedOn: '2026-12-15' }]
        : [],
    );
  });

  it('refuses a past year (400) and a year with no 15th left, planning nothing', async () => {
    const id = await newItem('Datotest: tilsyn');
    const before = await auditCount();
    const pastYear = await call('POST', '/audit-programme/2025/plan', { itemIds: [id] });
    expect(pastYear.status).toBe(400);
    expect(pastYear.body).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'year', reason: 'audit-year-past', year: 2025 },
    });
    setToday('2026-12-20T10:00:00.000Z');
    const late = await call('POST', '/audit-programme/2026/plan', { itemIds: [id] });
    expect(late.status).toBe(400);
    expect(late.body.details).toMatchObject({ reason: 'no-audit-date-left', year: 2026 });
    expect(await auditCount()).toBe(before);
    // Next year's programme still plans it, on its suggested date.
    const nextYear = await call('POST', '/audit-programme/2027/plan', { itemIds: [id] });
    expect(nextYear.status).toBe(200);
    expect(nextYear.body.created[0].plannedOn).toMatch(/^2027-\d\d-15$/);
    expect(nextYear.body.moved).toEqual([]);
  });
});

describe('the certificate cycle warns when a date has passed without a reported audit', () => {
  it('is "overdue" where the audit scene said "Ikke registreret", like the årshjul', async () => {
    const certificate = await call('POST', '/certificates', {
      body: 'DS Certificering',
      standard: 'ISO 9001:2015 (datotest)',
      scope: 'Datotest',
      certificateNumber: 'D-1',
      issuedOn: '2023-12-01',
      expiresOn: '2026-11-30',
      cycleYears: 3,
      isActive: false,
    });
    expect(certificate.status).toBe(201);
    const id = certificate.body.id as string;
    const surveillance = await call('POST', '/audits', {
      kind: 'surveillance',
      title: 'Overvågningsaudit 2 (datotest)',
      certificateId: id,
      externalAuditors: ['Lead auditor'],
      plannedOn: '2025-11-20',
    });
    expect(surveillance.status).toBe(201);
    const cycle = await call('GET', `/certificates/${id}/cycle`);
    expect(
      cycle.body.audits.map((entry: { kind: string; dueOn: string; state: string }) => [
        entry.kind,
        entry.dueOn,
        entry.state,
      ]),
    ).toEqual([
      ['surveillance', '2024-12-01', 'overdue'],
      ['surveillance', '2025-12-01', 'overdue'],
      ['recertification', '2026-08-30', 'overdue'],
    ]);
    // The day before the recertification's due date it is only not recorded yet.
    setToday('2026-08-30T10:00:00.000Z');
    expect((await call('GET', `/certificates/${id}/cycle`)).body.audits.at(-1).state).toBe('not-recorded');
  });

  it('shows the overdue audit on the Overblik instead of skipping to the next one', async () => {
    // The demo on 06-12-2026: the recertification was due 28-11-2026 and is not registered.
    const active = (await call('GET', '/certificates')).body.certificates.find(
      (certificate: { isActive: boolean }) => certificate.isActive,
    );
    const cycle = (await call('GET', `/certificates/${active.id}/cycle`)).body;
    expect(cycle.audits.at(-1)).toMatchObject({ kind: 'recertification', dueOn: '2026-11-28', state: 'overdue' });
    const tile = (await call('GET', '/overview?scope=organisation')).body.tiles.find(
      (each: { id: string }) => each.id === 'certificate',
    );
    expect(tile).toMatchObject({ detail: 'overdue-recertification', date: '2026-11-28' });
  });
});

describe('"Audits i {year}" lists only that year', () => {
  it('lists an audit of 2026’s programme held in January 2027 under 2027', async () => {
    const january = await call('POST', '/audits', {
      kind: 'internal',
      title: 'Datotest: januar-audit',
      unitId: 'natur',
      clauses: ['9.2'],
      scope: 'Datotest',
      criteria: 'ISO 9001:2015',
      auditorIds: [people.natureLeader],
      year: 2026,
      plannedOn: '2027-01-12',
    });
    expect(january.status).toBe(201);
    const titles = async (year: number) =>
      ((await call('GET', `/audit-programme?year=${year}`)).body.audits as { title: string; plannedOn: string }[]).map(
        (audit) => [audit.title, audit.plannedOn.slice(0, 4)],
      );
    const in2026 = await titles(2026);
    expect(in2026.every(([, year]) => year === '2026')).toBe(true);
    expect(in2026.map(([title]) => title)).not.toContain('Datotest: januar-audit');
    expect(await titles(2027)).toContainEqual(['Datotest: januar-audit', '2027']);
  });
});
