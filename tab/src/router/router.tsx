import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { matchRoute, type Route } from './routes';

type Location = { pathname: string; search: string };

/**
 * `replace` rewrites the current history entry (filters, search-as-you-type); `keepFocus` leaves
 * focus where it is instead of moving it to the new page's heading.
 */
export type Navigate = (to: string, options?: { replace?: boolean; keepFocus?: boolean }) => void;

type RouterValue = { location: Location; route: Route; navigate: Navigate; navigationCount: number };

const RouterContext = createContext<RouterValue | null>(null);

function readLocation(): Location {
  return { pathname: window.location.pathname, search: window.location.search };
}

/** A tiny router on the History API: the URL is the only state, `navigate` pushes or replaces. */
export function RouterProvider(props: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(readLocation);
  const [navigationCount, setNavigationCount] = useState(0);

  useEffect(() => {
    const onPopState = () => {
      setLocation(readLocation());
      setNavigationCount((count) => count + 1);
    };
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback<Navigate>((to, options) => {
    const current = window.location.pathname + window.location.search;
    if (to === current) return;
    if (options?.replace) window.history.replaceState(null, '', to);
    else window.history.pushState(null, '', to);
    setLocation(readLocation());
    if (!options?.replace && !options?.keepFocus) {
      setNavigationCount((count) => count + 1);
      window.scrollTo(0, 0);
    }
  }, []);

  const value = useMemo<RouterValue>(
    () => ({ location, route: matchRoute(location.pathname, location.search), navigate, navigationCount }),
    [location, navigate, navigationCount],
  );
  return <RouterContext.Provider value={value}>{props.children}</RouterContext.Provider>;
}

export function useRouter(): RouterValue {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
}

/** Click handler for anchors: plain left clicks navigate in-app; modified clicks open as usual. */
export function useLinkClick(href: string): (event: MouseEvent<HTMLElement>) => void {
  const { navigate } = useRouter();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      event.preventDefault();
      navigate(href);
    },
    [href, navigate],
  );
}
