import type { ReactNode } from 'react';
import { Redirect } from 'wouter';
import { useResolvedLocation } from '../router/navigation';
import type { TeamsHost } from '../teams/teams-host';
import { PublicShell } from './public-shell';

/**
 * A moved path redirects (replacing its history entry); public pages render at once; every
 * other location renders `children` (the session, which signs in first). The session is not
 * mounted on a public page, so it asks the API nothing.
 */
export function RouteGate(props: { teams: TeamsHost | null; children: ReactNode }) {
  const location = useResolvedLocation();
  if (location.kind === 'redirect') return <Redirect to={location.to} replace />;
  if (location.kind === 'scene' && location.scene.access === 'public')
    return (
      <PublicShell scene={location.name}>
        {location.scene.render({ params: location.params, query: location.query, teams: props.teams })}
      </PublicShell>
    );
  return props.children;
}
