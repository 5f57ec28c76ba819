import { lazy, Suspense } from 'react';
import { SceneTexts, useI18n } from '../i18n/i18n-context';
import { useRouter } from '../router/router';
import type { Route } from '../router/routes';
import type { Session } from '../session/session-context';
import { Loading } from '../shared/loading';
import { NotFoundScene } from './not-found-scene';

// Every scene is its own chunk: the first page load only fetches the shell and one scene.
const sceneModules = {
  overview: () => import('../scenes/overview/overview-scene'),
  findings: () => import('../scenes/findings/findings-scene'),
  handbook: () => import('../scenes/handbook/handbook-scene'),
  search: () => import('../scenes/search/search-scene'),
  procedure: () => import('../scenes/procedure/procedure-scene'),
  approval: () => import('../scenes/approval/approval-scene'),
  tasks: () => import('../scenes/tasks/tasks-scene'),
  'new-procedure': () => import('../scenes/new-procedure/new-procedure-scene'),
  competences: () => import('../scenes/competences/competences-scene'),
  audit: () => import('../scenes/audit/audit-scene'),
  'audit-detail': () => import('../scenes/audit/audit-detail-scene'),
  actions: () => import('../scenes/actions/actions-scene'),
  action: () => import('../scenes/actions/action-scene'),
  evaluation: () => import('../scenes/evaluation/evaluation-scene'),
  'year-wheel': () => import('../scenes/year-wheel/year-wheel-scene'),
  // @fluentui/react-charts comes with this chunk only.
  surveys: () => import('../scenes/surveys/surveys-scene'),
  // The Adaptive Cards renderer comes with this chunk only.
  chat: () => import('../scenes/chat/chat-scene'),
} satisfies Partial<Record<Route['name'], () => Promise<unknown>>>;

/**
 * Starts downloading the scene of a route before the session is ready (main.tsx calls it at
 * start-up), so its chunk arrives in parallel with the first API requests instead of after them.
 * React.lazy below uses the same import, which the browser loads only once.
 */
export function preloadScene(route: Route): void {
  if (route.name in sceneModules) void sceneModules[route.name as keyof typeof sceneModules]().catch(() => undefined);
}

const OverviewScene = lazy(() => sceneModules['overview']().then((m) => ({ default: m.OverviewScene })));
const FindingsScene = lazy(() => sceneModules['findings']().then((m) => ({ default: m.FindingsScene })));
const HandbookScene = lazy(() => sceneModules['handbook']().then((m) => ({ default: m.HandbookScene })));
const SearchScene = lazy(() => sceneModules['search']().then((m) => ({ default: m.SearchScene })));
const ProcedureScene = lazy(() => sceneModules['procedure']().then((m) => ({ default: m.ProcedureScene })));
const ApprovalScene = lazy(() => sceneModules['approval']().then((m) => ({ default: m.ApprovalScene })));
const TasksScene = lazy(() => sceneModules['tasks']().then((m) => ({ default: m.TasksScene })));
const NewProcedureScene = lazy(() => sceneModules['new-procedure']().then((m) => ({ default: m.NewProcedureScene })));
const CompetencesScene = lazy(() => sceneModules['competences']().then((m) => ({ default: m.CompetencesScene })));
const AuditScene = lazy(() => sceneModules['audit']().then((m) => ({ default: m.AuditScene })));
const AuditDetailScene = lazy(() => sceneModules['audit-detail']().then((m) => ({ default: m.AuditDetailScene })));
const ActionsScene = lazy(() => sceneModules['actions']().then((m) => ({ default: m.ActionsScene })));
const ActionScene = lazy(() => sceneModules['action']().then((m) => ({ default: m.ActionScene })));
const EvaluationScene = lazy(() => sceneModules['evaluation']().then((m) => ({ default: m.EvaluationScene })));
const YearWheelScene = lazy(() => sceneModules['year-wheel']().then((m) => ({ default: m.YearWheelScene })));
const SurveysScene = lazy(() => sceneModules['surveys']().then((m) => ({ default: m.SurveysScene })));
const ChatScene = lazy(() => sceneModules['chat']().then((m) => ({ default: m.ChatScene })));

export function SceneOutlet(props: { session: Session }) {
  const { route } = useRouter();
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading label={t('app.loading')} />}>
      {/* The scene's texts (i18n/tab-i18n.ts) load beside its chunk; the scene renders when both are here. */}
      <SceneTexts route={route.name}>
        {route.name === 'overview' ? <OverviewScene query={route.query} /> : null}
        {route.name === 'findings' ? <FindingsScene session={props.session} query={route.query} /> : null}
        {route.name === 'handbook' ? <HandbookScene session={props.session} query={route.query} /> : null}
        {route.name === 'search' ? <SearchScene q={route.q} /> : null}
        {route.name === 'procedure' ? (
          <ProcedureScene session={props.session} procedureId={route.id} query={route.query} />
        ) : null}
        {route.name === 'approval' ? <ApprovalScene key={route.id} procedureId={route.id} /> : null}
        {route.name === 'tasks' ? <TasksScene query={route.query} /> : null}
        {route.name === 'competences' ? (
          <CompetencesScene key={route.unitId ?? ''} session={props.session} unitId={route.unitId} />
        ) : null}
        {route.name === 'audit' ? <AuditScene session={props.session} query={route.query} /> : null}
        {route.name === 'audit-detail' ? <AuditDetailScene session={props.session} auditId={route.id} /> : null}
        {route.name === 'actions' ? <ActionsScene session={props.session} query={route.query} /> : null}
        {route.name === 'action' ? <ActionScene session={props.session} actionId={route.id} /> : null}
        {route.name === 'evaluation' ? <EvaluationScene session={props.session} /> : null}
        {route.name === 'year-wheel' ? <YearWheelScene session={props.session} year={route.year} /> : null}
        {route.name === 'surveys' ? <SurveysScene query={route.query} /> : null}
        {route.name === 'new-procedure' ? <NewProcedureScene session={props.session} /> : null}
        {route.name === 'chat' ? <ChatScene session={props.session} /> : null}
        {route.name === 'not-found' ? <NotFoundScene /> : null}
      </SceneTexts>
    </Suspense>
  );
}
