import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useSession } from '../api/session-context';
import { Page } from '../components/page';
import { Empty, QueryView } from '../components/states';
import { GenerationStatus } from '../components/generation-status';
import { usd } from '../lib/money';
import { count, millis, when } from '../lib/format';

const ActivityGenerations = graphql(`
  query ActivityGenerations($first: Int, $after: String, $model: String, $provider: String, $status: String, $apiKey: ID) {
    viewer {
      generations(first: $first, after: $after, model: $model, provider: $provider, status: $status, apiKey: $apiKey) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            createdAt
            model
            provider
            status
            streamed
            promptTokens
            completionTokens
            cost
            ttftMs
            finishReason
            isByok
          }
        }
      }
    }
  }
`);

const ActivityFilters = graphql(`
  query ActivityFilters {
    providers {
      slug
      name
    }
  }
`);

const ActivityKeys = graphql(`
  query ActivityKeys {
    viewer {
      keys {
        id
        name
      }
    }
  }
`);

const PAGE = 25;
const COLUMNS = 8;

export function ActivityPage() {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const [{ data: filters }] = useQuery({ query: ActivityFilters });
  const [{ data: keys }] = useQuery({ query: ActivityKeys, pause: !session.isManagement });
  const filter = { model: params.get('model') || undefined, provider: params.get('provider') || undefined, status: params.get('status') || undefined, apiKey: params.get('key') || undefined };
  const filterKey = params.toString();
  const [pages, setPages] = useState<{ for: string; cursors: (string | null)[] }>({ for: filterKey, cursors: [null] });
  const cursors = pages.for === filterKey ? pages.cursors : [null];
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <Page title="Activity">
      <form className="filters card" onSubmit={(e) => e.preventDefault()}>
        <label>
          Model
          <input name="model" placeholder="e.g. openai/gpt-4o" defaultValue={filter.model ?? ''} onChange={(e) => set('model', e.target.value.trim())} />
        </label>
        <label>
          Provider
          <select name="provider" value={filter.provider ?? ''} onChange={(e) => set('provider', e.target.value)}>
            <option value="">Any</option>
            {filters?.providers.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" value={filter.status ?? ''} onChange={(e) => set('status', e.target.value)}>
            <option value="">Any</option>
            <option value="succeeded">Succeeded</option>
            <option value="failed">Failed</option>
            <option value="cancelled">Cancelled</option>
          </select>
        </label>
        {keys && (
          <label>
            Key
            <select name="key" value={filter.apiKey ?? ''} onChange={(e) => set('key', e.target.value)}>
              <option value="">Any</option>
              {keys.viewer.keys.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </form>
      <div className="table-wrap card">
        <table className="generations">
          <thead>
            <tr>
              <th>When</th>
              <th>Model</th>
              <th>Provider</th>
              <th>Status</th>
              <th className="num">Tokens in / out</th>
              <th className="num">TTFT</th>
              <th className="num">Cost</th>
              <th>Generation</th>
            </tr>
          </thead>
          {cursors.map((after, i) => (
            <GenerationRows key={after ?? 'first'} filter={filter} after={after} isLast={i === cursors.length - 1} onMore={(cursor) => setPages({ for: filterKey, cursors: [...cursors, cursor] })} />
          ))}
        </table>
      </div>
    </Page>
  );
}

function GenerationRows({ filter, after, isLast, onMore }: { filter: Record<string, string | undefined>; after: string | null; isLast: boolean; onMore: (cursor: string) => void }) {
  const navigate = useNavigate();
  const [result, refetch] = useQuery({ query: ActivityGenerations, variables: { ...filter, first: PAGE, after } });
  return (
    <tbody>
      <QueryView result={result} retry={() => refetch({ requestPolicy: 'network-only' })} label="Loading generations…" colSpan={COLUMNS}>
        {({ viewer: { generations } }) => (
          <>
            {generations.edges.length === 0 && after === null && (
              <tr>
                <td colSpan={COLUMNS}>
                  <Empty>No generations match. They appear here once settled.</Empty>
                </td>
              </tr>
            )}
            {generations.edges.map(({ node: g }) => (
              <tr key={g.id} className="clickable" onClick={() => navigate(`/activity/${g.id}`)}>
                <td>{when(g.createdAt)}</td>
                <td className="mono">{g.model ?? '—'}</td>
                <td>
                  {g.provider ?? '—'}
                  {g.isByok && <span className="muted"> · your key</span>}
                </td>
                <td>
                  <GenerationStatus status={g.status} />
                </td>
                <td className="num">
                  {count(g.promptTokens)} / {count(g.completionTokens)}
                </td>
                <td className="num">{millis(g.ttftMs)}</td>
                <td className="num">{usd(g.cost)}</td>
                <td>
                  <Link className="mono" to={`/activity/${g.id}`} onClick={(e) => e.stopPropagation()}>
                    {g.id}
                  </Link>
                </td>
              </tr>
            ))}
            {isLast && generations.pageInfo.hasNextPage && generations.pageInfo.endCursor && (
              <tr className="table-footer">
                <td colSpan={COLUMNS}>
                  <button type="button" onClick={() => onMore(generations.pageInfo.endCursor!)}>
                    Load older
                  </button>
                </td>
              </tr>
            )}
          </>
        )}
      </QueryView>
    </tbody>
  );
}
