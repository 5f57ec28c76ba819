import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PersonDto } from '../../functions/src/contract/schemas.js';
import { sweepEmbeddedApp } from '../../functions/src/jobs/sweep-embedded-app.js';
import * as e2e from '../support/e2e.js';

/**
 * The chat pane with the demo's reminder cards in it (the daily sweep run once), checked by
 * axe-core at a phone's 320 px, Teams' 420 px side panel and a 1366 px laptop: card headings
 * need a level, each digest item's link a name that starts with what it shows. And the audit
 * detail, which opens from a card, in the 420 px panel: its wide tables scroll in place and can
 * be reached by keyboard, and "Opret handling" is announced as it reads.
 */

const environment = e2e.useE2eEnvironment();
const widths = [320, 420, 1366];

async function chatViolations(page: Page, width: number): Promise<string[]> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${environment().server.url}/chat`);
  await page.getByTestId('adaptive-card').first().waitFor();
  return (await e2e.axeViolations(page)).map((violation) => `${width} px: ${violation}`);
}

describe('chat pane accessibility', () => {
  it('has no axe violations with reminder cards and digests at 320, 420 and 1366 px', async () => {
    const { server, browser, api } = environment();
    await sweepEmbeddedApp(server.app);
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    // The coordinator, a leader and an author: digests of procedures, competences and the årshjul.
    const chosen = people.filter((person) => ['mette-kjaer', 'lars-holm', 'sofie-dahl'].includes(person.id));
    expect(chosen).toHaveLength(3);
    const violations: string[] = [];
    let digestLinks = 0;
    for (const person of chosen) {
      const chat = await api<{ messages: unknown[] }>('/chat/messages', person.id);
      expect({ person: person.id, hasMessages: chat.messages.length > 0 }).toEqual({
        person: person.id,
        hasMessages: true,
      });
      const { context, page, pageErrors } = await e2e.openPageAs(browser, person, { locale: 'da-DK', bypassCSP: true });
      try {
        for (const width of widths) {
          violations.push(...(await chatViolations(page, width)).map((each) => `${person.id} ${each}`));
        }
        // A digest item is one selectable container; each is named by what it shows.
        const names = await page
          .getByTestId('adaptive-card')
          .locator('.ac-container[role="link"]')
          .evaluateAll((links) => links.map((link) => link.getAttribute('aria-label') ?? ''));
        digestLinks += names.length;
        expect(names.filter((name) => /^Åbn /.test(name))).toEqual([]);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
    expect(digestLinks).toBeGreaterThan(0);
    expect(violations).toEqual([]);
  });

  it('has no axe violations on an audit with findings in the 420 px side panel', async () => {
    const { browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const findings = await api<{
      findings: { auditId: string; grade: string; correctiveActionId: string | null }[];
    }>('/findings?state=all', coordinator.id);
    // An audit with a nonconformity that has no corrective action yet: it offers "Opret handling".
    const withoutAction = findings.findings.find(
      (finding) => finding.correctiveActionId === null && ['major', 'minor'].includes(finding.grade),
    );
    if (!withoutAction) throw new Error('The demo has no nonconformity without a corrective action');
    const { context, page } = await e2e.openPageAs(browser, coordinator, {
      locale: 'da-DK',
      bypassCSP: true,
      viewport: { width: 420, height: 900 },
    });
    try {
      await page.goto(`${environment().server.url}/audit/${withoutAction.auditId}`);
      await page.locator('section[aria-labelledby="audit-findings-heading"] table').first().waitFor();
      expect(await e2e.axeViolations(page)).toEqual([]);
      // WCAG 2.5.3: the button's name starts with its visible label.
      const create = page.getByRole('button', { name: /^Opret handling for fundet: / }).first();
      await create.waitFor();
      expect(await create.textContent()).toBe('Opret handling');
    } finally {
      await context.close();
    }
  });
});
