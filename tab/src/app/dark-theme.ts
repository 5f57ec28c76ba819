/** The browser's dark theme, a chunk of its own: most visits are light and never fetch it (issue 12). */
export { webDarkTheme } from '@fluentui/react-components';
