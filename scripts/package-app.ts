import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import { Ajv } from 'ajv';
import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';

/**
 * Builds the Teams app package: fills manifest/manifest.template.json from the environment,
 * validates the manifest and its localisation files offline against the official schemas that
 * `@microsoft/app-manifest` ships, checks the icons, and writes one zip with every file at its root.
 *
 *   npm run package                                   # variables from the environment
 *   npm run package -- --env teams-app/env/.env.dev   # or from an Agents Toolkit env file
 *
 * The template uses the Agents Toolkit's `${{NAME}}` placeholders, so teamsApp/zipAppPackage in
 * teams-app/m365agents.yml builds the same package from the same files.
 * Package contents: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package
 */

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const DEFAULT_MANIFEST_DIR = join(repoRoot, 'manifest');
export const DEFAULT_OUT_DIR = join(repoRoot, 'dist', 'teams-app');
export const PACKAGE_FILE_NAME = 'kvalitetshaandbog.zip';
export const TEMPLATE_FILE_NAME = 'manifest.template.json';

/** Every placeholder the template may use, with what it is, for messages about missing values. */
export const VARIABLES = {
  TEAMS_APP_ID: 'the Teams app id (a GUID; teamsApp/create writes it, or generate one once and keep it)',
  BOT_ID: 'the bot’s Entra app (client) id (a GUID; botAadApp/create writes it)',
  TAB_DOMAIN: 'the host name that serves the tab and the API, without https:// (e.g. kh-func.azurewebsites.net)',
  ENTRA_CLIENT_ID: 'the API/tab Entra app (client) id that exposes access_as_user (a GUID; aadApp/create writes it)',
} as const;

export type VariableName = keyof typeof VARIABLES;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Teams and Entra want the domain in lower case (https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/tab-sso-register-aad).
const DOMAIN = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+(:\d{1,5})?$/;
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export const ICON_SIZES = { color: 192, outline: 32 } as const;

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`The Teams app package was not built:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'PackageError';
  }
}

export type PackageOptions = {
  /** The variables to fill the template with (process.env, an env file, or test values). */
  env: Record<string, string | undefined>;
  manifestDir?: string;
  outDir?: string;
};

export type PackageResult = {
  zipPath: string;
  manifest: TeamsManifestJson;
  /** File names in the zip, all at its root. */
  files: string[];
};

/** The parts of the manifest this script reads; the schema checks the rest. */
export type TeamsManifestJson = {
  $schema?: string;
  manifestVersion: string;
  icons: { color: string; outline: string };
  localizationInfo?: {
    defaultLanguageTag: string;
    defaultLanguageFile?: string;
    additionalLanguages?: { languageTag: string; file: string }[];
  };
  [key: string]: unknown;
};

export async function packageTeamsApp(options: PackageOptions): Promise<PackageResult> {
  const manifestDir = options.manifestDir ?? DEFAULT_MANIFEST_DIR;
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;

  const problems = checkVariables(options.env);
  if (problems.length > 0) throw new PackageError(problems);

  const template = await readFile(join(manifestDir, TEMPLATE_FILE_NAME), 'utf8');
  const filled = fillTemplate(template, options.env);
  if (filled.missing.length > 0) {
    throw new PackageError(filled.missing.map((name) => `${name} is not set: the template uses \${{${name}}}`));
  }
  const manifest = parseJson<TeamsManifestJson>(filled.text, TEMPLATE_FILE_NAME);

  const manifestProblems = (await validateManifest(manifest)).map((problem) => `manifest.json ${problem}`);
  const files = new Map<string, Buffer>([['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)]]);

  const referenced = referencedFiles(manifest);
  for (const name of referenced) {
    if (name.includes('/') || name.includes('\\')) {
      manifestProblems.push(`${name}: keep every referenced file at the package root, next to manifest.json`);
      continue;
    }
    const path = join(manifestDir, name);
    if (!existsSync(path)) {
      manifestProblems.push(
        `${name} is referenced by the manifest but missing from ${relative(repoRoot, manifestDir)}/`,
      );
      continue;
    }
    files.set(name, await readFile(path));
  }
  if (manifestProblems.length > 0) throw new PackageError(manifestProblems);

  manifestProblems.push(...(await checkLocalizations(manifest, files)));
  manifestProblems.push(...checkIcon(manifest.icons.color, files.get(manifest.icons.color)!, 'color'));
  manifestProblems.push(...checkIcon(manifest.icons.outline, files.get(manifest.icons.outline)!, 'outline'));
  if (manifestProblems.length > 0) throw new PackageError(manifestProblems);

  const zip = new JSZip();
  // A fixed date keeps the zip byte-for-byte reproducible for the same inputs.
  const date = new Date(Date.UTC(2020, 0, 1));
  for (const [name, bytes] of files) zip.file(name, bytes, { date });
  const zipBytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await mkdir(outDir, { recursive: true });
  const zipPath = join(outDir, PACKAGE_FILE_NAME);
  await writeFile(zipPath, zipBytes);
  return { zipPath, manifest, files: [...files.keys()] };
}

/** Checks the values themselves: the schema would accept a domain with a path or a scheme. */
export function checkVariables(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  for (const [name, meaning] of Object.entries(VARIABLES) as [VariableName, string][]) {
    const value = env[name]?.trim();
    if (!value) {
      problems.push(`${name} is not set: ${meaning}`);
    } else if (name === 'TAB_DOMAIN' && !DOMAIN.test(value)) {
      problems.push(
        `${name}=${JSON.stringify(value)} is not a lower-case host name (no https://, no path): ${meaning}`,
      );
    } else if (name !== 'TAB_DOMAIN' && !GUID.test(value)) {
      problems.push(`${name}=${JSON.stringify(value)} is not a GUID: ${meaning}`);
    }
  }
  return problems;
}

/** Replaces each `${{NAME}}` with the JSON-escaped value of NAME; reports names without a value. */
export function fillTemplate(
  template: string,
  env: Record<string, string | undefined>,
): { text: string; missing: string[] } {
  const missing = new Set<string>();
  const text = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = env[name]?.trim();
    if (!value) {
      missing.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  return { text, missing: [...missing] };
}

function schemaDirectory(manifestVersion: string): string {
  const packageEntry = createRequire(import.meta.url).resolve('@microsoft/app-manifest');
  return join(dirname(packageEntry), 'json-schemas', 'teams', `v${manifestVersion}`);
}

async function readSchema(manifestVersion: string, file: string): Promise<Record<string, unknown>> {
  const path = join(schemaDirectory(manifestVersion), file);
  if (!existsSync(path)) {
    throw new PackageError([
      `@microsoft/app-manifest has no offline schema for manifest version ${manifestVersion} (${file})`,
    ]);
  }
  return JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
}

/**
 * Validates against the schema that @microsoft/app-manifest ships for the manifest's version,
 * read from the package (never fetched), with the validator the Agents Toolkit uses.
 * Returns one message per problem; none means valid.
 */
export async function validateManifest(manifest: TeamsManifestJson): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string' || !/^\d+\.\d+$/.test(version)) {
    return [`manifestVersion ${JSON.stringify(version)} is not a version like "1.30"`];
  }
  const expectedSchema = `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`;
  const problems: string[] = [];
  if (manifest.$schema !== expectedSchema) problems.push(`$schema should be ${expectedSchema}`);
  const schema = await readSchema(version, 'MicrosoftTeams.schema.json');
  const errors = await AppManifestUtils.validateAgainstSchema(
    manifest as unknown as AppManifest,
    schema as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1],
  );
  return [...problems, ...errors.map((error) => error.trim())];
}

/**
 * Validates a localisation file against the localisation schema of the manifest's version. The
 * schema is a plain draft-04 schema, but one of its patterns (`\[\b(…)\b]`) is only valid without
 * the regular expressions' `u` flag, which @microsoft/app-manifest's validator always sets; so it is
 * compiled here with Ajv and `unicodeRegExp: false`, as the pattern was written.
 */
export async function validateLocalization(manifestVersion: string, strings: unknown): Promise<string[]> {
  const { $schema: _metaSchema, ...schema } = await readSchema(
    manifestVersion,
    'MicrosoftTeams.Localization.schema.json',
  );
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false });
  const validate = ajv.compile(schema);
  if (validate(strings)) return [];
  return (validate.errors ?? []).map((error) =>
    `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`.trim(),
  );
}

function referencedFiles(manifest: TeamsManifestJson): string[] {
  const localization = manifest.localizationInfo;
  const names = [
    manifest.icons?.color,
    manifest.icons?.outline,
    localization?.defaultLanguageFile,
    ...(localization?.additionalLanguages ?? []).map((language) => language.file),
  ];
  return [...new Set(names.filter((name): name is string => typeof name === 'string'))];
}

/** Localisable strings of the manifest, by the localisation file's key ("name.short", "staticTabs[0].name"). */
export function localizableStrings(manifest: TeamsManifestJson): Record<string, string> {
  const strings: Record<string, string> = {};
  const name = manifest.name as { short?: string; full?: string } | undefined;
  const description = manifest.description as { short?: string; full?: string } | undefined;
  if (name?.short) strings['name.short'] = name.short;
  if (name?.full) strings['name.full'] = name.full;
  if (description?.short) strings['description.short'] = description.short;
  if (description?.full) strings['description.full'] = description.full;
  const tabs = (manifest.staticTabs as { name?: string }[] | undefined) ?? [];
  tabs.forEach((tab, index) => {
    if (tab.name) strings[`staticTabs[${index}].name`] = tab.name;
  });
  type Command = { title?: string; description?: string; parameters?: { title?: string; description?: string }[] };
  const extensions = (manifest.composeExtensions as { commands?: Command[] }[] | undefined) ?? [];
  (extensions[0]?.commands ?? []).forEach((command, index) => {
    const at = `composeExtensions[0].commands[${index}]`;
    if (command.title) strings[`${at}.title`] = command.title;
    if (command.description) strings[`${at}.description`] = command.description;
    (command.parameters ?? []).forEach((parameter, position) => {
      if (parameter.title) strings[`${at}.parameters[${position}].title`] = parameter.title;
      if (parameter.description) strings[`${at}.parameters[${position}].description`] = parameter.description;
    });
  });
  return strings;
}

async function checkLocalizations(manifest: TeamsManifestJson, files: Map<string, Buffer>): Promise<string[]> {
  const localization = manifest.localizationInfo;
  if (!localization) return [];
  const problems: string[] = [];
  const expected = localizableStrings(manifest);
  const expectedKeys = Object.keys(expected).sort();
  const languageFiles = [
    ...(localization.defaultLanguageFile
      ? [{ languageTag: localization.defaultLanguageTag, file: localization.defaultLanguageFile }]
      : []),
    ...(localization.additionalLanguages ?? []),
  ];
  for (const { languageTag, file } of languageFiles) {
    let strings: Record<string, unknown>;
    try {
      strings = parseJson<Record<string, unknown>>(files.get(file)!.toString('utf8'), file);
    } catch (error) {
      problems.push(error instanceof PackageError ? error.problems.join('; ') : String(error));
      continue;
    }
    problems.push(
      ...(await validateLocalization(manifest.manifestVersion, strings)).map((problem) => `${file} ${problem}`),
    );
    const keys = Object.keys(strings)
      .filter((key) => key !== '$schema')
      .sort();
    if (keys.join('\n') !== expectedKeys.join('\n')) {
      problems.push(
        `${file} (${languageTag}) has the keys [${keys.join(', ')}]; the manifest's localisable strings are [${expectedKeys.join(', ')}]`,
      );
    }
    // The default language file repeats the manifest's own strings; they must not drift apart.
    if (file === localization.defaultLanguageFile) {
      for (const [key, value] of Object.entries(expected)) {
        if (strings[key] !== value) problems.push(`${file}: "${key}" differs from the manifest's ${languageTag} text`);
      }
    }
  }
  return problems;
}

export type PngInfo = { width: number; height: number; bitDepth: number; colorType: number; interlaced: boolean };

/** Reads a PNG's IHDR chunk (https://www.w3.org/TR/png/#11IHDR). */
export function readPngInfo(bytes: Uint8Array): PngInfo {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.length < 33 || signature.some((byte, i) => buffer[i] !== byte)) throw new Error('not a PNG file');
  if (buffer.toString('latin1', 12, 16) !== 'IHDR') throw new Error('PNG without an IHDR chunk first');
  return {
    width: buffer.readUInt32BE(16),
    height: buffer.readUInt32BE(20),
    bitDepth: buffer[24]!,
    colorType: buffer[25]!,
    interlaced: buffer[28] !== 0,
  };
}

/**
 * The alpha and grey level of each pixel of an 8-bit RGBA or grey+alpha, non-interlaced PNG:
 * enough to check that an outline icon is white on transparent.
 */
export function readPngPixels(bytes: Uint8Array): { info: PngInfo; rgba: Uint8Array } {
  const info = readPngInfo(bytes);
  const channels = info.colorType === 6 ? 4 : info.colorType === 4 ? 2 : 0;
  if (channels === 0 || info.bitDepth !== 8 || info.interlaced) {
    throw new Error('only 8-bit, non-interlaced PNGs with an alpha channel (RGBA or grey+alpha) can be read');
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data: Buffer[] = [];
  for (let offset = 8; offset < buffer.length;) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    if (type === 'IDAT') data.push(buffer.subarray(offset + 8, offset + 8 + length));
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = info.width * channels;
  const pixels = new Uint8Array(info.height * stride);
  for (let y = 0; y < info.height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const row = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const left = x >= channels ? pixels[y * stride + x - channels]! : 0;
      const up = y > 0 ? pixels[(y - 1) * stride + x]! : 0;
      const upLeft = y > 0 && x >= channels ? pixels[(y - 1) * stride + x - channels]! : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      if (predictor === undefined) throw new Error(`unknown PNG filter type ${filter}`);
      pixels[y * stride + x] = (row[x]! + predictor) & 255;
    }
  }
  if (channels === 4) return { info, rgba: pixels };
  const rgba = new Uint8Array(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    rgba.set([pixels[i * 2]!, pixels[i * 2]!, pixels[i * 2]!, pixels[i * 2 + 1]!], i * 4);
  }
  return { info, rgba };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Teams wants a full-colour 192×192 icon and a 32×32 outline icon that is white on a transparent
 * background (https://learn.microsoft.com/microsoft-365/extensibility/schema/root-icons).
 */
export function checkIcon(name: string, bytes: Buffer, kind: keyof typeof ICON_SIZES): string[] {
  const size = ICON_SIZES[kind];
  let info: PngInfo;
  try {
    info = readPngInfo(bytes);
  } catch (error) {
    return [`${name}: ${(error as Error).message}`];
  }
  if (info.width !== size || info.height !== size) {
    return [`${name} is ${info.width}×${info.height}; the ${kind} icon must be ${size}×${size}`];
  }
  if (kind === 'color') return [];
  let rgba: Uint8Array;
  try {
    rgba = readPngPixels(bytes).rgba;
  } catch (error) {
    return [`${name}: the outline icon must be white on transparent; ${(error as Error).message}`];
  }
  let transparent = 0;
  let coloured = 0;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i + 3] === 0) transparent++;
    else if (rgba[i]! < 240 || rgba[i + 1]! < 240 || rgba[i + 2]! < 240) coloured++;
  }
  const problems: string[] = [];
  if (transparent === 0) problems.push(`${name}: the outline icon needs a transparent background`);
  if (coloured > 0) problems.push(`${name}: ${coloured} visible pixels are not white; the outline icon must be white`);
  return problems;
}

function parseJson<T>(text: string, file: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new PackageError([`${file} is not valid JSON: ${(error as Error).message}`]);
  }
}

/**
 * Reads an Agents Toolkit env file (KEY=VALUE lines, # comments, optional quotes). Values that
 * the toolkit has not written yet are empty, which the checks then name.
 */
export function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith('#')) continue;
    let value = match[2]!;
    const quoted = /^(['"])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2]!;
    else value = value.replace(/\s+#.*$/, '');
    values[match[1]!] = value;
  }
  return values;
}

function parseArguments(args: string[]): { envFile?: string; outDir?: string } {
  const parsed: { envFile?: string; outDir?: string } = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? args[++i];
    if (flag === '--env') parsed.envFile = value();
    else if (flag === '--out') parsed.outDir = value();
    else throw new PackageError([`unknown argument ${arg}; use --env <file> and --out <folder>`]);
    if ((flag === '--env' && !parsed.envFile) || (flag === '--out' && !parsed.outDir)) {
      throw new PackageError([`${flag} needs a value`]);
    }
  }
  return parsed;
}

async function main(): Promise<void> {
  const args = parseArguments(process.argv.slice(2));
  // A build script, not the product: it reads its own variables (the product reads config.ts).
  // eslint-disable-next-line no-restricted-syntax
  const processEnv = process.env;
  let env: Record<string, string | undefined> = { ...processEnv };
  if (args.envFile) {
    const path = resolve(args.envFile);
    if (!existsSync(path)) throw new PackageError([`--env ${args.envFile}: no such file`]);
    // Variables already set in the shell win over the file, as with dotenv.
    const fromFile = parseEnvFile(await readFile(path, 'utf8'));
    env = { ...fromFile, ...Object.fromEntries(Object.entries(processEnv).filter(([, value]) => value?.trim())) };
  }
  const result = await packageTeamsApp({ env, ...(args.outDir ? { outDir: resolve(args.outDir) } : {}) });
  const shown = relative(process.cwd(), result.zipPath);
  console.log(`Teams app package: ${shown.startsWith('..') ? result.zipPath : shown}`);
  console.log(`  manifest ${result.manifest.manifestVersion}, valid against the offline schema`);
  console.log(`  files: ${result.files.join(', ')}`);
  console.log('  upload it in Teams (Apps → Manage your apps → Upload an app) or in the Teams admin center.');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
