import type { ReactNode } from 'react';
import type { CircuitState, EndpointHealthFieldsFragment, EndpointHealthStatus, EndpointStatus } from '../gql/graphql';
import { percent, seconds, tokensPerSecond } from '../lib/format';
import { Badge } from './page';

const STATUS_TONE: Record<EndpointHealthStatus, 'good' | 'warn' | 'bad' | 'neutral'> = { HEALTHY: 'good', DEGRADED: 'warn', FALLBACK_ONLY: 'bad', UNKNOWN: 'neutral' };
const CIRCUIT_TONE: Record<CircuitState, 'good' | 'warn' | 'bad'> = { CLOSED: 'good', HALF_OPEN: 'warn', OPEN: 'bad' };
const CIRCUIT_LABEL: Record<CircuitState, string> = { CLOSED: 'closed', HALF_OPEN: 'half-open', OPEN: 'open' };
const ENDPOINT_TONE: Record<EndpointStatus, 'good' | 'warn' | 'bad'> = { ACTIVE: 'good', DEGRADED: 'warn', DISABLED: 'bad' };

export const HealthBadge = ({ status }: { status: EndpointHealthStatus }) => <Badge tone={STATUS_TONE[status]}>{status === 'FALLBACK_ONLY' ? 'fallback only' : status.toLowerCase()}</Badge>;
/** The circuit breaker's state; inside a "breaker" column the word itself can go. */
export const CircuitBadge = ({ circuit, bare = false }: { circuit: CircuitState; bare?: boolean }) => (
  <span title="circuit breaker">
    <Badge tone={CIRCUIT_TONE[circuit]}>{bare ? CIRCUIT_LABEL[circuit] : `breaker ${CIRCUIT_LABEL[circuit]}`}</Badge>
  </span>
);
export const EndpointStatusBadge = ({ status }: { status: EndpointStatus }) => <Badge tone={ENDPOINT_TONE[status]}>{status.toLowerCase()}</Badge>;

/** Table cells: uptime (30 s / 5 min / 30 min), latency p50, throughput p50, then health, breaker and `extra`. */
export function HealthCells({ health, extra }: { health: EndpointHealthFieldsFragment; extra?: ReactNode }) {
  const measured = [health.uptime30s, health.uptime5m, health.uptime30m].some((u) => u !== null && u !== undefined);
  return (
    <>
      <td className="num" title="last 30 s / 5 min / 30 min">
        {measured ? `${percent(health.uptime30s, 0)} / ${percent(health.uptime5m, 0)} / ${percent(health.uptime30m, 0)}` : <span className="muted">no traffic yet</span>}
      </td>
      <td className="num" title="time to first token, p50 (p90)">
        {seconds(health.latencySeconds?.p50)}
        {health.latencySeconds && <span className="muted"> ({seconds(health.latencySeconds.p90)})</span>}
      </td>
      <td className="num">{tokensPerSecond(health.throughput?.p50)}</td>
      <td className="health-badges">
        <HealthBadge status={health.status} /> <CircuitBadge circuit={health.circuit} bare /> {extra}
      </td>
    </>
  );
}
