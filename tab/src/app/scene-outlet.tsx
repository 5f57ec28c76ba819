import { Suspense } from 'react';
import { SceneTexts, useI18n } from '../i18n/i18n-context';
import { useResolvedLocation } from '../router/navigation';
import type { Session } from '../session/session-context';
import { Loading } from '../shared/loading';
import { NotFoundScene } from './not-found-scene';

/** The signed-in scene of the current location (each its own chunk), or "not found". */
export function SceneOutlet(props: { session: Session }) {
  const location = useResolvedLocation();
  const { t } = useI18n();
  if (location.kind !== 'scene' || location.scene.access !== 'signed-in' || !location.scene.canSee(props.session.me))
    return <NotFoundScene />;
  const { scene, params, query } = location;
  // Another scene or another record (its path parameters) mounts afresh; `key` adds what else does.
  const sceneKey = [location.name, ...Object.values(params), scene.key?.({ params, query }) ?? ''].join('\u0000');
  return (
    <Suspense key={sceneKey} fallback={<Loading label={t('app.loading')} />}>
      {/* The scene's texts (i18n/tab-i18n.ts) load beside its chunk; the scene renders when both are here. */}
      <SceneTexts route={location.name}>{scene.render({ params, query, session: props.session })}</SceneTexts>
    </Suspense>
  );
}
