import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MyTasks, OverviewDto, PersonDto } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * "Overblik", the tab's home, and "Mine opgaver", the one inbox, in Danish. The coordinator's
 * figures are those the API counts (test/api/overview.test.ts checks them against the demo), and
 * each count tile leads to a list with that many rows. Karen's, Anne's and Mette's inboxes list
 * their work across modules; an acknowledgement and an årshjul activity are done in place. Both
 * scenes are checked with axe at 420 and 1366 px.
 */

const environment = e2e.useE2eEnvironment();

/** Where each count tile leads, and the rows of that list. */
const listRows: Record<string, { path: RegExp; rows: string }> = {
  'reviews-overdue': { path: /^\/handbook\?status=review-overdue$/, rows: 'main table tbody tr' },
  'reviews-due': { path: /^\/handbook\?status=review-due$/, rows: 'main table tbody tr' },
  'approvals-waiting': { path: /^\/handbook\?status=in-approval$/, rows: 'main table tbody tr' },
  'open-nonconformities': { path: /^\/findings\?state=open$/, rows: '[data-testid="findings-list"] > li' },
  'actions-overdue': { path: /^\/actions\?view=overdue$/, rows: '#actions-overdue-heading ~ ul > li' },
};

async function person(id: string): Promise<PersonDto> {
  const people = await environment().api<PersonDto[]>('/people', 'mette-kjaer');
  const found = people.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`No demo person ${id}`);
  return found;
}

async function seriousViolations(page: Page): Promise<string[]> {
  return e2e.axeViolations(page);
}

function tile(page: Page, id: string): Locator {
  return page.locator(`[data-tile="${id}"]`);
}

describe('Overblik and Mine opgaver', () => {
  it("shows the coordinator's figures, and each count tile leads to its list with that many rows", async () => {
    const { server, browser, api } = environment();
    const coordinator = await person('mette-kjaer');
    const overview = await api<OverviewDto>('/overview', coordinator.id);
    const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/`);
      await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Hele organisationen' }).waitFor();
      for (const figure of overview.tiles) {
        if (!listRows[figure.id]) continue;
        await expect
          .poll(() => tile(page, figure.id).getByTestId('tile-figure').textContent())
          .toBe(String(figure.count));
      }
      await e2e.saveScreenshot(page, 'overview-coordinator-1366.png', { fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      for (const [id, list] of Object.entries(listRows)) {
        const count = overview.tiles.find((candidate) => candidate.id === id)!.count;
        await page.goto(`${server.url}/`);
        const link = tile(page, id).getByRole('link');
        await link.waitFor();
        // The link's name is its visible text: the figure and the words after it.
        expect((await link.textContent())?.replace(/\s+/g, ' ').trim()).toMatch(new RegExp(`^${count} \\S`));
        await link.click();
        await page.waitForURL((url) => list.path.test(url.pathname + url.search));
        await page.locator('main h1').waitFor();
        // After an in-app navigation focus is on the new page's heading.
        await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
        await expect.poll(() => page.locator(list.rows).count(), { timeout: 10_000 }).toBe(count);
      }

      // Cards already posted in Teams carry the old Danish paths: they redirect, query kept, and
      // the old path is not left in the history.
      for (const [old, id] of [
        ['/afvigelser?state=open', 'open-nonconformities'],
        ['/handlinger?view=overdue', 'actions-overdue'],
      ] as const) {
        const list = listRows[id]!;
        await page.goto(`${server.url}/`);
        await page.getByRole('heading', { level: 1, name: 'Overblik' }).waitFor();
        await page.goto(`${server.url}${old}`);
        await page.waitForURL((url) => list.path.test(url.pathname + url.search));
        const count = overview.tiles.find((candidate) => candidate.id === id)!.count;
        await expect.poll(() => page.locator(list.rows).count(), { timeout: 10_000 }).toBe(count);
        await page.goBack();
        await page.waitForURL((url) => url.pathname === '/');
      }

      // The audit programme's tile leads to the year's audits; the competence tile to the gaps.
      await page.goto(`${server.url}/`);
      await tile(page, 'audit-programme').getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Audit' }).waitFor();
      const programme = overview.tiles.find((candidate) => candidate.id === 'audit-programme')!;
      const auditRows = page.locator('section[aria-labelledby="audit-list-heading"] table tbody tr');
      await expect.poll(() => auditRows.count()).toBe(programme.total);
      await expect.poll(() => auditRows.filter({ hasText: 'Afrapporteret' }).count()).toBe(programme.count);
      await page.goto(`${server.url}/`);
      await tile(page, 'competence-gaps').getByRole('link').click();
      await page.locator('#competence-gaps').waitFor();
      // A requirement can be both unmet and single-person: the tile counts requirements, once each.
      const gapSections = ['unmet', 'single', 'external']
        .map((part) => `section[aria-labelledby="competence-gaps-${part}"] li[data-gap-key]`)
        .join(', ');
      const gapCount = overview.tiles.find((candidate) => candidate.id === 'competence-gaps')!.count;
      await expect
        .poll(
          async () =>
            new Set(
              await page
                .locator(gapSections)
                .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-gap-key'))),
            ).size,
        )
        .toBe(gapCount);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('leads the coordinator from the register tile to the register, and Anne from an inbox row to the item', async () => {
    const { server, browser, api } = environment();
    const overview = await api<OverviewDto>('/overview', 'mette-kjaer');
    const register = overview.tiles.find((candidate) => candidate.id === 'register-open')!;
    const coordinator = await e2e.openPageAs(browser, await person('mette-kjaer'), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      const { page } = coordinator;
      await page.goto(`${server.url}/`);
      const link = tile(page, 'register-open').getByRole('link');
      await expect.poll(() => link.textContent()).toMatch(new RegExp(`^${register.count}\\s*(åben sag|åbne sager)`));
      await link.click();
      await page.waitForURL((url) => url.pathname === '/reports' && url.search === '?view=all');
      await page.locator('main h1').waitFor();
    } finally {
      await coordinator.context.close();
    }

    const tasks = await api<MyTasks>('/me/tasks', 'anne-birk');
    const row = tasks.items.find((item) => item.kind === 'register-item');
    expect(row, 'Anne handles a register item in the demo').toBeDefined();
    const anne = await e2e.openPageAs(browser, await person('anne-birk'), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      const { page } = anne;
      await page.goto(`${server.url}/tasks`);
      const item = page.locator('[data-kind="register-item"]').filter({ hasText: row!.title }).first();
      await item.getByText('Sag i registret').waitFor();
      if (row!.dueOn) await item.getByText(/^Svarfrist /).waitFor();
      const action = { 'assess-register-item': 'Vurdér sagen', 'reply-register-item': 'Svar afsenderen' }[
        row!.action as 'assess-register-item' | 'reply-register-item'
      ];
      await item.getByRole('link', { name: action ?? 'Behandl sagen' }).click();
      await page.waitForURL((url) => url.pathname === `/reports/${row!.link.id}`);
      await page.locator('main h1').waitFor();
    } finally {
      await anne.context.close();
    }
  });

  it("shows a leader her unit's overview and a caseworker only his own", async () => {
    const { server, browser } = environment();
    for (const [id, heading] of [
      ['anne-birk', 'Enheden Natur'],
      ['karen-holt', 'Dit overblik'],
    ] as const) {
      const { context, page } = await e2e.openPageAs(browser, await person(id), {
        locale: 'da-DK',
        timezoneId: 'Europe/Copenhagen',
        viewport: { width: 1366, height: 900 },
      });
      try {
        await page.goto(`${server.url}/`);
        await page.getByRole('heading', { level: 2, name: heading }).waitFor();
        if (id === 'karen-holt') expect(await page.getByTestId('overview-tiles').count()).toBe(0);
      } finally {
        await context.close();
      }
    }
  });

  it.each([
    ['karen-holt', ['acknowledgement', 'audit', 'occurrence']],
    ['anne-birk', ['acknowledgement', 'approval', 'action', 'competence-gap']],
    ['mette-kjaer', ['review', 'effectiveness-check', 'occurrence', 'qualification', 'draft']],
  ] as const)("lists %s's tasks across modules, soonest due first", async (id, kinds) => {
    const { server, browser, api } = environment();
    const tasks = await api<MyTasks>('/me/tasks', id);
    const { context, page, pageErrors } = await e2e.openPageAs(browser, await person(id), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/tasks`);
      await page.getByRole('heading', { level: 1, name: 'Mine opgaver' }).waitFor();
      const items = page.getByTestId('inbox').locator(':scope > li');
      await expect.poll(() => items.count()).toBe(tasks.items.length);
      const shownKinds = await items.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-kind')));
      expect(shownKinds).toEqual(tasks.items.map((item) => item.kind));
      for (const kind of kinds) expect(shownKinds, `${id}: ${kind}`).toContain(kind);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets Karen acknowledge a version and mark an årshjul activity done from her inbox', async () => {
    const { server, browser, api } = environment();
    const before = await api<MyTasks>('/me/tasks', 'karen-holt');
    const acknowledgement = before.items.find((item) => item.action === 'acknowledge')!;
    const occurrence = before.items.find((item) => item.action === 'complete-occurrence')!;
    const { context, page } = await e2e.openPageAs(browser, await person('karen-holt'), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/tasks`);
      const items = page.getByTestId('inbox').locator(':scope > li');
      await expect.poll(() => items.count()).toBe(before.items.length);
      const ackItem = items.filter({ hasText: acknowledgement.title }).first();
      await ackItem.getByRole('button', { name: 'Bekræft læst og forstået' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Du har bekræftet, at du har læst »${acknowledgement.title}«.` })
        .waitFor();
      await expect.poll(() => items.count()).toBe(before.items.length - 1);

      const occurrenceItem = items.filter({ hasText: occurrence.title }).first();
      await occurrenceItem.getByRole('button', { name: 'Markér som udført' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `»${occurrence.title}« er markeret som udført.` })
        .waitFor();
      await expect.poll(() => items.count()).toBe(before.items.length - 2);
      await e2e.saveScreenshot(page, 'inbox-karen-1366.png', { fullPage: true });

      const after = await api<MyTasks>('/me/tasks', 'karen-holt');
      expect(after.items.map((item) => item.key)).not.toContain(acknowledgement.key);
      expect(after.items.map((item) => item.key)).not.toContain(occurrence.key);
    } finally {
      await context.close();
    }
  });

  it("leads Anne from her inbox's approval to the approval view", async () => {
    const { server, browser, api } = environment();
    const tasks = await api<MyTasks>('/me/tasks', 'anne-birk');
    const approval = tasks.items.find((item) => item.kind === 'approval')!;
    const { context, page } = await e2e.openPageAs(browser, await person('anne-birk'), {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1366, height: 1000 },
    });
    try {
      await page.goto(`${server.url}/tasks`);
      const item = page.locator('[data-kind="approval"]').filter({ hasText: approval.title }).first();
      await item.getByRole('link', { name: 'Læs kladden og beslut' }).click();
      await page.waitForURL(
        (url) => url.pathname === `/procedures/${encodeURIComponent(approval.target.procedureId!)}/approval`,
      );
    } finally {
      await context.close();
    }
  });

  it.each([420, 1366])('has no axe violations on Overblik and Mine opgaver at %i px', async (width) => {
    const { server, browser } = environment();
    for (const id of ['mette-kjaer', 'anne-birk', 'karen-holt']) {
      const { context, page } = await e2e.openPageAs(browser, await person(id), {
        locale: 'da-DK',
        timezoneId: 'Europe/Copenhagen',
        viewport: { width, height: 900 },
      });
      try {
        await page.goto(`${server.url}/`);
        await page.getByTestId('overview-personal').waitFor();
        expect(await seriousViolations(page), `${id} / at ${width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${id} / at ${width}`).toBe(width);
        if (width === 420) await e2e.saveScreenshot(page, `overview-${id}-420.png`, { fullPage: true });
        await page.goto(`${server.url}/tasks`);
        await page.getByTestId('inbox').waitFor();
        expect(await seriousViolations(page), `${id} /tasks at ${width}`).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${id} /tasks at ${width}`).toBe(width);
        if (width === 420) await e2e.saveScreenshot(page, `inbox-${id}-420.png`, { fullPage: true });
      } finally {
        await context.close();
      }
    }
  });
});
