import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ActionBoardDto, PersonDto, ProcedureList } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * WCAG 2.1 A and AA rules checked by axe-core in the real tab, scene by scene, as the quality
 * coordinator (who sees every action) and in all three languages on the handbook page.
 */

const environment = e2e.useE2eEnvironment();

async function violationsOn(page: Page, path: string, ready: string): Promise<string[]> {
  await page.goto(`${environment().server.url}${path}`);
  await page.locator(ready).first().waitFor();
  return (await e2e.axeViolations(page)).map((violation) => `${path}: ${violation}`);
}

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  it('has no violations on the handbook, search, procedure (with its required competences), tasks, new procedure, chat and competences scenes', async () => {
    const { browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const list = await api<ProcedureList>('/procedures?status=draft&limit=5', coordinator.id);
    // A procedure with required competences (met, missing and single-person ones in the demo).
    const withRequirements = await environment().server.app.services.store.getProcedureByCode('K-17');
    if (!withRequirements) throw new Error('The demo has no procedure K-17');
    const findings = await api<{ findings: { auditId: string }[] }>('/findings?state=all&year=2025', coordinator.id);
    const auditWithFindings = findings.findings[0]!.auditId;
    const board = await api<ActionBoardDto>('/corrective-actions', coordinator.id);
    const { context, page } = await e2e.openPageAs(browser, coordinator, { locale: 'da-DK', bypassCSP: true });
    try {
      const violations = [
        ...(await violationsOn(page, '/handbook', 'table')),
        ...(await violationsOn(page, '/search?q=tilsyn', 'mark')),
        ...(await violationsOn(page, `/procedures/${list.items[0]!.id}`, '[data-testid="document-view"]')),
        ...(await violationsOn(
          page,
          `/procedures/${withRequirements.id}`,
          '[data-testid="procedure-competences-list"] li',
        )),
        ...(await violationsOn(page, '/tasks', 'main h1')),
        ...(await violationsOn(page, '/new', 'form')),
        ...(await violationsOn(page, '/chat', 'main h1')),
        ...(await violationsOn(page, '/competences', 'table caption')),
        ...(await violationsOn(page, '/audit?year=2025', 'section[aria-labelledby="audit-list-heading"] table')),
        ...(await violationsOn(
          page,
          `/audit/${auditWithFindings}`,
          'section[aria-labelledby="audit-findings-heading"] table',
        )),
        ...(await violationsOn(page, '/actions', '#actions-board-heading')),
        ...(await violationsOn(page, `/actions/${board.overdue[0]!.action.id}`, '#action-effectiveness-heading')),
        ...(await violationsOn(page, '/management-evaluation', '#pack-goals-heading')),
        ...(await violationsOn(page, '/year-wheel', '[data-occurrence-id]')),
      ];
      expect(violations).toEqual([]);
      for (const language of ['nb', 'en']) {
        await page.evaluate((value) => localStorage.setItem('kvalitetshaandbog.locale', value), language);
        expect(await violationsOn(page, '/handbook', 'table')).toEqual([]);
        expect(await page.getAttribute('html', 'lang')).toBe(language);
      }
    } finally {
      await context.close();
    }
  });

  it('has no violations on the årshjul with its add and edit forms open, in every language', async () => {
    const { browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const { context, page } = await e2e.openPageAs(browser, coordinator, { locale: 'da-DK', bypassCSP: true });
    try {
      expect(await violationsOn(page, '/year-wheel', '[data-occurrence-id]')).toEqual([]);
      await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
      await page.getByRole('form', { name: 'Ny aktivitet' }).waitFor();
      await page.getByRole('button', { name: /^Ret / }).first().click();
      await page.getByRole('form', { name: /^Ret / }).waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      for (const language of ['nb', 'en']) {
        await page.evaluate((value) => localStorage.setItem('kvalitetshaandbog.locale', value), language);
        expect(await violationsOn(page, '/year-wheel', '[data-occurrence-id]')).toEqual([]);
      }
    } finally {
      await context.close();
    }
  });

  it('has no violations in the audit scene’s certificate and programme item dialogs', async () => {
    const { browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const { context, page } = await e2e.openPageAs(browser, coordinator, { locale: 'da-DK', bypassCSP: true });
    const violationsInDialog = () => e2e.axeViolations(page);
    try {
      expect(await violationsOn(page, '/audit?year=2026', '#audit-items-heading')).toEqual([]);
      const edit = page.getByRole('button', { name: 'Ret certifikat' });
      await edit.click();
      await page.getByRole('dialog', { name: 'Ret certifikat' }).getByLabel('Udløber').waitFor();
      expect(await violationsInDialog()).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => edit.evaluate((button) => button === document.activeElement)).toBe(true);
      await page.getByRole('button', { name: 'Tilføj emne' }).click();
      await page.getByRole('dialog', { name: 'Nyt emne i auditprogrammet' }).getByLabel('Emnetype').waitFor();
      expect(await violationsInDialog()).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reflows at 320 CSS px (WCAG 1.4.10): no page scrolls sideways (wide tables and the matrix scroll in place), and every navigation link is on screen', async () => {
    const { browser, api, server } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const { context, page } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      viewport: { width: 320, height: 800 },
    });
    try {
      const pages: [string, string][] = [
        ['/', '[data-testid="overview-personal"]'],
        // At 320 px the handbook's rows are compact cards (issue 12), not a table.
        ['/handbook', '[data-testid="procedure-cards"] a'],
        ['/tasks', 'main h1'],
        ['/competences', 'table caption'],
        ['/audit', 'main h1'],
        ['/actions', '#actions-board-heading'],
        ['/management-evaluation', '#pack-goals-heading'],
        ['/year-wheel', '[data-occurrence-id]'],
      ];
      for (const [path, ready] of pages) {
        await page.goto(`${server.url}${path}`);
        await page.locator(ready).first().waitFor();
        expect({ path, width: await page.evaluate(() => document.documentElement.scrollWidth) }).toEqual({
          path,
          width: 320,
        });
      }
      const navigation = page.getByRole('navigation', { name: /./ }).first().getByRole('link');
      for (const link of await navigation.all()) {
        const box = await link.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
      }
    } finally {
      await context.close();
    }
  });

  it('has no violations on the privacy, terms and tab configuration pages, shown without signing in', async () => {
    const { browser } = environment();
    const context = await browser.newContext({ locale: 'da-DK', bypassCSP: true });
    const page = await context.newPage();
    const apiRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiRequests.push(request.url());
    });
    try {
      const violations = [
        ...(await violationsOn(page, '/privacy', 'main h1')),
        ...(await violationsOn(page, '/terms', 'main h1')),
        ...(await violationsOn(page, '/configure', 'main h1')),
      ];
      expect(violations).toEqual([]);
      expect(await page.locator('main h1').textContent()).toBe('Opsæt fanen');
      await page.getByRole('link', { name: 'Til kvalitetshåndbogen' }).waitFor();
      for (const language of ['nb', 'en']) {
        await page.evaluate((value) => localStorage.setItem('kvalitetshaandbog.locale', value), language);
        expect(await violationsOn(page, '/privacy', 'main h1')).toEqual([]);
        expect(await page.getAttribute('html', 'lang')).toBe(language);
      }
      expect(apiRequests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
