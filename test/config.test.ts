import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('defaults to the embedded database, in-memory pubsub and port 4000 on loopback', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      database: { kind: 'embedded', dataDir: './.data' },
      dataDir: './.data',
      redisUrl: undefined,
      redisPrefix: 'sy:',
      logLevel: 'info',
      autoMigrate: true,
      bootstrap: { enabled: true },
      graphql: { maxDepth: 12, maxCost: 50_000, anonymousMaxCost: 1_000, maxTokens: 5_000, maxAliases: 50, maxDocumentLength: 256 * 1024, timeoutMs: 10_000 },
      requests: { maxBodyBytes: 8 * 1024 * 1024, maxJsonDepth: 64, trustProxy: false },
      anonymous: { requestsPerMinutePerIp: 300, connectionsPerIp: 10, subscriptionsPerIp: 20 },
      billing: { purchaseFeeBasisPoints: 550n, purchaseFeeMinimum: 800_000_000_000n, byokFee: { basisPoints: 500n, freeRequestsPerMonth: 1_000_000 } },
      keyring: undefined,
      rateLimitPerMinute: 600,
      shutdownGraceMs: 10_000,
      sseKeepAliveMs: 2_000,
      otlpEndpoint: undefined,
      websocket: { maxConnectionsPerKey: 50, maxSubscriptionsPerKey: 200, maxBufferedBytes: 4 * 1024 * 1024 },
      healthFeed: { intervalMs: 1_000, refreshMs: 30_000 },
      upstreams: { simulate: 'auto', simulatorProfile: 'realistic', simulatorUrl: undefined, credentials: {}, credentialFromEnv: expect.any(Function), simulatorFaultRates: {}, firstByteTimeoutMs: 60_000 },
      catalogFile: undefined,
    });
  });

  it('reads simulator fault rates per provider and refuses a malformed list with the variable named', () => {
    expect(loadConfig({ SIMULATOR_FAULT_RATES: 'groq=0.3, *=0.05' }).upstreams.simulatorFaultRates).toEqual({ groq: 0.3, '*': 0.05 });
    expect(() => loadConfig({ SIMULATOR_FAULT_RATES: 'groq=1.5' })).toThrow(/SIMULATOR_FAULT_RATES.*groq=1.5/s);
    expect(() => loadConfig({ UPSTREAM_FIRST_BYTE_TIMEOUT_MS: '5' })).toThrow(/UPSTREAM_FIRST_BYTE_TIMEOUT_MS/);
  });

  it('reads SECRET_KEY as a bare key or a rotation keyring, and refuses a bad one without echoing it', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ SECRET_KEY: key }).keyring?.activeKeyId).toBe('k1');
    const rotated = loadConfig({ SECRET_KEY: `k2:${Buffer.alloc(32, 8).toString('base64')},k1:${key}` }).keyring!;
    expect(rotated.activeKeyId).toBe('k2');
    expect(Object.keys(rotated.keys)).toEqual(['k2', 'k1']);
    const bad = 'c2hvcnQ=';
    expect(() => loadConfig({ SECRET_KEY: bad })).toThrow(ConfigError);
    try {
      loadConfig({ SECRET_KEY: bad });
    } catch (error) {
      expect((error as Error).message).toMatch(/SECRET_KEY/);
      expect((error as Error).message).not.toContain(bad);
    }
  });

  it('turns the per-key rate limit off with 0', () => {
    expect(loadConfig({ RATE_LIMIT_REQUESTS_PER_MINUTE: '0' }).rateLimitPerMinute).toBeNull();
    expect(loadConfig({ RATE_LIMIT_REQUESTS_PER_MINUTE: '30' }).rateLimitPerMinute).toBe(30);
  });

  it('switches to PostgreSQL and Redis by URL, without auto-migration unless asked', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/x', REDIS_URL: 'redis://cache:6379', PORT: '8080' });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://u@db:5432/x' });
    expect(config.redisUrl).toBe('redis://cache:6379');
    expect(config.port).toBe(8080);
    expect(config.autoMigrate).toBe(false);
    expect(config.bootstrap).toEqual({ enabled: false });
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/x', AUTO_MIGRATE: 'true' }).autoMigrate).toBe(true);
    const key = 'k'.repeat(40);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@db/x', BOOTSTRAP_API_KEY: key }).bootstrap).toEqual({ enabled: true, inferenceKey: key });
  });

  it('reads platform provider credentials from PROVIDER_<SLUG>_API_KEY', () => {
    const config = loadConfig({ PROVIDER_OPENAI_API_KEY: 'sk-live', PROVIDER_MY_GATEWAY_API_KEY: ' k ', PROVIDER_EMPTY_API_KEY: '', SIMULATE_PROVIDERS: 'off' });
    expect(config.upstreams).toMatchObject({ simulate: 'off', simulatorProfile: 'realistic', simulatorUrl: undefined, credentials: { openai: 'sk-live', 'my-gateway': 'k' } });
  });

  it('reads the credential variables a catalog declares, and the catalog file path', () => {
    const config = loadConfig({ VLLM_API_KEY: ' sk-vllm ', EMPTY_KEY: '', CATALOG_FILE: './catalog.yaml' });
    expect(config.upstreams.credentialFromEnv?.('VLLM_API_KEY')).toBe('sk-vllm');
    expect(config.upstreams.credentialFromEnv?.('EMPTY_KEY')).toBeUndefined();
    expect(config.upstreams.credentialFromEnv?.('NOT_SET')).toBeUndefined();
    expect(JSON.stringify(config, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))).not.toContain('sk-vllm');
    expect(config.catalogFile).toBe('./catalog.yaml');
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).database.kind).toBe('embedded');
  });

  it('names every bad variable and what was expected', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', AUTO_MIGRATE: 'yes' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const issues = (error as ConfigError).issues;
    expect(issues).toHaveLength(4);
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT="70000": .*between 0 and 65535/),
        expect.stringMatching(/^DATABASE_URL="mysql:\/\/x": .*postgres:\/\//),
        expect.stringMatching(/^LOG_LEVEL="loud": expected one of/),
        expect.stringMatching(/^AUTO_MIGRATE="yes": expected true or false/),
      ]),
    );
  });
});

describe('configuration errors never echo a secret', () => {
  it('names a malformed key variable without printing its value', () => {
    const given = 'short-secret-value';
    for (const name of ['BOOTSTRAP_API_KEY', 'BOOTSTRAP_MANAGEMENT_KEY', 'OPERATOR_KEY']) {
      const error = (() => {
        try {
          loadConfig({ [name]: given });
        } catch (e) {
          return e as Error;
        }
        throw new Error(`${name}: expected a ConfigError`);
      })();
      expect(error.message).toContain(name);
      expect(error.message).not.toContain(given);
    }
  });
});
