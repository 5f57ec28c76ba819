/**
 * Splits the tab's catalogues (tab/src/i18n/da.ts, nb.ts, en.ts: one object of flat keys per
 * language) into i18next namespaces, one TypeScript module per namespace and locale under
 * tab/src/i18n/resources/, and writes tab/src/i18n/resources/tab-texts.generated.ts (the
 * namespaces, their loaders and the key type). Run: `npx tsx scripts/split-tab-texts.ts`
 * after editing a catalogue; `--check` (run by `npm run lint`) fails when resources/ is not what
 * the catalogues give. The catalogues are where texts are edited; resources/ is generated.
 *
 * - A key's namespace comes from its prefix (the part before the first "."): `namespaceOfPrefix`
 *   below. A new prefix stops the script until it is given a namespace.
 * - `{name}` placeholders become i18next's `{{name}}`.
 * - An ICU plural (`{count, plural, one {# opgave} other {# opgaver}}`, at most one per text)
 *   becomes the two keys `key_one` and `key_other`, with `#` written `{{count}}`.
 * Re-run it after merging keys others added to the catalogues.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Namespaces of the tab. `common` is in the initial JavaScript; the others load with their scene. */
export const namespaceOfPrefix: Readonly<Record<string, string>> = {
  // In the shell and in shared components of every scene.
  app: 'common',
  nav: 'common',
  header: 'common',
  error: 'common',
  date: 'common',
  picker: 'common',
  filters: 'common',
  search: 'common',
  import: 'common',
  level: 'common',
  levelPlural: 'common',
  role: 'common',
  status: 'common',
  revision: 'common',
  reviewStatus: 'common',
  // Per scene.
  handbook: 'handbook',
  column: 'handbook',
  statusFilter: 'handbook',
  procedure: 'procedure',
  form: 'procedure',
  submit: 'procedure',
  ack: 'procedure',
  action: 'procedure',
  approval: 'procedure',
  approvalView: 'procedure',
  approve: 'procedure',
  reject: 'procedure',
  withdraw: 'procedure',
  edit: 'procedure',
  review: 'procedure',
  reviewDialog: 'procedure',
  trail: 'procedure',
  version: 'procedure',
  new: 'procedure',
  procedureCompetences: 'procedure',
  audit: 'audit',
  findings: 'audit',
  actions: 'actions',
  actionDetail: 'actions',
  competences: 'competences',
  evaluation: 'evaluation',
  yearWheel: 'yearWheel',
  overview: 'overview',
  tasks: 'tasks',
  chat: 'chat',
  privacy: 'pages',
  terms: 'pages',
  configure: 'pages',
  fokus: 'fokus',
  yearlyReport: 'yearlyReport',
  coverage: 'fokus',
  goals: 'goals',
  policy: 'goals',
  surveys: 'surveys',
  access: 'access',
  register: 'register',
};

/** Keys of a scene's prefix that shared components of every scene use. */
export const namespaceOfKey: Readonly<Record<string, string>> = {
  'procedure.notScheduled': 'common',
  'action.reload': 'common',
  'form.choosePerson': 'common',
  // The audit scene links to FOKUS and the coverage matrix with their own names.
  'fokus.nav': 'common',
  'coverage.nav': 'common',
  // The shared form layer's validation messages (tab/src/shared/form/form-message.ts).
  'form.required': 'common',
  'form.tooShort': 'common',
  'form.tooFew': 'common',
  'form.tooSmall': 'common',
  'form.tooLong': 'common',
  'form.tooMany': 'common',
  'form.tooLarge': 'common',
  'form.wholeNumber': 'common',
  'form.invalid': 'common',
  'form.invalidFormat': 'common',
  'form.invalidChoice': 'common',
};

const locales = ['da', 'nb', 'en'] as const;
type Locale = (typeof locales)[number];
type Catalogue = Readonly<Record<string, string>>;

const pluralPattern = /\{(\w+), plural,\s*one \{([^{}]*)\}\s*other \{([^{}]*)\}\s*\}/g;

/**
 * One catalogue entry as i18next keys: itself, or its `_one` and `_other` forms. `plural` when
 * another language has a plural for the key: then this one has both forms too (the same text),
 * so every language has the same keys.
 */
export function toI18next(key: string, text: string, plural = false): [string, string][] {
  const placeholders = (value: string) => value.replace(/\{(\w+)\}/g, '{{$1}}');
  const plurals = [...text.matchAll(pluralPattern)];
  if (plurals.length === 0) {
    if (text.includes(', plural,')) throw new Error(`${key}: a plural this script cannot read: ${text}`);
    if (plural) {
      if (!text.includes('{count}')) throw new Error(`${key}: another language counts, this one lacks {count}`);
      return [
        [`${key}_one`, placeholders(text)],
        [`${key}_other`, placeholders(text)],
      ];
    }
    return [[key, placeholders(text)]];
  }
  if (plurals.length > 1) throw new Error(`${key}: more than one plural in one text; split it into two keys`);
  const [whole, name, one, other] = plurals[0]!;
  const form = (chosen: string) => placeholders(text.replace(whole, chosen.replace(/#/g, `{${name}}`)));
  if (name !== 'count') throw new Error(`${key}: i18next plurals need {count, plural, …}, not {${name}, …}`);
  return [
    [`${key}_one`, form(one!)],
    [`${key}_other`, form(other!)],
  ];
}

export function namespaceOf(key: string): string {
  if (namespaceOfKey[key]) return namespaceOfKey[key];
  const prefix = key.split('.')[0] ?? '';
  const namespace = namespaceOfPrefix[prefix];
  if (!namespace) throw new Error(`The key "${key}" has a new prefix "${prefix}": add it to namespaceOfPrefix`);
  return namespace;
}

const quote = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const i18nDir = join(root, 'tab', 'src', 'i18n');
  const resourcesDir = join(i18nDir, 'resources');
  const check = process.argv.includes('--check');
  const outDir = check ? mkdtempSync(join(tmpdir(), 'tab-texts-')) : resourcesDir;
  const catalogues = {} as Record<Locale, Catalogue>;
  for (const locale of locales) {
    const file = join(i18nDir, `${locale}.ts`);
    if (!existsSync(file)) throw new Error(`${file} is missing: nothing to split`);
    const module = (await import(file)) as Record<string, Catalogue>;
    catalogues[locale] = module[locale]!;
  }
  const danishKeys = Object.keys(catalogues.da);
  for (const locale of locales) {
    const keys = Object.keys(catalogues[locale]);
    const missing = danishKeys.filter((key) => !(key in catalogues[locale]));
    const extra = keys.filter((key) => !(key in catalogues.da));
    if (missing.length || extra.length)
      throw new Error(`${locale}: missing ${missing.join(', ') || '-'}; extra ${extra.join(', ') || '-'}`);
  }
  const namespaces = [...new Set(Object.values(namespaceOfPrefix))].sort((a, b) =>
    a === 'common' ? -1 : b === 'common' ? 1 : a.localeCompare(b),
  );
  for (const locale of locales) {
    const dir = join(outDir, locale);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const namespace of namespaces) {
      const lines: string[] = [];
      for (const key of danishKeys) {
        if (namespaceOf(key) !== namespace) continue;
        const plural = locales.some((other) => catalogues[other][key]!.includes(', plural,'));
        for (const [i18nKey, text] of toI18next(key, catalogues[locale][key]!, plural))
          lines.push(`  ${quote(i18nKey)}: ${quote(text)},`);
      }
      const header =
        locale === 'da'
          ? `/** Danish, the source of the tab's "${namespace}" texts. Generated from tab/src/i18n/da.ts by scripts/split-tab-texts.ts. */\nexport const ${namespace} = {\n`
          : `import type { TranslationOf } from '../../../../../functions/src/i18n/texts';\nimport type { ${namespace} as source } from '../da/${namespace}';\n\n/** The tab's "${namespace}" texts in ${locale === 'nb' ? 'Norwegian bokmål' : 'English'}: exactly the Danish keys. */\nexport const ${namespace}: TranslationOf<typeof source> = {\n`;
      writeFileSync(join(dir, `${namespace}.ts`), `${header}${lines.join('\n')}\n};\n`);
    }
  }
  const generated = [
    '// Generated by scripts/split-tab-texts.ts: do not edit.',
    "import type { Locale } from '../../../../functions/src/core/locale';",
    "import type { TextKey, Texts } from '../../../../functions/src/i18n/texts';",
    ...namespaces.map((namespace) => `import type { ${namespace} } from './da/${namespace}';`),
    '',
    `export const tabNamespaces = [${namespaces.map(quote).join(', ')}] as const;`,
    'export type TabNamespace = (typeof tabNamespaces)[number];',
    '',
    '/** Every key of the tab, plural keys without their suffix. */',
    `export type MessageKey = ${namespaces.map((namespace) => `TextKey<typeof ${namespace}>`).join(' | ')};`,
    '',
    '/** Each namespace of each language as its own chunk. */',
    'export const textLoaders: Readonly<Record<Locale, Readonly<Record<TabNamespace, () => Promise<Texts>>>>> = {',
    ...locales.map(
      (locale) =>
        `  ${locale}: {\n${namespaces.map((namespace) => `    ${namespace}: () => import('./${locale}/${namespace}').then((m) => m.${namespace}),`).join('\n')}\n  },`,
    ),
    '};',
    '',
  ];
  writeFileSync(join(outDir, 'tab-texts.generated.ts'), generated.join('\n'));
  const all = [
    '// Generated by scripts/split-tab-texts.ts: do not edit. Every text of the tab at once, for tests and',
    '// the English-word check; the tab itself loads them per namespace (tab-i18n.ts).',
    ...locales.flatMap((locale) =>
      namespaces.map(
        (namespace) => `import { ${namespace} as ${locale}_${namespace} } from './${locale}/${namespace}';`,
      ),
    ),
    '',
    'export const allTabTexts = {',
    ...locales.map(
      (locale) =>
        `  ${locale}: { ${namespaces.map((namespace) => `${namespace}: ${locale}_${namespace}`).join(', ')} },`,
    ),
    '};',
    '',
  ];
  writeFileSync(join(outDir, 'all-tab-texts.generated.ts'), all.join('\n'));
  execFileSync('npx', ['prettier', '--config', join(root, '.prettierrc.json'), '--write', outDir], { stdio: 'ignore' });
  if (check) {
    const differing = filesUnder(outDir).filter((file) => {
      const committed = join(resourcesDir, file);
      return !existsSync(committed) || readFileSync(committed, 'utf8') !== readFileSync(join(outDir, file), 'utf8');
    });
    const stale = filesUnder(resourcesDir).filter((file) => !existsSync(join(outDir, file)));
    rmSync(outDir, { recursive: true, force: true });
    if (differing.length || stale.length) {
      console.error(
        `tab/src/i18n/resources is out of date (${[...differing, ...stale].join(', ')}): run npx tsx scripts/split-tab-texts.ts`,
      );
      process.exit(1);
    }
    console.log('tab/src/i18n/resources matches the catalogues.');
    return;
  }
  const counts = namespaces.map(
    (namespace) =>
      `${namespace} ${readdirSync(join(outDir, 'da')).includes(`${namespace}.ts`) ? danishKeys.filter((key) => namespaceOf(key) === namespace).length : 0}`,
  );
  console.log(`Split ${danishKeys.length} keys into ${namespaces.length} namespaces: ${counts.join(', ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
