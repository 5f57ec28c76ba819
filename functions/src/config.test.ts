import { describe, expect, it } from 'vitest';
import { apiClientIdForProvisioning, ConfigError, isLoopbackHost, loadConfig, startupWarnings } from './config.js';

const clientId = '11111111-2222-4333-8444-555555555555';
const tenantA = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const tenantB = 'bbbbbbbb-cccc-4ddd-8eee-ffffffffffff';
const production = {
  APP_MODE: 'production',
  ENTRA_CLIENT_ID: clientId,
  ENTRA_TENANT_IDS: tenantA,
  PUBLIC_URL: 'https://kh.example.dk',
};

function problemsOf(environment: Record<string, string>): string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('loadConfig: modes and Entra ID sign-in', () => {
  it('starts in local mode with the demo and without Entra settings', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.seedDemo).toBe(true);
    expect(config.entra).toBeNull();
  });

  it('starts in production when the Entra settings are present', () => {
    const config = loadConfig({
      ...production,
      ENTRA_TENANT_IDS: `${tenantA}, ${tenantB.toUpperCase()},${tenantA}`,
      ENTRA_APP_ID_URI: `api://kh.example.dk/${clientId}`,
    });
    expect(config.mode).toBe('production');
    expect(config.seedDemo).toBe(false);
    expect(config.entra).toEqual({
      clientId,
      appIdUri: `api://kh.example.dk/${clientId}`,
      tenantIds: [tenantA, tenantB],
      jwksUrl: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
      defaultUnitId: 'teknik-miljo',
    });
  });

  it("defaults the App ID URI to the registration's api://<TAB_DOMAIN>/<client id> and takes overrides", () => {
    const config = loadConfig({
      ...production,
      ENTRA_JWKS_URL: 'https://login.microsoftonline.com/' + tenantA + '/discovery/v2.0/keys',
      ENTRA_DEFAULT_UNIT: 'natur',
      SEED_DEMO: 'true',
    });
    expect(config.entra?.appIdUri).toBe(`api://kh.example.dk/${clientId}`);
    expect(config.entra?.jwksUrl).toContain(tenantA);
    expect(config.entra?.defaultUnitId).toBe('natur');
    expect(config.seedDemo).toBe(true);
  });

  it('requires the App ID URI in production when there is no PUBLIC_URL to derive it from', () => {
    const { PUBLIC_URL: _publicUrl, ...withoutPublicUrl } = production;
    const problems = problemsOf(withoutPublicUrl);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ENTRA_APP_ID_URI="": .*api:\/\/<TAB_DOMAIN>\/<client id>/);
    expect(
      loadConfig({ ...withoutPublicUrl, ENTRA_APP_ID_URI: `api://kh.example.dk/${clientId}` }).entra?.appIdUri,
    ).toBe(`api://kh.example.dk/${clientId}`);
  });

  it('names every missing Entra setting in production', () => {
    const problems = problemsOf({ APP_MODE: 'production' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^ENTRA_CLIENT_ID="": .*client\) ID/);
    expect(problems[1]).toMatch(/^ENTRA_TENANT_IDS="": .*tenant ID/);
  });

  it.each([
    { name: 'ENTRA_CLIENT_ID', value: 'kvalitetshaandbog', message: /GUID/ },
    { name: 'ENTRA_TENANT_IDS', value: `${tenantA};${tenantB}`, message: /comma-separated list/ },
    { name: 'ENTRA_TENANT_IDS', value: 'common', message: /comma-separated list/ },
    { name: 'ENTRA_TENANT_IDS', value: `${tenantA},9188040d-6c67-4c5b-b112-36a304b66dad`, message: /personal/ },
    { name: 'ENTRA_APP_ID_URI', value: 'kh.example.dk', message: /Application ID URI/ },
    { name: 'ENTRA_APP_ID_URI', value: `api://kh.example.dk/${clientId}/`, message: /Application ID URI/ },
    { name: 'ENTRA_JWKS_URL', value: 'http://login.microsoftonline.com/keys', message: /./ },
    { name: 'ENTRA_DEFAULT_UNIT', value: 'Teknik og Miljø', message: /unit id/ },
  ])('names a malformed $name ($value)', ({ name, value, message }) => {
    const problems = problemsOf({ ...production, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(`${name}=${JSON.stringify(value)}: `)).toBe(true);
    expect(problems[0]).toMatch(message);
  });

  it('names a malformed setting and a missing one together', () => {
    const problems = problemsOf({ APP_MODE: 'production', ENTRA_CLIENT_ID: 'not-a-guid' });
    expect(problems.map((problem) => problem.split('=')[0])).toEqual(['ENTRA_CLIENT_ID', 'ENTRA_TENANT_IDS']);
  });

  it('names what STORE=sharepoint lacks', () => {
    const problems = problemsOf({ ...production, STORE: 'sharepoint' });
    expect(problems.map((problem) => problem.split('=')[0])).toEqual(['SHAREPOINT_SITE_URL', 'ENTRA_CLIENT_SECRET']);
    expect(problemsOf({ STORE: 'sharepoint' }).map((problem) => problem.split('=')[0])).toEqual([
      'SHAREPOINT_SITE_URL',
      'ENTRA_CLIENT_SECRET',
      'ENTRA_CLIENT_ID',
      'ENTRA_TENANT_IDS',
    ]);
  });

  it('takes STORE=sharepoint with a site URL and the API app secret, without the SQLite demo', () => {
    const sharePoint = {
      ...production,
      STORE: 'sharepoint',
      SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/kvalitet/',
      ENTRA_CLIENT_SECRET: 'secret-value',
    };
    expect(loadConfig(sharePoint)).toMatchObject({
      store: 'sharepoint',
      seedDemo: false,
      sharePoint: {
        siteUrl: 'https://contoso.sharepoint.com/sites/kvalitet',
        graphApp: { tenantId: tenantA, clientId, clientSecret: 'secret-value' },
      },
    });
    expect(problemsOf({ ...sharePoint, SHAREPOINT_SITE_URL: 'https://example.com/kvalitet' })[0]).toMatch(
      /^SHAREPOINT_SITE_URL=.*SharePoint site URL/,
    );
    expect(problemsOf({ ...sharePoint, SEED_DEMO: 'true' })[0]).toMatch(/^SEED_DEMO=.*SQLite only/);
    expect(loadConfig({}).sharePoint).toBeNull();
  });

  it('ignores Entra settings in local mode', () => {
    expect(loadConfig({ ENTRA_CLIENT_ID: clientId, ENTRA_TENANT_IDS: tenantA }).entra).toBeNull();
  });
});

describe('startupWarnings: what a host says before the first request', () => {
  const bot = { BOT_CLIENT_ID: clientId, BOT_CLIENT_SECRET: 'secret-value' };
  it.each([
    { name: 'local mode without a bot', environment: {}, warns: false },
    { name: 'local mode with a bot', environment: bot, warns: false },
    { name: 'production with a bot', environment: { ...production, ...bot }, warns: false },
    { name: 'production without a bot', environment: production, warns: true },
  ])('$name: warns $warns', ({ environment, warns }) => {
    const warnings = startupWarnings(loadConfig(environment));
    if (!warns) expect(warnings).toEqual([]);
    else expect(warnings).toEqual([expect.stringMatching(/BOT_CLIENT_ID.*\/api\/messages.*503/)]);
  });
});

describe('HOST: local mode stays on loopback', () => {
  it.each(['127.0.0.1', '127.8.9.10', 'localhost', 'LOCALHOST', '::1', '0:0:0:0:0:0:0:1'])(
    'accepts %s in local mode',
    (host) => {
      expect(loadConfig({ HOST: host }).host).toBe(host);
    },
  );

  it.each([
    '0.0.0.0',
    '::',
    '192.168.1.20',
    '10.0.0.5',
    'kh.example.dk',
    '128.0.0.1',
    '127.0.0.1.nip.io',
    '::ffff:10.0.0.1',
  ])('refuses %s in local mode, saying why', (host) => {
    const problems = problemsOf({ HOST: host });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^HOST=.*loopback.*APP_MODE=production/);
  });

  it('accepts any interface in production (Entra ID signs people in there)', () => {
    expect(loadConfig({ ...production, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', false],
    ['::ffff:127.0.0.1', true],
    ['0.0.0.0', false],
    ['::', false],
    ['127.0.0.256', false],
    ['localhost.example.dk', false],
    ['', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('loadConfig: the Teams app id for deep links in cards', () => {
  it('is null unless set, and a lower-case GUID when set', () => {
    expect(loadConfig({}).teamsAppId).toBeNull();
    expect(loadConfig({ TEAMS_APP_ID: '' }).teamsAppId).toBeNull();
    expect(loadConfig({ TEAMS_APP_ID: clientId.toUpperCase() }).teamsAppId).toBe(clientId);
    expect(problemsOf({ TEAMS_APP_ID: 'handbook' }).map((problem) => problem.split('=')[0])).toEqual(['TEAMS_APP_ID']);
  });
});

describe('apiClientIdForProvisioning: the API app the printed site grant names', () => {
  it('takes ENTRA_CLIENT_ID when it is a GUID (lower case), and nothing otherwise', () => {
    expect(apiClientIdForProvisioning({ ENTRA_CLIENT_ID: ' 6F1C2B9E-3D4A-4C8B-9E2F-1A2B3C4D5E6F ' })).toBe(
      '6f1c2b9e-3d4a-4c8b-9e2f-1a2b3c4d5e6f',
    );
    expect(apiClientIdForProvisioning({ ENTRA_CLIENT_ID: 'kvalitetshaandbog' })).toBeUndefined();
    expect(apiClientIdForProvisioning({ ENTRA_CLIENT_ID: '' })).toBeUndefined();
    expect(apiClientIdForProvisioning({})).toBeUndefined();
  });
});
