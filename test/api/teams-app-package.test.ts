import JSZip from 'jszip';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchCommandId, searchParameterName } from '../../functions/src/bot/message-extension.js';
import { reportCommandIds } from '../../functions/src/bot/cards/report-form-card.js';
import { drawColorIcon, drawOutlineIcon, encodePng } from '../../scripts/draw-icons.js';
import {
  checkIcon,
  DEFAULT_MANIFEST_DIR,
  localizableStrings,
  PackageError,
  packageTeamsApp,
  PACKAGE_FILE_NAME,
  readPngInfo,
  readPngPixels,
  TEMPLATE_FILE_NAME,
  validateLocalization,
  validateManifest,
  type PackageResult,
  type TeamsManifestJson,
} from '../../scripts/package-app.js';

const env = {
  TEAMS_APP_ID: '0b8e2f6a-4c1d-4e7b-9a35-6f1c2d3e4a5b',
  BOT_ID: '7d9c1e2f-3a4b-4c5d-8e6f-9a0b1c2d3e4f',
  TAB_DOMAIN: 'kh-func-test.azurewebsites.net',
  ENTRA_CLIENT_ID: 'c4f5a6b7-8d9e-4f01-a2b3-c4d5e6f7a8b9',
};

let workDir: string;
let result: PackageResult;
let zip: JSZip;

const fileText = async (name: string) => zip.file(name)!.async('string');
const fileBytes = async (name: string) => zip.file(name)!.async('nodebuffer');

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'kh-teams-app-'));
  result = await packageTeamsApp({ env, outDir: join(workDir, 'out') });
  zip = await JSZip.loadAsync(readFileSync(result.zipPath));
});
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('the Teams app package', () => {
  it('is one zip with the manifest, three language files and two icons at its root', () => {
    expect(result.zipPath).toBe(join(workDir, 'out', PACKAGE_FILE_NAME));
    expect(Object.keys(zip.files).sort()).toEqual(
      ['color.png', 'da.json', 'en.json', 'manifest.json', 'nb.json', 'outline.png'].sort(),
    );
  });

  it('fills every placeholder from the environment', async () => {
    const text = await fileText('manifest.json');
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as TeamsManifestJson & Record<string, any>;
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.bots[0]).toMatchObject({
      botId: env.BOT_ID,
      scopes: ['personal'],
      isNotificationOnly: false,
      supportsFiles: false,
    });
    expect(manifest.staticTabs[0]).toMatchObject({
      name: 'Håndbog',
      contentUrl: `https://${env.TAB_DOMAIN}/?inTeams=1`,
      scopes: ['personal'],
    });
    expect(manifest.configurableTabs[0]).toMatchObject({
      configurationUrl: `https://${env.TAB_DOMAIN}/configure`,
      canUpdateConfiguration: true,
    });
    expect(manifest.webApplicationInfo).toEqual({
      id: env.ENTRA_CLIENT_ID,
      resource: `api://${env.TAB_DOMAIN}/${env.ENTRA_CLIENT_ID}`,
    });
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN]);
    // The search message extension: the bot answers its query (functions/src/bot/message-extension.ts).
    expect(manifest.composeExtensions).toEqual([
      {
        botId: env.BOT_ID,
        commands: [
          expect.objectContaining({
            id: searchCommandId,
            type: 'query',
            context: ['compose', 'commandBox'],
            title: 'Søg procedurer',
            initialRun: false,
            parameters: [expect.objectContaining({ name: searchParameterName, inputType: 'text', title: 'Søgeord' })],
          }),
          // The register's doors on any message (functions/src/bot/report-from-message.ts).
          ...reportCommandIds.map((id) =>
            expect.objectContaining({ id, type: 'action', context: ['message'], fetchTask: true }),
          ),
        ],
      },
    ]);
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'da',
      defaultLanguageFile: 'da.json',
      additionalLanguages: [
        { languageTag: 'nb', file: 'nb.json' },
        { languageTag: 'en', file: 'en.json' },
      ],
    });
  });

  it('validates against the official manifest schema with zero errors', async () => {
    const manifest = JSON.parse(await fileText('manifest.json')) as TeamsManifestJson;
    expect(Number(manifest.manifestVersion)).toBeGreaterThanOrEqual(1.29);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('reports a manifest that breaks the schema', async () => {
    const manifest = JSON.parse(await fileText('manifest.json')) as TeamsManifestJson & Record<string, any>;
    delete manifest.developer;
    manifest.bots[0].scopes = ['everyone'];
    const problems = await validateManifest(manifest);
    expect(problems.some((problem) => problem.includes("required property 'developer'"))).toBe(true);
    expect(problems.some((problem) => problem.startsWith('/bots/0/scopes/0'))).toBe(true);
  });

  it('refuses to build from a template that breaks the schema', async () => {
    const manifestDir = join(workDir, 'broken-manifest');
    cpSync(DEFAULT_MANIFEST_DIR, manifestDir, { recursive: true });
    const template = JSON.parse(readFileSync(join(manifestDir, TEMPLATE_FILE_NAME), 'utf8')) as Record<string, unknown>;
    delete template.accentColor;
    writeFileSync(join(manifestDir, TEMPLATE_FILE_NAME), JSON.stringify(template));
    const failure = packageTeamsApp({ env, manifestDir, outDir: join(workDir, 'broken-out') });
    await expect(failure).rejects.toBeInstanceOf(PackageError);
    await expect(failure).rejects.toThrow(/accentColor/);
  });

  it('names a missing or malformed variable instead of building', async () => {
    const { BOT_ID: _missing, ...withoutBot } = env;
    await expect(packageTeamsApp({ env: withoutBot, outDir: join(workDir, 'x') })).rejects.toThrow(/BOT_ID is not set/);
    await expect(
      packageTeamsApp({ env: { ...env, TAB_DOMAIN: 'https://kh.example.org/tab' }, outDir: join(workDir, 'y') }),
    ).rejects.toThrow(/TAB_DOMAIN="https:\/\/kh.example.org\/tab" is not a lower-case host name/);
    await expect(
      packageTeamsApp({ env: { ...env, ENTRA_CLIENT_ID: 'api-app' }, outDir: join(workDir, 'z') }),
    ).rejects.toThrow(/ENTRA_CLIENT_ID="api-app" is not a GUID/);
  });
});

describe('the icons', () => {
  it('are a 192×192 colour icon and a 32×32 outline icon', async () => {
    expect(readPngInfo(await fileBytes('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(readPngInfo(await fileBytes('outline.png'))).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('has an outline icon that is white on transparent', async () => {
    expect(checkIcon('outline.png', await fileBytes('outline.png'), 'outline')).toEqual([]);
    const { rgba } = readPngPixels(await fileBytes('outline.png'));
    const alphas = [...rgba.filter((_value, index) => index % 4 === 3)];
    expect(alphas.filter((alpha) => alpha === 0).length).toBeGreaterThan(200);
    expect(alphas.filter((alpha) => alpha === 255).length).toBeGreaterThan(200);
  });

  it('rejects an icon of the wrong size and an outline icon that is not white', async () => {
    expect(checkIcon('color.png', await fileBytes('color.png'), 'outline')).toEqual([
      'color.png is 192×192; the outline icon must be 32×32',
    ]);
    const blue = { width: 32, height: 32, rgba: new Uint8Array(32 * 32 * 4).fill(0) };
    for (let i = 0; i < 32 * 16; i++) blue.rgba.set([30, 90, 138, 255], i * 4);
    expect(checkIcon('outline.png', encodePng(blue), 'outline')).toEqual([
      'outline.png: 512 visible pixels are not white; the outline icon must be white',
    ]);
  });

  it('are the ones scripts/draw-icons.ts draws (regenerate and commit them together)', () => {
    const committed = (name: string) => readPngPixels(readFileSync(join(DEFAULT_MANIFEST_DIR, name))).rgba;
    expect(Buffer.from(committed('color.png')).equals(Buffer.from(drawColorIcon().rgba))).toBe(true);
    expect(Buffer.from(committed('outline.png')).equals(Buffer.from(drawOutlineIcon().rgba))).toBe(true);
  });
});

describe('the localisation files', () => {
  const languages = ['da.json', 'nb.json', 'en.json'];
  const read = async (name: string) => JSON.parse(await fileText(name)) as Record<string, string>;
  const keysOf = (strings: Record<string, string>) =>
    Object.keys(strings)
      .filter((key) => key !== '$schema')
      .sort();

  it('validate against the official localisation schema with zero errors', async () => {
    for (const name of languages) expect(await validateLocalization('1.30', await read(name)), name).toEqual([]);
  });

  it('cover the same keys as each other and as the manifest', async () => {
    const manifest = JSON.parse(await fileText('manifest.json')) as TeamsManifestJson;
    const expected = Object.keys(localizableStrings(manifest)).sort();
    expect(expected).toContain('staticTabs[0].name');
    for (const name of languages) expect(keysOf(await read(name)), name).toEqual(expected);
  });

  it('keep the default language (da) identical to the manifest’s own strings', async () => {
    const manifest = JSON.parse(await fileText('manifest.json')) as TeamsManifestJson;
    const { $schema: _schema, ...danish } = await read('da.json');
    expect(danish).toEqual(localizableStrings(manifest));
  });

  it('reports a misspelt key and a missing required string', async () => {
    const { 'description.full': _dropped, ...strings } = await read('nb.json');
    const problems = await validateLocalization('1.30', { ...strings, 'staticTabs[0].nme': 'Håndbok' });
    expect(problems.some((problem) => problem.includes('description.full'))).toBe(true);
    expect(problems.some((problem) => problem.includes('staticTabs[0].nme'))).toBe(true);
  });
});

describe('the API app registration (teams-app/aad.manifest.json)', () => {
  const registration = JSON.parse(
    readFileSync(new URL('../../teams-app/aad.manifest.json', import.meta.url), 'utf8'),
  ) as { requiredResourceAccess: { resourceAppId: string; resourceAccess: { id: string; type: string }[] }[] };

  it('asks Microsoft Graph for Sites.Selected as an application permission and no delegated SharePoint permission', () => {
    // Ids from Microsoft's permissions reference (https://learn.microsoft.com/graph/permissions-reference):
    // Sites.Selected, application: 883ea226-0bf2-4a8f-9f9d-92c9162a727d. The app is the only writer of the
    // site, so the only delegated permission is User.Read (sign-in); the tab reaches the site through the API alone.
    expect(registration.requiredResourceAccess).toEqual([
      {
        resourceAppId: 'Microsoft Graph',
        resourceAccess: [
          { id: 'User.Read', type: 'Scope' },
          { id: '883ea226-0bf2-4a8f-9f9d-92c9162a727d', type: 'Role' },
        ],
      },
    ]);
  });
});
