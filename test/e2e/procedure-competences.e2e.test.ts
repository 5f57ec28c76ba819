import { describe, expect, it } from 'vitest';
import type { CompetenceMatrixDto, PersonDto, ProcedureCompetencesDto } from '../../functions/src/contract/schemas.js';
import { matrixCells } from '../support/competence-matrix.js';
import * as e2e from '../support/e2e.js';

/**
 * A procedure's "Kompetencekrav" in Danish: the coordinator requires one Natura 2000 person at
 * level 3 ("Erfaren") on procedure K-18 (Natur) and sees "Mangler 1"; a leader follows the link to
 * the unit's matrix and raises a caseworker from 2 to 3; the coordinator's procedure page then
 * shows "Opfyldt" with that person, and the coordinator removes the requirement again.
 */

const procedureCode = 'K-18';
const unitId = 'natur';
const competenceId = 'natura-2000';
const sentence = 'Mindst 1 person på niveau Erfaren eller derover';

describe('a procedure’s required competences', () => {
  const environment = e2e.useE2eEnvironment();

  it('shows a missing competence, and "Opfyldt" once a leader raises a level in the matrix', async () => {
    const { server, browser, api } = environment();
    const procedure = await server.app.services.store.getProcedureByCode(procedureCode);
    if (!procedure) throw new Error(`The demo has no procedure ${procedureCode}`);
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'));
    const leader = people.find((person) => person.unitId === unitId && person.roles.includes('leader'));
    if (!coordinator || !leader) throw new Error('The demo lacks a coordinator or a Natur leader');
    const matrix = await api<CompetenceMatrixDto>(`/competence-matrix?unitId=${unitId}`, leader.id);
    const competence = matrix.competences.find((candidate) => candidate.id === competenceId);
    const target = matrixCells(matrix)
      .filter((cell) => cell.competenceId === competenceId && cell.level === 2 && cell.personId !== leader.id)
      .map((cell) => matrix.people.find((person) => person.id === cell.personId)!)[0];
    if (!competence || !target) throw new Error(`Nobody in ${unitId} is at level 2 in ${competenceId}`);

    const options = { locale: 'da-DK', timezoneId: 'Europe/Copenhagen', viewport: { width: 1280, height: 1000 } };
    const asCoordinator = await e2e.openPageAs(browser, coordinator, options);
    const asLeader = await e2e.openPageAs(browser, leader, options);
    const { page } = asCoordinator;
    try {
      // The coordinator adds the requirement in the dialog.
      await page.goto(`${server.url}/procedures/${procedure.id}`);
      const section = page.getByRole('region', { name: 'Kompetencekrav' });
      await section.getByTestId('procedure-competences-list').waitFor();
      await section.getByRole('button', { name: 'Tilføj kompetencekrav' }).click();
      const dialog = page.getByRole('dialog', { name: 'Nyt kompetencekrav til proceduren' });
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Kompetence' }), competence.name);
      await dialog.getByLabel('Mindst antal personer (1–50)').fill('1');
      await e2e.chooseOption(dialog.getByRole('combobox', { name: 'Mindst niveau' }), '3 – Erfaren');
      await dialog.getByRole('button', { name: 'Tilføj krav' }).click();
      await page.getByRole('status').getByText('Kompetencekravet er tilføjet.').waitFor();

      const item = section.getByRole('listitem').filter({ hasText: sentence });
      await expect.poll(() => item.count()).toBe(1);
      await expect.poll(() => item.textContent()).toContain('Mangler 1');
      expect(await item.textContent()).toContain('Krav til denne procedure');
      expect(await item.getByRole('heading', { level: 3 }).textContent()).toBe(competence.name);

      // The leader follows the link to the unit's matrix and raises the caseworker's level.
      const leaderPage = asLeader.page;
      await leaderPage.goto(`${server.url}/procedures/${procedure.id}`);
      await leaderPage.getByRole('link', { name: 'Se kompetencematrixen for Natur' }).click();
      await leaderPage.getByRole('heading', { level: 1, name: 'Kompetencer' }).waitFor();
      // The unit filter shows the unit's name (a Fluent Dropdown: the name is the button's text).
      expect(await leaderPage.getByRole('combobox', { name: 'Enhed', exact: true }).textContent()).toBe('Natur');
      const table = leaderPage.getByRole('region', { name: /^Kompetencematrix/ });
      const columnNames = await table.locator('thead tr').nth(1).locator('th').allTextContents();
      const column = columnNames.indexOf(competence.name);
      expect(column).toBeGreaterThan(0);
      const cell = table
        .locator('tbody tr')
        .filter({ has: leaderPage.getByRole('rowheader', { name: target.name, exact: true }) })
        .locator('td')
        .nth(column - 1);
      await cell.getByRole('button').click();
      await e2e.chooseOption(
        cell.getByRole('combobox', { name: `Niveau for ${target.name}, ${competence.name}` }),
        /^Niveau 3 – /,
      );
      await cell.getByRole('button', { name: 'Gem' }).click();
      await leaderPage.getByRole('status').getByText('Niveauet er gemt.').waitFor();

      // The coordinator's page, reloaded, shows the requirement met by that person.
      await page.reload();
      await section.getByTestId('procedure-competences-list').waitFor();
      await expect.poll(() => item.textContent()).toContain('Opfyldt');
      expect(await item.textContent()).not.toContain('Mangler');
      expect(await item.textContent()).toContain(`${target.name}: Erfaren (bekræftet`);

      // And removes it again, after confirming.
      await item.getByRole('button', { name: `Fjern kravet om ${competence.name}: ${sentence}` }).click();
      const confirm = page.getByRole('dialog', { name: 'Fjern kompetencekrav' });
      await confirm.getByRole('button', { name: 'Fjern krav' }).click();
      await page.getByRole('status').getByText('Kompetencekravet er fjernet.').waitFor();
      await expect.poll(() => item.count()).toBe(0);
      // Its button is gone, so focus lands on the section rather than the top of the page.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('competences-heading');
      const after = await api<ProcedureCompetencesDto>(`/procedures/${procedure.id}/competences`, coordinator.id);
      expect(
        after.requirements.some((entry) => entry.requirement.minPeople === 1 && entry.requirement.minLevel === 3),
      ).toBe(false);

      expect(asCoordinator.pageErrors).toEqual([]);
      expect(asLeader.pageErrors).toEqual([]);
    } catch (error) {
      await e2e.saveScreenshot(page, 'procedure-competences-failure.png', { fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await asCoordinator.context.close();
      await asLeader.context.close();
    }
  });
});
