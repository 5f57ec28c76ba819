import { Suspense } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useRouter } from '../router/router';
import type { Route } from '../router/routes';
import type { Session } from '../session/session-context';
import { Loading } from '../shared/loading';
import { NotFoundScene } from './not-found-scene';
import { sceneLoader, type SceneLoader } from './scene-loader';

// Every scene is its own chunk: the first page load only fetches the shell and one scene. A
// loaded scene renders at once (see scene-loader.ts for why not React.lazy).
const sceneModules = {
  overview: sceneLoader(() => import('../scenes/overview/overview-scene').then((m) => m.OverviewScene)),
  findings: sceneLoader(() => import('../scenes/findings/findings-scene').then((m) => m.FindingsScene)),
  handbook: sceneLoader(() => import('../scenes/handbook/handbook-scene').then((m) => m.HandbookScene)),
  search: sceneLoader(() => import('../scenes/search/search-scene').then((m) => m.SearchScene)),
  procedure: sceneLoader(() => import('../scenes/procedure/procedure-scene').then((m) => m.ProcedureScene)),
  approval: sceneLoader(() => import('../scenes/approval/approval-scene').then((m) => m.ApprovalScene)),
  tasks: sceneLoader(() => import('../scenes/tasks/tasks-scene').then((m) => m.TasksScene)),
  'new-procedure': sceneLoader(() =>
    import('../scenes/new-procedure/new-procedure-scene').then((m) => m.NewProcedureScene),
  ),
  competences: sceneLoader(() => import('../scenes/competences/competences-scene').then((m) => m.CompetencesScene)),
  audit: sceneLoader(() => import('../scenes/audit/audit-scene').then((m) => m.AuditScene)),
  'audit-detail': sceneLoader(() => import('../scenes/audit/audit-detail-scene').then((m) => m.AuditDetailScene)),
  actions: sceneLoader(() => import('../scenes/actions/actions-scene').then((m) => m.ActionsScene)),
  action: sceneLoader(() => import('../scenes/actions/action-scene').then((m) => m.ActionScene)),
  evaluation: sceneLoader(() => import('../scenes/evaluation/evaluation-scene').then((m) => m.EvaluationScene)),
  'year-wheel': sceneLoader(() => import('../scenes/year-wheel/year-wheel-scene').then((m) => m.YearWheelScene)),
  // The Adaptive Cards renderer comes with this chunk only.
  chat: sceneLoader(() => import('../scenes/chat/chat-scene').then((m) => m.ChatScene)),
} satisfies Partial<Record<Route['name'], Pick<SceneLoader<never>, 'preload'>>>;

/**
 * Starts downloading the scene of a route before the session is ready (main.tsx calls it at
 * start-up), so its chunk arrives in parallel with the first API requests instead of after them.
 * The outlet below renders the same loader's scene, which is then there already.
 */
export function preloadScene(route: Route): void {
  if (route.name in sceneModules)
    void sceneModules[route.name as keyof typeof sceneModules].preload().catch(() => undefined);
}

const OverviewScene = sceneModules['overview'].Scene;
const FindingsScene = sceneModules['findings'].Scene;
const HandbookScene = sceneModules['handbook'].Scene;
const SearchScene = sceneModules['search'].Scene;
const ProcedureScene = sceneModules['procedure'].Scene;
const ApprovalScene = sceneModules['approval'].Scene;
const TasksScene = sceneModules['tasks'].Scene;
const NewProcedureScene = sceneModules['new-procedure'].Scene;
const CompetencesScene = sceneModules['competences'].Scene;
const AuditScene = sceneModules['audit'].Scene;
const AuditDetailScene = sceneModules['audit-detail'].Scene;
const ActionsScene = sceneModules['actions'].Scene;
const ActionScene = sceneModules['action'].Scene;
const EvaluationScene = sceneModules['evaluation'].Scene;
const YearWheelScene = sceneModules['year-wheel'].Scene;
const ChatScene = sceneModules['chat'].Scene;

export function SceneOutlet(props: { session: Session }) {
  const { route } = useRouter();
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading label={t('app.loading')} />}>
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
      {route.name === 'new-procedure' ? <NewProcedureScene session={props.session} /> : null}
      {route.name === 'chat' ? <ChatScene session={props.session} /> : null}
      {route.name === 'not-found' ? <NotFoundScene /> : null}
    </Suspense>
  );
}
