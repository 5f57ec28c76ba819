import { useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { Router, useLocation, type AroundNavHandler } from 'wouter';
import { usePathname, useSearch } from 'wouter/use-browser-location';
import { resolveLocation, type Resolved } from './routes';

/**
 * `replace` rewrites the current history entry (filters, search-as-you-type); `keepFocus` leaves
 * focus where it is instead of moving it to the new page's heading.
 */
export type NavigateOptions = { replace?: boolean; keepFocus?: boolean };
export type Navigate = (to: string, options?: NavigateOptions) => void;

// Counts the navigations that move focus to the new page's heading (PageHeading reads it):
// pushes without `keepFocus`, and Back/Forward.
let pageVisits = 0;
const listeners = new Set<() => void>();
const notePageVisit = () => {
  pageVisits += 1;
  for (const listener of listeners) listener();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) window.addEventListener('popstate', notePageVisit);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) window.removeEventListener('popstate', notePageVisit);
  };
}

export function usePageVisits(): number {
  return useSyncExternalStore(subscribe, () => pageVisits);
}

// Every navigation (navigate, wouter's Link and Redirect) passes here.
const aroundNav: AroundNavHandler = (navigate, to, options) => {
  if (to === window.location.pathname + window.location.search) return;
  navigate(to, options);
  const { replace, keepFocus } = (options ?? {}) as NavigateOptions;
  if (replace || keepFocus) return;
  window.scrollTo(0, 0);
  notePageVisit();
};

/** wouter's router on the History API: the URL is the only state. */
export function AppRouter(props: { children: ReactNode }) {
  return <Router aroundNav={aroundNav}>{props.children}</Router>;
}

export function useNavigate(): Navigate {
  return useLocation()[1] as Navigate;
}

/**
 * What the current location shows. Reads the raw (percent-encoded) path, not wouter's decoded
 * one, so an id with "%" or "/" in it comes out as it went in.
 */
export function useResolvedLocation(): Resolved {
  const pathname = usePathname();
  const search = useSearch();
  return useMemo(() => resolveLocation(pathname, search), [pathname, search]);
}
