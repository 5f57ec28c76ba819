import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { PersonDto, ProcedureDetail } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';
import { pdfPages } from '../support/pdf-text.js';

/**
 * Issue 16 in the tab, in Danish: a coordinator downloads an obsolete version of a procedure as
 * PDF from its page and the file carries "Ugyldig — erstattet af version N" on every page and is
 * named "<code> <title> v<version>.pdf"; then the aktindsigt scene: a request is recorded, its
 * deadline shown, the export produced and downloaded, the answer recorded. axe checks the scene
 * at 1366 and 390 px.
 */

describe('identifying documents and aktindsigt', () => {
  const environment = e2e.useE2eEnvironment();

  it('downloads an obsolete version stamped as replaced, and handles a request for access', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer')!;
    const list = await api<{ items: { id: string }[] }>('/procedures?limit=1000', coordinator.id);
    let procedure: ProcedureDetail | undefined;
    for (const item of list.items) {
      const detail = await api<ProcedureDetail>(`/procedures/${item.id}`, coordinator.id);
      if (detail.versions.some((version) => version.state === 'obsolete')) {
        procedure = detail;
        break;
      }
    }
    if (!procedure) throw new Error('The demo has no procedure with an obsolete version');
    const obsolete = procedure.versions.find((version) => version.state === 'obsolete')!;

    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
      bypassCSP: true,
      acceptDownloads: true,
    });
    try {
      await page.goto(`${server.url}/procedures/${procedure.id}?version=${obsolete.id}`);
      const pdfButton = page.getByRole('button', { name: 'Hent som PDF (til læsning og udskrift)' });
      await pdfButton.waitFor();
      const [download] = await Promise.all([page.waitForEvent('download'), pdfButton.click()]);
      expect(download.suggestedFilename()).toBe(`${procedure.code} ${procedure.title} v${obsolete.label}.pdf`);
      const pages = await pdfPages(new Uint8Array(await readFile((await download.path())!)));
      expect(pages.length).toBeGreaterThan(0);
      for (const text of pages) {
        expect(text).toContain(`Ugyldig — erstattet af version ${obsolete.supersededBy!.label}`);
        expect(text).toContain(`${procedure.code} ${procedure.title} · version ${obsolete.label} · godkendt`);
      }
      // The .docx download is named by the procedure too, not by the uploaded file.
      await page
        .getByRole('button', { name: `Hent ${procedure.code} ${procedure.title} v${obsolete.label}.docx` })
        .waitFor();

      // The aktindsigt scene, from the header.
      await e2e.openFromHeader(page, 'Aktindsigt', 'Åbenhed');
      await page.getByRole('heading', { level: 1, name: 'Aktindsigt' }).waitFor();
      await page.getByText('Der er ingen anmodninger om aktindsigt.').waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);

      const form = page.locator('form').filter({ has: page.getByRole('button', { name: 'Registrér anmodning' }) });
      await form.getByRole('button', { name: 'Registrér anmodning' }).click();
      await form.getByText('Skal udfyldes.').first().waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await form.getByLabel('Anmoder').fill('Jens Journalist');
      await form.getByLabel('Hvad der anmodes om').fill('Alle versioner af proceduren');
      await form.getByRole('combobox', { name: /Procedurer/ }).click();
      // A multiselect Combobox's options are checkable menu items.
      await page.getByRole('menuitemcheckbox', { name: `${procedure.code} ${procedure.title}` }).click();
      await page.keyboard.press('Escape');
      await form.getByRole('button', { name: 'Registrér anmodning' }).click();
      await page.getByText(/^Anmodningen fra Jens Journalist er registreret\. Frist: /).waitFor();
      const card = page.getByRole('article', { name: /^Jens Journalist, modtaget / });
      await card.getByText(/7 arbejdsdage tilbage$/).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'access-requests-1366.png', { fullPage: true });

      await card.getByRole('button', { name: 'Lav udlevering (zip)' }).click();
      const zipButton = card.getByRole('button', { name: /^Hent Aktindsigt Jens Journalist .*\.zip$/ });
      await zipButton.waitFor();
      const [zipDownload] = await Promise.all([page.waitForEvent('download'), zipButton.click()]);
      const zip = await JSZip.loadAsync(await readFile((await zipDownload.path())!));
      const folder = `${procedure.code} ${procedure.title}`;
      const stamped = await zip.file(`${folder}/${folder} v${obsolete.label}.pdf`)!.async('uint8array');
      expect((await pdfPages(stamped)).join(' ')).toContain('Ugyldig — erstattet af version');

      await card.getByRole('radio', { name: 'Aktindsigt givet' }).check();
      await card.getByRole('button', { name: 'Registrér svar' }).click();
      await card.getByText(/\(besvaret\)$/).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Aktindsigt' }).waitFor();
      await page.getByRole('article', { name: /^Jens Journalist, modtaget / }).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'access-requests-390.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
