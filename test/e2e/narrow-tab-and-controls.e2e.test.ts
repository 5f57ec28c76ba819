import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AuditViewDto } from '../../functions/src/contract/audit-schemas.js';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/*
 * Issue 12: Fluent controls in Danish (the DatePicker, the people picker), the narrow tab
 * (420 px: a procedure on the first screen, filters in a drawer, nothing cut), the dark theme
 * and a first visit without console errors.
 */
const environment = e2e.useE2eEnvironment();

const isoToDanish = (iso: string) => iso.split('-').reverse().join('-');

async function people(): Promise<PersonDto[]> {
  return environment().api<PersonDto[]>('/people', 'mette-kjaer');
}

/** Whether the page scrolls sideways (WCAG 1.4.10); wide tables and the matrix scroll in place. */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

describe('Fluent controls in Danish', () => {
  it('picks an audit date in the calendar and types one, chooses an auditor by name, and saves dd-mm-yyyy', async () => {
    const { browser, api } = environment();
    const everyone = await people();
    const coordinator = everyone.find((person) => person.roles.includes('coordinator'))!;
    const year = new Date().getFullYear();
    const audits = [
      ...(await api<{ audits: AuditViewDto[] }>(`/audits?year=${year}`, coordinator.id)).audits,
      ...(await api<{ audits: AuditViewDto[] }>(`/audits?year=${year + 1}`, coordinator.id)).audits,
    ];
    const audit = audits.find((candidate) => candidate.status === 'planned');
    if (!audit) throw new Error('The demo has no planned audit this year or next');
    const auditor = everyone.find((person) => !audit.auditorIds.includes(person.id))!;
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 900 },
    });
    try {
      await page.goto(`${environment().server.url}/audit/${audit.id}`);
      await page.getByRole('button', { name: 'Ret plan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Ret plan' });
      const date = dialog.getByLabel('Dato');
      expect(await date.inputValue()).toBe(isoToDanish(audit.plannedOn));

      // A typed text that is no date: a Danish message, and the date is kept.
      await date.fill('i morgen');
      await date.press('Tab');
      await dialog.getByRole('alert').filter({ hasText: 'Skriv datoen som dd-mm-åååå, fx 05-01-2027.' }).waitFor();
      expect(await date.inputValue()).toBe(isoToDanish(audit.plannedOn));

      // The calendar: Danish names, weeks from Monday; the 15th of the shown month is picked.
      await date.click();
      const calendar = page.getByRole('grid').first();
      await calendar.waitFor();
      const weekdays = await calendar.getByRole('columnheader').allTextContents();
      expect(weekdays[0]?.toLowerCase()).toBe('ma');
      expect(weekdays[6]?.toLowerCase()).toBe('sø');
      await calendar.locator('button:visible', { hasText: /^15$/ }).first().click();
      const picked = `${audit.plannedOn.slice(0, 7)}-15`;
      await expect.poll(() => date.inputValue()).toBe(isoToDanish(picked));

      // Typing a Danish date works as well (and wins).
      const typed = `${Number(audit.plannedOn.slice(0, 4)) + 1}-03-02`;
      await date.fill(`2-3-${typed.slice(0, 4)}`);
      await date.press('Tab');
      await expect.poll(() => date.inputValue()).toBe(isoToDanish(typed));

      // Auditors: type part of a name, pick it; no Ctrl needed.
      const picker = dialog.getByRole('combobox', { name: /^Auditorer/ });
      await picker.focus();
      await picker.pressSequentially(auditor.name);
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await dialog.getByText(auditor.name, { exact: true }).first().waitFor();

      await dialog.getByRole('button', { name: 'Gem' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText(isoToDanish(typed), { exact: true }).waitFor();
      const saved = await api<AuditViewDto>(`/audits/${audit.id}`, coordinator.id);
      expect(saved.plannedOn).toBe(typed);
      expect(saved.auditorIds).toContain(auditor.id);
      expect(pageErrors).toEqual([]);
    } catch (error) {
      await e2e.saveScreenshot(page, 'controls-failure.png', { fullPage: true }).catch(() => undefined);
      throw error;
    } finally {
      await context.close();
    }
  });
});

describe('the narrow tab', () => {
  it('shows a procedure on the first screen at 420 × 720, filters in a drawer, nothing cut', async () => {
    const { browser } = environment();
    const caseworker = (await people()).find((person) => person.id === 'karen-holt')!;
    const { context, page } = await e2e.openPageAs(browser, caseworker, {
      locale: 'da-DK',
      viewport: { width: 420, height: 720 },
    });
    try {
      await page.goto(`${environment().server.url}/handbook`);
      const cards = page.getByTestId('procedure-cards');
      const first = cards.getByRole('listitem').first();
      await first.waitFor();
      const box = await first.getByRole('link').boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(720);
      expect(box!.x + box!.width).toBeLessThanOrEqual(420);
      expect(await page.getByRole('table').count()).toBe(0);
      expect(await overflowsSideways(page)).toBe(false);
      await e2e.saveScreenshot(page, 'handbook-420.png');
      expect(await axeSeriousOrCritical(page)).toEqual([]);

      // The tree is folded away; the filters open in a drawer and count what is set.
      expect(await page.getByRole('button', { name: 'Håndbogens struktur' }).getAttribute('aria-expanded')).toBe(
        'false',
      );
      await page.getByRole('button', { name: 'Filtre' }).click();
      const drawer = page.getByRole('dialog', { name: 'Filtre' });
      await e2e.chooseOption(drawer.getByRole('combobox', { name: 'Niveau', exact: true }), 'Kerneprocesser');
      await drawer.getByRole('button', { name: 'Luk filtrene' }).click();
      await drawer.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Filtre (1)' }).waitFor();
      expect(page.url()).toContain('level=core');
      await expect.poll(() => cards.getByRole('listitem').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

/** axe's serious and critical findings only (the bar for the dark theme at every width). */
async function axeSeriousOrCritical(page: Page): Promise<string[]> {
  return e2e.axeViolations(page);
}

describe('the dark theme and a quiet first visit', () => {
  const scenes: { path: string; ready: string }[] = [
    { path: '/', ready: 'main h1' },
    { path: '/handbook', ready: 'main h1' },
    { path: '/actions', ready: '#actions-board-heading' },
    { path: '/competences', ready: 'table caption' },
    { path: `/audit?year=${new Date().getFullYear()}`, ready: 'main h1' },
    { path: '/management-evaluation', ready: 'main h1' },
  ];

  it.each([320, 420, 1366])(
    'follows the browser’s dark colour scheme at %i px: no axe violations, nothing scrolls sideways',
    async (width) => {
      const { browser } = environment();
      const coordinator = (await people()).find((person) => person.roles.includes('coordinator'))!;
      const { context, page } = await e2e.openPageAs(browser, coordinator, {
        locale: 'da-DK',
        colorScheme: 'dark',
        viewport: { width, height: 900 },
      });
      try {
        const problems: string[] = [];
        for (const scene of scenes) {
          await page.goto(`${environment().server.url}${scene.path}`);
          await page.locator(scene.ready).first().waitFor();
          const background = await page
            .locator('.fui-FluentProvider')
            .first()
            .evaluate((element) => getComputedStyle(element).backgroundColor);
          if (background !== 'rgb(41, 41, 41)') problems.push(`${scene.path}: background ${background}`);
          problems.push(...(await axeSeriousOrCritical(page)).map((violation) => `${scene.path}: ${violation}`));
          if (width <= 420 && (await overflowsSideways(page))) problems.push(`${scene.path}: scrolls sideways`);
        }
        expect(problems).toEqual([]);
        await e2e.saveScreenshot(page, `dark-${width}.png`);
      } finally {
        await context.close();
      }
    },
  );

  it('logs no console errors on a first visit (no remembered person)', async () => {
    const { browser } = environment();
    const context = await browser.newContext({ locale: 'da-DK' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${environment().server.url}/handbook`);
      await page.getByRole('table').or(page.getByTestId('procedure-cards')).first().waitFor();
      await page.getByRole('link').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
