import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useRouter } from '../router/router';
import type { Session } from '../session/session-context';
import { Loading } from '../shared/loading';
import { NotFoundScene } from './not-found-scene';

// Every scene is its own chunk: the first page load only fetches the shell and one scene.
const OverviewScene = lazy(() =>
  import('../scenes/overview/overview-scene').then((m) => ({ default: m.OverviewScene })),
);
const FindingsScene = lazy(() =>
  import('../scenes/findings/findings-scene').then((m) => ({ default: m.FindingsScene })),
);
const HandbookScene = lazy(() =>
  import('../scenes/handbook/handbook-scene').then((m) => ({ default: m.HandbookScene })),
);
const SearchScene = lazy(() => import('../scenes/search/search-scene').then((m) => ({ default: m.SearchScene })));
const ProcedureScene = lazy(() =>
  import('../scenes/procedure/procedure-scene').then((m) => ({ default: m.ProcedureScene })),
);
const ApprovalScene = lazy(() =>
  import('../scenes/approval/approval-scene').then((m) => ({ default: m.ApprovalScene })),
);
const TasksScene = lazy(() => import('../scenes/tasks/tasks-scene').then((m) => ({ default: m.TasksScene })));
const NewProcedureScene = lazy(() =>
  import('../scenes/new-procedure/new-procedure-scene').then((m) => ({ default: m.NewProcedureScene })),
);
const CompetencesScene = lazy(() =>
  import('../scenes/competences/competences-scene').then((m) => ({ default: m.CompetencesScene })),
);
const AuditScene = lazy(() => import('../scenes/audit/audit-scene').then((m) => ({ default: m.AuditScene })));
const AuditDetailScene = lazy(() =>
  import('../scenes/audit/audit-detail-scene').then((m) => ({ default: m.AuditDetailScene })),
);
const ActionsScene = lazy(() => import('../scenes/actions/actions-scene').then((m) => ({ default: m.ActionsScene })));
const ActionScene = lazy(() => import('../scenes/actions/action-scene').then((m) => ({ default: m.ActionScene })));
const EvaluationScene = lazy(() =>
  import('../scenes/evaluation/evaluation-scene').then((m) => ({ default: m.EvaluationScene })),
);
const YearWheelScene = lazy(() =>
  import('../scenes/year-wheel/year-wheel-scene').then((m) => ({ default: m.YearWheelScene })),
);
// The Adaptive Cards renderer comes with this chunk only.
const ChatScene = lazy(() => import('../scenes/chat/chat-scene').then((m) => ({ default: m.ChatScene })));

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
