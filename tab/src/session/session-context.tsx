import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Api } from '../api/api';
import { asApiRequestError, type ApiRequestError } from '../api/api-error';
import type { MeDto, PersonDto, UnitDto } from '../api/contract';
import { chooseDefaultPerson } from './choose-default-person';
import type { Identity, LocalUserRef } from './identity';
import { readStoredLocalUser, storeLocalUser } from './local-user-storage';

export type Session = {
  me: MeDto;
  people: PersonDto[];
  units: UnitDto[];
  /** Bumped when the user changes, so scenes remount and reload their data. */
  generation: number;
  switchUser(personId: string): void;
};

type SessionState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiRequestError }
  | { status: 'ready'; me: MeDto; people: PersonDto[]; units: UnitDto[] };

const SessionContext = createContext<Session | null>(null);

function isIdentityProblem(error: ApiRequestError): boolean {
  return error.code === 'UNAUTHENTICATED' || error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN';
}

/**
 * Who am I? In production the token says so: ask /api/me. In local mode, with a remembered demo
 * person, ask as them; without one (or when the remembered one no longer exists) the tab signs in
 * as the default person from /api/people. It does not ask /api/me without a person first: local
 * mode always answers that with 401, which the browser logs as a console error on a first visit.
 */
async function resolveMe(api: Api, identity: Identity, localUser: LocalUserRef): Promise<MeDto> {
  if ((await identity.mode()) === 'production') return api.getMe();
  if (localUser.current) {
    try {
      return await api.getMe();
    } catch (error) {
      const apiError = asApiRequestError(error);
      if (!isIdentityProblem(apiError)) throw apiError;
      localUser.current = null;
      storeLocalUser(null);
    }
  }
  const person = chooseDefaultPerson(await api.listPeople());
  if (!person) throw asApiRequestError(new Error('No people to sign in as'));
  localUser.current = person.id;
  storeLocalUser(person.id);
  return api.getMe();
}

export function SessionProvider(props: {
  api: Api;
  identity: Identity;
  localUser: LocalUserRef;
  children: (state: SessionView) => ReactNode;
}) {
  const { api, identity, localUser } = props;
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadCount = useRef(0);

  const load = useCallback(
    async (options?: { isUserSwitch?: boolean }) => {
      const load = ++loadCount.current;
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'loading' }));
      try {
        const me = await resolveMe(api, identity, localUser);
        const [people, units] = await Promise.all([api.listPeople(), api.listUnits()]);
        if (load !== loadCount.current) return;
        if (me.mode === 'local') {
          localUser.current = me.person.id;
          storeLocalUser(me.person.id);
        }
        if (options?.isUserSwitch) {
          // The cache lives with the scenes (a lazy chunk): the next person must not see its answers.
          const { clearQueryCache } = await import('../api/query-client');
          if (load !== loadCount.current) return;
          clearQueryCache();
        }
        setState({ status: 'ready', me, people, units });
        if (options?.isUserSwitch) setGeneration((value) => value + 1);
      } catch (error) {
        if (load !== loadCount.current) return;
        setState({ status: 'failed', error: asApiRequestError(error) });
      }
    },
    [api, identity, localUser],
  );

  useEffect(() => {
    localUser.current ??= readStoredLocalUser();
    void load();
  }, [load, localUser]);

  const switchUser = useCallback(
    (personId: string) => {
      localUser.current = personId;
      storeLocalUser(personId);
      void load({ isUserSwitch: true });
    },
    [load, localUser],
  );

  const session = useMemo<Session | null>(
    () =>
      state.status === 'ready'
        ? { me: state.me, people: state.people, units: state.units, generation, switchUser }
        : null,
    [state, generation, switchUser],
  );

  const view: SessionView =
    state.status === 'ready' && session
      ? { status: 'ready', session }
      : state.status === 'failed'
        ? { status: 'failed', error: state.error, retry: () => void load() }
        : { status: 'loading' };

  return <SessionContext.Provider value={session}>{props.children(view)}</SessionContext.Provider>;
}

export type SessionView =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiRequestError; retry(): void }
  | { status: 'ready'; session: Session };

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession before the session is ready');
  return session;
}
