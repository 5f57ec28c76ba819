import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * The header's main menu, in Danish: Overblik, Kvalitetshåndbog and Mine opgaver stand alone; the
 * quality year, openness and the register are menus (Fluent Menu) derived from the scene table's
 * groups. A menu works by keyboard, gives focus back to its button, marks itself current while one
 * of its scenes shows, and leaves out the links a person may not see. It fits at 1366 px and in the
 * narrow tab (390 px) without scrolling sideways, and axe finds nothing with a menu open.
 */
describe('the header’s menus', () => {
  const environment = e2e.useE2eEnvironment();

  const people = async (): Promise<PersonDto[]> => environment().api<PersonDto[]>('/people', 'mette-kjaer');

  it.each([1366, 390])('the coordinator navigates by the menus at %i px', async (width) => {
    const { server, browser } = environment();
    const coordinator = (await people()).find((person) => person.id === 'mette-kjaer')!;
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width, height: 800 },
      bypassCSP: true,
    });
    try {
      await page.goto(`${server.url}/`);
      const navigation = page.getByRole('navigation', { name: 'Hovedmenu' });
      await navigation.getByRole('link', { name: 'Overblik', exact: true }).waitFor();
      expect(await navigation.getByRole('link', { name: 'Overblik', exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
      // Links of their own, then the menus; the 15 links do not all stand in the header any more.
      for (const name of ['Kvalitetshåndbog', 'Mine opgaver', 'Ny procedure']) {
        await navigation.getByRole('link', { name, exact: true }).waitFor();
      }
      const qualityYear = navigation.getByRole('button', { name: 'Kvalitetsår', exact: true });
      for (const name of ['Kvalitetsår', 'Åbenhed', 'Register']) {
        const button = navigation.getByRole('button', { name, exact: true });
        expect(await button.getAttribute('aria-haspopup')).toBe('menu');
        expect(await button.getAttribute('aria-current')).toBeNull();
      }
      expect(await navigation.getByRole('link').count()).toBeLessThanOrEqual(5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await e2e.saveScreenshot(page, `header-${width}.png`);

      // By keyboard: Enter opens the menu on its first item, arrows move, Escape closes it and
      // gives focus back to the button.
      await qualityYear.focus();
      await page.keyboard.press('Enter');
      const menu = page.getByRole('menu');
      await menu.waitFor();
      expect(await menu.getByRole('menuitem').allTextContents()).toEqual([
        'Årshjul',
        'Kompetencer',
        'Audit',
        'Handlinger',
        'Ledelsens evaluering',
        'Tilfredshed',
        'Mål og kvalitetspolitik',
      ]);
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Årshjul');
      expect(await qualityYear.getAttribute('aria-expanded')).toBe('true');
      // The open menu holds Tabster's focus guards, which axe's helper leaves out (see axeReport);
      // anything else focusable and aria-hidden is still found.
      expect(await menu.locator('[data-tabster-dummy]').count()).toBeGreaterThan(0);
      expect(await e2e.axeViolations(page)).toEqual([]);
      await menu.evaluate((element) =>
        element.insertAdjacentHTML('beforeend', '<i tabindex="0" aria-hidden="true"></i>'),
      );
      expect(await e2e.axeViolations(page)).toEqual([expect.stringMatching(/^aria-hidden-focus /)]);
      await e2e.saveScreenshot(page, `header-menu-${width}.png`);
      await page.keyboard.press('Escape');
      await menu.waitFor({ state: 'detached' });
      expect(await qualityYear.evaluate((element) => element === document.activeElement)).toBe(true);

      // Arrow down to "Audit" and Enter: the tab goes there, and the menu's button is current.
      await page.keyboard.press('Enter');
      await menu.waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/audit');
      await expect.poll(() => qualityYear.getAttribute('aria-current')).toBe('true');
      expect(
        await navigation.getByRole('link', { name: 'Overblik', exact: true }).getAttribute('aria-current'),
      ).toBeNull();
      await qualityYear.click();
      expect(await menu.getByRole('menuitem', { name: 'Audit', exact: true }).getAttribute('aria-current')).toBe(
        'page',
      );
      await page.keyboard.press('Escape');

      // Another menu's scene: that menu is current, the first one no longer.
      await e2e.openFromHeader(page, 'Aktindsigt', 'Åbenhed');
      await page.getByRole('heading', { level: 1, name: 'Aktindsigt' }).waitFor();
      await expect
        .poll(() => navigation.getByRole('button', { name: 'Åbenhed', exact: true }).getAttribute('aria-current'))
        .toBe('true');
      expect(await qualityYear.getAttribute('aria-current')).toBeNull();
      expect(await e2e.axeViolations(page)).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('opens a menu pressed before Fluent’s menu has loaded, with the focus in it', async () => {
    const { server, browser } = environment();
    const coordinator = (await people()).find((person) => person.id === 'mette-kjaer')!;
    const { context, page } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      viewport: { width: 1366, height: 800 },
    });
    try {
      // The menu's module is held back until the stand-in has been pressed.
      let release!: () => void;
      let isHeld = false;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(/header-menu-popup-[^/]*\.js$/, async (route) => {
        isHeld = true;
        await held;
        await route.continue();
      });
      await page.goto(`${server.url}/`);
      const qualityYear = page
        .getByRole('navigation', { name: 'Hovedmenu' })
        .getByRole('button', { name: 'Kvalitetsår', exact: true });
      await expect.poll(() => isHeld).toBe(true);
      await qualityYear.focus();
      await page.keyboard.press('Enter');
      expect(await page.getByRole('menu').count()).toBe(0);
      release();
      const first = page.getByRole('menu').getByRole('menuitem', { name: 'Årshjul', exact: true });
      await first.waitFor();
      await expect.poll(() => first.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(() => qualityYear.evaluate((element) => element === document.activeElement)).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('leaves out the links a caseworker may not see, and the menus they empty', async () => {
    const { server, browser } = environment();
    const caseworker = (await people()).find(
      (person) => person.roles.length === 1 && person.roles[0] === 'caseworker',
    )!;
    const { context, page } = await e2e.openPageAs(browser, caseworker, {
      locale: 'da-DK',
      viewport: { width: 1366, height: 800 },
    });
    try {
      await page.goto(`${server.url}/findings`);
      const navigation = page.getByRole('navigation', { name: 'Hovedmenu' });
      // The findings list belongs to the audit: the quality year's menu is current.
      const qualityYear = navigation.getByRole('button', { name: 'Kvalitetsår', exact: true });
      await expect.poll(() => qualityYear.getAttribute('aria-current')).toBe('true');
      await navigation.getByRole('button', { name: 'Åbenhed', exact: true }).click();
      expect(await page.getByRole('menu').getByRole('menuitem').allTextContents()).toEqual(['Årsrapport']);
      await page.keyboard.press('Escape');
      expect(await navigation.getByRole('link', { name: 'Ny procedure', exact: true }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
