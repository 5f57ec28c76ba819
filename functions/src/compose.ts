import { join } from 'node:path';
import { noEvents, type Clock, type DocumentStore, type Ids, type Services } from './app/ports.js';
import { createDiskDocumentStore } from './adapters/files/disk-document-store.js';
import { openDatabase, type SqliteDatabase } from './adapters/sqlite/open-database.js';
import { createSqliteOutbox } from './adapters/outbox/sqlite-outbox.js';
import { seedDemoRegister } from './seed/demo-register.js';
import { createAltchaProofOfWork } from './adapters/altcha/altcha-proof-of-work.js';
import type { ProofOfWork, RegisterStore } from './app/register-ports.js';
import { createOutboxMailer, unwiredMailer } from './adapters/outbox/outbox-mailer.js';
import { createSqliteMessagingStore, createSqliteReminderSource } from './adapters/sqlite/sqlite-messaging-store.js';
import { openSharePointMessagingStore } from './adapters/sharepoint/sharepoint-messaging-store.js';
import { openSharePointReminderSource } from './adapters/sharepoint/sharepoint-reminder-source.js';
import type { ReminderSource } from './jobs/reminder-source.js';
import type { JWTVerifyGetKey } from 'jose';
import { createSqliteStore, ensureUnit, linkTeamsUsers, upsertDirectory } from './adapters/sqlite/sqlite-store.js';
import { createSqliteQualityStore } from './adapters/sqlite/sqlite-quality-store.js';
import { createSqliteSurveyStore } from './adapters/sqlite/sqlite-survey-store.js';
import { openSharePointSurveyStore } from './adapters/sharepoint/sharepoint-survey-store.js';
import { openSharePointAccessRequestStore } from './adapters/sharepoint/sharepoint-access-request-store.js';
import { createJsonFiles } from './adapters/sharepoint/sharepoint-json-files.js';
import type { AccessRequestStore } from './app/access-request-ports.js';
import type { SurveyStore } from './app/survey-ports.js';
import { createSqliteAccessRequestStore } from './adapters/sqlite/sqlite-access-request-store.js';
import { createSqliteRegisterStore } from './adapters/sqlite/sqlite-register-store.js';
import { openSharePointQualityStore } from './adapters/sharepoint/sharepoint-quality-store.js';
import type { QualityStore } from './app/quality-ports.js';
import type { GoalStore } from './app/goal-ports.js';
import { createSqliteGoalStore } from './adapters/sqlite/sqlite-goal-store.js';
import { openSharePointGoalStore } from './adapters/sharepoint/sharepoint-goal-store.js';
import type { FokusStore } from './app/fokus-ports.js';
import { createSqliteFokusStore } from './adapters/sqlite/sqlite-fokus-store.js';
import { openSharePointRegisterStore } from './adapters/sharepoint/sharepoint-register-store.js';
import { openSharePointFokusStore } from './adapters/sharepoint/sharepoint-fokus-store.js';
import { seedDemoFokus } from './seed/seed-demo-fokus.js';
import type { MessagingStore, Outbox } from './app/messaging-ports.js';
import { createBot, type Bot } from './bot/create-bot.js';
import { appOnly } from './adapters/sharepoint/graph-auth.js';
import { createGraphClient, type GraphClient } from './adapters/sharepoint/graph-client.js';
import { createGraphMailer } from './adapters/sharepoint/graph-mailer.js';
import { parseSiteUrl } from './adapters/sharepoint/provision.js';
import { openSharePointDocumentStore } from './adapters/sharepoint/sharepoint-document-store.js';
import { openSharePointStore, type SharePointStore } from './adapters/sharepoint/sharepoint-store.js';
import { notifyOnEvents } from './bot/notify-on-events.js';
import { createReminderCards } from './jobs/reminder-cards.js';
import { acknowledgementRequestsOnPublication } from './jobs/send-acknowledgement-requests.js';
import { randomIds, systemClock } from './adapters/system/system-clock.js';
import { ConfigError, type Config } from './config.js';
import { localAuthenticator, type Authenticate } from './http/authenticate.js';
import { apiScope, entraAuthenticator, microsoftSigningKeys } from './http/entra-authenticator.js';
import { createRouteHandler, type ResponseContractCheck, type RouteHandler } from './http/handle-route.js';
import { createRateLimiter } from './http/rate-limit.js';
import { buildOpenApi } from './http/openapi.js';
import { defineRoute, json, type Route } from './http/route.js';
import { buildRoutes } from './http/routes.js';
import type { SignInDto } from './contract/schemas.js';
import { demoPeople, demoUnits } from './seed/demo-directory.js';
import { seedDemoHandbook } from './seed/seed-demo.js';
import { refreezeSeededEvaluations } from './app/freeze-evaluation.js';
import { seedDemoCompetences } from './seed/seed-demo-competences.js';
import { linkDemoSurveyGoals, seedDemoSurveys } from './seed/demo-surveys.js';
import { localDateOf } from './core/local-date.js';
import { createSurveyPage, type SurveyPage } from './public/survey-page.js';
import { createPublicPages, type PublicPages } from './public/public-pages.js';
import { createRegisterPage, type RegisterPage } from './public/register-page.js';
import { publicRegisterDoor } from './public/register-door.js';
import { reportToRegister } from './app/report-to-register.js';
import { submitPublicReport } from './app/submit-public-report.js';
import { publicRegisterOptions, publicRegisterStatus } from './app/register-queries.js';
import { AppError, isAppError } from './core/errors.js';

export type EmbeddedApp = {
  config: Config;
  services: Services;
  messaging: MessagingStore;
  /** Where the sweep finds what is due: SQL over the embedded store, or delta-synced SharePoint lists. */
  reminderSource: ReminderSource;
  outbox: Outbox;
  bot: Bot;
  routes: Route[];
  handlers: Map<Route, RouteHandler>;
  /** The public answer page of personal survey links (`/survey/{token}`, HTML, no sign-in). */
  surveyPage: SurveyPage;
  /** The public handbook and the published yearly reports (public/public-pages.ts). */
  publicPages: PublicPages;
  /** The register's public form, its assets and the senders' status pages (`/register…`, HTML, no sign-in). */
  registerPage: RegisterPage;
  db: SqliteDatabase;
  close(): void;
};

/** The route table plus the OpenAPI document generated from it. */
export function buildApi(
  config: Pick<Config, 'mode' | 'maxUploadBytes'> & Partial<Pick<Config, 'entra' | 'publicUrl' | 'register'>>,
  chat?: { bot: Bot; outbox: Outbox },
): Route[] {
  let openApi: Record<string, unknown> | undefined;
  const routes: Route[] = [
    ...buildRoutes({
      mode: config.mode,
      maxUploadBytes: config.maxUploadBytes,
      chat,
      signIn: signInFor(config),
      publicUrl: config.publicUrl,
      proofOfWork: config.register ? proofOfWorkOf(config.register) : undefined,
      publicRegisterPerMinute: config.register?.publicRequestsPerMinute,
    }),
    defineRoute({
      name: 'openapi',
      method: 'GET',
      path: '/openapi.json',
      summary: 'This API as OpenAPI 3.1',
      tag: 'system',
      access: 'public',
      handler: async () => json((openApi ??= buildOpenApi(routes, config))),
    }),
  ];
  return routes;
}

/**
 * STORE=sharepoint: the handbook's site through Microsoft Graph. The app is the only writer:
 * every call, for a signed-in person, the bot or the timer alike, goes app-only as the API app
 * (`Sites.Selected` with `write` on this one site), after the route has validated the caller's
 * token and the use case has checked the product's policies. In tests `graph` replaces the
 * client, or `graphRoot` points the real one (app-only credential and all) at the Graph double.
 */
async function openSharePoint(
  config: Config,
  graph?: GraphClient,
  graphRoot?: string,
): Promise<{
  store: SharePointStore;
  quality: QualityStore;
  goals: GoalStore;
  surveys: SurveyStore;
  fokus: FokusStore;
  register: RegisterStore;
  accessRequests: AccessRequestStore;
  documents: DocumentStore;
  messaging: MessagingStore;
  reminderSource: ReminderSource;
}> {
  if (!config.sharePoint)
    throw new ConfigError([
      'STORE=sharepoint needs SHAREPOINT_SITE_URL, ENTRA_CLIENT_ID, ENTRA_TENANT_IDS and ENTRA_CLIENT_SECRET',
    ]);
  const client =
    graph ??
    createGraphClient({
      tokens: appOnly(config.sharePoint.graphApp),
      ...(graphRoot === undefined ? {} : { baseUrl: graphRoot }),
    });
  const { hostname, path } = parseSiteUrl(config.sharePoint.siteUrl);
  // https://learn.microsoft.com/en-us/graph/api/site-getbypath
  const site = await client.get<{ id: string }>(`/sites/${hostname}:${path}`);
  const reminderSource = await openSharePointReminderSource(client, site.id, {
    timeZone: config.timeZone,
    dataDir: config.dataDir,
  });
  const documents = await openSharePointDocumentStore(client, site.id);
  // JSON too long for a list column (a large frozen pack, many exports' file lists) goes to the drive.
  const jsonFiles = createJsonFiles(async () => documents);
  return {
    store: await openSharePointStore(client, site.id),
    quality: await openSharePointQualityStore(client, site.id, { jsonFiles }),
    goals: await openSharePointGoalStore(client, site.id),
    surveys: await openSharePointSurveyStore(client, site.id),
    fokus: await openSharePointFokusStore(client, site.id),
    register: await openSharePointRegisterStore(client, site.id),
    accessRequests: await openSharePointAccessRequestStore(client, site.id, { jsonFiles }),
    documents,
    // The ledger, lease and conversations live in the site too; the delta snapshots (and their
    // tokens) are a cache under DATA_DIR: losing it costs one full re-read, never a reminder.
    messaging: await openSharePointMessagingStore(client, site.id, {
      dataDir: config.dataDir,
      allowPersonIdAsAadObjectId: config.mode === 'local',
      // One Conversations delta a sweep: the source's mirror serves getConversation too.
      conversations: reminderSource.conversations,
    }),
    reminderSource,
  };
}

/**
 * Wires the embedded default: SQLite under the data folder, files beside it, the route table
 * and its handlers. Seeds the demo municipality on first start when asked to.
 * With STORE=sharepoint, procedures, records (the quality year's too), files, the reminder
 * ledger and conversations live in the SharePoint site instead; only the local chat outbox
 * (local mode without a bot registration) stays in the SQLite file under DATA_DIR.
 */
export async function createEmbeddedApp(
  config: Config,
  overrides: {
    clock?: Clock;
    ids?: Ids;
    authenticate?: Authenticate;
    jwks?: JWTVerifyGetKey;
    graph?: GraphClient;
    /** The Graph version root the app-only client calls (tests: the Graph double). */
    graphRoot?: string;
    /** Tests: check every JSON response against its route's schema (see handle-route.ts). */
    checkResponse?: ResponseContractCheck;
    /** Tests: routes added to the table (e.g. one that drifts from its contract). */
    extraRoutes?: Route[];
  } = {},
): Promise<EmbeddedApp> {
  const sharePoint =
    config.store === 'sharepoint' ? await openSharePoint(config, overrides.graph, overrides.graphRoot) : null;
  if (sharePoint && config.seedDemo)
    throw new ConfigError(['SEED_DEMO: the demo municipality is seeded into SQLite only; use SEED_DEMO=false']);
  const db = openDatabase(join(config.dataDir, 'kvalitetshaandbog.sqlite'));
  let clockOverride: Date | null = null;
  const baseClock = overrides.clock ?? systemClock;
  const services: Services = {
    events: noEvents,
    store: sharePoint?.store ?? createSqliteStore(db),
    quality: sharePoint?.quality ?? createSqliteQualityStore(db),
    goals: sharePoint?.goals ?? createSqliteGoalStore(db),
    surveys: sharePoint?.surveys ?? createSqliteSurveyStore(db),
    fokus: sharePoint?.fokus ?? createSqliteFokusStore(db),
    accessRequests: sharePoint?.accessRequests ?? createSqliteAccessRequestStore(db),
    register: sharePoint?.register ?? createSqliteRegisterStore(db),
    mailer: unwiredMailer,
    documents: sharePoint?.documents ?? createDiskDocumentStore(join(config.dataDir, 'files')),
    clock: { now: () => clockOverride ?? baseClock.now() },
    ids: overrides.ids ?? randomIds,
    settings: {
      timeZone: config.timeZone,
      organisationName: config.organisationName,
      maxUploadBytes: config.maxUploadBytes,
      effectivenessWaitDays: config.effectivenessWaitDays,
    },
  };
  const messaging =
    sharePoint?.messaging ?? createSqliteMessagingStore(db, { allowPersonIdAsAadObjectId: config.mode === 'local' });
  const reminderSource = sharePoint?.reminderSource ?? createSqliteReminderSource(db, { timeZone: config.timeZone });
  const outbox = createSqliteOutbox(db, services.clock, services.ids);
  // Register replies: Graph sendMail from the shared mailbox where one is configured (with the API
  // app's credentials), else the outbox (local mode, tests).
  services.mailer =
    config.register.mailbox !== null && config.sharePoint
      ? createGraphMailer(
          overrides.graph ??
            createGraphClient({
              tokens: appOnly(config.sharePoint.graphApp),
              ...(overrides.graphRoot === undefined ? {} : { baseUrl: overrides.graphRoot }),
            }),
          config.register.mailbox,
        )
      : createOutboxMailer(outbox);
  const bot = await createBot({
    services,
    messaging,
    outbox,
    credentials: config.bot,
    publicUrl: config.publicUrl,
    teamsAppId: config.teamsAppId,
    mode: config.mode,
    // The message extension's "Meld afvigelse": the same use case as POST /api/register/items.
    fileTeamsReport: async (actor, body) => ({
      receiptNumber: (await reportToRegister(services, actor, body, 'teams')).receiptNumber,
    }),
  });
  const chatEvents = notifyOnEvents({
    services,
    messaging,
    publicUrl: config.publicUrl,
    teamsAppId: config.teamsAppId,
    notifier: bot.notifier,
    outbox: bot.isAuthenticated ? null : outbox,
  });
  services.events = chatEvents;
  if (config.seedDemo) {
    const firstSeed = (await services.quality.listManagementEvaluations()).length === 0;
    upsertDirectory(db, { units: demoUnits, people: demoPeople });
    try {
      await seedDemoHandbook(services, { set: (date) => (clockOverride = date) }, baseClock.now());
    } finally {
      clockOverride = null;
    }
    await seedDemoCompetences(services.store, localDateOf(baseClock.now(), config.timeZone));
    await seedDemoSurveys(services.surveys, localDateOf(baseClock.now(), config.timeZone));
    await seedDemoFokus(services, baseClock.now());
    await seedDemoRegister(
      services.register,
      localDateOf(baseClock.now(), config.timeZone),
      baseClock.now().toISOString(),
    );
    // Last: it needs both the demo goals and the demo survey.
    await linkDemoSurveyGoals(
      services,
      { at: baseClock.now().toISOString(), actorId: 'mette-kjaer' },
      localDateOf(baseClock.now(), config.timeZone),
    );
    // Last of all: the held evaluations frozen as of their meeting days, now that every record is in.
    if (firstSeed) await refreezeSeededEvaluations(services);
  }
  // From here on a published major version sends its readers the acknowledgement card at once
  // (after the seed: the demo's history is not announced; the sweep reminds as it always did).
  const acknowledgementRequests = acknowledgementRequestsOnPublication({
    services,
    messaging,
    notifier: bot.notifier,
    cards: createReminderCards({ publicUrl: config.publicUrl }),
  });
  services.events = {
    async publish(event) {
      await chatEvents.publish(event);
      await acknowledgementRequests.publish(event);
    },
  };
  if (config.mode === 'local' && !sharePoint) linkTeamsUsers(db, config.localTeamsUsers);
  if (config.entra) {
    const unit = { id: config.entra.defaultUnitId, name: config.organisationName, parentId: null };
    if (sharePoint) await sharePoint.store.ensureUnit(unit);
    else ensureUnit(db, unit);
  }
  const authenticate = overrides.authenticate ?? createAuthenticator(config, services, overrides.jwks);
  const routes = [...buildApi(config, { bot, outbox }), ...(overrides.extraRoutes ?? [])];
  // One set of counters for every route of this process (see http/rate-limit.ts).
  const limiter = createRateLimiter(config.rateLimits);
  // With SharePoint, every route's Graph calls go app-only (see openSharePoint): the caller's
  // token stops at the route's authentication and is never passed on to Graph.
  const handlers = new Map(
    routes.map(
      (route) => [route, createRouteHandler(route, services, authenticate, limiter, overrides.checkResponse)] as const,
    ),
  );
  const surveyPage = createSurveyPage({ services, limiter, publicUrl: config.publicUrl });
  const publicPages = createPublicPages({ services, limiter });
  const pageProofOfWork = proofOfWorkOf(config.register);
  const registerPage = createRegisterPage({
    door: publicRegisterDoor({
      challengePath: '/api/public/register/challenge',
      options: (locale) => publicRegisterOptions(services, locale),
      submit: async (body) => {
        const proofOfWork = pageProofOfWork;
        // As the register's submission route: without the key the public form is off.
        if (!proofOfWork) throw new AppError('SERVICE_UNAVAILABLE', 'The public form is not configured on this host.');
        const { item, statusToken } = await submitPublicReport(services, proofOfWork, body);
        return { statusToken, canBeAnswered: item.replyDueOn !== null };
      },
      status: async (token, locale) => {
        try {
          return await publicRegisterStatus(services, token, locale);
        } catch (error) {
          if (isAppError(error) && error.code === 'NOT_FOUND') return null;
          throw error;
        }
      },
    }),
    limiter,
    publicUrl: config.publicUrl,
    timeZone: config.timeZone,
  });
  return {
    config,
    services,
    messaging,
    reminderSource,
    outbox,
    bot,
    routes,
    handlers,
    surveyPage,
    publicPages,
    registerPage,
    db,
    close: () => db.close(),
  };
}

/**
 * Local mode: the "Log ind som" picker. Production: Entra ID access tokens and nothing else; the
 * picker cannot be built there (see `localAuthenticator`).
 */
function createAuthenticator(config: Config, services: Services, jwks?: JWTVerifyGetKey): Authenticate {
  if (config.mode === 'local') return localAuthenticator(services, { mode: config.mode });
  if (!config.entra) throw new ConfigError(['APP_MODE=production needs ENTRA_CLIENT_ID and ENTRA_TENANT_IDS']);
  const keys = jwks ?? microsoftSigningKeys(new URL(config.entra.jwksUrl));
  return entraAuthenticator({ ...config.entra, jwks: keys, clock: services.clock }, services);
}

/**
 * What the tab's MSAL needs. A single tenant gets its own authority (a single-tenant app
 * registration refuses /organizations); several tenants share /organizations.
 */
function signInFor(config: Partial<Pick<Config, 'entra'>>): SignInDto {
  const { entra } = config;
  if (!entra) return { mode: 'local' };
  const tenant = entra.tenantIds.length === 1 ? entra.tenantIds[0] : 'organizations';
  return {
    mode: 'production',
    clientId: entra.clientId,
    authority: `https://login.microsoftonline.com/${tenant}`,
    scopes: [`${entra.appIdUri}/${apiScope}`],
  };
}

/**
 * The public form's proof-of-work (ALTCHA) with the configured key: the register's challenge
 * and submission routes and the public page's door check the same signatures. None without a
 * key (production without ALTCHA_HMAC_KEY): the public form is then off.
 */
function proofOfWorkOf(register: Config['register']): ProofOfWork | undefined {
  if (!register.altchaHmacKey) return undefined;
  return createAltchaProofOfWork({
    hmacKey: register.altchaHmacKey,
    maxNumber: register.altchaMaxNumber,
    validSeconds: 20 * 60,
  });
}
