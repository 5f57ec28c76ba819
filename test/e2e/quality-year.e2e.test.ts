import { describe, expect, it } from 'vitest';
import type { EvaluationListDto, PersonDto, ProgrammeYearDto } from '../../functions/src/contract/schemas.js';
import { addDays, localDateOf } from '../../functions/src/core/local-date.js';
import * as e2e from '../support/e2e.js';

/**
 * The quality coordinator's year end to end, in Danish and through the tab only: plan an internal
 * audit from the programme, record a major finding in it, create the corrective action from the
 * finding, record the correction, root cause and plan; the owner marks it implemented; the
 * coordinator checks its effectiveness and it closes; the year's management evaluation shows both
 * the audit's major finding and the closed action in its live input pack.
 */
/**
 * A fixed day: "Planlæg valgte" never plans in the past, so from 16 December on the current year has
 * no audit day left and the year's evaluation pack would not show the audit. The demo is seeded on
 * this day and the server and the browser run from it.
 */
const startsAt = new Date('2026-06-02T07:00:00.000Z');

describe('the quality year: audit → major finding → corrective action → management evaluation', () => {
  const environment = e2e.useE2eEnvironment({ startsAt });

  it('plans an audit, records a major finding, closes its action after the check, and the pack shows both', async () => {
    const { server, browser, api } = environment();
    const services = server.app.services;
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer')!;
    const owner = people.find((person) => person.id === 'anne-birk')!;
    const today = localDateOf(services.clock.now(), services.settings.timeZone);
    const evaluations = await api<EvaluationListDto>('/management-evaluations', coordinator.id);
    const evaluation = evaluations.items.find((each) => each.status === 'planned');
    if (!evaluation) throw new Error('The demo has no planned management evaluation');
    const year = evaluation.year;
    const programme = await api<ProgrammeYearDto>(`/audit-programme?year=${year}`, coordinator.id);
    const entry = programme.plan.find((each) => each.plannedAuditId === null);
    if (!entry) throw new Error(`Nothing left to plan in ${year}`);
    const description = `Afgørelser sendes uden klagevejledning (${entry.item.title})`;

    expect(today.startsWith('2026-06-')).toBe(true);
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
      clock: services.clock,
    });
    try {
      // Plan the audit from the year's programme and open it.
      await page.goto(`${server.url}/audit?year=${year}`);
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: entry.item.title, exact: true }) });
      await row.getByRole('checkbox', { name: `Vælg ${entry.item.title}` }).check();
      await page.getByRole('button', { name: 'Planlæg 1 valgte audits' }).click();
      await page.getByRole('status').filter({ hasText: '1 audits er planlagt.' }).waitFor();
      await row.getByRole('link', { name: 'Se audit' }).click();
      await page.getByRole('heading', { level: 1, name: entry.item.title }).waitFor();
      // The demo may hold another audit of the same item (next year's): the pack's line is told by its date.
      const planned = await services.quality.getAudit(
        decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!),
      );
      if (!planned) throw new Error('The planned audit is not stored');
      const auditLabel = `${entry.item.title} (${planned.plannedOn.split('-').reverse().join('-')})`;

      // Record a major finding.
      await page.getByRole('button', { name: 'Registrér fund' }).click();
      const dialog = page.getByRole('dialog');
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Kategori' }), 'Større afvigelse');
      await dialog.getByLabel('Beskrivelse').fill(description);
      await dialog.getByLabel('Punkt i ISO 9001').fill('8.5.1');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      const finding = page.getByRole('table', { name: 'Auditfund' }).getByRole('row').filter({ hasText: description });
      await finding.getByText('Større afvigelse').waitFor();

      // Create its corrective action; the tab goes to it.
      await finding.getByRole('button', { name: `Opret handling for fundet: ${description}` }).click();
      await page.getByText('Fund fra audit: Større afvigelse').waitFor();
      const actionId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
      const saved = page.getByRole('status').filter({ hasText: 'Gemt' });
      await page.getByRole('textbox', { name: /^Hvad er gjort/ }).fill('De berørte afgørelser er genudsendt.');
      await page.getByRole('button', { name: 'Gem straks-korrektion' }).click();
      await saved.waitFor();
      await page.getByRole('textbox', { name: /^Grundårsag/ }).fill('Skabelonen manglede klagevejledningen.');
      await page.getByRole('textbox', { name: /^Plan/ }).fill('Klagevejledning ind i alle skabeloner.');
      await e2e.chooseOption(page.getByRole('combobox', { name: /^Ansvarlig/ }), new RegExp(`^${owner.name} – `));
      await page.getByLabel(/^Frist/).fill(addDays(today, 30));
      await page.getByRole('button', { name: 'Gem analyse og plan' }).click();
      await page.getByRole('status').filter({ hasText: 'Status: Planlagt' }).waitFor();

      // The owner carries it out; the coordinator checks its effectiveness and it closes.
      await e2e.signInAs(page, owner);
      await page.goto(`${server.url}/handlinger/${encodeURIComponent(actionId)}`);
      await page.getByRole('textbox', { name: /^Hvad er gennemført/ }).fill('Skabelonerne har fået klagevejledningen.');
      await page.getByRole('button', { name: 'Markér gennemført' }).click();
      await page.getByRole('status').filter({ hasText: 'Status: Gennemført' }).waitFor();
      await e2e.signInAs(page, coordinator);
      await page.goto(`${server.url}/handlinger/${encodeURIComponent(actionId)}`);
      await page.getByRole('radio', { name: /^Ja/ }).check();
      await page.getByRole('textbox', { name: /^Hvad blev kontrolleret/ }).fill('Stikprøve af 10 afgørelser.');
      // Implemented today: before the waiting period, so the check asks why now.
      await page.getByRole('textbox', { name: /^Hvorfor kontrolleres der allerede nu/ }).fill('Demonstration.');
      await page.getByRole('button', { name: 'Gem kontrol' }).click();
      await page.getByRole('status').filter({ hasText: 'Status: Lukket' }).waitFor();
      const action = await services.quality.getCorrectiveAction(actionId);
      expect(action).toMatchObject({ status: 'closed', source: { kind: 'finding' } });

      // Both are in the year's management-evaluation pack.
      await page.goto(`${server.url}/ledelsens-evaluering`);
      const audits = page.getByRole('region', { name: 'Auditresultater og åbne fund' });
      const auditLine = audits.getByRole('listitem').filter({ hasText: auditLabel });
      await auditLine.waitFor();
      expect(await auditLine.textContent()).toContain('1 × Større afvigelse');
      const actions = page.getByRole('region', { name: 'Korrigerende handlinger' });
      const actionLine = actions.getByRole('listitem').filter({ hasText: action!.title }).first();
      await actionLine.waitFor();
      expect(await actionLine.textContent()).toContain('Stikprøve af 10 afgørelser.');
      await e2e.saveScreenshot(page, 'quality-year-pack.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
