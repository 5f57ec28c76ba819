import {
  QueryClient,
  keepPreviousData,
  useMutation,
  useQuery,
  type QueryKey,
  type UseMutationResult,
} from '@tanstack/react-query';
import { asApiRequestError, type ApiRequestError } from './api-error';
import type { ApiRouteTypes } from './routes.generated';
import type { RouteName, RouteResponse } from './typed-client';

// Every query and mutation fails with the app's one error type, so scenes render it with ErrorAlert.
declare module '@tanstack/react-query' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- module augmentation needs an interface
  interface Register {
    defaultError: ApiRequestError;
  }
}

/** How many times a read is tried again after a network failure or a 503; never after a 4xx. */
const maxRetries = 2;

/** Only failures that may pass by themselves are retried: no answer at all, or 503 (the service is busy). */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= maxRetries) return false;
  const apiError = asApiRequestError(error);
  return apiError.code === 'NETWORK' || apiError.status === 503;
}

/**
 * Defaults for a Teams tab: a scene shows what is cached at once and refetches it when it mounts
 * only if it is older than 30 s (every write goes through useApiMutation or ActionDialog and
 * invalidates the reads it changes, so within that window the cache is not out of date because of
 * this user's own writes), a focus change does not refetch (Teams moves focus between its frames
 * all the time), and writes are never repeated by the library.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        gcTime: 5 * 60_000,
        retry: shouldRetry,
        refetchOnWindowFocus: false,
        refetchOnReconnect: true,
        // The last data stays visible while the next key loads, so tables do not flicker.
        placeholderData: keepPreviousData,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The tab's one cache. It lives in a module the scenes import (not in the initial bundle): the
 * hooks below pass it to TanStack Query explicitly, so no provider is needed above the scenes.
 */
export const queryClient = createQueryClient();

/** Forget every cached answer: the next person must not see the previous one's data. */
export function clearQueryCache(): void {
  queryClient.clear();
}

type KeyParts<N extends RouteName> = (ApiRouteTypes[N] extends { params: infer P } ? { params?: Partial<P> } : object) &
  (ApiRouteTypes[N] extends { query: infer Q } ? { query?: Partial<Q> | undefined } : object);

function withoutUndefined(value: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> | undefined {
  if (!value) return undefined;
  const entries = Object.entries(value).filter(([, item]) => item !== undefined);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The cache key of a read: its route name from the typed client, then its params and query
 * (absent values left out). A key with fewer parts is a prefix of the fuller ones, so
 * `queryKeyOf('procedures-get')` invalidates every procedure and
 * `queryKeyOf('procedures-get', { params: { id } })` just one.
 */
export function queryKeyOf<N extends RouteName>(name: N, parts?: KeyParts<N>): QueryKey {
  const source = (parts ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown> };
  const params = withoutUndefined(source.params);
  const query = withoutUndefined(source.query);
  if (!params && !query) return [name];
  return [name, { ...(params ? { params } : {}), ...(query ? { query } : {}) }];
}

export type ApiQuery<T> = {
  data: T | undefined;
  error: ApiRequestError | undefined;
  /** True while the first answer or a newer one is on its way. */
  isLoading: boolean;
  reload(): void;
  /** Put a fresher copy in the cache (e.g. the answer of a write). */
  setData(data: T): void;
};

/** A read through the cache; a null key waits (nothing is asked). */
export function useApiQuery<T>(
  key: QueryKey | null,
  load: (signal: AbortSignal) => Promise<T>,
  options?: { keepPrevious?: boolean; gcTime?: number },
): ApiQuery<T> {
  const activeKey = key ?? ['idle'];
  const query = useQuery(
    {
      queryKey: activeKey,
      queryFn: ({ signal }) => load(signal).catch((error: unknown) => Promise.reject(asApiRequestError(error))),
      enabled: key !== null,
      ...(options?.keepPrevious === false ? { placeholderData: undefined } : {}),
      ...(options?.gcTime !== undefined ? { gcTime: options.gcTime } : {}),
    },
    queryClient,
  );
  return {
    data: key === null ? undefined : query.data,
    error: query.error ?? undefined,
    isLoading: key !== null && query.isFetching,
    reload: () => void query.refetch(),
    setData: (data: T) => queryClient.setQueryData(activeKey, data),
  };
}

/** Mark reads as stale; the mounted ones refetch. */
export function invalidate(...keys: QueryKey[]): Promise<void> {
  return Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey }))).then(() => undefined);
}

/**
 * A write: its error is the app's ApiRequestError, `isPending` disables its button, and after it
 * succeeds the reads it changed (`invalidates`) are refetched.
 */
export function useApiMutation<TInput, TResult>(options: {
  run: (input: TInput) => Promise<TResult>;
  invalidates?: (result: TResult, input: TInput) => QueryKey[];
  onSuccess?: (result: TResult, input: TInput) => void;
  onError?: (error: ApiRequestError, input: TInput) => void;
}): UseMutationResult<TResult, ApiRequestError, TInput> {
  return useMutation(
    {
      mutationFn: (input: TInput) =>
        options.run(input).catch((error: unknown) => Promise.reject(asApiRequestError(error))),
      onError: (error, input) => options.onError?.(error, input),
      onSuccess: async (result, input) => {
        options.onSuccess?.(result, input);
        await invalidate(...(options.invalidates?.(result, input) ?? []));
      },
    },
    queryClient,
  );
}

/** The reads a change to one procedure (a write, an approval, an acknowledgement) can change. */
export function readsOfProcedure(procedureId: string): QueryKey[] {
  const params = { params: { id: procedureId } };
  return [
    queryKeyOf('procedures-get', params),
    queryKeyOf('acknowledgements-report', params),
    queryKeyOf('procedure-competences', params),
    queryKeyOf('procedures-list'),
    queryKeyOf('search'),
    queryKeyOf('my-tasks'),
    queryKeyOf('overview'),
  ];
}

/** A write answered with the procedure's new detail: cache it, and refetch the reads it changes. */
export function procedureChanged(detail: RouteResponse<'procedures-get'>): void {
  const [own, ...others] = readsOfProcedure(detail.id);
  if (own) queryClient.setQueryData(own, detail);
  void invalidate(...others);
}
