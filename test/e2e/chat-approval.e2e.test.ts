import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * Approving in the local chat, in Danish: an author submits a revision in the tab, the bot
 * sends the approver an approval-request card, the approver approves on the card in the Chat
 * pane (rendered by Microsoft's Adaptive Cards renderer, sent as the Teams client's
 * `adaptiveCard/action` invoke) and the new version becomes current. A caseworker's chat has
 * no such card.
 */

async function openChat(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Chat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
}

describe('approval in the local chat', () => {
  const environment = e2e.useE2eEnvironment();

  it('approves a revision from the approval card and publishes it', async () => {
    const { server, browser, api } = environment();
    const { author, approver, reader: caseworker, procedure } = await e2e.chooseRevisionCast(server);
    const oldLabel = procedure.currentVersion?.label ?? '';
    const marker = `Chatmarkør ${Date.now().toString(36)}`;
    const changeSummary = `Ny fremgangsmåde efter intern audit (${marker}).`;

    const { context, page, pageErrors } = await e2e.openPageAs(browser, author, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });
    // What the pane sends to the bot endpoint; button presses are the `manual` invokes.
    const invokes: { value?: { trigger?: string } }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/messages') && request.method() === 'POST') invokes.push(request.postDataJSON());
    });
    const manualInvokes = () => invokes.filter((body) => body.value?.trigger === 'manual');

    // The author uploads a new version as a draft and submits it with a change summary.
    await e2e.openProcedure(page, server, procedure);
    await e2e.uploadRevision(page, procedure, marker);
    await page.getByTestId('document-view').getByText(marker).waitFor();
    await e2e.submitForApproval(page, changeSummary);

    // A caseworker's chat has no such card.
    await e2e.signInAs(page, caseworker);
    await openChat(page);
    await page
      .getByText(/Du har ingen beskeder endnu|Sendt /)
      .first()
      .waitFor();
    expect(await page.getByTestId('chat-message').filter({ hasText: changeSummary }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);

    // The approver's chat has the request, with the procedure, the summary and the buttons.
    await e2e.signInAs(page, approver);
    await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
    const message = page.getByTestId('chat-message').filter({ hasText: changeSummary });
    await message.getByRole('heading', { level: 2 }).waitFor();
    const card = message.getByTestId('adaptive-card');
    await card.getByText(procedure.code).first().waitFor();
    await card.getByText(changeSummary).waitFor();
    const approve = card.getByRole('button', { name: 'Godkend', exact: true });
    await approve.waitFor();
    await card.getByRole('button', { name: 'Afvis', exact: true }).waitFor();

    // Reject without a reason: the card's own error message, and nothing is sent.
    await card.getByRole('button', { name: 'Afvis', exact: true }).click();
    await card.getByRole('button', { name: 'Send afvisning' }).click();
    await card.getByText('Skriv en begrundelse, før du afviser.').waitFor();
    expect(manualInvokes()).toEqual([]);
    await card.getByRole('button', { name: 'Afvis', exact: true }).click();

    await page.mouse.move(900, 600);
    await e2e.saveScreenshot(page, 'chat-pane.png');

    // Approve: the card is replaced by its outcome, and that is announced.
    await approve.click();
    await card.getByText(`Godkendt af ${approver.name}`).waitFor();
    expect(await card.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);
    await page.getByTestId('chat-announcer').getByText('Kortet er opdateret').waitFor();
    await e2e.saveScreenshot(page, 'chat-pane-approved.png');

    expect(manualInvokes()).toHaveLength(1);
    expect(manualInvokes()[0]).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      locale: 'da-DK',
      from: { id: `29:${approver.id}`, aadObjectId: approver.id },
      conversation: { id: `local:${approver.id}`, conversationType: 'personal' },
      value: { action: { type: 'Action.Execute', verb: 'approve' } },
    });

    // The procedure page shows the new version as current.
    const published = await api<ProcedureDetail>(`/procedures/${procedure.id}`, approver.id);
    const newLabel = published.currentVersion?.label ?? '';
    expect(newLabel).not.toBe(oldLabel);
    await page.goto(`${server.url}/procedures/${procedure.id}`);
    await page.getByTestId('version-banner').getByText(`Gældende version ${newLabel}`).waitFor();
    await page.getByTestId('document-view').getByText(marker).waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
