// @vitest-environment jsdom
import { act, createElement, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppRouter, useNavigate, usePageVisits, useResolvedLocation, type Navigate } from './navigation';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
let container: HTMLElement | undefined;

beforeEach(() => {
  window.history.replaceState(null, '', '/handbook');
  window.scrollTo = vi.fn();
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

/** Renders the router with a probe that reports what a scene would see. */
function renderProbe() {
  const seen: { navigate?: Navigate; visits: number; where: string } = { visits: 0, where: '' };
  function Probe(): ReactNode {
    seen.navigate = useNavigate();
    seen.visits = usePageVisits();
    const location = useResolvedLocation();
    seen.where = location.kind === 'scene' ? location.name : location.kind;
    return null;
  }
  container = document.body.appendChild(document.createElement('div'));
  root = createRoot(container);
  act(() => root?.render(createElement(AppRouter, { children: createElement(Probe) })));
  const go = (to: string, options?: Parameters<Navigate>[1]) => act(() => seen.navigate?.(to, options));
  return { seen, go };
}

describe('navigation: history, focus and scroll', () => {
  it('pushes a new page, counts it as a visit (the heading takes focus) and scrolls to the top', () => {
    const { seen, go } = renderProbe();
    const before = seen.visits;
    const length = window.history.length;
    go('/actions?view=overdue');
    expect(window.location.pathname + window.location.search).toBe('/actions?view=overdue');
    expect(window.history.length).toBe(length + 1);
    expect(seen.where).toBe('actions');
    expect(seen.visits).toBe(before + 1);
    expect(window.scrollTo).toHaveBeenCalledWith(0, 0);
  });

  it('replaces for filters and leaves focus and scroll alone, as it does with keepFocus', () => {
    const { seen, go } = renderProbe();
    const before = seen.visits;
    const length = window.history.length;
    go('/handbook?level=core', { replace: true });
    expect(window.location.search).toBe('?level=core');
    expect(window.history.length).toBe(length);
    go('/procedures/K-16?version=v2', { keepFocus: true });
    expect(seen.where).toBe('procedure');
    expect(seen.visits).toBe(before);
    expect(window.scrollTo).not.toHaveBeenCalled();
  });

  it('does nothing for the page already shown', () => {
    const { seen, go } = renderProbe();
    const before = seen.visits;
    const length = window.history.length;
    go('/handbook');
    expect(window.history.length).toBe(length);
    expect(seen.visits).toBe(before);
  });

  it('counts Back and Forward as visits', () => {
    const { seen } = renderProbe();
    const before = seen.visits;
    act(() => window.dispatchEvent(new PopStateEvent('popstate')));
    expect(seen.visits).toBe(before + 1);
  });

  it('sees an old path as a redirect', () => {
    const { seen, go } = renderProbe();
    go('/aarshjul?year=2026');
    expect(seen.where).toBe('redirect');
  });
});
