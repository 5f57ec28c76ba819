import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, kept current as the window (or the Teams panel) resizes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      if (typeof window.matchMedia !== 'function') return () => undefined;
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => typeof window.matchMedia === 'function' && window.matchMedia(query).matches,
  );
}

/** The Teams side panel and phones: one column, filters in a drawer, rows as cards. */
export const narrowQuery = '(max-width: 640px)';
