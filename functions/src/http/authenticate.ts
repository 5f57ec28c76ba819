import type { HttpRequest } from '@azure/functions';
import type { Services } from '../app/ports.js';
import { AppError } from '../core/errors.js';
import type { Actor } from '../core/policies.js';

export type Authenticate = (request: HttpRequest) => Promise<Actor>;

export const localUserHeader = 'x-local-user';

/**
 * Local mode only: the tab's "Log ind som" picker sends the chosen demo person's id. GET file
 * downloads (plain links) may carry it as `?as=`. Anyone who can reach the port can be anyone,
 * so it refuses to exist outside local mode: the mode is asked for as the literal 'local' (a
 * caller holding a `Config` must narrow it first) and checked again at run time. Production
 * uses `entraAuthenticator`, which reads nothing but the bearer token.
 */
export function localAuthenticator(services: Services, config: { mode: 'local' }): Authenticate {
  if (config.mode !== 'local') throw new Error('The local sign-in picker exists only in APP_MODE=local.');
  return async (request) => {
    const personId =
      request.headers.get(localUserHeader) ?? (request.method === 'GET' ? request.query.get('as') : null);
    if (!personId) throw new AppError('UNAUTHENTICATED', `Choose a person: send the ${localUserHeader} header.`);
    const person = await services.store.getPerson(personId);
    if (!person) throw new AppError('UNAUTHENTICATED', `No demo person with id ${personId}.`);
    return { id: person.id, unitId: person.unitId, roles: person.roles };
  };
}
