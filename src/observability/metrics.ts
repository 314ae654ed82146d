import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RoutingDecision } from '../gateway/generation/routing-decisions.js';

const PICO_PER_MICRO = 1_000_000n;

export interface Metrics {
  /** Every routing decision updates the counters (the pipeline publishes them as they happen). */
  observe(decision: RoutingDecision): void;
  /** The Prometheus text exposition. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

/**
 * Prometheus metrics of one instance, derived from routing decisions. Labels are bounded (provider
 * slugs, statuses, error codes) — never accounts, keys or generation ids — and carry no secrets.
 */
export function createMetrics(options: { activeGenerations: () => number; openStreams?: () => Record<'key' | 'address', Record<'connection' | 'subscription', number>> }): Metrics {
  const registers = [new Registry()];
  const [registry] = registers as [Registry];
  collectDefaultMetrics({ register: registry, prefix: 'switchyard_process_' });
  const generations = new Counter({ name: 'switchyard_generations_total', help: 'Generations by final status (refused: never started).', labelNames: ['status', 'reason'], registers });
  const attempts = new Counter({ name: 'switchyard_attempts_total', help: 'Upstream attempts by provider and outcome.', labelNames: ['provider', 'status', 'error'], registers });
  const tokens = new Counter({ name: 'switchyard_tokens_total', help: 'Tokens of settled generations.', labelNames: ['provider', 'kind'], registers });
  const cost = new Counter({ name: 'switchyard_cost_microdollars_total', help: 'Charged on credits, in micro-dollars (rounded down per generation).', labelNames: ['provider'], registers });
  const ttft = new Histogram({
    name: 'switchyard_ttft_seconds',
    help: 'Time to first output token of the attempt that served.',
    labelNames: ['provider'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  const attemptDuration = new Histogram({
    name: 'switchyard_attempt_duration_seconds',
    help: 'Upstream attempt duration by provider and outcome.',
    labelNames: ['provider', 'status'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 120],
    registers,
  });
  new Gauge({
    name: 'switchyard_active_generations',
    help: 'Generations running on this instance (reserved, not yet settled).',
    registers,
    collect() {
      this.set(options.activeGenerations());
    },
  });
  new Gauge({
    name: 'switchyard_open_streams',
    help: 'Streaming connections (graphql-ws sockets, GraphQL SSE responses) and subscriptions open on this instance, by owner: an API key or an anonymous address.',
    labelNames: ['owner', 'resource'] as const,
    registers,
    collect() {
      const held = options.openStreams?.();
      if (!held) return;
      for (const owner of ['key', 'address'] as const) for (const resource of ['connection', 'subscription'] as const) this.set({ owner, resource }, held[owner][resource]);
    },
  });

  return {
    observe(d) {
      if (d.kind === 'attempt') {
        attempts.inc({ provider: d.provider, status: d.status, error: d.errorCode ?? 'none' });
        if (d.durationMs !== null) attemptDuration.observe({ provider: d.provider, status: d.status }, d.durationMs / 1000);
      } else if (d.kind === 'finished') {
        generations.inc({ status: d.status, reason: d.reason ?? 'none' });
        if (d.provider === null) return;
        tokens.inc({ provider: d.provider, kind: 'prompt' }, d.promptTokens);
        tokens.inc({ provider: d.provider, kind: 'completion' }, d.completionTokens);
        cost.inc({ provider: d.provider }, Number(BigInt(d.costPico) / PICO_PER_MICRO));
        if (d.ttftMs !== null) ttft.observe({ provider: d.provider }, d.ttftMs / 1000);
      }
    },
    async scrape() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
