import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDto, ProcedureDetail, ProcedureList } from '../../functions/src/contract/schemas.js';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/server.js';

/**
 * Approving in the local chat, in Danish: an author submits a revision in the tab, the bot
 * sends the approver an approval-request card, the approver approves on the card in the Chat
 * pane (rendered by Microsoft's Adaptive Cards renderer, sent as the Teams client's
 * `adaptiveCard/action` invoke) and the new version becomes current. A caseworker's chat has
 * no such card.
 */

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const tabIndex = join(repoRoot, 'tab/dist/index.html');
const resultsDir = join(repoRoot, 'test-results');

let server: LocalServer;
let dataDir: string;
let browser: Browser;

async function api<T>(path: string, personId: string): Promise<T> {
  const response = await fetch(`${server.url}/api${path}`, { headers: { 'X-Local-User': personId } });
  if (!response.ok) throw new Error(`GET ${path} as ${personId}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

type Cast = { author: PersonDto; approver: PersonDto; caseworker: PersonDto; procedure: ProcedureDetail };

/** A published procedure without a revision, owned by an author and approved by a leader. */
async function chooseCast(): Promise<Cast> {
  const anyone = (await server.app.services.store.listPeople())[0];
  if (!anyone) throw new Error('The demo data has no people');
  const people = await api<PersonDto[]>('/people', anyone.id);
  const byId = new Map(people.map((person) => [person.id, person]));
  const coordinator = people.find((person) => person.roles.includes('coordinator'));
  if (!coordinator) throw new Error('The demo data has no coordinator');
  const caseworker = people.find((person) => person.roles.length === 1 && person.roles[0] === 'caseworker');
  if (!caseworker) throw new Error('The demo data has no caseworker');
  const list = await api<ProcedureList>('/procedures?status=published&limit=1000', coordinator.id);
  for (const item of list.items) {
    const owner = byId.get(item.owner.id);
    if (item.revision !== 'none' || !owner?.roles.includes('author') || owner.roles.includes('coordinator')) continue;
    const procedure = await api<ProcedureDetail>(`/procedures/${item.id}`, coordinator.id);
    const approver = byId.get(procedure.approver.id);
    if (!approver?.roles.includes('leader') || approver.id === owner.id || !procedure.currentVersion) continue;
    return { author: owner, approver, caseworker, procedure };
  }
  throw new Error('No published procedure owned by an author and approved by a leader');
}

async function signInAs(page: Page, person: PersonDto): Promise<void> {
  await page.getByTestId('user-picker').selectOption(person.id);
}

async function openChat(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Chat' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chat' }).waitFor();
}

describe('approval in the local chat', () => {
  beforeAll(async () => {
    if (!existsSync(tabIndex))
      throw new Error('The tab is not built: run `npm run build:tab` (npm run test:e2e does).');
    dataDir = await mkdtemp(join(tmpdir(), 'kvh-e2e-chat-'));
    server = await startLocalServer({
      port: 0,
      dataDir,
      seedDemo: true,
      mode: 'local',
      sweepOnTimer: false,
      quiet: true,
    });
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('approves a revision from the approval card and publishes it', async () => {
    const { author, approver, caseworker, procedure } = await chooseCast();
    const oldLabel = procedure.currentVersion?.label ?? '';
    const marker = `Chatmarkør ${Date.now().toString(36)}`;
    const changeSummary = `Ny fremgangsmåde efter intern audit (${marker}).`;

    const context = await browser.newContext({
      locale: 'da-DK',
      timezoneId: 'Europe/Copenhagen',
      viewport: { width: 1280, height: 1000 },
    });
    await context.addInitScript({
      content: `if (!sessionStorage.getItem('e2e-started')) {
        sessionStorage.setItem('e2e-started', '1');
        localStorage.setItem('kvalitetshaandbog.localUser', ${JSON.stringify(author.id)});
      }`,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    // What the pane sends to the bot endpoint; button presses are the `manual` invokes.
    const invokes: { value?: { trigger?: string } }[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/messages') && request.method() === 'POST') invokes.push(request.postDataJSON());
    });
    const manualInvokes = () => invokes.filter((body) => body.value?.trigger === 'manual');

    // The author uploads a new version as a draft and submits it with a change summary.
    await page.goto(`${server.url}/procedures/${procedure.id}`);
    await page.getByRole('heading', { level: 1, name: procedure.title }).waitFor();
    await page.locator('input[type="file"]').setInputFiles({
      name: 'revision.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# ${procedure.title}\n\n## Formål\n\n${marker}: ny fremgangsmåde efter intern audit.\n`),
    });
    await page.getByTestId('document-view').getByText(marker).waitFor();
    await page.getByRole('button', { name: 'Send til godkendelse' }).click();
    const submitDialog = page.getByRole('dialog');
    await submitDialog.getByLabel('Hvad er ændret, og hvorfor?').fill(changeSummary);
    await submitDialog.getByRole('button', { name: 'Send til godkendelse' }).click();
    await page.getByText('Kladden er sendt til godkendelse.').waitFor();

    // A caseworker's chat has no such card.
    await signInAs(page, caseworker);
    await openChat(page);
    await page
      .getByText(/Du har ingen beskeder endnu|Sendt /)
      .first()
      .waitFor();
    expect(await page.getByTestId('chat-message').filter({ hasText: changeSummary }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);

    // The approver's chat has the request, with the procedure, the summary and the buttons.
    await signInAs(page, approver);
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

    await mkdir(resultsDir, { recursive: true });
    await page.mouse.move(900, 600);
    await page.screenshot({ path: join(resultsDir, 'chat-pane.png') });

    // Approve: the card is replaced by its outcome, and that is announced.
    await approve.click();
    await card.getByText(`Godkendt af ${approver.name}`).waitFor();
    expect(await card.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);
    await page.getByTestId('chat-announcer').getByText('Kortet er opdateret').waitFor();
    await page.screenshot({ path: join(resultsDir, 'chat-pane-approved.png') });

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
