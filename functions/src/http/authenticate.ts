import type { HttpRequest } from '@azure/functions';
import type { Services } from '../app/ports.js';
import { AppError } from '../core/errors.js';
import type { Actor } from '../core/policies.js';

export type Authenticate = (request: HttpRequest) => Promise<Actor>;

export const localUserHeader = 'x-local-user';

/**
 * Local mode only: the tab's "Log ind som" picker sends the chosen demo person's id. GET file
 * downloads (plain links) may carry it as `?as=`. This authenticator is never built in
 * production mode (see hosts), where Entra tokens are required.
 */
export function localAuthenticator(services: Services): Authenticate {
  return async (request) => {
    const personId =
      request.headers.get(localUserHeader) ?? (request.method === 'GET' ? request.query.get('as') : null);
    if (!personId) throw new AppError('UNAUTHENTICATED', `Choose a person: send the ${localUserHeader} header.`);
    const person = await services.store.getPerson(personId);
    if (!person) throw new AppError('UNAUTHENTICATED', `No demo person with id ${personId}.`);
    return { id: person.id, unitId: person.unitId, roles: person.roles };
  };
}
