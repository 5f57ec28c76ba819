import { describe, expect, it } from 'vitest';
import type { EvaluationListDto, PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * Records that stay as they were, in the tab, in Danish: the coordinator opens last year's
 * published management evaluation; its pack says it was frozen on the meeting day and shows that
 * day's figures, the record says it is locked (no form to edit it). "Ret" takes a reason and
 * creates the correction, which says "Retter …" with the reason and links back; the original then
 * says "Rettet af …". axe checks the locked evaluation and the correction at 1366 and 390 px.
 */

describe('a published management evaluation stays as it was', () => {
  const environment = e2e.useE2eEnvironment();

  it('shows the frozen figures, is locked, and is corrected by a linked correction with its reason', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer');
    if (!coordinator) throw new Error('The demo has no coordinator');
    const list = await api<EvaluationListDto>('/management-evaluations', coordinator.id);
    const published = list.items.find((item) => item.status === 'published');
    if (!published || !published.heldOn) throw new Error('The demo has no published management evaluation');
    const pack = await api<{ asOf: string; frozen: { asOf: string } | null }>(
      `/management-evaluations/${published.id}/pack`,
      coordinator.id,
    );
    expect(pack.frozen?.asOf).toBe(published.heldOn);

    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
      bypassCSP: true,
    });
    try {
      await page.goto(`${server.url}/ledelsens-evaluering`);
      await e2e.chooseOption(page.getByRole('combobox', { name: 'År' }), `${published.year} – Offentliggjort`);
      const lockedNote = page.getByText(/^Offentliggjort og låst:/);
      await lockedNote.waitFor();
      const frozenNote = page.getByText(/^Grundlaget blev fastfrosset, da evalueringen blev afholdt/);
      await frozenNote.waitFor();
      // The figures are as of the meeting day (its year), not today.
      const heldYear = published.heldOn.slice(0, 4);
      expect(await frozenNote.textContent()).toContain(heldYear);
      expect(await page.getByText(/^Perioden .* status pr\. /).textContent()).toMatch(
        new RegExp(`status pr\\. .*${heldYear}`),
      );
      expect(await page.getByRole('button', { name: 'Gem evaluering' }).count()).toBe(0);
      // The register's section, frozen with the rest, leads to the register's statistics.
      const register = page.getByRole('region', { name: 'Afvigelser, klager og forslag', exact: true });
      await register.getByRole('heading', { name: 'Afvigelser, klager og forslag' }).waitFor();
      expect(await register.getByRole('table').count()).toBeGreaterThanOrEqual(2);
      expect(await register.getByRole('link', { name: 'Åbn registrets statistik' }).getAttribute('href')).toBe(
        '/reports/statistics',
      );
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'frozen-evaluation-1366.png', { fullPage: true });

      // "Ret": the reason is required, then the correction opens.
      await page.getByRole('button', { name: 'Ret', exact: true }).click();
      await page.getByRole('heading', { name: 'Ret den offentliggjorte evaluering' }).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Opret rettelse' }).click();
      await page.getByLabel('Begrundelse for rettelsen').waitFor();
      expect(await page.getByRole('heading', { name: 'Ret den offentliggjorte evaluering' }).count()).toBe(1);
      const reason = 'Udvalgets behandlingsdato var skrevet forkert';
      await page.getByLabel('Begrundelse for rettelsen').fill(reason);
      await page.getByRole('button', { name: 'Opret rettelse' }).click();
      const backLink = page.getByRole('button', { name: `den offentliggjorte evaluering for ${published.year}` });
      await backLink.waitFor();
      await page.getByText(`Begrundelse: ${reason}`, { exact: false }).waitFor();
      // The correction is held, not locked: its record can be edited and published.
      await page.getByRole('button', { name: 'Gem evaluering' }).waitFor();
      expect(await lockedNote.count()).toBe(0);
      await frozenNote.waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'frozen-evaluation-correction.png', { fullPage: true });

      // Back to the original: "Rettet af" the correction, and no second "Ret".
      await backLink.click();
      const forward = page.getByRole('button', { name: `rettelsen af evalueringen for ${published.year}` });
      await forward.waitFor();
      expect(await page.getByRole('button', { name: 'Ret', exact: true }).count()).toBe(0);

      await page.setViewportSize({ width: 390, height: 900 });
      await forward.waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'frozen-evaluation-390.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
