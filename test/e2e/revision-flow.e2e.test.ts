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
 * The document-control story end to end, in the tab, in Danish: an author uploads and submits a
 * revision, a reader keeps seeing the valid version, the author cannot approve their own draft,
 * the approver approves, and the reader then sees the new version with the old one marked
 * obsolete. Identities switch with the "Log ind som" picker, as a demo user would.
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

type Cast = { author: PersonDto; approver: PersonDto; reader: PersonDto; procedure: ProcedureDetail };

/** A published procedure without a revision, owned by an author and approved by a leader. */
async function chooseCast(): Promise<Cast> {
  // The API needs an identity even to list people, so the first one comes from the store itself.
  const anyone = (await server.app.services.store.listPeople())[0];
  if (!anyone) throw new Error('The demo data has no people');
  const people = await api<PersonDto[]>('/people', anyone.id);
  const byId = new Map(people.map((person) => [person.id, person]));
  const coordinator = people.find((person) => person.roles.includes('coordinator'));
  if (!coordinator) throw new Error('The demo data has no coordinator');
  const list = await api<ProcedureList>('/procedures?status=published&limit=1000', coordinator.id);
  for (const item of list.items) {
    const owner = byId.get(item.owner.id);
    if (item.revision !== 'none' || !owner?.roles.includes('author') || owner.roles.includes('coordinator')) continue;
    const procedure = await api<ProcedureDetail>(`/procedures/${item.id}`, coordinator.id);
    const approver = byId.get(procedure.approver.id);
    if (!approver?.roles.includes('leader') || approver.id === owner.id || !procedure.currentVersion) continue;
    // A reader who only reads: a caseworker with no other role, in the procedure's audience if it has one.
    const reader = people.find(
      (person) =>
        person.roles.length === 1 &&
        person.roles[0] === 'caseworker' &&
        (procedure.audience.unitIds.length === 0 || procedure.audience.unitIds.includes(person.unitId)),
    );
    if (reader) return { author: owner, approver, reader, procedure };
  }
  throw new Error('No published procedure owned by an author and approved by a leader');
}

async function signInAs(page: Page, person: PersonDto): Promise<void> {
  await page.getByTestId('user-picker').selectOption(person.id);
}

function banner(page: Page) {
  return page.getByTestId('version-banner');
}

describe('revision flow in the tab', () => {
  beforeAll(async () => {
    if (!existsSync(tabIndex))
      throw new Error('The tab is not built: run `npm run build:tab` (npm run test:e2e does).');
    dataDir = await mkdtemp(join(tmpdir(), 'kvh-e2e-'));
    server = await startLocalServer({ port: 0, dataDir, seedDemo: true, mode: 'local', quiet: true });
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

  it('publishes a revision only after approval and marks the old version obsolete', async () => {
    const { author, approver, reader, procedure } = await chooseCast();
    const oldLabel = procedure.currentVersion?.label ?? '';
    const marker = `Revisionsmarkør ${Date.now().toString(36)}`;

    const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1400, height: 1000 } });
    // Start as the author; later identities are chosen with the picker, which writes the same key.
    await context.addInitScript({
      content: `if (!sessionStorage.getItem('e2e-started')) {
        sessionStorage.setItem('e2e-started', '1');
        localStorage.setItem('kvalitetshaandbog.localUser', ${JSON.stringify(author.id)});
      }`,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    // The author opens the valid version and uploads a new one as a draft.
    await page.goto(`${server.url}/procedures/${procedure.id}`);
    await page.getByRole('heading', { level: 1, name: procedure.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('da');
    await banner(page).getByText(`Gældende version ${oldLabel}`).waitFor();

    await page.locator('input[type="file"]').setInputFiles({
      name: 'revision.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# ${procedure.title}\n\n## Formål\n\n${marker}: ny fremgangsmåde efter intern audit.\n`),
    });
    await banner(page).getByText('Kladde — ikke godkendt').waitFor();
    await page.getByTestId('document-view').getByText(marker).waitFor();

    // …and submits it for approval with a change summary.
    await page.getByRole('button', { name: 'Send til godkendelse' }).click();
    const submitDialog = page.getByRole('dialog');
    await submitDialog.getByLabel('Hvad er ændret, og hvorfor?').fill('Ny fremgangsmåde efter intern audit.');
    await submitDialog.getByRole('button', { name: 'Send til godkendelse' }).click();
    await page.getByText('Kladden er sendt til godkendelse.').waitFor();

    // The author may not approve their own draft, and is told why.
    await page.getByText('Du kan ikke godkende din egen kladde').waitFor();
    expect(await page.getByRole('button', { name: 'Godkend', exact: true }).count()).toBe(0);

    // A reader still sees the valid version, and nothing of the draft.
    await signInAs(page, reader);
    await page.getByRole('button', { name: 'Upload ny version som kladde' }).waitFor({ state: 'detached' });
    await banner(page).getByText(`Gældende version ${oldLabel}`).waitFor();
    await page.getByTestId('document-view').waitFor();
    expect(await page.getByTestId('document-view').innerText()).not.toContain(marker);
    expect(await page.getByText('Kladde — ikke godkendt').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Åbn kladden' }).count()).toBe(0);

    // The approver approves in the tab.
    await signInAs(page, approver);
    await page.getByRole('button', { name: 'Godkend', exact: true }).click();
    const approveDialog = page.getByRole('dialog');
    await approveDialog.getByRole('button', { name: 'Godkend', exact: true }).click();
    await page.getByText('Versionen er godkendt og gældende.').waitFor();

    const published = await api<ProcedureDetail>(`/procedures/${procedure.id}`, reader.id);
    const newLabel = published.currentVersion?.label ?? '';
    expect(newLabel).not.toBe(oldLabel);

    // The reader now gets the new version; the old one is unmistakably obsolete.
    await signInAs(page, reader);
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

    await mkdir(resultsDir, { recursive: true });
    await page.screenshot({ path: join(resultsDir, 'procedure-page.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
