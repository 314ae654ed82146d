import { z } from 'zod';
import { parseBasisPoints, parseUsd, type Money } from './core/billing/money.js';
import type { ByokFeeTerms } from './core/billing/byok-fee.js';
import { InvalidKeyringError, parseKeyring, type Keyring } from './gateway/secrets/keyring.js';
import { parseFaultRates } from './simulator/profiles.js';

/** The only reader of process.env: everything else receives a validated Config. */
const optionalUrl = (schemes: string[]) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .refine((v) => v === undefined || schemes.some((s) => v.startsWith(`${s}://`)), {
      message: `expected a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    });

const envSchema = z.object({
  PORT: z.coerce
    .number({ message: 'expected a port number' })
    .int('expected an integer port')
    .min(0, 'expected a port between 0 and 65535')
    .max(65535, 'expected a port between 0 and 65535')
    .default(4000),
  HOST: z.string().trim().min(1, 'expected a host name or IP address').default('127.0.0.1'),
  DATABASE_URL: optionalUrl(['postgres', 'postgresql']),
  DATA_DIR: z.string().trim().min(1, 'expected a directory path').default('./.data'),
  REDIS_URL: optionalUrl(['redis', 'rediss']),
  REDIS_PREFIX: z.string().trim().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'expected 1–64 of [A-Za-z0-9:_-]').default('sy:'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], {
    message: 'expected one of debug, info, warn, error, silent',
  }).default('info'),
  AUTO_MIGRATE: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  BOOTSTRAP_DEV_ACCOUNT: z
    .enum(['true', 'false'], { message: 'expected true or false' })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  BOOTSTRAP_API_KEY: z.string().trim().min(32, 'expected a secret of at least 32 characters').optional(),
  OPERATOR_KEY: z.string().trim().min(32, 'expected a secret of at least 32 characters').optional(),
  BOOTSTRAP_MANAGEMENT_KEY: z.string().trim().min(32, 'expected a secret of at least 32 characters').optional(),
  CREDIT_PURCHASE_FEE_PERCENT: z.string().regex(/^\d+(\.\d{1,2})?$/, 'expected a percentage like 5.5').default('5.5'),
  CREDIT_PURCHASE_FEE_MINIMUM_USD: z.string().regex(/^\d+(\.\d{1,12})?$/, 'expected a USD amount like 0.80').default('0.80'),
  SECRET_KEY: z.string().trim().optional().transform((v) => (v === '' ? undefined : v)),
  BYOK_FEE_PERCENT: z.string().regex(/^\d+(\.\d{1,2})?$/, 'expected a percentage like 5').default('5'),
  BYOK_FREE_REQUESTS_PER_MONTH: z.coerce.number().int().min(0, 'expected a non-negative integer').default(1_000_000),
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0, 'expected a non-negative integer (0 turns the limit off)').default(600),
  SIMULATOR_URL: optionalUrl(['http', 'https']),
  WS_MAX_CONNECTIONS_PER_KEY: z.coerce.number().int().min(1, 'expected an integer ≥ 1').default(50),
  WS_MAX_BUFFERED_BYTES: z.coerce.number().int().min(1024, 'expected bytes ≥ 1024').default(4 * 1024 * 1024),
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(['http', 'https']),
  SSE_KEEPALIVE_MS: z.coerce.number().int().min(10, 'expected milliseconds ≥ 10').default(2_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0, 'expected milliseconds ≥ 0').default(10_000),
  SIMULATE_PROVIDERS: z.enum(['auto', 'all', 'off'], { message: 'expected auto, all or off' }).default('auto'),
  SIMULATOR_PROFILE: z.enum(['realistic', 'fast'], { message: 'expected realistic or fast' }).default('realistic'),
  CATALOG_FILE: z.string().trim().optional().transform((v) => (v === '' ? undefined : v)),
  SIMULATOR_FAULT_RATES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      try {
        return parseFaultRates(v ?? '');
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
        return z.NEVER;
      }
    }),
  UPSTREAM_FIRST_BYTE_TIMEOUT_MS: z.coerce.number().int().min(100, 'expected milliseconds ≥ 100').default(60_000),
  HEALTH_PUSH_INTERVAL_MS: z.coerce.number().int().min(50, 'expected milliseconds ≥ 50').default(1_000),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2, 'expected an integer ≥ 2').default(12),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100, 'expected an integer ≥ 100').default(50_000),
  GRAPHQL_ANONYMOUS_MAX_COST: z.coerce.number().int().min(100, 'expected an integer ≥ 100').default(1_000),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100, 'expected an integer ≥ 100').default(5_000),
  GRAPHQL_MAX_DOCUMENT_CHARS: z.coerce.number().int().min(1024, 'expected an integer ≥ 1024').default(256 * 1024),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1, 'expected an integer ≥ 1').default(50),
  GRAPHQL_TIMEOUT_MS: z.coerce.number().int().min(10, 'expected milliseconds ≥ 10').default(10_000),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024, 'expected bytes ≥ 1024').default(8 * 1024 * 1024),
  MAX_JSON_DEPTH: z.coerce.number().int().min(8, 'expected an integer ≥ 8').default(64),
  TRUST_PROXY: z.enum(['true', 'false'], { message: 'expected true or false' }).default('false').transform((v) => v === 'true'),
  ANONYMOUS_REQUESTS_PER_MINUTE_PER_IP: z.coerce.number().int().min(0, 'expected a non-negative integer (0 turns the limit off)').default(300),
  ANONYMOUS_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1, 'expected an integer ≥ 1').default(10),
  ANONYMOUS_MAX_SUBSCRIPTIONS_PER_IP: z.coerce.number().int().min(1, 'expected an integer ≥ 1').default(20),
  MAX_SUBSCRIPTIONS_PER_KEY: z.coerce.number().int().min(1, 'expected an integer ≥ 1').default(200),
});

export type Database =
  | { kind: 'embedded'; dataDir: string }
  | { kind: 'postgres'; url: string; schema?: string };

export type LogLevel = z.infer<typeof envSchema>['LOG_LEVEL'];

export interface Config {
  port: number;
  host: string;
  database: Database;
  /** Local state of this instance (DATA_DIR): the embedded database, its BYOK key, the settlement journal. */
  dataDir: string;
  redisUrl: string | undefined;
  /** Namespaces every Redis key and channel, so deployments can share one Redis. */
  redisPrefix: string;
  logLevel: LogLevel;
  /** Apply migrations and seed an empty catalog at start-up (default: only for the embedded database). */
  autoMigrate: boolean;
  /** Ensure a funded development account (default: embedded database, or when keys are configured). */
  bootstrap: { enabled: boolean; inferenceKey?: string; managementKey?: string };
  /** A key with the operator scope (catalog administration, credit grants); none when unset. */
  operatorKey: string | undefined;
  /** Per-operation GraphQL limits; anonymous callers get `anonymousMaxCost` instead of `maxCost`. */
  graphql: { maxDepth: number; maxCost: number; anonymousMaxCost: number; maxTokens: number; maxAliases: number; maxDocumentLength: number; timeoutMs: number };
  /** Every request body, however it is framed: at most `maxBodyBytes`, JSON at most `maxJsonDepth` deep. */
  requests: { maxBodyBytes: number; maxJsonDepth: number; trustProxy: boolean };
  /** Callers without a valid key, counted per client address (null: no request limit). */
  anonymous: { requestsPerMinutePerIp: number | null; connectionsPerIp: number; subscriptionsPerIp: number };
  billing: { purchaseFeeBasisPoints: bigint; purchaseFeeMinimum: Money; byokFee: ByokFeeTerms };
  /**
   * Seals BYOK keys (SECRET_KEY). Unset: the embedded default keeps a generated key in DATA_DIR; with
   * DATABASE_URL, BYOK is unavailable until one is configured.
   */
  keyring: Keyring | undefined;
  /** Requests per minute per API key on inference paths; null turns the limit off. */
  rateLimitPerMinute: number | null;
  /**
   * Streaming limits per API key: connections (graphql-ws connections plus GraphQL subscriptions over SSE),
   * subscriptions over both transports, and unread bytes queued per socket before it is closed.
   */
  websocket: { maxConnectionsPerKey: number; maxSubscriptionsPerKey: number; maxBufferedBytes: number };
  /** Send a trace per generation to this OTLP/HTTP collector; off when unset. */
  otlpEndpoint: string | undefined;
  /** A streamed response silent this long gets a `: OPENROUTER PROCESSING` comment. */
  sseKeepAliveMs: number;
  /** On SIGTERM, how long running generations may finish before they are cancelled (and settled). */
  shutdownGraceMs: number;
  /** Which providers are called for real and which are answered by the built-in simulator. */
  upstreams: {
    simulate: 'auto' | 'all' | 'off';
    simulatorProfile: 'realistic' | 'fast';
    /** An already running simulator (e.g. `npm run simulator`) to use instead of starting one in-process. */
    simulatorUrl: string | undefined;
    /** Platform credentials by provider slug, from PROVIDER_<SLUG>_API_KEY. */
    credentials: Record<string, string>;
    /** The value of a provider's declared credential variable (`credentialEnv` in the catalog), read at start-up. */
    credentialFromEnv?: (name: string) => string | undefined;
    /** In-process simulator: share of failing requests per provider slug (`*` for all), replacing the profile's faults. */
    simulatorFaultRates?: Record<string, number>;
    /** How long an attempt may wait for the upstream's first byte before it fails over (time to first token guard). */
    firstByteTimeoutMs?: number;
  };
  /** A YAML or JSON catalog merged over the built-in one, re-applied when it changes (docs/catalog.md). */
  catalogFile: string | undefined;
  /** providerHealth subscriptions: sampling interval and full-refresh period. */
  healthFeed: { intervalMs: number; refreshMs: number };
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        // A secret is never echoed, not even a malformed one.
        const shown = /KEY|SECRET|PASSWORD|TOKEN/.test(name) ? '(value not shown)' : JSON.stringify(env[name] ?? '');
        return `${name}=${shown}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  let keyring: Keyring | undefined;
  try {
    keyring = e.SECRET_KEY === undefined ? undefined : parseKeyring(e.SECRET_KEY.includes(':') ? e.SECRET_KEY : `k1:${e.SECRET_KEY}`);
  } catch (err) {
    if (err instanceof InvalidKeyringError) throw new ConfigError([`SECRET_KEY: ${err.message}`]);
    throw err;
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'embedded', dataDir: e.DATA_DIR },
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    logLevel: e.LOG_LEVEL,
    autoMigrate: e.AUTO_MIGRATE ?? !e.DATABASE_URL,
    bootstrap: {
      enabled: e.BOOTSTRAP_DEV_ACCOUNT ?? (!e.DATABASE_URL || Boolean(e.BOOTSTRAP_API_KEY || e.BOOTSTRAP_MANAGEMENT_KEY)),
      ...(e.BOOTSTRAP_API_KEY ? { inferenceKey: e.BOOTSTRAP_API_KEY } : {}),
      ...(e.BOOTSTRAP_MANAGEMENT_KEY ? { managementKey: e.BOOTSTRAP_MANAGEMENT_KEY } : {}),
    },
    operatorKey: e.OPERATOR_KEY,
    graphql: {
      maxDepth: e.GRAPHQL_MAX_DEPTH,
      maxCost: e.GRAPHQL_MAX_COST,
      anonymousMaxCost: e.GRAPHQL_ANONYMOUS_MAX_COST,
      maxTokens: e.GRAPHQL_MAX_TOKENS,
      maxAliases: e.GRAPHQL_MAX_ALIASES,
      maxDocumentLength: e.GRAPHQL_MAX_DOCUMENT_CHARS,
      timeoutMs: e.GRAPHQL_TIMEOUT_MS,
    },
    requests: { maxBodyBytes: e.MAX_BODY_BYTES, maxJsonDepth: e.MAX_JSON_DEPTH, trustProxy: e.TRUST_PROXY },
    anonymous: {
      requestsPerMinutePerIp: e.ANONYMOUS_REQUESTS_PER_MINUTE_PER_IP === 0 ? null : e.ANONYMOUS_REQUESTS_PER_MINUTE_PER_IP,
      connectionsPerIp: e.ANONYMOUS_MAX_CONNECTIONS_PER_IP,
      subscriptionsPerIp: e.ANONYMOUS_MAX_SUBSCRIPTIONS_PER_IP,
    },
    healthFeed: { intervalMs: e.HEALTH_PUSH_INTERVAL_MS, refreshMs: 30_000 },
    upstreams: {
      simulate: e.SIMULATE_PROVIDERS,
      simulatorProfile: e.SIMULATOR_PROFILE,
      simulatorUrl: e.SIMULATOR_URL,
      credentials: providerCredentials(env),
      credentialFromEnv: environmentReader(env),
      simulatorFaultRates: e.SIMULATOR_FAULT_RATES,
      firstByteTimeoutMs: e.UPSTREAM_FIRST_BYTE_TIMEOUT_MS,
    },
    catalogFile: e.CATALOG_FILE,
    billing: {
      purchaseFeeBasisPoints: parseBasisPoints(e.CREDIT_PURCHASE_FEE_PERCENT),
      purchaseFeeMinimum: parseUsd(e.CREDIT_PURCHASE_FEE_MINIMUM_USD),
      byokFee: { basisPoints: parseBasisPoints(e.BYOK_FEE_PERCENT), freeRequestsPerMonth: e.BYOK_FREE_REQUESTS_PER_MONTH },
    },
    keyring,
    rateLimitPerMinute: e.RATE_LIMIT_REQUESTS_PER_MINUTE === 0 ? null : e.RATE_LIMIT_REQUESTS_PER_MINUTE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    sseKeepAliveMs: e.SSE_KEEPALIVE_MS,
    otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT,
    websocket: { maxConnectionsPerKey: e.WS_MAX_CONNECTIONS_PER_KEY, maxSubscriptionsPerKey: e.MAX_SUBSCRIPTIONS_PER_KEY, maxBufferedBytes: e.WS_MAX_BUFFERED_BYTES },
  };
}

/** PROVIDER_OPENAI_API_KEY → { openai: … }; PROVIDER_MY_GATEWAY_API_KEY → { 'my-gateway': … }. */
function providerCredentials(env: Record<string, string | undefined>): Record<string, string> {
  const credentials: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = /^PROVIDER_([A-Z0-9_]+)_API_KEY$/.exec(name);
    if (match && value?.trim()) credentials[match[1]!.toLowerCase().replace(/_/g, '-')] = value.trim();
  }
  return credentials;
}

/** A frozen copy of the environment's non-empty values, behind a function so the config never prints them. */
function environmentReader(env: Record<string, string | undefined>): (name: string) => string | undefined {
  const values = new Map(Object.entries(env).flatMap(([name, value]) => (value?.trim() ? [[name, value.trim()] as const] : [])));
  return (name) => values.get(name);
}
