import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { graphql } from '../gql';
import type { UsageBucketsQuery, UsageGroupBy } from '../gql/graphql';
import { useSession } from '../api/session-context';
import { Card, Page, Stat } from '../components/page';
import { Empty, ErrorBox, Loading } from '../components/states';
import { chartNumber, sumMoney, toPico, usd } from '../lib/money';
import { clock, count, day, millis } from '../lib/format';
import { bucketStart, fillBuckets, type TimeGrouping } from '../lib/buckets';
import { rawIdOf } from '../lib/ids';
import { requestErrorMessage, userErrorMessage } from '../lib/errors';

const UsageBuckets = graphql(`
  query UsageBuckets($range: UsageRange!, $groupBy: UsageGroupBy!) {
    viewer {
      usage(range: $range, groupBy: $groupBy) {
        __typename
        ... on ViewerUsageSuccess {
          data {
            key
            requests
            errors
            promptTokens
            completionTokens
            reasoningTokens
            cachedTokens
            cost
            byokUsage
            ttftP50Ms
          }
        }
        ... on InvalidInputError {
          code
          message
          field
        }
      }
    }
  }
`);

const UsageKeyNames = graphql(`
  query UsageKeyNames {
    viewer {
      keys {
        id
        name
      }
    }
  }
`);

type Bucket = Extract<UsageBucketsQuery['viewer']['usage'], { __typename: 'ViewerUsageSuccess' }>['data'][number];
type Preset = '24h' | '7d' | '30d' | 'custom';
const HOUR = 3_600_000;
const PRESETS: { value: Preset; label: string; hours: number }[] = [
  { value: '24h', label: 'Last 24 hours', hours: 24 },
  { value: '7d', label: 'Last 7 days', hours: 24 * 7 },
  { value: '30d', label: 'Last 30 days', hours: 24 * 30 },
];
const BREAKDOWNS: { value: UsageGroupBy; label: string }[] = [
  { value: 'MODEL', label: 'Model' },
  { value: 'PROVIDER', label: 'Provider' },
  { value: 'KEY', label: 'Key' },
];
const axisUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
const tickUsd = (v: number) => axisUsd.format(v);
const shortLabel = (label: string) => (label.length > 30 ? `…${label.slice(-29)}` : label);
const emptyBucket = (key: string): Bucket => ({ key, requests: 0, errors: 0, promptTokens: 0, completionTokens: 0, reasoningTokens: 0, cachedTokens: 0, cost: '0', byokUsage: '0', ttftP50Ms: null });

/** Ranges end at the next whole hour, so the buckets (and the query) stay the same while the page is open. */
function presetRange(hours: number): { from: number; to: number } {
  const to = bucketStart(Date.now(), 'HOUR') + HOUR;
  return { from: to - hours * HOUR, to };
}

function useUsage(range: { from: number; to: number }, groupBy: UsageGroupBy) {
  const [result, refetch] = useQuery({ query: UsageBuckets, variables: { range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() }, groupBy } });
  const usage = result.data?.viewer.usage;
  const error = result.error ? requestErrorMessage(result.error) : usage && usage.__typename !== 'ViewerUsageSuccess' ? userErrorMessage(usage) : null;
  return { buckets: usage?.__typename === 'ViewerUsageSuccess' ? usage.data : undefined, error, retry: () => refetch({ requestPolicy: 'network-only' }) };
}

export function UsagePage() {
  const [preset, setPreset] = useState<Preset>('7d');
  const [custom, setCustom] = useState({ from: '', to: '' });
  const [refreshed, setRefreshed] = useState(0);
  const [breakdown, setBreakdown] = useState<UsageGroupBy>('MODEL');
  const range = useMemo(() => {
    if (preset === 'custom' && custom.from && custom.to) return { from: Date.parse(`${custom.from}T00:00:00Z`), to: Date.parse(`${custom.to}T00:00:00Z`) + 24 * HOUR };
    return presetRange(PRESETS.find((p) => p.value === preset)?.hours ?? 24 * 7);
    // `refreshed` moves a preset range to now.
  }, [preset, custom.from, custom.to, refreshed]);
  const [timeGrouping, setTimeGrouping] = useState<TimeGrouping | 'auto'>('auto');
  const grouping: TimeGrouping = timeGrouping === 'auto' ? (range.to - range.from <= 48 * HOUR ? 'HOUR' : 'DAY') : timeGrouping;

  const series = useUsage(range, grouping);
  const split = useUsage(range, breakdown);

  return (
    <Page
      title="Usage"
      actions={
        <button type="button" onClick={() => setRefreshed((n) => n + 1)}>
          Refresh
        </button>
      }
    >
      <div className="filters card">
        <label>
          Range
          <select value={preset} onChange={(e) => setPreset(e.target.value as Preset)}>
            {PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom dates (UTC)</option>
          </select>
        </label>
        {preset === 'custom' && (
          <>
            <label>
              From
              <input type="date" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            </label>
            <label>
              To (inclusive)
              <input type="date" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
            </label>
          </>
        )}
        <label>
          Buckets
          <select value={timeGrouping} onChange={(e) => setTimeGrouping(e.target.value as TimeGrouping | 'auto')}>
            <option value="auto">Automatic ({grouping === 'HOUR' ? 'hours' : 'days'})</option>
            <option value="HOUR">Hours</option>
            <option value="DAY">Days</option>
          </select>
        </label>
      </div>
      {series.error ? (
        <ErrorBox message={series.error} onRetry={series.retry} />
      ) : !series.buckets ? (
        <Loading label="Loading usage…" />
      ) : (
        <TimeSeries buckets={series.buckets} range={range} grouping={grouping} />
      )}
      <Card title="Breakdown">
        <div className="tabs" role="tablist">
          {BREAKDOWNS.map((b) => (
            <button key={b.value} type="button" role="tab" aria-selected={breakdown === b.value} className={breakdown === b.value ? 'active' : ''} onClick={() => setBreakdown(b.value)}>
              By {b.label.toLowerCase()}
            </button>
          ))}
        </div>
        {split.error ? <ErrorBox message={split.error} onRetry={split.retry} /> : !split.buckets ? <Loading /> : <Breakdown buckets={split.buckets} by={breakdown} />}
      </Card>
    </Page>
  );
}

function TimeSeries({ buckets, range, grouping }: { buckets: Bucket[]; range: { from: number; to: number }; grouping: TimeGrouping }) {
  const filled = fillBuckets(buckets, range.from, range.to, grouping, emptyBucket);
  const label = (iso: string) => (grouping === 'HOUR' ? clock(iso).slice(0, 5) : day(iso));
  const points = filled.map((b) => ({ label: label(b.key), cost: chartNumber(b.cost), exactCost: b.cost, requests: b.requests, prompt: b.promptTokens, completion: b.completionTokens, reasoning: b.reasoningTokens, cached: b.cachedTokens }));
  const totalTokens = buckets.reduce((n, b) => n + b.promptTokens + b.completionTokens, 0);
  const requests = buckets.reduce((n, b) => n + b.requests, 0);
  return (
    <>
      <div className="stats">
        <Stat label="Spend" value={<span data-testid="usage-spend">{usd(sumMoney(buckets.map((b) => b.cost)))}</span>} hint="charged on credits" />
        <Stat label="Requests" value={<span data-testid="usage-requests">{count(requests)}</span>} hint={`${count(buckets.reduce((n, b) => n + b.errors, 0))} failed or cancelled`} />
        <Stat label="Tokens" value={count(totalTokens)} hint={`${count(buckets.reduce((n, b) => n + b.promptTokens, 0))} prompt · ${count(buckets.reduce((n, b) => n + b.completionTokens, 0))} completion`} />
        <Stat label="Cached prompt tokens" value={count(buckets.reduce((n, b) => n + b.cachedTokens, 0))} hint="read from a provider’s prompt cache" />
        <Stat label="With your keys" value={usd(sumMoney(buckets.map((b) => b.byokUsage)))} hint="BYOK, at list price" />
      </div>
      {requests === 0 && <Empty>No generations in this range yet. Send one from the playground.</Empty>}
      <div className="charts">
        <Card title={`Spend and requests per ${grouping === 'HOUR' ? 'hour' : 'day'}`}>
          <ResponsiveContainer width="100%" height={260}>
            <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis yAxisId="cost" tickFormatter={tickUsd} width={84} />
              <YAxis yAxisId="requests" orientation="right" allowDecimals={false} width={40} />
              <Tooltip formatter={(value, name, item) => (name === 'Spend' ? usd((item.payload as { exactCost: string }).exactCost) : String(value))} />
              <Legend />
              <Bar yAxisId="cost" dataKey="cost" name="Spend" fill="#4f6bed" isAnimationActive={false} />
              <Line yAxisId="requests" dataKey="requests" name="Requests" stroke="#e07b39" dot={false} isAnimationActive={false} />
            </ComposedChart>
          </ResponsiveContainer>
        </Card>
        <Card title={`Tokens per ${grouping === 'HOUR' ? 'hour' : 'day'}`}>
          <ResponsiveContainer width="100%" height={260}>
            <BarChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" minTickGap={16} />
              <YAxis width={60} />
              <Tooltip />
              <Legend />
              <Bar dataKey="prompt" name="Prompt" stackId="t" fill="#4f6bed" isAnimationActive={false} />
              <Bar dataKey="completion" name="Completion" stackId="t" fill="#2fb380" isAnimationActive={false} />
              <Bar dataKey="reasoning" name="Reasoning" stackId="t" fill="#b06be0" isAnimationActive={false} />
              <Bar dataKey="cached" name="Cached (of prompt)" fill="#c9c9c9" isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </Card>
      </div>
    </>
  );
}

function Breakdown({ buckets, by }: { buckets: Bucket[]; by: UsageGroupBy }) {
  const session = useSession();
  // Buckets by KEY carry the key's row id; names come from the key list (management keys only).
  const [names] = useQuery({ query: UsageKeyNames, pause: by !== 'KEY' || !session.isManagement });
  const keyName = new Map((names.data?.viewer.keys ?? []).map((k) => [rawIdOf(k.id), k.name]));
  keyName.set(rawIdOf(session.viewer.key.id), session.viewer.key.name);
  const labelOf = (key: string) => (by === 'KEY' ? (keyName.get(key) ?? `key ${key.slice(0, 8)}`) : key || '(none)');
  const rows = [...buckets].sort((a, b) => {
    const [x, y] = [toPico(a.cost), toPico(b.cost)];
    return x === y ? b.requests - a.requests : y > x ? 1 : -1;
  });
  if (rows.length === 0) return <Empty>Nothing in this range.</Empty>;
  return (
    <div className="breakdown">
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 36)}>
        <BarChart data={rows.map((b) => ({ label: labelOf(b.key), cost: chartNumber(b.cost), exactCost: b.cost }))} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" tickFormatter={tickUsd} />
          <YAxis type="category" dataKey="label" width={230} tickFormatter={shortLabel} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(_v, _n, item) => usd((item.payload as { exactCost: string }).exactCost)} />
          <Bar dataKey="cost" name="Spend" fill="#4f6bed" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
      <div className="table-wrap">
        <table data-testid={`usage-by-${by.toLowerCase()}`}>
          <thead>
            <tr>
              <th>{BREAKDOWNS.find((b) => b.value === by)?.label}</th>
              <th className="num">Requests</th>
              <th className="num">Errors</th>
              <th className="num">Prompt</th>
              <th className="num">Completion</th>
              <th className="num">Cached</th>
              <th className="num">TTFT p50</th>
              <th className="num">Spend</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.key}>
                <td className={by === 'KEY' ? '' : 'mono'}>{labelOf(b.key)}</td>
                <td className="num">{count(b.requests)}</td>
                <td className="num">{count(b.errors)}</td>
                <td className="num">{count(b.promptTokens)}</td>
                <td className="num">{count(b.completionTokens)}</td>
                <td className="num">{count(b.cachedTokens)}</td>
                <td className="num">{millis(b.ttftP50Ms)}</td>
                <td className="num">{usd(b.cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
