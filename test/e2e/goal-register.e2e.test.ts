import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * A quality goal measured from the register, set in the tab in Danish: the coordinator chooses
 * "Beregnes af registret", the figure and the kind of items; the goal is created with that
 * measurement and its card says how it is measured. axe checks the form with the register fields.
 */
describe('a goal measured from the register', () => {
  const environment = e2e.useE2eEnvironment();

  it('is set in the goal form with its figure and kind of items', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.id === 'mette-kjaer');
    if (!coordinator) throw new Error('The demo has no coordinator');
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
      bypassCSP: true,
    });
    try {
      await page.goto(`${server.url}/goals`);
      await page.getByRole('button', { name: 'Nyt mål' }).click();
      const goalForm = page.getByRole('form', { name: 'Nyt kvalitetsmål' });
      await goalForm.getByLabel('Mål (overskrift)').fill('Klager besvares inden for fristen');
      await e2e.chooseOption(goalForm.getByRole('combobox', { name: 'Hvordan måles det' }), 'Beregnes af registret');
      await goalForm.getByRole('combobox', { name: 'Tal fra registret' }).waitFor();
      await e2e.chooseOption(goalForm.getByRole('combobox', { name: 'Hvilke henvendelser' }), 'Klager');
      // The review month in words from the årshjul's texts, not a raw key.
      await e2e.chooseOption(goalForm.getByRole('combobox', { name: 'Årlig revision i' }), 'Marts');
      expect(await goalForm.getByRole('combobox', { name: 'Årlig revision i' }).textContent()).toContain('Marts');
      expect(await e2e.axeViolations(page)).toEqual([]);
      await goalForm.getByRole('button', { name: 'Gem' }).click();
      await page.getByText('Målet «Klager besvares inden for fristen» er oprettet.').waitFor();
      await page
        .getByRole('article', { name: 'Klager besvares inden for fristen' })
        .getByText('Beregnes af registret: andel besvaret inden for svarfristen (Klager)')
        .waitFor();

      const { goals } = await api<{ goals: { title: string; measurement: unknown; target: { unit: string } }[] }>(
        '/goals',
        coordinator.id,
      );
      const saved = goals.find((goal) => goal.title === 'Klager besvares inden for fristen');
      expect(saved?.measurement).toEqual({ kind: 'register', metric: 'replied-in-time', kinds: ['complaint'] });
      expect(saved?.target.unit).toBe('percent');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
