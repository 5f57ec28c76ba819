import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { locales } from '../../../functions/src/core/locale';
import { namespaceOf } from '../../../scripts/split-tab-texts';
import { tabTextsIn } from './danish-texts';
import { allTabTexts } from './resources/all-tab-texts.generated';
import { tabNamespaces } from './resources/tab-texts.generated';
import { sceneNamespaces } from './tab-i18n';

describe('the tab texts', () => {
  it.each(tabNamespaces)('%s has exactly the Danish keys in nb and en', (namespace) => {
    const keys = (locale: (typeof locales)[number]) => Object.keys(allTabTexts[locale][namespace]).sort();
    expect(keys('nb')).toEqual(keys('da'));
    expect(keys('en')).toEqual(keys('da'));
  });

  it.each([
    ['da', 1, '1 advarsel'],
    ['da', 2, '2 advarsler'],
    ['da', 0, '0 advarsler'],
    ['nb', 1, '1 advarsel'],
    ['nb', 3, '3 advarsler'],
    ['en', 1, '1 warning'],
    ['en', 2, '2 warnings'],
  ] as const)('chooses the %s plural form for %d', (locale, count, expected) => {
    expect(tabTextsIn(locale)('audit.warningCount', { count })).toBe(expected);
  });

  it('fills placeholders beside a plural and names a key it lacks', () => {
    expect(tabTextsIn('da')('audit.reason.majors', { count: 1, year: 2025 })).toBe('1 større afvigelse siden 2025');
    expect(tabTextsIn('nb')('audit.reason.majors', { count: 2, year: 2025 })).toBe('2 større avvik siden 2025');
    expect(tabTextsIn('da')('yearWheel.generated', {})).toBe('Årshjulet er opdateret: {{created}} og {{updated}}.');
    expect(tabTextsIn('en')('no.such.key' as never)).toBe('no.such.key');
  });

  it.each(locales)('%s has no "(er)"-style plurals: each count says its own form', (locale) => {
    const texts = Object.values(allTabTexts[locale]).flatMap((namespace) => Object.entries(namespace));
    expect(texts.filter(([, text]) => /\w\((?:e|er|r|s|ies|ne|en)\)/.test(text))).toEqual([]);
  });
});

describe('the namespaces each scene loads', () => {
  const source = fileURLToPath(new URL('..', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return files(path);
      return /\.tsx?$/.test(name) && !name.includes('.test.') ? [path] : [];
    });
  /** Keys written literally (or up to a `${…}`) in t('…') calls and key tables. */
  const keysIn = (file: string) =>
    [...readFileSync(file, 'utf8').matchAll(/['`]([a-z][A-Za-z]*\.[-A-Za-z0-9.]+)(?:\$\{|['`])/g)].map(
      (match) => match[1]!,
    );
  const prefixes = new Set(
    Object.keys(allTabTexts.da).length
      ? Object.values(allTabTexts.da).flatMap((ns) => Object.keys(ns).map((key) => key.split('.')[0]!))
      : [],
  );
  const sceneRoutes: Record<string, readonly (keyof typeof sceneNamespaces)[]> = {
    overview: ['overview'],
    handbook: ['handbook'],
    findings: ['findings'],
    procedure: ['procedure'],
    approval: ['approval'],
    tasks: ['tasks'],
    'new-procedure': ['newProcedure'],
    competences: ['competences'],
    audit: ['audit', 'auditDetail'],
    actions: ['actions', 'action'],
    evaluation: ['evaluation'],
    'year-wheel': ['yearWheel'],
    chat: ['chat'],
    configure: ['configure'],
    privacy: ['privacy'],
    terms: ['terms'],
  };

  it.each(Object.entries(sceneRoutes))('scenes/%s finds its keys in its namespaces', (dir, routes) => {
    const problems: string[] = [];
    for (const file of files(join(source, 'scenes', dir))) {
      for (const key of keysIn(file)) {
        if (!prefixes.has(key.split('.')[0]!)) continue;
        const namespace = namespaceOf(key.replace(/\.$/, ''));
        for (const route of routes) {
          if (namespace !== 'common' && !sceneNamespaces[route]?.includes(namespace as never))
            problems.push(`${route}: ${key} (${namespace})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('shell and shared components use common texts only, or their scene loads them', () => {
    const allowed: Record<string, string[]> = { 'procedure-form': ['procedure'] };
    const problems: string[] = [];
    for (const dir of ['app', 'shared', 'router']) {
      for (const file of files(join(source, dir))) {
        for (const key of keysIn(file)) {
          if (!prefixes.has(key.split('.')[0]!)) continue;
          const namespace = namespaceOf(key.replace(/\.$/, ''));
          const exception = Object.entries(allowed).some(
            ([part, namespaces]) => file.includes(part) && namespaces.includes(namespace),
          );
          if (namespace !== 'common' && !exception) problems.push(`${file}: ${key} (${namespace})`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
