import { describe, expect, it } from 'vitest';
import type { ActionDetailDto, PersonDto } from '../../functions/src/contract/schemas.js';
import { addDays, localDateOf, type LocalDate } from '../../functions/src/core/local-date.js';
import type { Audit, Finding } from '../../functions/src/core/quality-year-types.js';
import * as e2e from '../support/e2e.js';

/**
 * A major finding from the surveillance audit becomes a corrective action; the coordinator records
 * the root cause and plan, the owner (a leader) marks it implemented, the coordinator finds it
 * effective and it closes; the management-evaluation page shows the audit's major finding and the
 * closed action in its live input pack. The audit and finding are stored directly (the audits
 * screens are built elsewhere); everything after that goes through the tab.
 */
describe('a corrective action from a major finding to the management evaluation', () => {
  const environment = e2e.useE2eEnvironment();

  it('plans, implements, checks and closes the action, and the pack shows it', async () => {
    const { server, browser, api } = environment();
    const services = server.app.services;
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer')!;
    const owner = people.find((person) => person.id === 'anne-birk')!;
    const today = localDateOf(services.clock.now(), services.settings.timeZone);
    const year = Number(addDays(today, 21).slice(0, 4));
    const at = services.clock.now().toISOString();
    const audit: Audit = {
      id: 'e2e-surveillance',
      etag: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: coordinator.id,
      kind: 'surveillance',
      year,
      title: 'Overvågningsaudit, DS Certificering (e2e)',
      programmeItemId: null,
      certificateId: null,
      unitId: 'natur',
      clauses: ['7.5.3'],
      procedureIds: [],
      scope: 'Natur',
      criteria: 'ISO 9001:2015',
      auditorIds: [],
      externalAuditors: ['DS Certificering'],
      plannedOn: today,
      status: 'reported',
      checklist: [],
      report: null,
    };
    const finding: Finding = {
      id: 'e2e-major',
      etag: 1,
      createdAt: at,
      updatedAt: at,
      updatedBy: coordinator.id,
      auditId: audit.id,
      grade: 'major',
      clause: '7.5.3',
      procedureId: null,
      unitId: 'natur',
      description: 'Gældende versioner af dispensationsskabeloner er ikke styret.',
      foundOn: today,
      foundBy: null,
      correctiveActionId: null,
      checklistLineId: null,
      withdrawal: null,
    };
    await services.quality.commit({ audits: [audit], findings: [finding] });
    const response = await fetch(`${server.url}/api/corrective-actions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-local-user': coordinator.id },
      body: JSON.stringify({ source: { kind: 'finding', findingId: finding.id } }),
    });
    expect(response.status).toBe(201);
    const action = (await response.json()) as ActionDetailDto;

    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });
    const status = page.getByRole('status').filter({ hasText: 'Gemt' });
    try {
      await page.goto(`${server.url}/handlinger/${action.id}`);
      await page.getByRole('heading', { level: 1, name: action.title }).waitFor();
      await expect.poll(() => page.getByText('Fund fra audit: Større afvigelse').count()).toBe(1);

      await page.getByRole('textbox', { name: /^Hvad er gjort/ }).fill('Skabelonerne er trukket tilbage.');
      await page.getByRole('button', { name: 'Gem straks-korrektion' }).click();
      await status.waitFor();
      await page.getByRole('textbox', { name: /^Grundårsag/ }).fill('Skabelonerne lå uden for håndbogen.');
      await page.getByRole('textbox', { name: /^Plan/ }).fill('Skabelonerne flyttes ind i håndbogen med ejer.');
      await e2e.chooseOption(page.getByRole('combobox', { name: /^Ansvarlig/ }), new RegExp(`^${owner.name} – `));
      await page.getByLabel(/^Frist/).fill(addDays(today, 30));
      await page.getByRole('button', { name: 'Gem analyse og plan' }).click();
      await page.getByRole('status').filter({ hasText: 'Status: Planlagt' }).waitFor();
      await e2e.signInAs(page, owner);
      await page.goto(`${server.url}/handlinger/${action.id}`);
      await page.getByRole('textbox', { name: /^Hvad er gennemført/ }).fill('Skabelonerne ligger nu i håndbogen.');
      await page.getByRole('textbox', { name: /^Link til dokumentation/ }).fill('https://intranet.example.dk/k17');
      await page.getByRole('button', { name: 'Markér gennemført' }).click();
      await page.getByRole('status').filter({ hasText: 'Status: Gennemført' }).waitFor();
      await page.getByText('Skabelonerne ligger nu i håndbogen.').waitFor();
      // The owner does not check their own action.
      expect(await page.getByRole('button', { name: 'Gem kontrol' }).count()).toBe(0);
      await page.getByText(new RegExp(`^Gennemført .+ af ${owner.name}\\.$`)).waitFor();
      await page
        .getByText(/aldrig af nogen, der har været ansvarlig for handlingen eller har gennemført den/)
        .waitFor();

      await e2e.signInAs(page, coordinator);
      await page.goto(`${server.url}/handlinger/${action.id}`);
      await page.getByRole('radio', { name: /^Ja/ }).check();
      await page.getByRole('textbox', { name: /^Hvad blev kontrolleret/ }).fill('Stikprøve af 10 dispensationer.');
      // Implemented today: the waiting period (30 days) has not passed, so a reason is asked for.
      await page.getByRole('button', { name: 'Gem kontrol' }).click();
      await page.getByRole('textbox', { name: /^Hvorfor kontrolleres der allerede nu/ }).waitFor();
      expect((await services.quality.getCorrectiveAction(action.id))?.status).toBe('implemented');
      await page
        .getByRole('textbox', { name: /^Hvorfor kontrolleres der allerede nu/ })
        .fill('Certificeringsaudit i næste uge.');
      await page.getByRole('button', { name: 'Gem kontrol' }).click();
      await page.getByRole('status').filter({ hasText: 'Status: Lukket' }).waitFor();
      await page.getByText(/Stikprøve af 10 dispensationer/).waitFor();
      const stored = await services.quality.getCorrectiveAction(action.id);
      expect(stored).toMatchObject({ status: 'closed', closedOn: today as LocalDate });
      expect(stored?.effectivenessChecks.map((check) => check.checkedBy)).toEqual([coordinator.id]);
      expect(stored?.effectivenessChecks[0]?.earlyReason).toBe('Certificeringsaudit i næste uge.');
      expect(stored).toMatchObject({ evidenceUrl: 'https://intranet.example.dk/k17' });

      await page.goto(`${server.url}/ledelsens-evaluering`);
      const audits = page.getByRole('region', { name: 'Auditresultater og åbne fund' });
      await audits.getByText(`${audit.title}`, { exact: false }).first().waitFor();
      expect(await audits.getByRole('listitem').filter({ hasText: audit.title }).first().textContent()).toContain(
        '1 × Større afvigelse',
      );
      const actions = page.getByRole('region', { name: 'Korrigerende handlinger' });
      await actions.getByRole('link', { name: action.title }).first().waitFor();
      expect(await actions.getByRole('listitem').filter({ hasText: action.title }).first().textContent()).toContain(
        'Stikprøve af 10 dispensationer.',
      );
      await e2e.saveScreenshot(page, 'management-evaluation-pack.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
