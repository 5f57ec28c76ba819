import { describe, expect, it } from 'vitest';
import type {
  AuditViewDto,
  CertificateDto,
  PersonDto,
  ProgrammeYearDto,
} from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * The coordinator's forms in the audit scene, in Danish: register a new FORCE Certification
 * certificate on a 4-year cycle (the expiry is suggested from the issue date, an expiry that does
 * not fit the cycle is refused by the server and explained at the field), see its cycle of three
 * surveillance audits and a recertification, record the first surveillance audit and land on its
 * page, then add a programme item (a bad clause is caught at the field), see it in the weighted
 * plan, and edit its importance.
 */

const year = 2027;

describe('the coordinator’s certificate and programme forms', () => {
  const environment = e2e.useE2eEnvironment();

  it('registers a certificate, records its first surveillance audit and adds a programme item', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/audit?year=${year}`);
      await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
      await page.getByText('DS Certificering', { exact: true }).waitFor();

      const opener = page.getByRole('button', { name: 'Registrér certifikat' });
      await opener.click();
      const dialog = page.getByRole('dialog', { name: 'Nyt certifikat' });
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Certificeringsorgan' }), 'FORCE Certification');
      await dialog.getByLabel('Omfang').fill('Sagsbehandling i Teknik og Miljø');
      await dialog.getByLabel('Certifikatnummer').fill('FC-26-1101');
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Cyklus' }), '4 år');
      await dialog.getByLabel('Udstedt').fill('01-03-2026');
      await dialog.getByLabel('Udstedt').press('Tab');
      // Suggested with the core rule: the day before the 4-year anniversary.
      await expect.poll(() => dialog.getByLabel('Udløber').inputValue()).toBe('28-02-2030');

      await dialog.getByLabel('Udløber').fill('28-02-2029');
      await dialog.getByLabel('Udløber').press('Tab');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.getByText(/^Udløbsdatoen passer ikke med cyklussen: forventet omkring .*2030/).waitFor();
      expect(await dialog.getByLabel('Udløber').getAttribute('aria-invalid')).toBe('true');
      const before = await api<{ certificates: CertificateDto[] }>('/certificates', coordinator.id);
      expect(before.certificates.map((certificate) => certificate.body)).toEqual(['DS Certificering']);

      await dialog.getByLabel('Udløber').fill('28-02-2030');
      await dialog.getByLabel('Udløber').press('Tab');
      await dialog.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').filter({ hasText: 'Certifikatet er gemt.' }).waitFor();
      await expect.poll(() => opener.evaluate((button) => button === document.activeElement)).toBe(true);
      const after = await api<{ certificates: CertificateDto[] }>('/certificates', coordinator.id);
      const force = after.certificates.find((certificate) => certificate.body === 'FORCE Certification')!;
      expect(force).toMatchObject({
        standard: 'ISO 9001:2015',
        certificateNumber: 'FC-26-1101',
        issuedOn: '2026-03-01',
        expiresOn: '2030-02-28',
        cycleYears: 4,
        isActive: true,
      });

      const cycle = page.getByRole('table', { name: 'Certificeringsorganets besøg i cyklussen' });
      await page.getByText('FC-26-1101', { exact: true }).waitFor();
      await expect
        .poll(() => cycle.getByRole('rowheader').allTextContents())
        .toEqual(['1. overvågningsbesøg', '2. overvågningsbesøg', '3. overvågningsbesøg', 'Recertificering']);
      await cycle.getByRole('button', { name: 'Registrér audit: 1. overvågningsbesøg' }).click();
      const record = page.getByRole('dialog', { name: 'Registrér audit: 1. overvågningsbesøg' });
      expect(await record.getByLabel('Dato').inputValue()).toBe('01-03-2027');
      await record.getByLabel('Eksterne auditorer').fill('Jonas Bech (FORCE Certification)');
      await record.getByRole('button', { name: 'Gem' }).click();

      await page.getByRole('heading', { level: 1, name: 'FORCE Certification: 1. overvågningsbesøg' }).waitFor();
      await page.getByText('Jonas Bech (FORCE Certification)').waitFor();
      await page.getByLabel('CSV-fil').waitFor();
      const audits = await api<{ audits: AuditViewDto[] }>(`/audits?year=${year}`, coordinator.id);
      expect(
        audits.audits
          .filter((audit) => audit.certificateId === force.id)
          .map(({ kind, plannedOn }) => [kind, plannedOn]),
      ).toEqual([['surveillance', '2027-03-01']]);

      await page.getByRole('link', { name: `Tilbage til auditprogrammet ${year}` }).click();
      await page.getByRole('button', { name: 'Tilføj emne' }).click();
      const item = page.getByRole('dialog', { name: 'Nyt emne i auditprogrammet' });
      await item.getByLabel('Titel').fill('Klagesagsbehandling');
      await e2e.chooseOption(item.getByRole('combobox', { name: 'Emnetype' }), 'Proces');
      await item.getByRole('textbox', { name: 'Proces' }).fill('Klager over afgørelser');
      await e2e.chooseOption(item.getByRole('combobox', { name: 'Vigtighed' }), 'Høj');
      await item.getByLabel('Punkter i ISO 9001').fill('7.5, ISO 9001');
      await item.getByRole('button', { name: 'Gem' }).click();
      await item.getByText('Ikke et punkt i ISO 9001: ISO 9001. Skriv fx 7.5.3.').waitFor();
      await item.getByLabel('Punkter i ISO 9001').fill('7.5, 8.5.1');
      await item.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').filter({ hasText: 'Emnet Klagesagsbehandling er gemt.' }).waitFor();

      const plan = page.getByRole('table', { name: new RegExp(`^Emner, der skal auditeres i ${year}`) });
      const planRow = plan
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: 'Klagesagsbehandling', exact: true }) });
      await expect.poll(() => planRow.getByRole('listitem').allTextContents()).toContain('Vigtighed høj');
      const programme = await api<ProgrammeYearDto>(`/audit-programme?year=${year}`, coordinator.id);
      const added = programme.items.find((each) => each.title === 'Klagesagsbehandling')!;
      expect(added).toMatchObject({
        subject: { kind: 'process', area: 'Klager over afgørelser' },
        importance: 3,
        clauses: ['7.5', '8.5.1'],
        unitId: null,
      });

      await page.getByRole('button', { name: 'Ret Klagesagsbehandling' }).click();
      const edit = page.getByRole('dialog', { name: 'Ret Klagesagsbehandling' });
      expect(await edit.getByLabel('Punkter i ISO 9001').inputValue()).toBe('7.5, 8.5.1');
      await e2e.chooseOption(edit.getByRole('combobox', { name: 'Vigtighed' }), 'Lav');
      await edit.getByRole('button', { name: 'Gem' }).click();
      await page.getByRole('status').filter({ hasText: 'Emnet Klagesagsbehandling er gemt.' }).waitFor();
      await expect.poll(() => planRow.getByRole('listitem').allTextContents()).toContain('Vigtighed lav');
      await e2e.saveScreenshot(page, 'audit-forms.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
