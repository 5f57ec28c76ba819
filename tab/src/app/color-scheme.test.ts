import {
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { browserPrefersDark, isDarkTheme, themeForBrowser } from './color-scheme';

describe('the browser colour scheme', () => {
  const windowPreferring = (dark: boolean) => ({
    matchMedia: (query: string) => ({ matches: dark && query === '(prefers-color-scheme: dark)' }) as MediaQueryList,
  });

  it('follows prefers-color-scheme', async () => {
    expect(browserPrefersDark(windowPreferring(true))).toBe(true);
    expect(browserPrefersDark(windowPreferring(false))).toBe(false);
    await expect(themeForBrowser(true)).resolves.toBe(webDarkTheme);
    await expect(themeForBrowser(false)).resolves.toBe(webLightTheme);
  });

  it('tells dark themes from light ones (for the page’s color-scheme)', () => {
    expect(isDarkTheme(webDarkTheme)).toBe(true);
    expect(isDarkTheme(teamsDarkTheme)).toBe(true);
    expect(isDarkTheme(teamsHighContrastTheme)).toBe(true);
    expect(isDarkTheme(webLightTheme)).toBe(false);
    expect(isDarkTheme(teamsLightTheme)).toBe(false);
  });
});
