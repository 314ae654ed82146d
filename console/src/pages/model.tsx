import { Link, useParams } from 'react-router';
import { useQuery, useSubscription } from 'urql';
import { graphql } from '../gql';
import type { EndpointHealthFieldsFragment, EndpointStatus } from '../gql/graphql';
import { Card, Page } from '../components/page';
import { Empty, ErrorBox, QueryView } from '../components/states';
import { EndpointStatusBadge, HealthCells } from '../components/health';
import { isZero, perMillion, usd } from '../lib/money';
import { contextLength, day, enumLabel } from '../lib/format';
import { requestErrorMessage } from '../lib/errors';

const ModelDetail = graphql(`
  query ModelDetail($slug: String!) {
    model(id: $slug) {
      id
      slug
      name
      author
      description
      contextLength
      inputModalities
      outputModalities
      tokenizer
      releasedAt
      endpoints {
        id
        quantization
        contextLength
        maxCompletionTokens
        status
        supportedParameters
        provider {
          slug
          name
          upstream
          dataPolicy {
            trainsOnData
            zeroDataRetention
          }
        }
        pricing {
          prompt
          completion
          inputCacheRead
          request
        }
        health {
          ...EndpointHealthFields
        }
      }
    }
  }
`);

const ModelHealth = graphql(`
  subscription ModelHealth($providers: [String!]) {
    providerHealth(providers: $providers) {
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

type Live = Record<string, { health: EndpointHealthFieldsFragment; status: EndpointStatus }>;

export function ModelPage() {
  const slug = useParams()['*'] ?? '';
  const [result, retry] = useQuery({ query: ModelDetail, variables: { slug } });
  const providers = result.data?.model?.endpoints.map((e) => e.provider.slug) ?? [];
  // Live health of this model's endpoints: the subscription sends every endpoint of these providers.
  const [live] = useSubscription({ query: ModelHealth, variables: { providers }, pause: providers.length === 0 }, (previous: Live = {}, event) =>
    event.providerHealth.modelSlug === slug ? { ...previous, [event.providerHealth.endpoint.id]: { health: event.providerHealth.health, status: event.providerHealth.endpointStatus } } : previous,
  );

  return (
    <QueryView result={result} retry={() => retry({ requestPolicy: 'network-only' })} label="Loading the model…">
      {({ model }) =>
        !model ? (
          <Page title="Model not found">
            <Empty>
              No model <code>{slug}</code> in the catalog. <Link to="/catalog">Back to the catalog</Link>
            </Empty>
          </Page>
        ) : (
          <Page
            title={model.name}
            actions={
              <Link className="button primary" to={`/playground?model=${encodeURIComponent(model.slug)}`}>
                Try in the playground
              </Link>
            }
          >
            <Card>
              <p className="mono">{model.slug}</p>
              <p>{model.description}</p>
              <dl className="facts">
                <dt>Author</dt>
                <dd>{model.author}</dd>
                <dt>Context</dt>
                <dd>{contextLength(model.contextLength)} tokens</dd>
                <dt>Input</dt>
                <dd>{model.inputModalities.map(enumLabel).join(', ')}</dd>
                <dt>Output</dt>
                <dd>{model.outputModalities.map(enumLabel).join(', ')}</dd>
                <dt>Tokenizer</dt>
                <dd>{model.tokenizer}</dd>
                <dt>Released</dt>
                <dd>{day(model.releasedAt)}</dd>
              </dl>
            </Card>
            <Card title={`Endpoints (${model.endpoints.length})`}>
              {live.error && <ErrorBox message={`Live health paused: ${requestErrorMessage(live.error)}`} />}
              <div className="table-wrap">
                <table className="endpoints">
                  <thead>
                    <tr>
                      <th>Provider</th>
                      <th className="num">Prompt $/M</th>
                      <th className="num">Completion $/M</th>
                      <th className="num">Uptime 30s/5m/30m</th>
                      <th className="num">TTFT p50 (p90)</th>
                      <th className="num">Throughput</th>
                      <th>Health · breaker</th>
                    </tr>
                  </thead>
                  <tbody>
                    {model.endpoints.map((endpoint) => {
                      const now = live.data?.[endpoint.id];
                      return (
                        <tr key={endpoint.id} data-provider={endpoint.provider.slug}>
                          <td>
                            <strong>{endpoint.provider.name}</strong>
                            <div className="muted">
                              {[
                                endpoint.quantization === 'UNKNOWN' ? null : endpoint.quantization.toLowerCase(),
                                `${contextLength(endpoint.contextLength)} context`,
                                endpoint.provider.upstream.toLowerCase(),
                                endpoint.provider.dataPolicy.zeroDataRetention ? 'ZDR' : null,
                                endpoint.provider.dataPolicy.trainsOnData ? 'trains on data' : null,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </div>
                          </td>
                          <td className="num">
                            {usd(perMillion(endpoint.pricing.prompt))}
                            {!isZero(endpoint.pricing.inputCacheRead) && <div className="muted">cached {usd(perMillion(endpoint.pricing.inputCacheRead))}</div>}
                          </td>
                          <td className="num">{usd(perMillion(endpoint.pricing.completion))}</td>
                          <HealthCells health={now?.health ?? endpoint.health} extra={(now?.status ?? endpoint.status) !== 'ACTIVE' && <EndpointStatusBadge status={now?.status ?? endpoint.status} />} />
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <p className="hint">{live.data ? 'Health is live (pushed when it changes).' : 'Connecting to live health…'} Prices are USD per million tokens.</p>
            </Card>
          </Page>
        )
      }
    </QueryView>
  );
}
