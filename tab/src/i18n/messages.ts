import type { da } from './da';

/** Every catalogue must have exactly the keys of the Danish source catalogue. */
export type MessageKey = keyof typeof da;
export type Messages = { readonly [Key in MessageKey]: string };

export type UiLocale = 'da' | 'nb' | 'en';
export const uiLocales: readonly UiLocale[] = ['da', 'nb', 'en'];

export type MessageValues = Readonly<Record<string, string | number>>;

/** Fills {placeholders}; an unknown placeholder is left visible so a missing value is noticed. */
export function fillTemplate(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : String(value);
  });
}
