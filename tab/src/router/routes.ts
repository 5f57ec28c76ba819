import { createElement, type ComponentType, type ReactElement } from 'react';
// wouter's own pattern parser (its dependency), so the table matches outside React too.
import { parse } from 'regexparam';
import { matchRoute as matchPattern } from 'wouter';
import type { MeDto } from '../api/contract';
import type { MessageKey } from '../i18n/messages';
import type { Session } from '../session/session-context';
import type { TeamsHost } from '../teams/teams-host';
import { sceneLoader } from './scene-loader';

/**
 * The tab's places, declared once: path pattern (English, like the code), lazy scene, header
 * link, public or signed-in, who may see it. Matching, the path builders (`paths`), the outlet,
 * the gate for public pages and the header navigation are all derived from this table. Paths
 * are the public contract for deep links from Teams, cards and e-mail: when one moves, add the
 * old one to `movedPaths`.
 */

type ParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | ParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type ParamArgs<P extends string> = P extends `${string}:${string}/${infer Rest}`
  ? [string, ...ParamArgs<`/${Rest}`>]
  : P extends `${string}:${string}`
    ? [string]
    : [];

/** A query for a path builder: empty values (null, undefined, "") are left out. */
export type QueryInit = URLSearchParams | Readonly<Record<string, string | number | null | undefined>>;

export type Place<P extends string = string> = {
  params: { readonly [Name in ParamNames<P>]: string };
  query: URLSearchParams;
};

/**
 * The header's menus, in the header's order after the links of their own: a scene with a `nav`
 * and a `group` is a link in that group's menu; a group with no link the person may see is left out.
 */
export const navGroups = {
  qualityYear: 'nav.group.qualityYear',
  openness: 'nav.group.openness',
  register: 'nav.group.register',
} as const satisfies Record<string, MessageKey>;

export type NavGroup = keyof typeof navGroups;

type SceneBase<P extends string> = {
  path: P;
  preload(): Promise<unknown>;
  /** The header link's text; scenes without one are reached from other pages. */
  nav?: MessageKey;
  /** The header menu the link is in; without one, the link stands in the header itself. */
  group?: NavGroup;
  /** The header link marked current while this scene shows (e.g. an action marks "Handlinger"). */
  section?: string;
};

export type SignedInScene<P extends string = string> = SceneBase<P> & {
  access: 'signed-in';
  /** Who may see the scene (and its header link); from the abilities the API sends with /me. */
  canSee(me: MeDto): boolean;
  render(place: Place<P> & { session: Session }): ReactElement;
  /** What remounts the scene besides its path (default: the path alone). */
  key?(place: Place<P>): string;
};

export type PublicScene<P extends string = string> = SceneBase<P> & {
  access: 'public';
  render(place: Place<P> & { teams: TeamsHost | null }): ReactElement;
};

export type Scene = SignedInScene | PublicScene;

type Loader<Props> = () => Promise<ComponentType<Props>>;

function lazyScene<Props extends object>(load: Loader<Props>) {
  // One import per scene: preloading and rendering share it, so the browser fetches it once. A
  // loaded scene renders in the same commit (scene-loader.ts: React.lazy would hold it ~300 ms).
  const scene = sceneLoader(load);
  return { preload: scene.preload, render: (props: Props) => createElement(scene.Scene, props) };
}

function signedIn<P extends string, Props extends object>(definition: {
  path: P;
  load: Loader<Props>;
  props(place: Place<P> & { session: Session }): Props;
  nav?: MessageKey;
  group?: NavGroup;
  section?: string;
  canSee?(me: MeDto): boolean;
  key?(place: Place<P>): string;
}): SignedInScene<P> {
  const { load, props, canSee, ...rest } = definition;
  const scene = lazyScene(load);
  return {
    ...rest,
    access: 'signed-in',
    canSee: canSee ?? (() => true),
    preload: scene.preload,
    render: (place) => scene.render(props(place)),
  };
}

function publicPage<P extends string, Props extends object>(definition: {
  path: P;
  load: Loader<Props>;
  props(place: Place<P> & { teams: TeamsHost | null }): Props;
}): PublicScene<P> {
  const { load, props, ...rest } = definition;
  const scene = lazyScene(load);
  return { ...rest, access: 'public', preload: scene.preload, render: (place) => scene.render(props(place)) };
}

function yearOf(query: URLSearchParams): number | null {
  const year = Number(query.get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : null;
}

// Order matters only for the header: its links, and the links in each of its menus, follow the table.
export const scenes = {
  /** The tab's home: the overview ("Overblik"); `?scope=` picks a narrower one than the widest. */
  overview: signedIn({
    path: '/',
    load: () => import('../scenes/overview/overview-scene').then((m) => m.OverviewScene),
    props: ({ query }) => ({ query }),
    nav: 'nav.overview',
  }),
  handbook: signedIn({
    path: '/handbook',
    load: () => import('../scenes/handbook/handbook-scene').then((m) => m.HandbookScene),
    props: ({ session, query }) => ({ session, query }),
    nav: 'nav.handbook',
  }),
  newProcedure: signedIn({
    path: '/new',
    load: () => import('../scenes/new-procedure/new-procedure-scene').then((m) => m.NewProcedureScene),
    props: ({ session }) => ({ session }),
    nav: 'nav.newProcedure',
    canSee: (me) => me.abilities.createProcedure,
  }),
  tasks: signedIn({
    path: '/tasks',
    load: () => import('../scenes/tasks/tasks-scene').then((m) => m.TasksScene),
    props: ({ query }) => ({ query }),
    nav: 'nav.tasks',
  }),
  /** The bot's year-wheel reminders link here (functions/src/bot/approval-view.ts `yearWheelUrl`). */
  yearWheel: signedIn({
    path: '/year-wheel',
    load: () => import('../scenes/year-wheel/year-wheel-scene').then((m) => m.YearWheelScene),
    props: ({ session, query }) => ({ session, year: yearOf(query) }),
    nav: 'nav.yearWheel',
    group: 'qualityYear',
  }),
  /** The competence matrix, opened on one unit with `?unit=`. */
  competences: signedIn({
    path: '/competences',
    load: () => import('../scenes/competences/competences-scene').then((m) => m.CompetencesScene),
    props: ({ session, query }) => ({ session, unitId: query.get('unit') || null }),
    key: ({ query }) => query.get('unit') ?? '',
    nav: 'nav.competences',
    group: 'qualityYear',
  }),
  audit: signedIn({
    path: '/audit',
    load: () => import('../scenes/audit/audit-scene').then((m) => m.AuditScene),
    props: ({ session, query }) => ({ session, query }),
    nav: 'nav.audit',
    group: 'qualityYear',
  }),
  /** The board; `unit`, `owner` and `view=overdue` (the overdue list only) filter it. */
  actions: signedIn({
    path: '/actions',
    load: () => import('../scenes/actions/actions-scene').then((m) => m.ActionsScene),
    props: ({ session, query }) => ({ session, query }),
    nav: 'nav.actions',
    group: 'qualityYear',
  }),
  evaluation: signedIn({
    path: '/management-evaluation',
    load: () => import('../scenes/evaluation/evaluation-scene').then((m) => m.EvaluationScene),
    props: ({ session }) => ({ session }),
    nav: 'nav.evaluation',
    group: 'qualityYear',
  }),
  /** Satisfaction surveys; `survey` and `round` pick the results shown. */
  surveys: signedIn({
    path: '/surveys',
    // @fluentui/react-charts comes with this chunk only.
    load: () => import('../scenes/surveys/surveys-scene').then((m) => m.SurveysScene),
    props: ({ query }) => ({ query }),
    nav: 'nav.surveys',
    group: 'qualityYear',
    canSee: (me) => me.abilities.readSurveyResults,
  }),
  /** Quality policy and goals; `colour` shows the goals of one colour (the overview's goal tiles). */
  goals: signedIn({
    path: '/goals',
    load: () => import('../scenes/goals/goals-scene').then((m) => m.GoalsScene),
    props: ({ session, query }) => ({ session, query }),
    nav: 'nav.goals',
    group: 'qualityYear',
  }),
  /** The yearly public report: the coordinator previews and publishes it; everyone sees the published ones and the public links. */
  yearlyReport: signedIn({
    path: '/yearly-report',
    load: () => import('../scenes/yearly-report/yearly-report-scene').then((m) => m.YearlyReportScene),
    props: ({ query }) => ({ year: yearOf(query) }),
    nav: 'nav.yearlyReport',
    group: 'openness',
  }),
  /** The register (issue 15): what I handle by default; `view`, `kind`, `status` and `unit` filter it. */
  register: signedIn({
    path: '/reports',
    load: () => import('../scenes/register/register-scene').then((m) => m.RegisterScene),
    props: ({ session, query }) => ({ session, query }),
    nav: 'nav.register',
    group: 'register',
  }),
  /** "Meld afvigelse, forslag eller ros"; `procedure` (the procedure page's button) and `audit` preselect. */
  reportNew: signedIn({
    path: '/reports/new',
    load: () => import('../scenes/register/report-scene').then((m) => m.ReportScene),
    props: ({ session, query }) => ({ session, query }),
    nav: 'nav.reportNew',
    group: 'register',
    section: 'register',
  }),
  /** Pareto of root causes, 24-month trend, replies in time (@fluentui/react-charts comes with this chunk). */
  registerStatistics: signedIn({
    path: '/reports/statistics',
    load: () => import('../scenes/register/register-statistics-scene').then((m) => m.RegisterStatisticsScene),
    props: ({ query }) => ({ query }),
    section: 'register',
  }),
  registerItem: signedIn({
    path: '/reports/:id',
    load: () => import('../scenes/register/register-item-scene').then((m) => m.RegisterItemScene),
    props: ({ session, params, query }) => ({ session, itemId: params.id, query }),
    section: 'register',
  }),
  /** The local stand-in for the bot's chat in Teams (the Adaptive Cards renderer comes with it). */
  chat: signedIn({
    path: '/chat',
    load: () => import('../scenes/chat/chat-scene').then((m) => m.ChatScene),
    props: ({ session }) => ({ session }),
    nav: 'nav.chat',
    canSee: (me) => me.mode === 'local',
  }),
  /** Findings: the open nonconformities by default; `unit` and `year` narrow them. */
  findings: signedIn({
    path: '/findings',
    load: () => import('../scenes/findings/findings-scene').then((m) => m.FindingsScene),
    props: ({ session, query }) => ({ session, query }),
    section: 'audit',
  }),
  goal: signedIn({
    path: '/goals/:id',
    load: () => import('../scenes/goals/goal-scene').then((m) => m.GoalScene),
    props: ({ session, params }) => ({ session, goalId: params.id }),
    section: 'goals',
  }),
  auditDetail: signedIn({
    path: '/audit/:id',
    load: () => import('../scenes/audit/audit-detail-scene').then((m) => m.AuditDetailScene),
    props: ({ session, params }) => ({ session, auditId: params.id }),
    section: 'audit',
  }),
  action: signedIn({
    path: '/actions/:id',
    load: () => import('../scenes/actions/action-scene').then((m) => m.ActionScene),
    props: ({ session, params }) => ({ session, actionId: params.id }),
    section: 'actions',
  }),
  /** FOKUS-style evaluation rounds: the units side by side across rounds (issue 14). */
  fokus: signedIn({
    path: '/fokus',
    load: () => import('../scenes/fokus/fokus-scene').then((m) => m.FokusScene),
    props: () => ({}),
    section: 'audit',
  }),
  /** Aktindsigt / innsyn: requests, deadlines, the export and the answer (the coordinator's). */
  accessRequests: signedIn({
    path: '/access-requests',
    load: () => import('../scenes/access/access-scene').then((m) => m.AccessScene),
    props: () => ({}),
    nav: 'nav.accessRequests',
    group: 'openness',
    canSee: (me) => me.abilities.handleAccessRequests,
  }),
  /** The standards worked by, clause × procedures, goals and audits, uncovered clauses marked. */
  coverage: signedIn({
    path: '/coverage',
    load: () => import('../scenes/clause-coverage/coverage-scene').then((m) => m.CoverageScene),
    props: () => ({}),
    section: 'audit',
  }),
  search: signedIn({
    path: '/search',
    load: () => import('../scenes/search/search-scene').then((m) => m.SearchScene),
    props: ({ query }) => ({ q: query.get('q') ?? '' }),
  }),
  procedure: signedIn({
    path: '/procedures/:id',
    load: () => import('../scenes/procedure/procedure-scene').then((m) => m.ProcedureScene),
    props: ({ session, params, query }) => ({ session, procedureId: params.id, query }),
    section: 'handbook',
  }),
  /**
   * The approver's view of a procedure's draft: the comparison with the current version, then
   * Approve/Reject. The approval card's "Åbn kladden" links here (bot/approval-view.ts `approvalPath`).
   */
  approval: signedIn({
    path: '/procedures/:id/approval',
    load: () => import('../scenes/approval/approval-scene').then((m) => m.ApprovalScene),
    props: ({ params }) => ({ procedureId: params.id }),
    section: 'handbook',
  }),
  // The manifest's configurationUrl, privacyUrl and termsOfUseUrl: keep these paths stable. They
  // render without signing in and ask the API nothing before they show.
  configure: publicPage({
    path: '/configure',
    load: () => import('../scenes/configure/configure-scene').then((m) => m.ConfigureScene),
    props: ({ teams }) => ({ teams }),
  }),
  privacy: publicPage({
    path: '/privacy',
    load: () => import('../scenes/privacy/privacy-scene').then((m) => m.PrivacyScene),
    props: () => ({}),
  }),
  terms: publicPage({
    path: '/terms',
    load: () => import('../scenes/terms/terms-scene').then((m) => m.TermsScene),
    props: () => ({}),
  }),
};

export type SceneName = keyof typeof scenes;
const sceneNames = Object.keys(scenes) as SceneName[];

/**
 * Paths that moved, with the scene each now opens. Adaptive Cards already posted in Teams chats
 * carry the old (Danish) paths, so they redirect (replacing the history entry, query kept).
 */
const movedPaths: readonly { from: string; to: SceneName }[] = [
  { from: '/afvigelser', to: 'findings' },
  { from: '/handlinger', to: 'actions' },
  { from: '/handlinger/:id', to: 'action' },
  { from: '/ledelsens-evaluering', to: 'evaluation' },
  { from: '/aarshjul', to: 'yearWheel' },
  { from: '/index.html', to: 'overview' },
];

/**
 * The handbook's filters. The root used to be the handbook, and channel tabs configured on a
 * level or area still point there with these: such a root redirects to the handbook, a bare
 * root (or one with only ?inTeams=1) is the overview.
 */
const handbookFilterKeys = ['level', 'area', 'status', 'owner', 'unit', 'sort', 'order'];

export type Resolved =
  | { kind: 'scene'; name: SceneName; scene: Scene; params: Record<string, string>; query: URLSearchParams }
  | { kind: 'redirect'; to: string }
  | { kind: 'not-found'; query: URLSearchParams };

/**
 * What a location shows. `pathname` is the raw (still percent-encoded) path: parameters are
 * decoded here once, and a path that does not decode is not found.
 */
export function resolveLocation(pathname: string, search: string): Resolved {
  const query = new URLSearchParams(search);
  const suffix = searchOf(query);
  for (const moved of movedPaths) {
    const [isMatch, raw] = matchPattern(parse, moved.from, pathname);
    if (isMatch) return { kind: 'redirect', to: fillPattern(scenes[moved.to].path, raw) + suffix };
  }
  for (const name of sceneNames) {
    const scene: Scene = scenes[name];
    const [isMatch, raw] = matchPattern(parse, scene.path, pathname);
    if (!isMatch) continue;
    if (name === 'overview' && handbookFilterKeys.some((key) => query.has(key)))
      return { kind: 'redirect', to: scenes.handbook.path + suffix };
    const params = decodeParams(raw);
    return params ? { kind: 'scene', name, scene, params, query } : { kind: 'not-found', query };
  }
  return { kind: 'not-found', query };
}

/** The scene a location ends at, following a redirect. */
export type RouteMatch = {
  name: SceneName | 'not-found';
  params: Record<string, string>;
  query: URLSearchParams;
};

export function matchRoute(pathname: string, search: string): RouteMatch {
  let resolved = resolveLocation(pathname, search);
  if (resolved.kind === 'redirect') {
    const url = new URL(resolved.to, 'https://tab.invalid');
    resolved = resolveLocation(url.pathname, url.search);
  }
  if (resolved.kind === 'scene') return { name: resolved.name, params: resolved.params, query: resolved.query };
  return {
    name: 'not-found',
    params: {},
    query: resolved.kind === 'not-found' ? resolved.query : new URLSearchParams(),
  };
}

export function isPublicRoute(match: RouteMatch): boolean {
  return match.name !== 'not-found' && scenes[match.name].access === 'public';
}

/** Starts downloading a location's scene (main.tsx does at start-up, beside the sign-in). */
export function preloadScene(match: RouteMatch): void {
  if (match.name !== 'not-found') void scenes[match.name].preload().catch(() => undefined);
}

type PathBuilders = {
  [Name in SceneName]: (...args: [...ParamArgs<(typeof scenes)[Name]['path']>, query?: QueryInit]) => string;
};

/** Typed path builders: `paths.procedure(id, { version })`, `paths.audit({ year: 2026 })`. */
export const paths = Object.fromEntries(
  sceneNames.map((name) => [
    name,
    (...args: (string | QueryInit | undefined)[]) => {
      const path = scenes[name].path;
      const count = path.split(':').length - 1;
      const values = args.slice(0, count).map((value) => encodeURIComponent(String(value)));
      return fillPattern(path, values) + searchOf(args[count] as QueryInit | undefined);
    },
  ]),
) as PathBuilders;

/**
 * The tab path a Teams deep link carries as its subEntityId (the tab reads it as
 * `page.subPageId`), or null when it is not one of the tab's own signed-in pages. Only a
 * same-origin path is accepted: a deep link must never send the tab elsewhere. A moved path
 * gives its new place.
 */
export function pathFromSubPageId(subPageId: string | null | undefined): string | null {
  if (!subPageId || !subPageId.startsWith('/') || subPageId.startsWith('//') || subPageId.includes('\\')) return null;
  let url: URL;
  try {
    url = new URL(subPageId, 'https://tab.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://tab.invalid') return null;
  const resolved = resolveLocation(url.pathname, url.search);
  const path = resolved.kind === 'redirect' ? resolved.to : url.pathname + url.search;
  const match = matchRoute(url.pathname, url.search);
  return match.name === 'not-found' || isPublicRoute(match) ? null : path;
}

/** Puts raw (already encoded) values into a pattern's `:name` segments, in order. */
function fillPattern(pattern: string, values: Record<string, string | undefined> | readonly string[]): string {
  let index = 0;
  return pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = Array.isArray(values) ? values[index++] : (values as Record<string, string | undefined>)[name];
    return value ?? '';
  });
}

function decodeParams(raw: Record<string, string | undefined> | null): Record<string, string> | null {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (/^\d+$/.test(name) || value === undefined) continue;
    try {
      params[name] = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return params;
}

function searchOf(query: QueryInit | undefined): string {
  const search =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query ?? {}).flatMap(([key, value]) =>
            value === null || value === undefined || value === '' ? [] : [[key, String(value)]],
          ),
        );
  const text = search.toString();
  return text ? `?${text}` : '';
}
