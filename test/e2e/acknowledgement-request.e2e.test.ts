import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * Readers hear about a new version when it is published, in Danish: the approver approves a
 * revision in the tab; a reader in the audience has the acknowledgement card in the local chat
 * at once, and on the procedure page "Hvad er ændret" at the top with the change summary and the
 * "Læst og forstået" button, which takes the box away. The author's and the approver's chats have
 * no acknowledgement card: they made the version and are not asked.
 */

async function openChat(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Chat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
  await page
    .getByText(/Du har ingen beskeder endnu|Sendt /)
    .first()
    .waitFor();
}

describe('the acknowledgement request at publication', () => {
  const environment = e2e.useE2eEnvironment();

  it('reaches a reader at once, with "Hvad er ændret" on the page, and not the author or the approver', async () => {
    const { server, browser, api } = environment();
    const { author, approver, reader, procedure } = await e2e.chooseRevisionCast(server);
    const marker = `Kvitteringsmarkør ${Date.now().toString(36)}`;
    const changeSummary = `Besigtigelse er nu obligatorisk før afgørelse (${marker}).`;

    const { context, page, pageErrors } = await e2e.openPageAs(browser, author, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });

    // The author submits a revision; the approver approves it in the tab.
    await e2e.openProcedure(page, server, procedure);
    await e2e.uploadRevision(page, procedure, marker);
    await page.getByTestId('document-view').getByText(marker).waitFor();
    await e2e.submitForApproval(page, changeSummary);
    await e2e.signInAs(page, approver);
    await e2e.approveFromProcedurePage(page);
    const published = await api<ProcedureDetail>(`/procedures/${procedure.id}`, approver.id);
    const label = published.currentVersion?.label ?? '';
    // The approver made the version: no "Hvad er ændret" for them.
    expect(await page.getByTestId('whats-changed').count()).toBe(0);

    const acknowledgementCards = () =>
      page.getByTestId('chat-message').filter({ hasText: 'Ny version at læse' }).filter({ hasText: changeSummary });

    // The reader's chat has the acknowledgement card at once, with the summary and the button.
    await e2e.signInAs(page, reader);
    await openChat(page);
    const card = acknowledgementCards().getByTestId('adaptive-card');
    await card.getByText(changeSummary).waitFor();
    await card.getByText(procedure.code).first().waitFor();
    await card.getByRole('button', { name: 'Læst og forstået' }).waitFor();
    expect(await acknowledgementCards().count()).toBe(1);
    await page.mouse.move(900, 600);
    await e2e.saveScreenshot(page, 'acknowledgement-card.png');

    // Neither the approver's chat (which has the approval card) nor the author's has one.
    await e2e.signInAs(page, approver);
    // The approver's own approval card (now decided) shows that the pane has switched person.
    await page
      .getByTestId('chat-message')
      .filter({ hasText: changeSummary })
      .getByText(`Godkendt af ${approver.name}`)
      .first()
      .waitFor();
    expect(await acknowledgementCards().count()).toBe(0);
    for (const maker of [author, approver]) {
      const cards = (await server.app.outbox.list(maker.id)).filter((message) =>
        JSON.stringify(message.card).includes(`"versionId":"${published.currentVersion?.id}"`),
      );
      expect(cards.filter((message) => JSON.stringify(message.card).includes('"verb":"acknowledge"'))).toEqual([]);
    }
    await e2e.signInAs(page, author);
    await page
      .getByText(/Du har ingen beskeder endnu|Sendt /)
      .first()
      .waitFor();
    await page.waitForLoadState('networkidle');
    expect(await acknowledgementCards().count()).toBe(0);

    // The reader opens the procedure: "Hvad er ændret" at the top, above the document.
    await e2e.signInAs(page, reader);
    await e2e.openProcedure(page, server, procedure);
    const box = page.getByTestId('whats-changed');
    await box.getByRole('heading', { level: 2, name: 'Hvad er ændret' }).waitFor();
    await box.getByText(changeSummary).waitFor();
    await box.getByText(new RegExp(`^Version ${label.replace('.', '\\.')}, gældende fra `)).waitFor();
    const boxTop = (await box.boundingBox())?.y ?? Infinity;
    const documentTop = (await page.locator('#document-heading').boundingBox())?.y ?? 0;
    expect(boxTop).toBeLessThan(documentTop);
    expect(boxTop).toBeLessThan(600);
    expect(await e2e.axeViolations(page)).toEqual([]);
    await e2e.saveScreenshot(page, 'whats-changed.png');

    // At 420 px it fits without sideways scrolling.
    await page.setViewportSize({ width: 420, height: 900 });
    await box.getByRole('button', { name: 'Læst og forstået' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const narrowBox = await box.boundingBox();
    expect(narrowBox?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((narrowBox?.x ?? 0) + (narrowBox?.width ?? 0)).toBeLessThanOrEqual(420);
    expect(await e2e.axeViolations(page)).toEqual([]);
    await e2e.saveScreenshot(page, 'whats-changed-420.png');

    // "Læst og forstået": the box goes away, a receipt stays.
    await box.getByRole('button', { name: 'Læst og forstået' }).click();
    await page.getByText(`at du har læst og forstået version ${label}.`).waitFor();
    expect(await page.getByTestId('whats-changed').count()).toBe(0);
    const after = await api<ProcedureDetail>(`/procedures/${procedure.id}`, reader.id);
    expect(after.myAcknowledgement?.acknowledgedAt).not.toBeNull();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
