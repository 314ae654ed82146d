import { Link } from 'react-router';
import { useSubscription } from 'urql';
import { graphql } from '../gql';
import type { LiveDecisionsSubscription, LiveHealthSubscription } from '../gql/graphql';
import { useSession } from '../api/session-context';
import { Badge, Card, Page } from '../components/page';
import { Empty, ErrorBox, Loading } from '../components/states';
import { CircuitBadge, EndpointStatusBadge, HealthBadge } from '../components/health';
import { clock, millis, percent, seconds, tokensPerSecond } from '../lib/format';
import { usd } from '../lib/money';
import { requestErrorMessage } from '../lib/errors';

const LiveHealth = graphql(`
  subscription LiveHealth {
    providerHealth {
      at
      providerSlug
      modelSlug
      endpointStatus
      endpoint {
        id
      }
      health {
        ...EndpointHealthFields
      }
    }
  }
`);

const LiveDecisions = graphql(`
  subscription LiveDecisions {
    routingDecisions {
      __typename
      ... on RoutingPlanned {
        plannedGenerationId: generationId
        at
        mode
        models
        candidates {
          provider
        }
        excluded {
          provider
        }
      }
      ... on RoutingAttempt {
        generationId
        at
        provider
        model
        status
        errorCode
        durationMs
      }
      ... on RoutingFinished {
        finishedGenerationId: generationId
        at
        status
        reason
        cost
      }
    }
  }
`);

type HealthEvent = LiveHealthSubscription['providerHealth'];
type Decision = LiveDecisionsSubscription['routingDecisions'];
const FEED_LENGTH = 60;

export function LivePage() {
  const { isOperator } = useSession();
  const [health] = useSubscription({ query: LiveHealth }, (board: Record<string, HealthEvent> = {}, event) => ({ ...board, [event.providerHealth.endpoint.id]: event.providerHealth }));
  const [feed] = useSubscription({ query: LiveDecisions }, (list: (Decision & { seq: number })[] = [], event) => [{ ...event.routingDecisions, seq: (list[0]?.seq ?? 0) + 1 }, ...list].slice(0, FEED_LENGTH));

  const byProvider = new Map<string, HealthEvent[]>();
  for (const e of Object.values(health.data ?? {})) byProvider.set(e.providerSlug, [...(byProvider.get(e.providerSlug) ?? []), e]);
  const providers = [...byProvider.entries()].sort(([a], [b]) => a.localeCompare(b));

  return (
    <Page title="Live">
      <div className="live">
        <Card title="Provider health" className="board-card">
          {health.error && <ErrorBox message={requestErrorMessage(health.error)} />}
          {!health.data && !health.error && <Loading label="Connecting to live health…" />}
          <p className="hint">Every endpoint, as this server measures it; pushed when it changes. “unknown” means too little traffic yet.</p>
          <div className="board">
            {providers.map(([provider, endpoints]) => (
              <div key={provider} className="provider-health" data-provider={provider}>
                <h3>{provider}</h3>
                <ul>
                  {endpoints
                    .sort((a, b) => a.modelSlug.localeCompare(b.modelSlug))
                    .map((e) => (
                      <li key={e.endpoint.id} data-model={e.modelSlug} data-status={e.endpointStatus}>
                        <span className="mono model">{e.modelSlug}</span>
                        <span className="badges">
                          {e.endpointStatus !== 'ACTIVE' && <EndpointStatusBadge status={e.endpointStatus} />}
                          <HealthBadge status={e.health.status} />
                          {e.health.circuit !== 'CLOSED' && <CircuitBadge circuit={e.health.circuit} />}
                        </span>
                        {e.health.uptime5m !== null && e.health.uptime5m !== undefined && (
                          <span className="muted figures">
                            {percent(e.health.uptime5m, 0)} up (5 min) · TTFT {seconds(e.health.latencySeconds?.p50)} · {tokensPerSecond(e.health.throughput?.p50)}
                          </span>
                        )}
                      </li>
                    ))}
                </ul>
              </div>
            ))}
          </div>
        </Card>
        <Card title={isOperator ? 'Routing decisions (all accounts)' : 'Routing decisions (your account)'} className="feed-card">
          {feed.error && <ErrorBox message={requestErrorMessage(feed.error)} />}
          {!feed.data ? (
            <Empty>Waiting for requests… decisions appear here as generations are routed.</Empty>
          ) : (
            <ol className="feed">
              {feed.data.map((d) => (
                <li key={d.seq}>
                  <DecisionLine decision={d} />
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </Page>
  );
}

const generationOf = (d: Decision): string | null | undefined =>
  d.__typename === 'RoutingPlanned' ? d.plannedGenerationId : d.__typename === 'RoutingFinished' ? d.finishedGenerationId : d.__typename === 'RoutingAttempt' ? d.generationId : null;

function DecisionLine({ decision: d }: { decision: Decision }) {
  const generationId = generationOf(d);
  const id = generationId ? (
    <Link className="mono" to={`/activity/${generationId}`}>
      {generationId.slice(0, 16)}…
    </Link>
  ) : (
    <span className="muted">refused</span>
  );
  switch (d.__typename) {
    case 'RoutingPlanned':
      return (
        <>
          <span className="muted">{clock(d.at)}</span> <Badge tone="info">plan</Badge> {id} {d.mode} · {d.models.join(' → ')} · {d.candidates.length} candidates
          {d.excluded.length > 0 && `, ${d.excluded.length} excluded`}
        </>
      );
    case 'RoutingAttempt':
      return (
        <>
          <span className="muted">{clock(d.at)}</span> <Badge tone={d.status === 'succeeded' ? 'good' : d.status === 'failed' ? 'bad' : 'neutral'}>{d.status}</Badge> {id} {d.provider} · {millis(d.durationMs)}
          {d.errorCode && ` · ${d.errorCode}`}
        </>
      );
    case 'RoutingFinished':
      return (
        <>
          <span className="muted">{clock(d.at)}</span> <Badge tone={d.status === 'succeeded' ? 'good' : 'neutral'}>{d.status}</Badge> {id} {usd(d.cost)}
          {d.reason && ` · ${d.reason}`}
        </>
      );
    default:
      return null;
  }
}
