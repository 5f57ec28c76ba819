import { webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * Outside Teams the tab follows the browser's colour-scheme preference, live. Inside Teams the
 * Teams theme decides (teams-themes.ts, with Teams' theme-change handler).
 */
const darkQuery = '(prefers-color-scheme: dark)';

export function browserPrefersDark(win: Pick<Window, 'matchMedia'> | undefined = globalThis.window): boolean {
  return typeof win?.matchMedia === 'function' && win.matchMedia(darkQuery).matches;
}

/** The Fluent theme for the browser's preference; the dark one is loaded when first asked for. */
export async function themeForBrowser(prefersDark: boolean): Promise<Theme> {
  if (!prefersDark) return webLightTheme;
  const { webDarkTheme } = await import('./dark-theme');
  return webDarkTheme;
}

/** Calls back with the new preference whenever the browser's colour scheme changes; returns the unsubscribe. */
export function onBrowserSchemeChange(handler: (prefersDark: boolean) => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(darkQuery);
  const listener = (event: MediaQueryListEvent) => handler(event.matches);
  query.addEventListener('change', listener);
  return () => query.removeEventListener('change', listener);
}

/** Whether a theme is dark: its page background is darker than mid-grey. */
export function isDarkTheme(theme: Theme): boolean {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(theme.colorNeutralBackground1.trim());
  if (!match) return false;
  const [r, g, b] = [match[1], match[2], match[3]].map((hex) => parseInt(hex!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
