import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Clock } from '../../functions/src/app/ports.js';
import type { PersonDto, ProcedureDetail, ProcedureList } from '../../functions/src/contract/schemas.js';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/server.js';
import { freshSeededDataDir } from './seeded-template.js';
import { clockStartingAt } from './test-server.js';

/** What the end-to-end tests share: the built tab, a local server, Chromium and the demo cast. */

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const tabIndex = join(repoRoot, 'tab/dist/index.html');
export const resultsDir = join(repoRoot, 'test-results');

/** A GET against the local API as one person; throws on anything but a 2xx. */
export type ApiGet = <T>(path: string, personId: string) => Promise<T>;

export function apiGet(baseUrl: string): ApiGet {
  return async <T>(path: string, personId: string): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${path}`, { headers: { 'X-Local-User': personId } });
    if (!response.ok) throw new Error(`GET ${path} as ${personId}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/** Headless Debian Chromium (or CHROMIUM_PATH), without the background traffic a test does not need. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

export type E2eEnvironment = { server: LocalServer; browser: Browser; api: ApiGet; close(): Promise<void> };

export type E2eOptions = {
  /**
   * The day the test runs on: the demo is seeded and the server runs on a clock starting at it
   * (pass `server.app.services.clock` to `openPageAs` so the browser agrees). Default: today, on
   * the template seeded for the run.
   */
  startsAt?: Date;
};

/** The built tab served with the API on a free port over a fresh demo database, and a browser. */
export async function startE2eEnvironment(options: E2eOptions = {}): Promise<E2eEnvironment> {
  if (!existsSync(tabIndex)) throw new Error('The tab is not built: run `npm run build:tab` (npm run test:e2e does).');
  const clock = options.startsAt ? clockStartingAt(options.startsAt) : undefined;
  const dataDir = await freshSeededDataDir('kvh-e2e-', clock ? { clock } : {});
  let server: LocalServer | undefined;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close();
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startLocalServer({
      port: 0,
      dataDir,
      seedDemo: false,
      mode: 'local',
      sweepOnTimer: false,
      quiet: true,
      ...(clock ? { testing: { clock } } : {}),
    });
    browser = await launchChromium();
  } catch (error) {
    await close();
    throw error;
  }
  return { server, browser, api: apiGet(server.url), close };
}

export type RevisionCast = {
  author: PersonDto;
  approver: PersonDto;
  /** A caseworker with no other role, in the procedure's audience if it has one. */
  reader: PersonDto;
  procedure: ProcedureDetail;
};

/** A published procedure without a revision, owned by an author and approved by a leader, and a reader. */
export async function chooseRevisionCast(server: LocalServer): Promise<RevisionCast> {
  const api = apiGet(server.url);
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

/**
 * Registers the suite's beforeAll/afterAll around one environment; call the returned function
 * inside a test to get it.
 */
export function useE2eEnvironment(options: E2eOptions = {}): () => E2eEnvironment {
  let environment: E2eEnvironment | undefined;
  beforeAll(async () => {
    environment = await startE2eEnvironment(options);
  });
  afterAll(async () => {
    await environment?.close();
  });
  return () => {
    if (!environment) throw new Error('The e2e environment is not started');
    return environment;
  };
}

export type SignedInPage = { context: BrowserContext; page: Page; pageErrors: string[] };

/**
 * A new browser context and page that start signed in as `person`, with the page's uncaught errors
 * collected. Later identities are chosen with the picker, which writes the same key, so the
 * initial one is set only on the first load. With a `clock` (the server's, see `E2eOptions`), the
 * page's `Date` starts at that clock's time and runs on from there.
 */
export async function openPageAs(
  browser: Browser,
  person: PersonDto,
  options: BrowserContextOptions & { clock?: Clock },
): Promise<SignedInPage> {
  const { clock, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  if (clock) await context.clock.install({ time: clock.now() });
  await context.addInitScript({
    content: `if (!sessionStorage.getItem('e2e-started')) {
        sessionStorage.setItem('e2e-started', '1');
        localStorage.setItem('kvalitetshaandbog.localUser', ${JSON.stringify(person.id)});
      }`,
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

/**
 * Picks an option of a Fluent Dropdown (a button with role combobox whose listbox opens in a
 * portal): opens it and clicks the option by its visible text.
 */
export async function chooseOption(combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.click();
  // Within the open list: the page may hold other options (e.g. the header's "Log ind som" select).
  // Fluent's own listbox: charts on the page also use role="listbox" for their bar groups.
  const listbox = combobox.page().locator('.fui-Listbox[role="listbox"]:visible');
  await listbox.getByRole('option', { name: option, exact: typeof option === 'string' }).click();
  await listbox.waitFor({ state: 'detached' });
}

/** "Log ind som": switch the demo identity with the picker. */
export async function signInAs(page: Page, person: PersonDto): Promise<void> {
  await chooseOption(page.getByTestId('user-picker'), `${person.name} – ${person.title}`);
}

/**
 * Follows a link of the header's main menu (Danish names): a link of its own, or with `menu`, a
 * link in that menu (e.g. "Kvalitetsår" → "Tilfredshed"), opened the way a user does.
 */
export async function openFromHeader(page: Page, link: string, menu?: string): Promise<void> {
  const navigation = page.getByRole('navigation', { name: 'Hovedmenu' });
  if (menu === undefined) {
    await navigation.getByRole('link', { name: link, exact: true }).click();
    return;
  }
  await navigation.getByRole('button', { name: menu, exact: true }).click();
  const item = page.getByRole('menu').getByRole('menuitem', { name: link, exact: true });
  await item.click();
  await item.waitFor({ state: 'detached' });
}

/** Open a procedure's page and wait for its title. */
export async function openProcedure(page: Page, server: LocalServer, procedure: ProcedureDetail): Promise<void> {
  await page.goto(`${server.url}/procedures/${procedure.id}`);
  await page.getByRole('heading', { level: 1, name: procedure.title }).waitFor();
}

/** Upload a new version, as Markdown carrying `marker`, on the open procedure page. */
export async function uploadRevision(page: Page, procedure: ProcedureDetail, marker: string): Promise<void> {
  await page.locator('input[type="file"]').setInputFiles({
    name: 'revision.md',
    mimeType: 'text/markdown',
    buffer: Buffer.from(`# ${procedure.title}\n\n## Formål\n\n${marker}: ny fremgangsmåde efter intern audit.\n`),
  });
}

/** Submit the open draft for approval with a change summary, and wait for the confirmation. */
export async function submitForApproval(page: Page, changeSummary: string): Promise<void> {
  await page.getByRole('button', { name: 'Send til godkendelse' }).click();
  const submitDialog = page.getByRole('dialog');
  await submitDialog.getByLabel('Hvad er ændret, og hvorfor?').fill(changeSummary);
  await submitDialog.getByRole('button', { name: 'Send til godkendelse' }).click();
  await page.getByText('Kladden er sendt til godkendelse.').waitFor();
}

/**
 * The approver, on the procedure page, opens the draft and its comparison (the procedure page
 * has no decision buttons), approves there and goes back to the procedure.
 */
export async function approveFromProcedurePage(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Se kladden og ændringerne' }).click();
  await page.getByText('Kladde til godkendelse').first().waitFor();
  await page.getByRole('button', { name: 'Godkend', exact: true }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Godkend', exact: true }).click();
  await page.getByText('Versionen er godkendt og gældende.').waitFor();
  await page.getByRole('link', { name: 'Gå til proceduren' }).click();
  await page.getByTestId('document-view').waitFor();
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The page's WCAG 2.1 A and AA violations found by axe-core, each as "rule (help) at targets". */
export async function axeViolations(page: Page): Promise<string[]> {
  const report = await axeReport(page);
  return [...report.failing, ...report.other];
}

export type AxeReport = {
  /** Serious and critical violations, each as "rule [impact] (help) at targets". */
  failing: string[];
  /** Moderate and minor ones, in the same form. */
  other: string[];
};

/**
 * The WCAG 2.1 A and AA violations axe-core finds in the page, or only inside `include` (a CSS
 * selector, e.g. an open dialog's surface), split by impact.
 */
export async function axeReport(page: Page, include?: string): Promise<AxeReport> {
  // Colours are checked once running transitions (a button's background fading in on a page that
  // has just rendered) have ended; endless ones (spinners) are not waited for.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(Number(animation.effect?.getComputedTiming().endTime)))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(
    async ({ tags, selector }) => {
      const run = await (
        window as unknown as { axe: { run(context: unknown, options: unknown): Promise<any> } }
      ).axe.run(
        selector ? { include: [selector] } : document,
        // Only violations get their selectors worked out: much quicker on large pages.
        { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
      );
      // Tabster's focus guards (`<i data-tabster-dummy tabindex="0" aria-hidden="true">`, which
      // Fluent's menus, pickers and date picker put beside what they manage) are focusable and
      // aria-hidden by design: one that gets focus hands it on at once, and a screen reader must
      // not announce it (microsoft/tabster#288; Accessibility Insights leaves them out for the same
      // reason, accessibility-insights-web#7605). axe's aria-hidden-focus is kept for every other
      // element: only a node that is itself a guard is dropped.
      const isGuard = (node: { target: unknown[] }) =>
        node.target.length === 1 &&
        typeof node.target[0] === 'string' &&
        document.querySelector(node.target[0])?.hasAttribute('data-tabster-dummy') === true;
      run.violations = (run.violations as { id: string; nodes: { target: unknown[] }[] }[])
        .map((violation) =>
          violation.id === 'aria-hidden-focus'
            ? { ...violation, nodes: violation.nodes.filter((node) => !isGuard(node)) }
            : violation,
        )
        .filter((violation) => violation.nodes.length > 0);
      return run;
    },
    { tags: wcagTags, selector: include ?? null },
  );
  const report: AxeReport = { failing: [], other: [] };
  for (const violation of result.violations as {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: string[] }[];
  }[]) {
    const line = `${violation.id} [${violation.impact ?? 'unknown'}] (${violation.help}) at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`;
    (violation.impact === 'serious' || violation.impact === 'critical' ? report.failing : report.other).push(line);
  }
  return report;
}

/** A screenshot into test-results/ under `name`. */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await mkdir(resultsDir, { recursive: true });
  await page.screenshot({ path: join(resultsDir, name), ...options });
}
