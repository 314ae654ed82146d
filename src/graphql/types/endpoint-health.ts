import { builder } from '../builder.js';
import type { EndpointHealthSnapshot, Percentiles } from '../../core/health/index.js';
import { EndpointRef } from './endpoint.js';

const PercentilesRef = builder.objectRef<Percentiles>('Percentiles').implement({
  fields: (t) => ({ p50: t.exposeFloat('p50'), p75: t.exposeFloat('p75'), p90: t.exposeFloat('p90'), p99: t.exposeFloat('p99') }),
});

const HealthStatusEnum = builder.enumType('EndpointHealthStatus', {
  description: 'From 30-minute uptime: ≥ 95 % HEALTHY, 80–95 % DEGRADED, < 80 % FALLBACK_ONLY; UNKNOWN with too few requests.',
  values: { UNKNOWN: { value: 'unknown' }, HEALTHY: { value: 'healthy' }, DEGRADED: { value: 'degraded' }, FALLBACK_ONLY: { value: 'fallback_only' } } as const,
});
const BreakerEnum = builder.enumType('CircuitState', {
  values: { CLOSED: { value: 'closed' }, OPEN: { value: 'open' }, HALF_OPEN: { value: 'half-open' } } as const,
});

export const EndpointHealthRef = builder.objectRef<EndpointHealthSnapshot>('EndpointHealth').implement({
  description: 'Live health of an endpoint as measured by this instance (see docs/health.md).',
  fields: (t) => ({
    status: t.field({ type: HealthStatusEnum, resolve: (h) => h.status }),
    circuit: t.field({ type: BreakerEnum, resolve: (h) => h.breaker }),
    significantOutage: t.exposeBoolean('significantOutage', { description: 'Load balancing sets the endpoint aside while true.' }),
    uptime30s: t.float({ nullable: true, resolve: (h) => h.windows['30s'].uptime ?? null }),
    uptime5m: t.float({ nullable: true, resolve: (h) => h.windows['5m'].uptime ?? null }),
    uptime30m: t.float({ nullable: true, resolve: (h) => h.windows['30m'].uptime ?? null }),
    uptime1d: t.float({ nullable: true, resolve: (h) => h.windows['1d'].uptime ?? null }),
    rateLimitedRate: t.float({ nullable: true, resolve: (h) => h.rateLimitedRate ?? null }),
    latencySeconds: t.field({ type: PercentilesRef, nullable: true, description: 'Time to first token, last 5 minutes.', resolve: (h) => h.latencySeconds ?? null }),
    throughput: t.field({ type: PercentilesRef, nullable: true, description: 'Tokens per second, last 5 minutes.', resolve: (h) => h.throughput ?? null }),
  }),
});

builder.objectField(EndpointRef, 'health', (t) =>
  t.field({ type: EndpointHealthRef, resolve: (e, _args, ctx) => ctx.health.snapshot(e.id, Date.now()) }),
);
