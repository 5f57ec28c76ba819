import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * A goal measured by entered values: its owner (a leader, not the coordinator) enters a value for
 * a date in the goal's period on the goal's page, a value off the form's rules is refused at its
 * field, and the goal shows the new value and its colour. axe-core checks the page, in Danish.
 */
const environment = e2e.useE2eEnvironment();

async function createEnteredGoal(ownerId: string): Promise<string> {
  const { server } = environment();
  const response = await fetch(`${server.url}/api/goals`, {
    method: 'POST',
    headers: { 'x-local-user': 'mette-kjaer', 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Tilfredshed med vejledningen (stikprøve)',
      description: 'Tastes ind fra kvartalets stikprøve.',
      clauses: ['9.1.2'],
      target: { direction: 'at-least', value: 80, unit: 'percent' },
      scope: { caseTypes: [], unitIds: [] },
      periodFrom: '2020-01-01',
      periodTo: '2099-12-31',
      cadence: 'quarterly',
      ownerId,
      measurement: { kind: 'entered', values: [] },
      thresholds: { yellowWithinPoints: 5 },
      status: 'active',
      revisionMonth: 11,
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

describe('entered goal values in the tab', () => {
  it('the goal’s owner enters a value and sees the goal measured again', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const owner = people.find((person) => person.id === 'anne-birk')!;
    const goalId = await createEnteredGoal(owner.id);
    const { context, page, pageErrors } = await e2e.openPageAs(browser, owner, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 390, height: 900 },
    });
    try {
      await page.goto(`${server.url}/goals/${goalId}`);
      await page.getByRole('heading', { level: 2, name: 'Indtastede værdier' }).waitFor();
      await page.getByText('Der er endnu ingen værdier.').waitFor();
      const form = page.getByRole('form', { name: 'Indtast en værdi' });
      // The date picker takes over the field on focus; then a typed Danish date counts.
      const date = form.getByLabel('Dato');
      await date.focus();
      await date.fill('31-03-2025');
      await date.press('Tab');
      await expect.poll(() => date.inputValue()).toBe('31-03-2025');
      await form.getByRole('textbox', { name: /^Værdi/ }).fill('mange');
      await form.getByRole('button', { name: 'Gem værdien' }).click();
      await form.getByText('Skriv et tal fra 0 til 100.000.').waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);

      await form.getByRole('textbox', { name: /^Værdi/ }).fill('72,5');
      await form.getByRole('textbox', { name: /^Bemærkning/ }).fill('Første stikprøve');
      await form.getByRole('button', { name: 'Gem værdien' }).click();
      await page.getByRole('status').filter({ hasText: 'Værdien er gemt, og målet er beregnet igen.' }).waitFor();
      const values = page.getByRole('table', { name: 'Værdier, nyeste først' });
      expect(await values.locator('tbody tr').first().textContent()).toBe('31-03-202572,5 %Første stikprøve');
      // 72.5 is more than 5 points below the target of 80: red.
      await page
        .getByText(/^72,5 %/)
        .first()
        .waitFor();
      await page.getByText('Rød: ikke nået').first().waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      await e2e.saveScreenshot(page, 'goal-entered-values-390.png', { fullPage: true });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
