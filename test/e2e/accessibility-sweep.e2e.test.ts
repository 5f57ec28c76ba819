import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PersonDto, ProcedureList } from '../../functions/src/contract/schemas.js';
import { sweepEmbeddedApp } from '../../functions/src/jobs/sweep-embedded-app.js';
import { demoSurveyId } from '../../functions/src/seed/demo-surveys.js';
import * as e2e from '../support/e2e.js';

/**
 * Issue 12's accessibility sweep: every scene of the tab and every dialog, drawer and popup a user
 * opens, checked by axe-core (WCAG 2.1 A and AA) at a phone's 320 px, Teams' 420 px side panel and
 * a 1366 px laptop in the light theme, and at 1366 and 320 px in the dark one (outside Teams the
 * tab follows the browser's colour scheme), as the coordinator, who sees everything, in Danish.
 * Serious and critical violations fail; moderate and minor ones are listed in the output.
 *
 * One browser context per theme and width, one page reused for every step, and each scene loaded
 * once with its dialogs opened and closed in turn. The old Danish paths are used on purpose: they
 * keep working as redirects when the scenes move.
 */

const environment = e2e.useE2eEnvironment();

type Configuration = { theme: 'light' | 'dark'; width: number };

const allConfigurations: Configuration[] = [
  { theme: 'light', width: 1366 },
  { theme: 'light', width: 420 },
  { theme: 'light', width: 320 },
  { theme: 'dark', width: 1366 },
  { theme: 'dark', width: 320 },
];
// AXE_ONLY=dark-320,light-420 (theme-width) runs only those, while fixing what they find.
// AXE_SCENES=fokus,tilfreds (parts of scene names) sweeps only those scenes.
const sceneFilter = process.env.AXE_SCENES?.split(',').filter((part) => part.trim() !== '');
const configurations = process.env.AXE_ONLY
  ? allConfigurations.filter(({ theme, width }) => process.env.AXE_ONLY?.split(',').includes(`${theme}-${width}`))
  : allConfigurations;

/** Something opened on a scene by `open`, and checked inside `within`. */
type Opened = {
  name: string;
  open(page: Page): Promise<void>;
  /** A CSS selector for what was opened (a dialog's surface, a popup); the whole page when absent. */
  within?: string;
  /** Only at these widths (the handbook's filter drawer exists only in the narrow layout). */
  widths?: number[];
};

type Scene = {
  name: string;
  path: string;
  /** A selector that shows the scene has its data. */
  ready: string;
  /** As someone else than the coordinator (the approver of a draft), switched by the demo's identity key. */
  as?: string;
  /** Loaded in full: the scene before it is the same component, which would stay mounted. */
  isFullLoad?: boolean;
  opened?: Opened[];
};

const dialog = 'dialog[open], [role="dialog"], [role="alertdialog"]';

function clickButton(name: string | RegExp, options: { within?: string } = {}) {
  return async (page: Page) => {
    const scope = options.within ? page.locator(options.within).last() : page;
    await scope
      .getByRole('button', { name, exact: typeof name === 'string' })
      .first()
      .click();
  };
}

function visibleDialog(page: Page) {
  return page.locator(dialog).filter({ visible: true }).last();
}

function openDialog(button: string | RegExp): (page: Page) => Promise<void> {
  return async (page) => {
    await clickButton(button)(page);
    await visibleDialog(page).waitFor();
  };
}

async function scenesOfTheDemo(): Promise<Scene[]> {
  const { api, server } = environment();
  const coordinator = 'mette-kjaer';
  const store = server.app.services.store;
  const byCode = async (code: string) => {
    const procedure = await store.getProcedureByCode(code);
    if (!procedure) throw new Error(`The demo has no procedure ${code}`);
    return procedure.id;
  };
  const list = await api<ProcedureList>('/procedures?limit=1000', coordinator);
  const pending = list.items.find((item) => item.revision === 'pending');
  if (!pending) throw new Error('The demo has no draft waiting for approval');
  const pendingDetail = await api<{ approver: { id: string } }>(`/procedures/${pending.id}`, coordinator);
  const audits = await api<{
    audits: { id: string; status: string; checklist: unknown[]; report: unknown }[];
  }>('/audits?year=2026', coordinator);
  const planned = audits.audits.find((audit) => audit.status === 'planned' && audit.checklist.length > 0);
  const reported = audits.audits.find((audit) => audit.status === 'reported' && audit.checklist.length > 0);
  if (!planned || !reported) throw new Error('The demo has no planned or reported audit with a checklist in 2026');
  const board = await api<{ overdue: { action: { id: string } }[] }>('/corrective-actions', coordinator);
  const overdueAction = board.overdue[0]?.action.id;
  if (!overdueAction) throw new Error('The demo has no overdue corrective action');
  const goals = await api<{ goals: { id: string; measurement: { kind: string } }[] }>('/goals', coordinator);
  const casesGoal = goals.goals.find((goal) => goal.measurement.kind === 'cases');
  if (!casesGoal) throw new Error('The demo has no goal measured from case data');
  const surveyLink = await issueSurveyLink(server.url, coordinator);
  const withDraft = await byCode('K-20');
  const withRequirements = await byCode('K-17');
  const ownPublished = await byCode('K-01');

  const popup = '[role="listbox"]';
  return [
    { name: 'overblik', path: '/', ready: '[data-testid="tile-figure"]' },
    {
      name: 'overblik, kun mine',
      path: '/?scope=personal',
      ready: '[data-testid="tile-figure"]',
      isFullLoad: true,
    },
    {
      name: 'håndbog',
      path: '/handbook',
      ready: 'table tbody tr, [data-testid="procedure-cards"] a',
      opened: [
        {
          name: 'filtre (skuffe)',
          widths: [420, 320],
          within: dialog,
          open: openDialog(/^Filtre/),
        },
      ],
    },
    { name: 'afvigelser', path: '/afvigelser', ready: '[data-testid="findings-list"] li' },
    { name: 'søgning', path: '/search?q=tilsyn', ready: 'mark' },
    {
      name: 'procedure med kladde',
      path: `/procedures/${withDraft}`,
      ready: '[data-testid="document-view"]',
      opened: [
        { name: 'send til godkendelse', within: dialog, open: openDialog('Send til godkendelse') },
        { name: 'periodisk gennemgang', within: dialog, open: openDialog('Periodisk gennemgang') },
        { name: 'rediger oplysninger', within: dialog, open: openDialog('Rediger oplysninger') },
      ],
    },
    {
      name: 'procedure med kompetencekrav',
      path: `/procedures/${withRequirements}`,
      ready: '[data-testid="procedure-competences-list"] li',
      opened: [
        { name: 'tilføj kompetencekrav', within: dialog, open: openDialog('Tilføj kompetencekrav') },
        { name: 'fjern kompetencekrav', within: dialog, open: openDialog(/^Fjern kravet om /) },
      ],
    },
    {
      name: 'egen gældende procedure (upload)',
      path: `/procedures/${ownPublished}`,
      ready: '[data-testid="document-view"]',
    },
    {
      name: 'procedure til godkendelse',
      path: `/procedures/${pending.id}`,
      ready: '[data-testid="document-view"]',
      opened: [{ name: 'træk tilbage', within: dialog, open: openDialog('Træk tilbage') }],
    },
    {
      name: 'godkendelse (som godkender)',
      path: `/procedures/${pending.id}/approval`,
      as: pendingDetail.approver.id,
      ready: '[data-testid="comparison-view"]',
      opened: [
        { name: 'godkend', within: dialog, open: openDialog('Godkend') },
        { name: 'afvis', within: dialog, open: openDialog('Afvis') },
      ],
    },
    { name: 'mine opgaver', path: '/tasks', ready: '[data-testid="inbox"] li' },
    {
      name: 'ny procedure',
      path: '/new',
      ready: 'form',
    },
    { name: 'chat med kort', path: '/chat', ready: '[data-testid="adaptive-card"]' },
    {
      name: 'kompetencer',
      path: '/competences',
      ready: 'table caption',
      opened: [
        { name: 'import', within: dialog, open: openDialog('Importér fra fil …') },
        {
          name: 'matrixcelle',
          within: '[role="grid"] form',
          open: async (page) => {
            await page.locator('[role="grid"] td button').first().click();
            await page.locator('[role="grid"] form').first().waitFor();
          },
        },
      ],
    },
    {
      name: 'auditprogram',
      path: '/audit?year=2026',
      ready: '#audit-items-heading',
      opened: [
        { name: 'ny intern audit', within: dialog, open: openDialog('Ny intern audit') },
        { name: 'nyt emne', within: dialog, open: openDialog('Tilføj emne') },
        { name: 'ret emne', within: dialog, open: openDialog(/^Ret (?!certifikat)/) },
        { name: 'ret certifikat', within: dialog, open: openDialog('Ret certifikat') },
        { name: 'registrér certifikat', within: dialog, open: openDialog('Registrér certifikat') },
        { name: 'registrér ekstern audit', within: dialog, open: openDialog(/^Registrér audit: /) },
        {
          name: 'datovælger i ny intern audit',
          within: dialog,
          open: async (page) => {
            await openDialog('Ny intern audit')(page);
            await visibleDialog(page).locator('input[placeholder*="åååå"]').first().click();
            await page.keyboard.press('Alt+ArrowDown');
            await visibleDialog(page).getByRole('grid').first().waitFor();
          },
        },
      ],
    },
    {
      name: 'planlagt audit (tjekliste)',
      path: `/audit/${planned.id}`,
      ready: '#audit-checklist-heading',
      opened: [
        {
          name: 'ret plan med personvælger',
          within: `${dialog}, ${popup}`,
          open: async (page) => {
            await openDialog('Ret plan')(page);
            await visibleDialog(page).getByRole('combobox').last().click();
            await page.locator(popup).last().waitFor();
          },
        },
        { name: 'registrér fund', within: dialog, open: openDialog('Registrér fund') },
        {
          // Error messages in red on the theme's background: sent empty, so nothing is saved.
          name: 'fund gemt uden beskrivelse',
          within: dialog,
          open: async (page) => {
            await openDialog('Registrér fund')(page);
            await visibleDialog(page).getByRole('button', { name: 'Gem', exact: true }).click();
            await visibleDialog(page).getByText('Skal udfyldes.').first().waitFor();
          },
        },
      ],
    },
    { name: 'rapporteret audit', path: `/audit/${reported.id}`, ready: '#audit-report-heading', isFullLoad: true },
    { name: 'handlinger', path: '/handlinger', ready: '#actions-board-heading' },
    { name: 'forsinket handling', path: `/handlinger/${overdueAction}`, ready: '#action-effectiveness-heading' },
    { name: 'ledelsens evaluering', path: '/ledelsens-evaluering', ready: '#pack-goals-heading' },
    { name: 'årsrapport', path: '/yearly-report', ready: '#yearly-report-preview-heading ~ dl' },
    {
      name: 'årshjul',
      path: '/aarshjul',
      ready: '[data-occurrence-id]',
      opened: [
        {
          name: 'ny og rettet aktivitet',
          open: async (page) => {
            await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
            await page.getByRole('form', { name: 'Ny aktivitet' }).waitFor();
            await page.getByRole('button', { name: /^Ret / }).first().click();
            await page.getByRole('form', { name: /^Ret / }).waitFor();
          },
        },
      ],
    },
    {
      name: 'mål og kvalitetspolitik',
      path: '/goals',
      ready: '#goals-list-heading ~ * a[href^="/goals/"]',
      opened: [{ name: 'importér sagsdata', within: dialog, open: openDialog('Importér sagsdata') }],
    },
    { name: 'mål med sagsdata', path: `/goals/${casesGoal.id}`, ready: '#goal-chart-heading' },
    {
      name: 'tilfredshed',
      path: '/surveys',
      ready: '#survey-headline-heading',
      opened: [
        { name: 'ny undersøgelse', within: dialog, open: openDialog('Ny undersøgelse') },
        { name: 'redigér undersøgelsen', within: dialog, open: openDialog('Redigér undersøgelsen') },
        { name: 'udsted links', within: dialog, open: openDialog('Udsted links') },
        { name: 'importér svar', within: dialog, open: openDialog('Importér svar') },
      ],
    },
    {
      name: 'kvalitetsevaluering (FOKUS)',
      path: '/fokus',
      ready: '#fokus-scorecards-heading',
      opened: [
        { name: 'ny evalueringsrunde', within: dialog, open: openDialog('Ny evalueringsrunde') },
        { name: 'ret runden', within: dialog, open: openDialog('Ret runden') },
        { name: 'indtast scorer', within: dialog, open: openDialog(/^Indtast scorer for /) },
        { name: 'importér scorer', within: dialog, open: openDialog('Importér scorer …') },
      ],
    },
    { name: 'dækningsmatrix og standarder', path: '/coverage', ready: '#coverage-iso9001-heading' },
    { name: 'opsætning', path: '/configure', ready: 'main h1' },
    { name: 'privatliv', path: '/privacy', ready: 'main h1' },
    { name: 'vilkår', path: '/terms', ready: 'main h1' },
    { name: 'ukendt side', path: '/findes-ikke', ready: 'main h1' },
    // Server-rendered, outside the tab: last, and loaded in full.
    { name: 'offentlig spørgeskemaside', path: surveyLink, ready: 'main h1', isFullLoad: true },
  ];
}

/** A personal link to the demo survey's newest round (its path), for one constructed case. */
async function issueSurveyLink(baseUrl: string, coordinator: string): Promise<string> {
  const headers = { 'x-local-user': coordinator, 'content-type': 'application/json' };
  const survey = (await (await fetch(`${baseUrl}/api/surveys/${demoSurveyId}`, { headers })).json()) as {
    rounds: { id: string }[];
  };
  const response = await fetch(`${baseUrl}/api/surveys/${demoSurveyId}/links`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      roundId: survey.rounds.at(-1)!.id,
      cases: [{ caseId: 'SWEEP-BYG-001', caseType: 'Byggetilladelse – enfamiliehuse', unitId: 'byg-plan' }],
    }),
  });
  if (!response.ok) throw new Error(`Issuing a survey link: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { issued: { url: string }[] };
  const url = new URL(body.issued[0]!.url);
  return url.pathname + url.search;
}

/**
 * To `url`, by a full load or through the tab's router (history.pushState and a popstate event),
 * then waits for `ready` in the new scene: what matched it before is marked stale first.
 */
async function goTo(page: Page, url: string, ready: string, isFullLoad: boolean): Promise<void> {
  if (isFullLoad) {
    await page.goto(url);
  } else {
    await page.evaluate(
      ({ selector, target }) => {
        for (const element of document.querySelectorAll(selector)) element.setAttribute('data-sweep-stale', '');
        window.history.pushState(null, '', target);
        window.dispatchEvent(new PopStateEvent('popstate'));
      },
      { selector: ready, target: new URL(url).pathname + new URL(url).search },
    );
  }
  await page.locator(ready).and(page.locator(':not([data-sweep-stale])')).first().waitFor();
}

/** Closes what a step opened (a popup inside a dialog takes two Escapes). */
async function closeEverything(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 3 && (await visibleDialog(page).count()) > 0; attempt += 1) {
    await page.keyboard.press('Escape');
    await visibleDialog(page)
      .waitFor({ state: 'hidden', timeout: 2_000 })
      .catch(() => undefined);
  }
  expect(await visibleDialog(page).count()).toBe(0);
  // Fluent's focus manager hides the page behind a dialog (aria-hidden) and gives it back once
  // the dialog's closing animation has ended; a page that stays hidden fails here.
  await page.waitForFunction(
    () =>
      document.querySelector(
        'header[aria-hidden="true"], main[aria-hidden="true"], [aria-hidden="true"] header, [aria-hidden="true"] main',
      ) === null,
    undefined,
    { timeout: 10_000 },
  );
}

async function signInAs(page: Page, personId: string): Promise<void> {
  await page.evaluate((id) => localStorage.setItem('kvalitetshaandbog.localUser', id), personId);
}

type SweepResults = { failing: string[]; other: Set<string>; checks: number };

/** Every scene, and everything opened on it, in one theme and width, on one reused page. */
async function sweepConfiguration(
  { theme, width }: Configuration,
  scenes: Scene[],
  coordinator: PersonDto,
  results: SweepResults,
): Promise<void> {
  const { browser, server } = environment();
  const label = `${theme} ${width} px`;
  const { context, page, pageErrors } = await e2e.openPageAs(browser, coordinator, {
    locale: 'da-DK',
    bypassCSP: true,
    viewport: { width, height: 900 },
    colorScheme: theme,
  });
  const check = async (where: string, include?: string) => {
    results.checks += 1;
    const report = await e2e.axeReport(page, include);
    results.failing.push(...report.failing.map((line) => `${label} · ${where}: ${line}`));
    for (const line of report.other) results.other.add(`${where}: ${line}`);
  };
  try {
    let signedIn: string | null = null;
    for (const scene of scenes) {
      const person = scene.as ?? coordinator.id;
      // A new identity takes a full load (the session is read at start); otherwise the tab's
      // router moves, as a click on a link would, which is much quicker than loading the page.
      const isFullLoad = person !== signedIn || scene.isFullLoad === true;
      if (isFullLoad && signedIn !== null) await signInAs(page, person);
      signedIn = person;
      await goTo(page, `${server.url}${scene.path}`, scene.ready, isFullLoad).catch((error: Error) => {
        throw new Error(`${label} · ${scene.name}: ${error.message}`);
      });
      if (signedIn === coordinator.id && scene === scenes[0]) {
        // The theme really follows the browser's colour scheme: a dark page in the dark sweep.
        const isDark = await page.evaluate(() => {
          const [r, g, b] = (
            getComputedStyle(document.querySelector('.fui-FluentProvider') ?? document.body).backgroundColor.match(
              /\d+/g,
            ) ?? []
          ).map(Number);
          return 0.2126 * (r ?? 255) + 0.7152 * (g ?? 255) + 0.0722 * (b ?? 255) < 128;
        });
        expect({ label, isDark }).toEqual({ label, isDark: theme === 'dark' });
      }
      await check(scene.name);
      for (const opened of scene.opened ?? []) {
        if (opened.widths && !opened.widths.includes(width)) continue;
        await opened.open(page).catch((error: Error) => {
          throw new Error(`${label} · ${scene.name} › ${opened.name}: ${error.message}`);
        });
        await check(`${scene.name} › ${opened.name}`, opened.within);
        await closeEverything(page);
      }
    }
    expect({ label, pageErrors }).toEqual({ label, pageErrors: [] });
  } finally {
    await context.close();
  }
}

describe('accessibility sweep (axe-core, WCAG 2.1 AA): every scene and dialog, three widths, two themes', () => {
  it('has no serious or critical violations anywhere', { timeout: 600_000 }, async () => {
    const started = performance.now();
    const { api, server } = environment();
    // The daily sweep fills the chat pane with reminder cards and digests.
    await sweepEmbeddedApp(server.app);
    const people = await api<PersonDto[]>('/people', 'mette-kjaer');
    const coordinator = people.find((person) => person.roles.includes('coordinator'))!;
    const scenes = (await scenesOfTheDemo()).filter(
      (scene) => !sceneFilter || sceneFilter.some((part) => scene.name.includes(part.trim())),
    );
    const results: SweepResults = { failing: [], other: new Set(), checks: 0 };
    // Two configurations at a time (nothing is saved, so they cannot disturb each other): one
    // page waits for the server or an animation while the other is checked.
    const queue = [...configurations];
    await Promise.all(
      [0, 1].map(async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          await sweepConfiguration(next, scenes, coordinator, results);
        }
      }),
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const other = [...results.other].sort();
    console.log(
      `axe sweep: ${results.checks} checks in ${seconds} s; moderate and minor (${other.length}):\n${other.join('\n') || 'none'}`,
    );
    expect(results.failing.sort()).toEqual([]);
  });
});
