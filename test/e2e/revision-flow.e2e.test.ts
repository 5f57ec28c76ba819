import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ProcedureDetail } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * The document-control story end to end, in the tab, in Danish: an author uploads and submits a
 * revision, a reader keeps seeing the valid version, the author cannot approve their own draft,
 * the approver approves, and the reader then sees the new version with the old one marked
 * obsolete. Identities switch with the "Log ind som" picker, as a demo user would.
 */

function banner(page: Page) {
  return page.getByTestId('version-banner');
}

describe('revision flow in the tab', () => {
  const environment = e2e.useE2eEnvironment();

  it('publishes a revision only after approval and marks the old version obsolete', async () => {
    const { server, browser, api } = environment();
    const { author, approver, reader, procedure } = await e2e.chooseRevisionCast(server);
    const oldLabel = procedure.currentVersion?.label ?? '';
    const marker = `Revisionsmarkør ${Date.now().toString(36)}`;

    // Start as the author; later identities are chosen with the picker.
    const { context, page, pageErrors } = await e2e.openPageAs(browser, author, {
      locale: 'da-DK',
      viewport: { width: 1400, height: 1000 },
    });

    // The author opens the valid version and uploads a new one as a draft.
    await e2e.openProcedure(page, server, procedure);
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await banner(page).getByText(`Gældende version ${oldLabel}`).waitFor();

    await e2e.uploadRevision(page, procedure, marker);
    await banner(page).getByText('Kladde — ikke godkendt').waitFor();
    await page.getByTestId('document-view').getByText(marker).waitFor();

    // …and submits it for approval with a change summary.
    await e2e.submitForApproval(page, 'Ny fremgangsmåde efter intern audit.');

    // The author may not approve their own draft, and is told why.
    await page.getByText('Du kan ikke godkende din egen kladde').waitFor();
    expect(await page.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);

    // A reader still sees the valid version, and nothing of the draft.
    await e2e.signInAs(page, reader);
    await page.getByRole('button', { name: 'Upload ny version som kladde' }).waitFor({ state: 'detached' });
    await banner(page).getByText(`Gældende version ${oldLabel}`).waitFor();
    await page.getByTestId('document-view').waitFor();
    expect(await page.getByTestId('document-view').innerText()).not.toContain(marker);
    expect(await page.getByText('Kladde — ikke godkendt').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Åbn kladden' }).count()).toBe(0);

    // The approver is led from the procedure to the draft and its comparison, and approves there.
    await e2e.signInAs(page, approver);
    expect(await page.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);
    await e2e.approveFromProcedurePage(page);

    const published = await api<ProcedureDetail>(`/procedures/${procedure.id}`, reader.id);
    const newLabel = published.currentVersion?.label ?? '';
    expect(newLabel).not.toBe(oldLabel);

    // The reader now gets the new version; the old one is unmistakably obsolete.
    await e2e.signInAs(page, reader);
    await page.getByRole('button', { name: 'Godkend', exact: true }).waitFor({ state: 'detached' });
    await banner(page).getByText(`Gældende version ${newLabel}`).waitFor();
    await page.getByTestId('document-view').getByText(marker).waitFor();
    const versions = page.getByRole('region', { name: 'Versioner' });
    const oldRow = versions.getByRole('row').filter({ hasText: `Åbn version ${oldLabel}` });
    await oldRow.getByText(`Ugyldig — erstattet af version ${newLabel}`).waitFor();

    // Opening the old version shows it under an obsolete banner.
    await oldRow.getByRole('button', { name: `Åbn version ${oldLabel}` }).click();
    await banner(page).getByText(`Ugyldig — erstattet af version ${newLabel}`).waitFor();
    expect(await page.getByTestId('document-view').innerText()).not.toContain(marker);
    await page.getByRole('button', { name: 'Vis gældende version' }).click();
    await banner(page).getByText(`Gældende version ${newLabel}`).waitFor();

    await e2e.saveScreenshot(page, 'procedure-page.png', { fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
