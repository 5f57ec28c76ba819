import { describe, expect, it } from 'vitest';
import type { PersonDto, ProgrammeYearDto } from '../../functions/src/contract/schemas.js';
import { localDateOf } from '../../functions/src/core/local-date.js';
import * as e2e from '../support/e2e.js';

/**
 * The audit scene in Danish, as the quality coordinator: plan a due programme item for next year, open
 * the new audit, create its checklist from its clauses, record a result, record a finding in the
 * dialog, and import the certifier's findings from CSV after a preview that shows a bad row;
 * then report it and correct the report with a reason ("Ret rapport"), the original still readable.
 */

/** Next year: it always has an audit day ahead ("Planlæg valgte" never plans in the past). */
const year = Number(localDateOf(new Date(), 'Europe/Copenhagen').slice(0, 4)) + 1;
const importanceWords = { 1: 'lav', 2: 'middel', 3: 'høj' } as const;

describe('the audit scene', () => {
  const environment = e2e.useE2eEnvironment();

  it('plans an audit from the programme, records a result and a finding, and imports findings', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const programme = await api<ProgrammeYearDto>(`/audit-programme?year=${year}`, coordinator.id);
    const entry = programme.plan.find((each) => each.plannedAuditId === null && each.item.clauses.length > 0);
    if (!entry) throw new Error(`Nothing left to plan in ${year}`);

    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/audit?year=${year}`);
      await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
      await page.getByText('DS Certificering', { exact: true }).waitFor();
      const row = page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: entry.item.title, exact: true }) });
      await expect
        .poll(() => row.getByRole('listitem').allTextContents())
        .toContain(`Vigtighed ${importanceWords[entry.item.importance]}`);
      await row.getByRole('checkbox', { name: `Vælg ${entry.item.title}` }).check();
      await page.getByRole('button', { name: 'Planlæg 1 valgte audits' }).click();
      await page.getByRole('status').filter({ hasText: '1 audits er planlagt.' }).waitFor();
      await row.getByRole('link', { name: 'Se audit' }).click();

      await page.getByRole('heading', { level: 1, name: entry.item.title }).waitFor();
      await page.getByRole('button', { name: 'Opret spørgsmål fra punkter og procedurer' }).click();
      await page.getByRole('status').filter({ hasText: 'Tjeklisten er oprettet.' }).waitFor();
      await e2e.chooseOption(page.getByRole('combobox', { name: 'Resultat for spørgsmål 1' }), 'Mindre afvigelse');
      await page.getByLabel('Note til spørgsmål 1').fill('2 af 5 sager uden journalnotat');
      await page.getByRole('button', { name: 'Gem spørgsmål 1' }).click();
      await page.getByRole('status').filter({ hasText: 'Spørgsmål 1 er gemt.' }).waitFor();

      // The nonconformity on the checklist offers the finding, its text and clause prefilled (issue 16).
      await page.getByRole('button', { name: 'Registrér fund for linje 1' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel('Beskrivelse').inputValue()).toBe('2 af 5 sager uden journalnotat');
      expect(await dialog.getByRole('combobox', { name: 'Kategori' }).textContent()).toContain('Mindre afvigelse');
      // "Konstateret" is the day it is recorded, and no later day can be chosen.
      const today = localDateOf(new Date(), 'Europe/Copenhagen');
      const shown = await dialog.getByLabel(/^Konstateret/).inputValue();
      expect([today, today.split('-').reverse().join('-'), today.split('-').reverse().join('.')]).toContain(shown);
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Kategori' }), 'Større afvigelse');
      await dialog.getByLabel('Beskrivelse').fill('Afgørelser sendes uden klagevejledning');
      await dialog.getByLabel('Punkt i ISO 9001').fill('8.5.1');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      const findings = page.getByRole('table', { name: 'Auditfund' });
      const finding = findings.getByRole('row').filter({ hasText: 'Afgørelser sendes uden klagevejledning' });
      await finding.getByText('Større afvigelse').waitFor();
      // Who recorded it (Finding.foundBy), under its column heading.
      await findings.getByRole('columnheader', { name: 'Registreret af' }).waitFor();
      await finding.getByRole('cell', { name: coordinator.name, exact: true }).waitFor();
      // The coordinator is offered the corrective action for the nonconformity.
      await finding.getByRole('button', { name: /^Opret handling for fundet:/ }).waitFor();
      // A checklist line gives one finding: once it has one, it is no longer offered (issue 16).
      await page.getByText('Fund registreret', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Registrér fund for linje 1' }).count()).toBe(0);

      // The certifier's column codes and the Danish titles the scene tells the user both work.
      const csv = (rows: string[], header = 'grade;clause;procedure;unit;description;foundOn') => ({
        name: 'fund.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from([header, ...rows].join('\r\n')),
      });
      await page.getByLabel('CSV-fil').setInputFiles(csv(['Alvorlig;7.5;;;Tekst;', 'Styrke;;;Natur;God sagsstyring;']));
      await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: 'Filen har 1 fejl' })
        .getByText(/^Linje 2, kolonne Kategori: Ukendt kategori «Alvorlig» — brug «Større afvigelse»/)
        .waitFor();
      await page
        .getByLabel('CSV-fil')
        .setInputFiles(
          csv(
            ['Mindre afvigelse;7.5.3;K-03;Byg og Plan;Høringsbreve mangler;', 'Styrke;;;Natur;God sagsstyring;'],
            'Kategori;Punkt;Procedure;Enhed;Beskrivelse;Konstateret',
          ),
        );
      await page.getByRole('button', { name: 'Vis forhåndsvisning' }).click();
      await page.getByRole('table', { name: '2 fund klar til import' }).waitFor();
      await page.getByRole('button', { name: 'Importér 2 fund' }).click();
      await page.getByRole('status').filter({ hasText: '2 fund er importeret.' }).waitFor();
      await expect.poll(() => findings.getByRole('row').count()).toBe(4);

      // Reported, the audit is locked; "Ret rapport" makes a linked revision with its reason and
      // the reported original stays readable beside it (issue 16).
      await page.getByLabel('Resumé').fill('Fem sager gennemgået.');
      await page.getByLabel('Konklusion').fill('Én større afvigelse.');
      await page.getByRole('button', { name: 'Afgiv rapport' }).click();
      await page.getByRole('status').filter({ hasText: 'Rapporten er gemt, og auditten er afrapporteret.' }).waitFor();
      await page.getByRole('button', { name: 'Ret rapport' }).click();
      const correction = page.getByRole('dialog');
      await correction.getByLabel('Begrundelse for rettelsen').fill('Konklusionen manglede de importerede fund');
      await correction.getByLabel('Konklusion').fill('Én større og én mindre afvigelse.');
      // A finding is withdrawn with its reason (kept, not counted); one the report missed is added.
      await correction.getByRole('checkbox', { name: 'Træk tilbage: God sagsstyring' }).check();
      await correction.getByLabel('Begrundelse for at trække fund tilbage').fill('Hørte til en anden audit');
      await e2e.chooseOption(correction.getByRole('combobox', { name: 'Kategori' }), 'Forbedringsmulighed');
      await correction.getByLabel('Beskrivelse').fill('Journalnotater kan skrives kortere');
      await correction.getByRole('button', { name: 'Opret rettelse' }).click();
      await page.getByRole('status').filter({ hasText: 'Rapporten er rettet.' }).waitFor();
      await findings
        .getByRole('row')
        .filter({ hasText: 'God sagsstyring' })
        .getByText(/^Trukket tilbage \S+: Hørte til en anden audit$/)
        .waitFor();
      await findings.getByRole('rowheader', { name: 'Journalnotater kan skrives kortere' }).waitFor();
      await expect.poll(() => findings.getByRole('row').count()).toBe(5);
      await page.getByText('Én større og én mindre afvigelse.', { exact: true }).first().waitFor();
      const revisions = page.getByRole('region', { name: 'Udgaver af rapporten' });
      await revisions.getByText(/^Oprindelig rapport/).click();
      await revisions.getByText('Én større afvigelse.', { exact: true }).waitFor();
      await revisions.getByText(/^Rettet ved Rettelse 1 .+: Konklusionen manglede de importerede fund$/).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'audit-detail.png', { fullPage: true });
      await page.goto(`${server.url}/audit?year=${year}`);
      await page.getByRole('table', { name: `Audits i ${year}` }).waitFor();
      await e2e.saveScreenshot(page, 'audit-programme.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
