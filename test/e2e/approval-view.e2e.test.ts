import { describe, expect, it } from 'vitest';
import type { PersonDto, ProcedureDetail, ProcedureList } from '../../functions/src/contract/schemas.js';
import * as e2e from '../support/e2e.js';

/**
 * The approver sees what they approve, in Danish: a revision of K-17 waits for Anne Birk; in the
 * local chat pane she follows the card's "Åbn kladden" to the tab's approval view, reads the
 * change summary, the changed details and the comparison with the current version (an insertion
 * and a deletion, marked by more than colour), and approves below the text. The version is then
 * published. The view is axe-clean and usable 420 px wide.
 */

const baseText = [
  '# Dispensation fra bygge- og beskyttelseslinjer',
  '',
  '## Formål',
  '',
  'Ansøgningen behandles inden for 30 dage.',
  '',
  '- Kort over arealet',
  '- Fotos af stedet',
  '- Naboernes bemærkninger',
].join('\n');

const revisedText = [
  '# Dispensation fra bygge- og beskyttelseslinjer',
  '',
  '## Formål',
  '',
  'Ansøgningen behandles inden for 20 dage.',
  '',
  '- Kort over arealet',
  '- Naboernes bemærkninger',
  '',
  'Besigtigelse er obligatorisk.',
].join('\n');

async function call(baseUrl: string, as: string, method: string, path: string, body?: unknown, ifMatch?: string) {
  const headers: Record<string, string> = { 'x-local-user': as };
  if (ifMatch) headers['if-match'] = ifMatch;
  let payload: string | undefined;
  if (typeof body === 'string') {
    payload = body;
    headers['content-type'] = 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(`${baseUrl}/api${path}`, { method, headers, body: payload });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as ProcedureDetail;
}

/** The author uploads a Markdown draft and submits it (through the API: the tab's upload is tested elsewhere). */
async function submit(baseUrl: string, author: string, procedureId: string, text: string, changeSummary: string) {
  const current = await call(baseUrl, author, 'GET', `/procedures/${procedureId}`);
  const uploaded = await call(
    baseUrl,
    author,
    'PUT',
    `/procedures/${procedureId}/draft/file?fileName=K-17.md`,
    text,
    current.etag,
  );
  return call(baseUrl, author, 'POST', `/procedures/${procedureId}/draft/submit`, { changeSummary }, uploaded.etag);
}

describe('the approval view', () => {
  const environment = e2e.useE2eEnvironment();

  it('opens the draft from the chat card, shows the comparison, and approves', async () => {
    const { server, browser, api } = environment();
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const anne = people.find((person) => person.name === 'Anne Birk')!;
    const list = await api<ProcedureList>('/procedures?limit=1000', 'mette-kjaer');
    const item = list.items.find((candidate) => candidate.code === 'K-17')!;
    const procedure = await api<ProcedureDetail>(`/procedures/${item.id}`, anne.id);
    expect(procedure.approver.name).toBe('Anne Birk');
    const author = procedure.owner.id;

    // A known current version, then the revision Anne is asked to approve.
    const first = await submit(server.url, author, procedure.id, baseText, 'Kendt udgangspunkt.');
    await call(server.url, anne.id, 'POST', `/approvals/${first.pendingApproval?.id}/approve`, {});
    const oldLabel = (await api<ProcedureDetail>(`/procedures/${procedure.id}`, anne.id)).currentVersion?.label;
    const changeSummary = `Kortere frist, besigtigelse er obligatorisk (${Date.now().toString(36)}).`;
    await submit(server.url, author, procedure.id, revisedText, changeSummary);

    const { context, page, pageErrors } = await e2e.openPageAs(browser, anne, {
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });

    // Anne's chat has the request; "Åbn kladden" opens the approval view in the tab.
    await page.goto(`${server.url}/chat`);
    const card = page.getByTestId('chat-message').filter({ hasText: changeSummary }).getByTestId('adaptive-card');
    // The Adaptive Cards renderer gives Action.OpenUrl the role of a link.
    await card.getByRole('link', { name: 'Åbn kladden' }).click();
    await page.waitForURL(`**/procedures/${encodeURIComponent(procedure.id)}/approval`);

    // The draft first: heading, change summary, changed details, the comparison; the decision last.
    await page.getByRole('heading', { level: 1, name: `K-17 ${procedure.title}` }).waitFor();
    await page.getByText('K-17 · Kladde til godkendelse').waitFor();
    await page.getByText(`Afløser den gældende version ${oldLabel}`).waitFor();
    await page.getByRole('region', { name: 'Ændringsbeskrivelse' }).getByText(changeSummary).waitFor();
    await page.getByText('Afsnit: 1 ændret, 1 tilføjet, 1 slettet.').waitFor();
    const comparison = page.getByTestId('comparison-view');
    // Insertions are <ins> (underlined), deletions <del> (struck through), each announced in words.
    await expect
      .poll(() => comparison.locator('del').allTextContents())
      .toEqual(['Slettet: 30', 'Slettet: Fotos af stedet']);
    expect(await comparison.locator('ins').allTextContents()).toEqual([
      'Indsat: 20',
      'Indsat: Besigtigelse er obligatorisk.',
    ]);
    expect(
      await comparison
        .locator('ins')
        .first()
        .evaluate((node) => getComputedStyle(node).textDecorationLine),
    ).toBe('underline');
    expect(
      await comparison
        .locator('del')
        .first()
        .evaluate((node) => getComputedStyle(node).textDecorationLine),
    ).toBe('line-through');
    // The Approve button comes after the text, not above it.
    const approve = page.getByRole('button', { name: 'Godkend', exact: true });
    const [textBottom, approveTop] = await Promise.all([
      comparison.evaluate((node) => node.getBoundingClientRect().bottom),
      approve.evaluate((node) => node.getBoundingClientRect().top),
    ]);
    expect(approveTop).toBeGreaterThan(textBottom);
    expect(await e2e.axeViolations(page)).toEqual([]);
    await e2e.saveScreenshot(page, 'approval-view.png', { fullPage: true });

    // "Vis hele kladden" shows the rendered draft instead.
    await page.getByRole('switch', { name: 'Vis hele kladden' }).click();
    await page.getByTestId('document-view').getByText('Besigtigelse er obligatorisk.').waitFor();
    expect(await comparison.count()).toBe(0);
    await page.getByRole('switch', { name: 'Vis hele kladden' }).click();
    await comparison.waitFor();

    // 420 px wide (Teams' narrow pane): nothing scrolls sideways, and it stays axe-clean.
    await page.setViewportSize({ width: 420, height: 900 });
    await comparison.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(420);
    expect(await e2e.axeViolations(page)).toEqual([]);
    await e2e.saveScreenshot(page, 'approval-view-narrow.png', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });

    // Approve below the text; the version is published.
    await approve.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Godkend', exact: true }).click();
    await page.getByText('Versionen er godkendt og gældende.').waitFor();
    const published = await api<ProcedureDetail>(`/procedures/${procedure.id}`, anne.id);
    expect(published.currentVersion?.label).not.toBe(oldLabel);
    expect(published.pendingApproval).toBeNull();
    await page.getByRole('link', { name: 'Gå til proceduren' }).click();
    await page.getByTestId('document-view').getByText('Besigtigelse er obligatorisk.').waitFor();

    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
