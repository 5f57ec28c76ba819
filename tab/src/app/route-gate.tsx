import type { ReactNode } from 'react';
import { useRouter } from '../router/router';
import { isPublicRoute } from '../router/routes';
import type { TeamsHost } from '../teams/teams-host';
import { PublicShell } from './public-shell';

/**
 * Public pages render at once; every other route renders `children` (the session, which signs
 * in first). The session is not mounted on a public page, so it asks the API nothing.
 */
export function RouteGate(props: { teams: TeamsHost | null; children: ReactNode }) {
  const { route } = useRouter();
  return isPublicRoute(route) ? <PublicShell route={route} teams={props.teams} /> : props.children;
}
