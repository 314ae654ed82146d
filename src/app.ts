import type { Config } from './config.js';
import { createLogger, type Logger } from './logger.js';
import { openDatabase, type Database, type OpenDatabaseOptions } from './persistence/database.js';
import { catalogIsEmpty, seedCatalog } from './persistence/seed/seed-catalog.js';
import { createGraphQLServer } from './graphql/yoga.js';
import { createRestApp } from './rest/app.js';
import { createHttpServer, DEFAULT_WS_LIMITS, type HttpServer } from './transport/http-server.js';
import { createConsoleSite } from './transport/console-site.js';
import { bootstrapDevAccount, type BootstrapResult } from './gateway/accounts/bootstrap.js';
import { ensureOperatorKey } from './gateway/accounts/operator.js';
import { createAuthenticator, type Authenticator } from './gateway/auth/authenticator.js';
import { UpstreamHttpClient } from './adapters/http-client.js';
import { createStickyMemory } from './core/routing/index.js';
import type { GenerationDeps } from './gateway/generation/generation-deps.js';
import { createTestPaymentProvider, type PaymentProvider } from './gateway/billing/payment-provider.js';
import { createCatalogSnapshot } from './gateway/routing/catalog-snapshot.js';
import { createInMemoryHealthStore, type HealthStore } from './core/health/index.js';
import { startSimulator, defaultProfiles, type RunningSimulator } from './simulator/index.js';
import { createUpstreamDirectory, type UpstreamDirectory } from './gateway/upstreams.js';
import { ProviderSchema } from './persistence/entities/index.js';
import { loadOrCreateKeyringFile } from './gateway/secrets/keyring-file.js';
import { generateKeyringEntry, parseKeyring, type Keyring } from './gateway/secrets/keyring.js';
import { createByokCredentials } from './gateway/byok/byok-credentials.js';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { createInMemoryRateLimiter } from './gateway/rate-limit/in-memory-rate-limiter.js';
import { createRedisRateLimiter } from './gateway/rate-limit/redis-rate-limiter.js';
import { requestsPerMinute, type RateLimiter } from './gateway/rate-limit/rate-limiter.js';
import { failOpen } from './gateway/rate-limit/fail-open.js';
import { createInFlight } from './gateway/generation/in-flight.js';
import { createGenerationRunner } from './gateway/generation/generation-runner.js';
import { eventCodec, type GenerationEvent } from './gateway/generation/generation-events.js';
import type { GenerationLog } from './realtime/generation-log.js';
import { createMemoryGenerationLog } from './realtime/memory-generation-log.js';
import { createRedisGenerationLog } from './realtime/redis-generation-log.js';
import { createAppPubSub } from './realtime/pubsub.js';
import { createMetrics } from './observability/metrics.js';
import { createGenerationTracer, createOtlpTracerProvider } from './observability/tracing.js';
import type { TracerProvider } from '@opentelemetry/api';
import { replicateHealth } from './realtime/replicated-health-store.js';
import { replicateSticky } from './realtime/replicated-sticky-memory.js';
import { propagateCatalogChanges, type CatalogChanges } from './gateway/catalog/catalog-changes.js';
import { applyCatalogFile } from './gateway/catalog/apply-catalog-file.js';
import { watchCatalogFile, type CatalogFileWatcher } from './gateway/catalog/catalog-file-watcher.js';
import { CatalogFileError } from './gateway/catalog/catalog-file.js';
import { resolve as resolvePath } from 'node:path';
import { ALL_ACCOUNTS, decisionOf } from './gateway/generation/routing-decisions.js';
import { systemClock } from './core/clock.js';
import { createByokAllowance } from './gateway/byok/byok-allowance.js';
import { countByokGenerationsSince } from './persistence/queries/byok-usage.js';
import { startBilling, type Billing } from './gateway/billing/start-billing.js';
import { settledGenerations } from './gateway/billing/settled-generations.js';
import { databaseGenerationReader } from './persistence/queries/generation-reader.js';
import { createStreamSlots } from './gateway/limits/stream-slots.js';
import { clientAddress } from './transport/client-address.js';
import { createRateLimitObserver } from './gateway/rate-limit/observed-rate-limiter.js';
import { AccountManagement } from './gateway/accounts/manage-accounts.js';

export interface App {
  /** Opens the database, prepares it if configured to, and listens. Resolves with the base URL. */
  start(): Promise<string>;
  /** Stops accepting work, drains, closes the ORM and the embedded database. Safe to call twice. */
  stop(): Promise<void>;
  readonly url: string;
  readonly database: Database;
  readonly logger: Logger;
  /** What start-up did about the development account (undefined when bootstrapping is off). */
  readonly bootstrap: BootstrapResult | undefined;
  /** Endpoint health as this instance measures it (shared by routing, GraphQL and REST). */
  readonly health: HealthStore;
  /** The request pipeline's collaborators (for the surfaces, and for tests that drive it directly). */
  readonly completions: GenerationDeps;
  readonly auth: Authenticator;
  /** Re-applies CATALOG_FILE (what SIGHUP does); a no-op without one. Never throws: the outcome is logged. */
  reloadCatalogFile(): Promise<void>;
}

export interface BuildAppOptions {
  logger?: Logger;
  /** Where credit purchases are charged (default: the built-in test provider). */
  payments?: PaymentProvider;
  database?: OpenDatabaseOptions;
  /** Where generation traces go (default: OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none). */
  tracerProvider?: TracerProvider;
}

export function buildApp(config: Config, options: BuildAppOptions = {}): App {
  const logger = options.logger ?? createLogger(config.logLevel);
  let database: Database | undefined;
  let server: HttpServer | undefined;
  let url = '';
  let stopping: Promise<void> | undefined;
  let bootstrap: BootstrapResult | undefined;
  let simulator: RunningSimulator | undefined;
  let http: UpstreamHttpClient | undefined;
  let completions: GenerationDeps | undefined;
  let billing: Billing | undefined;
  let authenticator: Authenticator | undefined;
  let redis: Redis | undefined;
  let redisSubscriber: Redis | undefined;
  let redisEvents: Redis | undefined;
  let generationLog: GenerationLog<GenerationEvent> | undefined;
  // Replaced at start by a replicated store when instances share Redis.
  let health: HealthStore = createInMemoryHealthStore();
  let stopReplication: (() => Promise<void>) | undefined;
  let stopRunner: (() => Promise<void>) | undefined;
  let stopAccountChanges: (() => void) | undefined;
  let otlp: (TracerProvider & { shutdown(): Promise<void> }) | undefined;
  let catalogChanges: CatalogChanges | undefined;
  let catalogWatcher: CatalogFileWatcher | undefined;
  const inFlight = createInFlight();

  async function prepare(db: Database): Promise<void> {
    if (!config.autoMigrate) {
      const pending = await db.orm.getMigrator().getPendingMigrations();
      if (pending.length) {
        throw new Error(`${pending.length} database migration(s) pending: run \`npm run migrate\` (or set AUTO_MIGRATE=true)`);
      }
      return;
    }
    const applied = await db.migrate();
    if (applied.length) logger.info({ applied }, 'applied migrations');
    if (await catalogIsEmpty(db.orm.em.fork())) {
      const seeded = await seedCatalog(db.orm.em.fork());
      logger.info(seeded, 'seeded the catalog');
    }
  }

  /** SECRET_KEY, or for the embedded default a key generated into DATA_DIR; none otherwise (BYOK off). */
  async function resolveKeyring(): Promise<Keyring | undefined> {
    if (config.keyring) return config.keyring;
    if (config.database.kind !== 'embedded') {
      logger.warn('SECRET_KEY is not set: BYOK keys cannot be stored or used');
      return undefined;
    }
    // An in-memory database lives as long as the process: so can its key.
    if (config.database.dataDir.startsWith('memory://')) return parseKeyring(generateKeyringEntry('memory'));
    const path = join(config.database.dataDir, 'secret-key');
    const { keyring, created } = await loadOrCreateKeyringFile(path);
    if (created) logger.info({ path }, 'generated the key that encrypts BYOK keys (back it up with the database, or set SECRET_KEY)');
    return keyring;
  }

  /** Requests per minute per key (or per anonymous address): shared through Redis when configured, else per instance. */
  function createRateLimiter(perMinute: number | null, namespace: string): RateLimiter | undefined {
    if (perMinute === null) return undefined;
    const limits = requestsPerMinute(perMinute);
    if (!redis) return createInMemoryRateLimiter(limits);
    let lastReport = 0;
    return failOpen(createRedisRateLimiter({ client: redis, config: limits, keyPrefix: `${config.redisPrefix}${namespace}` }), (error) => {
      if (Date.now() - lastReport < 10_000) return;
      lastReport = Date.now();
      logger.error({ reason: (error as Error).message }, 'rate limiter unreachable (Redis): admitting requests unlimited');
    });
  }

  /** Starts the in-process simulator unless every provider is live (or simulation is off). */
  async function prepareUpstreams(db: Database): Promise<UpstreamDirectory> {
    const { simulate, simulatorProfile, credentials, credentialFromEnv } = config.upstreams;
    let simulatorUrl: string | undefined;
    const providers = await db.orm.em.fork().find(ProviderSchema, {}, { orderBy: { slug: 'asc' } });
    const unsimulated = createUpstreamDirectory({ mode: simulate, credentials, credentialFromEnv, simulatorUrl: undefined });
    const needsSimulator = simulate === 'all' || (simulate === 'auto' && providers.some((p) => unsimulated.resolve(p).mode !== 'live'));
    if (needsSimulator && config.upstreams.simulatorUrl) {
      simulatorUrl = config.upstreams.simulatorUrl;
    } else if (needsSimulator) {
      simulator = await startSimulator({ port: 0, host: '127.0.0.1', profiles: simulatorProfile === 'fast' ? {} : defaultProfiles, faultRates: config.upstreams.simulatorFaultRates ?? {} });
      simulatorUrl = simulator.url;
    }
    const directory = createUpstreamDirectory({ mode: simulate, credentials, credentialFromEnv, simulatorUrl });
    const byMode: Record<string, string[]> = { live: [], simulated: [], unavailable: [] };
    for (const p of providers) byMode[directory.resolve(p).mode]!.push(p.slug);
    logger.info({ ...byMode, simulator: simulatorUrl }, 'provider upstreams');
    return directory;
  }

  /** Applies CATALOG_FILE; at start-up a bad file stops the start, later it is logged and the catalog kept. */
  async function applyCatalog(db: Database, changes: CatalogChanges, path: string, atStart: boolean): Promise<void> {
    try {
      const applied = await applyCatalogFile(db.orm.em, changes, path);
      logger.info({ path, changes: applied.length, applied: applied.slice(0, 50) }, 'catalog file applied');
    } catch (error) {
      if (atStart) throw error;
      const issues = error instanceof CatalogFileError ? error.issues : [{ message: (error as Error).message }];
      logger.error({ path, issues }, 'catalog file rejected: the catalog stays as it was');
    }
  }

  return {
    get url() {
      return url;
    },
    get database() {
      if (!database) throw new Error('app not started');
      return database;
    },
    logger,
    get bootstrap() {
      return bootstrap;
    },
    get health() {
      return health;
    },
    get completions() {
      if (!completions) throw new Error('app not started');
      return completions;
    },
    get auth() {
      if (!authenticator) throw new Error('app not started');
      return authenticator;
    },
    reloadCatalogFile() {
      return catalogWatcher?.reload() ?? Promise.resolve();
    },
    async start() {
      const db = await openDatabase(config.database, options.database);
      database = db;
      try {
        await prepare(db);
        if (config.bootstrap.enabled) bootstrap = await bootstrapDevAccount(db.orm.em, config.bootstrap);
        if (config.operatorKey) await ensureOperatorKey(db.orm.em, config.operatorKey);
        const auth = createAuthenticator(db.orm.em);
        const catalogSnapshot = createCatalogSnapshot(db.orm.em);
        if (config.redisUrl) {
          // Fail fast while down instead of queueing: callers degrade (see docs/architecture.md).
          redis = new Redis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1, enableOfflineQueue: false });
          redis.on('error', (error: Error) => logger.debug({ reason: error.message }, 'redis connection error'));
          await redis.connect();
          redisSubscriber = redis.duplicate();
          redisEvents = redis.duplicate();
          await Promise.all([redisSubscriber.connect(), redisEvents.connect()]);
        }
        let lastPublishError = 0;
        const pubsub = createAppPubSub(redis && redisEvents ? { publishClient: redis, subscribeClient: redisEvents, channelPrefix: config.redisPrefix } : undefined, (error) => {
          if (Date.now() - lastPublishError < 10_000) return;
          lastPublishError = Date.now();
          logger.error({ reason: (error as Error).message }, 'publishing to Redis failed: cluster events (health, routing decisions) are paused');
        });
        catalogChanges = propagateCatalogChanges(catalogSnapshot, pubsub, (reason) => logger.info({ reason }, 'catalog changed: routing snapshot invalidated'));
        if (config.catalogFile) {
          const path = resolvePath(config.catalogFile);
          await applyCatalog(db, catalogChanges, path, true);
          const changes = catalogChanges;
          catalogWatcher = watchCatalogFile(path, () => applyCatalog(db, changes, path, false));
        }
        // After the catalog file: its providers are the operator's own and need no simulator.
        const upstreams = await prepareUpstreams(db);
        // A suspended (or changed) account's keys are forgotten by every instance's authenticator at once.
        const accountChanges = pubsub.subscribe('account-changed');
        void (async () => {
          for await (const change of accountChanges as AsyncIterable<{ accountId: string }>) auth.forgetAccount(change.accountId);
        })();
        stopAccountChanges = () => void accountChanges.return?.();
        const accounts = new AccountManagement(db.orm.em, (accountId) => {
          auth.forgetAccount(accountId);
          pubsub.publish('account-changed', { accountId });
        });
        let sticky = createStickyMemory();
        const instanceId = crypto.randomUUID();
        if (redis) {
          // Several instances: health and sticky routing converge through pub/sub (see docs/architecture.md).
          const replicated = replicateHealth(health, pubsub, instanceId);
          const sharedSticky = replicateSticky(sticky, pubsub, instanceId);
          health = replicated.store;
          sticky = sharedSticky.sticky;
          stopReplication = () => Promise.all([replicated.stop(), sharedSticky.stop()]).then(() => {});
        }
        // Where GraphQL completion streams live: in Redis, any instance can serve (and resume) any generation.
        generationLog = redis && redisSubscriber
          ? createRedisGenerationLog<GenerationEvent>({ client: redis, subscriber: redisSubscriber, keyPrefix: config.redisPrefix, codec: eventCodec })
          : createMemoryGenerationLog<GenerationEvent>();
        const keyring = await resolveKeyring();
        const byok = createByokCredentials(db.orm.em, keyring, {
          onUnreadable: (accountId, provider, error) => logger.warn({ accountId, provider, reason: (error as Error).message }, 'a BYOK key cannot be decrypted'),
        });
        http = new UpstreamHttpClient(config.upstreams.firstByteTimeoutMs ? { firstByteTimeoutMs: config.upstreams.firstByteTimeoutMs } : {});
        const streams = createStreamSlots({
          perKey: { connections: config.websocket.maxConnectionsPerKey, subscriptions: config.websocket.maxSubscriptionsPerKey },
          perAddress: { connections: config.anonymous.connectionsPerIp, subscriptions: config.anonymous.subscriptionsPerIp },
        });
        const metrics = createMetrics({ activeGenerations: () => inFlight.size, openStreams: () => streams.held() });
        otlp = options.tracerProvider ? undefined : createOtlpTracerProvider(config.otlpEndpoint);
        const tracerProvider = options.tracerProvider ?? otlp;
        const traceGeneration = tracerProvider ? createGenerationTracer(tracerProvider) : undefined;
        const rateLimits = createRateLimitObserver();
        const keyLimiter = createRateLimiter(config.rateLimitPerMinute, 'rl:');
        const rateLimiter = keyLimiter && rateLimits.wrap(keyLimiter);
        const em = db.orm.em;
        // Holds in memory and a journal file on one instance; in Redis with several (see docs/architecture.md).
        billing = await startBilling({
          em,
          clock: systemClock,
          logger,
          journalPath: config.dataDir.startsWith('memory://') ? null : join(config.dataDir, 'settlement-journal.ndjson'),
          ...(redis ? { redis: { client: redis, keyPrefix: config.redisPrefix, instanceId } } : {}),
        });
        if (billing.recovered) logger.warn({ settled: billing.recovered }, 'settled the generations the previous run left unsettled');
        const { reservations, settlements, journal } = billing;
        const generationReader = settledGenerations(databaseGenerationReader(em), settlements);
        completions = {
          clock: systemClock,
          random: Math.random,
          catalog: catalogSnapshot, health, upstreams, http, sticky, byok, byokFee: config.billing.byokFee, inFlight, reservations,
          byokAllowance: createByokAllowance((accountId, since) => countByokGenerationsSince(em.fork(), accountId, since)),
          settlements,
          journal,
          ...(rateLimiter ? { rateLimiter } : {}),
          observe: (observed) => {
            const decision = decisionOf(observed);
            if (!decision) return;
            metrics.observe(decision);
            traceGeneration?.(decision);
            if (decision.kind === 'finished') logger.info(decision, 'generation finished');
            pubsub.publish('routing-decision', decision.accountId, decision);
            pubsub.publish('routing-decision', ALL_ACCOUNTS, decision);
          },
        };
        const generations = createGenerationRunner({
          pipeline: completions,
          log: generationLog,
          pubsub,
          isSettled: (id) => generationReader.exists(id),
          onError: (error, generationId) => logger.error({ generationId, reason: (error as Error).message }, 'generation log append failed: its stream ends early (the generation still settles)'),
        });
        stopRunner = () => generations.stop();
        const services = {
          accounts,
          reservations,
          pubsub,
          generations,
          keyring,
          byok,
          auth,
          payments: options.payments ?? createTestPaymentProvider(),
          purchaseTerms: config.billing,
          catalogSnapshot,
          health,
          healthFeed: config.healthFeed,
          upstreams,
          catalogAdmin: { em: db.orm.em, changes: catalogChanges },
          generationReader,
        };
        authenticator = auth;
        const addressOf = (req: Parameters<typeof clientAddress>[0]) => clientAddress(req, config.requests.trustProxy);
        const yoga = createGraphQLServer({ em: db.orm.em, services, logger, ...config.graphql, maxNesting: config.requests.maxJsonDepth, streams, addressOf });
        const rest = createRestApp({ em: db.orm.em, auth, health, logger, completions: () => completions!, generationReader, metrics, rateLimits, accounts, sseKeepAliveMs: config.sseKeepAliveMs, isDatabaseReachable: () => db.isReachable() });
        const anonymousLimiter = createRateLimiter(config.anonymous.requestsPerMinutePerIp, 'rl-ip:');
        server = createHttpServer({
          yoga,
          rest,
          site: createConsoleSite(),
          auth,
          streams,
          websocket: { ...DEFAULT_WS_LIMITS, maxBufferedBytes: config.websocket.maxBufferedBytes, maxPayloadBytes: config.requests.maxBodyBytes },
          requests: { ...config.requests, ...(anonymousLimiter ? { anonymousLimiter } : {}) },
        });
        const address = await server.listen(config.port, config.host);
        url = `http://${address.host.includes(':') ? `[${address.host}]` : address.host}:${address.port}`;
        return url;
      } catch (err) {
        await catalogWatcher?.close();
        await catalogChanges?.stop();
        redisEvents?.disconnect();
        redisSubscriber?.disconnect();
        redis?.disconnect();
        await db.close();
        throw err;
      }
    },
    stop() {
      stopping ??= (async () => {
        // New generations are refused from here; running ones get the grace period, then are cancelled — settled either way.
        const drained = await inFlight.drain(config.shutdownGraceMs);
        if (drained.finished + drained.aborted > 0) logger.info(drained, 'drained running generations');
        await server?.close();
        await catalogWatcher?.close();
        await catalogChanges?.stop();
        // Every settlement accepted is committed (and the journal closed) before the database closes.
        await billing?.stop();
        await simulator?.stop();
        await http?.close();
        await stopReplication?.();
        await stopRunner?.();
        stopAccountChanges?.();
        await otlp?.shutdown();
        await generationLog?.close();
        redisEvents?.disconnect();
        redisSubscriber?.disconnect();
        redis?.disconnect();
        await database?.close();
      })();
      return stopping;
    },
  };
}
