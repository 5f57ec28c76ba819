import { randomBytes } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { RateLimitSettings } from './http/rate-limit.js';

/**
 * The product's configuration: read from the environment once, at start-up, validated, and
 * passed inward as a typed object. A missing or malformed variable stops the process with a
 * message naming it; nothing below this module reads process.env.
 */
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** Microsoft's signing keys for every tenant (v2.0 endpoint); issuer and tenant are checked per token. */
const defaultJwksUrl = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
/** The tenant of personal Microsoft accounts (`tid` in https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference). */
const personalAccountsTenant = '9188040d-6c67-4c5b-b112-36a304b66dad';

const environmentSchema = z
  .object({
    APP_MODE: z.enum(['local', 'production']).default('local'),
    STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
    PORT: z.coerce.number().int().min(0).max(65_535).default(3978),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('.data'),
    /** Defaults to true in local mode and false in production (a real handbook starts empty). */
    SEED_DEMO: flag.optional(),
    MAX_UPLOAD_MB: z.coerce.number().min(1).max(100).default(10),
    /** Days after a corrective action's implementation before its effectiveness check is due. */
    EFFECTIVENESS_WAIT_DAYS: z.coerce.number().int().min(0).max(365).default(30),
    TIME_ZONE: z
      .string()
      .default('Europe/Copenhagen')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Europe/Copenhagen'),
    ORGANISATION_NAME: z.string().min(1).max(120).default('Eksempel Kommune · Teknik og Miljø'),
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
    BOT_CLIENT_ID: z.uuid().optional(),
    BOT_CLIENT_SECRET: z.string().min(8).optional(),
    BOT_TENANT_ID: z.uuid().optional(),
    /** The Teams app's id (the manifest's `id`); with it, card links open the tab inside Teams. */
    TEAMS_APP_ID: z.uuid('the Teams app id from the manifest, a GUID').optional(),
    SWEEP_ON_TIMER: flag.default(true),
    LOCAL_TEAMS_USERS: z
      .string()
      .regex(
        /^[^=,\s]+=[a-z0-9-]+(,[^=,\s]+=[a-z0-9-]+)*$/,
        'a list like <aadObjectId>=anne-birk,<aadObjectId>=peter-lund',
      )
      .optional(),
    ENTRA_CLIENT_ID: z.uuid('the Application (client) ID of the API app registration, a GUID').optional(),
    ENTRA_APP_ID_URI: z
      .string()
      .regex(/^(api|https):\/\/[^\s/]+(\/[^\s/]+)*$/, 'an Application ID URI such as api://kh.example.dk/<client id>')
      .optional(),
    ENTRA_TENANT_IDS: z
      .string()
      .regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\s*,\s*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})*$/i,
        'a comma-separated list of tenant IDs (GUIDs)',
      )
      .refine(
        (list) => !list.toLowerCase().includes(personalAccountsTenant),
        'personal Microsoft accounts (tenant 9188040d-…) cannot sign in; list organisation tenants only',
      )
      .optional(),
    ENTRA_JWKS_URL: z.url({ protocol: /^https$/ }).default(defaultJwksUrl),
    /** STORE=sharepoint: the handbook's site, e.g. https://contoso.sharepoint.com/sites/kvalitetshaandbog */
    SHAREPOINT_SITE_URL: z
      .url({ protocol: /^https$/ })
      .regex(
        /^https:\/\/[^/]+\.sharepoint\.com\/(sites|teams)\/[^/?#]+\/?$/i,
        'a SharePoint site URL such as https://contoso.sharepoint.com/sites/kvalitetshaandbog',
      )
      .optional(),
    /** STORE=sharepoint: the API app registration's secret, for Microsoft Graph (app-only). */
    ENTRA_CLIENT_SECRET: z.string().min(8).optional(),
    ENTRA_DEFAULT_UNIT: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a unit id such as teknik-miljo')
      .default('teknik-miljo'),
    /** Requests a minute by one signed-in person (429 with Retry-After beyond it). */
    RATE_LIMIT_PER_PERSON: z.coerce.number().int().min(60).max(100_000).default(1200),
    /** Requests a minute from one address to the routes without sign-in. */
    RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(10).max(100_000).default(300),
    /** The register's public form: the HMAC key its proof-of-work challenges are signed with. */
    ALTCHA_HMAC_KEY: z.string().min(32, 'at least 32 characters, e.g. `openssl rand -hex 32`').optional(),
    /** The proof-of-work's size: the highest number a browser may have to try. */
    ALTCHA_MAX_NUMBER: z.coerce.number().int().min(1000).max(10_000_000).default(50_000),
    /** The shared mailbox register replies are sent from (Graph sendMail); unset: replies go to the outbox. */
    REGISTER_MAILBOX: z.email().optional(),
  })
  .superRefine((env, context) => {
    if ((env.BOT_CLIENT_ID === undefined) !== (env.BOT_CLIENT_SECRET === undefined)) {
      context.addIssue({
        code: 'custom',
        path: [env.BOT_CLIENT_ID === undefined ? 'BOT_CLIENT_ID' : 'BOT_CLIENT_SECRET'],
        message: 'set both BOT_CLIENT_ID and BOT_CLIENT_SECRET (the bot registration), or neither for the local chat',
      });
    }
    if (env.APP_MODE === 'local' && !isLoopbackHost(env.HOST)) {
      context.addIssue({
        code: 'custom',
        path: ['HOST'],
        message:
          'local mode has no real sign-in (anyone can be anyone under "Log ind som"), so it listens on loopback only ' +
          '(127.0.0.1, ::1 or localhost); to serve a network, use APP_MODE=production with Entra ID sign-in',
      });
    }
    if (env.STORE === 'sharepoint') {
      const missing = (name: string, message: string) => context.addIssue({ code: 'custom', path: [name], message });
      if (env.SHAREPOINT_SITE_URL === undefined)
        missing('SHAREPOINT_SITE_URL', 'STORE=sharepoint keeps the handbook in a SharePoint site: set its URL');
      if (env.ENTRA_CLIENT_SECRET === undefined)
        missing('ENTRA_CLIENT_SECRET', "STORE=sharepoint calls Microsoft Graph as the API app: set the app's secret");
      // In production these are named below already.
      if (env.APP_MODE !== 'production' && env.ENTRA_CLIENT_ID === undefined)
        missing('ENTRA_CLIENT_ID', 'STORE=sharepoint calls Microsoft Graph as the API app: set its client ID');
      if (env.APP_MODE !== 'production' && env.ENTRA_TENANT_IDS === undefined)
        missing('ENTRA_TENANT_IDS', "STORE=sharepoint calls Microsoft Graph in the site's tenant: set the tenant ID");
      if (env.SEED_DEMO === true)
        missing(
          'SEED_DEMO',
          'the demo municipality is seeded into SQLite only; use SEED_DEMO=false with STORE=sharepoint',
        );
    }
    if (env.APP_MODE === 'production') {
      if (env.ENTRA_CLIENT_ID === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['ENTRA_CLIENT_ID'],
          message:
            'APP_MODE=production signs people in with Entra ID: set the Application (client) ID of the API app registration',
        });
      }
      // Only beside a well-formed client id: a missing or malformed one is named above already.
      const hasClientId = z.uuid().safeParse(env.ENTRA_CLIENT_ID).success;
      if (hasClientId && env.ENTRA_APP_ID_URI === undefined && env.PUBLIC_URL === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['ENTRA_APP_ID_URI'],
          message:
            "the tab asks tokens for the registration's Application ID URI: set it (api://<TAB_DOMAIN>/<client id>), " +
            'or set PUBLIC_URL so it can be derived from the public host',
        });
      }
      if (env.ENTRA_TENANT_IDS === undefined) {
        context.addIssue({
          code: 'custom',
          path: ['ENTRA_TENANT_IDS'],
          message:
            'APP_MODE=production accepts sign-ins only from listed tenants: set the tenant ID(s), comma-separated',
        });
      }
    }
  });

export type Config = {
  mode: 'local' | 'production';
  store: 'sqlite' | 'sharepoint';
  port: number;
  host: string;
  dataDir: string;
  seedDemo: boolean;
  maxUploadBytes: number;
  /** Days after a corrective action's implementation before its effectiveness check is due. */
  effectivenessWaitDays: number;
  timeZone: string;
  organisationName: string;
  /** Where people open the tab; links in cards point here. */
  publicUrl: string;
  /** The Teams app's id: links in cards are Teams deep links into the tab; null: plain URLs. */
  teamsAppId: string | null;
  /** Bot registration; without it cards go to the local outbox and the chat pane. */
  bot: { clientId: string; clientSecret: string; tenantId: string | null } | null;
  sweepOnTimer: boolean;
  /** Local mode: Teams identities (e.g. the Agents Playground's mock user) mapped to demo people. */
  localTeamsUsers: Record<string, string>;
  /** Entra ID sign-in; set in production mode (required there), null in local mode. */
  entra: EntraConfig | null;
  /** STORE=sharepoint: the site and the app-only Graph credentials; null with STORE=sqlite. */
  sharePoint: SharePointConfig | null;
  /** Request limits per person, per address and on failed sign-ins (`http/rate-limit.ts`). */
  rateLimits: RateLimitSettings;
  /** The register: the public form's proof-of-work and the mailbox replies are sent from. */
  register: RegisterConfig;
};

export type RegisterConfig = {
  /**
   * ALTCHA_HMAC_KEY; local mode: a random key per process when unset. Null in production without
   * the key: the public form is then off (SERVICE_UNAVAILABLE), never signed with a guessable key.
   */
  altchaHmacKey: string | null;
  altchaMaxNumber: number;
  /** The shared mailbox of Graph sendMail; null: replies are written to the outbox. */
  mailbox: string | null;
  /** Requests a minute from one address to the public form's routes (benchmarks lift it). */
  publicRequestsPerMinute: number;
};

export type SharePointConfig = {
  siteUrl: string;
  /** The API app registration, signing in app-only (client credentials) to Microsoft Graph. */
  graphApp: { tenantId: string; clientId: string; clientSecret: string };
};

export type EntraConfig = {
  /** The API app registration's client id: the audience of every token, and the tab's MSAL client id. */
  clientId: string;
  /** The App ID URI the tab asks a token for (`<appIdUri>/access_as_user`): the registration's `api://<TAB_DOMAIN>/<client id>`. */
  appIdUri: string;
  /** Tenants whose people may sign in (lower-case GUIDs). */
  tenantIds: string[];
  jwksUrl: string;
  /** The unit a person is placed in on first sign-in, until someone moves them. */
  defaultUnitId: string;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(environmentSchema.shape).map((key) => [key, emptyToUndefined(environment[key])]),
  );
  const parsed = environmentSchema.safeParse(relevant);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        return `${name}=${JSON.stringify(relevant[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const env = parsed.data;
  return {
    mode: env.APP_MODE,
    store: env.STORE,
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    seedDemo: env.SEED_DEMO ?? (env.APP_MODE === 'local' && env.STORE === 'sqlite'),
    maxUploadBytes: Math.round(env.MAX_UPLOAD_MB * 1024 * 1024),
    effectivenessWaitDays: env.EFFECTIVENESS_WAIT_DAYS,
    timeZone: env.TIME_ZONE,
    organisationName: env.ORGANISATION_NAME,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
    teamsAppId: env.TEAMS_APP_ID?.toLowerCase() ?? null,
    bot:
      env.BOT_CLIENT_ID && env.BOT_CLIENT_SECRET
        ? { clientId: env.BOT_CLIENT_ID, clientSecret: env.BOT_CLIENT_SECRET, tenantId: env.BOT_TENANT_ID ?? null }
        : null,
    sweepOnTimer: env.SWEEP_ON_TIMER,
    localTeamsUsers: Object.fromEntries(
      (env.LOCAL_TEAMS_USERS ?? '')
        .split(',')
        .filter((pair) => pair.includes('='))
        .map((pair) => pair.split('=') as [string, string]),
    ),
    entra:
      env.APP_MODE === 'production' && env.ENTRA_CLIENT_ID && env.ENTRA_TENANT_IDS
        ? {
            clientId: env.ENTRA_CLIENT_ID.toLowerCase(),
            appIdUri: env.ENTRA_APP_ID_URI ?? defaultAppIdUri(env.PUBLIC_URL, env.ENTRA_CLIENT_ID),
            tenantIds: [...new Set(env.ENTRA_TENANT_IDS.split(',').map((id) => id.trim().toLowerCase()))],
            jwksUrl: env.ENTRA_JWKS_URL,
            defaultUnitId: env.ENTRA_DEFAULT_UNIT,
          }
        : null,
    sharePoint:
      env.STORE === 'sharepoint' &&
      env.SHAREPOINT_SITE_URL &&
      env.ENTRA_CLIENT_ID &&
      env.ENTRA_TENANT_IDS &&
      env.ENTRA_CLIENT_SECRET
        ? {
            siteUrl: env.SHAREPOINT_SITE_URL.replace(/\/$/, ''),
            graphApp: {
              tenantId: env.ENTRA_TENANT_IDS.split(',')[0]!.trim().toLowerCase(),
              clientId: env.ENTRA_CLIENT_ID.toLowerCase(),
              clientSecret: env.ENTRA_CLIENT_SECRET,
            },
          }
        : null,
    rateLimits: {
      perPersonPerMinute: env.RATE_LIMIT_PER_PERSON,
      perAddressPerMinute: env.RATE_LIMIT_PER_ADDRESS,
      failedSignInsPerMinute: 60,
    },
    register: {
      altchaHmacKey: env.ALTCHA_HMAC_KEY ?? (env.APP_MODE === 'local' ? randomBytes(32).toString('hex') : null),
      altchaMaxNumber: env.ALTCHA_MAX_NUMBER,
      mailbox: env.REGISTER_MAILBOX ?? null,
      publicRequestsPerMinute: 30,
    },
  };
}

/**
 * `npm run provision` names the API app in the Sites.Selected grant it prints: ENTRA_CLIENT_ID
 * when it is a client id (a GUID), else undefined (the command then prints a placeholder).
 */
export function apiClientIdForProvisioning(
  environment: Record<string, string | undefined> = process.env,
): string | undefined {
  const parsed = z.uuid().safeParse(emptyToUndefined(environment['ENTRA_CLIENT_ID']));
  return parsed.success ? parsed.data.toLowerCase() : undefined;
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped, ::ffff:127.x.y.z) and localhost: interfaces only this machine reaches. */
export function isLoopbackHost(host: string): boolean {
  const name = host.trim().toLowerCase();
  if (name === 'localhost') return true;
  if (isIPv4(name)) return name.startsWith('127.');
  if (!isIPv6(name)) return false;
  // The URL parser writes IPv6 in its shortest form: ::1, or ::ffff:7fxx:xxxx for 127.x.y.z.
  const canonical = new URL(`http://[${name}]/`).hostname;
  return canonical === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(canonical);
}

/**
 * What a valid configuration still leaves switched off, for the hosts to print at start-up:
 * a process that refuses requests should say why before the first one arrives.
 */
/**
 * The Application ID URI the registration has (teams-app/aad.manifest.json `identifierUris`):
 * `api://<TAB_DOMAIN>/<client id>`, where TAB_DOMAIN is the host people open the tab on. Entra's
 * own default (`api://<client id>`) is not what the Teams SSO registration uses, so it is never assumed.
 */
export function defaultAppIdUri(publicUrl: string | undefined, clientId: string): string {
  if (!publicUrl) throw new Error('ENTRA_APP_ID_URI or PUBLIC_URL is required in production.');
  return `api://${new URL(publicUrl).host}/${clientId.toLowerCase()}`;
}

export function startupWarnings(config: Pick<Config, 'mode' | 'bot'>): string[] {
  const warnings: string[] = [];
  if (config.mode === 'production' && config.bot === null) {
    warnings.push(
      'APP_MODE=production without a bot registration (BOT_CLIENT_ID, BOT_CLIENT_SECRET): POST /api/messages ' +
        'refuses every activity (503 SERVICE_UNAVAILABLE) and no card reaches Teams. Set the Azure Bot’s app ' +
        'id and secret to turn the chat on (docs/deploy.md).',
    );
  }
  return warnings;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
