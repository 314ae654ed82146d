import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { EndpointStatus, OperatorEndpointsQuery } from '../gql/graphql';
import { Card, Page } from '../components/page';
import { Empty, ErrorBox, QueryView, Success } from '../components/states';
import { EndpointStatusBadge } from '../components/health';
import { perMillion, perTokenFromPerMillion, usd } from '../lib/money';
import { requestErrorMessage, userErrorMessage } from '../lib/errors';

const OperatorEndpoints = graphql(`
  query OperatorEndpoints($provider: String, $status: EndpointStatus) {
    endpoints(provider: $provider, status: $status) {
      id
      status
      quantization
      model {
        slug
        name
      }
      provider {
        slug
        name
      }
      pricing {
        prompt
        completion
        inputCacheRead
      }
    }
    providers {
      slug
      name
    }
  }
`);

const SetEndpointStatus = graphql(`
  mutation SetEndpointStatus($id: ID!, $status: EndpointStatus!) {
    setEndpointStatus(id: $id, status: $status) {
      __typename
      ... on Endpoint {
        id
        status
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

const UpdateEndpointPricing = graphql(`
  mutation UpdateEndpointPricing($id: ID!, $pricing: EndpointPricingInput!) {
    updateEndpointPricing(id: $id, pricing: $pricing) {
      __typename
      ... on Endpoint {
        id
        pricing {
          prompt
          completion
          inputCacheRead
        }
      }
      ... on UserError {
        code
        message
      }
      ... on InvalidInputError {
        field
      }
    }
  }
`);

type EndpointRow = OperatorEndpointsQuery['endpoints'][number];
const STATUSES: EndpointStatus[] = ['ACTIVE', 'DEGRADED', 'DISABLED'];

export function OperatorPage() {
  const [filter, setFilter] = useState<{ provider: string; status: EndpointStatus | ''; model: string }>({ provider: '', status: '', model: '' });
  const [result, refetch] = useQuery({ query: OperatorEndpoints, variables: { provider: filter.provider || null, status: filter.status || null } });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <Page title="Operator">
      <p className="hint">Endpoint status and list prices for every account. A disabled endpoint leaves routing at once on this instance (other instances within 30 s); prices apply to new requests.</p>
      <div className="filters card">
        <label>
          Provider
          <select name="provider" value={filter.provider} onChange={(e) => setFilter({ ...filter, provider: e.target.value })}>
            <option value="">Any</option>
            {result.data?.providers.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as EndpointStatus | '' })}>
            <option value="">Any</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Model
          <input name="model" placeholder="filter by id or name" value={filter.model} onChange={(e) => setFilter({ ...filter, model: e.target.value })} />
        </label>
      </div>
      <Card>
        <QueryView result={result} retry={reload} label="Loading endpoints…">
          {(data) => {
            const needle = filter.model.trim().toLowerCase();
            const rows = data.endpoints.filter((e) => !needle || e.model.slug.includes(needle) || e.model.name.toLowerCase().includes(needle));
            return rows.length === 0 ? (
              <Empty>No endpoint matches.</Empty>
            ) : (
              <div className="table-wrap">
                <table className="operator">
                  <thead>
                    <tr>
                      <th>Model</th>
                      <th>Provider</th>
                      <th className="num">Prompt $/M</th>
                      <th className="num">Completion $/M</th>
                      <th className="num">Cache read $/M</th>
                      <th>Status</th>
                      <th>Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((e) => (
                      <EndpointAdminRow key={e.id} endpoint={e} onChanged={reload} />
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </QueryView>
      </Card>
    </Page>
  );
}

function EndpointAdminRow({ endpoint, onChanged }: { endpoint: EndpointRow; onChanged: () => void }) {
  const [{ fetching: savingStatus }, setStatus] = useMutation(SetEndpointStatus);
  const [{ fetching: savingPrices }, updatePricing] = useMutation(UpdateEndpointPricing);
  const [editing, setEditing] = useState(false);
  const [prices, setPrices] = useState({ prompt: perMillion(endpoint.pricing.prompt), completion: perMillion(endpoint.pricing.completion), inputCacheRead: perMillion(endpoint.pricing.inputCacheRead) });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const changeStatus = async (status: EndpointStatus) => {
    setError(null);
    const r = await setStatus({ id: endpoint.id, status });
    const outcome = r.data?.setEndpointStatus;
    if (r.error) return setError(requestErrorMessage(r.error));
    if (outcome?.__typename !== 'Endpoint') return outcome && setError(userErrorMessage(outcome));
    setNotice(`Now ${outcome.status.toLowerCase()}.`);
    onChanged();
  };

  const savePrices = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const pricing: Record<string, string> = {};
    for (const [field, value] of Object.entries(prices)) {
      const perToken = perTokenFromPerMillion(value);
      if (perToken === null) return setError(`${field}: enter USD per million tokens with at most 6 decimals (e.g. 0.59).`);
      pricing[field] = perToken;
    }
    const r = await updatePricing({ id: endpoint.id, pricing });
    const outcome = r.data?.updateEndpointPricing;
    if (r.error) return setError(requestErrorMessage(r.error));
    if (outcome?.__typename !== 'Endpoint') return outcome && setError(userErrorMessage(outcome));
    setEditing(false);
    setNotice('Prices saved.');
    onChanged();
  };

  return (
    <>
      <tr data-endpoint={`${endpoint.provider.slug}/${endpoint.model.slug}`}>
        <td>
          {endpoint.model.name}
          <div className="muted mono">{endpoint.model.slug}</div>
        </td>
        <td>{endpoint.provider.name}</td>
        <td className="num">{usd(perMillion(endpoint.pricing.prompt))}</td>
        <td className="num">{usd(perMillion(endpoint.pricing.completion))}</td>
        <td className="num">{usd(perMillion(endpoint.pricing.inputCacheRead))}</td>
        <td>
          <EndpointStatusBadge status={endpoint.status} />
        </td>
        <td className="actions">
          <select aria-label={`Status of ${endpoint.provider.slug} ${endpoint.model.slug}`} value={endpoint.status} disabled={savingStatus} onChange={(e) => changeStatus(e.target.value as EndpointStatus)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {s === 'ACTIVE' ? 'Active' : s === 'DEGRADED' ? 'Degraded' : 'Disabled'}
              </option>
            ))}
          </select>
          <button type="button" onClick={() => setEditing(!editing)}>
            Edit prices
          </button>
        </td>
      </tr>
      {(editing || error || notice) && (
        <tr className="row-detail">
          <td colSpan={7}>
            {editing && (
              <form className="row" onSubmit={savePrices}>
                {(['prompt', 'completion', 'inputCacheRead'] as const).map((field) => (
                  <label key={field}>
                    {field === 'inputCacheRead' ? 'Cache read' : field === 'prompt' ? 'Prompt' : 'Completion'} $/M
                    <input inputMode="decimal" value={prices[field]} onChange={(e) => setPrices({ ...prices, [field]: e.target.value })} />
                  </label>
                ))}
                <div>
                  <button type="submit" className="primary" disabled={savingPrices}>
                    Save prices
                  </button>
                </div>
              </form>
            )}
            {error && <ErrorBox message={error} />}
            {notice && !error && <Success>{notice}</Success>}
          </td>
        </tr>
      )}
    </>
  );
}
