import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiRequestError, type ApiRequestError } from '../api/api-error';

export type AsyncResult<T> = {
  data: T | undefined;
  error: ApiRequestError | undefined;
  isLoading: boolean;
  reload(): void;
  /** Replace the data with a fresher copy (e.g. the response of a write). */
  setData(data: T): void;
};

/**
 * Loads data for a key; a new key aborts the previous request. The last data stays visible while
 * the next loads, so tables do not flicker when a filter changes.
 */
export function useAsync<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): AsyncResult<T> {
  const loadRef = useRef(load);
  loadRef.current = load;
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiRequestError | undefined>(undefined);
  const [isLoading, setIsLoading] = useState(key !== null);
  const [reloadCount, setReloadCount] = useState(0);

  useEffect(() => {
    if (key === null) {
      setIsLoading(false);
      return;
    }
    const controller = new AbortController();
    setIsLoading(true);
    setError(undefined);
    loadRef.current(controller.signal).then(
      (result) => {
        if (controller.signal.aborted) return;
        setData(result);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        setError(asApiRequestError(failure));
        setIsLoading(false);
      },
    );
    return () => controller.abort();
  }, [key, reloadCount]);

  const reload = useCallback(() => setReloadCount((count) => count + 1), []);
  return { data, error, isLoading, reload, setData };
}
